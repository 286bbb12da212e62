"""The plan is one thing a person can follow (ergonomics.md §3.1, profile-format.md "plan").

The property: take the JSON export's ``plan`` alone, apply every step to the profile the
way another tool would (the key set to ``to_cm``; a footstool step brings one or, at 0,
puts it aside; a tray step brings a tray), export again: the new plan is empty and the
new ``rosa`` is the first export's ``rosa_after``. Every step's number appears, in the
profile's units, in the advice line it names, and no sentence claims a target the plan
leaves unmet. It runs over the whole valid input space of the profile and, separately,
over ordinary office workstations where the interesting cases are dense.
"""

from __future__ import annotations

import copy
import math
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.core.conftest import (
    profile_doc_strategy,
    with_screens,
    with_slider,
    with_symptoms,
    with_tray_range,
)

from deskfit.core.engine.advice import advise
from deskfit.core.engine.body import body_dimensions
from deskfit.core.engine.plan import apply_plan
from deskfit.core.engine.rosa_items import thighs_short_cm
from deskfit.core.engine.targets import (
    HOME_ROW_ABOVE,
    HOME_ROW_BELOW,
    SEAT_TOLERANCE,
    THIGH_TOLERANCE,
)
from deskfit.core.model.units import format_length, round_for_people
from deskfit.core.model.validation import parse_profile
from deskfit.core.present.render import to_json

# Generating a profile costs hypothesis ~12 ms, checking it ~4 ms: 2,500 cases take ~40 s of
# `make test`. DESKFIT_PLAN_CASES=20000 runs as many of each for a deeper look.
WHOLE_SPACE_CASES = int(os.environ.get("DESKFIT_PLAN_CASES", 1500))
OFFICE_CASES = int(os.environ.get("DESKFIT_PLAN_CASES", 1000))
ROUNDING = 0.33  # half a quarter inch, the coarsest rounding a setting gets


def follow(doc: dict[str, Any], plan: list[dict[str, Any]]) -> dict[str, Any]:
    """The profile document with every step of an exported plan done, as another tool
    would do it from profile-format.md and docs/profile-additions.md alone."""
    out = copy.deepcopy(doc)
    for step in plan:
        table, key = step["key"].split(".")
        section = out.setdefault(table, {})
        if step["key"] == "footstool.height_cm":
            if step["to_cm"]:
                if not section.get("owned"):
                    section["adjustable"] = False  # a new footstool: fixed at that height
                section.update(owned=True, in_use=True, height_cm=step["to_cm"])
            else:
                section["in_use"] = False
            continue
        section[key] = step["to_cm"]
        if step["key"] == "desk.keyboard_tray_height_cm":
            section["keyboard_tray"] = True
        # the additions' steps that bring something (docs/profile-additions.md)
        if step["key"] == "keyboard.home_row_above_surface_cm":
            out["monitor"]["laptop_keyboard"] = False
        if step["key"] == "monitor.second_top_height_cm":
            section["second_position"] = "side"
        if step["key"] == "desk.standing_screen_top_cm" and step.get("buy"):
            out["monitor"]["mount"] = "arm"
    return out


def check_plan_is_followable(doc: dict[str, Any], *, readable: bool = False) -> None:
    profile = parse_profile(doc)
    advice = advise(profile)
    exported = to_json(advice)
    done = follow(doc, exported["plan"])
    again = to_json(advise(parse_profile(done)))
    assert again["plan"] == [], (exported["plan"], again["plan"])
    assert again["rosa"] == exported["rosa_after"]
    # the core's own applier agrees with the document-level one
    assert to_json(advise(apply_plan(profile, advice.plan)))["plan"] == []
    check_numbers_are_in_the_words(advice)
    check_no_claim_is_unmet(advice)
    if readable:
        check_settings_are_readable(advice)


def check_numbers_are_in_the_words(advice: Any) -> None:
    units = advice.profile.units
    texts = {line.id: line.text for line in advice.lines}
    for step in advice.plan.steps:
        assert step.advice_id in texts, (step, list(texts))
        shown = format_length(step.to_cm, units)
        assert shown in texts[step.advice_id], (step, texts[step.advice_id])


