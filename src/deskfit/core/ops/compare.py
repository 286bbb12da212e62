"""What changed between two profiles, or two versions of one (``deskfit compare A B``).

``compare(a, b)`` finds:

- every answer that differs: the profile's ``name`` and ``units`` and every question of
  every section, titled as the model (and the wizard) titles it, both sides formatted in
  A's units with ``answers.format_answer``;
- every setting that differs: ``advise(a).settings`` against ``advise(b).settings``, with
  the labels of ``render.settings_rows``, compared as a person reads them (rounded and in
  A's units);
- the ROSA score of each, now and after the changes;
- the advice resolved (ids in A's advice and not in B's) and the advice new (in B's and
  not in A's);
- the symptoms reported in each (they are answers too, listed also in words), and every
  action whose status, date, owner or note differs, with those done in B and not in A.

Not compared: ``created`` and ``updated`` (when a file was saved says nothing about the
workstation), ``schema_version`` (both are current once loaded) and the free-form
``[extra]`` table. A differing ``name`` does count. Pure: no I/O, never imports textual.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from deskfit.core.engine.advice import Advice, AdviceLine, advise
from deskfit.core.engine.plan import Setup
from deskfit.core.engine.rosa import RosaScore
from deskfit.core.model.fields import UNIT
from deskfit.core.model.profile import SECTION_MODELS, SECTION_NAMES, Profile, Units
from deskfit.core.model.questions import PROFILE_FIELDS
from deskfit.core.model.record import STATUS_WORDS
from deskfit.core.model.units import format_length
from deskfit.core.ops.report import problem_title
from deskfit.core.ops.report_render import plural
from deskfit.core.present.answers import SECTION_TITLES, format_answer
from deskfit.core.present.record import (
    NOTHING_REPORTED,
    action_dict,
    action_words,
    symptoms_summary,
)
from deskfit.core.present.render import (
    ROSA_PARTS,
    SETTING_ROWS,
    heading,
    md_table,
    text_table,
    wrap,
)

__all__ = [
    "Changed",
    "Comparison",
    "compare",
    "comparison_json",
    "comparison_markdown",
    "comparison_text",
    "render_comparison",
]

NO_DIFFERENCES = "No differences."
PROFILE_TITLE = "Profile"  # the section title of the profile's own name and units
CUSHION = ("Seat cushion", "cushion_cm")
DONE = STATUS_WORDS["done"]


@dataclass(frozen=True)
class Changed:
    """One answer or setting that differs: its key, its title, and both sides in words.

    ``key`` is the profile key for an answer (``name``, ``chair.seat_height_cm``) or the
    settings key for a setting (``seat_height_cm``, as in the JSON export).
    """

    key: str
    title: str
    before: str
    after: str

    @property
    def section(self) -> str:
        """The section's title ("Chair", "You"), "Profile" for name and units."""
        head, dot, _ = self.key.partition(".")
        return SECTION_TITLES.get(head, PROFILE_TITLE) if dot else PROFILE_TITLE

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "title": self.title, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Comparison:
    """What changed from profile A to profile B."""

    name_a: str
    name_b: str
    answers: list[Changed]
    settings: list[Changed]
    rosa_a: RosaScore
    rosa_after_a: RosaScore
    rosa_b: RosaScore
    rosa_after_b: RosaScore
    resolved: list[AdviceLine]
    new: list[AdviceLine]
    symptoms_a: str = NOTHING_REPORTED
    symptoms_b: str = NOTHING_REPORTED
    actions: tuple[Changed, ...] = ()  # key "actions.<advice id>", both sides in words
    # the same actions as fields for tools (status, date, owner, note; None: no action)
    action_fields: dict[str, tuple[dict[str, Any] | None, dict[str, Any] | None]] = (
        dataclasses.field(default_factory=dict)
    )
    # two versions of one profile (the same name, or the same creation time), or two
    # people: the words say "resolved since A" only of the first
    versions: bool = True

    @property
    def advice_headings(self) -> tuple[str, str]:
        """What the advice only A has and only B has is called, for one person over time
        or for two people."""
        if self.versions:
            return "Advice resolved (in A, not in B)", "Advice new (in B, not in A)"
        return "Advice only A gets", "Advice only B gets"

    @property
    def done(self) -> list[Changed]:
        """The actions done in B that were not done in A."""
        return [
            a for a in self.actions if a.after.startswith(DONE) and not a.before.startswith(DONE)
        ]

    @property
    def final_change(self) -> int:
        """B's final ROSA score now minus A's (negative: B is better)."""
        return self.rosa_b.final - self.rosa_a.final

    @property
    def final_after_change(self) -> int:
        """B's final ROSA score after the changes minus A's."""
        return self.rosa_after_b.final - self.rosa_after_a.final

    @property
    def identical(self) -> bool:
        """Nothing compared differs (created, updated and [extra] are not compared)."""
        return (
            not self.answers
            and not self.settings
            and not self.resolved
            and not self.new
            and not self.actions
            and self.rosa_a.as_dict() == self.rosa_b.as_dict()
            and self.rosa_after_a.as_dict() == self.rosa_after_b.as_dict()
        )


