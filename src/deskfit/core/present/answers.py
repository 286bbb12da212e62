"""A profile's answers in words, in the person's units (``deskfit show``, the exports).

Titles and choice labels come from the model's field metadata, so a question reads the
same here as in the wizard.
"""

from __future__ import annotations

from typing import Any

from pydantic.fields import FieldInfo

from deskfit.core.model.fields import CHOICES, UNIT
from deskfit.core.model.profile import SECTION_MODELS, Profile, Units
from deskfit.core.model.questionnaire import SECTION_TITLES
from deskfit.core.model.questions import not_applying
from deskfit.core.model.section import Section
from deskfit.core.model.units import format_length

__all__ = ["SECTION_TITLES", "answers_text", "format_answer"]


def format_answer(info: FieldInfo, value: Any, units: Units, *, stature: bool = False) -> str:
    """One answer as a person reads it: lengths in their units, choices by label."""
    if value is None:
        return "not given"
    if isinstance(value, bool):
        return "yes" if value else "no"
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    labels = extra.get(CHOICES)
    if isinstance(labels, dict):
        return str(labels.get(value, value))
    unit = extra.get(UNIT)
    if unit == "cm" and isinstance(value, (int, float)):
        return format_length(float(value), units, stature=stature)
    if unit == "deg":
        return f"{value:g}°"
    if unit == "h":
        return f"{value:g} h"
    if unit == "min":
        return f"{value:g} min"
    return str(value)


def section_answers(name: str, section: Section, units: Units) -> list[tuple[str, str]]:
    """(question, answer) for each field of a section that was given and applies (a
    document holder's place is not shown for someone who uses none)."""
    model = SECTION_MODELS[name]
    ruled_out = not_applying(name, section.answers())
    rows = []
    for field, info in model.model_fields.items():
        value = getattr(section, field)
        if value is None or field in ruled_out:
            continue
        title = info.title or field
        rows.append((title, format_answer(info, value, units, stature=field == "stature_cm")))
    return rows


def answers_text(profile: Profile, units: Units) -> str:
    """The whole profile, readable: a heading per section, one answer per line."""
    lines = [f"{profile.name}", ""]
    for name, section in profile.sections().items():
        lines.append(SECTION_TITLES[name])
        rows = section_answers(name, section, units)
        width = max((len(q) for q, _ in rows), default=0)
        lines += [f"  {q:<{width}}  {a}" for q, a in rows]
        lines.append("")
    if profile.extra:
        lines.append("Notes")
        lines += [f"  {k}: {v}" for k, v in profile.extra.items()]
        lines.append("")
    return "\n".join(lines)
