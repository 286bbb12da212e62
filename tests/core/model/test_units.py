"""Lengths people type, and lengths people read (deskfit.core.model.units)."""

from __future__ import annotations

import math
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskfit.core.model.units import (
    MAX_INPUT_LENGTH,
    LengthParseError,
    cm_to_in,
    format_length,
    format_length_input,
    in_to_cm,
    parse_length,
    round_for_people,
)

# Expected values worked out by hand: 1 in = 2.54 cm, 1 ft = 30.48 cm.
# 70 in = 177.8; 5'10.5" = 70.5 in = 179.07; 6 ft = 182.88; 5 ft = 152.4; 27.5 in = 69.85.
ACCEPTED = [
    ("178", 178.0),
    ("178cm", 178.0),
    ("178 cm", 178.0),
    ("178 CM", 178.0),
    ("  178 cm  ", 178.0),
    ("178 centimetres", 178.0),
    ("178 centimeters", 178.0),
    ("1.78 m", 178.0),
    ("1.78m", 178.0),
    ("1,78 m", 178.0),
    ("1.78 metres", 178.0),
    ("1780 mm", 178.0),
    ("1780mm", 178.0),
    ("48,5", 48.5),
    ("48.5 cm", 48.5),
    (".5 cm", 0.5),
    ("0", 0.0),
    ("70 in", 177.8),
    ("70in", 177.8),
    ("70 IN", 177.8),
    ('70"', 177.8),
    ("70 inches", 177.8),
    ("70 inch", 177.8),
    ("70''", 177.8),
    ("5'10\"", 177.8),
    ("5' 10\"", 177.8),
    ("5'10", 177.8),
    ("5 ' 10", 177.8),
    ("5 ft 10 in", 177.8),
    ("5ft10", 177.8),
    ("5FT10", 177.8),
    ("5ft 10in", 177.8),
    ("5 ft. 10 in.", 177.8),
    ("5 feet 10 inches", 177.8),
    ("5 foot 10", 177.8),
    ("6 ft", 182.88),
    ("6ft", 182.88),
    ("6 feet", 182.88),
    ("5'", 152.4),
    ("5'0\"", 152.4),
    ("5'10.5\"", 179.07),
    ("5'10,5", 179.07),
    ("5′10″", 177.8),  # primes U+2032 / U+2033
    ("5′10′′", 177.8),  # two primes for inches
    ("5’10”", 177.8),  # curly quotes U+2019 / U+201D
    ("5’ 10", 177.8),
    ("27 1/2 in", 69.85),
    ("27 1/2in", 69.85),
    ("27½ in", 69.85),
    ("27 ½ in", 69.85),
    ('27½"', 69.85),
    ("5' 10 1/2\"", 179.07),
    ("5'10½\"", 179.07),
    ("½ in", 1.27),
    ("1/2 in", 1.27),
    ("19¼ in", 48.895),  # 19.25 * 2.54
    ("19¾ in", 50.165),  # 19.75 * 2.54
]


@pytest.mark.parametrize(("text", "expected_cm"), ACCEPTED)
def test_accepted_spellings(text: str, expected_cm: float) -> None:
    assert parse_length(text) == pytest.approx(expected_cm, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "expected_cm"),
    [("70", 177.8), ("19.25", 48.895), ("178 cm", 178.0), ("5'10", 177.8), ("1.78 m", 178.0)],
)
def test_bare_number_uses_default_unit_inches(text: str, expected_cm: float) -> None:
    assert parse_length(text, default_unit="in") == pytest.approx(expected_cm, abs=1e-9)


def test_exact_inch_values_are_bit_exact() -> None:
    # The wizard compares what it prefilled with what comes back: no float drift allowed.
    assert parse_length("70 in") == 177.8
    assert parse_length("19.25", default_unit="in") == 48.895
    assert parse_length("1780 mm") == 178.0


REJECTED = [
    "",
    "   ",
    "-5",
    "-5 cm",
    "−5 cm",  # U+2212
    "nan",
    "NaN cm",
    "inf",
    "infinity",
    "abc",
    "cm",
    "'",
    "5'13\"",
    "5'12",
    "5 ft 12 in",
    "5 10",
    "178 180",
    "1 m 78",
    "1 m 78 cm",
    "10\" 5'",
    "5'10'",
    "5.5'3\"",
    "5'1O",
    "1e3",
    "178 yards",
    "about 178",
    "178 cm!",
    "1.2.3",
    "5'10\"3",
    "1/0 in",
    "27.5½ in",
    "+5",
    "x" * (MAX_INPUT_LENGTH + 1),
]


