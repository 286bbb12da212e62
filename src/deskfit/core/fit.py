"""Ideal targets for a body (ergonomics.md §2) and settings for *this* workstation (§3).

The targets are what an infinitely adjustable office would give. The settings are what
to set on the furniture the person has: chair first, then desk or keyboard tray, then
footstool (Cornell, OSHA, Cascade), with the mismatch left over when furniture runs out of
range recorded in ``Fit.limits`` so the advice can say what to do about it.
Everything is computed in centimetres; ``round_for_people`` is applied last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deskfit.core.body import BodyDimensions, body_dimensions
from deskfit.core.profile import Profile, Units
from deskfit.core.units import round_for_people

SEAT_TOLERANCE = 2.5  # seat band ± around PH + S (our rule, ergonomics.md §2)
HOME_ROW_BELOW = 5.0  # home row may sit up to 5 cm below the elbow ...
HOME_ROW_ABOVE = 1.5  # ... and 1.5 cm above it (HFES postural envelope, OSHA item 7)
FOOTSTOOL_MIN = 2.5  # below this a footstool is not needed (§3 step 6)
FOOTSTOOL_ORDINARY_MAX = 15.0  # beyond ordinary footrests (§3 step 6)
FIXED_FOOTSTOOL_TOLERANCE = 2.0  # an owned fixed footstool is fine within ±2 (§3 step 6)
DESK_TOO_LOW_ADVISE = 5.0  # advise risers when the home row is this far below the elbow
VIEWING_DISTANCE = (60.0, 50.0, 75.0)  # ideal, low, high (OSHA; ROSA "too far" > 75)
LUMBAR_HEIGHT = (20.0, 15.0, 25.0)  # above the seat (BIFMA G1)
RECLINE = (100.0, 95.0, 110.0)  # seat to backrest, degrees (ROSA)
TRAY_BELOW_DESK = 2.5  # the highest an adjustable keyboard tray goes below the desk top
SEAT_CLEARANCE = (7.5, 5.0, 10.0)  # knee to seat edge (ROSA ≈ 3 in; "2–3 fingers to a fist")


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


@dataclass(frozen=True)
class Setup:
    """A workstation as set: heights from the floor (cm); 0 footstool means feet on the floor."""

    seat_height_cm: float
    footstool_height_cm: float
    work_surface_height_cm: float  # where the keyboard sits: the tray if one is used
    desk_height_cm: float
    keyboard_tray_height_cm: float | None
    monitor_top_height_cm: float
    viewing_distance_cm: float
    standing_work_surface_height_cm: float | None = None
    cushion_cm: float = 0.0  # a firm cushion on a seat too low to adjust

    def export_dict(self) -> dict[str, float]:
        """The JSON export's ``settings`` object: the four contract keys, then the extras."""
        out = {
            "seat_height_cm": self.seat_height_cm,
            "footstool_height_cm": self.footstool_height_cm,
            "work_surface_height_cm": self.work_surface_height_cm,
            "monitor_top_height_cm": self.monitor_top_height_cm,
            "desk_height_cm": self.desk_height_cm,
            "viewing_distance_cm": self.viewing_distance_cm,
        }
        if self.keyboard_tray_height_cm is not None:
            out["keyboard_tray_height_cm"] = self.keyboard_tray_height_cm
        if self.standing_work_surface_height_cm is not None:
            out["standing_work_surface_height_cm"] = self.standing_work_surface_height_cm
        if self.cushion_cm:
            out["cushion_cm"] = self.cushion_cm
        return out


@dataclass(frozen=True)
class Limits:
    """What the furniture could not reach, in cm (0 when nothing is left over)."""

    home_row_too_high_cm: float = 0.0  # chair tops out below the seat the desk needs
    home_row_too_low_cm: float = 0.0  # desk too low: raise it by this much (risers)
    seat_too_low_cm: float = 0.0  # fixed or bottomed-out seat too low: cushion this thick
    surface_cannot_lower_cm: float = 0.0  # adjustable desk/tray at its lowest, still high
    footstool_beyond_range_cm: float = 0.0  # owned adjustable footstool short by (+) / over (−)
    footstool_fixed_off_cm: float = 0.0  # owned fixed footstool: needed − owned (±)
    standing_surface_out_of_range_cm: float = 0.0  # sit-stand desk cannot reach standing height


@dataclass(frozen=True)
class Fit:
    body: BodyDimensions
    targets: dict[str, Band | None]
    current: Setup
    recommended: Setup
    footstool_needed_cm: float  # F, unrounded-to-stock: 0 when none is needed
    limits: Limits = field(default_factory=Limits)

    @property
    def foot_rest_level_cm(self) -> float:
        """PH + S: the seat height at which feet rest flat on the floor."""
        return self.body.popliteal_height.value + self.body.shoe_allowance_cm


