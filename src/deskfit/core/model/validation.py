"""Turn raw answers into a Profile, and every problem into words a person understands.

pydantic checks types and ranges; the sections' ``rules()`` check fields against each
other. Both end up here as ``Problem``s with a dotted key ("chair.seat_height_cm") and a
message that says what was given, what is allowed and, where it is likely, what was meant.
The wizard, ``deskfit check`` and the store all report these same messages.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from deskfit.core.model.fields import RANGE_PHRASE, UNIT
from deskfit.core.model.profile import SECTION_MODELS, Profile
from deskfit.core.model.section import Section
from deskfit.core.model.shown_text import describe, safe, unsafe_chars
from deskfit.core.model.units import UnitSystem, format_length, read_number

UNIT_WORDS = {"cm": "cm", "h": "hours", "min": "minutes", "deg": "°"}

SHOWN_CHARS = 40  # a value echoed in a message is cut to this
KEY_CHARS = 80  # a key named in a report is cut to this


def printable(text: str) -> str:
    """``text`` on one line: every control or invisible character escaped (\\n, \\x1b).

    Reports are one problem per line, read in a terminal: a newline, an escape sequence or
    a right-to-left override from a file (in a key, a value or its name) must not reach
    them raw. The same escaping as every other text deskfit prints (``shown_text.safe``).
    """
    return safe(text)


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` as it can be echoed in a message: printable and at most ``limit`` long."""
    flat = printable(text)
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def number_text(value: int) -> str:
    """A whole number of any size as a person can read it (str() refuses 4300+ digits)."""
    if abs(value) < 10**15:
        return str(value)
    try:
        return f"{float(value):g}"
    except OverflowError:  # beyond 1.8e308, as 1.23e+400 from its leading digits
        size = abs(value)
        exponent = math.floor(math.log10(size))
        lead = size // 10 ** (exponent - 2)
        if lead >= 1000:  # log10 of a huge int can be one off either way
            exponent, lead = exponent + 1, lead // 10
        elif lead < 100:
            exponent, lead = exponent - 1, size // 10 ** (exponent - 3)
        sign = "-" if value < 0 else ""
        return f"{sign}{lead / 100:g}e+{exponent}"


def _as_float(value: int | float) -> float | None:
    try:
        return float(value)
    except OverflowError:  # an int beyond 1.8e308
        return None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a profile: where (dotted key, line if known) and why."""

    key: str
    message: str
    line: int | None = None
    column: int | None = None

    def located(self, path: str | None = None) -> str:
        """``path:line: key: message`` with whatever parts are known."""
        where = [p for p in (path, str(self.line) if self.line else None) if p]
        head = printable(":".join(where))
        message = printable(self.message)
        body = f"{shown(self.key, KEY_CHARS)}: {message}" if self.key else message
        return f"{head}: {body}" if head else body


class ProfileInvalid(ValueError):
    """The answers do not make a valid profile. ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.located() for p in problems))


def _model_at(loc: tuple[str | int, ...]) -> tuple[type[BaseModel] | None, str | None]:
    """The model that owns the last key of ``loc`` and that key, for profile paths."""
    model: type[BaseModel] = Profile
    for part in loc[:-1]:
        if not isinstance(part, str):
            return None, None
        info = model.model_fields.get(part)
        sub = info.annotation if info else None
        if not (isinstance(sub, type) and issubclass(sub, BaseModel)):
            return None, None
        model = sub
    last = loc[-1] if loc else None
    return model, last if isinstance(last, str) else None


# The pseudo-section of the profile's own top-level questions (its name and units), so one
# answer of any kind can be checked with the same call.
TOP = "profile"


def field_info(section: str, field: str) -> FieldInfo:
    model: type[BaseModel] = Profile if section == TOP else SECTION_MODELS[section]
    return model.model_fields[field]


def _fmt(value: float) -> str:
    return f"{value:g}"


