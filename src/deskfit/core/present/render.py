"""Advice rendered for people (plain text, Markdown) and for tools (JSON, the [advice] table);
the printable HTML record is html.py, on the same helpers.

Text and Markdown say the same things: the settings now → to set, the ROSA score now and
after with what drove it, the advice by severity, the body dimensions and which were
estimated. JSON follows shared/profile-format.md key for key.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from deskfit import __version__
from deskfit.core.engine.advice import Advice, AdviceLine
from deskfit.core.engine.plan import Step
from deskfit.core.engine.rosa import RosaScore
from deskfit.core.model.profile import Units
from deskfit.core.model.units import format_length, round_for_people
from deskfit.core.present.record import (
    action_dict,
    action_of,
    action_words,
    assessment_words,
    record_json,
    symptoms_summary,
)

WIDTH = 80

# (label, Setup attribute) in the order a person adjusts things.
SETTING_ROWS: tuple[tuple[str, str], ...] = (
    ("Seat height", "seat_height_cm"),
    ("Footstool", "footstool_height_cm"),
    ("Desk height", "desk_height_cm"),
    ("Keyboard tray", "keyboard_tray_height_cm"),
    ("Screen top", "monitor_top_height_cm"),
    ("Screen distance", "viewing_distance_cm"),
    ("Second screen top", "second_monitor_top_height_cm"),
    ("Second screen distance", "second_viewing_distance_cm"),
    ("Standing desk height", "standing_work_surface_height_cm"),
    ("Screen top standing", "standing_monitor_top_height_cm"),
)
ROSA_PARTS: tuple[tuple[str, str], ...] = (
    ("Chair", "chair"),
    ("Monitor and phone", "monitor_phone"),
    ("Mouse and keyboard", "mouse_keyboard"),
    ("Monitor and peripherals", "peripherals"),
)
BODY_ROWS: tuple[tuple[str, str], ...] = (
    ("Popliteal height", "popliteal_height"),
    ("Elbow rest height", "elbow_rest_height"),
    ("Eye height sitting", "eye_height_sitting"),
    ("Buttock–popliteal length", "buttock_popliteal_length"),
    ("Thigh clearance", "thigh_clearance"),
)


# A keyboard's home row is not a setting: the plan's keyboard step is shown by what it is.
KEYBOARD_STEP = ("laptop's own", "separate")


def _shown(key: str, cm: float | None, units: Units, end: int = 0) -> str:
    if key == "keyboard.home_row_above_surface_cm":
        return KEYBOARD_STEP[end]
    if cm is None or (not cm and key in ("footstool.height_cm", "chair.cushion_cm")):
        return "none"
    return format_length(cm, units)


def _change(step: Step, units: Units) -> str:
    """How a step gets from its start to its end, in words: 'raise 4 cm', 'get one'."""
    if step.key == "keyboard.home_row_above_surface_cm":
        return f"get a {step.buy}" if step.buy else "keep"
    if step.key == "desk.standing_screen_top_cm" and (step.buy or step.from_cm is None):
        return f"get a {step.buy}" if step.buy else "set it standing"
    if step.from_cm is None:
        return "get one" if step.buy else "put it in use"
    if step.key in ("footstool.height_cm", "chair.cushion_cm") and not step.to_cm:
        return "put it aside"
    moved = round_for_people(step.to_cm, units) - round_for_people(step.from_cm, units)
    if abs(moved) < 1e-6:
        return "moves with the desk" if step.carried_cm else "keep"
    words = ("farther", "closer") if step.key.endswith("distance_cm") else ("raise", "lower")
    verb = words[0] if moved > 0 else words[1]
    done = f"{verb} {format_length(abs(moved), units)}"
    return f"then {done}" if step.carried_cm else done


def plan_rows(advice: Advice, units: Units) -> list[tuple[str, str, str, str, str]]:
    """(number, what, from, to, change) for each step of the plan, in order; then the
    standing height of a sit-stand desk, which is a setting but no step."""
    rows = [
        (
            str(s.number),
            s.label,
            _shown(s.key, s.from_cm, units),
            _shown(s.key, s.to_cm, units, end=1),
            _change(s, units),
        )
        for s in advice.plan.steps
    ]
    stand = advice.settings.standing_work_surface_height_cm
    if stand is not None:
        rows.append(("", "Standing desk height", "—", format_length(stand, units), "when standing"))
    return rows


PLAN_HEADING = "The plan, in order"
PLAN_HEADER = ("#", "What", "From", "To", "Change")
NOTHING_TO_SET = "Nothing to set: the furniture is already where it should be."


def rosa_summary(advice: Advice) -> str:
    now, after = advice.rosa, advice.rosa_after
    return f"ROSA {now.final} now ({now.band}) → {after.final} after the changes ({after.band})"


def rosa_rows(advice: Advice) -> list[tuple[str, int, int]]:
    return [
        (label, getattr(advice.rosa, a), getattr(advice.rosa_after, a)) for label, a in ROSA_PARTS
    ]


def drivers(score: RosaScore) -> list[str]:
    return [line for lines in score.drivers.values() for line in lines]


def body_rows(advice: Advice, units: Units) -> list[tuple[str, str, str]]:
    rows = []
    for label, attr in BODY_ROWS:
        est = getattr(advice.body, attr)
        if est.source == "measured":
            rows.append((label, format_length(est.value, units), "measured"))
        else:
            band = f"{format_length(est.low, units)}–{format_length(est.high, units)}"
            rows.append((label, format_length(est.value, units), f"estimated, 90 % {band}"))
    return rows


# -- plain text ------------------------------------------------------------------------


def text_table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    out = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out += [
        "  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    return out


def wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def heading(title: str) -> list[str]:
    return ["", title, "=" * len(title)]


def _line_text(n: int, line: AdviceLine, action: str) -> list[str]:
    out = wrap(f"[{line.severity}] {line.title}", "    ", f"{n:>2}. ")
    out += wrap(line.text, "    ")
    out += wrap("Sources: " + "; ".join(line.sources), "      ", "    ")
    if action:
        out += wrap("Action: " + action, "      ", "    ")
    return out


def to_text(advice: Advice) -> str:
    """The advice for people: plain text, at most 80 columns, no colour codes."""
    p = advice.profile
    units = p.units
    title = wrap(f"deskfit advice: {p.name}", "")
    out = [*title, "=" * max(len(t) for t in title)]
    out += wrap(rosa_summary(advice), "")
    out += heading(PLAN_HEADING)
    rows = plan_rows(advice, units)
    out += text_table(rows, PLAN_HEADER) if rows else [NOTHING_TO_SET]
    out += heading("ROSA score (1 low – 10 high risk)")
    out += text_table(
        [(label, str(a), str(b)) for label, a, b in rosa_rows(advice)]
        + [
            (
                "Final",
                f"{advice.rosa.final} {advice.rosa.band}",
                f"{advice.rosa_after.final} {advice.rosa_after.band}",
            )
        ],
        ("", "Now", "After"),
    )
    now_drivers = drivers(advice.rosa)
    if now_drivers:
        out += ["", "What drives the score now:"]
        for d in now_drivers:
            out += wrap(d, "    ", "  - ")
    left = drivers(advice.rosa_after)
    if left:
        out += ["", "What still counts after the plan:"]
        for d in left:
            out += wrap(d, "    ", "  - ")
    out += heading("Advice")
    if advice.lines:
        for n, line in enumerate(advice.lines, 1):
            out += _line_text(n, line, action_words(action_of(p, line)))
            out.append("")
        out.pop()
    else:
        out.append("Nothing to change: this workstation fits you.")
    out += heading("Symptoms")
    out += wrap(symptoms_summary(p.symptoms), "")
    out += heading("Your body")
    out += text_table(body_rows(advice, units), ("", "Value", "Source"))
    if advice.assumptions:
        out += ["", "Assumptions:"]
        for a in advice.assumptions:
            out += wrap(a, "    ", "  - ")
    if assessment_words(p):
        out += ["", *wrap(assessment_words(p), "")]
    out += ["", f"Made by deskfit {__version__}. ROSA: Sonne, Villalta & Andrews (2012)."]
    return "\n".join(out) + "\n"


# -- Markdown --------------------------------------------------------------------------


def md_table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> list[str]:
    def esc(x: str) -> str:
        return str(x).replace("|", "\\|")

    out = ["| " + " | ".join(esc(h) for h in header) + " |"]
    out.append("|" + "|".join("---" for _ in header) + "|")
    out += ["| " + " | ".join(esc(c) for c in r) + " |" for r in rows]
    return out


def to_markdown(advice: Advice) -> str:
    """The same as the text export, in Markdown."""
    p = advice.profile
    units = p.units
    out = [f"# deskfit advice: {p.name}", "", f"**{rosa_summary(advice)}**", ""]
    out += [f"## {PLAN_HEADING}", ""]
    rows = plan_rows(advice, units)
    out += md_table(rows, PLAN_HEADER) if rows else [NOTHING_TO_SET]
    out += ["", "## ROSA score (1 low – 10 high risk)", ""]
    out += md_table(
        [(label, str(a), str(b)) for label, a, b in rosa_rows(advice)]
        + [
            (
                "**Final**",
                f"**{advice.rosa.final}** {advice.rosa.band}",
                f"**{advice.rosa_after.final}** {advice.rosa_after.band}",
            )
        ],
        ("", "Now", "After"),
    )
    if drivers(advice.rosa):
        out += ["", "What drives the score now:", ""]
        out += [f"- {d}" for d in drivers(advice.rosa)]
    if drivers(advice.rosa_after):
        out += ["", "What still counts after the plan:", ""]
        out += [f"- {d}" for d in drivers(advice.rosa_after)]
    out += ["", "## Advice", ""]
    if not advice.lines:
        out.append("Nothing to change: this workstation fits you.")
    for n, line in enumerate(advice.lines, 1):
        out += [f"{n}. **{line.title}** ({line.severity})", "", f"   {line.text}", ""]
        out += [f"   *Sources: {'; '.join(line.sources)}*", ""]
        if action := action_words(action_of(p, line)):
            out += [f"   Action: {action}", ""]
    out += ["## Symptoms", "", symptoms_summary(p.symptoms), ""]
    out += ["## Your body", ""]
    out += md_table(body_rows(advice, units), ("", "Value", "Source"))
    if advice.assumptions:
        out += ["", "Assumptions:", ""]
        out += [f"- {a}" for a in advice.assumptions]
    if assessment_words(p):
        out += ["", assessment_words(p)]
    out += ["", f"*Made by deskfit {__version__}. ROSA: Sonne, Villalta & Andrews (2012).*"]
    return "\n".join(out) + "\n"


# -- JSON and the [advice] snapshot ----------------------------------------------------


def _targets(advice: Advice) -> dict[str, Any]:
    return {k: (b.as_dict() if b is not None else None) for k, b in advice.targets.items()}


def to_json(advice: Advice) -> dict[str, Any]:
    """The JSON export (shared/profile-format.md): one object, keys as the contract says."""
    p = advice.profile
    return {
        "schema_version": p.schema_version,
        "name": p.name,
        "body": advice.body.as_export_dict(),
        "targets": _targets(advice),
        "settings": advice.settings.export_dict(),
        "rosa": advice.rosa.as_dict(),
        "rosa_after": advice.rosa_after.as_dict(),
        "advice": [
            {**line.as_dict(), "action": action_dict(action_of(p, line))} for line in advice.lines
        ],
        "plan": [step.as_dict() for step in advice.plan.steps],
        "assumptions": list(advice.assumptions),
        **record_json(advice),
    }


def snapshot(advice: Advice, now: datetime | None = None) -> dict[str, Any]:
    """The [advice] table written on every save: the advice as it stood then."""
    stamp = (now or datetime.now(UTC)).replace(microsecond=0)
    return {
        "generated": stamp,
        "deskfit_version": __version__,
        "targets": {k: b.as_dict() for k, b in advice.targets.items() if b is not None},
        "settings": advice.settings.export_dict(),
        "rosa": advice.rosa.as_dict(),
        "rosa_after": advice.rosa_after.as_dict(),
        "items": [
            {"id": line.id, "severity": line.severity, "title": line.title} for line in advice.lines
        ],
        "plan": [
            {k: v for k, v in step.as_dict().items() if v is not None} for step in advice.plan.steps
        ],
    }


def render(advice: Advice, fmt: str) -> str:
    """text, md, json or html (the printable record), as a string ready to print or write."""
    if fmt == "html":
        from deskfit.core.present.html import to_html

        return to_html(advice)
    if fmt == "json":
        import json

        return json.dumps(to_json(advice), indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        return to_markdown(advice)
    if fmt == "text":
        return to_text(advice)
    raise ValueError(f"unknown format {fmt!r}: choose text, md, json or html")
