"""Fixtures for the fit / ROSA items / advice / render tests.

``doc(**sections)`` builds a profile document (a dict, as tomllib would give) from a base
with every body dimension *measured*, so that the hand-worked arithmetic in the tests is
exact: PH 40, S 2.5 (PH + S = 42.5), ERH 24, ESH 75, BPL 48, TC 14 (thin thighs: room under
the desk is its own tests' business), K 3. Each keyword replaces
keys of one section (``chair={"seat_height_cm": 50.0}``); a top-level key (``units``,
``name``) is set as given.

``profile_docs`` is a hypothesis strategy over the whole valid input space of
profile-format.md: statures 90–250, every sex, measurements present or not within their
ranges, chairs / desks / trays / footstools adjustable or not with consistent ranges, and
every boolean and choice. Fixtures are session-scoped so they can be used with ``@given``.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import strategies as st

from deskfit.core.engine.body import BodyDimensions, body_dimensions
from deskfit.core.model.profile import Profile
from deskfit.core.model.symptoms import Symptoms
from deskfit.core.model.validation import parse_profile

BASE_DOC: dict[str, Any] = {
    "schema_version": 1,
    "name": "Test desk",
    "units": "metric",
    "body": {
        "stature_cm": 175.0,
        "sex": "male",
        "shoe_allowance_cm": 2.5,
        "popliteal_height_cm": 40.0,
        "elbow_rest_height_cm": 24.0,
        "eye_height_sitting_cm": 75.0,
        "buttock_popliteal_length_cm": 48.0,
        "thigh_clearance_cm": 14.0,
        "lenses": "none",
    },
    "chair": {
        "seat_height_cm": 45.0,
        "height_adjustable": True,
        "seat_height_min_cm": 40.0,
        "seat_height_max_cm": 56.0,
        "depth_adjustable": False,
        "lumbar_support": "adjustable",
        "lumbar_in_small_of_back": True,
        "backrest": True,
        "backrest_recline_deg": 100.0,
        "backrest_adjustable": True,
        "armrests": "adjustable",
        "armrest_fit": "supported",
        "armrests_hard": False,
        "armrests_too_wide": False,
    },
    "desk": {
        "height_cm": 74.0,
        "height_adjustable": False,
        "sit_stand": False,
        "legroom_ok": True,
        "keyboard_tray": False,
        "keyboard_tray_adjustable": False,
    },
    "footstool": {"owned": False},
    "monitor": {
        "top_height_cm": 118.0,
        "distance_cm": 65.0,
        "directly_in_front": True,
        "glare": False,
        "reads_documents": False,
        "document_holder": False,
    },
    "keyboard": {
        "home_row_above_surface_cm": 3.0,
        "wrists_straight": True,
        "wrists_deviate": False,
        "reaches_overhead": False,
    },
    "mouse": {
        "in_line_with_shoulder": True,
        "same_surface_as_keyboard": True,
        "pinch_grip": False,
        "hard_palm_rest": False,
    },
    "phone": {
        "use": "none",
        "within_reach": True,
        "neck_shoulder_hold": False,
        "hours_per_day": 0.0,
    },
    "habits": {"hours_per_day": 8.0, "longest_stretch_min": 90, "crosses_legs": "never"},
}


# A low fixed desk (68) with a fixed tray at 60 under it, for a body whose legs want 47.5
# and elbows 27 above the seat: the home row is 74.5 − 63 = 11.5 below the elbows.
TRAY_UNDER_LOW_DESK: dict[str, Any] = {
    "body": {"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 27.0},
    "desk": {
        "height_cm": 68.0,
        "keyboard_tray": True,
        "keyboard_tray_height_cm": 60.0,
        "keyboard_tray_adjustable": False,
    },
}


def make_doc(**sections: Any) -> dict[str, Any]:
    d = copy.deepcopy(BASE_DOC)
    for key, value in sections.items():
        if isinstance(value, dict):
            d.setdefault(key, {}).update(value)
        else:
            d[key] = value
    return d


def make_profile(**sections: Any) -> Profile:
    return parse_profile(make_doc(**sections))


def make_body(profile: Profile) -> BodyDimensions:
    return body_dimensions(profile.body)


@pytest.fixture(scope="session")
def doc() -> Callable[..., dict[str, Any]]:
    """``doc(chair={...}, units="imperial")``: a fresh profile document."""
    return make_doc


@pytest.fixture(scope="session")
def profile() -> Callable[..., Profile]:
    """``profile(chair={...})``: the parsed Profile of ``doc(...)``."""
    return make_profile


# -- hypothesis: the whole valid input space ---------------------------------------------


def _length(lo: float, hi: float) -> st.SearchStrategy[float]:
    """A length in [lo, hi]: mostly to 0.1 cm as people type them, sometimes any float."""
    any_float = st.floats(lo, hi, allow_nan=False, allow_infinity=False)
    first, last = math.ceil(lo * 10 - 1e-9), math.floor(hi * 10 + 1e-9)
    if first > last:
        return any_float
    tenths = st.integers(first, last).map(lambda x: min(max(x / 10, lo), hi))
    return st.one_of(tenths, any_float)


def _ordered(lo: float, hi: float) -> st.SearchStrategy[tuple[float, float]]:
    return st.tuples(_length(lo, hi), _length(lo, hi)).map(lambda t: (min(t), max(t)))


@st.composite
def _body(draw: st.DrawFn, *, measured: bool | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "stature_cm": draw(_length(90, 250)),
        "sex": draw(st.sampled_from(["female", "male", "unspecified"])),
    }
    if draw(st.booleans()):
        body["shoe_allowance_cm"] = draw(_length(0, 15))
    ranges = {
        "popliteal_height_cm": (25, 65),
        "elbow_rest_height_cm": (10, 40),
        "eye_height_sitting_cm": (50, 100),
        "buttock_popliteal_length_cm": (30, 70),
        "thigh_clearance_cm": (8, 35),
    }
    for key, (lo, hi) in ranges.items():
        if measured is True or (measured is None and draw(st.booleans())):
            body[key] = draw(_length(lo, hi))
    if draw(st.booleans()):
        body["lenses"] = draw(st.sampled_from(["none", "single_vision", "progressive"]))
    return body


@st.composite
def _chair(draw: st.DrawFn) -> dict[str, Any]:
    chair: dict[str, Any] = {}
    if draw(st.booleans()):
        lo, hi = draw(_ordered(20, 100))
        chair |= {
            "height_adjustable": True,
            "seat_height_min_cm": lo,
            "seat_height_max_cm": hi,
            "seat_height_cm": draw(_length(lo, hi)),
        }
    else:
        chair |= {"height_adjustable": False, "seat_height_cm": draw(_length(20, 100))}
    if draw(st.booleans()):
        chair["seat_depth_cm"] = draw(_length(25, 70))
    if draw(st.booleans()):
        chair["cushion_cm"] = draw(st.one_of(st.just(0.0), _length(0, 20)))
    chair |= {
        "depth_adjustable": draw(st.booleans()),
        "lumbar_support": draw(st.sampled_from(["adjustable", "fixed", "none"])),
        "lumbar_in_small_of_back": draw(st.booleans()),
        "backrest": draw(st.booleans()),
        "backrest_recline_deg": draw(_length(60, 150)),
        "backrest_adjustable": draw(st.booleans()),
        "armrests": draw(st.sampled_from(["adjustable", "fixed", "none"])),
        "armrest_fit": draw(st.sampled_from(["supported", "too_high", "too_low"])),
        "armrests_hard": draw(st.booleans()),
        "armrests_too_wide": draw(st.booleans()),
    }
    return chair


@st.composite
def _desk(draw: st.DrawFn) -> dict[str, Any]:
    desk: dict[str, Any] = {}
    kind = draw(st.sampled_from(["fixed", "adjustable", "tray"]))
    if kind == "adjustable" or (kind == "tray" and draw(st.booleans())):
        lo, hi = draw(_ordered(40, 150))
        desk |= {
            "height_adjustable": True,
            "height_min_cm": lo,
            "height_max_cm": hi,
            "height_cm": draw(_length(lo, hi)),
        }
    else:
        desk |= {"height_adjustable": False, "height_cm": draw(_length(40, 150))}
    if kind == "tray" and desk["height_cm"] > 40.1:
        tray = draw(_length(40, desk["height_cm"] - 0.1))
        desk |= {
            "keyboard_tray": True,
            "keyboard_tray_height_cm": tray,
            "keyboard_tray_adjustable": draw(st.booleans()),
        }
    else:
        desk["keyboard_tray"] = False
    desk["sit_stand"] = draw(st.booleans())
    desk["legroom_ok"] = draw(st.booleans())
    if draw(st.booleans()):
        desk["thickness_cm"] = draw(_length(0, 40))
    return desk


@st.composite
def _footstool(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["none", "fixed", "adjustable"]))
    stool: dict[str, Any] = {"owned": kind != "none"}
    if kind == "fixed":
        stool |= {"height_cm": draw(_length(0, 40)), "adjustable": False}
    elif kind == "adjustable":
        lo, hi = draw(_ordered(0, 40))
        stool |= {
            "adjustable": True,
            "height_min_cm": lo,
            "height_max_cm": hi,
            "height_cm": draw(_length(lo, hi)),
        }
    if kind != "none" and draw(st.booleans()):
        stool["in_use"] = draw(st.booleans())
    return stool


@st.composite
def profile_doc_strategy(draw: st.DrawFn, *, measured: bool | None = None) -> dict[str, Any]:
    """One valid profile document; ``measured`` forces body dims all measured/estimated."""
    doc: dict[str, Any] = {
        "schema_version": 1,
        "name": draw(st.sampled_from(["Office", "Home desk", "Kitchen table"])),
        "units": draw(st.sampled_from(["metric", "imperial"])),
        "body": draw(_body(measured=measured)),
        "chair": draw(_chair()),
        "desk": draw(_desk()),
        "footstool": draw(_footstool()),
        "monitor": {
            "top_height_cm": draw(_length(40, 250)),
            "distance_cm": draw(_length(20, 200)),
            "mount": draw(st.sampled_from(["desk", "arm", "independent"])),
            "directly_in_front": draw(st.booleans()),
            "glare": draw(st.booleans()),
            "reads_documents": draw(st.booleans()),
            "document_holder": draw(st.booleans()),
        },
        "keyboard": {
            "wrists_straight": draw(st.booleans()),
            "wrists_deviate": draw(st.booleans()),
            "reaches_overhead": draw(st.booleans()),
        },
        "mouse": {
            "in_line_with_shoulder": draw(st.booleans()),
            "same_surface_as_keyboard": draw(st.booleans()),
            "pinch_grip": draw(st.booleans()),
            "hard_palm_rest": draw(st.booleans()),
        },
        "phone": {
            "use": draw(st.sampled_from(["none", "handset", "headset", "speaker"])),
            "within_reach": draw(st.booleans()),
            "neck_shoulder_hold": draw(st.booleans()),
            "hours_per_day": draw(_length(0, 24)),
        },
        "habits": {
            "hours_per_day": draw(_length(0, 24)),
            "longest_stretch_min": draw(st.integers(0, 1440)),
            "crosses_legs": draw(st.sampled_from(["never", "sometimes", "often"])),
        },
    }
    if draw(st.booleans()):
        doc["keyboard"]["home_row_above_surface_cm"] = draw(_length(0, 10))
    return doc


@st.composite
def with_symptoms(draw: st.DrawFn, docs: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A generated profile with some of the symptoms reported (they order the advice and
    never change the plan: tests/core/engine/test_advice_symptoms.py)."""
    doc = draw(docs)
    troubles = draw(st.sets(st.sampled_from(sorted(Symptoms.model_fields)), max_size=8))
    if troubles:
        doc["symptoms"] = dict.fromkeys(sorted(troubles), True)
    return doc


