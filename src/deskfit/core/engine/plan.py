"""The plan: this workstation's settings as steps to do in order (ergonomics.md §3, §3.1–§3.3).

Chair (and cushion) first, then the desk or keyboard tray, then the footstool, then the
screen. Each step starts from the state the earlier steps left: a desk that moves carries
the screen standing on it (or on an arm clamped to it) and a keyboard tray hung under it;
a cushion raises everything measured from the seat. Every number the advice, the tables,
the drawing and the report show is read from here.

Following the plan leaves nothing to change: ``apply_plan(profile, plan)`` gives a profile
whose own plan is empty and whose ROSA score is the original's ``rosa_after``. Two habits
make that hold. A decision keeps what already sits within one rounding step of its ideal,
so a rounded setting is never moved again. And a decision reads only what the plan cannot
change (the body, the furniture's ranges) or what an earlier step has decided; where a
step changes something a decision reads (a desk raised on risers, a tray fitted, a
cushion), the decision made on the new state lands on the same settings.

Everything is in centimetres; settings are rounded for people (0.5 cm, 1/4 in) as they
are decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.targets import (
    CUSHION_MAX,
    DESK_TOO_LOW_ADVISE,
    EXTERNAL_HOME_ROW,
    FIXED_FOOTSTOOL_TOLERANCE,
    FOOTSTOOL_MIN,
    FOOTSTOOL_ORDINARY_MAX,
    FOOTSTOOL_STANDARD_MAX,
    HOME_ROW_ABOVE,
    HOME_ROW_BELOW,
    MONITOR_RISER_MIN,
    SEAT_CLEARANCE,
    SEAT_TOLERANCE,
    THIGH_ROOM,
    THIGH_TOLERANCE,
    TRAY_BELOW_DESK,
    TRAY_LOWEST,
    VIEWING_DISTANCE,
    keyboard_offset,
    monitor_band,
    planned_keyboard_offset,
    standing_eye,
    standing_surface,
    thighs_short,
    types_on_laptop,
)
from deskfit.core.model.profile import Profile, Units
from deskfit.core.model.units import round_for_people

EPS = 1e-6
NOTICEABLE_CM = 0.5  # a smaller move is not worth asking a person to make
CARRIED_BY_DESK = ("desk", "arm")  # monitor mounts that rise and fall with the desk top
# The model's ranges for what a step may set: a plan never writes an invalid profile.
MONITOR_TOP_RANGE = (40.0, 250.0)
DESK_RANGE = (40.0, 150.0)
SEAT_DEPTH_RANGE = (25.0, 70.0)
FOOTSTOOL_RANGE = (0.0, 40.0)


def step_cm(units: Units) -> float:
    """One rounding step: what a person can set and read (0.5 cm, or 1/4 in)."""
    return 0.5 if units == "metric" else 0.635


@dataclass(frozen=True)
class Setup:
    """A workstation as set, heights from the floor in cm.

    ``seat_height_cm`` is the chair's own setting; a cushion on it raises where you sit
    (``sitting_height_cm``). ``footstool_height_cm`` 0 means feet on the floor.
    """

    seat_height_cm: float
    cushion_cm: float
    desk_height_cm: float
    keyboard_tray_height_cm: float | None  # None: no tray in use
    footstool_height_cm: float
    monitor_top_height_cm: float
    viewing_distance_cm: float
    seat_depth_cm: float | None = None
    standing_work_surface_height_cm: float | None = None
    home_row_above_surface_cm: float = EXTERNAL_HOME_ROW  # K: the keyboard in use
    second_monitor_top_height_cm: float | None = None  # None: no second screen
    second_viewing_distance_cm: float | None = None
    standing_monitor_top_height_cm: float | None = None  # None: not known, or no standing

    @property
    def sitting_height_cm(self) -> float:
        return self.seat_height_cm + self.cushion_cm

    @property
    def work_surface_height_cm(self) -> float:
        """Where the keyboard sits: the tray if one is used, else the desk top."""
        tray = self.keyboard_tray_height_cm
        return tray if tray is not None else self.desk_height_cm

    def export_dict(self) -> dict[str, float]:
        """The JSON export's ``settings``: the four contract keys, then the extras."""
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
        if self.seat_depth_cm is not None:
            out["seat_depth_cm"] = self.seat_depth_cm
        for key in (
            "second_monitor_top_height_cm",
            "second_viewing_distance_cm",
            "standing_monitor_top_height_cm",
        ):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return {k: _exact(v) for k, v in out.items()}


def _exact(x: float) -> float:
    # Written as computed, never rounded again: a rounded copy of a seat at the bottom of
    # its range could fall outside it. Quarter inches are exact already (19 in = 48.26).
    return x + 0.0


def current_setup(profile: Profile) -> Setup:
    """The workstation as answered."""
    desk, stool, chair, mon = profile.desk, profile.footstool, profile.chair, profile.monitor
    tray = desk.keyboard_tray_height_cm if desk.keyboard_tray else None
    foot = stool.height_cm if stool.owned and stool.in_use and stool.height_cm else 0.0
    second = mon.second_top_height_cm if mon.asks("second_top_height_cm") else None
    second_distance = mon.second_distance_cm or mon.distance_cm
    return Setup(
        seat_height_cm=chair.seat_height_cm,
        cushion_cm=chair.cushion_cm,
        desk_height_cm=desk.height_cm,
        keyboard_tray_height_cm=tray,
        footstool_height_cm=foot,
        monitor_top_height_cm=profile.monitor.top_height_cm,
        viewing_distance_cm=profile.monitor.distance_cm,
        seat_depth_cm=chair.seat_depth_cm,
        standing_work_surface_height_cm=desk.height_cm if desk.stands else None,
        home_row_above_surface_cm=keyboard_offset(profile),
        second_monitor_top_height_cm=second,
        second_viewing_distance_cm=second_distance if second is not None else None,
        standing_monitor_top_height_cm=(
            desk.standing_screen_top_cm if desk.asks("standing_screen_top_cm") else None
        ),
    )


# -- the plan's shape --------------------------------------------------------------------

# Each key a step may change, what people call it, and the advice line that says it when
# nothing more specific does. Their order is the plan's order (§3.1).
STEP_KEYS: dict[str, str] = {
    "keyboard.home_row_above_surface_cm": "Keyboard",
    "chair.seat_height_cm": "Seat height",
    "chair.cushion_cm": "Seat cushion",
    "chair.seat_depth_cm": "Seat depth",
    "desk.height_cm": "Desk height",
    "desk.keyboard_tray_height_cm": "Keyboard tray",
    "footstool.height_cm": "Footstool",
    "monitor.top_height_cm": "Screen top",
    "monitor.distance_cm": "Screen distance",
    "monitor.second_top_height_cm": "Second screen top",
    "monitor.second_distance_cm": "Second screen distance",
    "desk.standing_screen_top_cm": "Screen top standing",
}


@dataclass(frozen=True)
class Step:
    """One thing to do: set ``key`` from ``from_cm`` (at this point of the plan) to ``to_cm``.

    ``from_cm`` is None when the thing is not there yet (a footstool, a tray, a cushion to
    get); ``carried_cm`` is how far an earlier step moved it (the desk carrying the screen
    or the tray), already included in ``from_cm``. ``buy`` names a purchase the step needs.
    A footstool step to 0 means: put it aside, feet on the floor.
    """

    number: int
    key: str
    from_cm: float | None
    to_cm: float
    advice_id: str
    carried_cm: float = 0.0
    buy: str | None = None

    @property
    def label(self) -> str:
        return STEP_KEYS[self.key]

    @property
    def change_cm(self) -> float:
        """What this step itself moves (the carry already happened)."""
        return self.to_cm - (self.from_cm or 0.0)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "step": self.number,
            "key": self.key,
            "from_cm": None if self.from_cm is None else _exact(self.from_cm),
            "to_cm": _exact(self.to_cm),
            "advice_id": self.advice_id,
            "label": self.label,
        }
        if self.carried_cm:
            out["carried_cm"] = _exact(self.carried_cm)
        if self.buy:
            out["buy"] = self.buy
        return out


