"""The plan as people read it: the cases a reviewing ergonomist found, said right.

Each test is one finding of the review that asked for the plan (a screen on a desk that
moved, a footstool no footrest reaches, a chair that runs out, units, severities), on a
profile worked by hand; the numbers are derived in the docstrings from ergonomics.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.core.conftest import TRAY_UNDER_LOW_DESK

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.files.store import load_profile
from deskfit.core.model.profile import Profile
from deskfit.core.model.validation import parse_profile
from deskfit.core.present.render import to_json, to_text

ROOT = Path(__file__).resolve().parents[3]
MakeProfile = Callable[..., Profile]
ESTIMATED_150 = {
    "stature_cm": 150.0,
    "sex": "female",
    "shoe_allowance_cm": 2.5,
    "popliteal_height_cm": None,
    "elbow_rest_height_cm": None,
    "eye_height_sitting_cm": None,
    "buttock_popliteal_length_cm": None,
    "thigh_clearance_cm": None,
}


def line(advice: Advice, id_: str) -> Any:
    found = [x for x in advice.lines if x.id == id_]
    assert found, f"no {id_!r} in {[x.id for x in advice.lines]}"
    return found[0]


def test_the_screen_starts_from_where_the_desk_left_it() -> None:
    """Ruth (profiles/sit-stand-progressive.toml): the desk comes down 72 → 63.5, taking the
    screen 124 → 115.5; the screen step starts there and lowers it to 107, inside her band
    for progressive lenses, eye − 15 … eye − 5 = 102 … 112 (eye 41.5 + 75.51 = 117.01)."""
    profile = load_profile(ROOT / "profiles" / "sit-stand-progressive.toml").profile
    out = to_json(advise(profile))
    steps = {s["key"]: s for s in out["plan"]}
    desk, screen = steps["desk.height_cm"], steps["monitor.top_height_cm"]
    assert (desk["from_cm"], desk["to_cm"]) == (72.0, 63.5)
    assert screen["from_cm"] == pytest.approx(124.0 - 8.5)
    assert screen["step"] > desk["step"]
    band = out["targets"]["monitor_top_height_cm"]
    eye_as_set = 41.5 + out["body"]["eye_height_sitting_cm"]["value"]
    assert eye_as_set - 15 <= screen["to_cm"] <= eye_as_set - 5
    assert band["low"] <= screen["to_cm"] <= band["high"] + 0.5
    text = line(advise(profile), "monitor-height").text
    assert "brought it down to 115.5 cm" in text and "lower it 8.5 cm to 107 cm" in text


def test_a_short_woman_at_a_fixed_desk_measures_first_and_a_tray_leads(
    profile: MakeProfile,
) -> None:
    """150 cm woman, nothing measured, fixed 74 desk, chair 42–56. PH = 0.2962·150 − 9.41
    = 35.02, PH + S = 37.52; ERH = 0.0471·150 + 15.57 = 22.635 (±4.29). At the desk the
    seat would be 74 + 3 − 22.635 = 54.37 → 54.5, the feet 54.5 − 37.52 = 16.98 → 17 off the
    floor: more than ordinary footrests reach (15), so a keyboard tray leads (§3.3): seat at
    the chair's lowest, 42, the tray at 42 + 22.635 − 3 = 61.64 → 61.5, a 4.5 cm footstool.
    The tray rests on the estimated ERH: measuring comes first, with the band 57 … 66."""
    advice = advise(profile(body=ESTIMATED_150, chair={"seat_height_min_cm": 42.0}))
    first = advice.lines[0]
    assert (first.id, first.severity) == ("measure-elbow", "high")
    assert "22.5 cm, between 18.5 cm and 27 cm" in first.text
    assert "61.5 cm" in first.text and "between 57 cm and 66 cm" in first.text
    tray = line(advice, "keyboard-tray")
    assert tray.title == "Fit a keyboard tray at 61.5 cm"
    ids = [x.id for x in advice.lines]
    assert ids.index("keyboard-tray") < ids.index("footstool-height")
    fallback = line(advice, "footstool-fallback")
    assert "seat to 54.5 cm" in fallback.text
    assert "reaches 17 cm" in fallback.text and "at least 17 cm" in fallback.text
    small = line(advice, "footstool-height")
    assert small.title == "Get a 4.5 cm footstool" and "at least 11 cm" in small.text


def test_no_footstool_spec_that_does_not_reach(profile: MakeProfile) -> None:
    """ERH 21 (measured), TC 10: F = 77 − 21 − 42.5 = 13.5: few footrests go that high,
    the spec asks for one adjustable to at least 13.5, and the tray alternative is named:
    42.5 + 21 − 3 = 60.5."""
    advice = advise(profile(body={"elbow_rest_height_cm": 21.0, "thigh_clearance_cm": 10.0}))
    text = line(advice, "footstool-height").text
    assert "adjustable in height to at least 13.5 cm" in text
    assert "Few footrests go as high as 13.5 cm" in text
    assert "keyboard tray at 60.5 cm" in text


def test_a_chair_that_tops_out_gets_a_cushion_not_a_taller_gas_lift(profile: MakeProfile) -> None:
    """Chair 40–50 at the 74 desk: need 53, 3 above its top; a 3 cm cushion closes it
    (§3.3: a cushion up to 5), and no sentence claims the home row meets the elbows at the
    chair's top."""
    advice = advise(profile(chair={"seat_height_max_cm": 50.0}))
    cushion = line(advice, "seat-cushion")
    assert "At its highest (50 cm)" in cushion.text and "3 cm above your elbows" in cushion.text
    assert "where the keyboard's home row meets your elbows" in cushion.text
    assert all("gas lift" not in x.text for x in advice.lines)


