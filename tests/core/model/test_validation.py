"""Every validation rule, and the words a person reads when it is broken.

Ranges are parametrized from the models' own metadata, so a field added later is covered;
the numbers in the hand-written cases are checked against ergonomics.md §1 and
profile-format.md.
"""

from __future__ import annotations

import math
import types
import typing
from typing import Any, get_args, get_origin

import pytest
from pydantic.fields import FieldInfo

from deskfit.core.model.profile import SECTION_MODELS
from deskfit.core.model.validation import (
    Problem,
    ProfileInvalid,
    check_field,
    check_section,
    field_info,
    parse_profile,
    unit_hint,
)

# -- helpers -------------------------------------------------------------------------


def _base(annotation: Any) -> Any:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _bounds(info: FieldInfo) -> tuple[float, float]:
    lo = hi = None
    for meta in info.metadata:
        if getattr(meta, "ge", None) is not None:
            lo = meta.ge
        if getattr(meta, "le", None) is not None:
            hi = meta.le
    assert lo is not None and hi is not None
    return lo, hi


NUMERIC: list[tuple[str, str, float, float, bool]] = [
    (section, name, *_bounds(info), _base(info.annotation) is int)
    for section, model in SECTION_MODELS.items()
    for name, info in model.model_fields.items()
    if _base(info.annotation) in (int, float)
]
NUMERIC_IDS = [f"{s}.{f}" for s, f, *_ in NUMERIC]


def problems_of(doc: dict[str, Any]) -> list[Problem]:
    with pytest.raises(ProfileInvalid) as caught:
        parse_profile(doc)
    assert caught.value.problems, "ProfileInvalid without problems"
    return caught.value.problems


def only_problem(doc: dict[str, Any]) -> Problem:
    problems = problems_of(doc)
    assert len(problems) == 1, problems
    return problems[0]


def with_value(doc: dict[str, Any], section: str, field: str, value: Any) -> dict[str, Any]:
    if section:
        doc[section][field] = value
    else:
        doc[field] = value
    return doc


def _g(value: float) -> str:
    return f"{value:g}"


# -- the valid document --------------------------------------------------------------


def test_the_valid_document_parses(valid_document: Any) -> None:
    parse_profile(valid_document())


def test_the_loose_document_parses(loose_document: Any) -> None:
    parse_profile(loose_document())


def test_every_problem_is_reported_not_just_the_first(valid_document: Any) -> None:
    doc = valid_document()
    doc["body"]["stature_cm"] = 1000.0
    doc["chair"]["lumbar_support"] = "lots"
    doc["desk"]["legroom_okay"] = True
    keys = {p.key for p in problems_of(doc)}
    assert keys == {"body.stature_cm", "chair.lumbar_support", "desk.legroom_okay"}


def test_profile_invalid_names_every_problem_in_its_text(valid_document: Any) -> None:
    doc = valid_document()
    doc["body"]["stature_cm"] = 1000.0
    doc["desk"]["height_cm"] = 1000.0
    with pytest.raises(ProfileInvalid) as caught:
        parse_profile(doc)
    assert "body.stature_cm" in str(caught.value)
    assert "desk.height_cm" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_problem_located() -> None:
    assert Problem("chair.x", "bad", 12).located("p.toml") == "p.toml:12: chair.x: bad"
    assert Problem("chair.x", "bad").located("p.toml") == "p.toml: chair.x: bad"
    assert Problem("", "is empty").located("p.toml") == "p.toml: is empty"
    assert Problem("chair.x", "bad").located() == "chair.x: bad"


# -- ranges, for every numeric field -------------------------------------------------


@pytest.mark.parametrize(("section", "field", "lo", "hi", "whole"), NUMERIC, ids=NUMERIC_IDS)
def test_range_edges_are_accepted(
    loose_document: Any, section: str, field: str, lo: float, hi: float, whole: bool
) -> None:
    for edge in (lo, hi):
        value = int(edge) if whole else float(edge)
        parse_profile(with_value(loose_document(), section, field, value))
        assert check_field(section, field, value) is None


@pytest.mark.parametrize(("section", "field", "lo", "hi", "whole"), NUMERIC, ids=NUMERIC_IDS)
def test_below_the_range_is_refused_with_the_range(
    loose_document: Any, section: str, field: str, lo: float, hi: float, whole: bool
) -> None:
    for value in [lo - 1] if whole else [float(lo - 1), lo - 0.01]:
        value = int(value) if whole else value
        problem = only_problem(with_value(loose_document(), section, field, value))
        assert problem.key == f"{section}.{field}"
        assert f"{_g(lo)}–{_g(hi)}" in problem.message
        assert f"you gave {_g(value)}" in problem.message


