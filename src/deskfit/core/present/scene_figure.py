"""Where each thing of a side view goes: the furniture at the plan's heights, and a person
sitting on it, or standing at a sit-stand desk.

Heights are to scale and come from the Setup and the body: the seat (cushion on top), the
desk and its thickness, the tray, the footstool, the screens' top edges; the person's
elbows, eyes and thighs sit where the seat as set puts them, and the lower legs are the
popliteal height plus the shoe allowance long, so feet that do not reach hang, and knees
pushed up by a footstool that is too tall rise. Standing, the desk is at the plan's
standing height, the feet on the mat (if any), the eyes and elbows at the standing heights
in the shoes and on the mat the person stands in. Widths and lengths nobody measures are
fixed proportions, chosen so each thing reads as what it is.

A laptop is drawn as one: a thin base on its surface (or on a stand), its lid hinged up
from the base's back edge. Typed on, its base is the keyboard. A second screen sits beside
the main one, which a side view cannot show: it is drawn in a lighter tone just behind
the main one (or at its own distance when that is further), at its own height; below the
main one when it is there now.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from deskfit.core.engine.advice import Advice
from deskfit.core.engine.plan import Setup, second_rides, standing_lands
from deskfit.core.engine.targets import (
    SEAT_CLEARANCE,
    eye_height,
    standing_eye,
    standing_lift,
    types_on_laptop,
)
from deskfit.core.present.scene_shapes import Circle, Kind, Polyline, Rect, Shape, Which

# Fixed sizes (cm) of things nobody is asked to measure: typical office furniture.
SEAT_X = 5.0  # where the seat pan starts, just in front of the backrest
BACKREST = 4.0  # its thickness
SEAT_PAN = 5.0  # thickness of the pan under the seat height
BACKREST_SPAN = (14.0, 58.0)  # above the seat: a mid-back office chair
BASE = 6.0  # the star base and castors
DESK_DEPTH = 75.0  # EN 527-1 desks are 80 deep; a little less keeps the drawing compact
DESK_TOP = 3.0  # the top slab; thickness beyond it hangs under it (an apron, a drawer)
DESK_LEG = 4.0
KEYBOARD_DEPTH = 16.0
KEYBOARD_FROM_EDGE = 6.0  # desk edge to the front of the keyboard
TRAY_AHEAD = 16.0  # how far a pulled-out tray reaches in front of the desk edge
TRAY_BEHIND = 20.0  # ... and how far it runs back under the desk
TRAY_THICKNESS = 2.0
SCREEN_PICTURE = 30.0  # the picture of a 24-inch 16:9 screen is about 30 cm tall
SCREEN_DEPTH = 7.0  # panel and housing, seen from the side: a little deep, to be seen
PLATE = 2.0  # a footstool's foot plate
MARGIN = 5.0  # around the drawing
# A 14- to 15-inch laptop: the lid, hinge to top edge, leaning back about 12°.
LAPTOP_LID = 22.0
LAPTOP_TILT = 0.2  # the sine of the lid's lean from upright
LAPTOP_LID_WIDTH = 1.2
LAPTOP_BASE = 1.8  # the base's thickness
LAPTOP_DEPTH = 24.0  # the base, front to back
LAPTOP_HOME_ROW = 11.0  # hinge to the fingers on its keys
LAPTOP_STAND_FOOT = 16.0
SECOND_BEHIND = 3.0  # a second screen beside the main one: drawn this far behind it

# Lengths as fractions of stature (after Drillis & Contini's segment table, rounded): only
# the ones no question asks for. The heights that matter come from the body dimensions.
UPPER_ARM = 0.186  # shoulder to elbow
FOREARM_REACH = 0.21  # elbow to the fingers on the home row, fingers curled
FOOT = 0.15
HEAD_RADIUS = 0.058
TRUNK_DEPTH = 0.13
CALF = 0.06
ARM = 0.045
NECK = 0.04
# Standing, barefoot: the hip joint, the knee and the ankle above the floor.
HIP = 0.53
KNEE = 0.285
ANKLE = 0.039

Anchors = dict[str, tuple[float, float]]
Point = tuple[float, float]


def setup_of(advice: Advice, which: Which) -> Setup:
    """The Setup a scene draws: the plan's start now, its end after (sitting or standing)."""
    return advice.plan.start if which == "current" else advice.plan.end