@dataclass(frozen=True)
class Findings:
    """Why the plan is what it is, and what it could not reach (cm; 0 when nothing)."""

    rest_cm: float  # PH + S: the sitting height at which the feet rest flat on the floor
    seat_needed_cm: float  # the sitting height that puts the home row at the elbows
    seat_from_elbows: bool = False  # the seat was set for the elbows at a fixed surface
    surface_at_lowest: bool = False  # an adjustable surface could not come down far enough
    home_row_high_cm: float = 0.0  # left at the end: home row above the elbows, beyond band
    home_row_low_cm: float = 0.0  # left at the end: home row below the elbows, beyond band
    home_row_offset_cm: float = 0.0  # at the end: home row above (+) or below (−) the elbows
    feet_gap_cm: float = 0.0  # at the end: sitting − foot support − (PH + S); 0 = feet fit
    seat_low_cm: float = 0.0  # left at the end: sitting below PH + S beyond the band
    thighs_short_cm: float = 0.0  # left at the end: desk underside below thighs + room
    thigh_room_made_cm: float = 0.0  # how much the plan moved seat or desk for the thighs
    thigh_room_by: str = ""  # "seat" (lowered) or "desk" (raised)
    footstool_cm: float = 0.0  # the footstool the body needs at the end (0: feet reach)
    footstool_short_cm: float = 0.0  # an owned adjustable one: needed − reachable (±)
    footstool_reused: bool = False  # an owned fixed one within ±2 of the need is used as is
    tray_route: str = ""  # "buy" / "remount": a tray leads, the tall footstool is the fallback
    tray_route_why: str = ""  # "footstool" (> 15 cm) or "chair" (the chair tops out)
    fallback_seat_cm: float = 0.0  # without the tray: the seat and footstool it would take
    fallback_footstool_cm: float = 0.0
    fallback_cushion_cm: float = 0.0
    fallback_screen_cm: float = 0.0  # ... and the screen top for it
    fallback_thighs_short_cm: float = 0.0  # ... and how short of room the thighs are then
    legs_sitting_cm: float = 0.0  # where the legs put you on this chair (with a cushion)
    surface_off_cm: float = 0.0  # an adjustable surface at an end: its height − the ideal
    fallback_home_row_high_cm: float = 0.0  # how far the home row stays above the elbows
    tall_footstool_tray_cm: float = 0.0  # F > 11: a tray at elbow height instead, and ...
    tall_footstool_desk_cm: float = 0.0  # ... the desk height that does the same
    tall_footstool_seat_cm: float = 0.0  # ... with the seat here
    tall_footstool_feet_cm: float = 0.0  # ... and the footstool that seat still needs
    risers_cm: float = 0.0  # the desk raised on risers by this much
    standing_short_cm: float = 0.0  # sit-stand: ideal standing height − what the desk reaches


@dataclass(frozen=True)
class Plan:
    start: Setup
    end: Setup
    steps: tuple[Step, ...]
    findings: Findings

    def step(self, key: str) -> Step | None:
        return next((s for s in self.steps if s.key == key), None)

    @property
    def purchases(self) -> list[Step]:
        return [s for s in self.steps if s.buy]


# -- deciding ------------------------------------------------------------------------------


def _clamp(x: float, lo: float | None, hi: float | None) -> float:
    if hi is not None and x > hi:
        x = hi
    if lo is not None and x < lo:
        x = lo
    return x


def _round_within(x: float, units: Units, lo: float | None, hi: float | None) -> float:
    """x rounded for people to the nearest step inside [lo, hi] (x itself if none fits)."""
    x = _clamp(x, lo, hi)
    step = step_cm(units)
    r = round_for_people(x, units)
    if hi is not None and r > hi + EPS:
        r = round_for_people(r - step, units)
    if lo is not None and r < lo - EPS:
        r = round_for_people(r + step, units)
    inside = (lo is None or r >= lo - EPS) and (hi is None or r <= hi + EPS)
    if inside:
        # within EPS of a bound is the bound: 40.0 must not undercut a minimum of 40.00000000000001
        return _clamp(r, lo, hi)
    # No readable setting fits: take a bound, the one a person can find (the end of the
    # furniture's range, typed in tenths) rather than one worked out to the hundredth.
    bounds = [b for b in (lo, hi) if b is not None]
    typed = [b for b in bounds if abs(b * 10 - round(b * 10)) < 1e-6]
    return min(typed or bounds, key=lambda b: abs(b - x)) if bounds else x


def _settle(
    now: float | None, ideal: float, units: Units, lo: float | None = None, hi: float | None = None
) -> float:
    """What to set: ``now`` when it is inside [lo, hi] and within a step of the ideal (or
    less than a noticeable move from where rounding would put it), else the ideal rounded
    for people inside [lo, hi]."""
    target = _round_within(ideal, units, lo, hi)
    if now is not None:
        inside = (lo is None or now >= lo - EPS) and (hi is None or now <= hi + EPS)
        near = abs(now - _clamp(ideal, lo, hi)) <= step_cm(units) + EPS
        if inside and (near or abs(now - target) < NOTICEABLE_CM - EPS):
            return now
    return target


def _meet(*intervals: tuple[float | None, float | None]) -> tuple[float | None, float | None]:
    """The intersection of the intervals, taken in order of priority: one that would leave
    nothing is skipped (the earlier, more important ones win)."""
    lo: float | None = None
    hi: float | None = None
    for a, b in intervals:
        new_lo = a if lo is None else (lo if a is None else max(lo, a))
        new_hi = b if hi is None else (hi if b is None else min(hi, b))
        if new_lo is not None and new_hi is not None and new_lo > new_hi + EPS:
            continue
        lo, hi = new_lo, new_hi
    return lo, hi


@dataclass(frozen=True)
class _Surface:
    """The work surface W the keyboard sits on, and how it moves."""

    tray: bool  # the keyboard is on a tray
    now: float
    lo: float | None  # adjustable range; None, None: fixed
    hi: float | None
    via_desk: bool  # moving W means moving the desk (no tray, or a fixed tray under it)

    @property
    def adjustable(self) -> bool:
        return self.lo is not None and self.hi is not None


def tray_range(profile: Profile, desk_cm: float) -> tuple[float, float]:
    """An adjustable keyboard tray's range under a desk top at ``desk_cm``: as measured
    (``keyboard_tray_min_cm``, ``keyboard_tray_max_cm``), an end left blank taken as 40 cm
    and the desk top less 2.5 (our rule); a tray hangs below the desk top and its
    mechanism needs room there, so its top is never above that. The top may come out
    below the bottom: no room under so low a desk."""
    desk = profile.desk
    lo = desk.keyboard_tray_min_cm if desk.keyboard_tray_min_cm is not None else TRAY_LOWEST
    top = desk_cm - TRAY_BELOW_DESK
    if desk.keyboard_tray_max_cm is not None:
        top = min(top, desk.keyboard_tray_max_cm)
    return lo, top


