"""The advice as a printable record: one self-contained HTML page (``export --format html``).

A record to print, sign and keep: who and when, the drawing of the workstation now and
after the plan (and standing, at a sit-stand desk), the plan (current → set), ROSA now and after with what drives it, every
advice line with its sources and a box to tick what became of it, signatures, and the
assumptions in small print. It fits two pages of A4 or Letter, the drawing and the plan on
the first.

Everything is inline (CSS, the SVG drawing): the file loads nothing, so it prints the same
anywhere, offline. Every number is read from the plan through the helpers the text export
uses (``plan_rows``, ``rosa_rows``, ``drivers``, ``body_rows``), never worked out again.

The page is a Jinja2 template (``templates/record.html.j2``) with autoescaping on: every
profile string is escaped; only the drawing, which escapes its own text, is marked safe.
Jinja2 is imported when a record is made, so other formats and the wizard never load it.

The record around the advice comes from the profile: each advice line's action fills its
box (ticked status, date, owner, note; empty boxes to fill by hand where none is
recorded), reported symptoms add a table of the body regions with trouble in the last
12 months / 7 days / kept from work, and the assessment fills the signature block's
names and dates.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, Literal

from deskfit import __version__
from deskfit.core.engine.advice import Advice
from deskfit.core.model.profile import Profile
from deskfit.core.model.record import STATUS_WORDS
from deskfit.core.present.record import symptom_rows, symptoms_summary
from deskfit.core.present.render import (
    NOTHING_TO_SET,
    PLAN_HEADING,
    body_rows,
    drivers,
    plan_rows,
    rosa_rows,
    rosa_summary,
)

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

Paper = Literal["A4", "Letter"]
PAPERS: Final[tuple[Paper, ...]] = ("A4", "Letter")
# What an advice line became, in the order the action box prints them.
STATUSES: Final[tuple[tuple[str, str], ...]] = tuple(STATUS_WORDS.items())
# A record longer than this (in lines of a column at 10 pt, see is_long) is set in smaller
# type to stay on two pages. The count is rough (an advice line is never split between
# columns, so long ones leave room unused): of the example profiles, which measure 103 to
# 192, Priya's laptop at home (112.5) needs the smaller type on Letter (the shorter paper)
# while Sam's (111.4) does not. The line is drawn between them, and the print test prints
# every example on both papers.
LONG_RECORD_LINES: Final = 112
UNIT_WORDS: Final = {"metric": "centimetres", "imperial": "inches"}


@dataclass(frozen=True)
class ActionStatus:
    """What became of one advice line, as far as it is known: each part printed in its
    place of the action box, an empty box or line where it is None or empty."""

    status: str | None = None
    date: str = ""
    owner: str = ""
    note: str = ""


@dataclass(frozen=True)
class SymptomRow:
    """A body region and whether it gave trouble (ache, pain, discomfort): True ticks
    yes, False no, None leaves both boxes empty."""

    region: str
    last_7_days: bool | None = None
    last_12_months: bool | None = None
    kept_from_work: bool | None = None


@functools.cache
def _environment() -> Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("deskfit.core.present", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def record_date(advice: Advice, now: datetime | None = None) -> str:
    """The record's date: the profile's last update, else today ('23 November 2026'), in
    local time."""
    when = advice.profile.updated or now or datetime.now()
    if when.tzinfo is not None:
        when = when.astimezone()
    return f"{when.day} {when:%B %Y}"


def driver_groups(advice: Advice) -> list[tuple[str, list[str]]]:
    """What drives the ROSA score, each line once: what the plan removes, what still
    counts after it, what it brings; the groups that have lines."""
    now, after = drivers(advice.rosa), drivers(advice.rosa_after)
    groups = [
        ("The plan removes", [line for line in now if line not in after]),
        ("Still counts after the plan", [line for line in now if line in after]),
        ("Counts after the plan", [line for line in after if line not in now]),
    ]
    return [(title, lines) for title, lines in groups if lines]


def is_long(advice: Advice) -> bool:
    """Whether the record needs its smaller type to stay on two pages: a rough count of
    the lines the advice (title, text, sources, action box) and the score's drivers fill
    in a column of the page at 10 pt, and the plan's steps beyond what sits beside the
    score."""
    lines = 0.0
    for line in advice.lines:
        sources = "Sources: " + "; ".join(line.sources)
        lines += math.ceil(len(line.title) / 40) + math.ceil(len(line.text) / 52)
        lines += 0.7 * math.ceil(len(sources) / 75) + 3  # small print; the action box
    for _, rows in driver_groups(advice):
        lines += 0.7 * (1 + sum(math.ceil(len(row) / 70) for row in rows))
    lines += 2 * max(0, len(advice.plan.steps) - 5)
    if advice.profile.symptoms.reported():  # the table of regions: its heading and rows
        lines += 12
    return lines > LONG_RECORD_LINES


def statuses_of(profile: Profile) -> dict[str, ActionStatus]:
    """Each recorded action, as its box prints it."""
    return {
        advice_id: ActionStatus(
            action.status,
            action.date.isoformat() if action.date else "",
            action.owner or "",
            action.note or "",
        )
        for advice_id, action in profile.actions.items()
    }


def symptom_table(profile: Profile) -> list[SymptomRow]:
    """The NMQ regions and the eyes when any trouble is reported; else none (the record
    then says no trouble was reported)."""
    symptoms = profile.symptoms
    if not symptoms.reported():
        return []
    rows = [
        SymptomRow(label, week, year, kept) for label, year, week, kept in symptom_rows(symptoms)
    ]
    eyes = symptoms.trouble("eyes")
    rows.append(SymptomRow("Eyes (strain, headaches)", None, eyes, None))
    return rows


def signatures(profile: Profile) -> dict[str, str]:
    """The names and dates the assessment already knows, for the signature block."""
    a = profile.assessment
    return {
        "assessor": a.assessor or "",
        "assessed_on": a.date.isoformat() if a.date else "",
        "manager": a.manager or "",
        "review_date": a.review_date.isoformat() if a.review_date else "",
    }


def record_context(
    advice: Advice, now: datetime | None = None, *, paper: Paper = "A4"
) -> dict[str, Any]:
    """What the template shows, every string as the other exports word it."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}: choose A4 or Letter")
    profile = advice.profile
    units = profile.units
    rows = plan_rows(advice, units)
    return {
        "name": profile.name,
        "date": record_date(advice, now),
        "units": UNIT_WORDS[units],
        "paper": paper,
        "dense": is_long(advice),
        "drawing": _drawing(advice),
        "plan_heading": PLAN_HEADING,
        "plan": [r for r in rows if r[0]],
        # settings that are no step (the standing height of a sit-stand desk)
        "plan_also": [r for r in rows if not r[0]],
        "nothing_to_set": NOTHING_TO_SET,
        "rosa_summary": rosa_summary(advice),
        "rosa_rows": rosa_rows(advice),
        "rosa_now": advice.rosa,
        "rosa_after": advice.rosa_after,
        "driver_groups": driver_groups(advice),
        "lines": advice.lines,
        "statuses": statuses_of(profile),
        "status_choices": STATUSES,
        "symptoms": symptom_table(profile),
        "symptoms_summary": symptoms_summary(profile.symptoms),
        "signed": signatures(profile),
        "body_rows": body_rows(advice, units),
        "assumptions": list(advice.assumptions),
        "version": __version__,
    }


def _drawing(advice: Advice) -> Markup:
    """The side view now and after the plan (and standing at a sit-stand desk), inline
    SVG; safe as it is, for it escapes its own text (the profile's name in its title)."""
    from markupsafe import Markup

    from deskfit.core.present.scene_svg import workstation_svg

    return Markup(workstation_svg(advice))


def to_html(advice: Advice, now: datetime | None = None, *, paper: Paper = "A4") -> str:
    """The printable record of the advice: one self-contained HTML page.

    ``now`` dates a profile never saved (default: today); ``paper`` sets the printed page
    (A4 or Letter, 12 mm margins).
    """
    context = record_context(advice, now, paper=paper)
    return _environment().get_template("record.html.j2").render(context)