def figure(advice: Advice, which: Which) -> tuple[list[Shape], Anchors]:
    """The shapes, back to front, and where each height label's leader meets its thing."""
    if which == "standing":
        return _Standing(advice).figure()
    f = _Figure(advice, which)
    shapes = [*f.floor_stands(), *f.desk_legs(), *f.chair(), *f.footstool()]
    shapes += [*f.legs(), *f.trunk_and_head(), *f.desk_top(), *f.tray()]
    shapes += f.screen(f.second) if f.second is not None else []
    shapes += f.screen(f.main) if f.main.laptop else []
    shapes += [*f.keyboard(), *f.forearm()]
    shapes += [] if f.main.laptop else f.screen(f.main)
    shapes += f.sight()
    floor = Rect("floor", "floor", -MARGIN, -1.5, f.right_edge() + 2 * MARGIN, 1.5)
    return [floor, *shapes], f.anchors()


def standing_screen_top(advice: Advice) -> float | None:
    """The main screen's top when standing once the plan is followed: as the plan sets it,
    else where the desk going up takes it (None: no standing at this desk)."""
    end = advice.plan.end
    if end.standing_monitor_top_height_cm is not None:
        return end.standing_monitor_top_height_cm
    return standing_lands(advice.profile, end)


def _mount(advice: Advice, which: Which) -> str:
    """How the main screen is held: after the plan, on the arm the plan brings if it does."""
    step = advice.plan.step("desk.standing_screen_top_cm")
    if which != "current" and step is not None and step.buy == "monitor arm":
        return "arm"
    return advice.profile.monitor.mount


# -- screens -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Screen:
    """One screen: ``x`` is the picture's face (a monitor) or the lid's middle (a laptop)."""

    kind: Kind  # "monitor": the main one; "second": the other
    laptop: bool
    top: float
    x: float
    mount: str
    laptop_on: float  # the surface a laptop stands on (the desk, or the tray it is typed on)

    def part(self, name: str) -> str:
        return name if self.kind == "monitor" else f"2nd {name}"

    def lid(self) -> _Lid:
        return _lid(self.top, self.x, self.laptop_on)

    def back(self) -> float:
        """Its back edge, seen from the side."""
        if self.laptop:
            return self.lid().top[0] + LAPTOP_LID_WIDTH
        return self.x + SCREEN_DEPTH

    def middle(self) -> Point:
        """The middle of its picture: where the line of sight goes."""
        if self.laptop:
            lid = self.lid()
            return ((lid.hinge[0] + lid.top[0]) / 2, (lid.hinge[1] + lid.top[1]) / 2)
        return (self.x, self.top - SCREEN_PICTURE / 2)


@dataclass(frozen=True)
class _Lid:
    """A laptop: its lid from the hinge to the top, and the base under the hinge."""

    hinge: Point
    top: Point  # the top end of the lid's stroke, half its width under the top edge
    stand_from: float | None  # a stand from this height up to the base; None: no stand

    @property
    def base_front(self) -> float:
        return self.hinge[0] - LAPTOP_DEPTH + 1.0

    @property
    def base_top(self) -> float:
        return self.hinge[1]