def _tray_measured(profile: Profile) -> bool:
    desk = profile.desk
    return desk.keyboard_tray_min_cm is not None or desk.keyboard_tray_max_cm is not None


def _fits_under(profile: Profile, desk_cm: float) -> bool:
    """An adjustable tray's range leaves it room under a desk top at ``desk_cm``."""
    lo, top = tray_range(profile, desk_cm)
    return top >= lo


def _surface(profile: Profile, desk_cm: float | None = None) -> _Surface:
    """The work surface of ``profile``, with its desk at ``desk_cm`` (as answered if None)."""
    desk = profile.desk
    desk_height = desk.height_cm if desk_cm is None else desk_cm
    tray = desk.keyboard_tray_height_cm if desk.keyboard_tray else None
    d_lo, d_hi = (
        (desk.height_min_cm, desk.height_max_cm) if desk.height_adjustable else (None, None)
    )
    if tray is None:
        return _Surface(False, desk_height, d_lo, d_hi, via_desk=True)
    if desk.keyboard_tray_adjustable:
        # On an adjustable desk the top is the desk's highest: the desk can make room.
        lo, top = tray_range(profile, d_hi if d_hi is not None else desk_height)
        if top < lo:  # no room under so low a desk: the tray stays where it is
            return _Surface(True, tray, None, None, via_desk=False)
        return _Surface(True, tray, lo, top, via_desk=False)
    gap = desk_height - tray
    if d_lo is not None and d_hi is not None:  # a fixed tray rides on an adjustable desk
        return _Surface(True, tray, max(d_lo - gap, TRAY_LOWEST), d_hi - gap, via_desk=True)
    return _Surface(True, tray, None, None, via_desk=True)


@dataclass
class _Decided:
    """The sitting and work-surface decision, before footstool and screen."""

    seat: float
    cushion: float
    desk: float
    tray: float | None
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def sitting(self) -> float:
        return self.seat + self.cushion

    @property
    def surface(self) -> float:
        return self.tray if self.tray is not None else self.desk