@pytest.mark.parametrize("text", REJECTED)
def test_rejected_inputs_raise_with_the_input_in_the_message(text: str) -> None:
    with pytest.raises(LengthParseError) as caught:
        parse_length(text)
    message = str(caught.value)
    # Long inputs are shortened in the message; everything else is echoed as typed.
    assert f'"{text.strip()[:MAX_INPUT_LENGTH]}' in message
    assert message.startswith("could not read ")
    assert "\n" not in message


def test_error_is_a_value_error_so_validators_pass_it_through() -> None:
    with pytest.raises(ValueError, match="could not read"):
        parse_length("abc")


def test_generic_message_matches_the_documented_wording() -> None:
    with pytest.raises(LengthParseError) as caught:
        parse_length("5'1O")
    assert str(caught.value) == (
        'could not read "5\'1O" as a length: try 178, 178 cm, 1.78 m, 70 in or 5\'10"'
    )
    assert caught.value.text == "5'1O"


def test_hint_follows_the_default_unit() -> None:
    with pytest.raises(LengthParseError, match=r"try 70, 70 in"):
        parse_length("abc", default_unit="in")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("5'13\"", "inches after feet must be under 12 (did you mean 6' 1\"?)"),
        ("5'12", "did you mean 6' 0\"?"),
        ("-5", "can't be negative"),
        ("−4 cm", "can't be negative"),
        ("", "nothing was typed"),
        ("5 10", "feet and inches"),
        ("178 yards", '"yards" is not a unit'),
        ("5.5'3\"", "whole feet"),
        ("1/0 in", "0 below the line"),
        ("x" * 41, "longer than 40 characters"),
    ],
)
def test_specific_reasons(text: str, fragment: str) -> None:
    with pytest.raises(LengthParseError) as caught:
        parse_length(text)
    assert fragment in str(caught.value)


def test_control_characters_do_not_break_the_one_line_message() -> None:
    with pytest.raises(LengthParseError) as caught:
        parse_length("17\n8")
    assert "\n" not in str(caught.value)


def test_long_input_is_shortened_in_the_message() -> None:
    text = "1" * 500
    with pytest.raises(LengthParseError) as caught:
        parse_length(text)
    assert len(str(caught.value)) < 200


def test_forty_characters_is_still_read() -> None:
    text = "178" + " " * (MAX_INPUT_LENGTH - 6) + " cm"
    assert len(text) == MAX_INPUT_LENGTH
    assert parse_length(text) == 178.0


def test_unknown_default_unit_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="default_unit"):
        parse_length("178", default_unit="ft")  # type: ignore[arg-type]


def test_error_survives_pickling() -> None:
    error = LengthParseError("abc", "some reason")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.text, copy.reason, str(copy)) == ("abc", "some reason", str(error))


# --- conversions -----------------------------------------------------------------


def test_conversions_use_exactly_2_54() -> None:
    assert in_to_cm(1) == 2.54
    assert in_to_cm(70) == 177.8
    assert cm_to_in(2.54) == 1.0
    assert cm_to_in(177.8) == 70.0
    assert cm_to_in(0) == 0.0