def keyboard_offset(profile: Profile) -> float:
    """K: home row above the surface the keyboard stands on (3.0 standard, 1.5 laptop)."""
    return profile.keyboard.home_row_above_surface_cm


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
    k = keyboard_offset(profile)
    seat = body.popliteal_height.value + s
    home_row = seat + body.elbow_rest_height.value
    standing: Band | None = None
    if profile.desk.sit_stand:
        stand = body.elbow_height_standing.value + s - k
        standing = Band(stand, stand - HOME_ROW_BELOW, stand + HOME_ROW_ABOVE)
    bpl = body.buttock_popliteal_length.value
    return {
        "seat_height_cm": Band(seat, seat - SEAT_TOLERANCE, seat + SEAT_TOLERANCE),
        "keyboard_home_row_height_cm": Band(
            home_row, home_row - HOME_ROW_BELOW, home_row + HOME_ROW_ABOVE
        ),
        "work_surface_height_cm": Band(
            home_row - k, home_row - k - HOME_ROW_BELOW, home_row - k + HOME_ROW_ABOVE
        ),
        "monitor_top_height_cm": monitor_band(
            eye_height(seat, body), profile.body.lenses == "progressive"
        ),
        "viewing_distance_cm": Band(*VIEWING_DISTANCE),
        "seat_depth_cm": Band(
            bpl - SEAT_CLEARANCE[0], bpl - SEAT_CLEARANCE[2], bpl - SEAT_CLEARANCE[1]
        ),
        "lumbar_support_height_cm": Band(*LUMBAR_HEIGHT),
        "backrest_recline_deg": Band(*RECLINE),
        "standing_work_surface_height_cm": standing,
    }


def _clamp(x: float, lo: float | None, hi: float | None) -> float:
    if lo is not None and x < lo:
        return lo
    if hi is not None and x > hi:
        return hi
    return x


def current_setup(profile: Profile) -> Setup:
    """The workstation as answered."""
    desk, tray, stool = profile.desk, profile.desk.keyboard_tray_height_cm, profile.footstool
    uses_tray = desk.keyboard_tray and tray is not None
    foot = stool.height_cm if stool.owned and stool.in_use and stool.height_cm else 0.0
    return Setup(
        seat_height_cm=profile.chair.seat_height_cm,
        footstool_height_cm=foot,
        work_surface_height_cm=tray if uses_tray and tray is not None else desk.height_cm,
        desk_height_cm=desk.height_cm,
        keyboard_tray_height_cm=tray if uses_tray else None,
        monitor_top_height_cm=profile.monitor.top_height_cm,
        viewing_distance_cm=profile.monitor.distance_cm,
        standing_work_surface_height_cm=desk.height_cm if desk.sit_stand else None,
    )