def _lid(top: float, x: float, surface: float) -> _Lid:
    """A laptop whose lid's top edge is at ``top``: on ``surface`` with the lid leaning
    back, raised on a stand when the top is higher than that, and (the top too low for the
    lid to stand on the surface at all) lower down, as on a lap."""
    top_y = top - LAPTOP_LID_WIDTH / 2
    upright = LAPTOP_LID * math.sqrt(1 - LAPTOP_TILT**2)
    base_top = top_y - upright
    on_surface = surface + LAPTOP_BASE
    stand_from: float | None = None
    if base_top > on_surface + 1.0:
        stand_from = surface
    elif top_y - on_surface >= 0.4 * LAPTOP_LID:  # on the surface, leaning back as it must
        base_top = on_surface
    rise = top_y - base_top
    run = math.sqrt(max(0.0, LAPTOP_LID**2 - rise**2))
    return _Lid((x - run / 2, base_top), (x + run / 2, top_y), stand_from)


def _laptop_shapes(s: _Screen) -> list[Shape]:
    lid = s.lid()
    hinge_x, base_top = lid.hinge
    shapes: list[Shape] = []
    if lid.stand_from is not None:  # a laptop stand: a foot on the desk, a post, a plate
        foot = lid.stand_from
        post_x = hinge_x - 5.0
        shapes += [
            Polyline(
                s.kind,
                s.part("laptop stand"),
                ((post_x - LAPTOP_STAND_FOOT / 2, foot + 0.8), (post_x, base_top - LAPTOP_BASE)),
                1.6,
            ),
            Polyline(
                s.kind,
                s.part("laptop stand"),
                ((post_x + 3.0, foot + 0.8), (post_x, base_top - LAPTOP_BASE)),
                1.6,
            ),
            Rect(
                s.kind,
                s.part("laptop stand"),
                post_x - LAPTOP_STAND_FOOT / 2 - 1,
                foot,
                LAPTOP_STAND_FOOT + 5,
                1.2,
            ),
        ]
    shapes += [
        Rect(
            s.kind,
            s.part("laptop base"),
            lid.base_front,
            base_top - LAPTOP_BASE,
            LAPTOP_DEPTH,
            LAPTOP_BASE,
        ),
        Polyline(s.kind, s.part("screen"), (lid.hinge, lid.top), LAPTOP_LID_WIDTH),
    ]
    return shapes


def _monitor_shapes(s: _Screen, desk_y: float, underside: float, clamp: float) -> list[Shape]:
    """A monitor: its picture and housing, and what holds it (a stand on the desk, an arm
    clamped to its back edge; one on its own stand is drawn behind everything else)."""
    top, x = s.top, s.x
    bottom = top - SCREEN_PICTURE
    shapes: list[Shape] = []
    neck = x + SCREEN_DEPTH - 2
    if s.mount == "desk" and bottom > desk_y:
        shapes += [
            Rect(s.kind, s.part("stand"), neck - 1.5, desk_y, 3.0, bottom + 4 - desk_y),
            Rect(s.kind, s.part("stand foot"), neck - 12, desk_y, 24.0, 1.5),
        ]
    elif s.mount == "arm":
        elbow = (clamp, max(desk_y + 15, bottom + 5))
        shapes.append(
            Polyline(
                s.kind,
                s.part("arm"),
                ((clamp, underside - 3), elbow, (neck + 2, top - SCREEN_PICTURE / 2)),
                2.5,
            )
        )
    shapes += [
        Rect(s.kind, s.part("housing"), x + 2, bottom + 1, SCREEN_DEPTH - 2, SCREEN_PICTURE - 2),
        Rect(s.kind, s.part("screen"), x, bottom, 2.0, SCREEN_PICTURE),
    ]
    return shapes


def _floor_stand(s: _Screen) -> list[Shape]:
    """A monitor on its own stand (or the wall): behind the desk, to the floor."""
    if s.laptop or s.mount != "independent":
        return []
    pole = s.x + SCREEN_DEPTH - 2
    return [
        Polyline(s.kind, s.part("stand"), ((pole, 1.0), (pole, s.top - 15)), 3.0),
        Rect(s.kind, s.part("stand foot"), pole - 20, 0.0, 40.0, 2.0),
    ]


