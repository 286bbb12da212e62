"""Answers changed from a script: ``deskfit set office chair.seat_height_cm=52``.

Each ``KEY=VALUE`` names one question by its dotted key (``chair.seat_height_cm``, or
``name`` / ``units`` at the top) and is read the way the wizard reads what a person types
into that question: a length in any unit (a bare number in the profile's units), a
number, a whole number, yes/no, one of the choices, or text. Every value is then checked
by ``validation.check_field`` and the whole profile by ``validation.parse_profile``, so a
change is refused with the very messages the wizard and ``deskfit check`` give.

``KEY=`` (nothing after ``=``) clears an answer: an optional one becomes unknown, one
with a default goes back to it; a required answer cannot be cleared.

Nothing here touches a file: ``set_answers`` returns the new Profile, or raises
``ProfileInvalid`` naming every problem, so a caller can refuse before writing anything.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pydantic_core import ErrorDetails

from deskfit.core.model.applies import because
from deskfit.core.model.fields import when_of
from deskfit.core.model.profile import SECTION_MODELS, Profile, Units
from deskfit.core.model.questions import PROFILE_FIELDS, Kind, not_applying, prune, question
from deskfit.core.model.reading import check_answer, read_answer
from deskfit.core.model.validation import (
    TOP,
    Problem,
    ProfileInvalid,
    explain,
    field_info,
    parse_profile,
)
from deskfit.core.ops.record_changes import (
    WHOLE,
    is_record,
    locate_record,
    read_record_value,
    record_table,
    remove_action,
)

# The profile's own questions (PROFILE_FIELDS) are the top-level keys a script may answer;
# the other top-level keys are deskfit's (schema_version, created, updated, advice) or
# free-form ([extra]).
_NOT_SETTABLE: Final = {
    "schema_version": "is deskfit's own; it cannot be set",
    "created": "is kept by deskfit; it cannot be set",
    "updated": "is set by deskfit on every save; it cannot be set",
    "extra": "is a free-form table; edit the file to change it",
    "advice": "is written by deskfit on every save; it cannot be set",
}
EXAMPLE: Final = "chair.seat_height_cm=52"


class _Clear(enum.Enum):
    """The value of ``KEY=``: remove the answer (unknown, or back to its default)."""

    CLEAR = "CLEAR"


CLEAR: Final = _Clear.CLEAR


@dataclass(frozen=True)
class Change:
    """One answer to set: where (a table, or ``TOP``), the text given, the value read."""

    section: str
    field: str
    text: str
    value: Any  # what the model reads, or CLEAR

    @property
    def key(self) -> str:
        if self.section == TOP or not self.field:  # a top key, or a whole action
            return self.field or self.section
        return f"{self.section}.{self.field}"


def field_kind(section: str, field: str) -> Kind:
    """How a value typed for this question is read (the wizard reads it the same way)."""
    return question(section, field).kind


def choices(section: str, field: str) -> tuple[str, ...]:
    """The values a choice question accepts, else empty."""
    return tuple(question(section, field).choices)


def read_value(section: str, field: str, text: str, units: Units) -> tuple[Any, str | None]:
    """The value ``text`` stands for in this question, and why it can't be read (or None):
    the wizard's reader (``core/model/reading.py``), with blank meaning "clear the answer"."""
    value, message = read_answer(question(section, field), text, units)
    return (CLEAR, None) if value is None and message is None else (value, message)


# -- keys ------------------------------------------------------------------------------


def _unknown(loc: tuple[str, ...], given: str) -> str:
    """The loader's words for an unknown key, with its suggestion of the nearest one."""
    error = ErrorDetails(
        type="extra_forbidden", loc=loc, msg="Extra inputs are not permitted", input=given
    )
    return explain(error).message


def _every_key() -> list[str]:
    return [
        *PROFILE_FIELDS,
        *(f"{s}.{f}" for s, m in SECTION_MODELS.items() for f in m.model_fields),
    ]