def range_sentence(info: FieldInfo, units: UnitSystem = "metric") -> str | None:
    """How a person would say this field's plausible range, from its metadata; a length
    in inches when the person works in inches ("a desk is 15¾–59 in high")."""
    bounds = _bounds(info)
    if bounds is None:
        return None
    lo, hi = bounds
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    unit = UNIT_WORDS.get(str(extra.get(UNIT, "")), "")
    low, high = _fmt(lo), _fmt(hi)
    if units == "imperial" and extra.get(UNIT) == "cm":
        low, high, unit = _inches(lo), _inches(hi), "in"
    phrase = extra.get(RANGE_PHRASE)
    if isinstance(phrase, str):
        return phrase.format(lo=low, hi=high, unit=unit).replace(" °", "°")
    # "Popliteal height (optional)" → "popliteal height": the aside is for the form
    title = re.sub(r"\s*\([^)]*\)", "", info.title or "it").lower()
    return f"{title} is {low}–{high} {unit}".strip()


def _inches(cm: float) -> str:
    return format_length(cm, "imperial").removesuffix(" in")


def typed_length_problem(
    section: str, field: str, cm: float, typed: str, units: UnitSystem
) -> str | None:
    """Why a typed length cannot be used, in the person's own terms, or None.

    ``check_field`` speaks of the stored centimetres: "you gave 25.4 — 25.4 looks like
    inches: did you mean 64.5 cm?" for someone who typed 10 in inches, which points the
    wrong way. Out of range, this says the range in the units the person works in, quotes
    what they typed (with the unit a bare number was read in), and guesses another unit
    only when they gave none. A bare number in centimetres gets the loader's message.
    """
    message = check_field(section, field, cm)
    info = field_info(section, field)
    bounds = _bounds(info)
    if message is None or bounds is None or bounds[0] <= cm <= bounds[1]:
        return message
    sentence = range_sentence(info, units)
    given = " ".join(typed.split())
    try:
        number: float | None = read_number(given)
    except ValueError:
        number = None  # it carries a unit of its own: quoted as it is
    if number is None:
        return f"{sentence}; you gave {given}"
    if units == "metric":
        return message  # a bare number of centimetres: the loader's own words for it
    hint = unit_hint(info, number, units)
    return f"{sentence}; you gave {given} in" + (f" — {hint}" if hint else "")


def _bounds(info: FieldInfo) -> tuple[float, float] | None:
    lo = hi = None
    for meta in info.metadata:
        if getattr(meta, "ge", None) is not None:
            lo = meta.ge
        if getattr(meta, "le", None) is not None:
            hi = meta.le
    return (float(lo), float(hi)) if lo is not None and hi is not None else None


# What a bare number out of range may have been meant in: centimetres per unit guessed,
# by the unit the number was read in.
_GUESSES: dict[UnitSystem, tuple[tuple[float, str], ...]] = {
    "metric": ((0.1, "millimetres"), (100.0, "metres"), (2.54, "inches")),
    "imperial": ((1.0, "centimetres"), (0.1, "millimetres"), (30.48, "feet")),
}


