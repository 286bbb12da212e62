"""``deskfit set`` for the assessment and the actions, which are not wizard questions:
``assessment.review_date=2027-03-01``, ``actions.footstool-height.status=done``.

A value is read as the model reads it (a status in words, an ISO date or "today", text)
and checked by the model, so the file ``set`` writes is the one the wizard's review
writes for the same entries.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Any

from pydantic import ValidationError

from deskfit.core.engine.advice.ids import ADVICE_IDS
from deskfit.core.model.record import ACTION_ID_PATTERN, STATUS_WORDS, Action, Assessment
from deskfit.core.model.section import Section
from deskfit.core.model.validation import Problem

ASSESSMENT = "assessment"
ACTIONS = "actions"
WHOLE = ""  # the field of ``actions.<id>=``: the whole action


def _model(section: str) -> type[Section]:
    return Assessment if section == ASSESSMENT else Action


def locate_record(key: str) -> tuple[str, str] | Problem | None:
    """``(table, field)`` for an assessment or action key, a Problem, or None for a key
    of neither. An action's table is ``actions.<advice-id>``."""
    parts = key.split(".")
    if parts[0] == ASSESSMENT:
        fields = ", ".join(Assessment.model_fields)
        if len(parts) == 2 and parts[1] in Assessment.model_fields:
            return ASSESSMENT, parts[1]
        return Problem(key, f"the assessment's keys are {fields}, like assessment.review_date")
    if parts[0] == ACTIONS:
        fields = ", ".join(Action.model_fields)
        if len(parts) not in (2, 3):
            return Problem(key, f"an action is actions.<advice id>.<key> ({fields})")
        advice_id = parts[1]
        if not re.fullmatch(ACTION_ID_PATTERN, advice_id):
            return Problem(key, "an advice id is lower-case letters, digits and hyphens")
        if advice_id not in ADVICE_IDS:
            near = difflib.get_close_matches(advice_id, sorted(ADVICE_IDS), n=1, cutoff=0.6)
            hint = f": did you mean {near[0]}?" if near else " (the ids are in the JSON export)"
            return Problem(key, f"no advice line has the id {advice_id!r}{hint}")
        if len(parts) == 2:
            return f"{ACTIONS}.{advice_id}", WHOLE  # actions.<id>= removes the action
        if parts[2] not in Action.model_fields:
            return Problem(key, f"an action's keys are {fields}")
        return f"{ACTIONS}.{advice_id}", parts[2]
    return None


def is_record(section: str) -> bool:
    return section == ASSESSMENT or section.startswith(ACTIONS + ".")


def read_record_value(section: str, field: str, text: str) -> tuple[Any, str | None]:
    """The value ``text`` stands for (None: clear it) and why it can't be used (or None)."""
    text = text.strip()
    if not text:
        return None, None
    if field == WHOLE:
        return (
            None,
            f"only removed, with nothing after = (set one of {', '.join(Action.model_fields)})",
        )
    model = _model(section)
    value: Any = text
    if field in ("date", "review_date"):
        try:
            value = date.today() if text.lower() == "today" else date.fromisoformat(text)
        except ValueError:
            return None, f"{text!r} is not a date: give it as 2026-12-31, or today"
    elif field == "status":
        value = text.lower().replace(" ", "_")
        if value not in STATUS_WORDS:
            return None, "a status is todo, done, declined or not_possible"
    try:
        model.model_validate({field: value})
    except ValidationError as exc:
        return None, _words(exc)
    return value, None


def _words(exc: ValidationError) -> str:
    error = exc.errors()[0]
    if error["type"] == "string_too_long":
        return f"too long: at most {error.get('ctx', {}).get('max_length')} characters"
    if error["type"] == "string_pattern_mismatch":
        return "has control or invisible characters, which cannot be shown safely"
    return str(error["msg"]).lower()


def remove_action(data: dict[str, Any], section: str) -> None:
    """``actions.<id>=``: the action goes, and the table with it when it was the last."""
    actions = data.get(ACTIONS, {})
    actions.pop(section.split(".", 1)[1], None)
    if not actions:
        data.pop(ACTIONS, None)


def record_table(data: dict[str, Any], section: str) -> dict[str, Any]:
    """The document's table for ``section``, made when it is missing."""
    if section == ASSESSMENT:
        table: dict[str, Any] = data.setdefault(ASSESSMENT, {})
        return table
    actions: dict[str, Any] = data.setdefault(ACTIONS, {})
    return actions.setdefault(section.split(".", 1)[1], {})  # type: ignore[no-any-return]