@given(st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_conversions_round_trip(cm: float) -> None:
    assert in_to_cm(cm_to_in(cm)) == pytest.approx(cm, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        cm_to_in(bad)
    with pytest.raises(ValueError):
        round_for_people(bad, "metric")
    with pytest.raises(ValueError):
        format_length(bad, "imperial")


# --- rounding --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cm", "expected"),
    [
        (48.0, 48.0),
        (48.2, 48.0),
        (48.24, 48.0),
        (48.25, 48.5),  # half away from zero
        (48.3, 48.5),
        (48.74, 48.5),
        (48.75, 49.0),
        (-48.25, -48.5),  # symmetric for deltas
        (-0.1, 0.0),
        (0.0, 0.0),
    ],
)
def test_round_metric(cm: float, expected: float) -> None:
    assert round_for_people(cm, "metric") == expected


@pytest.mark.parametrize(
    ("cm", "expected"),
    [
        (177.8, 177.8),  # 70 in
        (48.26, 48.26),  # 19 in
        (48.5775, 48.895),  # 19.125 in, exactly half a quarter: up to 19.25 in
        (48.577, 48.26),  # just under 19.125 in: down to 19 in
        (48.74, 48.895),  # 19.189 in -> 19.25 in
        (-48.5775, -48.895),  # half away from zero
        (0.3, 0.0),  # 0.118 in -> 0
        (0.3175, 0.635),  # 1/8 in -> 1/4 in
    ],
)
def test_round_imperial(cm: float, expected: float) -> None:
    assert round_for_people(cm, "imperial") == expected


def test_rounding_never_gives_negative_zero() -> None:
    assert math.copysign(1, round_for_people(-0.1, "metric")) == 1
    assert math.copysign(1, round_for_people(-0.1, "imperial")) == 1


# --- formatting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cm", "expected"),
    [
        (48.0, "48 cm"),
        (48.5, "48.5 cm"),
        (48.3, "48.5 cm"),
        (48.2, "48 cm"),
        (0.0, "0 cm"),
        (0.1, "0 cm"),
        (0.5, "0.5 cm"),
        (100.0, "100 cm"),
        (1000.0, "1000 cm"),
        (-4.0, "−4 cm"),
    ],
)
def test_format_metric(cm: float, expected: str) -> None:
    assert format_length(cm, "metric") == expected


@pytest.mark.parametrize(
    ("cm", "expected"),
    [
        (48.26, "19 in"),  # 19 in
        (48.895, "19¼ in"),  # 19.25 in
        (49.53, "19½ in"),  # 19.5 in
        (50.165, "19¾ in"),  # 19.75 in
        (50.7, "20 in"),  # 19.96 in
        (0.0, "0 in"),
        (0.635, "¼ in"),
        (1.27, "½ in"),
        (177.8, "70 in"),
    ],
)
def test_format_imperial(cm: float, expected: str) -> None:
    assert format_length(cm, "imperial") == expected


@pytest.mark.parametrize(
    ("cm", "expected"),
    [
        (177.8, "5' 10\""),
        (178.435, "5' 10¼\""),  # 70.25 in
        (179.07, "5' 10½\""),  # 70.5 in
        (182.626, "6' 0\""),  # 71.9 in carries into the next foot
        (182.88, "6' 0\""),
        (152.4, "5' 0\""),
        (30.48, "1' 0\""),
        (0.0, "0' 0\""),
    ],
)
def test_format_stature(cm: float, expected: str) -> None:
    assert format_length(cm, "imperial", stature=True) == expected


def test_stature_flag_does_not_change_metric() -> None:
    assert format_length(177.8, "metric", stature=True) == "178 cm"


@pytest.mark.parametrize(
    ("cm", "units", "expected"),
    [
        (4.0, "metric", "+4 cm"),
        (-4.0, "metric", "−4 cm"),
        (4.2, "metric", "+4 cm"),
        (0.0, "metric", "0 cm"),
        (0.2, "metric", "0 cm"),  # rounds to zero: no sign
        (-0.2, "metric", "0 cm"),
        (2.54, "imperial", "+1 in"),
        (-3.81, "imperial", "−1½ in"),
        (0.0, "imperial", "0 in"),
        (-0.1, "imperial", "0 in"),
    ],
)
def test_format_signed(cm: float, units: str, expected: str) -> None:
    assert format_length(cm, units, signed=True) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cm", "units", "expected"),
    [
        (48.5, "metric", "48.5"),
        (48.0, "metric", "48"),
        (48.3, "metric", "48.5"),
        (100.0, "metric", "100"),
        (0.0, "metric", "0"),
        (48.895, "imperial", "19.25"),
        (48.26, "imperial", "19"),
        (49.53, "imperial", "19.5"),
        (50.165, "imperial", "19.75"),
        (177.8, "imperial", "70"),
        (0.0, "imperial", "0"),
    ],
)
def test_format_length_input(cm: float, units: str, expected: str) -> None:
    assert format_length_input(cm, units) == expected  # type: ignore[arg-type]


# --- properties ------------------------------------------------------------------

lengths_cm = st.floats(min_value=0, max_value=300, allow_nan=False, allow_infinity=False)
deltas_cm = st.floats(min_value=-300, max_value=300, allow_nan=False, allow_infinity=False)
unit_systems = st.sampled_from(["metric", "imperial"])
DEFAULT_UNIT = {"metric": "cm", "imperial": "in"}


