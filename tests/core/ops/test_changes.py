"""core/ops/changes.py: ``KEY=VALUE`` answers read by each field's kind, checked like the wizard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from deskfit.core.model.profile import SECTION_MODELS, Profile
from deskfit.core.model.questions import not_applying
from deskfit.core.model.units import LengthParseError, parse_length
from deskfit.core.model.validation import TOP, Problem, ProfileInvalid, check_field, parse_profile
from deskfit.core.ops.changes import (
    CLEAR,
    field_kind,
    locate,
    parse_changes,
    read_value,
    set_answers,
    split_assignment,
)
from deskfit.core.session.state import WizardState

Doc = Callable[[], dict[str, Any]]


@pytest.fixture
def office(valid_document: Doc) -> Profile:
    """The spec's example profile, with notes in [extra] (metric)."""
    doc = valid_document()
    doc["extra"] = {"note": "the blue chair", "tags": ["office", "2026"]}
    return parse_profile(doc)


@pytest.fixture
def imperial(valid_document: Doc) -> Profile:
    doc = valid_document()
    doc["units"] = "imperial"
    return parse_profile(doc)


def problems(profile: Profile, *args: str) -> list[Problem]:
    with pytest.raises(ProfileInvalid) as caught:
        set_answers(profile, args)
    return caught.value.problems


def one_problem(profile: Profile, *args: str) -> Problem:
    found = problems(profile, *args)
    assert len(found) == 1, found
    return found[0]


# -- kinds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "field", "kind"),
    [
        ("chair", "seat_height_cm", "length"),
        ("body", "stature_cm", "length"),
        ("footstool", "height_cm", "length"),
        ("chair", "backrest_recline_deg", "number"),
        ("habits", "hours_per_day", "number"),
        ("habits", "longest_stretch_min", "integer"),
        ("chair", "height_adjustable", "yesno"),
        ("footstool", "in_use", "yesno"),
        ("chair", "lumbar_support", "choice"),
        ("body", "lenses", "choice"),
        (TOP, "units", "choice"),
        (TOP, "name", "text"),
    ],
)
def test_field_kind(section: str, field: str, kind: str) -> None:
    assert field_kind(section, field) == kind


# -- lengths ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cm"),
    [
        ("52", 52.0),
        ("48.5cm", 48.5),
        ("48,5", 48.5),
        ("19in", 19 * 2.54),
        ('19"', 19 * 2.54),
        ("0.52 m", 52.0),
        ("520 mm", 52.0),
        ("19 1/4 in", parse_length("19.25in")),
    ],
)
def test_a_length_in_a_metric_profile(office: Profile, text: str, cm: float) -> None:
    new, changes = set_answers(office, [f"chair.seat_height_cm={text}"])
    assert new.chair.seat_height_cm == pytest.approx(cm)
    assert changes[0].key == "chair.seat_height_cm" and changes[0].text == text


def test_a_bare_length_in_an_imperial_profile_is_inches(imperial: Profile) -> None:
    new, _ = set_answers(imperial, ["chair.seat_height_cm=19"])
    assert new.chair.seat_height_cm == parse_length("19", default_unit="in")
    new, _ = set_answers(imperial, ["chair.seat_height_cm=48.5cm"])
    assert new.chair.seat_height_cm == 48.5


def test_a_stature_in_feet_and_inches(office: Profile) -> None:
    new, _ = set_answers(office, ["body.stature_cm=5'10\""])
    assert new.body.stature_cm == pytest.approx(70 * 2.54)


def test_units_set_in_the_same_command_apply_to_bare_lengths(office: Profile) -> None:
    new, _ = set_answers(office, ["chair.seat_height_cm=19", "units=imperial"])
    assert new.units == "imperial"
    assert new.chair.seat_height_cm == pytest.approx(19 * 2.54)


def test_an_unreadable_length_says_so_as_the_wizard_does(office: Profile) -> None:
    problem = one_problem(office, "chair.seat_height_cm=abc")
    with pytest.raises(LengthParseError) as caught:
        parse_length("abc")
    assert problem == Problem("chair.seat_height_cm", str(caught.value))


def test_a_length_out_of_range_has_the_loaders_message(office: Profile) -> None:
    problem = one_problem(office, "chair.seat_height_cm=480")
    assert problem.key == "chair.seat_height_cm"
    assert problem.message == check_field("chair", "seat_height_cm", 480.0)
    assert "did you mean 48.0 cm?" in problem.message


def test_a_negative_length_is_refused(office: Profile) -> None:
    assert "can't be negative" in one_problem(office, "chair.seat_height_cm=-5").message


