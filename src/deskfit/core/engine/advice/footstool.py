"""The footstool and the seed advice (ergonomics.md §6, §3.3): feet supported, legs uncrossed."""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import Writer, severity_of_change
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.plan import Step
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.engine.targets import (
    FOOTSTOOL_ORDINARY_MAX,
    FOOTSTOOL_STANDARD_MAX,
    HOME_ROW_ABOVE,
    SEAT_TOLERANCE,
)
from deskfit.core.model.profile import Profile

SEED_FOOTSTOOL_USE = (
    "Put it under the desk and adjust its height and distance until your feet rest "
    "comfortably; try different heights, and keep moving your feet during the day."
)
# DIN 4556: a foot plate of at least 45 × 35 cm, tilting 5–15°.
PLATE_CM = (45.0, 35.0)


def buying_spec(w: Writer, height_cm: float) -> str:
    """What to look for in a footrest that must reach ``height_cm`` (DIN 4556, §3.3)."""
    return (
        f"Choose one with a foot plate at least {w.dims(*PLATE_CM)}, adjustable in height to "
        f"at least {w.cm(max(FOOTSTOOL_STANDARD_MAX, height_cm))} and tilting 5–15°, stable "
        "under the whole foot."
    )


def _tall(w: Writer, need: float) -> str:
    """§3.3: above 11 cm few footrests go; show the alternative with its numbers."""
    f = w.plan.findings
    if w.cm(need) == w.cm(FOOTSTOOL_STANDARD_MAX) or need <= FOOTSTOOL_STANDARD_MAX:
        return ""
    if need > FOOTSTOOL_ORDINARY_MAX and w.cm(need) != w.cm(FOOTSTOOL_ORDINARY_MAX):
        text = (
            f" {w.cm(need)} is more than ordinary footrests reach ({w.cm(FOOTSTOOL_ORDINARY_MAX)})."
        )
    else:
        text = f" Few footrests go as high as {w.cm(need)}."
    if f.tall_footstool_desk_cm:
        feet = (
            f"with {w.a(f.tall_footstool_feet_cm)} footstool"
            if f.tall_footstool_feet_cm
            else "without a footstool"
        )
        tray = (
            "re-mounting your keyboard tray"
            if w.plan.start.keyboard_tray_height_cm
            else "a keyboard tray"
        )
        instead = (
            f"{tray} at {w.cm(f.tall_footstool_tray_cm)} (or a desk that high)"
            if f.tall_footstool_tray_cm
            else f"a desk {w.cm(f.tall_footstool_desk_cm)} high"
        )
        text += f" Instead, {instead} would let you sit at {w.cm(f.tall_footstool_seat_cm)} {feet}."
    return text