class _Planner:
    """The decisions of one plan, in the order ergonomics.md §3 takes them."""

    def __init__(self, profile: Profile, body: BodyDimensions) -> None:
        self.p = profile
        self.units: Units = profile.units
        self.step = step_cm(self.units)
        self.rest = body.popliteal_height.value + body.shoe_allowance_cm  # PH + S
        self.erh = body.elbow_rest_height.value
        self.esh = body.eye_height_sitting.value
        self.tc = body.thigh_clearance.value
        self.k = planned_keyboard_offset(profile)
        self.thick = profile.desk.thickness_cm
        chair = profile.chair
        if chair.height_adjustable:
            self.c_lo = chair.seat_height_min_cm or chair.seat_height_cm
            self.c_hi = chair.seat_height_max_cm or chair.seat_height_cm
        else:
            self.c_lo = self.c_hi = chair.seat_height_cm
        self.seat0 = chair.seat_height_cm
        self.cushion0 = chair.cushion_cm
        self.surface = _surface(profile)
        self.body = body
        # the thickest cushion, as a thickness people can buy: 5 cm, or 2 in (§3.3)
        self.cushion_max = _round_up_within(CUSHION_MAX, self.units, 0.0, CUSHION_MAX + self.step)

    # sitting: a seat height on the chair, and a cushion on it ------------------------------

    def sit(
        self,
        ideal: float,
        *bands: tuple[float | None, float | None],
        short_ok: float,
        room_under: float | None = None,
        fresh: bool = False,
    ) -> tuple[float, float, float]:
        """(seat, cushion, lowered) for a sitting height near ``ideal``, inside the bands
        (in order of priority) where it can be.

        ``room_under`` is the height of a desk that cannot move: the thighs must fit under
        it (§3.2), the band with the least priority; ``lowered`` is how far that brought
        the sitting height down.

        The chair moves first, with the cushion already on it, which stays while it fits:
        it is not so thick that the chair cannot come down far enough, and the chair at
        its top leaves you no more than ``short_ok`` short. Otherwise the cushion is the
        one this sitting height would get with none on the chair: none when the chair
        alone comes within ``short_ok``, else the shortfall, up to CUSHION_MAX. Deciding
        it afresh, never by trimming the one there, is what keeps the plan's choice the
        same once the person has done it. ``fresh`` decides the cushion as if there were
        none, for the decisions whose branch must not depend on a cushion a plan brought.
        """
        if not fresh and self.cushion0 > self.cushion_max:
            # A cushion thicker than deskfit would suggest, kept where it fits: judged once
            # with the usual reach, and, when it stays, with the reach it gives.
            first = self._sit(ideal, bands, short_ok, room_under, fresh, self.cushion_max)
            if first[1] == self.cushion0:
                return self._sit(ideal, bands, short_ok, room_under, fresh, self.cushion0)[:3]
            # Thinned to what deskfit would suggest, it may leave the sitting height below
            # the band its own thickness reaches (the home row above the elbows): then the
            # person's cushion does better than the advice would, and it stays.
            own = self._sit(ideal, bands, short_ok, room_under, fresh, self.cushion0)
            low = bands[0][0] if bands else None
            if own[1] == self.cushion0 and low is not None and first[3] < low - EPS <= own[3]:
                return own[:3]
            return first[:3]
        return self._sit(ideal, bands, short_ok, room_under, fresh, self.cushion_max)[:3]

    def legs_reference(self, room_under: float | None) -> float:
        """The sitting height the legs ask for on this chair, before rounding and with the
        cushion chosen afresh: what a branch is decided on, so that a seat kept a step off
        or a cushion the plan brought never decides it the other way the next time round."""
        return self._sit(
            self.rest,
            (self._legs_band(),),
            SEAT_TOLERANCE,
            room_under,
            True,
            self.cushion_max,
        )[3]

    def _sit(
        self,
        ideal: float,
        bands: tuple[tuple[float | None, float | None], ...],
        short_ok: float,
        room_under: float | None,
        fresh: bool,
        thickest: float,
    ) -> tuple[float, float, float, float]:
        # What the chair can give (with up to the thickest cushion) comes first: a band it
        # cannot reach must not decide the cushion or the seat.
        lo, hi = _meet((self.c_lo, self.c_hi + thickest), *bands)
        free = _clamp(ideal, lo, hi)
        thigh_cap: float | None = None
        if room_under is not None:  # as low as the bands allow, if the thighs need it
            # within THIGH_TOLERANCE the thighs fit (§3.2), which also lets the seat land
            # on a setting people can read rather than between two
            cap = self._thighs_cap(room_under) - 2 * EPS
            # never below any band's low edge, even one the chair cannot reach
            edges = [b[0] for b in bands if b[0] is not None] + ([lo] if lo is not None else [])
            edge = max(edges) if edges else None
            if edge is not None and cap < edge + self.step:
                # pressed against the bands, the thighs get their lowest edge, within a
                # step above it: a setting people can read, and one a seat there keeps
                ideal, cap = min(ideal, edge), edge + self.step
            hi = cap if hi is None else min(hi, cap)
            thigh_cap = cap
        target = _clamp(ideal, lo, hi)
        # what the chair, with its cushion, must reach: the bands' low end (or short_ok
        # below the target where no band says), so that a cushion is added exactly when
        # the sitting height would otherwise fall out of its band
        asked, asked_hi = _meet(*bands) if bands else (None, None)
        reach = min(asked, self.c_hi + self.cushion_max) if asked is not None else target - short_ok
        # too thick: sitting higher than the bands asked for (the chair's reach does not count)
        ceiling = min(x for x in (hi, asked_hi) if x is not None) if hi is not None else asked_hi
        top = max(target + self.step, ceiling if ceiling is not None else target)

        def fits(c: float) -> bool:
            return self.c_lo + c <= top + EPS and self.c_hi + c >= reach - EPS

        c = 0.0 if fresh else self.cushion0
        if not (c > 0 and fits(c)):
            c = 0.0
            if self.c_hi < reach - EPS:  # rounded so that the sitting height stays in band
                thickest = self.cushion_max
                least = reach - self.c_hi
                most = thickest if hi is None else min(thickest, hi - self.c_lo)
                c = min(thickest, _round_within(target - self.c_hi, self.units, least, most))
                if abs(round_for_people(c, self.units) - c) > EPS:  # none readable in band:
                    c = _round_up_within(least, self.units, 0.0, thickest)  # reach it
        seat_lo, seat_hi = _meet(
            (self.c_lo, self.c_hi),
            (None if lo is None else lo - c, None if hi is None else hi - c),
        )
        seat = _settle(self.seat0, target - c, self.units, seat_lo, seat_hi)
        if len(bands) > 1 and not self._settable(seat):
            # The bands meet where no setting people can read lies (a window narrower than
            # a step): the first, the most important, decides alone, as ``_meet`` would
            # have it had they not met at all.
            one_lo, one_hi = _meet((self.c_lo, self.c_hi + thickest), bands[0])
            if thigh_cap is not None:
                one_hi = thigh_cap if one_hi is None else min(one_hi, thigh_cap)
            seat_lo, seat_hi = _meet(
                (self.c_lo, self.c_hi),
                (None if one_lo is None else one_lo - c, None if one_hi is None else one_hi - c),
            )
            seat = _settle(self.seat0, target - c, self.units, seat_lo, seat_hi)
        # the sitting height aimed at, the chair's reach with that cushion applied
        aimed = _clamp(target - c, self.c_lo, self.c_hi) + c
        return _clamp(seat, self.c_lo, self.c_hi), c, max(0.0, free - target), aimed

    def _settable(self, seat: float) -> bool:
        """A seat height people can set: a readable one, or an end of the chair's range."""
        readable = abs(round_for_people(seat, self.units) - seat) < 1e-6
        return readable or any(abs(seat - end) < 1e-6 for end in (self.c_lo, self.c_hi))

    def _fixed_desk(self, desk: float) -> float | None:
        """The desk the thighs must fit under when nothing will raise it, else None."""
        return None if self.p.desk.height_adjustable else desk

    # the work surface ----------------------------------------------------------------------

    def decide(self) -> _Decided:
        return self._decide(self.p.desk.height_cm)

    def _decide(self, desk0: float, *, risers: bool = True) -> _Decided:
        sf = self.surface
        if sf.adjustable:
            seat, c, lowered = self.sit(
                self.rest,
                self._legs_band(),
                short_ok=SEAT_TOLERANCE,
                room_under=self._fixed_desk(desk0),
            )
            wanted = seat + c + self.erh - self.k
            reference = self.legs_reference(self._fixed_desk(desk0)) + self.erh - self.k
            assert sf.lo is not None and sf.hi is not None
            if sf.lo - EPS <= reference <= sf.hi + EPS:
                w = self._settle_surface(wanted, (sf.lo, sf.hi))
                d = self._with_surface(seat, c, w, desk0, **_lowered(lowered))
                return self._thighs(d)
            # At the end of its range, exactly: the seat is then set from it, and a surface
            # kept a little off the end would move the seat the next time round.
            w = sf.lo if reference < sf.lo else sf.hi
            d = self._fixed_surface(w, desk0, at_lowest=reference < sf.lo, risers=risers)
            d.notes.setdefault("surface_off", w - reference)  # the end against the ideal
            return self._thighs(d)
        return self._thighs(self._fixed_surface(sf.now, desk0, risers=risers))

    def _legs_band(self) -> tuple[float, float]:
        # open at the top: a seat 2.5 above PH + S already needs a footstool (§3 step 6),
        # and a seat kept within EPS of the band must still be below that
        return self.rest - SEAT_TOLERANCE, self.rest + SEAT_TOLERANCE - 2 * EPS

    def _settle_surface(self, wanted: float, rng: tuple[float | None, float | None]) -> float:
        """Where an adjustable surface goes: kept within a step, else rounded in range."""
        sf = self.surface
        if sf.via_desk and sf.tray:
            # a fixed tray rides on the desk: it is the desk that is set (rounded)
            gap = self.p.desk.height_cm - sf.now
            d_lo = None if rng[0] is None else rng[0] + gap
            d_hi = None if rng[1] is None else rng[1] + gap
            return _settle(self.p.desk.height_cm, wanted + gap, self.units, d_lo, d_hi) - gap
        return _settle(sf.now, wanted, self.units, *rng)

    def _with_surface(
        self, seat: float, c: float, w: float, desk0: float, **notes: Any
    ) -> _Decided:
        """The decision with the work surface at ``w``, moving what moves it."""
        sf = self.surface
        if not sf.tray:
            return _Decided(seat, c, w, None, dict(notes))
        if sf.via_desk:  # a fixed tray on the desk: the desk moves by as much
            gap = self.p.desk.height_cm - sf.now
            desk = _clamp(w + gap, self.p.desk.height_min_cm, self.p.desk.height_max_cm)
            return _Decided(seat, c, desk, desk - gap, dict(notes))
        if self.p.desk.height_adjustable and w > desk0 - TRAY_BELOW_DESK + EPS:
            # an adjustable desk rises to make room for the tray under it
            d_hi = self.p.desk.height_max_cm or DESK_RANGE[1]
            desk = _round_up_within(w + TRAY_BELOW_DESK, self.units, desk0, d_hi)
            return _Decided(seat, c, desk, w, dict(notes))
        return _Decided(seat, c, desk0, w, dict(notes))

    def _fixed_surface(
        self, w: float, desk0: float, *, at_lowest: bool = False, risers: bool = True
    ) -> _Decided:
        """§3 step 4: the surface is where it is (fixed, or at the end of its range)."""
        need = w + self.k - self.erh  # the sitting height that puts the home row at the elbows
        notes: dict[str, Any] = {"seat_needed": need, "surface_at_lowest": at_lowest}
        # Where the legs put you on this chair: PH + S when the chair reaches it. The desk
        # is too low or too high against that, not against PH + S (a chair that cannot come
        # down far enough hangs the feet whatever the desk does).
        _, c_l, _ = self.sit(self.rest, self._legs_band(), short_ok=SEAT_TOLERANCE, fresh=True)
        # compared before rounding: a seat kept a little off its ideal must not change the
        # branch taken the next time round
        legs = _clamp(self.rest - c_l, self.c_lo, self.c_hi) + c_l
        notes["legs_sitting"] = legs
        room = self._fixed_desk(desk0)
        if need < legs - SEAT_TOLERANCE:  # the surface is too low for this body
            below = legs + self.erh - (w + self.k)
            if below > DESK_TOO_LOW_ADVISE + EPS and risers and self._risers_fit():
                raised = self._risers(legs, w, desk0)
                if raised is not None:
                    return raised
            seat, c, lowered = self._sit_at_desk(
                None, self.rest, self._legs_band(), short_ok=SEAT_TOLERANCE, room_under=room
            )
            return self._with_surface(seat, c, w, desk0, **notes, **_lowered(lowered))
        band = (need - HOME_ROW_ABOVE, need + HOME_ROW_BELOW)
        if need <= legs + SEAT_TOLERANCE:  # the legs are fine where the elbows want it
            # the elbows first: where the chair cannot give both, a footstool makes up
            # for the legs, and nothing would for the elbows
            seat, c, lowered = self._sit_at_desk(
                need, need, band, self._legs_band(), short_ok=SEAT_TOLERANCE, room_under=room
            )
            if need - (seat + c) > HOME_ROW_ABOVE + EPS:  # the chair runs out (§3.3)
                notes["chair_short"] = need - (seat + c)
                tray = self._tray_route(w, desk0, notes, why="chair")
                if tray is not None:
                    return tray
            return self._with_surface(seat, c, w, desk0, **notes, **_lowered(lowered))
        # The surface is too high (the common case): the seat rises to it, feet on a stool.
        notes["seat_from_elbows"] = True
        if need - self.rest > FOOTSTOOL_ORDINARY_MAX + EPS:
            tray = self._tray_route(w, desk0, notes, why="footstool")
            if tray is not None:
                return tray
        seat, c, lowered = self._sit_at_desk(
            need, need, band, short_ok=HOME_ROW_ABOVE, room_under=room
        )
        if need - (seat + c) > HOME_ROW_ABOVE + EPS:
            notes["chair_short"] = need - (seat + c)
            tray = self._tray_route(w, desk0, notes, why="chair")
            if tray is not None:
                return tray
        return self._with_surface(seat, c, w, desk0, **notes, **_lowered(lowered))

    def _thighs_cap(self, desk: float) -> float:
        """The highest sitting height whose thighs fit under ``desk`` (§3.2)."""
        return desk - self.thick - self.tc - THIGH_ROOM + THIGH_TOLERANCE

    def _sit_at_desk(
        self,
        need: float | None,
        ideal: float,
        *bands: tuple[float | None, float | None],
        short_ok: float,
        room_under: float | None,
    ) -> tuple[float, float, float]:
        """``sit`` at a work surface that stays where it is, with a cushion the plan would
        bring that still leaves the knees up (the sitting height short of the legs' band)
        cut to the room the thighs have. Such a cushion changes no ROSA item for the legs,
        while thighs that no longer fit under the desk add one (§3.2): cut, following the
        plan never scores worse. ``need`` is the sitting height the elbows ask for (None
        where the desk is too low for the body): the cut is not made where it would change
        whether the chair runs out for them, which decides another route. Not in ``sit``
        itself: the legs' reference and the risers' lift are worked out from the full
        cushion, and cut there, the plan would not be the same the next time round."""
        seat, c, lowered = self.sit(ideal, *bands, short_ok=short_ok, room_under=room_under)
        return seat, self._cushion_the_thighs_allow(seat, c, room_under, need), lowered

    def _cushion_the_thighs_allow(
        self, seat: float, c: float, room_under: float | None, need: float | None
    ) -> float:
        desk = self.p.desk
        if room_under is None and desk.height_adjustable and not self.surface.tray:
            room_under = desk.height_max_cm  # an adjustable desk, at most at its top
        if room_under is None or c <= self.cushion0 + EPS:
            return c
        cap = self._thighs_cap(room_under)
        if seat + c >= self._legs_band()[0] - EPS or seat + c <= cap + EPS:
            return c
        room = cap - seat
        cut = _round_within(room, self.units, 0.0, room) if room >= self.step else 0.0
        cut = max(cut, self.cushion0)
        if need is None:  # the desk is too low for the body: no route hangs on the seat
            return cut
        short = need - (seat + c) > HOME_ROW_ABOVE + EPS
        return cut if (need - (seat + cut) > HOME_ROW_ABOVE + EPS) == short else c

    def _risers_fit(self) -> bool:
        # Risers go under a fixed desk, and lift what hangs under it (a tray's range too);
        # an adjustable desk, or a tray whose range was measured, would need its range
        # answered again.
        sf = self.surface
        if sf.tray and not sf.via_desk and _tray_measured(self.p):
            return False
        return not self.p.desk.height_adjustable and (sf.via_desk or sf.adjustable)

    def _risers(self, legs: float, w: float, desk0: float) -> _Decided | None:
        """A desk too low: raise it on risers (with what hangs under it) to the elbows, then
        decide the rest at the raised desk, as the plan will once the risers are there."""
        lift = legs + self.erh - self.k - w
        desk = _round_within(desk0 + lift, self.units, desk0, DESK_RANGE[1])
        lift = desk - desk0
        if lift <= EPS:
            return None
        if self.surface.via_desk:  # what hangs under the desk rises with it
            d = self._fixed_surface(w + lift, desk, risers=False)
        else:  # an adjustable tray: its range rises with the desk; decide again there
            surface, self.surface = self.surface, _surface(self.p, desk)
            try:
                d = self._decide(desk, risers=False)
            finally:
                self.surface = surface
        d.notes["risers"] = lift
        return d

    def _tray_route(
        self, w: float, desk0: float, notes: dict[str, Any], *, why: str
    ) -> _Decided | None:
        """§3.3: a keyboard tray at elbow height, seat for the legs, leads; None if no tray
        can do it (an adjustable tray is already as low as it goes)."""
        sf = self.surface
        if sf.tray and not sf.via_desk and (sf.adjustable or _tray_measured(self.p)):
            return None  # re-mounted, a tray's measured range would need answering again
        desk_top = self.p.desk.height_max_cm if self.p.desk.height_adjustable else None
        if not sf.tray:  # the desk is the surface: it stays where it is (or at its lowest)
            desk_top = None
        # The desk stays where the surface decision put it: at its lowest when it is the
        # surface, carrying a fixed tray where that tray was put.
        desk = w if not sf.tray else (w + self.p.desk.height_cm - sf.now if sf.via_desk else desk0)
        desk = _clamp(desk, self.p.desk.height_min_cm, self.p.desk.height_max_cm)
        seat, c, lowered = self.sit(
            self.rest,
            self._legs_band(),
            short_ok=SEAT_TOLERANCE,
            room_under=self._fixed_desk(desk),
            fresh=True,
        )
        wanted = seat + c + self.erh - self.k
        top = (desk_top if desk_top is not None else desk) - TRAY_BELOW_DESK
        # whether a tray can do it, judged before rounding (a seat kept a step off its
        # ideal must not decide it the other way the next time round)
        reference = _clamp(self.rest - c, self.c_lo, self.c_hi) + c + self.erh - self.k
        if not TRAY_LOWEST - EPS <= reference <= top + EPS:
            return None
        now = self.p.desk.keyboard_tray_height_cm if sf.tray else None
        if self.p.desk.height_adjustable:
            # The tray hangs on a desk that moves: at or just above the elbows, so that the
            # desk, at its lowest, is where the plan leaves it the next time round too.
            tray = _round_up_within(wanted, self.units, TRAY_LOWEST, top)
        else:
            tray = _settle(now, wanted, self.units, TRAY_LOWEST, top)
        if tray > desk - TRAY_BELOW_DESK + EPS:  # an adjustable desk rises to hang it there
            desk = _round_up_within(tray + TRAY_BELOW_DESK, self.units, desk, desk_top or desk)
        # Without the tray: the seat up at the desk and the footstool that takes.
        need = notes["seat_needed"]
        fb_seat, fb_c, _ = self.sit(need, short_ok=HOME_ROW_ABOVE)
        fb_sitting = fb_seat + fb_c
        fb_eye = fb_sitting + self.esh
        route_notes = dict(notes)
        route_notes.update(
            tray_route="remount" if sf.tray else "buy",
            tray_route_why=why,
            fallback_seat=fb_seat,
            fallback_cushion=fb_c,
            fallback_home_row_high=max(0.0, need - (fb_seat + fb_c)),
            fallback_footstool=_footstool_for(fb_sitting - self.rest, self.units),
            fallback_screen=round_for_people(
                monitor_band(fb_eye, self.p.body.lenses == "progressive").value, self.units
            ),
            fallback_thighs_short=_beyond(self.thighs_short(fb_sitting, desk0), THIGH_TOLERANCE),
            seat_from_elbows=False,
            **_lowered(lowered),
        )
        return _Decided(seat, c, desk, tray, route_notes)

    # room for the thighs (§3.2) -------------------------------------------------------------

    def thighs_short(self, sitting: float, desk: float) -> float:
        return thighs_short(sitting, desk, self.thick, self.tc)

    def _thighs(self, d: _Decided) -> _Decided:
        short = self.thighs_short(d.sitting, d.desk)
        if short <= THIGH_TOLERANCE:
            return d
        sf = self.surface
        if self.p.desk.height_adjustable:
            # Raise the desk. When it carries the keyboard (no tray, or a tray hung under
            # it), only as far as the home row may sit above the elbows.
            d_hi = self.p.desk.height_max_cm or d.desk
            if sf.via_desk:
                band_top = d.sitting + self.erh + HOME_ROW_ABOVE - self.k
                d_hi = min(d_hi, band_top + (d.desk - d.surface))
            desk = _round_up_within(d.desk + short, self.units, d.desk, d_hi)
            moved = desk - d.desk
            tray = d.tray
            if tray is not None and sf.via_desk:
                tray += moved
            elif tray is not None and _fits_under(self.p, desk):
                tray = min(tray, desk - TRAY_BELOW_DESK)  # an adjustable tray, under the desk
            notes = dict(d.notes, thigh_room_made=moved, thigh_room_by="desk")
            return _Decided(d.seat, d.cushion, desk, tray, notes)
        return d  # a fixed desk: the seat was already kept under it where the bands allow