# -- finding the differences ------------------------------------------------------------


def _answer(info: Any, value: Any, units: Units, field: str) -> str:
    return format_answer(info, value, units, stature=field == "stature_cm")


def _precise(value: Any, unit_cm: bool) -> str:
    """A value too close to its other side to tell apart once rounded: shown exactly."""
    return f"{value:g} cm" if unit_cm and isinstance(value, (int, float)) else str(value)


def _changed_answers(a: Profile, b: Profile) -> list[Changed]:
    units = a.units
    out: list[Changed] = []
    pairs: list[tuple[str, str, Any, Any, Any]] = []  # key, field, FieldInfo, before, after
    for field in PROFILE_FIELDS:
        info = Profile.model_fields[field]
        pairs.append((field, field, info, getattr(a, field), getattr(b, field)))
    for section in SECTION_NAMES:
        model = SECTION_MODELS[section]
        sa, sb = getattr(a, section), getattr(b, section)
        for field, info in model.model_fields.items():
            pairs.append(
                (f"{section}.{field}", field, info, getattr(sa, field), getattr(sb, field))
            )
    for key, field, info, before, after in pairs:
        if before == after and type(before) is type(after):
            continue
        shown_before = _answer(info, before, units, field)
        shown_after = _answer(info, after, units, field)
        if shown_before == shown_after:  # 46.0 and 46.1 both read "46 cm"
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            is_cm = extra.get(UNIT) == "cm"
            shown_before, shown_after = _precise(before, is_cm), _precise(after, is_cm)
        out.append(Changed(key, info.title or field, shown_before, shown_after))
    return out


def _setting(setup: Setup, attr: str, units: Units) -> str:
    value = getattr(setup, attr)
    if attr in ("footstool_height_cm", "cushion_cm") and not value:
        return "none"
    if value is None:
        return "—"
    return format_length(float(value), units)


def _changed_settings(a: Advice, b: Advice, units: Units) -> list[Changed]:
    out: list[Changed] = []
    for label, attr in (CUSHION, *SETTING_ROWS):
        before, after = _setting(a.settings, attr, units), _setting(b.settings, attr, units)
        if before != after:
            out.append(Changed(attr, label, before, after))
    return out


def _only_in(lines: list[AdviceLine], other: list[AdviceLine]) -> list[AdviceLine]:
    """Lines whose id is not among ``other``'s ids, each id once, in advice order."""
    theirs = {line.id for line in other}
    seen: set[str] = set()
    out = []
    for line in lines:
        if line.id not in theirs and line.id not in seen:
            seen.add(line.id)
            out.append(line)
    return out


def _changed_actions(a: Advice, b: Advice) -> tuple[Changed, ...]:
    titles = {line.id: line.title for line in (*a.lines, *b.lines)}
    acts_a, acts_b = a.profile.actions, b.profile.actions
    out = []
    for advice_id in sorted(acts_a.keys() | acts_b.keys()):
        before = action_words(acts_a.get(advice_id)) or "no action recorded"
        after = action_words(acts_b.get(advice_id)) or "no action recorded"
        if before != after:
            title = titles.get(advice_id) or problem_title(advice_id)
            out.append(Changed(f"actions.{advice_id}", title, before, after))
    return tuple(out)