@pytest.fixture(scope="session")
def profile_docs() -> st.SearchStrategy[dict[str, Any]]:
    """Hypothesis strategy: valid profile documents over the whole input space."""
    return profile_doc_strategy()


@pytest.fixture(scope="session")
def estimated_body_docs() -> st.SearchStrategy[dict[str, Any]]:
    """Hypothesis strategy: valid profile documents with every body dimension estimated."""
    return profile_doc_strategy(measured=False)


@st.composite
def with_slider(draw: st.DrawFn, docs: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A generated profile whose seat slider's travel is known where the seat slides."""
    doc = draw(docs)
    chair = doc["chair"]
    depth = chair.get("seat_depth_cm")
    if chair.get("depth_adjustable") and depth is not None and draw(st.booleans()):
        chair["seat_depth_min_cm"] = draw(_length(25, depth))
        chair["seat_depth_max_cm"] = draw(_length(depth, 70))
    return doc


@st.composite
def with_screens(draw: st.DrawFn, docs: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A generated profile with the workstation's screens and standing as they come: a
    laptop, a second screen beside or below, the laptop's own keys, and what standing
    changes (docs/workstations.md). A wrapper, so the profiles drawn before are unchanged."""
    doc = draw(docs)
    mon = doc["monitor"]
    mon["kind"] = draw(st.sampled_from(["external", "external", "laptop"]))
    second = draw(st.sampled_from(["none", "none", "external", "laptop"]))
    mon["second_screen"] = second
    if second != "none":
        mon["screens_use"] = draw(st.sampled_from(["main", "equal"]))
        mon["second_position"] = draw(st.sampled_from(["side", "below"]))
        mon["second_top_height_cm"] = draw(_length(40, 250))
        if draw(st.booleans()):
            mon["second_distance_cm"] = draw(_length(20, 200))
    if "laptop" in (mon["kind"], second):
        mon["laptop_keyboard"] = draw(st.booleans())
    desk = doc["desk"]
    if desk.get("sit_stand"):
        if draw(st.booleans()):
            desk["standing_shoe_allowance_cm"] = draw(_length(0, 15))
        desk["standing_mat_cm"] = draw(st.one_of(st.just(0.0), _length(0, 5)))
        if draw(st.booleans()):
            desk["standing_screen_top_cm"] = draw(_length(40, 250))
        if draw(st.booleans()):
            doc["body"]["elbow_height_standing_cm"] = draw(_length(60, 160))
    return doc


@st.composite
def with_tray_range(draw: st.DrawFn, docs: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A generated profile whose adjustable keyboard tray sometimes has its range measured:
    the lowest, the highest or both, around the tray's height (a wrapper: the examples it
    wraps are drawn as before). The highest is mostly under the desk top, where trays stop,
    and sometimes anywhere the model allows (the plan still keeps 2.5 cm under the top)."""
    doc = draw(docs)
    desk = doc["desk"]
    tray = desk.get("keyboard_tray_height_cm")
    if not (desk.get("keyboard_tray") and desk.get("keyboard_tray_adjustable")) or tray is None:
        return doc
    ends = draw(st.sampled_from(["none", "min", "max", "both", "both"]))
    if ends in ("min", "both"):
        desk["keyboard_tray_min_cm"] = draw(_length(40, tray))
    if ends in ("max", "both"):
        top = max(tray, desk.get("height_max_cm") or desk["height_cm"])
        desk["keyboard_tray_max_cm"] = draw(st.one_of(_length(tray, top), _length(tray, 150)))
    return doc