@pytest.mark.parametrize(("section", "field", "lo", "hi", "whole"), NUMERIC, ids=NUMERIC_IDS)
def test_above_the_range_is_refused_with_the_range(
    loose_document: Any, section: str, field: str, lo: float, hi: float, whole: bool
) -> None:
    for value in [hi + 1] if whole else [float(hi + 1), hi + 0.01]:
        value = int(value) if whole else value
        problem = only_problem(with_value(loose_document(), section, field, value))
        assert problem.key == f"{section}.{field}"
        assert f"{_g(lo)}–{_g(hi)}" in problem.message
        assert f"you gave {_g(value)}" in problem.message


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
@pytest.mark.parametrize(("section", "field", "lo", "hi", "whole"), NUMERIC, ids=NUMERIC_IDS)
def test_nan_and_infinities_are_refused(
    loose_document: Any,
    section: str,
    field: str,
    lo: float,
    hi: float,
    whole: bool,
    bad: float,
) -> None:
    problem = only_problem(with_value(loose_document(), section, field, bad))
    assert problem.key == f"{section}.{field}"
    assert problem.message == f"must be an ordinary number, not {bad}"
    assert check_field(section, field, bad) == problem.message


def test_stature_range_message_by_hand(loose_document: Any) -> None:
    problem = only_problem(with_value(loose_document(), "body", "stature_cm", 300.0))
    assert problem.message == "a person's height is 90–250 cm; you gave 300"


def test_hours_range_message_by_hand(loose_document: Any) -> None:
    problem = only_problem(with_value(loose_document(), "habits", "hours_per_day", 25.0))
    assert problem.message == "a day has 0–24 hours; you gave 25"


def test_recline_range_message_by_hand(loose_document: Any) -> None:
    problem = only_problem(with_value(loose_document(), "chair", "backrest_recline_deg", 59.0))
    assert problem.message == "a backrest angle is 60–150°; you gave 59"


# -- unknown keys and what was meant -------------------------------------------------


def test_misspelt_key_suggests_the_real_one(valid_document: Any) -> None:
    doc = valid_document()
    doc["chair"]["seat_hieght_cm"] = doc["chair"].pop("seat_height_cm")
    problems = {p.key: p.message for p in problems_of(doc)}
    assert "did you mean seat_height_cm?" in problems["chair.seat_hieght_cm"]
    assert "[chair]" in problems["chair.seat_hieght_cm"]
    # The real key is now missing too, and is named as such.
    assert "missing" in problems["chair.seat_height_cm"]


def test_misspelt_key_beside_the_real_one(valid_document: Any) -> None:
    doc = valid_document()
    doc["chair"]["seat_hieght_cm"] = 48.0
    problem = only_problem(doc)
    assert problem.key == "chair.seat_hieght_cm"
    assert problem.message == "unknown key in [chair]: did you mean seat_height_cm?"


def test_misspelt_section_suggests_chair(valid_document: Any) -> None:
    doc = valid_document()
    doc["chiar"] = doc.pop("chair")
    problems = {p.key: p.message for p in problems_of(doc)}
    assert "did you mean chair?" in problems["chiar"]
    assert "missing" in problems["chair"]


def test_unknown_key_with_nothing_close_lists_the_known_keys(valid_document: Any) -> None:
    doc = valid_document()
    doc["desk"]["xyzzy"] = 1
    problem = only_problem(doc)
    assert problem.key == "desk.xyzzy"
    assert "known keys:" in problem.message
    assert "height_cm" in problem.message and "keyboard_tray" in problem.message


def test_advice_table_is_not_an_unknown_key(valid_document: Any) -> None:
    doc = valid_document()
    doc["advice"] = {"anything": {"goes": [1, "x"]}, "seat_height_cm": "junk"}
    parse_profile(doc)


# -- unit hints: a number in the wrong unit ------------------------------------------


def test_seat_height_480_looks_like_millimetres(valid_document: Any) -> None:
    problem = only_problem(with_value(valid_document(), "chair", "seat_height_cm", 480))
    assert problem.key == "chair.seat_height_cm"
    assert "millimetres" in problem.message
    assert "48.0 cm" in problem.message  # 480 mm = 48.0 cm
    assert "20–100" in problem.message