def _top_anchor(s: _Screen) -> Point:
    if s.laptop:
        return (s.lid().top[0] + LAPTOP_LID_WIDTH / 2, s.top)
    return (s.x + SCREEN_DEPTH, s.top)


# -- sitting -------------------------------------------------------------------------------


class _Figure:
    """One person sitting at one workstation, worked out once and drawn part by part."""

    def __init__(self, advice: Advice, which: Which) -> None:
        body, profile = advice.body, advice.profile
        setup = setup_of(advice, which)
        self.setup = setup
        self.mount = _mount(advice, which)
        self.has_backrest = profile.chair.backrest
        self.thickness = profile.desk.thickness_cm
        stature = body.stature_cm
        self.head_r = HEAD_RADIUS * stature
        self.trunk = TRUNK_DEPTH * stature
        self.calf = CALF * stature
        self.arm = ARM * stature
        self.neck = NECK * stature
        self.tc = body.thigh_clearance.value

        self.sitting = setup.sitting_height_cm
        self.seat_depth = _seat_depth(advice, setup)
        self.seat_front = SEAT_X + self.seat_depth
        self.support = setup.footstool_height_cm  # 0: the floor
        # Knee crease to the sole of the shoe. Feet that cannot reach hang; a support set
        # higher than the legs are long pushes the knees above the seat.
        leg = body.popliteal_height.value + body.shoe_allowance_cm
        self.sole = max(self.support, self.sitting - leg)
        self.knee_y = self.sole + leg

        self.back_x = SEAT_X + 1.0  # the back of the buttocks, against the backrest
        self.knee_x = self.back_x + body.buttock_popliteal_length.value
        self.heel_x = self.knee_x - 4.0
        self.toe_x = self.heel_x + FOOT * stature

        self.eye_y = eye_height(self.sitting, body)
        self.elbow_y = self.sitting + body.elbow_rest_height.value  # the elbow's underside
        # The upper arm hangs from the shoulder; the head needs a neck under it, however
        # odd the measured dimensions are.
        shoulder = self.elbow_y + UPPER_ARM * stature
        self.shoulder_y = max(min(shoulder, self.eye_y - self.head_r), self.elbow_y + self.arm)
        self.shoulder_x = self.back_x + self.trunk / 2 + 1.0
        self.head_x = self.shoulder_x + 3.0
        self.eye_x = self.head_x + 0.55 * self.head_r
        self.elbow = (self.shoulder_x + 2.0, self.elbow_y + self.arm / 2)

        self.surface = setup.work_surface_height_cm
        self.desk_y = setup.desk_height_cm
        self.underside = self.desk_y - self.thickness
        self.tray_y = setup.keyboard_tray_height_cm
        self.main, self.second = self._screens(advice, which)

        # The keys: a laptop's own when they are typed on, else a keyboard the hand reaches.
        typed = self._typed_on(advice, which)
        self.typed_on = typed
        if typed is not None:
            lid = typed.lid()
            self.home_row = lid.base_top
            self.hand = (lid.hinge[0] - LAPTOP_HOME_ROW, self.home_row + self.arm / 2)
            keyboard_front = lid.base_front
        else:
            self.home_row = self.surface + setup.home_row_above_surface_cm
            hand_y = self.home_row + self.arm / 2
            reach = FOREARM_REACH * stature
            rise = hand_y - self.elbow[1]
            run = math.sqrt(max(reach * reach - rise * rise, (0.3 * reach) ** 2))
            self.hand = (self.elbow[0] + run, hand_y)
            keyboard_front = self.hand[0] - KEYBOARD_DEPTH / 2
        if self.tray_y is None:
            self.desk_front = keyboard_front - KEYBOARD_FROM_EDGE
        else:
            self.desk_front = keyboard_front - KEYBOARD_FROM_EDGE + TRAY_AHEAD

        self.desk_back = self.desk_front + DESK_DEPTH
        for s in self.screens():  # a stand, an arm's clamp or a laptop stays on the desk
            if s.laptop or s.mount != "independent":
                self.desk_back = max(self.desk_back, s.back() + 10.0)

    def _screens(self, advice: Advice, which: Which) -> tuple[_Screen, _Screen | None]:
        mon, setup = advice.profile.monitor, self.setup
        typing = which == "current" and types_on_laptop(advice.profile)
        main_laptop = mon.kind == "laptop"
        main = _Screen(
            "monitor",
            main_laptop,
            setup.monitor_top_height_cm,
            self.eye_x + setup.viewing_distance_cm,
            self.mount,
            self.surface if typing and main_laptop else self.desk_y,
        )
        top2, distance2 = setup.second_monitor_top_height_cm, setup.second_viewing_distance_cm
        if top2 is None or mon.second_screen == "none":
            return main, None
        laptop2 = mon.second_screen == "laptop"
        typed2 = typing and laptop2 and not main_laptop
        x2 = self.eye_x + (distance2 or setup.viewing_distance_cm)
        below = which == "current" and mon.second_position == "below"
        if not (typed2 or below):  # beside the main one: just behind it, so both show
            behind = main.back() + SECOND_BEHIND
            x2 = max(x2, behind + (LAPTOP_LID * LAPTOP_TILT / 2 if laptop2 else 0.0))
        surface2 = self.surface if typed2 else self.desk_y
        # held as the main one is now: an arm the plan brings is for the main one
        return main, _Screen("second", laptop2, top2, x2, mon.mount, surface2)

    def _typed_on(self, advice: Advice, which: Which) -> _Screen | None:
        """The laptop whose own keys are typed on now, if any (after the plan: none)."""
        if which != "current" or not types_on_laptop(advice.profile):
            return None
        return next((s for s in self.screens() if s.laptop), None)

    def screens(self) -> list[_Screen]:
        return [self.main] + ([self.second] if self.second is not None else [])

    # -- furniture -------------------------------------------------------------------

    def chair(self) -> list[Shape]:
        seat = self.setup.seat_height_cm
        pan = Rect("chair", "seat", SEAT_X, seat - SEAT_PAN, self.seat_depth, SEAT_PAN)
        middle = SEAT_X + self.seat_depth / 2
        shapes: list[Shape] = []
        if pan.y > BASE:
            shapes.append(Rect("chair", "gas lift", middle - 2.5, BASE, 5.0, pan.y - BASE))
        reach = min(28.0, self.seat_depth / 2 + 8.0)
        shapes.append(
            Polyline("chair", "base", ((middle - reach, 3.5), (middle + reach, 3.5)), 3.0)
        )
        shapes += [
            Circle("chair", "castor", middle - reach, 2.5, 2.5),
            Circle("chair", "castor", middle + reach, 2.5, 2.5),
        ]
        if self.has_backrest:
            low, high = (seat + h for h in BACKREST_SPAN)
            post = SEAT_X - BACKREST / 2
            shapes.append(
                Polyline(
                    "chair",
                    "backrest post",
                    ((SEAT_X + 4, pan.y + 1), (post, pan.y + 1), (post, low)),
                    3.0,
                )
            )
            shapes.append(Rect("chair", "backrest", SEAT_X - BACKREST, low, BACKREST, high - low))
        shapes.append(pan)
        if self.setup.cushion_cm:
            shapes.append(
                Rect("cushion", "cushion", SEAT_X, seat, self.seat_depth, self.setup.cushion_cm)
            )
        return shapes

    def footstool(self) -> list[Shape]:
        height = self.support
        if not height:
            return []
        x0, x1 = self.heel_x - 6.0, self.toe_x + 6.0
        plate = min(PLATE, height)
        shapes: list[Shape] = [Rect("footstool", "footstool", x0, height - plate, x1 - x0, plate)]
        if height > plate:  # legs under the plate, a little in from its ends
            shapes += [
                Rect("footstool", "footstool leg", x0 + 3, 0.0, 3.0, height - plate),
                Rect("footstool", "footstool leg", x1 - 6, 0.0, 3.0, height - plate),
            ]
        return shapes

    def desk_legs(self) -> list[Shape]:
        return _desk_legs(self.desk_front, self.desk_back, self.underside)

    def desk_top(self) -> list[Shape]:
        return _desk_top(self.desk_front, self.desk_back, self.desk_y, self.thickness)

    def tray(self) -> list[Shape]:
        if self.tray_y is None:
            return []
        x0 = self.desk_front - TRAY_AHEAD
        x1 = self.desk_front + TRAY_BEHIND
        return [
            Polyline("desk", "tray runner", ((x1 - 2, self.tray_y), (x1 - 2, self.underside)), 2.0),
            Rect("desk", "tray", x0, self.tray_y - TRAY_THICKNESS, x1 - x0, TRAY_THICKNESS),
        ]

    def keyboard(self) -> list[Shape]:
        if self.typed_on is not None:  # the laptop's base is the keyboard
            return []
        return [_keyboard(self.hand[0], self.surface, self.home_row)]

    def floor_stands(self) -> list[Shape]:
        return [shape for s in reversed(self.screens()) for shape in _floor_stand(s)]

    def screen(self, s: _Screen) -> list[Shape]:
        if s.laptop:
            return _laptop_shapes(s)
        clamp = self.desk_back - (4.0 if s.kind == "monitor" else 10.0)
        return _monitor_shapes(s, self.desk_y, self.underside, clamp)

    # -- the person ------------------------------------------------------------------

    def legs(self) -> list[Shape]:
        half = self.tc / 2
        hip = (self.back_x + half, self.sitting + half)
        knee = (self.knee_x, self.knee_y + half)
        ankle = (self.knee_x + 1.0, self.sole + 6.0)
        foot_y = self.sole + 2.5
        return [
            Polyline("person", "lower leg", (knee, ankle), self.calf),
            Polyline("person", "foot", ((self.heel_x, foot_y), (self.toe_x - 2.5, foot_y)), 5.0),
            Polyline("person", "thigh", (hip, knee), self.tc),
        ]

    def trunk_and_head(self) -> list[Shape]:
        half = self.trunk / 2
        hip = (self.back_x + half, self.sitting + half)
        shoulder = (self.shoulder_x, max(hip[1], self.shoulder_y - half))
        head = (self.head_x, self.eye_y + 0.1 * self.head_r)
        return [
            Polyline("person", "neck", ((self.shoulder_x + 1, self.shoulder_y), head), self.neck),
            Polyline("person", "trunk", (hip, shoulder), self.trunk),
            Circle("person", "head", head[0], head[1], self.head_r),
            Polyline(
                "person",
                "upper arm",
                ((self.shoulder_x, self.shoulder_y - self.arm / 2), self.elbow),
                self.arm,
            ),
        ]

    def forearm(self) -> list[Shape]:
        return [Polyline("person", "forearm", (self.elbow, self.hand), self.arm)]

    def sight(self) -> list[Shape]:
        return _sight((self.eye_x, self.eye_y), self.main.middle())

    # -- where the labels point ------------------------------------------------------

    def right_edge(self) -> float:
        stands = [s.back() + (18 if s.mount == "independent" else 0) for s in self.screens()]
        return max(self.desk_back, *stands, self.toe_x + 6)

    def anchors(self) -> Anchors:
        tray_y = self.tray_y if self.tray_y is not None else self.desk_y
        out = {
            "eyes": (self.eye_x, self.eye_y),
            "seat": (SEAT_X, self.setup.seat_height_cm),
            "cushion": (SEAT_X, self.sitting),
            "screen top": _top_anchor(self.main),
            "desk": (self.desk_back, self.desk_y),
            "tray": (self.desk_front + TRAY_BEHIND, tray_y),
            "footstool": (self.toe_x + 6.0, self.support),
        }
        if self.second is not None:
            out["2nd screen"] = _top_anchor(self.second)
        return out