def compare(a: Profile, b: Profile) -> Comparison:
    """What changed from A to B: answers, settings, ROSA, advice resolved and new.

    ``created``, ``updated``, ``schema_version`` and ``[extra]`` are ignored; ``name`` is
    compared. Answers and settings are shown in A's units.
    """
    advice_a, advice_b = advise(a), advise(b)
    same_name = a.name.strip().casefold() == b.name.strip().casefold()
    return Comparison(
        versions=same_name or (a.created is not None and a.created == b.created),
        name_a=a.name,
        name_b=b.name,
        answers=_changed_answers(a, b),
        settings=_changed_settings(advice_a, advice_b, a.units),
        rosa_a=advice_a.rosa,
        rosa_after_a=advice_a.rosa_after,
        rosa_b=advice_b.rosa,
        rosa_after_b=advice_b.rosa_after,
        resolved=_only_in(advice_a.lines, advice_b.lines),
        new=_only_in(advice_b.lines, advice_a.lines),
        symptoms_a=symptoms_summary(a.symptoms),
        symptoms_b=symptoms_summary(b.symptoms),
        actions=_changed_actions(advice_a, advice_b),
        action_fields={
            k: (action_dict(a.actions.get(k)), action_dict(b.actions.get(k)))
            for k in sorted(a.actions.keys() | b.actions.keys())
        },
    )


# -- rendering --------------------------------------------------------------------------


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else ("−" + str(-n) if n < 0 else "0")


def _rosa_line(score: RosaScore, after: RosaScore) -> str:
    return f"ROSA {score.final} now ({score.band}) → {after.final} after the changes ({after.band})"


def _rosa_change(c: Comparison) -> str:
    return (
        f"Change in the final score, A → B: {c.rosa_a.final} → {c.rosa_b.final} now "
        f"({_signed(c.final_change)}); {c.rosa_after_a.final} → {c.rosa_after_b.final} "
        f"after the changes ({_signed(c.final_after_change)})."
    )


def _rosa_rows(c: Comparison) -> list[tuple[str, str, str, str, str]]:
    scores = (c.rosa_a, c.rosa_after_a, c.rosa_b, c.rosa_after_b)
    rows = [(label, *(str(getattr(s, attr)) for s in scores)) for label, attr in ROSA_PARTS]
    rows.append(("Final", *(str(s.final) for s in scores)))
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


ROSA_HEADER = ("", "A now", "A after", "B now", "B after")
ROSA_TITLE = "ROSA score (1 low – 10 high risk)"