def _footstool_for(gap: float, units: Units) -> float:
    """The footstool a gap under the feet needs: none under 2.5 cm (§3 step 6)."""
    return _round_within(gap, units, *FOOTSTOOL_RANGE) if gap >= FOOTSTOOL_MIN - EPS else 0.0


def _beyond(cm: float, tolerance: float) -> float:
    return cm if cm > tolerance else 0.0


def _lowered(cm: float) -> dict[str, Any]:
    """The notes of a seat brought down for the thighs under a fixed desk."""
    return {"thigh_room_made": cm, "thigh_room_by": "seat"} if cm > EPS else {}


def _round_up_within(x: float, units: Units, lo: float, hi: float) -> float:
    """The smallest setting people can read that is ≥ x and inside [lo, hi]; the largest
    one inside when none is ≥ x; lo when there is none at all."""
    step = step_cm(units)
    r = round_for_people(min(x, hi), units)
    if r < min(x, hi) - EPS:
        r = round_for_people(r + step, units)
    while r > hi + EPS:
        r = round_for_people(r - step, units)
    return r if r >= lo - EPS else lo


def make_plan(profile: Profile, body: BodyDimensions) -> Plan:
    """The plan for this profile and body: pure and deterministic."""
    pl = _Planner(profile, body)
    units = profile.units
    start = current_setup(profile)
    d = _within_the_model(pl.decide(), profile)
    sitting = d.sitting
    notes = d.notes

    # Footstool (§3 step 6): from the sitting height as set.
    gap = sitting - pl.rest
    need = _round_within(gap, units, *FOOTSTOOL_RANGE) if gap >= FOOTSTOOL_MIN - EPS else 0.0
    foot, reused = _footstool(profile, need)

    # The screen, for the eyes on the seat as set (§3 step 7).
    carry = d.desk - start.desk_height_cm
    monitor_start = start.monitor_top_height_cm
    if profile.monitor.mount in CARRIED_BY_DESK:
        monitor_start += carry
    eye = sitting + pl.esh
    ideal_top = monitor_band(eye, profile.body.lenses == "progressive").value
    top = _settle(monitor_start, ideal_top, units, *MONITOR_TOP_RANGE)
    distance = _distance(start.viewing_distance_cm, units)
    second, second_distance = _second_screen(profile, start, carry, top, units)

    depth = start.seat_depth_cm
    chair = profile.chair
    if chair.depth_adjustable and depth is not None:
        clearance = body.buttock_popliteal_length.value - depth
        if not SEAT_CLEARANCE[1] <= clearance <= SEAT_CLEARANCE[2]:
            ideal_depth = body.buttock_popliteal_length.value - SEAT_CLEARANCE[0]
            # within the slider's travel when it is known, else what seats are made
            lo = chair.seat_depth_min_cm or SEAT_DEPTH_RANGE[0]
            hi = chair.seat_depth_max_cm or SEAT_DEPTH_RANGE[1]
            depth = _settle(depth, ideal_depth, units, lo, hi)

    standing, standing_short = _standing(profile, body, units)
    standing_top = _standing_screen(profile, body, start, top, d.desk, standing, units)

    end = Setup(
        seat_height_cm=d.seat,
        cushion_cm=d.cushion,
        desk_height_cm=d.desk,
        keyboard_tray_height_cm=d.tray,
        footstool_height_cm=foot,
        monitor_top_height_cm=top,
        viewing_distance_cm=distance,
        seat_depth_cm=depth,
        standing_work_surface_height_cm=standing,
        home_row_above_surface_cm=pl.k,
        second_monitor_top_height_cm=second,
        second_viewing_distance_cm=second_distance,
        standing_monitor_top_height_cm=standing_top,
    )
    findings = _findings(pl, d, end, need, foot, reused, standing_short, notes)
    steps = _steps(profile, start, end, findings)
    return Plan(start=start, end=end, steps=steps, findings=findings)


