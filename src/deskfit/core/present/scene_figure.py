"""Where each thing of a side view goes: the furniture at the plan's heights, and a person
sitting on it.

Heights are to scale and come from the Setup and the body: the seat (cushion on top), the
desk and its thickness, the tray, the footstool, the screen's top edge; the person's
elbows, eyes and thighs sit where the seat as set puts them, and the lower legs are the
popliteal height plus the shoe allowance long, so feet that do not reach hang, and knees
pushed up by a footstool that is too tall rise. Widths and lengths nobody measures are
fixed proportions, chosen so each thing reads as what it is.
"""

from __future__ import annotations

import math

from deskfit.core.engine.advice import Advice
from deskfit.core.engine.plan import Setup
from deskfit.core.engine.targets import SEAT_CLEARANCE, eye_height, keyboard_offset
from deskfit.core.present.scene_shapes import Circle, Polyline, Rect, Shape

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

Anchors = dict[str, tuple[float, float]]


def figure(advice: Advice, setup: Setup) -> tuple[list[Shape], Anchors]:
    """The shapes, back to front, and where each height label's leader meets its thing."""
    f = _Figure(advice, setup)
    shapes = [*f.stand_on_floor(), *f.desk_legs(), *f.chair(), *f.footstool()]
    shapes += [*f.legs(), *f.trunk_and_head(), *f.desk_top(), *f.tray(), f.keyboard()]
    shapes += [*f.forearm(), *f.monitor(), *f.eye_and_sight()]
    floor = Rect("floor", "floor", -MARGIN, -1.5, f.right_edge() + 2 * MARGIN, 1.5)
    return [floor, *shapes], f.anchors()


