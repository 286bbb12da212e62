"""Read the lengths people type and show lengths the way people read them.

Everything in deskfit is stored in centimetres; this module is the only place that
knows about inches, feet, millimetres and how a person writes them.

Arithmetic is done in :class:`decimal.Decimal` on purpose: ``1 in = 2.54 cm`` exactly,
and a person who types ``19.25`` (inches) must get back the very same centimetre value
that ``round_for_people`` produces, bit for bit, or the wizard would show a value
"changing" when the user merely tabs through an input. Binary floats cannot promise
that (``19.25 * 2.54`` and ``77 * 0.635`` may differ in the last bit); decimals can.
Floats are turned into decimals through ``repr`` (the shortest text that reads back as
the same float), i.e. we treat a float as the decimal number a person would see.

Rounding rule: to the nearest step (0.5 cm, or 1/4 in), **half away from zero**. For
the non-negative lengths people type this is plain "half up"; for signed deltas
("raise 4 cm" / "lower 4 cm") it keeps ±x symmetric, so advice never reads differently
depending on direction.

Standard library only: the core must import without textual or pydantic.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal, NamedTuple

__all__ = [
    "MAX_INPUT_LENGTH",
    "LengthParseError",
    "cm_to_in",
    "format_length",
    "format_length_input",
    "format_rule_of_thumb",
    "in_to_cm",
    "parse_length",
    "round_for_people",
]

UnitSystem = Literal["metric", "imperial"]
InputUnit = Literal["cm", "in"]

# Anything longer is not a length someone typed into a small box; refuse it before
# running a regex over it and keep the error message one short line.
MAX_INPUT_LENGTH: Final = 40

_CM_PER_INCH: Final = Decimal("2.54")  # exact, by definition (1959)
_INCHES_PER_FOOT: Final = 12
_QUARTERS_PER_INCH: Final = 4
_QUARTERS_PER_FOOT: Final = _INCHES_PER_FOOT * _QUARTERS_PER_INCH
_CM_PER_QUARTER_INCH: Final = _CM_PER_INCH / _QUARTERS_PER_INCH  # 0.635, exact
_METRIC_STEP_CM: Final = Decimal("0.5")

# The minus sign people see in deltas: U+2212 lines up with "+" in most fonts, unlike "-".
_MINUS: Final = "\u2212"

# Centimetres per unit, for every spelling we accept. Keys are already lower-case.
_UNIT_CM: Final[dict[str, Decimal]] = {
    "mm": Decimal("0.1"),
    "millimeter": Decimal("0.1"),
    "millimeters": Decimal("0.1"),
    "millimetre": Decimal("0.1"),
    "millimetres": Decimal("0.1"),
    "cm": Decimal(1),
    "cms": Decimal(1),
    "centimeter": Decimal(1),
    "centimeters": Decimal(1),
    "centimetre": Decimal(1),
    "centimetres": Decimal(1),
    "m": Decimal(100),
    "meter": Decimal(100),
    "meters": Decimal(100),
    "metre": Decimal(100),
    "metres": Decimal(100),
    "in": _CM_PER_INCH,
    "ins": _CM_PER_INCH,
    "inch": _CM_PER_INCH,
    "inches": _CM_PER_INCH,
    '"': _CM_PER_INCH,
    "ft": _CM_PER_INCH * _INCHES_PER_FOOT,
    "foot": _CM_PER_INCH * _INCHES_PER_FOOT,
    "feet": _CM_PER_INCH * _INCHES_PER_FOOT,
    "'": _CM_PER_INCH * _INCHES_PER_FOOT,
}
_FOOT: Final = _UNIT_CM["ft"]
_INCH: Final = _UNIT_CM["in"]

# Vulgar fractions people paste from phones and word processors (27½ in). Only the
# binary ones: a tape measure shows halves, quarters and eighths, never thirds.
_VULGAR: Final[dict[str, Decimal]] = {
    "⅛": Decimal("0.125"),
    "¼": Decimal("0.25"),
    "⅜": Decimal("0.375"),
    "½": Decimal("0.5"),
    "⅝": Decimal("0.625"),
    "¾": Decimal("0.75"),
    "⅞": Decimal("0.875"),
}
_QUARTER_GLYPHS: Final = ("", "¼", "½", "¾")

# Marks that phones, word processors and typographers use for feet and inches; we
# fold them onto ' and " before reading. Two primes or two apostrophes mean inches.
_FEET_MARKS: Final = "’‘′ʹ`´"
_INCH_MARKS: Final = "”“″ʺ"
_NEGATIVE_SIGNS: Final = ("-", _MINUS, "–", "—")

_VULGAR_CLASS: Final = "".join(_VULGAR)
# One token at a time. Order matters: a bare fraction ("1/2") must be tried before a
# plain number, or "1" would be taken and "/2" left over. A mixed number needs a space
# before its fraction ("27 1/2") so that "5'10" is never read as anything odd.
_TOKEN: Final = re.compile(
    rf"""
    \s*
    (?:
        (?P<frac_num>[0-9]+)\s*/\s*(?P<frac_den>[0-9]+)
      | (?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)
        (?:
            \s*(?P<vulgar>[{_VULGAR_CLASS}])
          | \s+(?P<mixed_num>[0-9]+)\s*/\s*(?P<mixed_den>[0-9]+)
        )?
      | (?P<lone_vulgar>[{_VULGAR_CLASS}])
      | (?P<word>[a-z]+)\.?
      | (?P<mark>['"])
    )
    \s*
    """,
    re.VERBOSE,
)

_HINTS: Final[dict[InputUnit, str]] = {
    "cm": "try 178, 178 cm, 1.78 m, 70 in or 5'10\"",
    "in": "try 70, 70 in, 5'10\", 178 cm or 1.78 m",
}


_TWO_NUMBERS: Final = "two numbers only make sense as feet and inches, like 5'10\""


class LengthParseError(ValueError):
    """Typed text that is not a length; ``str()`` is one line fit to show the person.

    It subclasses ``ValueError`` so pydantic validators and Textual validators can let
    it through unchanged and show its message as is.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f'could not read "{_shown(text)}" as a length: {reason}')

    def __reduce__(self) -> tuple[type[LengthParseError], tuple[str, str]]:
        # Exceptions pickle as cls(*args); ours takes (text, reason), not the message.
        return (type(self), (self.text, self.reason))


def _shown(text: str) -> str:
    """The input as it can be echoed in a one-line message."""
    # Tabs or newlines pasted into a box would break the one-line promise.
    flat = "".join(ch if ch.isprintable() else " " for ch in text.strip())
    if len(flat) > MAX_INPUT_LENGTH:
        return flat[:MAX_INPUT_LENGTH] + "…"
    return flat


def _to_decimal(value: float) -> Decimal:
    """A float as the decimal a person would read, refusing NaN and infinities."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite length: {value!r}")
    return Decimal(repr(float(value)))


def western_digits(text: str) -> str:
    """Every decimal digit (Arabic-Indic ٣, Devanagari ३, full-width ３…) as 0–9, so a
    number reads the same in every question whatever keyboard typed it."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def read_number(text: str) -> float:
    """A plain number as typed: any decimal digits, ``,`` or ``.`` as the point; never
    ``-0`` (stored and shown as 0). ValueError when it is not one."""
    number = float(western_digits(text.strip()).replace(",", "."))
    return number + 0.0  # -0.0 + 0.0 is 0.0


def _normalise(text: str) -> str:
    """Fold the many ways of writing the same thing onto one spelling."""
    folded = western_digits(text.strip()).casefold()
    for mark in _FEET_MARKS:
        folded = folded.replace(mark, "'")
    for mark in _INCH_MARKS:
        folded = folded.replace(mark, '"')
    # Decimal commas (1,78 m) are common outside the English-speaking world; thousands
    # separators are not something anyone types for a body or a desk.
    return folded.replace("''", '"').replace(",", ".").replace("⁄", "/")


def _fraction(text: str, num: str, den: str) -> Decimal:
    if int(den) == 0:
        raise LengthParseError(text, "a fraction can't have 0 below the line")
    return Decimal(num) / Decimal(den)


class _Token(NamedTuple):
    """One piece of the input: a number (``unit`` empty) or a unit (``value`` 0)."""

    value: Decimal = Decimal(0)
    unit: str = ""
    whole: bool = False  # a whole number: only those may be the feet in 5'10"

    @property
    def kind(self) -> str:
        return "unit" if self.unit else "number"


def _tokens(text: str, normal: str, hint: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(normal):
        match = _TOKEN.match(normal, pos)
        if match is None or match.end() == pos:
            raise LengthParseError(text, hint)
        pos = match.end()
        if match["frac_num"] is not None:
            value = _fraction(text, match["frac_num"], match["frac_den"])
            tokens.append(_Token(value))
        elif match["number"] is not None:
            value = Decimal(match["number"])
            extra = match["vulgar"] or match["mixed_num"]
            if extra is not None and "." in match["number"]:
                # "27.5½" is surely a typo; guessing would hide it.
                raise LengthParseError(text, "write a decimal or a fraction, not both")
            if match["vulgar"] is not None:
                value += _VULGAR[match["vulgar"]]
            elif match["mixed_num"] is not None:
                value += _fraction(text, match["mixed_num"], match["mixed_den"])
            whole = "." not in match["number"] and extra is None
            tokens.append(_Token(value, whole=whole))
        elif match["lone_vulgar"] is not None:
            tokens.append(_Token(_VULGAR[match["lone_vulgar"]]))
        else:
            unit = match["word"] or match["mark"]
            if unit not in _UNIT_CM:
                # Only blame the word when it plainly is a unit after a number
                # ("178 yards"). A lone letter is likelier a typo ("5'1O" for 5'10,
                # "1e3"), and for plain garbage ("abc", "nan") the examples help more.
                if tokens and len(unit) > 1 and pos == len(normal):
                    reason = f'"{unit}" is not a unit I know; use cm, m, mm, in or ft'
                    raise LengthParseError(text, reason)
                raise LengthParseError(text, hint)
            tokens.append(_Token(unit=unit))
    return tokens


def parse_length(text: str, *, default_unit: InputUnit = "cm") -> float:
    """Read a length a person typed and return it in centimetres.

    Accepted (any case, spaces optional, ``,`` or ``.`` as decimal point):
    a bare number in ``default_unit``; a number with ``mm``/``cm``/``m``/``in``/``ft``
    (or their long names, ``"`` and ``'``); feet then inches (``5'10"``, ``5'10``,
    ``5 ft 10 in``, ``5ft10``); curly quotes and primes as feet/inch marks; fractions
    (``27 1/2 in``, ``27½ in``). Zero is accepted; whether it makes sense is the
    model's business.

    Raises:
        LengthParseError: for anything else, with a message naming the input.
    """
    if default_unit not in _HINTS:
        raise ValueError(f"default_unit must be 'cm' or 'in', not {default_unit!r}")
    hint = _HINTS[default_unit]
    stripped = text.strip()
    if not stripped:
        raise LengthParseError(text, f"nothing was typed; {hint}")
    if len(stripped) > MAX_INPUT_LENGTH:
        raise LengthParseError(text, f"that is longer than {MAX_INPUT_LENGTH} characters; {hint}")
    normal = _normalise(stripped)
    if normal.startswith(_NEGATIVE_SIGNS):
        raise LengthParseError(text, "a length can't be negative")

    tokens = _tokens(text, normal, hint)
    shape = tuple(token.kind for token in tokens)
    if shape == ("number",):
        result = tokens[0].value * _UNIT_CM[default_unit]
    elif shape == ("number", "unit"):
        result = tokens[0].value * _UNIT_CM[tokens[1].unit]
    elif shape in {("number", "unit", "number"), ("number", "unit", "number", "unit")}:
        result = _feet_and_inches(text, tokens)
    elif shape.count("number") > 1:
        raise LengthParseError(text, _TWO_NUMBERS)
    else:
        raise LengthParseError(text, hint)

    cm = float(result)
    # 40 characters cannot overflow a float today; this guards the promise that we
    # never hand back inf or NaN should the length limit ever be raised.
    if not math.isfinite(cm):
        raise LengthParseError(text, hint)
    return cm


def _feet_and_inches(text: str, tokens: list[_Token]) -> Decimal:
    """``5'10"``, ``5 ft 10``, ``5ft 10in``: the only two-number shape we accept."""
    inch_unit = tokens[3].unit if len(tokens) == 4 else "in"
    if _UNIT_CM[tokens[1].unit] != _FOOT or _UNIT_CM[inch_unit] != _INCH:
        raise LengthParseError(text, _TWO_NUMBERS)
    feet, inches = tokens[0].value, tokens[2].value
    if not tokens[0].whole:
        raise LengthParseError(text, "use whole feet before the inches, like 5'10\"")
    total_inches = feet * _INCHES_PER_FOOT + inches
    if inches >= _INCHES_PER_FOOT:
        # Offer the carried reading rather than silently accepting 5'13" as 6'1":
        # it is as likely a typo for 5'3".
        nearest = _round_to_step(total_inches, Decimal("0.25"))
        suggestion = _feet_inches_text(int(nearest * _QUARTERS_PER_INCH))
        raise LengthParseError(
            text, f"inches after feet must be under 12 (did you mean {suggestion}?)"
        )
    return total_inches * _INCH


def cm_to_in(cm: float) -> float:
    """Centimetres to inches (1 in = 2.54 cm exactly)."""
    return float(_to_decimal(cm) / _CM_PER_INCH)


def in_to_cm(inches: float) -> float:
    """Inches to centimetres (1 in = 2.54 cm exactly)."""
    return float(_to_decimal(inches) * _CM_PER_INCH)


def _round_to_step(value: Decimal, step: Decimal) -> Decimal:
    """``value`` to the nearest multiple of ``step``, half away from zero."""
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _quarter_inches(cm: float) -> int:
    """``cm`` as a whole number of quarter inches, half away from zero."""
    quarters = (_to_decimal(cm) / _CM_PER_QUARTER_INCH).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(quarters)


def _rounded_cm(cm: float, units: UnitSystem) -> Decimal:
    if units == "metric":
        return _round_to_step(_to_decimal(cm), _METRIC_STEP_CM)
    return _quarter_inches(cm) * _CM_PER_QUARTER_INCH


def round_for_people(cm: float, units: UnitSystem) -> float:
    """``cm`` rounded to what we show: 0.5 cm (metric) or 1/4 in (imperial), in cm.

    Half away from zero (48.25 -> 48.5, -48.25 -> -48.5). The result is the float
    nearest the exact decimal, so rounding twice changes nothing and
    ``parse_length(format_length_input(x, units))`` returns exactly this value.
    """
    # "+ 0.0" turns -0.0 (from -0.1 cm) into 0.0, which nobody wants to see or store.
    return float(_rounded_cm(cm, units)) + 0.0


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 48, 48.5, 19.25, 100."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _sign(value: Decimal | int, signed: bool) -> str:
    # Negative lengths always show their sign; "+" only when asked (deltas). Zero gets
    # neither, so a delta that rounds away reads "0 cm", never "+0 cm" or "-0 cm".
    if value < 0:
        return _MINUS
    if value > 0 and signed:
        return "+"
    return ""


def _inches_text(quarters: int) -> str:
    """Non-negative quarter inches as 19, 19¼, ¼ (no leading 0 before a fraction)."""
    whole, quarter = divmod(quarters, _QUARTERS_PER_INCH)
    if whole == 0 and quarter:
        return _QUARTER_GLYPHS[quarter]
    return f"{whole}{_QUARTER_GLYPHS[quarter]}"


def _feet_inches_text(quarters: int) -> str:
    """Non-negative quarter inches as 5' 10¼" (carrying 12 in into a foot)."""
    feet, rest = divmod(quarters, _QUARTERS_PER_FOOT)
    whole, quarter = divmod(rest, _QUARTERS_PER_INCH)
    return f"{feet}' {whole}{_QUARTER_GLYPHS[quarter]}\""


def format_length(
    cm: float, units: UnitSystem, *, stature: bool = False, signed: bool = False
) -> str:
    """A length as a person reads it: ``48.5 cm``, ``19¼ in`` or (stature) ``5' 10¼"``.

    ``signed=True`` is for deltas ("raise +4 cm"): positive values get "+", negative
    ones always get U+2212 "−". Zero (after rounding) is ``0 cm`` / ``0 in``.
    """
    if units == "metric":
        rounded = _rounded_cm(cm, units)
        return f"{_sign(rounded, signed)}{_plain(abs(rounded))} cm"
    # Work in whole quarter inches so carrying (5' 11.9" -> 6' 0") is integer arithmetic.
    quarters = _quarter_inches(cm)
    sign = _sign(quarters, signed)
    if stature:
        return f"{sign}{_feet_inches_text(abs(quarters))}"
    return f"{sign}{_inches_text(abs(quarters))} in"


_EIGHTH_GLYPHS: Final = ("", "⅛", "¼", "⅜", "½", "⅝", "¾", "⅞")


def format_rule_of_thumb(cm: float, units: UnitSystem) -> str:
    """A rule of thumb or a clearance, at the precision it has: ``0.3 cm`` or ``⅛ in``.

    Settings are rounded to what a person can set (0.5 cm, 1/4 in); a figure like "text at
    least distance/200 tall" is not a setting, and rounding 0.3 cm to 0.5 would overstate
    it (ergonomics.md §3 step 8). Metric to 0.1 cm, imperial to 1/8 in, half away from zero.
    """
    value = _to_decimal(cm)
    if units == "metric":
        tenths = _round_to_step(value, Decimal("0.1"))
        return f"{_sign(tenths, False)}{_plain(abs(tenths))} cm"
    eighths = int((value / (_CM_PER_INCH / 8)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    whole, eighth = divmod(abs(eighths), 8)
    text = _EIGHTH_GLYPHS[eighth] if whole == 0 and eighth else f"{whole}{_EIGHTH_GLYPHS[eighth]}"
    return f"{_sign(eighths, False)}{text} in"


def format_length_input(cm: float, units: UnitSystem) -> str:
    """Text to prefill an input with: ``48.5`` (cm) or ``19.25`` (inches).

    Plain numbers in the input's default unit (cm for metric, in for imperial, statures
    included), so that ``parse_length`` reads back exactly ``round_for_people(cm)``.
    """
    if units == "metric":
        return _plain(_rounded_cm(cm, units))
    return _plain(Decimal(_quarter_inches(cm)) / _QUARTERS_PER_INCH)