def advise_footstool(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    plan = w.plan
    f, end, start = plan.findings, plan.end, plan.start
    s = plan.step("footstool.height_cm")
    crosses = p.habits.crosses_legs
    if s is not None and s.to_cm > 0:
        _footstool_step(w, p, s, before)
    elif s is not None:
        _put_aside(w, s)
    elif f.footstool_short_cm and end.footstool_height_cm:
        _out_of_range(w, p)
    if f.tray_route:
        _fallback(w, s)
    if (
        not end.footstool_height_cm
        and not (s is not None and s.to_cm == 0)
        and (crosses != "never" or p.habits.hours_per_day > 4)
        and not f.tray_route
    ):
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
        on_stool = end.footstool_height_cm > 0 or start.footstool_height_cm > 0
        # The slouch and pelvic tilt of crossed legs are worse with low back pain (Jung
        # et al. 2020): reported lower back trouble makes it one severity more pressing.
        back = p.symptoms.trouble("lower_back")
        w.add(
            "crossing-legs",
            ("high" if back else "medium") if crosses == "often" else ("medium" if back else "low"),
            "footstool",
            "Stop crossing your legs",
            "Crossing your legs at the desk loads the lower back unevenly: it brings more slouch "
            "and pelvic tilt, and more so in people with low back pain. Keep both feet supported "
            + ("on the footstool" if end.footstool_height_cm else "on the floor")
            + (
                ", with the footstool as a second place for them"
                if on_stool and not end.footstool_height_cm
                else ""
            )
            + ", and when you want to move, change foot position instead. Desks and chairs are "
            "mass produced; setting them up for your body is the investment.",
            src.JUNG_2020,
            src.OSHA_FEET,
        )


def _why(w: Writer, need: float) -> str:
    sitting = w.plan.end.sitting_height_cm
    return (
        f"With you sitting at {w.cm(sitting)} your feet are {w.cm(need)} off the floor; resting "
        "them on a footstool supports the legs, keeps the pelvis centred and takes the "
        "pressure off the backs of your thighs."
    )


def _footstool_step(w: Writer, p: Profile, s: Step, before: RosaItems) -> None:
    f = w.plan.findings
    stool = p.footstool
    need = f.footstool_cm
    sev = severity_of_change(s.change_cm, SEAT_TOLERANCE, buy=bool(s.buy))
    head = f"{w.step_of(s)}. {_why(w, need)}"
    if not stool.owned:
        w.add(
            "footstool-height",
            sev,
            "footstool",
            f"Get {w.a(s.to_cm)} footstool",
            f"{head} {buying_spec(w, s.to_cm)}{_tall(w, s.to_cm)} {SEED_FOOTSTOOL_USE}",
            src.OSHA_FEET,
            src.DIN_4556,
            src.CORNELL,
        )
    elif s.buy:  # an owned fixed one too far off: replace it
        off = s.to_cm - (stool.height_cm or 0.0)
        w.add(
            "footstool-height",
            sev,
            "footstool",
            f"Your footstool is {w.cm(off)} too {'low' if off > 0 else 'high'}",
            f"{head} Yours is {w.cm(stool.height_cm or 0.0)}: get one of {w.cm(s.to_cm)}, "
            f"{w.cm(off)} {'higher' if off > 0 else 'lower'}. {buying_spec(w, s.to_cm)}"
            f"{_tall(w, s.to_cm)}",
            src.OSHA_FEET,
            src.DIN_4556,
        )
    elif s.from_cm is None:  # owned, not in use
        setting = f"set to {w.cm(s.to_cm)}" if stool.adjustable else f"as it is ({w.cm(s.to_cm)})"
        w.add(
            "footstool-height",
            sev,
            "footstool",
            "Use your footstool",
            f"{head} You have one: put it under the desk, {setting}.{_short(w, p)} "
            + SEED_FOOTSTOOL_USE,
            src.OSHA_FEET,
        )
    else:  # owned, adjustable, in use: set it
        w.add(
            "footstool-height",
            sev,
            "footstool",
            f"Set your footstool to {w.cm(s.to_cm)}",
            f"{head} {w.move(s.from_cm, s.to_cm).capitalize()} from {w.cm(s.from_cm)} to "
            f"{w.cm(s.to_cm)}.{_short(w, p)} {SEED_FOOTSTOOL_USE}",
            src.OSHA_FEET,
        )


def _short(w: Writer, p: Profile) -> str:
    """An owned adjustable footstool that cannot reach the height needed."""
    f = w.plan.findings
    off = f.footstool_short_cm
    if abs(off) < 0.25:
        return ""
    stool = p.footstool
    end = stool.height_max_cm if off > 0 else stool.height_min_cm
    if off > 0:
        return (
            f" It goes up to {w.cm(end or 0.0)}, {w.cm(off)} short of {w.cm(f.footstool_cm)}: "
            f"add a firm board of {w.cm(off)} under it, or get one that reaches "
            f"{w.cm(f.footstool_cm)}."
        )
    return (
        f" It goes down to {w.cm(end or 0.0)}, {w.cm(off)} more than the {w.cm(f.footstool_cm)} "
        "you need: a lower one would fit better."
    )


def _out_of_range(w: Writer, p: Profile) -> None:
    """An owned adjustable footstool already at the end of its range, still not enough."""
    f = w.plan.findings
    w.add(
        "footstool-height",
        "medium",
        "footstool",
        f"Your footstool needs to reach {w.cm(f.footstool_cm)}",
        f"{_why(w, f.footstool_cm)}{_short(w, p)}",
        src.OSHA_FEET,
        src.DIN_4556,
    )


def _put_aside(w: Writer, s: Step) -> None:
    sitting = w.plan.end.sitting_height_cm
    w.add(
        "footstool-not-needed",
        "medium",
        "footstool",
        "Keep your feet on the floor for most of the day",
        f"{w.step_of(s)}. With you sitting at {w.cm(sitting)} your feet rest flat on the floor; "
        f"on the {w.cm(s.from_cm or 0.0)} footstool your knees rise above your hips. Take it "
        f"from under your feet (footstool: {w.cm(0.0)}) and keep it as a second foot position "
        "to move between.",
        src.OSHA_FEET,
        src.ANSI_HFES,
    )


def _fallback(w: Writer, s: Step | None) -> None:
    """§3.3: with a tray leading, the way without it, with its numbers: the seat (and a
    cushion), the footrest it takes, the screen for those eyes, what is left over."""
    f = w.plan.findings
    tray = w.plan.step("desk.keyboard_tray_height_cm")
    need = f.fallback_footstool_cm
    seat = f"set the seat to {w.cm(f.fallback_seat_cm)}"
    if f.fallback_cushion_cm:
        seat += f" with a firm {w.cm(f.fallback_cushion_cm)} cushion on it"
    elbows = (
        f"so your elbows come as close as they can to the home row at the desk (it stays "
        f"{w.cm(f.fallback_home_row_high_cm)} above them)"
        if f.fallback_home_row_high_cm > HOME_ROW_ABOVE
        else "so your elbows meet the home row at the desk"
    )
    parts = [
        f"If you cannot fit the keyboard tray{f' (step {tray.number})' if tray else ''}: "
        f"{seat}, {elbows}"
    ]
    if need:
        beyond = (
            f", more than ordinary footrests reach ({w.cm(FOOTSTOOL_ORDINARY_MAX)})"
            if need > FOOTSTOOL_ORDINARY_MAX and w.cm(need) != w.cm(FOOTSTOOL_ORDINARY_MAX)
            else ""
        )
        parts.append(f"; rest your feet on a footrest that reaches {w.cm(need)}{beyond}")
    parts.append(f"; and put the screen's top edge at {w.cm(f.fallback_screen_cm)}.")
    if f.fallback_thighs_short_cm:
        parts.append(
            f" Your thighs would then be {w.fine(f.fallback_thighs_short_cm)} short of room "
            "under the desk."
        )
    if need:
        few = "Few footrests go that high: " if need > FOOTSTOOL_STANDARD_MAX else ""
        spec = buying_spec(w, need)
        parts.append(f" {few}{spec[0].lower() if few else spec[0]}{spec[1:]}")
    has_step = s is not None and s.advice_id == "footstool-height"
    w.add(
        "footstool-fallback" if has_step or not need else "footstool-height",
        "medium",
        "footstool",
        f"Without the tray: a footrest that reaches {w.cm(need)}" if need else "Without the tray",
        "".join(parts),
        src.OSHA_FEET,
        src.DIN_4556,
        src.OUR_RULE,
    )