# -- numbers and whole numbers ---------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [("7.5", 7.5), ("7,5", 7.5), ("6", 6.0), (" 9 ", 9.0)])
def test_a_number(office: Profile, text: str, value: float) -> None:
    new, _ = set_answers(office, [f"habits.hours_per_day={text}"])
    assert new.habits.hours_per_day == value


@pytest.mark.parametrize("text", ["nan", "inf", "25", "-1"])
def test_a_number_out_of_range_has_the_loaders_message(office: Profile, text: str) -> None:
    problem = one_problem(office, f"habits.hours_per_day={text}")
    assert problem.message == check_field("habits", "hours_per_day", float(text))


@pytest.mark.parametrize("text", ["x", "8 o'clock"])
def test_text_that_is_no_number_has_the_wizards_message(office: Profile, text: str) -> None:
    problem = one_problem(office, f"habits.hours_per_day={text}")
    assert problem.message == f"type a number of hours, like 8; you gave {text!r}"
    state = WizardState.new()  # the wizard says the very same
    state.set_text("habits", "hours_per_day", text)
    assert state.problems(("habits",))["habits.hours_per_day"] == problem.message


@pytest.mark.parametrize(("text", "value"), [("8h", 8.0), ("7.5 hours", 7.5), ("6 h", 6.0)])
def test_hours_may_carry_their_unit(office: Profile, text: str, value: float) -> None:
    new, _ = set_answers(office, [f"habits.hours_per_day={text}"])
    assert new.habits.hours_per_day == value


@pytest.mark.parametrize(("text", "value"), [("45", 45), ("45.0", 45), ("0", 0)])
def test_a_whole_number(office: Profile, text: str, value: int) -> None:
    new, _ = set_answers(office, [f"habits.longest_stretch_min={text}"])
    assert new.habits.longest_stretch_min == value
    assert type(new.habits.longest_stretch_min) is int


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("45.5", "type a whole number of minutes, like 45; you gave '45.5'"),
        ("soon", "whole number"),
    ],
)
def test_a_bad_whole_number(office: Profile, text: str, words: str) -> None:
    assert words in one_problem(office, f"habits.longest_stretch_min={text}").message


# -- yes / no ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("True", True),
        ("YES", True),
        ("yes", True),
        ("1", True),
        ("false", False),
        ("FALSE", False),
        ("No", False),
        ("no", False),
        ("0", False),
    ],
)
def test_yes_and_no(office: Profile, text: str, value: bool) -> None:
    new, _ = set_answers(office, [f"monitor.glare={text}"])
    assert new.monitor.glare is value


def test_a_bad_yes_no_has_the_loaders_message(office: Profile) -> None:
    problem = one_problem(office, "monitor.glare=maybe")
    assert problem.message == check_field("monitor", "glare", "maybe")
    assert problem.message == 'must be true or false; you gave "maybe"'


# -- choices and the top-level questions -------------------------------------------------


@pytest.mark.parametrize(
    ("arg", "section", "field", "value"),
    [
        ("chair.lumbar_support=fixed", "chair", "lumbar_support", "fixed"),
        ("chair.lumbar_support=NONE", "chair", "lumbar_support", "none"),
        ("body.lenses=progressive", "body", "lenses", "progressive"),
        ("body.lenses=single-vision", "body", "lenses", "single_vision"),
        ("phone.use=headset", "phone", "use", "headset"),
        ("habits.crosses_legs=never", "habits", "crosses_legs", "never"),
    ],
)
def test_a_choice(office: Profile, arg: str, section: str, field: str, value: str) -> None:
    new, _ = set_answers(office, [arg])
    assert getattr(getattr(new, section), field) == value


def test_a_bad_choice_lists_the_choices(office: Profile) -> None:
    problem = one_problem(office, "chair.lumbar_support=soft")
    assert problem.message == check_field("chair", "lumbar_support", "soft")
    assert "'adjustable', 'fixed' or 'none'" in problem.message


def test_name_and_units(office: Profile) -> None:
    new, changes = set_answers(office, ["name=  Sam at home ", "units=Imperial"])
    assert (new.name, new.units) == ("Sam at home", "imperial")
    assert [c.key for c in changes] == ["name", "units"]


def test_a_bad_name_and_bad_units(office: Profile) -> None:
    found = problems(office, "name=a\x1bb", "units=furlongs")
    assert [p.key for p in found] == ["name", "units"]
    assert found[0].message == check_field(TOP, "name", "a\x1bb")
    assert found[1].message == check_field(TOP, "units", "furlongs")


def test_a_value_may_hold_an_equals_sign(office: Profile) -> None:
    new, _ = set_answers(office, ["name=a=b"])
    assert new.name == "a=b"


