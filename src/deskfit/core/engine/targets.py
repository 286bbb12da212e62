"""Ideal targets for a body (ergonomics.md §2): what an infinitely adjustable office gives.

The settings for *this* workstation, reached in order, are the plan (``plan.py``). The
constants here are the bands both use, each with its source.
"""

from __future__ import annotations

from dataclasses import dataclass

from deskfit.core.engine.body import BodyDimensions
from deskfit.core.model.profile import Profile

SEAT_TOLERANCE = 2.5  # seat band ± around PH + S (our rule, ergonomics.md §2)
HOME_ROW_BELOW = 5.0  # home row may sit up to 5 cm below the elbow ...
HOME_ROW_ABOVE = 1.5  # ... and 1.5 cm above it (HFES postural envelope, OSHA item 7)
FOOTSTOOL_MIN = 2.5  # below this a footstool is not needed (§3 step 6)
FOOTSTOOL_ORDINARY_MAX = 15.0  # beyond ordinary footrests (§3 step 6)
FOOTSTOOL_STANDARD_MAX = 11.0  # standard adjustable footrests reach this (DIN 4556, §3.3)
CUSHION_MAX = 5.0  # the thickest firm cushion deskfit suggests (§3.3)
CHAIR_SEAT_MAX = 56.0  # the highest seat ANSI/HFES 100-2007 asks a chair to reach (§3.3)
THIGH_ROOM = 2.0  # between the top of the thighs and the desk's underside (§3.2, our rule)
THIGH_TOLERANCE = 0.25  # a shortfall smaller than half a setting step is none (our rule)
TRAY_LOWEST = 40.0  # the lowest a keyboard tray is taken to go (our rule)
FIXED_FOOTSTOOL_TOLERANCE = 2.0  # an owned fixed footstool is fine within ±2 (§3 step 6)
DESK_TOO_LOW_ADVISE = 5.0  # advise risers when the home row is this far below the elbow
MONITOR_RISER_MIN = 5.0  # a smaller raise is a book, not a riser to buy (our rule)
MONITOR_TOLERANCE = 5.0  # the screen-top band is 5 cm either side of its ideal (§2, §3.4)
VIEWING_DISTANCE = (60.0, 50.0, 75.0)  # ideal, low, high (OSHA; ROSA "too far" > 75)
LUMBAR_HEIGHT = (20.0, 15.0, 25.0)  # above the seat (BIFMA G1)
RECLINE = (100.0, 95.0, 110.0)  # seat to backrest, degrees (ROSA)
TRAY_BELOW_DESK = 2.5  # the highest an adjustable keyboard tray goes below the desk top
SEAT_CLEARANCE = (7.5, 5.0, 10.0)  # knee to seat edge (ROSA ≈ 3 in; "2–3 fingers to a fist")
EXTERNAL_HOME_ROW = 3.0  # a separate standard keyboard's home row over the surface (§2)


@dataclass(frozen=True)
class Band:
    """An ideal value and the acceptable range around it."""

    value: float
    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        return {
            "value": round(self.value, 1),
            "low": round(self.low, 1),
            "high": round(self.high, 1),
        }

    def contains(self, x: float) -> bool:
        return self.low - 1e-9 <= x <= self.high + 1e-9


def keyboard_offset(profile: Profile) -> float:
    """K: home row above the surface the keyboard stands on (3.0 standard, 1.5 laptop)."""
    return profile.keyboard.home_row_above_surface_cm


def types_on_laptop(profile: Profile) -> bool:
    """The keys are the laptop's own: its screen cannot be raised without them."""
    mon = profile.monitor
    return bool(mon.laptop_keyboard) and mon.asks("laptop_keyboard")


def planned_keyboard_offset(profile: Profile) -> float:
    """K once the plan is followed: typing on a laptop's own keys, the plan's first step is
    a separate keyboard (docs/workstations.md §1), and every height is set for it."""
    return EXTERNAL_HOME_ROW if types_on_laptop(profile) else keyboard_offset(profile)


def standing_lift(profile: Profile, body: BodyDimensions) -> float:
    """How much higher than barefoot a person stands: heels and mat (workstations.md §3)."""
    desk = profile.desk
    shoes = desk.standing_shoe_allowance_cm
    return (body.shoe_allowance_cm if shoes is None else shoes) + desk.standing_mat_cm


def standing_eye(profile: Profile, body: BodyDimensions) -> float:
    return body.eye_height_standing.value + standing_lift(profile, body)


def standing_surface(profile: Profile, body: BodyDimensions) -> float:
    """The standing work surface: the home row at the elbow (§2), in the shoes and on the
    mat the person stands in, for the keyboard the plan leaves."""
    elbow = body.elbow_height_standing.value + standing_lift(profile, body)
    return elbow - planned_keyboard_offset(profile)


def eye_height(seat_cm: float, body: BodyDimensions) -> float:
    return seat_cm + body.eye_height_sitting.value


def monitor_band(eye_cm: float, progressive: bool) -> Band:
    """Top edge of the screen at or a little below eye level; lower for bifocal wearers."""
    if progressive:
        return Band(eye_cm - 10, eye_cm - 15, eye_cm - 5)
    return Band(eye_cm - 5, eye_cm - 10, eye_cm)


def targets_for(profile: Profile, body: BodyDimensions) -> dict[str, Band | None]:
    """The ideals for this body, each with its band (ergonomics.md §2)."""
    s = body.shoe_allowance_cm
    k = planned_keyboard_offset(profile)
    seat = body.popliteal_height.value + s
    home_row = seat + body.elbow_rest_height.value
    progressive = profile.body.lenses == "progressive"
    standing: Band | None = None
    standing_screen: Band | None = None
    if profile.desk.stands:
        stand = standing_surface(profile, body)
        standing = Band(stand, stand - HOME_ROW_BELOW, stand + HOME_ROW_ABOVE)
        standing_screen = monitor_band(standing_eye(profile, body), progressive)
    bpl = body.buttock_popliteal_length.value
    return {
        "seat_height_cm": Band(seat, seat - SEAT_TOLERANCE, seat + SEAT_TOLERANCE),
        "keyboard_home_row_height_cm": Band(
            home_row, home_row - HOME_ROW_BELOW, home_row + HOME_ROW_ABOVE
        ),
        "work_surface_height_cm": Band(
            home_row - k, home_row - k - HOME_ROW_BELOW, home_row - k + HOME_ROW_ABOVE
        ),
        "monitor_top_height_cm": monitor_band(eye_height(seat, body), progressive),
        "viewing_distance_cm": Band(*VIEWING_DISTANCE),
        "seat_depth_cm": Band(
            bpl - SEAT_CLEARANCE[0], bpl - SEAT_CLEARANCE[2], bpl - SEAT_CLEARANCE[1]
        ),
        "lumbar_support_height_cm": Band(*LUMBAR_HEIGHT),
        "backrest_recline_deg": Band(*RECLINE),
        "standing_work_surface_height_cm": standing,
        "standing_monitor_top_height_cm": standing_screen,
    }


def thighs_short(sitting_cm: float, desk_cm: float, thickness_cm: float, thigh_cm: float) -> float:
    """How far the desk's underside is below the tops of the thighs plus room to move
    (§3.2): more than THIGH_TOLERANCE is too little room; ≤ 0 fits with room to spare."""
    return sitting_cm + thigh_cm + THIGH_ROOM - (desk_cm - thickness_cm)
