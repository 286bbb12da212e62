"""Measure before you buy: advice that rests on an estimated elbow rest height (§3.3).

The elbow rest height barely follows stature (±4.6 cm at 90 %), and at a fixed desk it
sets the seat, so the footstool, a tray's height, a cushion and desk risers all move with
it. When the plan asks for one of those purchases and the elbow height is an estimate,
measuring it is the first line of the advice, with each purchase's band; otherwise it is
a line of information at the end. It changes no profile key, so it is not a plan step.
"""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import AdviceLine, Writer
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.plan import Plan, Step
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.model.profile import Profile

MEASURE_ID = "measure-elbow"
FOOTSTOOL_WORTH_MEASURING = 5.0  # a footstool above this is a purchase worth measuring for

HOW = (
    "Sit upright, upper arm hanging, elbow bent to 90°, and measure from the top of the seat "
    "to the underside of the elbow; enter it and the plan is worked out again."
)


def is_measure_first(line: AdviceLine) -> bool:
    return line.id == MEASURE_ID and line.severity == "high"


def _resting_on_elbow(plan: Plan) -> list[tuple[Step, int]]:
    """Purchases whose size moves with the elbow rest height: (step, +1 or −1), the sign
    saying whether the size grows (+1) or shrinks (−1) as the elbow height grows."""
    f = plan.findings
    out: list[tuple[Step, int]] = []
    for s in plan.steps:
        if (s.key == "desk.keyboard_tray_height_cm" and (s.buy or f.tray_route)) or (
            s.key == "desk.height_cm" and s.buy
        ):
            out.append((s, +1))
        elif (f.seat_from_elbows and s.buy == "cushion") or (
            f.seat_from_elbows
            and s.key == "footstool.height_cm"
            and s.buy
            and s.to_cm > FOOTSTOOL_WORTH_MEASURING
        ):
            out.append((s, -1))
    return out


def advise_measuring(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    erh = body.elbow_rest_height
    if erh.source != "estimated":
        return
    below, above = erh.value - erh.low, erh.high - erh.value
    depends = _resting_on_elbow(w.plan)
    if not depends:
        w.add(
            MEASURE_ID,
            "info",
            "habits",
            "Measure your elbow rest height",
            "Your desk and seat settings rest on an estimate of your elbow rest height from "
            f"your height, {w.cm(erh.value)}, which is only good to about ±{w.cm(above)}. " + HOW,
            src.ANSUR,
        )
        return
    ranges = []
    for s, sign in depends:
        lo = s.to_cm - (below if sign > 0 else above)
        hi = s.to_cm + (above if sign > 0 else below)
        what = {
            "desk.keyboard_tray_height_cm": "the keyboard tray's height",
            "desk.height_cm": "the desk's height on risers",
            "chair.cushion_cm": "the cushion",
            "footstool.height_cm": "the footstool",
        }[s.key]
        ranges.append(
            f"{what}, {w.cm(s.to_cm)} (step {s.number}), could be anywhere between "
            f"{w.cm(max(0.0, lo))} and {w.cm(hi)}"
        )
    w.add(
        MEASURE_ID,
        "high",
        "habits",
        "Measure your elbow rest height before you buy anything",
        f"The plan rests on an estimate of your elbow rest height from your height: "
        f"{w.cm(erh.value)}, between {w.cm(erh.low)} and {w.cm(erh.high)} for 9 people in 10. "
        f"Until you measure, {'; '.join(ranges)}. " + HOW,
        src.ANSUR,
        src.OUR_RULE,
    )