# -- clearing ------------------------------------------------------------------------------


def test_clearing_an_optional_measurement_makes_it_unknown(office: Profile) -> None:
    assert office.body.popliteal_height_cm == 41.0
    new, changes = set_answers(office, ["body.popliteal_height_cm="])
    assert new.body.popliteal_height_cm is None
    assert changes[0].value is CLEAR


def test_clearing_an_answer_with_a_default_restores_the_default(office: Profile) -> None:
    new, _ = set_answers(office, ["body.shoe_allowance_cm=5"])
    assert new.body.shoe_allowance_cm == 5.0
    new, _ = set_answers(new, ["body.shoe_allowance_cm=", "body.lenses=  "])
    assert new.body.shoe_allowance_cm == 2.5
    assert new.body.lenses == "none"


def test_clearing_in_use_makes_it_follow_owned(office: Profile) -> None:
    changed, _ = set_answers(office, ["footstool.in_use=no"])
    assert changed.footstool.in_use is False
    new, _ = set_answers(changed, ["footstool.in_use="])
    assert new.footstool.in_use is True  # owned


@pytest.mark.parametrize(
    ("arg", "title"),
    [("chair.seat_height_cm=", "seat height now"), ("name=", "profile name")],
)
def test_a_required_answer_cannot_be_cleared(office: Profile, arg: str, title: str) -> None:
    problem = one_problem(office, arg)
    assert problem.message == f"cannot be cleared: {title} is required"


# -- keys ----------------------------------------------------------------------------------


def test_a_misspelt_key_gets_the_loaders_suggestion(office: Profile, valid_document: Doc) -> None:
    problem = one_problem(office, "chair.seat_hieght_cm=52")
    doc = valid_document()
    doc["chair"]["seat_hieght_cm"] = 52.0
    with pytest.raises(ProfileInvalid) as caught:
        parse_profile(doc)
    loader = next(p for p in caught.value.problems if p.key == "chair.seat_hieght_cm")
    assert problem == loader
    assert problem.message == "unknown key in [chair]: did you mean seat_height_cm?"


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("chiar.seat_height_cm", "unknown key at the top: did you mean chair?"),
        ("seat_height_cm", "unknown key at the top: did you mean chair.seat_height_cm?"),
        ("height_cm", "did you mean desk.height_cm or footstool.height_cm?"),
        ("chair.seat.height", "unknown key in [chair]"),
        ("colour", "unknown key at the top; known keys: schema_version, name, units"),
        ("chair", "is a table; set one of its keys, like chair.seat_height_cm"),
        ("created", "it cannot be set"),
        ("updated", "it cannot be set"),
        ("schema_version", "it cannot be set"),
        ("advice", "it cannot be set"),
        ("advice.rosa", "it cannot be set"),
        ("extra", "edit the file"),
        ("extra.note", "edit the file"),
    ],
)
def test_keys_that_cannot_be_set(office: Profile, key: str, words: str) -> None:
    problem = one_problem(office, f"{key}=1")
    assert problem.key == key
    assert words in problem.message


def test_locate() -> None:
    assert locate("chair.seat_height_cm") == ("chair", "seat_height_cm")
    assert locate("units") == (TOP, "units")
    assert isinstance(locate("nope"), Problem)


@pytest.mark.parametrize("arg", ["chair.seat_height_cm", "=52", " =52", ""])
def test_not_an_assignment(office: Profile, arg: str) -> None:
    problem = one_problem(office, arg)
    assert "expected KEY=VALUE, like chair.seat_height_cm=52" in problem.message
    assert split_assignment(arg) is None


def test_spaces_around_the_key_are_dropped() -> None:
    assert split_assignment(" chair.seat_height_cm =52") == ("chair.seat_height_cm", "52")


def test_a_key_given_twice_is_one_problem(office: Profile) -> None:
    found = problems(
        office, "chair.seat_height_cm=50", "monitor.glare=yes", "chair.seat_height_cm=51"
    )
    assert found == [Problem("chair.seat_height_cm", "given 2 times; give it once")]


def test_every_problem_at_once_in_the_order_given(office: Profile) -> None:
    found = problems(
        office,
        "chair.seat_height_cm=480",
        "bogus",
        "monitor.glare=maybe",
        "chair.seat_hieght_cm=1",
        "habits.hours_per_day=25",
    )
    assert [p.key for p in found] == [
        "chair.seat_height_cm",
        "bogus",
        "monitor.glare",
        "chair.seat_hieght_cm",
        "habits.hours_per_day",
    ]
    assert all(p.line is None for p in found)


# -- the whole profile -----------------------------------------------------------------------