def unit_hint(info: FieldInfo, value: float, units: UnitSystem = "metric") -> str | None:
    """Guess what a bare number out of range was meant to be: in centimetres, mm, m or
    inches; in inches, cm, mm or feet (said back in the person's own units)."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    bounds = _bounds(info)
    if extra.get(UNIT) != "cm" or bounds is None or not math.isfinite(value):
        return None
    lo, hi = bounds
    for per, unit in _GUESSES[units]:
        guess = value * per
        if lo <= guess <= hi:
            meant = (
                f"{round(guess, 1):.1f} cm"
                if units == "metric"
                else format_length(guess, units, stature=unit == "feet")
            )
            return f"{_fmt(value)} looks like {unit}: did you mean {meant}?"
    return None


def _given(value: Any) -> str:
    if isinstance(value, str):
        cut = value if len(value) <= SHOWN_CHARS else value[: SHOWN_CHARS - 3] + "..."
        return repr(cut).replace("'", '"') if cut.isprintable() else repr(cut)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return number_text(value)
    if isinstance(value, float):
        return _fmt(value)
    if isinstance(value, (dict, list)):
        return "a table" if isinstance(value, dict) else "a list"
    return shown(str(value))


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def dotted_key(loc: tuple[str | int, ...]) -> str:
    """``loc`` as TOML writes it: ``chair.seat_height_cm``, ``body."se x"``, ``""``."""
    parts = []
    for part in loc:
        text = str(part)
        if not _BARE_KEY.fullmatch(text):
            text = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        parts.append(text)
    return ".".join(parts)


def _choices(model: type[BaseModel] | None, key: str | None) -> list[str]:
    if model is None:
        return []
    if key is None or key not in model.model_fields:
        return list(model.model_fields)
    return []


def explain(error: ErrorDetails) -> Problem:
    """One pydantic error in words: the key, what was given, what is allowed."""
    loc = tuple(error["loc"])
    key = dotted_key(loc)
    kind = error["type"]
    given = error.get("input")
    model, last = _model_at(loc)
    info = model.model_fields.get(last) if model is not None and last else None

    if kind == "extra_forbidden":
        names = list(model.model_fields) if model is not None else []
        if model is Profile:
            names.append("advice")
        typed = str(last)
        # No key is 100 characters long: skip the (linear, slow) match for long junk.
        close = difflib.get_close_matches(typed, names, n=1, cutoff=0.6) if len(typed) < 100 else []
        where = f"in [{'.'.join(str(p) for p in loc[:-1])}]" if len(loc) > 1 else "at the top"
        msg = f"unknown key {where}"
        if close:
            msg += f": did you mean {close[0]}?"
        else:
            msg += f"; known keys: {', '.join(names)}"
        return Problem(key, msg)
    if kind == "missing":
        title = f" ({info.title.lower()})" if info is not None and info.title else ""
        return Problem(key, f"missing{title}: this key is required")
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        sentence = range_sentence(info) if info is not None else None
        msg = f"{sentence}; you gave {_given(given)}" if sentence else error["msg"].lower()
        number = _as_float(given) if isinstance(given, (int, float)) else None
        if info is not None and number is not None and not isinstance(given, bool):
            hint = unit_hint(info, number)
            if hint:
                msg += f" — {hint}"
        return Problem(key, msg)
    if kind == "float_type" and isinstance(given, int) and not isinstance(given, bool):
        # An int too big for a float (beyond 1.8e308): out of range, whatever the field.
        sentence = range_sentence(info) if info is not None else None
        if sentence:
            return Problem(key, f"{sentence}; you gave {_given(given)}")
    if kind == "finite_number" or (isinstance(given, float) and not math.isfinite(given)):
        return Problem(key, f"must be an ordinary number, not {_given(given)}")
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}:
        whole = "a whole number" if kind.startswith("int") else "a number"
        unit = ""
        if info is not None and isinstance(info.json_schema_extra, dict):
            unit = UNIT_WORDS.get(str(info.json_schema_extra.get(UNIT, "")), "")
        of = f" of {unit}" if unit and unit != "°" else ""
        return Problem(key, f"must be {whole}{of}; you gave {_given(given)}")
    if kind in {"bool_parsing", "bool_type"}:
        return Problem(key, f"must be true or false; you gave {_given(given)}")
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        return Problem(key, f"must be one of {allowed}; you gave {_given(given)}")
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return Problem(key, f"must be a table ([{key}]); you gave {_given(given)}")
    if kind == "string_pattern_mismatch":  # the name: only characters that show
        hidden = unsafe_chars(given) if isinstance(given, str) else []
        which = f" ({', '.join(describe(c) for c in hidden[:3])})" if hidden else ""
        return Problem(
            key,
            "must be one line of visible text, without tabs, control characters, direction "
            f"overrides or zero-width characters{which}; you gave {_given(given)}",
        )
    if kind in {"string_type", "string_too_short", "string_too_long"}:
        return Problem(key, f"{error['msg'].lower()}; you gave {_given(given)}")
    if kind in {"datetime_type", "datetime_parsing", "datetime_from_date_parsing"}:
        return Problem(
            key, f"must be a date and time like 2026-11-23T19:00:00Z; you gave {_given(given)}"
        )
    msg = printable(error["msg"])
    return Problem(key, f"{msg[:1].lower()}{msg[1:]}; you gave {_given(given)}")


def rule_problems(profile: Profile) -> list[Problem]:
    """Cross-field problems of every section, keyed by the field they concern."""
    out: list[Problem] = []
    for name, section in {**profile.sections(), "assessment": profile.assessment}.items():
        out += [Problem(f"{name}.{r.field}", r.message) for r in section.rules()]
    return out


MAX_PROBLEMS = 100  # listed at most; more than this is not a profile with a few mistakes


def _capped(problems: list[Problem], unexplained: int = 0) -> list[Problem]:
    """The first MAX_PROBLEMS problems, then one line saying how many more there are."""
    rest = len(problems) - MAX_PROBLEMS + unexplained
    if rest <= 0:
        return problems
    first_unlisted = problems[MAX_PROBLEMS] if len(problems) > MAX_PROBLEMS else problems[-1]
    more = f"this and {rest - 1:,} more problems are not listed; fix the ones above first"
    return [*problems[:MAX_PROBLEMS], Problem(first_unlisted.key, more)]


def parse_profile(data: Mapping[str, Any]) -> Profile:
    """A Profile from raw answers (a TOML document), or ProfileInvalid with every problem.

    Every problem up to MAX_PROBLEMS: a file of thousands of stray keys is refused in a
    moment, not after a close-match search for each of them.
    """
    try:
        profile = Profile.model_validate(dict(data))
    except ValidationError as exc:
        errors = exc.errors()
        problems = [explain(e) for e in errors[: MAX_PROBLEMS + 1]]
        # Also report cross-field rules of the sections that are otherwise valid, so one
        # typo in [body] does not hide a seat range problem in [chair].
        broken = {str(e["loc"][0]) for e in errors if e["loc"]}
        for name in SECTION_MODELS:
            answers = data.get(name)
            if name not in broken and isinstance(answers, Mapping):
                problems += check_section(name, answers)
        unexplained = max(len(errors) - (MAX_PROBLEMS + 1), 0)
        raise ProfileInvalid(_capped(problems, unexplained)) from None
    problems = rule_problems(profile)
    if problems:
        raise ProfileInvalid(_capped(problems))
    return profile


@cache
def _adapter(section: str, field: str) -> TypeAdapter[Any]:
    info = field_info(section, field)
    annotated: Any = Annotated[info.annotation, info]  # a runtime-built type form
    return TypeAdapter(annotated)


def check_field(section: str, field: str, value: Any) -> str | None:
    """Validate one answer exactly as the model would; the message, or None when fine.

    ``section`` is a table of the profile, or ``TOP`` for the profile's name and units.
    """
    try:
        _adapter(section, field).validate_python(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = () if section == TOP else (section,)
        loc = (*where, field, *first["loc"])
        return explain({**first, "loc": loc}).message
    return None


def check_section(section: str, answers: Mapping[str, Any]) -> list[Problem]:
    """Every problem in one section's answers: field errors, then cross-field rules."""
    model = SECTION_MODELS[section]
    try:
        parsed: Section = model.model_validate(dict(answers))
    except ValidationError as exc:
        return [explain({**e, "loc": (section, *e["loc"])}) for e in exc.errors()]
    return [Problem(f"{section}.{r.field}", r.message) for r in parsed.rules()]