def fit(profile: Profile, body: BodyDimensions | None = None) -> Fit:
    """Targets and this workstation's settings, in the order ergonomics.md §3 gives."""
    body = body or body_dimensions(profile.body)
    targets = targets_for(profile, body)
    current = current_setup(profile)
    chair, desk, stool = profile.chair, profile.desk, profile.footstool
    k = keyboard_offset(profile)
    erh = body.elbow_rest_height.value
    rest = body.popliteal_height.value + body.shoe_allowance_cm  # PH + S
    limits: dict[str, float] = {}
    units = profile.units

    # 1. The working surface W: the keyboard tray if one is used, else the desk.
    uses_tray = current.keyboard_tray_height_cm is not None
    w = current.work_surface_height_cm
    w_adjustable = desk.keyboard_tray_adjustable if uses_tray else desk.height_adjustable
    w_lo, w_hi = (None, None)
    if w_adjustable and not uses_tray:
        w_lo, w_hi = desk.height_min_cm, desk.height_max_cm
    elif w_adjustable and uses_tray:
        # A tray hangs below the desk top and its mechanism needs room there; the profile
        # does not record a tray's range, so take 40 cm to the desk top less 2.5 (our rule).
        w_hi = desk.height_cm - TRAY_BELOW_DESK
        w_lo = min(40.0, w_hi)

    # 2. The seat the body wants, within the chair's range.
    if chair.height_adjustable:
        seat_lo, seat_hi = chair.seat_height_min_cm, chair.seat_height_max_cm
    else:
        seat_lo = seat_hi = chair.seat_height_cm
    seat0 = _clamp(rest, seat_lo, seat_hi)

    # 3. An adjustable surface goes to the seat's elbow height (at its limit if it must).
    if w_adjustable:
        wanted = seat0 + erh - k
        w = _clamp(wanted, w_lo, w_hi)
        if w > wanted:
            limits["surface_cannot_lower_cm"] = w - wanted

    # 4. With W set, the seat that puts the home row at elbow height.
    seat_needed = w + k - erh
    if abs(seat_needed - rest) <= SEAT_TOLERANCE or seat_needed > rest + SEAT_TOLERANCE:
        seat = _clamp(seat_needed, seat_lo, seat_hi)
        if seat_needed - seat > 0.05:
            limits["home_row_too_high_cm"] = seat_needed - seat
    else:  # the desk is too low for this body: keep the seat for the legs
        seat = seat0
        below = (seat + erh) - (w + k)
        if below > DESK_TOO_LOW_ADVISE:
            limits["home_row_too_low_cm"] = below

    # 5. A seat that cannot come down far enough hangs the feet; one too low needs a cushion.
    cushion = 0.0
    if seat < rest - SEAT_TOLERANCE:
        cushion = round_for_people(rest - seat, units)
        limits["seat_too_low_cm"] = cushion
        seat += cushion  # the top of the cushion is the seat now
        if w_adjustable:  # the cushion lifts the elbows: an adjustable surface follows
            w = _round_within(seat + erh - k, units, w_lo, w_hi)
    elif chair.height_adjustable:
        # 8. Rounded for people, inside the chair's range, and (with the feet on the
        # floor) inside the seat band, so rounding never creates a problem of its own.
        feet_on_floor = seat - rest < FOOTSTOOL_MIN
        band_lo = max(seat_lo or 0.0, rest - SEAT_TOLERANCE) if feet_on_floor else seat_lo
        band_hi = min(seat_hi or 999.0, rest + SEAT_TOLERANCE) if feet_on_floor else seat_hi
        seat = _round_within(seat, units, band_lo, band_hi)
    if w_adjustable and not cushion:
        w = _round_within(w, units, w_lo, w_hi)
    if "home_row_too_high_cm" in limits:  # what is left once the seat is as high as it goes
        left = (w + k - erh) - seat
        if left > 0.05:
            limits["home_row_too_high_cm"] = left
        else:
            del limits["home_row_too_high_cm"]
    gap = seat - rest
    footstool = round_for_people(gap, units) if gap >= FOOTSTOOL_MIN else 0.0

    # 6. The footstool the person owns, against the one needed.
    if footstool and stool.owned and stool.height_cm is not None:
        if stool.adjustable and stool.height_min_cm is not None and stool.height_max_cm is not None:
            reachable = _clamp(footstool, stool.height_min_cm, stool.height_max_cm)
            if abs(reachable - footstool) > 0.05:
                limits["footstool_beyond_range_cm"] = footstool - reachable
        elif abs(stool.height_cm - footstool) > FIXED_FOOTSTOOL_TOLERANCE:
            limits["footstool_fixed_off_cm"] = footstool - stool.height_cm

    # Sit-stand: the standing surface within the desk's range.
    standing: float | None = None
    stand_target = targets["standing_work_surface_height_cm"]
    if stand_target is not None:
        reach = _clamp(stand_target.value, desk.height_min_cm, desk.height_max_cm)
        if abs(reach - stand_target.value) > 0.05:
            limits["standing_surface_out_of_range_cm"] = stand_target.value - reach
        standing = _round_within(reach, units, desk.height_min_cm, desk.height_max_cm)

    # 7. The monitor for the seat as set.
    monitor = round_for_people(
        monitor_band(eye_height(seat, body), profile.body.lenses == "progressive").value, units
    )
    distance = profile.monitor.distance_cm
    if not VIEWING_DISTANCE[1] <= distance <= VIEWING_DISTANCE[2]:
        distance = VIEWING_DISTANCE[0]  # outside arm's length: move it to the ideal
    distance = round_for_people(distance, units)

    recommended = Setup(
        seat_height_cm=seat,
        footstool_height_cm=footstool,
        work_surface_height_cm=w,
        desk_height_cm=desk.height_cm if uses_tray else w,
        keyboard_tray_height_cm=w if uses_tray else None,
        monitor_top_height_cm=monitor,
        viewing_distance_cm=distance,
        standing_work_surface_height_cm=standing,
        cushion_cm=cushion,
    )
    return Fit(
        body=body,
        targets=targets,
        current=current,
        recommended=recommended,
        footstool_needed_cm=footstool,
        limits=Limits(**{k2: round(v, 1) for k2, v in limits.items()}),
    )


def _round_within(x: float, units: Units, lo: float | None, hi: float | None) -> float:
    """x rounded for people (0.5 cm / 1/4 in) to the nearest step inside [lo, hi].

    Rounding must not carry a setting past what the furniture reaches or out of a band;
    when no step fits in the interval, the exact value is kept.
    """
    x = _clamp(x, lo, hi)
    step = 0.5 if units == "metric" else 0.635
    r = round_for_people(x, units)
    if hi is not None and r > hi + 1e-9:
        r = round_for_people(r - step, units)
    if lo is not None and r < lo - 1e-9:
        r = round_for_people(r + step, units)
    inside = (lo is None or r >= lo - 1e-9) and (hi is None or r <= hi + 1e-9)
    return r if inside else x
