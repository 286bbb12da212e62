"""The assessment record in words: reported symptoms, each advice line's action, and who
assessed when. Every export (text, Markdown, JSON, HTML) and the wizard read these."""

from __future__ import annotations

from datetime import date
from typing import Any

from deskfit.core.engine.advice import Advice, AdviceLine
from deskfit.core.model.profile import Profile
from deskfit.core.model.record import STATUS_WORDS, Action
from deskfit.core.model.symptoms import REGIONS, Symptoms

NOTHING_REPORTED = "No trouble reported."


def symptom_rows(symptoms: Symptoms) -> list[tuple[str, bool, bool, bool]]:
    """Each NMQ region: its label, trouble in 12 months, in 7 days, kept from work."""
    return [
        (
            r.label,
            symptoms.trouble(r.key),
            symptoms.trouble(r.key, "7_days"),
            symptoms.trouble(r.key, "kept_from_work"),
        )
        for r in REGIONS
    ]


def symptoms_summary(symptoms: Symptoms) -> str:
    """'Lower back (last 7 days too, kept from work), neck; eye strain.' in one line."""
    parts = []
    for label, _, week, kept in (row for row in symptom_rows(symptoms) if row[1]):
        notes = [n for n, on in (("last 7 days too", week), ("kept from work", kept)) if on]
        parts.append(label.lower() + (f" ({', '.join(notes)})" if notes else ""))
    eyes = [
        n
        for n, on in (("eye strain", symptoms.eye_strain), ("headaches", symptoms.headaches))
        if on
    ]
    text = "; ".join(x for x in (", ".join(parts), " and ".join(eyes)) if x)
    signs = symptoms.signs()
    if signs:
        text = "; ".join(x for x in (text, ("also " if text else "") + ", ".join(signs)) if x)
    return _sentence(text) if text else NOTHING_REPORTED


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def action_of(profile: Profile, line: AdviceLine) -> Action | None:
    return profile.actions.get(line.id)


def action_words(action: Action | None) -> str:
    """'Done 2026-12-03 · Facilities · Adjustable footrest bought', or '' for none."""
    if action is None:
        return ""
    parts = [STATUS_WORDS[action.status] + (f" {action.date.isoformat()}" if action.date else "")]
    parts += [x for x in (action.owner, action.note) if x]
    return " · ".join(parts)


def assessment_words(profile: Profile) -> str:
    """'Assessed by Dana Reyes on 2026-11-27; review by 2027-11-27.' or ''."""
    a = profile.assessment
    said = []
    if a.assessor or a.date:
        said.append(
            "Assessed"
            + (f" by {a.assessor}" if a.assessor else "")
            + (f" on {a.date.isoformat()}" if a.date else "")
        )
    if a.review_date:
        said.append(f"review by {a.review_date.isoformat()}")
    if a.manager:
        said.append(f"manager {a.manager}")
    return _sentence("; ".join(said)) if said else ""


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def action_dict(action: Action | None) -> dict[str, Any] | None:
    if action is None:
        return None
    return {
        "status": action.status,
        "date": _day(action.date),
        "owner": action.owner,
        "note": action.note,
    }


def record_json(advice: Advice) -> dict[str, Any]:
    """The JSON export's additions (docs/profile-additions.md)."""
    p = advice.profile
    a = p.assessment
    return {
        "symptoms": {
            "reported": [r.key for r in p.symptoms.reported()],
            "red_flags": p.symptoms.red_flags(),
        },
        "assessment": {
            "assessor": a.assessor,
            "manager": a.manager,
            "date": _day(a.date),
            "review_date": _day(a.review_date),
        },
    }
