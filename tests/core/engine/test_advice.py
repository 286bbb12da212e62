"""advise(profile): ROSA now and after, the shape and order of advice, and the seed advice.

Properties run over the whole valid input space (conftest.py ``profile_docs``); the seed
advice (ergonomics.md §6) and one ROSA-after case are worked by hand on the measured base
body of conftest.py (PH 40 + S 2.5 = 42.5, ERH 24, ESH 75, BPL 48, K 3).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.model.profile import Profile
from deskfit.core.model.validation import parse_profile

MakeProfile = Callable[..., Profile]

# The orders the brief and profile-format.md give (not imported from the code under test).
SEVERITY_ORDER = ("high", "medium", "low", "info")
AREA_ORDER = ("chair", "desk", "footstool", "monitor", "keyboard", "mouse", "phone", "habits")
PARTS = ("chair", "monitor_phone", "mouse_keyboard", "peripherals", "final")


def ids(advice: Advice) -> list[str]:
    return [line.id for line in advice.lines]


def line(advice: Advice, id_: str) -> Any:
    found = [x for x in advice.lines if x.id == id_]
    assert found, f"no {id_!r} line in {ids(advice)}"
    return found[0]


# -- properties ------------------------------------------------------------------------------


@settings(max_examples=120, deadline=None, derandomize=True)
@given(data=st.data())
def test_rosa_scores_in_range_and_after_never_worse(profile_docs: Any, data: st.DataObject) -> None:
    a = advise(parse_profile(data.draw(profile_docs)))
    for score in (a.rosa, a.rosa_after):
        for part in PARTS:
            assert 1 <= getattr(score, part) <= 10, part
    for part in PARTS:
        assert getattr(a.rosa_after, part) <= getattr(a.rosa, part), (
            part,
            a.rosa.totals,
            a.rosa_after.totals,
        )


# (section, key, worse value or a callable from the old value to a worse one)
WORSE: list[tuple[str, str, Any]] = [
    ("monitor", "glare", True),
    ("monitor", "directly_in_front", False),
    ("monitor", "reads_documents", True),
    ("monitor", "document_holder", False),
    ("desk", "legroom_ok", False),
    ("keyboard", "wrists_straight", False),
    ("keyboard", "wrists_deviate", True),
    ("keyboard", "reaches_overhead", True),
    ("mouse", "pinch_grip", True),
    ("mouse", "hard_palm_rest", True),
    ("mouse", "in_line_with_shoulder", False),
    ("mouse", "same_surface_as_keyboard", False),
    ("phone", "within_reach", False),
    ("phone", "neck_shoulder_hold", True),
    ("chair", "armrests_hard", True),
    ("chair", "armrests_too_wide", True),
    ("chair", "armrest_fit", "too_high"),
    ("chair", "lumbar_in_small_of_back", False),
    ("chair", "lumbar_support", "none"),
    ("chair", "backrest", False),
    ("chair", "backrest_adjustable", False),
    ("chair", "depth_adjustable", False),
    ("chair", "height_adjustable", False),
    ("habits", "crosses_legs", "often"),
    ("habits", "hours_per_day", lambda h: min(24.0, h + 3.0)),
    ("habits", "longest_stretch_min", lambda m: min(1440, m + 45)),
    ("phone", "hours_per_day", lambda h: min(24.0, h + 3.0)),
]


@settings(max_examples=120, deadline=None, derandomize=True)
@given(data=st.data(), change=st.sampled_from(WORSE))
def test_a_worse_answer_never_lowers_rosa(
    profile_docs: Any, data: st.DataObject, change: tuple[str, str, Any]
) -> None:
    doc = data.draw(profile_docs)
    section, key, worse = change
    bad = copy.deepcopy(doc)
    old = bad[section].get(key)
    if callable(worse):
        if old is None:
            return
        worse = worse(old)
    bad[section][key] = worse
    before, after = advise(parse_profile(doc)), advise(parse_profile(bad))
    assert after.rosa.final >= before.rosa.final, (section, key, worse)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(data=st.data())
def test_advice_lines_sorted_complete_and_unique(profile_docs: Any, data: st.DataObject) -> None:
    a = advise(parse_profile(data.draw(profile_docs)))
    lines = list(a.lines)
    # measuring the elbow comes first when a purchase rests on it (§3.3), then severity
    # (§3.4), then the plan's order: its areas, and within one the step numbers
    if lines and lines[0].id == "measure-elbow" and lines[0].severity == "high":
        lines = lines[1:]
    assert all(x.id != "measure-elbow" or x.severity == "info" for x in lines)
    step_of = {}
    for s in a.plan.steps:
        step_of.setdefault(s.advice_id, s.number)
    keys = [
        (SEVERITY_ORDER.index(x.severity), AREA_ORDER.index(x.area), step_of.get(x.id, 99))
        for x in lines
    ]
    assert keys == sorted(keys)
    for x in a.lines:
        assert x.id and x.id.strip()
        assert x.title and x.title.strip()
        assert x.text and x.text.strip()
        assert len(x.sources) >= 1 and all(s.strip() for s in x.sources)
    assert len(ids(a)) == len(set(ids(a))), ids(a)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.data())
def test_advise_is_deterministic(profile_docs: Any, data: st.DataObject) -> None:
    p = parse_profile(data.draw(profile_docs))
    first, second = advise(p), advise(p)
    assert first.lines == second.lines
    assert first.rosa.as_dict() == second.rosa.as_dict()
    assert first.rosa_after.as_dict() == second.rosa_after.as_dict()
    assert first.plan == second.plan
    assert first.assumptions == second.assumptions
    # and from a fresh parse of the same answers
    again = advise(parse_profile(p.model_dump()))
    assert again.lines == first.lines


# -- ROSA after, by hand -------------------------------------------------------------------


def test_rosa_after_not_worse_when_seat_rounds_past_the_band(profile: MakeProfile) -> None:
    """PH 40.3 → PH + S = 42.8; ERH 31.72; fixed 74 desk; chair 40–56 now at 43; adjustable
    armrests (supported), adjustable lumbar in place, adjustable backrest; 8 h a day.

    Now: seat gap 43 − 42.8 = 0.2 → seat item 1; depth 1 + not adjustable 1 = 2 → row 3.
    Home row 77, elbow 43 + 31.72 = 74.72: 2.28 > 1.5 → work surface too high, back 1 + 1 = 2;
    armrests 1 → column 3. Chart A[3][3] = 2, + duration 1 → chair 3.
    Recommended: seat_needed = 77 − 31.72 = 45.28 (2.48 above PH + S: no footstool), shown
    rounded as 45.5 → gap 2.7 > 2.5 → seat item 2 → row 4; column 2 → A[4][2] = 3 → chair 4.
    Following the advice must not make the chair score worse (4 > 3).
    """
    a = advise(
        profile(
            body={"popliteal_height_cm": 40.3, "elbow_rest_height_cm": 31.72},
            chair={"seat_height_cm": 43.0},
        )
    )
    assert a.rosa.chair == 3
    assert a.rosa_after.chair <= a.rosa.chair, a.rosa_after.totals


def test_rosa_after_improves_the_sam_case(profile: MakeProfile) -> None:
    """Case (a) of test_fit with the chair too low now (45): home row 77 vs elbow 69 → too
    high now; after: seat 53 + footstool 10.5 → neutral seat, home row at the elbow."""
    a = advise(profile())
    assert a.rosa_items.work_surface_too_high
    assert not a.rosa_after_items.work_surface_too_high
    assert a.rosa_after_items.seat_height == 1
    assert a.rosa_after.final <= a.rosa.final


# -- the seed advice (§6) and the measurement note ------------------------------------------


def test_crossing_legs_often(profile: MakeProfile) -> None:
    a = advise(profile(habits={"crosses_legs": "often"}))
    x = line(a, "crossing-legs")
    assert "crossing" in (x.title + " " + x.text).lower()


def test_crossing_legs_never_has_no_line(profile: MakeProfile) -> None:
    assert "crossing-legs" not in ids(advise(profile(habits={"crosses_legs": "never"})))


_FEET_REACH = {
    "desk": {"height_adjustable": True, "height_min_cm": 60.0, "height_max_cm": 125.0},
}


def test_feet_reach_floor_and_crosses_legs_gets_second_position(profile: MakeProfile) -> None:
    """Adjustable desk (test_fit case c): seat 42.5, F = 0 → feet on the floor. Crossing the
    legs sometimes, 2 h a day → an optional low tilting footstool as a second position."""
    a = advise(
        profile(
            **_FEET_REACH,
            habits={"crosses_legs": "sometimes", "hours_per_day": 2.0, "longest_stretch_min": 20},
        )
    )
    assert a.settings.footstool_height_cm == 0
    assert "footstool-second-position" in ids(a)
    assert "crossing-legs" in ids(a)
    assert "footstool-height" not in ids(a)


def test_feet_reach_floor_long_sitting_gets_second_position(profile: MakeProfile) -> None:
    """Never crosses, but 8 h a day (> 4): second position too (§3 step 6)."""
    a = advise(profile(**_FEET_REACH, habits={"crosses_legs": "never", "hours_per_day": 8.0}))
    assert "footstool-second-position" in ids(a)


def test_feet_reach_floor_short_day_no_crossing_no_footstool_line(profile: MakeProfile) -> None:
    a = advise(
        profile(
            **_FEET_REACH,
            habits={"crosses_legs": "never", "hours_per_day": 2.0, "longest_stretch_min": 20},
        )
    )
    assert "footstool-second-position" not in ids(a)
    assert "footstool-height" not in ids(a)


def test_footstool_needed_not_owned_names_the_height(profile: MakeProfile) -> None:
    """Case (a): F = 53 − 42.5 = 10.5 → "footstool-height" titled with 10.5 cm."""
    a = advise(profile())
    x = line(a, "footstool-height")
    assert "10.5 cm" in x.title
    assert x.severity == "high"  # feet 10.5 off the floor
    assert "footstool-second-position" not in ids(a)


def test_footstool_height_title_imperial(profile: MakeProfile) -> None:
    """Imperial: seat 53/0.635 = 83.46 → 83 q = 52.705 cm; the footstool fills the gap under
    the seat as set: 52.705 − 42.5 = 10.205 cm, /0.635 = 16.07 → 16 q = 4 in."""
    a = advise(profile(units="imperial"))
    assert line(a, "footstool-height").title == "Get a 4 in footstool"


def test_measure_elbow_first_when_a_purchase_rests_on_it(profile: MakeProfile) -> None:
    """ERH estimated for the base man of 175: 0.0733·175 + 11.63 = 24.4575, ±1.645·2.82
    = ±4.64. At the fixed 74 desk the seat is set from it: 77 − 24.4575 = 52.54 → 52.5,
    F = 10 → a footstool to buy, of 10 cm that could be anywhere from 5.5 to 14.5 (§3.3):
    measuring comes first, as the first line."""
    a = advise(profile(body={"elbow_rest_height_cm": None}))
    first = a.lines[0]
    assert (first.id, first.severity) == ("measure-elbow", "high")
    assert "10 cm" in first.text
    assert "between 5.5 cm and 14.5 cm" in first.text
    assert any("elbow" in s.lower() for s in a.assumptions)


def test_measure_elbow_is_information_when_nothing_is_bought(profile: MakeProfile) -> None:
    """With an adjustable desk the desk follows the seat: no purchase rests on the elbow
    estimate, and the nudge to measure is a line of information at the end."""
    a = advise(profile(body={"elbow_rest_height_cm": None}, **_FEET_REACH))
    x = line(a, "measure-elbow")
    assert x.severity == "info"
    assert a.lines[-1].severity == "info"


def test_no_measure_elbow_when_measured(profile: MakeProfile) -> None:
    assert "measure-elbow" not in ids(advise(profile()))


# A very short person (90 cm) on a low fixed chair at a low fixed desk, every other answer
# the worst: where hypothesis found plans that scored worse when followed.
TINY_AT_A_LOW_DESK: dict[str, Any] = {
    "schema_version": 1,
    "name": "Office",
    "units": "metric",
    "body": {"stature_cm": 90.0, "sex": "female"},
    "chair": {
        "height_adjustable": False,
        "seat_height_cm": 20.0,
        "depth_adjustable": False,
        "lumbar_support": "adjustable",
        "lumbar_in_small_of_back": False,
        "backrest": False,
        "backrest_recline_deg": 60.0,
        "backrest_adjustable": False,
        "armrests": "adjustable",
        "armrest_fit": "supported",
        "armrests_hard": False,
        "armrests_too_wide": False,
    },
    "desk": {
        "height_adjustable": False,
        "height_cm": 40.0,
        "keyboard_tray": False,
        "sit_stand": False,
        "legroom_ok": True,
    },
    "footstool": {"owned": False},
    "monitor": {
        "top_height_cm": 40.0,
        "distance_cm": 20.0,
        "mount": "desk",
        "directly_in_front": False,
        "glare": False,
        "reads_documents": False,
        "document_holder": False,
    },
    "keyboard": {"wrists_straight": False, "wrists_deviate": False, "reaches_overhead": False},
    "mouse": {
        "in_line_with_shoulder": False,
        "same_surface_as_keyboard": False,
        "pinch_grip": False,
        "hard_palm_rest": False,
    },
    "phone": {
        "use": "none",
        "within_reach": False,
        "neck_shoulder_hold": False,
        "hours_per_day": 0.0,
    },
    "habits": {"hours_per_day": 0.0, "longest_stretch_min": 0, "crosses_legs": "never"},
}


def tiny_at_a_low_desk(**sections: dict[str, Any]) -> dict[str, Any]:
    """``TINY_AT_A_LOW_DESK`` with these answers changed, section by section."""
    doc = copy.deepcopy(TINY_AT_A_LOW_DESK)
    for name, answers in sections.items():
        doc[name].update(answers)
    return doc


# A case hypothesis found: a very short person on a low fixed chair at a 40 cm desk. The
# thickest cushion (5 cm) still leaves the knees 2.6 cm up, so it changes no ROSA item for
# the legs, and with it the thighs no longer fit under the desk (+1): the plan brings only
# the cushion the thighs have room for. By hand: underside 40 − 3 = 37; thighs (estimated
# clearance) + 2 cm of room must fit under it, which leaves room for a 3.5 cm cushion on
# the 20 cm seat, not 5.
SHORT_AT_A_LOW_DESK = tiny_at_a_low_desk(body={"popliteal_height_cm": 25.1})


def test_a_cushion_that_cannot_lift_the_knees_is_cut_to_the_thighs_room() -> None:
    a = advise(parse_profile(SHORT_AT_A_LOW_DESK))
    assert a.plan.end.cushion_cm == 3.5
    assert not a.rosa_after_items.legroom_insufficient
    assert a.rosa_after.final <= a.rosa.final
    assert a.rosa_after.chair <= a.rosa.chair


def test_the_thigh_room_sentence_adds_up() -> None:
    """The thighs, the underside and the shortfall in one sentence, at one precision: a
    180 cm man sitting at a 70 cm desk (3 cm top): underside 67, 0.3 short of 2 cm of
    room, so the thighs are at 67 − 2 + 0.3 = 65.3 (it said 65.5: rounded like a setting)."""
    doc = {
        "name": "T",
        "units": "metric",
        "body": {"stature_cm": 180.0, "sex": "male"},
        "chair": {
            "seat_height_cm": 50.0,
            "height_adjustable": True,
            "seat_height_min_cm": 42.0,
            "seat_height_max_cm": 56.0,
        },
        "desk": {"height_cm": 70.0},
        "monitor": {"top_height_cm": 120.0, "distance_cm": 65.0},
        "habits": {"hours_per_day": 8.0, "longest_stretch_min": 60, "crosses_legs": "never"},
    }
    line = next(x for x in advise(parse_profile(doc)).lines if x.id == "thigh-room")
    assert "thighs are at 65.3 cm" in line.text
    assert "is at 67 cm, 0.3 cm short of the 2 cm" in line.text


# Another case hypothesis found: a cushion of 5.6 cm, thicker than the 5 cm deskfit would
# suggest. Thinned to 5 cm, the home row would end 1.6 cm above the elbows (more than the
# 1.5 allowed), and the mouse-and-keyboard score would get worse; the person's own
# cushion reaches the elbows' band, so it stays.
THICK_OWN_CUSHION = tiny_at_a_low_desk(
    chair={"cushion_cm": 5.6},
    desk={"height_cm": 43.4, "legroom_ok": False},
    mouse={"hard_palm_rest": True},
)


def test_a_thick_cushion_that_reaches_the_elbows_is_not_thinned() -> None:
    a = advise(parse_profile(THICK_OWN_CUSHION))
    assert a.plan.end.cushion_cm == 5.6
    assert not any(step.key == "chair.cushion_cm" for step in a.plan.steps)
    for part in ("chair", "monitor_phone", "mouse_keyboard", "peripherals", "final"):
        assert getattr(a.rosa_after, part) <= getattr(a.rosa, part), part


def test_armrests_at_the_elbows_that_would_stop_the_chair_are_lowered_under_the_desk() -> None:
    # Sam (golden README): sitting 51, elbow rest 24.68 estimated, desk 74 with a 3 cm top.
    import tomllib
    from pathlib import Path

    sam = Path(__file__).resolve().parents[3] / "profiles" / "crossed-legs-fixed-desk.toml"
    doc = tomllib.loads(sam.read_text(encoding="utf-8"))
    line = next(x for x in advise(parse_profile(doc)).lines if x.id == "armrest-height")
    assert line.title == "Keep the armrests from stopping the chair at the desk"
    assert "At your elbows (75.5 cm from the floor" in line.text
    assert "the desk's underside at 71 cm" in line.text
    assert "at most 19 cm above the seat (70 cm from the floor)" in line.text
    # with a keyboard tray the chair pulls up to the tray: the armrests go to the elbows
    doc["desk"] |= {"keyboard_tray": True, "keyboard_tray_height_cm": 66.0}
    line = next(x for x in advise(parse_profile(doc)).lines if x.id == "armrest-height")
    assert line.title.startswith("Set the armrests to your elbows")


def test_the_seat_slides_only_as_far_as_its_slider_goes() -> None:
    # A 140 cm woman (buttock–popliteal length estimated at 41 cm) on a 46 cm deep seat:
    # the ideal depth is 41 − 7.5 = 33.5 cm, but the slider goes only 42–48 cm.
    import tomllib
    from pathlib import Path

    from deskfit.core.engine.plan import apply_plan

    short = Path(__file__).resolve().parents[3] / "profiles" / "short-fixed-chair.toml"
    doc = tomllib.loads(short.read_text(encoding="utf-8"))
    doc["body"] = {"stature_cm": 140.0, "sex": "female"}
    doc["chair"] |= {"seat_depth_cm": 46.0, "depth_adjustable": True}
    unknown = advise(parse_profile(doc))
    assert unknown.plan.step("chair.seat_depth_cm").to_cm == 33.5  # type: ignore[union-attr]
    doc["chair"] |= {"seat_depth_min_cm": 42.0, "seat_depth_max_cm": 48.0}
    advice = advise(parse_profile(doc))
    step = advice.plan.step("chair.seat_depth_cm")
    assert step is not None and (step.from_cm, step.to_cm) == (46.0, 42.0)
    line = next(x for x in advice.lines if x.id == "seat-depth")
    assert "so that it is 42 cm deep. That is as far back as it slides" in line.text
    assert "still 1 cm deeper than your thighs are long: a lumbar cushion" in line.text
    followed = advise(apply_plan(advice.profile, advice.plan))
    assert followed.plan.steps == ()
    assert followed.rosa == advice.rosa_after