def test_stature_1_78_looks_like_metres(valid_document: Any) -> None:
    problem = only_problem(with_value(valid_document(), "body", "stature_cm", 1.78))
    assert problem.key == "body.stature_cm"
    assert "metres" in problem.message and "millimetres" not in problem.message
    assert "178.0 cm" in problem.message  # 1.78 m = 178.0 cm


def test_seat_19_looks_like_inches(loose_document: Any) -> None:
    problem = only_problem(with_value(loose_document(), "chair", "seat_height_cm", 19))
    assert "inches" in problem.message
    assert "48.3 cm" in problem.message  # 19 × 2.54 = 48.26 → 48.3


def test_stature_1780_looks_like_millimetres(valid_document: Any) -> None:
    problem = only_problem(with_value(valid_document(), "body", "stature_cm", 1780))
    assert "millimetres" in problem.message and "178.0 cm" in problem.message


@pytest.mark.parametrize(
    ("section", "field", "value", "expected"),
    [
        ("chair", "seat_height_cm", 480.0, "millimetres: did you mean 48.0 cm?"),
        ("body", "stature_cm", 1.78, "metres: did you mean 178.0 cm?"),
        ("chair", "seat_height_cm", 19.0, "inches: did you mean 48.3 cm?"),
        ("desk", "height_cm", 0.74, "metres: did you mean 74.0 cm?"),
        # 29 cm is below a desk's 40; 2.9 and 2900 are no desk; 29 in = 73.66 cm is.
        ("desk", "height_cm", 29.0, "inches: did you mean 73.7 cm?"),
    ],
)
def test_unit_hint(section: str, field: str, value: float, expected: str) -> None:
    hint = unit_hint(field_info(section, field), value)
    assert hint is not None
    assert hint.endswith(expected)


def test_unit_hint_is_silent_when_nothing_fits() -> None:
    info = field_info("chair", "seat_height_cm")
    assert unit_hint(info, 5000.0) is None  # 500, 500000, 12700: no seat
    assert unit_hint(info, math.nan) is None
    assert unit_hint(info, math.inf) is None


def test_unit_hint_only_for_lengths() -> None:
    assert unit_hint(field_info("habits", "hours_per_day"), 240.0) is None
    assert unit_hint(field_info("chair", "backrest_recline_deg"), 1000.0) is None


# -- cross-field rules ---------------------------------------------------------------


def test_seat_min_above_max(valid_document: Any) -> None:
    doc = valid_document()
    doc["chair"]["seat_height_min_cm"] = 56.0  # max is 55
    problem = only_problem(doc)
    assert problem.key in {"chair.seat_height_min_cm", "chair.seat_height_max_cm"}
    assert "55 cm" in problem.message and "56 cm" in problem.message


@pytest.mark.parametrize(
    ("seat", "word", "bound"), [(41.5, "below", "42 cm"), (55.5, "above", "55 cm")]
)
def test_current_seat_outside_its_range(
    valid_document: Any, seat: float, word: str, bound: str
) -> None:
    doc = valid_document()
    doc["chair"]["seat_height_cm"] = seat
    problem = only_problem(doc)
    assert problem.key == "chair.seat_height_cm"
    assert f"{_g(seat)} cm is {word}" in problem.message
    assert bound in problem.message


@pytest.mark.parametrize("seat", [42.0, 55.0])
def test_current_seat_at_the_ends_of_its_range(valid_document: Any, seat: float) -> None:
    parse_profile(with_value(valid_document(), "chair", "seat_height_cm", seat))


def test_seat_range_ignored_when_not_adjustable(valid_document: Any) -> None:
    doc = valid_document()
    doc["chair"].update(height_adjustable=False, seat_height_cm=60.0)
    parse_profile(doc)


@pytest.mark.parametrize("missing", [["seat_height_min_cm"], ["seat_height_max_cm"], ["both"]])
def test_seat_range_needed_when_adjustable(valid_document: Any, missing: list[str]) -> None:
    keys = ["seat_height_min_cm", "seat_height_max_cm"] if missing == ["both"] else missing
    doc = valid_document()
    for key in keys:
        del doc["chair"][key]
    problems = problems_of(doc)
    assert {p.key for p in problems} == {f"chair.{k}" for k in keys}
    for p in problems:
        assert p.message == "needed because the seat height can be adjusted"