def _within_the_model(d: _Decided, profile: Profile) -> _Decided:
    """The decision inside what a profile may hold (the desk's range, a tray of 40 cm or
    more below the desk top), whatever float arithmetic did to the last digit: applying
    the plan must give a valid profile."""
    desk = profile.desk
    lo, hi = (desk.height_min_cm, desk.height_max_cm) if desk.height_adjustable else (None, None)
    d.desk = _clamp(_clamp(d.desk, lo, hi), *DESK_RANGE)
    if d.tray is not None:
        d.tray = max(d.tray, TRAY_LOWEST)
        if d.tray >= d.desk:  # a tray must sit below the desk top
            d.tray = d.desk - TRAY_BELOW_DESK
    return d


def _footstool(profile: Profile, need: float) -> tuple[float, bool]:
    """The footstool height to use (0: feet on the floor), and whether it is an owned fixed
    one used as it is (within ±2 of the need, §3 step 6)."""
    stool = profile.footstool
    if not need:
        return 0.0, False
    if not stool.owned or stool.height_cm is None:
        return need, False
    if stool.adjustable and stool.height_min_cm is not None and stool.height_max_cm is not None:
        current = stool.height_cm if stool.in_use else None
        return _settle(
            current, need, profile.units, stool.height_min_cm, stool.height_max_cm
        ), False
    if abs(stool.height_cm - need) <= FIXED_FOOTSTOOL_TOLERANCE + EPS:
        return stool.height_cm, True
    return need, False