def test_cross_field_rules_apply_with_the_loaders_message(office: Profile) -> None:
    problem = one_problem(office, "chair.seat_height_cm=60")
    assert problem == Problem(
        "chair.seat_height_cm", "60 cm is above the highest seat height (55 cm)"
    )


def test_a_footstool_needs_a_height(loose_document: Doc) -> None:
    profile = parse_profile(loose_document() | {"footstool": {"owned": False}})
    problem = one_problem(profile, "footstool.owned=true")
    assert problem == Problem("footstool.height_cm", "needed because you have a footstool")
    new, _ = set_answers(profile, ["footstool.owned=true", "footstool.height_cm=8"])
    assert new.footstool.owned and new.footstool.height_cm == 8.0


def test_a_new_footstool_is_in_use_unless_said_otherwise(loose_document: Doc) -> None:
    profile = parse_profile(loose_document() | {"footstool": {"owned": False}})
    assert profile.footstool.in_use is False  # followed owned
    new, _ = set_answers(profile, ["footstool.owned=yes", "footstool.height_cm=8"])
    assert new.footstool.in_use is True
    new, _ = set_answers(
        profile, ["footstool.owned=1", "footstool.height_cm=8", "footstool.in_use=0"]
    )
    assert new.footstool.in_use is False
    gone, _ = set_answers(new, ["footstool.owned=no"])
    assert gone.footstool.in_use is False


def test_everything_else_is_kept(office: Profile) -> None:
    new, _ = set_answers(office, ["chair.seat_height_cm=50"])
    before = office.model_dump()
    after = new.model_dump()
    assert after["chair"].pop("seat_height_cm") == 50.0
    before["chair"].pop("seat_height_cm")
    # every other answer that applies (what does not apply is dropped, as in the wizard)
    for section, fields in before.items():
        if section in SECTION_MODELS:
            for name in not_applying(section, fields):
                fields[name] = after[section][name]
    assert after == before  # created, updated, extra and every other answer
    assert new.created == office.created
    assert new.extra == {"note": "the blue chair", "tags": ["office", "2026"]}


def test_the_profile_given_is_not_modified(office: Profile) -> None:
    before = office.model_dump()
    set_answers(office, ["chair.seat_height_cm=50", "body.popliteal_height_cm="])
    with pytest.raises(ProfileInvalid):
        set_answers(office, ["chair.seat_height_cm=60"])
    assert office.model_dump() == before


def test_read_value_directly() -> None:
    assert read_value("chair", "seat_height_cm", "20", "imperial") == (50.8, None)
    assert read_value("chair", "seat_height_cm", "", "metric") == (CLEAR, None)
    value, message = read_value("chair", "seat_height_cm", "tall", "metric")
    assert value == "tall" and message is not None
    assert read_value("monitor", "glare", "perhaps", "metric") == ("perhaps", None)


def test_parse_changes_checks_each_value_on_its_own() -> None:
    changes = parse_changes(["chair.seat_height_cm=60", "monitor.glare=yes"], "metric")
    assert [(c.key, c.value) for c in changes] == [
        ("chair.seat_height_cm", 60.0),
        ("monitor.glare", True),
    ]


def test_hours_and_lengths_take_the_same_digits_and_minus_zero_is_zero(
    valid_document: Any,
) -> None:
    from deskfit.core.model.validation import parse_profile
    from deskfit.core.ops.changes import set_answers

    profile = parse_profile(valid_document())
    changed, _ = set_answers(
        profile, ["habits.hours_per_day=٦", "chair.seat_height_cm=٤٨", "phone.hours_per_day=-0"]
    )
    assert changed.habits.hours_per_day == 6.0
    assert changed.chair.seat_height_cm == 48.0
    assert str(changed.phone.hours_per_day) == "0.0"  # not -0.0, shown "-0 h"


def test_an_answer_that_stops_applying_is_dropped_as_the_wizard_drops_it(office: Profile) -> None:
    fixed, _ = set_answers(office, ["chair.height_adjustable=no"])
    assert fixed.chair.seat_height_min_cm is None and fixed.chair.seat_height_max_cm is None
    back, _ = set_answers(
        fixed,
        [
            "chair.height_adjustable=yes",
            "chair.seat_height_min_cm=40",
            "chair.seat_height_max_cm=52",
        ],
    )
    assert (back.chair.seat_height_min_cm, back.chair.seat_height_max_cm) == (40.0, 52.0)
    with pytest.raises(ProfileInvalid) as caught:  # the old range is gone: it is asked again
        set_answers(fixed, ["chair.height_adjustable=yes"])
    assert [p.message for p in caught.value.problems] == [
        "needed because the seat height can be adjusted"
    ] * 2