def test_desk_range_needed_when_adjustable(valid_document: Any) -> None:
    doc = valid_document()
    doc["desk"]["height_adjustable"] = True
    del doc["desk"]["height_max_cm"]
    problem = only_problem(doc)
    assert problem.key == "desk.height_max_cm"
    assert problem.message == "needed because the desk height can be adjusted"


def test_desk_outside_its_range(valid_document: Any) -> None:
    doc = valid_document()
    doc["desk"].update(height_adjustable=True, height_cm=126.0)  # range 62–125
    problem = only_problem(doc)
    assert problem.key == "desk.height_cm"
    assert problem.message == "126 cm is above the highest desk height (125 cm)"


def test_desk_min_above_max(valid_document: Any) -> None:
    doc = valid_document()
    doc["desk"].update(height_adjustable=True, height_min_cm=130.0, height_max_cm=125.0)
    problem = only_problem(doc)
    assert "125 cm" in problem.message and "130 cm" in problem.message


def test_tray_height_needed_with_a_tray(valid_document: Any) -> None:
    doc = valid_document()
    doc["desk"]["keyboard_tray"] = True
    del doc["desk"]["keyboard_tray_height_cm"]
    problem = only_problem(doc)
    assert problem.key == "desk.keyboard_tray_height_cm"
    assert problem.message == "needed because you use a keyboard tray"


@pytest.mark.parametrize("tray", [74.0, 80.0])
def test_tray_must_be_below_the_desk_top(valid_document: Any, tray: float) -> None:
    doc = valid_document()
    doc["desk"].update(keyboard_tray=True, keyboard_tray_height_cm=tray)  # desk 74
    problem = only_problem(doc)
    assert problem.key == "desk.keyboard_tray_height_cm"
    assert "below the desk top (74 cm)" in problem.message
    assert f"{_g(tray)} cm is not below it" in problem.message


def test_tray_just_below_the_desk_top_is_fine(valid_document: Any) -> None:
    doc = valid_document()
    doc["desk"].update(keyboard_tray=True, keyboard_tray_height_cm=73.5)
    parse_profile(doc)


def test_tray_height_ignored_without_a_tray(valid_document: Any) -> None:
    doc = valid_document()
    doc["desk"].update(keyboard_tray=False, keyboard_tray_height_cm=100.0)
    parse_profile(doc)


def test_footstool_height_needed_when_owned(valid_document: Any) -> None:
    doc = valid_document()
    doc["footstool"] = {"owned": True}
    problem = only_problem(doc)
    assert problem.key == "footstool.height_cm"
    assert problem.message == "needed because you have a footstool"


def test_no_footstool_needs_no_height(valid_document: Any) -> None:
    doc = valid_document()
    doc["footstool"] = {"owned": False, "adjustable": True}
    parse_profile(doc)


@pytest.mark.parametrize(
    ("height", "expected"),
    [
        (3.5, "3.5 cm is below the lowest footstool height (4 cm)"),
        (15.5, "15.5 cm is above the highest footstool height (15 cm)"),
    ],
)
def test_footstool_outside_its_range(valid_document: Any, height: float, expected: str) -> None:
    problem = only_problem(with_value(valid_document(), "footstool", "height_cm", height))
    assert problem.key == "footstool.height_cm"
    assert problem.message == expected


@pytest.mark.parametrize("height", [4.0, 15.0])
def test_footstool_at_the_ends_of_its_range(valid_document: Any, height: float) -> None:
    parse_profile(with_value(valid_document(), "footstool", "height_cm", height))


def test_footstool_min_above_max(valid_document: Any) -> None:
    doc = valid_document()
    doc["footstool"].update(height_min_cm=16.0, height_max_cm=15.0, height_cm=8.0)
    problem = only_problem(doc)
    assert problem.key in {"footstool.height_min_cm", "footstool.height_max_cm"}
    assert "15 cm" in problem.message and "16 cm" in problem.message


def test_footstool_range_needed_when_adjustable(valid_document: Any) -> None:
    doc = valid_document()
    del doc["footstool"]["height_min_cm"]
    del doc["footstool"]["height_max_cm"]
    problems = problems_of(doc)
    assert {p.key for p in problems} == {"footstool.height_min_cm", "footstool.height_max_cm"}
    assert all(p.message == "needed because the footstool height can be adjusted" for p in problems)