def test_a_fixed_dining_chair_is_not_offered_a_gas_lift(profile: MakeProfile) -> None:
    """Fixed chair at 40, PH 45 (PH + S 47.5): 7.5 low; a 5 cm cushion (the most), and the
    other way out is a chair whose seat is 47.5 high, never 'a taller gas lift'."""
    advice = advise(
        profile(
            body={"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 29.5},
            chair={"height_adjustable": False, "seat_height_cm": 40.0},
        )
    )
    text = line(advice, "seat-cushion").text
    assert "At its fixed height (40 cm)" in text
    assert "a chair whose seat is 47.5 cm high" in text
    assert all("gas lift" not in x.text for x in advice.lines)


def test_a_desk_too_low_with_a_tray_is_raised_with_it(profile: MakeProfile) -> None:
    """PH 45, ERH 27, a fixed tray at 60 under a 68 desk: risers of 11.5 to 79.5; the tray
    rises with it to 71.5 (never 'a desk that is 70 cm high', the tray's 60 + 10)."""
    advice = advise(profile(**TRAY_UNDER_LOW_DESK))
    text = line(advice, "desk-too-low").text
    assert "Raise the desk 11.5 cm on risers, to 79.5 cm" in text
    assert "The keyboard tray under it goes up with it, to 71.5 cm." in text


def test_a_standing_desk_that_stops_short_offers_a_converter(profile: MakeProfile) -> None:
    """Man of 200: elbow standing 0.6898·200 − 10.59 = 127.37, + 2.5 − 3 = 126.87; the
    desk tops out at 115: 11.87 short, beyond the −5 band → converter or taller frame."""
    advice = advise(
        profile(
            body={"stature_cm": 200.0},
            desk={
                "height_adjustable": True,
                "height_min_cm": 62.0,
                "height_max_cm": 115.0,
                "sit_stand": True,
            },
        )
    )
    x = line(advice, "standing-height")
    assert x.severity == "medium"
    assert "As high as it goes, 115 cm" in x.text and "12 cm below your elbows" in x.text
    assert "desk-top converter" in x.text and "reaches 127 cm" in x.text
    assert "puts the home row at your elbows" not in x.text


def test_rules_of_thumb_keep_their_precision(profile: MakeProfile) -> None:
    """Text at least distance/200 = 60/200 = 0.3 cm tall, ⅛ in in imperial (0.118 in),
    never rounded like a setting to 0.5 cm or 0 in."""
    metric = advise(profile(monitor={"distance_cm": 90.0}))
    assert "at least 0.3 cm tall at 60 cm" in line(metric, "monitor-distance").text
    imperial = advise(profile(units="imperial", monitor={"distance_cm": 90.0}))
    assert "at least ⅛ in tall at 23½ in" in line(imperial, "monitor-distance").text


# Lengths written with their unit, as text shows them (not in the sources: those cite).
CM = re.compile(r"\d\s?cm\b")


@pytest.mark.parametrize("name", sorted(p.stem for p in (ROOT / "profiles").glob("*.toml")))
def test_imperial_everywhere_in_an_imperial_profile(name: str) -> None:
    """Every example switched to inches: no centimetre left in the text export, but in the
    sources, which cite standards in their own words."""
    p = load_profile(ROOT / "profiles" / f"{name}.toml").profile.model_copy(
        update={"units": "imperial"}
    )
    text, in_sources = [], False
    for row in to_text(advise(p)).splitlines():
        in_sources = row.lstrip().startswith("Sources:") or (
            in_sources and row.startswith("      ")
        )
        if not in_sources:
            text.append(row)
    found = [row for row in text if CM.search(row)]
    assert not found, found


def test_an_8_cm_footstool(profile: MakeProfile) -> None:
    """ERH 26.5: need 77 − 26.5 = 50.5, F = 8 → 'Get an 8 cm footstool'."""
    advice = advise(profile(body={"elbow_rest_height_cm": 26.5}))
    assert line(advice, "footstool-height").title == "Get an 8 cm footstool"


def test_base_scores_are_not_shown_as_points(profile: MakeProfile) -> None:
    """A ROSA base score of 2 reads 'scores 2', not '+2' (only additive items add)."""
    text = to_text(advise(profile(chair={"seat_height_cm": 40.0, "seat_height_max_cm": 40.0})))
    assert "(scores " in text
    assert not re.search(r"Seat height: .*\(\+\d\)", text)


def test_chair_short_inside_the_band_is_not_high(profile: MakeProfile) -> None:
    """Chair 40–52: need 53, 1 above its top: within the home row's +1.5, no cushion, no
    'chair cannot rise' line; the seat step is 45 → 52, a change beyond the band: high."""
    advice = advise(profile(chair={"seat_height_max_cm": 52.0}))
    ids = [x.id for x in advice.lines]
    assert "chair-too-low-for-desk" not in ids and "seat-cushion" not in ids
    assert line(advice, "seat-height").severity == "high"


def test_every_example_follows_its_own_plan() -> None:
    """The examples: applying the exported plan leaves nothing to change."""
    import tomllib

    from tests.core.engine.test_plan import check_plan_is_followable

    for path in sorted((ROOT / "profiles").glob("*.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        check_plan_is_followable(doc)
        assert parse_profile(doc)