def locate(key: str) -> tuple[str, str] | Problem:
    """``(section, field)`` for a dotted key, or the Problem saying why it is not one."""
    record = locate_record(key)
    if record is not None:
        return record
    parts = key.split(".")
    head = parts[0]
    if len(parts) == 1:
        if head in PROFILE_FIELDS:
            return TOP, head
        if head in _NOT_SETTABLE:
            return Problem(key, _NOT_SETTABLE[head])
        if head in SECTION_MODELS:
            first = next(iter(SECTION_MODELS[head].model_fields))
            return Problem(key, f"is a table; set one of its keys, like {head}.{first}")
        # A question's own name without its table ("seat_height_cm"): name the table.
        full = [k for k in _every_key() if k.endswith(f".{head}")]
        if not full:
            full = difflib.get_close_matches(head, _every_key(), n=1, cutoff=0.75)
        if full:
            return Problem(key, f"unknown key at the top: did you mean {' or '.join(full)}?")
        return Problem(key, _unknown((head,), key))
    if head in SECTION_MODELS:
        field = ".".join(parts[1:])
        if field in SECTION_MODELS[head].model_fields:
            return head, field
        return Problem(key, _unknown((head, field), key))
    if head in _NOT_SETTABLE:
        return Problem(key, _NOT_SETTABLE[head])
    return Problem(key, _unknown((head,), key))


def _required(section: str, field: str) -> bool:
    return question(section, field).required


def _cannot_clear(section: str, field: str) -> str:
    title = (field_info(section, field).title or field).lower()
    return f"cannot be cleared: {title} is required"


# -- parsing and applying --------------------------------------------------------------


def split_assignment(arg: str) -> tuple[str, str] | None:
    """``KEY=VALUE`` as (key, value), spaces around the key dropped; None without a key."""
    key, sep, value = arg.partition("=")
    key = key.strip()
    if not sep or not key:
        return None
    return key, value


def parse_changes(assignments: Iterable[str], units: Units) -> list[Change]:
    """Every ``KEY=VALUE`` read and checked on its own; ProfileInvalid lists every problem.

    Problems come in the order the assignments were given. A bare number for a length is
    in ``units``, except that when the same command sets ``units`` too, the new units
    apply (``units=imperial chair.seat_height_cm=19``).
    """
    changes, problems = read_changes(assignments, units)
    if problems:
        raise ProfileInvalid(problems)
    return changes


def read_changes(assignments: Iterable[str], units: Units) -> tuple[list[Change], list[Problem]]:
    """``parse_changes`` without raising: the changes that read, and every problem."""
    problems: list[tuple[int, Problem]] = []
    located: list[tuple[int, str, str, str]] = []
    count: dict[tuple[str, str], int] = {}
    for index, arg in enumerate(assignments):
        split = split_assignment(arg)
        if split is None:
            shown = arg if len(arg) <= 40 else arg[:37] + "..."
            problems.append((index, Problem(shown, f"expected KEY=VALUE, like {EXAMPLE}")))
            continue
        key, text = split
        where = locate(key)
        if isinstance(where, Problem):
            problems.append((index, where))
            continue
        count[where] = count.get(where, 0) + 1
        located.append((index, *where, text))

    for _, section, field, text in located:
        if is_record(section):
            continue
        if (section, field) == (TOP, "units") and count[section, field] == 1:
            value, _ = read_value(section, field, text, units)
            if value in ("metric", "imperial"):
                units = value
            elif value is CLEAR:
                units = "metric"

    changes: list[Change] = []
    reported: set[tuple[str, str]] = set()
    for index, section, field, text in located:
        change = Change(section, field, text, None)
        if count[section, field] > 1:
            if (section, field) not in reported:
                reported.add((section, field))
                times = count[section, field]
                problems.append((index, Problem(change.key, f"given {times} times; give it once")))
            continue
        value, message = _read(section, field, text, units)
        if message is not None:
            problems.append((index, Problem(change.key, message)))
            continue
        changes.append(Change(section, field, text, value))
    return changes, [p for _, p in sorted(problems, key=lambda item: item[0])]


