"""The footstool and the seed advice (ergonomics.md §6): feet supported, legs uncrossed."""

from __future__ import annotations

from deskfit.core import sources as src
from deskfit.core.advice.lines import Severity, Writer, differs
from deskfit.core.fit import (
    FOOTSTOOL_ORDINARY_MAX,
    Fit,
)
from deskfit.core.profile import Profile
from deskfit.core.rosa import RosaItems

SEED_FOOTSTOOL_USE = (
    "Put it under the desk and adjust its height and distance until your feet rest "
    "comfortably; try different heights, and keep moving your feet during the day."
)


def advise_footstool(w: Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    stool, to, now = p.footstool, f.recommended, f.current
    need = to.footstool_height_cm
    crosses = p.habits.crosses_legs
    if need:
        sev: Severity = "high" if need >= 5 or before.seat_height == 3 else "medium"
        beyond = (
            f" {w.cm(need)} is more than ordinary footrests reach "
            f"({w.cm(FOOTSTOOL_ORDINARY_MAX)}): a keyboard tray or a lower desk that lets the "
            "seat come down is the better fix."
            if need > FOOTSTOOL_ORDINARY_MAX
            else ""
        )
        why = (
            f"With the seat at {w.cm(to.seat_height_cm)} your feet are {w.cm(need)} off the "
            "floor; resting them on a footstool supports the legs, keeps the pelvis centred and "
            "takes the pressure off the backs of your thighs."
        )
        if not stool.owned:
            w.add(
                "footstool-height",
                sev,
                "footstool",
                f"Get a {w.cm(need)} footstool",
                f"{why} Choose one with a foot plate at least 45 × 35 cm, adjustable in height "
                f"(to at least 11 cm) and tilt (5–15°), stable under the whole foot.{beyond} "
                + SEED_FOOTSTOOL_USE,
                src.OSHA_FEET,
                src.DIN_4556,
                src.CORNELL,
            )
        elif f.limits.footstool_beyond_range_cm:
            off = f.limits.footstool_beyond_range_cm
            end = stool.height_max_cm if off > 0 else stool.height_min_cm
            w.add(
                "footstool-height",
                sev,
                "footstool",
                f"Your footstool needs to reach {w.cm(need)}",
                f"{why} Yours goes {'up' if off > 0 else 'down'} to {w.cm(end or 0)}, "
                f"{w.cm(off)} {'short' if off > 0 else 'too high'}: set it to "
                f"{w.cm(end or 0)} and add a firm board, or get one that reaches {w.cm(need)}."
                f"{beyond}",
                src.OSHA_FEET,
                src.DIN_4556,
            )
        elif f.limits.footstool_fixed_off_cm:
            off = f.limits.footstool_fixed_off_cm
            w.add(
                "footstool-height",
                sev,
                "footstool",
                f"Your footstool is {w.cm(off)} too {'low' if off > 0 else 'high'}",
                f"{why} Yours is {w.cm(stool.height_cm or 0)}: you need one "
                f"{w.cm(off)} {'higher' if off > 0 else 'lower'}, {w.cm(need)} in all "
                f"(an adjustable one lets you try heights).{beyond}",
                src.OSHA_FEET,
                src.DIN_4556,
            )
        elif not stool.in_use:
            w.add(
                "footstool-height",
                sev,
                "footstool",
                "Use your footstool",
                f"{why} You have one: put it under the desk at {w.cm(need)}. " + SEED_FOOTSTOOL_USE,
                src.OSHA_FEET,
            )
        elif stool.adjustable and differs(now.footstool_height_cm, need):
            w.add(
                "footstool-height",
                "medium",
                "footstool",
                f"Set your footstool to {w.cm(need)}",
                f"{why} {w.move(now.footstool_height_cm, need).capitalize()} from "
                f"{w.cm(now.footstool_height_cm)}. " + SEED_FOOTSTOOL_USE,
                src.OSHA_FEET,
            )
        elif beyond:
            w.add(
                "footstool-height",
                "medium",
                "footstool",
                "A very tall footstool",
                beyond.strip(),
                src.OSHA_FEET,
                src.OUR_RULE,
            )
    elif stool.owned and stool.in_use and now.footstool_height_cm >= 2.5:
        w.add(
            "footstool-not-needed",
            "medium",
            "footstool",
            "Keep your feet on the floor for most of the day",
            f"With the seat at {w.cm(to.seat_height_cm)} your feet rest flat on the floor; on the "
            f"{w.cm(now.footstool_height_cm)} footstool your knees rise above your hips. Keep it "
            "as a second foot position and move between the two.",
            src.OSHA_FEET,
            src.ANSI_HFES,
        )
    elif crosses != "never" or p.habits.hours_per_day > 4:
        w.add(
            "footstool-second-position",
            "low",
            "footstool",
            "Consider a low, tilting footstool as a second foot position",
            "Your feet reach the floor, so you do not need a footstool; still, a low tilting one "
            "gives your feet somewhere else to go over a long day, so your body does not get "
            "posture-bored and you are less tempted to cross your legs. " + SEED_FOOTSTOOL_USE,
            src.OUR_RULE,
            src.JUNG_2020,
        )
    if crosses != "never":
        w.add(
            "crossing-legs",
            "medium" if crosses == "often" else "low",
            "footstool",
            "Stop crossing your legs",
            "Crossing your legs at the desk loads the lower back unevenly: it brings more slouch "
            "and pelvic tilt, and more so in people with low back pain. Keep both feet supported "
            + ("on the footstool" if need or stool.owned else "on the floor")
            + ", and when you want to move, change foot position instead. Desks and chairs are "
            "mass produced; setting them up for your body is the investment.",
            src.JUNG_2020,
            src.OSHA_FEET,
        )
