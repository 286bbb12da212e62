"""Reading what a person typed for a question: one reader for the wizard, ``deskfit set``
and anything later, with one set of messages.

``read_answer`` gives the value the text stands for and, when the text cannot be read at
all, why (in words, with an example). Blank is ``None``. Text that reads but is not one
of the question's values (a yes/no answered "perhaps", a choice that does not exist) is
handed on as the string itself, so that ``validation.check_field`` words that problem
exactly as the loader does for a file.
"""

from __future__ import annotations

import re
from typing import Any, Final

from deskfit.core.model.profile import Units
from deskfit.core.model.questions import Question, input_unit
from deskfit.core.model.units import LengthParseError, parse_length, read_number
from deskfit.core.model.validation import check_field, typed_length_problem

TRUE: Final = frozenset({"true", "yes", "y", "1", "on"})
FALSE: Final = frozenset({"false", "no", "n", "0", "off"})

# A unit typed after a number of hours, minutes or degrees ("8 h", "90 min", "100°").
_UNIT_WORDS: Final = {
    "h": ("h", "hr", "hrs", "hour", "hours"),
    "min": ("m", "min", "mins", "minute", "minutes"),
    "deg": ("°", "deg", "degree", "degrees"),
}
_UNIT_NAMES: Final = {"h": "hours", "min": "minutes", "deg": "degrees"}


def _without_unit(text: str, unit: str | None) -> str:
    words = _UNIT_WORDS.get(unit or "")
    if not words:
        return text
    match = re.fullmatch(r"(.*?)\s*([^\d\s.,]+)", text)
    if match and match.group(2).casefold() in words:
        return match.group(1)
    return text


def example(q: Question) -> str:
    """A plausible answer to show in a message: the default, else one typical of the unit."""
    default = q.default
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        return f"{default:g}"
    return {"min": "45", "deg": "100"}.get(q.unit or "", "8")


def read_answer(q: Question, text: str, units: Units) -> tuple[Any, str | None]:
    """The value ``text`` stands for in question ``q``, and why it cannot be read (or None).

    Lengths take any unit (a bare number is in the profile's units); hours, minutes and
    degrees may carry their unit ("8 h"); yes/no takes yes, no, y, n, true, false, on,
    off, 1, 0; a choice is matched ignoring case, spaces and dashes. Text that cannot be
    read is returned as typed, so that nothing a person typed is ever thrown away.
    """
    stripped = text.strip()
    if not stripped:
        return None, None
    if q.kind == "length":
        try:
            return parse_length(stripped, default_unit=input_unit(units)), None
        except LengthParseError as exc:
            return text, str(exc)
    if q.kind in ("number", "integer"):
        unit_name = _UNIT_NAMES.get(q.unit or "", "")
        of = f" of {unit_name}" if unit_name else ""
        whole = "a whole number" if q.kind == "integer" else "a number"
        try:
            number = read_number(_without_unit(stripped, q.unit))
        except ValueError:
            return text, f"type {whole}{of}, like {example(q)}; you gave {stripped!r}"
        if q.kind == "integer":
            if not number.is_integer():
                return text, f"type a whole number{of}, like {example(q)}; you gave {stripped!r}"
            return int(number), None
        return number, None
    if q.kind == "yesno":
        folded = stripped.casefold()
        if folded in TRUE:
            return True, None
        if folded in FALSE:
            return False, None
        return stripped, None
    if q.kind == "choice":
        folded = stripped.casefold().replace("-", "_").replace(" ", "_")
        labels = {label.casefold().replace(" ", "_"): value for value, label in q.choices.items()}
        if folded in q.choices:
            return folded, None
        return labels.get(folded, stripped), None
    return stripped, None


def check_answer(q: Question, value: Any, typed: str, units: Units) -> str | None:
    """Why a value read from ``typed`` cannot be used, or None: the model's own check,
    with a length out of range worded in the units and the text the person used."""
    if q.kind == "length" and isinstance(value, float):
        return typed_length_problem(q.section, q.field, value, typed, units)
    return check_field(q.section, q.field, value)