def _read(section: str, field: str, text: str, units: Units) -> tuple[Any, str | None]:
    """One value read and checked on its own, as the wizard reads and checks it."""
    if is_record(section):  # the assessment and the actions: nothing there is required
        value, message = read_record_value(section, field, text)
        return (CLEAR if value is None else value), message
    value, message = read_value(section, field, text, units)
    if message is None and value is CLEAR:
        message = _cannot_clear(section, field) if _required(section, field) else None
    elif message is None:
        message = check_answer(question(section, field), value, text, units)
    return value, message


def apply_changes(profile: Profile, changes: Sequence[Change]) -> Profile:
    """The profile with these answers changed, checked whole (cross-field rules too).

    Everything else is kept as it was: ``created``, ``[extra]``, every other answer.
    Raises ProfileInvalid when the result is not a valid profile.
    """
    return parse_profile(_applied(profile, changes))


def _applied(profile: Profile, changes: Sequence[Change]) -> dict[str, Any]:
    """The profile's document with the changes made and what does not apply dropped."""
    data = profile.model_dump(mode="python", exclude_none=True)
    # What does not apply is dropped before and after, as the wizard drops it (each
    # field's ``when``): the same answers make the same profile whichever way they came.
    # (So ``footstool.in_use``, which follows ``owned`` until it is answered, follows a
    # footstool just bought rather than the "no" that went with having none.)
    _prune(data)
    for change in changes:
        if is_record(change.section) and change.field == WHOLE:
            remove_action(data, change.section)
            continue
        if is_record(change.section):
            table = record_table(data, change.section)
        elif change.section == TOP:
            table = data
        else:
            table = data.setdefault(change.section, {})
        if change.value is CLEAR:
            table.pop(change.field, None)
        else:
            table[change.field] = change.value
    _prune(data)
    return data


def _prune(data: dict[str, Any]) -> None:
    for section in SECTION_MODELS:
        if isinstance(data.get(section), dict):
            data[section] = prune(section, data[section])


def set_answers(profile: Profile, assignments: Iterable[str]) -> tuple[Profile, list[Change]]:
    """Read, check and apply ``KEY=VALUE`` answers: the new profile and the changes made.

    Raises ProfileInvalid listing every problem; the profile given is never modified.
    """
    changes, problems = read_changes(assignments, profile.units)
    if problems:
        # An answer to a question the other answers rule out is dropped, bad or not, as
        # the wizard hides it: the same answers make the same profile either way.
        data = _applied(profile, changes)
        ruled_out = {
            f"{section}.{name}"
            for section in SECTION_MODELS
            if isinstance(data.get(section), dict)
            for name in not_applying(section, {**_given(changes, section), **data[section]})
        }
        problems = [p for p in problems if p.key not in ruled_out]
        if problems:
            raise ProfileInvalid(problems)
    return apply_changes(profile, changes), changes


def not_asked(profile: Profile, changes: Sequence[Change]) -> list[tuple[Change, str]]:
    """The answers set that ``profile`` (the result) does not keep, with why: the other
    answers rule their question out ("because you work on a laptop" is the reason it
    would be asked), so they were dropped as the wizard would hide them."""
    out: list[tuple[Change, str]] = []
    for c in changes:
        model = SECTION_MODELS.get(c.section)
        if model is None or c.field not in model.model_fields or c.value is CLEAR:
            continue
        section = getattr(profile, c.section)
        if not section.asks(c.field):
            out.append((c, because(when_of(model.model_fields[c.field]))))
    return out


def _given(changes: Sequence[Change], section: str) -> dict[str, Any]:
    return {c.field: c.value for c in changes if c.section == section and c.value is not CLEAR}