def check_settings_are_readable(advice: Any) -> None:
    """What a step asks a person to set is a value they can read and set (0.5 cm, ¼ in),
    so following the words is following the plan; or it is where the furniture stops
    (its lowest, its highest), or where the desk carried it (not set by hand)."""
    p = advice.profile
    units = p.units
    ends = {
        "chair.seat_height_cm": (p.chair.seat_height_min_cm, p.chair.seat_height_max_cm),
        "desk.height_cm": (p.desk.height_min_cm, p.desk.height_max_cm, 40.0, 150.0),
        # an owned footstool's ends, or its own height when it is used as it is
        "footstool.height_cm": (
            p.footstool.height_min_cm,
            p.footstool.height_max_cm,
            p.footstool.height_cm,
            40.0,
        ),
        # a tray's range: as measured, else 40 to the desk top less 2.5 (the top as set, or
        # at its highest)
        "desk.keyboard_tray_height_cm": (
            40.0,
            advice.settings.desk_height_cm - 2.5,
            (p.desk.height_max_cm or p.desk.height_cm) - 2.5,
            p.desk.keyboard_tray_min_cm,
            p.desk.keyboard_tray_max_cm,
        ),
        "monitor.top_height_cm": (40.0, 250.0),
        "chair.seat_depth_cm": (25.0, 70.0),
    }
    desk_moved = advice.plan.step("desk.height_cm") is not None
    raised_for_thighs = advice.findings.thigh_room_by == "desk"
    rides = {"desk.keyboard_tray_height_cm"} | (
        {"monitor.top_height_cm"} if p.monitor.mount in ("desk", "arm") else set()
    )
    if p.monitor.second_screen == "laptop" or p.monitor.mount in ("desk", "arm"):
        rides.add("monitor.second_top_height_cm")
    for step in advice.plan.steps:
        if step.key == "keyboard.home_row_above_surface_cm":
            continue  # the new keyboard's own height, not a setting
        if step.from_cm is not None and abs(step.to_cm - step.from_cm) < 1e-6:
            continue  # carried by the desk, nothing to set
        if desk_moved and step.key in rides and (raised_for_thighs or not step.carried_cm):
            continue  # set on the desk, then moved with it by the desk's step
        on_grid = abs(round_for_people(step.to_cm, units) - step.to_cm) < 1e-6
        table, key = step.key.split(".")
        answered = getattr(getattr(p, table), key)
        if answered is not None and abs(answered - step.to_cm) < 1e-6:
            continue  # back where it was answered (a tray the desk lifted, set down again)
        at_an_end = any(
            e is not None and abs(e - step.to_cm) < 1e-6 for e in ends.get(step.key, ())
        )
        assert on_grid or at_an_end, step


def check_no_claim_is_unmet(advice: Any) -> None:
    """Sentences that say a target is met hold in the workstation the plan leaves."""
    after = apply_plan(advice.profile, advice.plan)
    body = body_dimensions(after.body)
    end = advice.settings
    sitting = end.sitting_height_cm
    elbow = sitting + body.elbow_rest_height.value
    home_row = end.work_surface_height_cm + after.keyboard.home_row_above_surface_cm
    rest = body.popliteal_height.value + body.shoe_allowance_cm
    for line in advice.lines:
        text = line.text
        if "meets your elbows" in text:
            assert abs(home_row - elbow) <= 0.25 + ROUNDING, (line, home_row, elbow)
        if "home row at your elbows" in text and line.id != "standing-height":
            assert -HOME_ROW_BELOW - ROUNDING <= home_row - elbow <= HOME_ROW_ABOVE + ROUNDING, (
                line,
                home_row - elbow,
            )
        claims_flat = "feet rest flat" in text or "feet flat on the floor" in text
        if claims_flat and line.id not in ("footstool-second-position", "footstool-fallback"):
            assert end.footstool_height_cm == 0, line
            assert sitting - rest <= SEAT_TOLERANCE + ROUNDING, (line, sitting - rest)
        if line.id in ("seat-height", "desk-height") and "thighs fit under" in text:
            assert thighs_short_cm(after, body) <= THIGH_TOLERANCE, line