# -- wrong types ---------------------------------------------------------------------

WRONG_TYPES: list[tuple[str, str, Any, str]] = [
    # (section, field, value, the words expected in the message)
    ("body", "stature_cm", "tall", 'must be a number of cm; you gave "tall"'),
    ("body", "stature_cm", "170", 'must be a number of cm; you gave "170"'),
    ("body", "stature_cm", True, "must be a number of cm; you gave true"),
    ("chair", "seat_height_cm", [48.0], "must be a number of cm"),
    ("habits", "hours_per_day", "eight", 'must be a number of hours; you gave "eight"'),
    ("habits", "longest_stretch_min", 90.5, "must be a whole number of minutes; you gave 90.5"),
    ("habits", "longest_stretch_min", "90", 'must be a whole number of minutes; you gave "90"'),
    ("chair", "backrest_recline_deg", "upright", 'must be a number; you gave "upright"'),
    ("chair", "height_adjustable", "yes", 'must be true or false; you gave "yes"'),
    ("chair", "height_adjustable", "true", 'must be true or false; you gave "true"'),
    ("chair", "height_adjustable", 1, "must be true or false; you gave 1"),
    ("chair", "height_adjustable", "maybe", 'must be true or false; you gave "maybe"'),
    (
        "chair",
        "lumbar_support",
        "some",
        "must be one of 'adjustable', 'fixed' or 'none'; you gave \"some\"",
    ),
    ("body", "sex", "F", "must be one of 'female', 'male' or 'unspecified'; you gave \"F\""),
    ("body", "lenses", "bifocal", "'none', 'single_vision' or 'progressive'"),
    ("phone", "use", 2, "'none', 'handset', 'headset' or 'speaker'"),
    ("", "units", "cm", "must be one of 'metric' or 'imperial'; you gave \"cm\""),
    ("", "name", 5, "you gave 5"),
    ("", "name", "", "at least 1 character"),
    ("", "created", "yesterday", "must be a date and time like 2026-11-23T19:00:00Z"),
    ("", "body", 5, "must be a table ([body]); you gave 5"),
]


@pytest.mark.parametrize(
    ("section", "field", "value", "words"),
    WRONG_TYPES,
    ids=[f"{s + '.' if s else ''}{f}={v!r}" for s, f, v, _ in WRONG_TYPES],
)
def test_wrong_types_give_the_right_words(
    loose_document: Any, section: str, field: str, value: Any, words: str
) -> None:
    doc = with_value(loose_document(), section, field, value)
    problem = only_problem(doc)
    assert problem.key == (f"{section}.{field}" if section else field)
    assert words in problem.message


def test_a_wrong_type_never_gets_a_unit_hint(loose_document: Any) -> None:
    # true is not "1 metre": a bool in a length is a type error, not a unit slip.
    problem = only_problem(with_value(loose_document(), "body", "stature_cm", True))
    assert "looks like" not in problem.message


# -- check_field / check_section say what parse_profile says -------------------------

FIELD_CASES: list[tuple[str, str, Any]] = [
    ("chair", "seat_height_cm", 480),
    ("body", "stature_cm", 1.78),
    ("chair", "seat_height_cm", 19),
    ("chair", "seat_height_cm", 101.0),
    ("habits", "hours_per_day", -1.0),
    ("habits", "longest_stretch_min", 90.5),
    ("habits", "longest_stretch_min", 2000),
    ("chair", "backrest_recline_deg", 200.0),
    ("chair", "seat_height_cm", math.nan),
    ("desk", "height_cm", -math.inf),
    ("body", "stature_cm", "tall"),
    ("chair", "height_adjustable", "maybe"),
    ("chair", "lumbar_support", "some"),
    ("phone", "use", "carrier pigeon"),
]


@pytest.mark.parametrize(
    ("section", "field", "value"),
    FIELD_CASES,
    ids=[f"{s}.{f}={v!r}" for s, f, v in FIELD_CASES],
)
def test_check_field_matches_parse_profile(
    loose_document: Any, section: str, field: str, value: Any
) -> None:
    problem = only_problem(with_value(loose_document(), section, field, value))
    message = check_field(section, field, value)
    assert message is not None
    assert message == problem.message


def _valid_section(valid_document: Any, section: str) -> dict[str, Any]:
    """The example's section; for symptoms (not in the contract's example), every trouble."""
    if section == "symptoms":
        return dict.fromkeys(SECTION_MODELS[section].model_fields, True)
    return dict(valid_document()[section])