# -- standing ------------------------------------------------------------------------------


class _Standing:
    """The person standing at the desk raised to the plan's standing height: the desk and
    the screens where they are on it when sitting after the plan (the main screen at its
    standing height, a second one that rides with the desk raised with it), the keyboard
    on the desk (a tray is pushed in), the chair pushed away out of the picture."""

    def __init__(self, advice: Advice) -> None:
        body, profile = advice.body, advice.profile
        end = advice.plan.end
        standing = end.standing_work_surface_height_cm
        top = standing_screen_top(advice)
        if standing is None or top is None:
            raise ValueError("no standing position: the desk is not a sit-stand desk")
        sitting = _Figure(advice, "recommended")  # where things are on the desk
        self.thickness = sitting.thickness
        self.desk_front, self.desk_back = sitting.desk_front, sitting.desk_back
        self.desk_y = standing
        self.underside = standing - self.thickness
        raised = standing - end.desk_height_cm
        main = sitting.main
        self.main = _Screen("monitor", main.laptop, top, main.x, main.mount, standing)
        # A second screen that rides with the desk goes up with it; the plan says nothing
        # of one on its own stand when standing, and neither does the drawing.
        self.second: _Screen | None = None
        if sitting.second is not None and second_rides(profile):
            s = sitting.second
            self.second = _Screen("second", s.laptop, s.top + raised, s.x, s.mount, standing)

        stature = body.stature_cm
        lift = standing_lift(profile, body)
        self.mat = profile.desk.standing_mat_cm
        self.head_r = HEAD_RADIUS * stature
        self.trunk = TRUNK_DEPTH * stature
        self.arm = ARM * stature
        self.calf = CALF * stature
        self.neck = NECK * stature
        self.tc = body.thigh_clearance.value

        self.home_row = standing + end.home_row_above_surface_cm
        self.hand = (
            self.desk_front + KEYBOARD_FROM_EDGE + KEYBOARD_DEPTH / 2,
            self.home_row + self.arm / 2,
        )
        self.eye_y = standing_eye(profile, body)
        elbow_y = body.elbow_height_standing.value + lift  # the joint, in shoes, on the mat
        reach = FOREARM_REACH * stature
        rise = self.hand[1] - elbow_y
        run = math.sqrt(max(reach * reach - rise * rise, (0.3 * reach) ** 2))
        self.elbow = (self.hand[0] - run, elbow_y)
        self.shoulder_x = self.elbow[0] - 2.0  # the upper arm hangs
        shoulder = elbow_y + UPPER_ARM * stature
        self.shoulder_y = max(min(shoulder, self.eye_y - self.head_r), elbow_y + self.arm)
        self.head_x = self.shoulder_x + 3.0
        self.eye_x = self.head_x + 0.55 * self.head_r
        self.hip = (self.shoulder_x - 1.0, lift + HIP * stature)
        self.knee = (self.shoulder_x, lift + KNEE * stature)
        self.ankle = (self.shoulder_x - 1.0, lift + ANKLE * stature)
        self.heel_x = self.ankle[0] - 4.0
        self.toe_x = self.heel_x + FOOT * stature

    def figure(self) -> tuple[list[Shape], Anchors]:
        shapes: list[Shape] = []
        for s in reversed(self.screens()):
            shapes += _floor_stand(s)
        shapes += _desk_legs(self.desk_front, self.desk_back, self.underside)
        shapes += [*self.floor_mat(), *self.person()]
        shapes += _desk_top(self.desk_front, self.desk_back, self.desk_y, self.thickness)
        shapes += [_keyboard(self.hand[0], self.desk_y, self.home_row)]
        shapes.append(Polyline("person", "forearm", (self.elbow, self.hand), self.arm))
        for s in reversed(self.screens()):
            if s.laptop:
                shapes += _laptop_shapes(s)
            else:
                clamp = self.desk_back - (4.0 if s.kind == "monitor" else 10.0)
                shapes += _monitor_shapes(s, self.desk_y, self.underside, clamp)
        shapes += _sight((self.eye_x, self.eye_y), self.main.middle())
        stands = [s.back() + (18 if s.mount == "independent" else 0) for s in self.screens()]
        right = max(self.desk_back, *stands, self.toe_x + 6)
        left = min(0.0, self.shoulder_x - self.trunk)
        floor = Rect("floor", "floor", left - MARGIN, -1.5, right - left + 2 * MARGIN, 1.5)
        anchors = {
            "eyes": (self.eye_x, self.eye_y),
            "mat": (self.heel_x - 8.0, self.mat),
            "screen top": _top_anchor(self.main),
            "desk": (self.desk_back, self.desk_y),
        }
        return [floor, *shapes], anchors

    def screens(self) -> list[_Screen]:
        return [self.main] + ([self.second] if self.second is not None else [])

    def floor_mat(self) -> list[Shape]:
        if not self.mat:
            return []
        x0, x1 = self.heel_x - 12.0, self.toe_x + 10.0
        return [Rect("mat", "mat", x0, 0.0, x1 - x0, self.mat)]

    def person(self) -> list[Shape]:
        half = self.trunk / 2
        shoulder = (self.shoulder_x, max(self.hip[1], self.shoulder_y - half))
        head = (self.head_x, self.eye_y + 0.1 * self.head_r)
        foot_y = self.mat + 2.5
        return [
            Polyline("person", "lower leg", (self.knee, self.ankle), self.calf),
            Polyline("person", "foot", ((self.heel_x, foot_y), (self.toe_x - 2.5, foot_y)), 5.0),
            Polyline("person", "thigh", (self.hip, self.knee), self.tc),
            Polyline("person", "neck", ((self.shoulder_x + 1, self.shoulder_y), head), self.neck),
            Polyline("person", "trunk", (self.hip, shoulder), self.trunk),
            Circle("person", "head", head[0], head[1], self.head_r),
            Polyline(
                "person",
                "upper arm",
                ((self.shoulder_x, self.shoulder_y - self.arm / 2), self.elbow),
                self.arm,
            ),
        ]