@settings(
    max_examples=WHOLE_SPACE_CASES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(doc=with_tray_range(with_screens(with_slider(with_symptoms(profile_doc_strategy())))))
def test_following_the_plan_leaves_nothing_to_change(doc: dict[str, Any]) -> None:
    check_plan_is_followable(doc)


# -- ordinary offices: statures people have, furniture that is sold --------------------------


def _cm(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.integers(int(lo * 2), int(hi * 2)).map(lambda x: x / 2)


@st.composite
def office_doc(draw: st.DrawFn) -> dict[str, Any]:
    doc = draw(profile_doc_strategy())
    body = doc["body"]
    body["stature_cm"] = draw(_cm(145, 205))
    for key in ("popliteal_height_cm", "eye_height_sitting_cm", "buttock_popliteal_length_cm"):
        body.pop(key, None)
    if draw(st.booleans()):
        body.pop("elbow_rest_height_cm", None)
    else:
        body["elbow_rest_height_cm"] = draw(_cm(16, 32))
    if draw(st.booleans()):
        body.pop("thigh_clearance_cm", None)
    body["shoe_allowance_cm"] = draw(st.sampled_from([0.0, 2.5, 5.0]))
    chair = doc["chair"]
    chair.pop("seat_depth_cm", None)
    if draw(st.booleans()):
        lo = draw(_cm(36, 48))
        hi = lo + draw(_cm(6, 16))
        chair |= {
            "height_adjustable": True,
            "seat_height_min_cm": lo,
            "seat_height_max_cm": hi,
            "seat_height_cm": draw(_cm(lo, hi)),
        }
    else:
        chair |= {"height_adjustable": False, "seat_height_cm": draw(_cm(40, 50))}
        chair.pop("seat_height_min_cm", None)
        chair.pop("seat_height_max_cm", None)
    chair["cushion_cm"] = draw(st.sampled_from([0.0, 0.0, 0.0, 2.0, 4.0, 6.0]))
    desk: dict[str, Any] = {"legroom_ok": draw(st.booleans())}
    if draw(st.booleans()):
        lo = draw(_cm(58, 72))
        hi = draw(_cm(80, 130))
        desk |= {
            "height_adjustable": True,
            "height_min_cm": lo,
            "height_max_cm": hi,
            "height_cm": draw(_cm(lo, hi)),
        }
    else:
        desk |= {"height_adjustable": False, "height_cm": draw(_cm(64, 80))}
    desk["sit_stand"] = bool(desk.get("height_adjustable")) and draw(st.booleans())
    if draw(st.booleans()):
        desk |= {
            "keyboard_tray": True,
            "keyboard_tray_height_cm": desk["height_cm"] - draw(_cm(4, 14)),
            "keyboard_tray_adjustable": draw(st.booleans()),
        }
    else:
        desk["keyboard_tray"] = False
    desk["thickness_cm"] = draw(st.sampled_from([2.0, 3.0, 3.0, 5.0, 12.0]))
    doc["desk"] = desk
    doc["monitor"]["top_height_cm"] = draw(_cm(95, 140))
    doc["monitor"]["distance_cm"] = draw(_cm(40, 90))
    stool = doc["footstool"]
    if stool.get("owned"):
        if stool.get("adjustable"):
            lo = draw(_cm(2, 8))
            hi = lo + draw(_cm(4, 14))
            stool |= {"height_min_cm": lo, "height_max_cm": hi, "height_cm": draw(_cm(lo, hi))}
        else:
            stool["height_cm"] = draw(_cm(4, 18))
    doc["keyboard"]["home_row_above_surface_cm"] = draw(st.sampled_from([1.5, 2.0, 3.0]))
    return doc


@settings(
    max_examples=OFFICE_CASES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(doc=with_tray_range(with_screens(office_doc())))
def test_following_the_plan_leaves_nothing_to_change_in_ordinary_offices(
    doc: dict[str, Any],
) -> None:
    # and here, where furniture is what is sold, the words are the plan: every value a step
    # asks for is one a person reads and sets (the whole input space has desks whose range
    # is narrower than one rounding step, where that cannot hold)
    check_plan_is_followable(doc, readable=True)


@pytest.mark.parametrize("value", [0.0, 8.0, 11.0, 18.0, 80.0, 85.5, 2.0])
def test_article_is_read_aloud(value: float) -> None:
    from deskfit.core.engine.advice.lines import article

    spoken = format_length(value, "metric")
    expected = "an" if math.floor(value) in (8, 11, 18, 80, 85) else "a"
    assert article(spoken) == expected


# -- a keyboard tray's measured range (docs/workstations.md §4.1) ----------------------------

# Measured body (PH 45 + S 2.5 = 47.5, ERH 25, K 3) at a fixed 74 cm desk (3 cm top), seat
# 47.5 on a 42–55 chair, an adjustable tray at 60: the elbows are at 47.5 + 25 = 72.5 and
# want the tray at 72.5 − 3 = 69.5; the eyes at 47.5 + 80 = 127.5 want the screen's top at
# 122.5, where it is.
TRAY_BODY = {
    "popliteal_height_cm": 45.0,
    "elbow_rest_height_cm": 25.0,
    "eye_height_sitting_cm": 80.0,
    "thigh_clearance_cm": 15.0,
}
TRAY_MONITOR = {"top_height_cm": 122.5}
TRAY_CHAIR = {"seat_height_cm": 47.5, "seat_height_min_cm": 42.0, "seat_height_max_cm": 55.0}
TRAY_DESK = {
    "keyboard_tray": True,
    "keyboard_tray_height_cm": 60.0,
    "keyboard_tray_adjustable": True,
}


@pytest.mark.parametrize(
    ("ends", "to_cm"),
    [
        # blank: 40 up to 74 − 2.5 = 71.5 (our rule), which reaches 69.5
        ({}, 69.5),
        # measured 55–64: the tray stops at its highest, 64
        ({"keyboard_tray_min_cm": 55.0, "keyboard_tray_max_cm": 64.0}, 64.0),
        # only the lowest measured: the top is still 71.5, which reaches 69.5
        ({"keyboard_tray_min_cm": 55.0}, 69.5),
        # only the highest: 64
        ({"keyboard_tray_max_cm": 64.0}, 64.0),
        # a highest above the desk top less 2.5 is taken at 71.5: 69.5 is inside
        ({"keyboard_tray_max_cm": 80.0}, 69.5),
    ],
)
def test_the_tray_stays_inside_its_measured_range(
    doc: Callable[..., dict[str, Any]], ends: dict[str, float], to_cm: float
) -> None:
    d = doc(body=TRAY_BODY, chair=TRAY_CHAIR, desk=TRAY_DESK | ends, monitor=TRAY_MONITOR)
    advice = advise(parse_profile(d))
    assert [(s.key, s.from_cm, s.to_cm) for s in advice.plan.steps] == [
        ("desk.keyboard_tray_height_cm", 60.0, to_cm)
    ]
    check_plan_is_followable(d)


def test_a_tray_whose_range_is_measured_is_not_lifted_on_risers(
    doc: Callable[..., dict[str, Any]],
) -> None:
    # ERH 33: the elbows at 47.5 + 33 = 80.5 want the tray at 77.5, above the 71.5 a tray
    # goes under a 74 cm desk. Blank range: the home row at 71.5 + 3 = 74.5 would be 6
    # below the elbows (> 5), so risers lift the desk 6 to 80 and the tray's top with it,
    # to 80 − 2.5 = 77.5, where the tray goes. Measured (highest 80, so the top is still
    # 71.5): risers would change the range the person measured, so the plan leaves the
    # tray at 71.5, 6 below the elbows, and the advice says risers of 6 would do it.
    body = TRAY_BODY | {"elbow_rest_height_cm": 33.0}
    blank = advise(parse_profile(doc(body=body, chair=TRAY_CHAIR, desk=TRAY_DESK)))
    assert [(s.key, s.to_cm, s.buy) for s in blank.plan.steps][:2] == [
        ("desk.height_cm", 80.0, "desk risers"),
        ("desk.keyboard_tray_height_cm", 77.5, None),
    ]
    d = doc(body=body, chair=TRAY_CHAIR, desk=TRAY_DESK | {"keyboard_tray_max_cm": 80.0})
    measured = advise(parse_profile(d))
    assert measured.plan.step("desk.height_cm") is None
    step = measured.plan.step("desk.keyboard_tray_height_cm")
    assert step is not None and step.to_cm == 71.5
    assert measured.findings.home_row_low_cm == pytest.approx(6.0)
    check_plan_is_followable(d)


def test_a_tray_at_its_measured_lowest_sets_the_seat(doc: Callable[..., dict[str, Any]]) -> None:
    # Base body (PH 40 + 2.5 = 42.5, ERH 20 here, K 3): the tray would go to 42.5 + 20 − 3
    # = 59.5, but it comes down only to 63 (measured 63–70). At 63 the home row is at 66,
    # so the seat rises to 66 − 20 = 46 (chair 40–56), a footstool of 46 − 42.5 = 3.5
    # under the feet; the tray is 63 − 59.5 = 3.5 above the ideal.
    d = doc(
        body={"elbow_rest_height_cm": 20.0},
        desk=TRAY_DESK
        | {
            "keyboard_tray_height_cm": 66.0,
            "keyboard_tray_min_cm": 63.0,
            "keyboard_tray_max_cm": 70.0,
        },
    )
    advice = advise(parse_profile(d))
    end = advice.plan.end
    assert (end.seat_height_cm, end.keyboard_tray_height_cm, end.footstool_height_cm) == (
        46.0,
        63.0,
        3.5,
    )
    assert advice.findings.surface_at_lowest
    assert advice.findings.surface_off_cm == pytest.approx(3.5)
    check_plan_is_followable(d)