def comparison_text(c: Comparison) -> str:
    """The comparison for people: plain text, at most 80 columns, no colour codes."""
    title = wrap(f"deskfit compare: {c.name_a} → {c.name_b}", "")
    out = [*title, "=" * max(len(t) for t in title)]
    out += wrap(c.name_a, "     ", "A:   ")
    out += wrap(c.name_b, "     ", "B:   ")
    if c.identical:
        out += ["", NO_DIFFERENCES]
        out += wrap(_rosa_line(c.rosa_a, c.rosa_after_a), "")
        return "\n".join(out) + "\n"

    out += heading("Answers that differ (A → B, in A's units)")
    if not c.answers:
        out.append("None: the answers are the same.")
    section = None
    for item in c.answers:
        if item.section != section:
            section = item.section
            out.append(section)
        out += wrap(f"{item.title}: {item.before} → {item.after}", "      ", "  - ")

    out += heading("Settings that differ")
    if c.settings:
        out += text_table([(s.title, s.before, s.after) for s in c.settings], ("", "A", "B"))
    else:
        out.append("None: the settings to make are the same.")

    out += heading(ROSA_TITLE)
    out += wrap(_rosa_line(c.rosa_a, c.rosa_after_a), "     ", "A:   ")
    out += wrap(_rosa_line(c.rosa_b, c.rosa_after_b), "     ", "B:   ")
    out.append("")
    out += text_table(_rosa_rows(c), ROSA_HEADER)
    out.append("")
    out += wrap(_rosa_change(c), "")

    only_a, only_b = c.advice_headings
    for section, lines, empty in ((only_a, c.resolved, "None."), (only_b, c.new, "None.")):
        out += heading(section)
        if not lines:
            out.append(empty)
        for line in lines:
            out += wrap(f"[{line.severity}] {line.title} ({line.id})", "    ", "  - ")
    out += heading("Symptoms")
    out += wrap(c.symptoms_a, "     ", "A:   ")
    out += wrap(c.symptoms_b, "     ", "B:   ")
    out += heading("Actions (A → B)")
    if not c.actions:
        out.append("None changed.")
    for item in c.actions:
        out += wrap(f"{item.title}: {item.before} → {item.after}", "      ", "  - ")
    if c.actions and c.versions:
        out += ["", f"Done since A: {plural(len(c.done), 'action')}."]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def comparison_markdown(c: Comparison) -> str:
    """The same as the text, in Markdown."""
    out = [f"# deskfit compare: {c.name_a} → {c.name_b}", ""]
    out += [f"- **A**: {c.name_a}", f"- **B**: {c.name_b}", ""]
    if c.identical:
        out += [NO_DIFFERENCES, "", _rosa_line(c.rosa_a, c.rosa_after_a)]
        return "\n".join(out) + "\n"

    out += ["## Answers that differ (A → B, in A's units)", ""]
    if c.answers:
        out += md_table(
            [(a.section, a.title, a.before, a.after) for a in c.answers],
            ("Section", "Question", "A", "B"),
        )
    else:
        out.append("None: the answers are the same.")

    out += ["", "## Settings that differ", ""]
    if c.settings:
        out += md_table([(s.title, s.before, s.after) for s in c.settings], ("", "A", "B"))
    else:
        out.append("None: the settings to make are the same.")

    out += ["", f"## {ROSA_TITLE}", ""]
    out += [
        f"- **A**: {_rosa_line(c.rosa_a, c.rosa_after_a)}",
        f"- **B**: {_rosa_line(c.rosa_b, c.rosa_after_b)}",
        "",
    ]
    out += md_table(_rosa_rows(c), ROSA_HEADER)
    out += ["", _rosa_change(c)]

    only_a, only_b = c.advice_headings
    for title, lines in ((only_a, c.resolved), (only_b, c.new)):
        out += ["", f"## {title}", ""]
        if not lines:
            out.append("None.")
        out += [f"- **{_md(line.title)}** ({line.severity}, `{line.id}`)" for line in lines]
    out += ["", "## Symptoms", "", f"- **A**: {c.symptoms_a}", f"- **B**: {c.symptoms_b}"]
    out += ["", "## Actions (A → B)", ""]
    if c.actions:
        out += md_table([(a.title, a.before, a.after) for a in c.actions], ("", "A", "B"))
        if c.versions:
            out += ["", f"Done since A: {plural(len(c.done), 'action')}."]
    else:
        out.append("None changed.")
    return "\n".join(out) + "\n"


def comparison_json(c: Comparison) -> dict[str, Any]:
    """For tools: name_a, name_b, answers, settings, rosa {a, a_after, b, b_after},
    resolved and new ([{id, title}])."""
    return {
        "name_a": c.name_a,
        "name_b": c.name_b,
        "answers": [a.as_dict() for a in c.answers],
        "settings": [s.as_dict() for s in c.settings],
        "rosa": {
            "a": c.rosa_a.as_dict(),
            "a_after": c.rosa_after_a.as_dict(),
            "b": c.rosa_b.as_dict(),
            "b_after": c.rosa_after_b.as_dict(),
        },
        "resolved": [{"id": line.id, "title": line.title} for line in c.resolved],
        "new": [{"id": line.id, "title": line.title} for line in c.new],
        "symptoms": {"a": c.symptoms_a, "b": c.symptoms_b},
        "actions": [
            {
                **a.as_dict(),
                "a": c.action_fields.get(a.key.split(".", 1)[1], (None, None))[0],
                "b": c.action_fields.get(a.key.split(".", 1)[1], (None, None))[1],
            }
            for a in c.actions
        ],
        "done": [a.key.split(".", 1)[1] for a in c.done],
        "versions": c.versions,  # two versions of one profile, not two people
    }


def render_comparison(c: Comparison, fmt: str) -> str:
    """text, md or json, as a string ready to print or write."""
    if fmt == "json":
        return json.dumps(comparison_json(c), indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        return comparison_markdown(c)
    if fmt == "text":
        return comparison_text(c)
    raise ValueError(f"unknown format {fmt!r}: choose text, md or json")