# -- shared parts --------------------------------------------------------------------------


def _desk_legs(front: float, back: float, underside: float) -> list[Shape]:
    if underside <= 0:
        return []
    return [
        Rect("desk", "desk leg", front + 3, 0.0, DESK_LEG, underside),
        Rect("desk", "desk leg", back - 3 - DESK_LEG, 0.0, DESK_LEG, underside),
    ]


def _desk_top(front: float, back: float, desk_y: float, thickness: float) -> list[Shape]:
    slab = max(1.5, min(thickness, DESK_TOP))
    depth = back - front
    shapes: list[Shape] = [Rect("desk", "desk top", front, desk_y - slab, depth, slab)]
    if thickness > slab:  # an apron or a drawer: the underside the thighs meet
        shapes.append(
            Rect("desk", "apron", front + 1, desk_y - thickness, depth - 2, thickness - slab)
        )
    return shapes


def _keyboard(middle: float, surface: float, home_row: float) -> Shape:
    height = max(1.0, home_row - surface)
    return Rect(
        "keyboard", "keyboard", middle - KEYBOARD_DEPTH / 2, surface, KEYBOARD_DEPTH, height
    )


def _sight(eye: Point, target: Point) -> list[Shape]:
    return [
        Polyline("sight", "line of sight", (eye, target), 0.8, dashed=True),
        Circle("sight", "eye", eye[0], eye[1], 1.6),
    ]


def _seat_depth(advice: Advice, setup: Setup) -> float:
    """The seat pan as set, or (not given) one that leaves the knees their clearance."""
    if setup.seat_depth_cm is not None:
        return setup.seat_depth_cm
    return max(25.0, advice.body.buttock_popliteal_length.value - SEAT_CLEARANCE[0])