@pytest.mark.parametrize("section", list(SECTION_MODELS))
def test_check_field_accepts_every_valid_answer(valid_document: Any, section: str) -> None:
    for field, value in _valid_section(valid_document, section).items():
        assert check_field(section, field, value) is None, f"{section}.{field}"


@pytest.mark.parametrize("section", list(SECTION_MODELS))
def test_check_section_accepts_every_valid_section(valid_document: Any, section: str) -> None:
    assert check_section(section, _valid_section(valid_document, section)) == []


SECTION_CASES: list[tuple[str, dict[str, Any]]] = [
    ("chair", {"seat_hieght_cm": 48.0}),
    ("chair", {"seat_height_cm": 480}),
    ("chair", {"seat_height_cm": 40.0}),
    ("chair", {"seat_height_min_cm": 56.0}),
    ("chair", {"seat_height_min_cm": None}),
    ("desk", {"keyboard_tray": True, "keyboard_tray_height_cm": 80.0}),
    ("desk", {"keyboard_tray": True, "keyboard_tray_height_cm": None}),
    ("footstool", {"height_cm": None}),
    ("footstool", {"height_cm": 16.0}),
    ("body", {"stature_cm": 1.78, "lenses": "bifocal"}),
    ("habits", {"longest_stretch_min": math.nan}),
]


@pytest.mark.parametrize(
    ("section", "changes"), SECTION_CASES, ids=[f"{s}-{c}" for s, c in SECTION_CASES]
)
def test_check_section_matches_parse_profile(
    valid_document: Any, section: str, changes: dict[str, Any]
) -> None:
    doc = valid_document()
    for key, value in changes.items():
        if value is None:
            del doc[section][key]
        else:
            doc[section][key] = value
    from_parse = [(p.key, p.message) for p in problems_of(doc)]
    from_section = [(p.key, p.message) for p in check_section(section, doc[section])]
    assert from_section == from_parse
    assert all(key.startswith(f"{section}.") for key, _ in from_section)


@pytest.mark.parametrize(
    "hidden",
    ["\u202e", "\u2066", "\u200b", "\u200d", "\u2028", "\x85", "\x9b", "\ufeff", "\x1b"],
)
def test_a_name_refuses_characters_that_change_how_it_shows(hidden: str) -> None:
    from deskfit.core.model.validation import check_field

    problem = check_field("profile", "name", f"Sam{hidden}evil")
    assert problem is not None
    assert "direction overrides or zero-width characters" in problem
    assert f"U+{ord(hidden):04X}" in problem
    assert check_field("profile", "name", "Zoë, Дмитрий 😀") is None


# -- a typed length out of range, in the person's own units -------------------------------


@pytest.mark.parametrize(
    ("typed", "units", "expected"),
    [
        # by hand: 40 cm = 15.75 in → 15¾; 150 cm = 59.06 in → 59 (to the quarter inch)
        ("10", "imperial", "a desk is 15¾–59 in high; you gave 10 in"),
        # 74 in is out of range, 74 cm (29.13 in → 29¼) is a desk: said in inches
        (
            "74",
            "imperial",
            "a desk is 15¾–59 in high; you gave 74 in — 74 looks like centimetres: "
            "did you mean 29¼ in?",
        ),
        ("2000 mm", "imperial", "a desk is 15¾–59 in high; you gave 2000 mm"),
        # a unit typed in metric: quoted as typed, never "25.4 looks like inches"
        ("10 in", "metric", "a desk is 40–150 cm high; you gave 10 in"),
    ],
)
def test_a_typed_length_out_of_range_is_said_in_the_units_typed(
    typed: str, units: str, expected: str
) -> None:
    from deskfit.core.model.questions import question
    from deskfit.core.model.reading import check_answer, read_answer

    q = question("desk", "height_cm")
    value, unreadable = read_answer(q, typed, units)  # type: ignore[arg-type]
    assert unreadable is None
    assert check_answer(q, value, typed, units) == expected  # type: ignore[arg-type]


def test_a_bare_number_of_centimetres_gets_the_loaders_words() -> None:
    from deskfit.core.model.questions import question
    from deskfit.core.model.reading import check_answer

    q = question("chair", "seat_height_cm")
    assert check_answer(q, 480.0, "480", "metric") == check_field("chair", "seat_height_cm", 480.0)