@given(lengths_cm, unit_systems)
def test_input_text_reads_back_as_the_rounded_value(cm: float, units: str) -> None:
    text = format_length_input(cm, units)  # type: ignore[arg-type]
    back = parse_length(text, default_unit=DEFAULT_UNIT[units])  # type: ignore[arg-type]
    assert back == round_for_people(cm, units)  # type: ignore[arg-type]


@given(lengths_cm)
def test_metric_display_reads_back_as_the_rounded_value(cm: float) -> None:
    assert parse_length(format_length(cm, "metric")) == round_for_people(cm, "metric")


@given(lengths_cm)
def test_imperial_display_reads_back_as_the_rounded_value(cm: float) -> None:
    back = parse_length(format_length(cm, "imperial"))
    assert back == pytest.approx(round_for_people(cm, "imperial"), abs=1e-9)


@given(lengths_cm)
def test_stature_display_reads_back_within_an_eighth_inch(cm: float) -> None:
    back = parse_length(format_length(cm, "imperial", stature=True))
    assert abs(back - cm) <= 2.54 / 8 + 1e-9


@given(deltas_cm, unit_systems)
def test_rounding_is_idempotent(cm: float, units: str) -> None:
    once = round_for_people(cm, units)  # type: ignore[arg-type]
    assert round_for_people(once, units) == once  # type: ignore[arg-type]


@given(deltas_cm)
def test_metric_rounding_stays_within_a_quarter_cm(cm: float) -> None:
    rounded = round_for_people(cm, "metric")
    assert abs(rounded - cm) <= 0.25 + 1e-9
    assert (rounded * 2).is_integer()  # on the 0.5 cm grid


@given(deltas_cm)
def test_imperial_rounding_stays_within_an_eighth_inch(cm: float) -> None:
    rounded = round_for_people(cm, "imperial")
    assert abs(rounded - cm) <= 2.54 / 8 + 1e-9
    quarters = rounded / 2.54 * 4
    assert quarters == pytest.approx(round(quarters), abs=1e-9)  # on the 1/4 in grid


@given(deltas_cm, unit_systems)
def test_rounding_is_symmetric(cm: float, units: str) -> None:
    assert round_for_people(-cm, units) == -round_for_people(cm, units)  # type: ignore[arg-type]


@given(lengths_cm, lengths_cm, unit_systems)
def test_rounding_is_monotonic(a: float, b: float, units: str) -> None:
    low, high = sorted((a, b))
    assert round_for_people(low, units) <= round_for_people(high, units)  # type: ignore[arg-type]


@given(deltas_cm, unit_systems)
def test_signed_format_sign_matches_rounded_value(cm: float, units: str) -> None:
    text = format_length(cm, units, signed=True)  # type: ignore[arg-type]
    rounded = round_for_people(cm, units)  # type: ignore[arg-type]
    assert text.startswith("+") == (rounded > 0)
    assert text.startswith("−") == (rounded < 0)


@given(st.text(max_size=60) | st.text(alphabet="0123456789 .,/'\"′″’”½¼-−ftinchesm", max_size=20))
def test_parse_never_fails_with_anything_but_length_parse_error(text: str) -> None:
    try:
        cm = parse_length(text)
    except LengthParseError as error:
        assert "\n" not in str(error)
    else:
        assert math.isfinite(cm)
        assert cm >= 0


@given(
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=0, max_value=11),
    st.sampled_from(["{f}'{i}\"", "{f}' {i}\"", "{f}'{i}", "{f} ft {i} in", "{f}ft{i}"]),
)
def test_feet_and_inches_spellings(feet: int, inches: int, template: str) -> None:
    text = template.format(f=feet, i=inches)
    assert parse_length(text) == pytest.approx((feet * 12 + inches) * 2.54, abs=1e-9)


def test_digits_of_any_script_read_as_numbers_in_every_question() -> None:
    from deskfit.core.model.units import read_number

    assert parse_length("٧٢ cm") == 72.0  # Arabic-Indic
    assert parse_length("७२") == 72.0  # Devanagari
    assert parse_length("７２ cm") == 72.0  # full-width digits
    assert read_number("٣,٥") == 3.5
    assert read_number("8") == 8.0


def test_minus_zero_is_zero() -> None:
    import math

    from deskfit.core.model.units import read_number

    assert math.copysign(1.0, read_number("-0")) == 1.0
    assert math.copysign(1.0, read_number("-0.0")) == 1.0