def _standing(profile: Profile, body: BodyDimensions, units: Units) -> tuple[float | None, float]:
    """The standing desk height for a sit-stand desk within its range, and the shortfall."""
    desk = profile.desk
    if not desk.stands:
        return None, 0.0
    ideal = standing_surface(profile, body)
    lo, hi = (desk.height_min_cm, desk.height_max_cm) if desk.height_adjustable else (None, None)
    reach = _clamp(ideal, lo, hi)
    return _round_within(reach, units, lo, hi), ideal - reach


def _distance(now: float, units: Units) -> float:
    """A screen's distance: kept inside the band, else to its ideal (§2)."""
    if VIEWING_DISTANCE[1] <= now <= VIEWING_DISTANCE[2]:
        return now
    return round_for_people(VIEWING_DISTANCE[0], units)


def second_rides(profile: Profile) -> bool:
    """A second screen moves with the desk: a laptop stands on it, and a second monitor is
    held as the main one is (docs/workstations.md §2)."""
    mon = profile.monitor
    return mon.second_screen == "laptop" or mon.mount in CARRIED_BY_DESK


def _second_screen(
    profile: Profile, start: Setup, carry: float, top: float, units: Units
) -> tuple[float | None, float | None]:
    """The second screen's top, level with the main one's as set, and its distance, in the
    band like the main one's (docs/workstations.md §2). A screen below the main one goes
    beside it, at that height."""
    now = start.second_monitor_top_height_cm
    if now is None or start.second_viewing_distance_cm is None:
        return None, None
    if second_rides(profile):
        now += carry
    beside = profile.monitor.second_position == "side"
    level = _settle(now if beside else None, top, units, *MONITOR_TOP_RANGE)
    return level, _distance(start.second_viewing_distance_cm, units)


def _standing_screen(
    profile: Profile,
    body: BodyDimensions,
    start: Setup,
    top: float,
    desk: float,
    standing: float | None,
    units: Units,
) -> float | None:
    """Where the main screen's top is when standing, once the plan is followed
    (docs/workstations.md §3): an arm is set for it; a screen that rides with the desk, or
    stays on its own stand, is left where that puts it when that is within the band; else
    the plan brings an arm (the step says so) and sets it."""
    if standing is None:
        return None
    band = monitor_band(standing_eye(profile, body), profile.body.lenses == "progressive")
    lands = _standing_lands(profile, top, desk, standing)
    if profile.monitor.mount == "arm":
        now = start.standing_monitor_top_height_cm
        return _settle(lands if now is None else now, band.value, units, *MONITOR_TOP_RANGE)
    if band.contains(lands):
        return lands
    return _round_within(band.value, units, *MONITOR_TOP_RANGE)


def _findings(
    pl: _Planner,
    d: _Decided,
    end: Setup,
    need: float,
    foot: float,
    reused: bool,
    standing_short: float,
    notes: dict[str, Any],
) -> Findings:
    sitting = end.sitting_height_cm
    elbow = sitting + pl.erh
    home_row = end.work_surface_height_cm + pl.k
    above = home_row - elbow
    below = elbow - home_row
    seat_needed = notes.get("seat_needed", end.work_surface_height_cm + pl.k - pl.erh)
    tall_tray = tall_desk = tall_seat = tall_feet = 0.0
    if need > FOOTSTOOL_STANDARD_MAX + EPS and not notes.get("tray_route"):
        seat_legs, c_legs, _ = pl.sit(pl.rest, pl._legs_band(), short_ok=SEAT_TOLERANCE)
        tall_seat = seat_legs + c_legs
        tall_desk = round_for_people(tall_seat + pl.erh - pl.k, pl.units)
        fits_under = TRAY_LOWEST - EPS <= tall_desk <= end.desk_height_cm - TRAY_BELOW_DESK + EPS
        tall_tray = tall_desk if fits_under else 0.0
        tall_feet = _footstool_for(tall_seat - pl.rest, pl.units)
    stool = pl.p.footstool
    short = 0.0
    if need and stool.owned and stool.adjustable:
        short = need - foot
    return Findings(
        rest_cm=pl.rest,
        seat_needed_cm=seat_needed,
        seat_from_elbows=bool(notes.get("seat_from_elbows")),
        surface_at_lowest=bool(notes.get("surface_at_lowest")),
        home_row_offset_cm=above,
        feet_gap_cm=sitting - end.footstool_height_cm - pl.rest,
        home_row_high_cm=above if above > HOME_ROW_ABOVE + EPS else 0.0,
        home_row_low_cm=below if below > HOME_ROW_BELOW + EPS else 0.0,
        seat_low_cm=(pl.rest - sitting) if sitting < pl.rest - SEAT_TOLERANCE - EPS else 0.0,
        thighs_short_cm=_beyond(pl.thighs_short(sitting, end.desk_height_cm), THIGH_TOLERANCE),
        thigh_room_made_cm=float(notes.get("thigh_room_made", 0.0)),
        thigh_room_by=str(notes.get("thigh_room_by", "")),
        footstool_cm=need,
        footstool_short_cm=short,
        footstool_reused=reused,
        tray_route=str(notes.get("tray_route", "")),
        tray_route_why=str(notes.get("tray_route_why", "")),
        fallback_seat_cm=float(notes.get("fallback_seat", 0.0)),
        fallback_footstool_cm=float(notes.get("fallback_footstool", 0.0)),
        fallback_cushion_cm=float(notes.get("fallback_cushion", 0.0)),
        fallback_screen_cm=float(notes.get("fallback_screen", 0.0)),
        fallback_thighs_short_cm=float(notes.get("fallback_thighs_short", 0.0)),
        legs_sitting_cm=float(notes.get("legs_sitting", 0.0)),
        surface_off_cm=float(notes.get("surface_off", 0.0)),
        fallback_home_row_high_cm=float(notes.get("fallback_home_row_high", 0.0)),
        tall_footstool_tray_cm=tall_tray,
        tall_footstool_desk_cm=tall_desk,
        tall_footstool_seat_cm=tall_seat,
        tall_footstool_feet_cm=tall_feet,
        risers_cm=float(notes.get("risers", 0.0)),
        standing_short_cm=standing_short,
    )


# -- steps ---------------------------------------------------------------------------------