class _Figure:
    """One person at one workstation, worked out once and drawn part by part."""

    def __init__(self, advice: Advice, setup: Setup) -> None:
        body, profile = advice.body, advice.profile
        self.setup = setup
        self.mount = profile.monitor.mount
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
        self.home_row = self.surface + keyboard_offset(profile)
        hand_y = self.home_row + self.arm / 2
        reach = FOREARM_REACH * stature
        rise = hand_y - self.elbow[1]
        run = math.sqrt(max(reach * reach - rise * rise, (0.3 * reach) ** 2))
        self.hand = (self.elbow[0] + run, hand_y)

        self.tray_y = setup.keyboard_tray_height_cm
        keyboard_front = self.hand[0] - KEYBOARD_DEPTH / 2
        if self.tray_y is None:
            self.desk_front = keyboard_front - KEYBOARD_FROM_EDGE
        else:
            self.desk_front = keyboard_front - KEYBOARD_FROM_EDGE + TRAY_AHEAD
        self.desk_y = setup.desk_height_cm
        self.underside = self.desk_y - self.thickness

        self.screen_top = setup.monitor_top_height_cm
        self.screen_x = self.eye_x + setup.viewing_distance_cm
        self.desk_back = self.desk_front + DESK_DEPTH
        if self.mount != "independent":  # the stand or the arm's clamp stays on the desk
            self.desk_back = max(self.desk_back, self.screen_x + SCREEN_DEPTH + 10.0)

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
        if self.underside <= 0:
            return []
        return [
            Rect("desk", "desk leg", self.desk_front + 3, 0.0, DESK_LEG, self.underside),
            Rect("desk", "desk leg", self.desk_back - 3 - DESK_LEG, 0.0, DESK_LEG, self.underside),
        ]

    def desk_top(self) -> list[Shape]:
        slab = max(1.5, min(self.thickness, DESK_TOP))
        depth = self.desk_back - self.desk_front
        shapes: list[Shape] = [
            Rect("desk", "desk top", self.desk_front, self.desk_y - slab, depth, slab)
        ]
        if self.thickness > slab:  # an apron or a drawer: the underside the thighs meet
            shapes.append(
                Rect(
                    "desk",
                    "apron",
                    self.desk_front + 1,
                    self.underside,
                    depth - 2,
                    self.thickness - slab,
                )
            )
        return shapes

    def tray(self) -> list[Shape]:
        if self.tray_y is None:
            return []
        x0 = self.desk_front - TRAY_AHEAD
        x1 = self.desk_front + TRAY_BEHIND
        return [
            Polyline("desk", "tray runner", ((x1 - 2, self.tray_y), (x1 - 2, self.underside)), 2.0),
            Rect("desk", "tray", x0, self.tray_y - TRAY_THICKNESS, x1 - x0, TRAY_THICKNESS),
        ]

    def keyboard(self) -> Shape:
        height = max(1.0, self.home_row - self.surface)
        x0 = self.hand[0] - KEYBOARD_DEPTH / 2
        return Rect("keyboard", "keyboard", x0, self.surface, KEYBOARD_DEPTH, height)

    def stand_on_floor(self) -> list[Shape]:
        """A screen on its own stand (or the wall): behind the desk, to the floor."""
        if self.mount != "independent":
            return []
        pole = self.screen_x + SCREEN_DEPTH - 2
        return [
            Polyline("monitor", "stand", ((pole, 1.0), (pole, self.screen_top - 15)), 3.0),
            Rect("monitor", "stand foot", pole - 20, 0.0, 40.0, 2.0),
        ]

    def monitor(self) -> list[Shape]:
        top, x = self.screen_top, self.screen_x
        bottom = top - SCREEN_PICTURE
        shapes: list[Shape] = []
        neck = x + SCREEN_DEPTH - 2
        if self.mount == "desk" and bottom > self.desk_y:
            shapes += [
                Rect("monitor", "stand", neck - 1.5, self.desk_y, 3.0, bottom + 4 - self.desk_y),
                Rect("monitor", "stand foot", neck - 12, self.desk_y, 24.0, 1.5),
            ]
        elif self.mount == "arm":
            clamp = self.desk_back - 4
            elbow = (clamp, max(self.desk_y + 15, bottom + 5))
            shapes.append(
                Polyline(
                    "monitor",
                    "arm",
                    ((clamp, self.underside - 3), elbow, (neck + 2, top - SCREEN_PICTURE / 2)),
                    2.5,
                )
            )
        shapes += [
            Rect("monitor", "housing", x + 2, bottom + 1, SCREEN_DEPTH - 2, SCREEN_PICTURE - 2),
            Rect("monitor", "screen", x, bottom, 2.0, SCREEN_PICTURE),
        ]
        return shapes

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

    def eye_and_sight(self) -> list[Shape]:
        screen_middle = (self.screen_x, self.screen_top - SCREEN_PICTURE / 2)
        eye = (self.eye_x, self.eye_y)
        return [
            Polyline("sight", "line of sight", (eye, screen_middle), 0.8, dashed=True),
            Circle("sight", "eye", eye[0], eye[1], 1.6),
        ]

    # -- where the labels point ------------------------------------------------------

    def right_edge(self) -> float:
        stand = self.screen_x + SCREEN_DEPTH + (18 if self.mount == "independent" else 0)
        return max(self.desk_back, stand, self.toe_x + 6)

    def anchors(self) -> Anchors:
        tray_y = self.tray_y if self.tray_y is not None else self.desk_y
        return {
            "eyes": (self.eye_x, self.eye_y),
            "seat": (SEAT_X, self.setup.seat_height_cm),
            "cushion": (SEAT_X, self.sitting),
            "screen top": (self.screen_x + SCREEN_DEPTH, self.screen_top),
            "desk": (self.desk_back, self.desk_y),
            "tray": (self.desk_front + TRAY_BEHIND, tray_y),
            "footstool": (self.toe_x + 6.0, self.support),
        }


def _seat_depth(advice: Advice, setup: Setup) -> float:
    """The seat pan as set, or (not given) one that leaves the knees their clearance."""
    if setup.seat_depth_cm is not None:
        return setup.seat_depth_cm
    return max(25.0, advice.body.buttock_popliteal_length.value - SEAT_CLEARANCE[0])
