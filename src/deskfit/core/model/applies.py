"""When a question applies: declared once, on the field, and read by everything.

A field's ``when`` is a tuple of conditions on answers of its own section, all of which
must hold for the question to apply ("the lowest seat height" applies when the seat height
can be adjusted). From that one declaration:

- the wizard shows or hides the question (``not_applying``);
- a question that applies and has no default is needed, with the reason said in words
  ("needed because the seat height can be adjusted"; ``Section.rules``);
- an answer that stops applying is dropped the same way in the wizard and ``deskfit set``
  (``prune``), so both save the same profile for the same answers.

Conditions are plain dicts so that they sit in pydantic's ``json_schema_extra`` and stay
JSON: ``{"field": "height_adjustable", "in": [true], "because": "…"}``, or ``{"any": [...],
"because": "…"}`` when any of several will do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Condition = Mapping[str, Any]


def yes(field: str, because: str) -> Condition:
    """Applies when ``field`` is answered yes."""
    return {"field": field, "in": [True], "because": because}


def one_of(field: str, values: Sequence[str], because: str) -> Condition:
    """Applies when ``field`` is one of ``values``."""
    return {"field": field, "in": list(values), "because": because}


def is_not(field: str, value: str, because: str) -> Condition:
    """Applies unless ``field`` is ``value`` (an unanswered choice does not rule it out)."""
    return {"field": field, "not_in": [value], "because": because}


def either(conditions: Sequence[Condition], because: str) -> Condition:
    """Applies when any of ``conditions`` holds ("you use a laptop": as the main screen or
    as the second one)."""
    return {"any": [dict(c) for c in conditions], "because": because}


def holds(condition: Condition, answers: Mapping[str, Any]) -> bool:
    if "any" in condition:
        return any(holds(c, answers) for c in condition["any"])
    value = answers.get(condition["field"])
    if "in" in condition:
        return any(value is v or (value == v and type(value) is type(v)) for v in condition["in"])
    return value not in condition["not_in"]


def all_hold(conditions: Sequence[Condition], answers: Mapping[str, Any]) -> bool:
    return all(holds(c, answers) for c in conditions)


def because(conditions: Sequence[Condition]) -> str:
    """Why a question applies, in words: "because the seat height can be adjusted" (the
    last condition is the most particular: a footstool's range matters because it can
    be adjusted, which it can only be when there is one)."""
    return str(conditions[-1]["because"])