def _steps(profile: Profile, start: Setup, end: Setup, f: Findings) -> tuple[Step, ...]:
    """The differences between start and end, as steps in the plan's order."""
    out: list[tuple[str, float | None, float, str, float, str | None]] = []

    def add(
        key: str,
        before: float | None,
        after: float,
        advice_id: str,
        carried: float = 0.0,
        buy: str | None = None,
    ) -> None:
        out.append((key, before, after, advice_id, carried, buy))

    if types_on_laptop(profile):  # first: every height below is set for this keyboard
        add(
            "keyboard.home_row_above_surface_cm",
            start.home_row_above_surface_cm,
            end.home_row_above_surface_cm,
            "laptop-keyboard",
            buy="keyboard and mouse",
        )

    if abs(end.seat_height_cm - start.seat_height_cm) > EPS:
        add("chair.seat_height_cm", start.seat_height_cm, end.seat_height_cm, "seat-height")
    if abs(end.cushion_cm - start.cushion_cm) > EPS:
        buy = "cushion" if end.cushion_cm > start.cushion_cm else None
        add("chair.cushion_cm", start.cushion_cm or None, end.cushion_cm, "seat-cushion", buy=buy)
    if (
        end.seat_depth_cm is not None
        and start.seat_depth_cm is not None
        and abs(end.seat_depth_cm - start.seat_depth_cm) > EPS
    ):
        add("chair.seat_depth_cm", start.seat_depth_cm, end.seat_depth_cm, "seat-depth")

    desk_moved = end.desk_height_cm - start.desk_height_cm
    if abs(desk_moved) <= EPS:
        desk_moved = 0.0
    desk_advice = "desk-too-low" if f.risers_cm else "desk-height"
    if abs(desk_moved) > EPS:
        advice = desk_advice
        add(
            "desk.height_cm",
            start.desk_height_cm,
            end.desk_height_cm,
            advice,
            buy="desk risers" if f.risers_cm else None,
        )
    tray_now, tray_end = start.keyboard_tray_height_cm, end.keyboard_tray_height_cm
    if tray_end is not None:
        if tray_now is None:
            add(
                "desk.keyboard_tray_height_cm", None, tray_end, "keyboard-tray", buy="keyboard tray"
            )
        else:
            carried = desk_moved if _tray_rides(profile) else 0.0
            after_carry = tray_now + carried
            if abs(tray_end - after_carry) > EPS or carried:
                advice = (
                    "keyboard-tray"
                    if f.tray_route
                    else (
                        "keyboard-tray-height" if abs(tray_end - after_carry) > EPS else desk_advice
                    )
                )
                add("desk.keyboard_tray_height_cm", after_carry, tray_end, advice, carried)

    stool = profile.footstool
    foot_now = start.footstool_height_cm or None
    if end.footstool_height_cm:
        used_now = foot_now is not None
        if not used_now or abs(end.footstool_height_cm - (foot_now or 0.0)) > EPS:
            replaced = stool.owned and not (stool.adjustable or f.footstool_reused)
            buy = "footstool" if (not stool.owned or replaced) else None
            add(
                "footstool.height_cm",
                foot_now,
                end.footstool_height_cm,
                "footstool-height",
                buy=buy,
            )
    elif foot_now is not None and foot_now >= FOOTSTOOL_MIN - EPS:
        add("footstool.height_cm", foot_now, 0.0, "footstool-not-needed")

    mon = profile.monitor
    mon_carried = desk_moved if mon.mount in CARRIED_BY_DESK else 0.0
    mon_from = start.monitor_top_height_cm + mon_carried
    if abs(end.monitor_top_height_cm - mon_from) > EPS or mon_carried:
        own = abs(end.monitor_top_height_cm - mon_from) > EPS
        raise_cm = end.monitor_top_height_cm - mon_from
        add(
            "monitor.top_height_cm",
            mon_from,
            end.monitor_top_height_cm,
            "monitor-height" if own else desk_advice,
            mon_carried,
            buy=_raiser(raise_cm, mon.kind == "laptop", mon.mount == "desk"),
        )
    if abs(end.viewing_distance_cm - start.viewing_distance_cm) > EPS:
        add(
            "monitor.distance_cm",
            start.viewing_distance_cm,
            end.viewing_distance_cm,
            "monitor-distance",
        )

    second_now, second_end = start.second_monitor_top_height_cm, end.second_monitor_top_height_cm
    if second_now is not None and second_end is not None:
        carried = desk_moved if second_rides(profile) else 0.0
        second_from = second_now + carried
        moves = abs(second_end - second_from) > EPS or mon.second_position != "side"
        if moves or carried:
            laptop = mon.second_screen == "laptop"
            add(
                "monitor.second_top_height_cm",
                second_from,
                second_end,
                "second-screen" if moves else desk_advice,
                carried,
                buy=_raiser(second_end - second_from, laptop, laptop or mon.mount == "desk"),
            )
    far_now, far_end = start.second_viewing_distance_cm, end.second_viewing_distance_cm
    if far_now is not None and far_end is not None and abs(far_end - far_now) > EPS:
        add("monitor.second_distance_cm", far_now, far_end, "second-screen-distance")

    stand_end, lands = end.standing_monitor_top_height_cm, standing_lands(profile, end)
    if stand_end is not None and lands is not None:
        # where the screen is when standing: an arm where it was set for it; else (and an
        # arm never set for standing) where the desk, or its own stand, leaves it
        now = start.standing_monitor_top_height_cm
        arm = mon.mount == "arm"
        at = now if arm and now is not None else lands
        if abs(stand_end - at) > EPS or (arm and now is None):
            add(
                "desk.standing_screen_top_cm",
                at,
                stand_end,
                "standing-screen",
                buy=None if arm else "monitor arm",
            )

    return tuple(
        Step(n, key, before, after, advice, carried, buy)
        for n, (key, before, after, advice, carried, buy) in enumerate(out, start=1)
    )


def _raiser(raise_cm: float, laptop: bool, on_desk: bool) -> str | None:
    """What raising a screen takes: a laptop stand, a monitor riser under a screen standing
    on the desk (5 cm or more: less is a book), nothing for an arm or a stand of its own."""
    if raise_cm < MONITOR_RISER_MIN - EPS or not on_desk:
        return None
    return "laptop stand" if laptop else "monitor riser"


def _standing_lands(profile: Profile, top: float, desk: float, standing: float) -> float:
    """Where the screen's top is when the desk goes up from ``desk`` to ``standing``: a
    screen on the desk or on an arm clamped to it rises with it; one on its own stays."""
    return top + (standing - desk) if profile.monitor.mount in CARRIED_BY_DESK else top


def standing_lands(profile: Profile, end: Setup) -> float | None:
    """Where the screen, as the plan sets it for sitting, is when the desk goes up to the
    plan's standing height (None: no standing)."""
    standing = end.standing_work_surface_height_cm
    if standing is None:
        return None
    return _standing_lands(profile, end.monitor_top_height_cm, end.desk_height_cm, standing)


def _tray_rides(profile: Profile) -> bool:
    """A tray hangs under the desk top: it rises and falls with the desk."""
    return profile.desk.keyboard_tray


# -- following the plan ----------------------------------------------------------------------


def apply_plan(profile: Profile, plan: Plan) -> Profile:
    """The profile with every step done: what a person who follows the plan will have.

    A footstool step brings one (owned, in use; a new one is fixed at that height) or, at
    0, puts it aside (not in use); a tray step brings a tray; a keyboard step a separate
    keyboard; a second screen's step puts it beside the main one; a standing screen step
    that buys an arm puts the screen on it.
    """
    sections: dict[str, dict[str, Any]] = {}
    for s in plan.steps:
        table, key = s.key.split(".")
        sections.setdefault(table, {})[key] = s.to_cm
        if s.key == "footstool.height_cm":
            if s.to_cm and s.from_cm is None and not profile.footstool.owned:
                sections[table].update(owned=True, in_use=True, adjustable=False)
            elif s.to_cm:
                sections[table].update(owned=True, in_use=True)
            else:
                sections[table].pop(key)
                sections[table]["in_use"] = False
        if s.key == "desk.keyboard_tray_height_cm":
            sections[table]["keyboard_tray"] = True
        if s.key == "keyboard.home_row_above_surface_cm":  # a separate keyboard, now
            sections.setdefault("monitor", {})["laptop_keyboard"] = False
        if s.key == "monitor.second_top_height_cm":  # beside the main one, level with it
            sections[table]["second_position"] = "side"
        if s.key == "desk.standing_screen_top_cm" and s.buy:
            sections.setdefault("monitor", {})["mount"] = "arm"
    updates = {
        name: getattr(profile, name).model_copy(update=values) for name, values in sections.items()
    }
    return profile.model_copy(update=updates)


__all__ = [
    "STEP_KEYS",
    "Findings",
    "Plan",
    "Setup",
    "Step",
    "apply_plan",
    "current_setup",
    "make_plan",
    "second_rides",
    "standing_lands",
    "step_cm",
    "tray_range",
]
