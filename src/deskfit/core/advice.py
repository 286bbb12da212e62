"""Advice: a pure function of the profile (``advise(profile)``).

Every failed checklist item (ergonomics.md §5) and every setting that differs from how the
workstation stands now becomes one ``AdviceLine``: what to do, by how much, why, and the
sources. The seed advice about crossing legs and the footstool (§6) appears where it
applies. Lines are sorted by severity, then in the order a person acts: chair, desk,
footstool, monitor, then the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from deskfit.core import sources as src
from deskfit.core.body import BodyDimensions
from deskfit.core.fit import (
    FOOTSTOOL_ORDINARY_MAX,
    LUMBAR_HEIGHT,
    RECLINE,
    SEAT_CLEARANCE,
    VIEWING_DISTANCE,
    Band,
    Fit,
    Setup,
    fit,
)
from deskfit.core.profile import Profile
from deskfit.core.rosa import RosaItems, RosaScore, score
from deskfit.core.rosa_items import rosa_items
from deskfit.core.units import format_length

Severity = Literal["high", "medium", "low", "info"]
Area = Literal["chair", "desk", "footstool", "monitor", "keyboard", "mouse", "phone", "habits"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low", "info")
AREAS: tuple[Area, ...] = (
    "chair",
    "desk",
    "footstool",
    "monitor",
    "keyboard",
    "mouse",
    "phone",
    "habits",
)
NOTICEABLE_CM = 0.5  # smaller differences are not worth telling a person to adjust


@dataclass(frozen=True)
class AdviceLine:
    id: str
    severity: Severity
    area: Area
    title: str
    text: str
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "severity": self.severity,
            "title": self.title,
            "text": self.text,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Advice:
    """Everything deskfit has to say about one profile."""

    profile: Profile
    fit: Fit
    rosa_items: RosaItems
    rosa: RosaScore
    rosa_after_items: RosaItems
    rosa_after: RosaScore
    lines: list[AdviceLine]
    assumptions: list[str] = field(default_factory=list)

    @property
    def body(self) -> BodyDimensions:
        return self.fit.body

    @property
    def targets(self) -> dict[str, Band | None]:
        return self.fit.targets

    @property
    def current(self) -> Setup:
        return self.fit.current

    @property
    def settings(self) -> Setup:
        return self.fit.recommended


class _Writer:
    """Collects advice lines with lengths formatted in the person's units."""

    def __init__(self, profile: Profile) -> None:
        self.units = profile.units
        self.lines: list[AdviceLine] = []

    def cm(self, x: float) -> str:
        return format_length(abs(x), self.units)

    def move(self, now: float, to: float, up: str = "raise", down: str = "lower") -> str:
        """'raise it 4 cm' / 'lower it 2.5 cm' from a current and a target height."""
        return f"{up if to > now else down} it {self.cm(to - now)}"

    def add(
        self, id: str, severity: Severity, area: Area, title: str, text: str, *sources: str
    ) -> None:
        self.lines.append(AdviceLine(id, severity, area, title, text, tuple(sources)))


def _differs(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) >= NOTICEABLE_CM - 1e-9


def _chair(w: _Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    chair, now, to = p.chair, f.current, f.recommended
    rest = f.foot_rest_level_cm
    seat_delta = to.seat_height_cm - to.cushion_cm - now.seat_height_cm
    if chair.height_adjustable and abs(seat_delta) >= NOTICEABLE_CM:
        sev: Severity = (
            "high"
            if before.seat_height >= 2 or abs(seat_delta) >= 4
            else ("medium" if abs(seat_delta) >= 2 else "low")
        )
        if to.footstool_height_cm:
            why = (
                "so that your keyboard's home row meets your elbows at this desk; your feet "
                "then rest on a footstool"
            )
        elif f.limits.home_row_too_low_cm:
            why = "so that your feet rest flat and your thighs are level"
        else:
            why = "so that your feet rest flat, thighs level, and the home row meets your elbows"
        w.add(
            "seat-height",
            sev,
            "chair",
            f"{'Raise' if seat_delta > 0 else 'Lower'} your seat to {w.cm(to.seat_height_cm)}",
            f"Set the seat (floor to its front edge) to {w.cm(to.seat_height_cm)}: "
            f"{w.move(now.seat_height_cm, to.seat_height_cm)} from {w.cm(now.seat_height_cm)}, "
            f"{why}. Chair first, then desk, then footstool.",
            src.ANSI_HFES,
            src.CORNELL,
        )
    if f.limits.home_row_too_high_cm:
        short = f.limits.home_row_too_high_cm
        top = chair.seat_height_max_cm if chair.height_adjustable else chair.seat_height_cm
        w.add(
            "chair-too-low-for-desk",
            "high",
            "chair",
            f"Your chair cannot rise high enough for this desk ({w.cm(short)} short)",
            f"{'At its highest' if chair.height_adjustable else 'At its fixed height'} "
            f"({w.cm(top or now.seat_height_cm)}) the keyboard's home row stays "
            f"{w.cm(short)} above your elbows, so your shoulders lift while you type. Fix it "
            f"with a keyboard tray {w.cm(short)} below the desk top, a desk "
            f"{w.cm(short)} lower, or "
            f"{'a taller gas lift' if chair.height_adjustable else 'an adjustable chair'} that "
            f"reaches {w.cm(to.seat_height_cm + short)}, with a footstool under your feet.",
            src.HFES_ENVELOPE,
            src.ROSA,
        )
    if f.limits.seat_too_low_cm:
        w.add(
            "seat-cushion",
            "high" if f.limits.seat_too_low_cm >= 5 else "medium",
            "chair",
            f"Raise the seat with a {w.cm(f.limits.seat_too_low_cm)} firm cushion",
            f"The seat cannot go higher than {w.cm(to.seat_height_cm - to.cushion_cm)}, "
            f"{w.cm(f.limits.seat_too_low_cm)} below the height your legs want "
            f"({w.cm(rest)}): your knees sit above your hips. A firm, flat cushion of "
            f"{w.cm(f.limits.seat_too_low_cm)}, or a chair with a taller gas lift, fixes it.",
            src.ANSI_HFES,
            src.OSHA_THIGHS,
        )
    if chair.seat_depth_cm is not None and before.seat_depth == 2:
        depth = f.targets["seat_depth_cm"]
        assert depth is not None
        clearance = f.body.buttock_popliteal_length.value - chair.seat_depth_cm
        if chair.depth_adjustable:
            w.add(
                "seat-depth",
                "medium",
                "chair",
                f"Set the seat depth to about {w.cm(depth.value)}",
                f"There are {w.cm(clearance)} between the seat's front edge and the back of "
                f"your knees; {w.cm(SEAT_CLEARANCE[1])}–{w.cm(SEAT_CLEARANCE[2])} (two or three "
                f"fingers to a fist) lets you sit back without the edge pressing your legs. "
                f"Slide the seat to about {w.cm(depth.value)}.",
                src.ROSA,
            )
        elif clearance < SEAT_CLEARANCE[1]:
            w.add(
                "seat-depth",
                "medium",
                "chair",
                "The seat is too deep for your legs",
                f"Only {w.cm(clearance)} between the seat edge and your knees: the edge presses "
                "behind the knees or you perch forward off the backrest. A lumbar cushion moves "
                "you forward; when you next choose a chair, pick one with a seat slider.",
                src.ROSA,
            )
        else:
            w.add(
                "seat-depth",
                "low",
                "chair",
                "The seat is short for your legs",
                f"{w.cm(clearance)} between the seat edge and your knees: your thighs get little "
                "support. A chair with a deeper or adjustable seat would suit you better.",
                src.ROSA,
            )
    if not chair.backrest:
        w.add(
            "backrest",
            "medium",
            "chair",
            "Sit back against a backrest",
            "Your back has no support, so it tires and slumps. Use a chair with a backrest and "
            "sit all the way back in it, with its lumbar support in the small of your back.",
            src.OSHA_BACK,
            src.ROSA,
        )
    elif chair.lumbar_support == "none":
        w.add(
            "lumbar-support",
            "medium",
            "chair",
            "Add lumbar support",
            f"Your chair has no lumbar support. A lumbar roll or cushion "
            f"{w.cm(LUMBAR_HEIGHT[1])}–{w.cm(LUMBAR_HEIGHT[2])} above the seat keeps the "
            "inward curve of your lower back.",
            src.OSHA_BACK,
            src.BIFMA,
            src.ROSA,
        )
    elif not chair.lumbar_in_small_of_back:
        fix = (
            f"Move it to {w.cm(LUMBAR_HEIGHT[1])}–{w.cm(LUMBAR_HEIGHT[2])} above the seat"
            if chair.lumbar_support == "adjustable"
            else "A lumbar cushion at the right height does what the fixed support cannot"
        )
        w.add(
            "lumbar-support",
            "medium",
            "chair",
            "Put the lumbar support in the small of your back",
            f"The support misses the curve of your lower back. {fix}, where your back curves "
            "in just above the belt.",
            src.OSHA_BACK,
            src.BIFMA,
        )
    recline = chair.backrest_recline_deg
    if chair.backrest and not RECLINE[1] <= recline <= RECLINE[2]:
        how = (
            f"set it to about {RECLINE[0]:g}°"
            if chair.backrest_adjustable
            else f"a chair whose backrest reclines {RECLINE[1]:g}–{RECLINE[2]:g}° would suit you"
        )
        w.add(
            "backrest-recline",
            "medium",
            "chair",
            f"Backrest at {recline:g}°: {'open it up' if recline < RECLINE[1] else 'sit more upright'}",
            f"A backrest {RECLINE[1]:g}–{RECLINE[2]:g}° from the seat supports the back without "
            f"pushing the head forward; yours is at {recline:g}°: {how}.",
            src.ROSA,
        )
    if chair.armrests == "adjustable" and chair.armrest_fit != "supported":
        height = to.seat_height_cm + f.body.elbow_rest_height.value
        w.add(
            "armrest-height",
            "medium",
            "chair",
            f"Set the armrests to your elbows ({w.cm(f.body.elbow_rest_height.value)} above the seat)",
            f"The armrests are {chair.armrest_fit.replace('_', ' ')}. With shoulders relaxed they "
            f"should just touch your elbows: about {w.cm(f.body.elbow_rest_height.value)} above the "
            f"seat, {w.cm(height)} from the floor with the seat set as advised.",
            src.ROSA,
            src.OSHA,
        )
    elif chair.armrests == "fixed" and chair.armrest_fit == "too_high":
        w.add(
            "armrest-height",
            "medium",
            "chair",
            "The armrests push your shoulders up",
            "Fixed armrests above your elbows shrug the shoulders. Take them off if the chair "
            "allows, or keep your arms off them while you type.",
            src.ROSA,
        )
    if chair.armrests != "none" and (chair.armrests_hard or chair.armrests_too_wide):
        what = " and ".join(
            t
            for t, on in (("hard", chair.armrests_hard), ("too wide", chair.armrests_too_wide))
            if on
        )
        w.add(
            "armrest-surface",
            "low",
            "chair",
            f"Armrests {what}",
            "Hard armrests press on the forearm; wide ones hold the arms out from the body. Pad "
            "them, or bring them in if they adjust sideways.",
            src.ROSA,
        )


def _desk(w: _Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    desk, now, to = p.desk, f.current, f.recommended
    if desk.keyboard_tray and desk.keyboard_tray_adjustable:
        tray_now, tray_to = now.keyboard_tray_height_cm, to.keyboard_tray_height_cm
        if tray_now is not None and tray_to is not None and _differs(tray_now, tray_to):
            w.add(
                "keyboard-tray-height",
                "high" if before.keyboard_too_high else "medium",
                "desk",
                f"Set the keyboard tray to {w.cm(tray_to)}",
                f"{w.move(tray_now, tray_to).capitalize()} to {w.cm(tray_to)}, so the home row "
                "meets your elbows with your forearms level.",
                src.HFES_ENVELOPE,
                src.CORNELL,
            )
    elif desk.height_adjustable and _differs(now.desk_height_cm, to.desk_height_cm):
        w.add(
            "desk-height",
            "high" if before.work_surface_too_high else "medium",
            "desk",
            f"Set the desk to {w.cm(to.desk_height_cm)}",
            f"{w.move(now.desk_height_cm, to.desk_height_cm).capitalize()} from "
            f"{w.cm(now.desk_height_cm)} to {w.cm(to.desk_height_cm)}: with the seat at "
            f"{w.cm(to.seat_height_cm)} the keyboard's home row then meets your elbows, forearms "
            "level and shoulders relaxed.",
            src.HFES_ENVELOPE,
            src.CORNELL,
        )
    if f.limits.surface_cannot_lower_cm:
        w.add(
            "surface-at-lowest",
            "info",
            "desk",
            "The desk is at its lowest",
            f"Even at its lowest the surface is {w.cm(f.limits.surface_cannot_lower_cm)} above "
            "the ideal for you, so the seat goes up to match it"
            + (" and a footstool makes up the difference." if to.footstool_height_cm else "."),
            src.CORNELL,
        )
    if f.limits.home_row_too_low_cm:
        raise_by = f.limits.home_row_too_low_cm
        w.add(
            "desk-too-low",
            "medium",
            "desk",
            f"The desk is too low: raise it {w.cm(raise_by)}",
            f"With the seat where your legs want it, the keyboard's home row sits "
            f"{w.cm(raise_by)} below your elbows, so you stoop over it. Raise the desk "
            f"{w.cm(raise_by)} on risers, or use a desk that is "
            f"{w.cm(now.work_surface_height_cm + raise_by)} high.",
            src.HFES_ENVELOPE,
            src.OSHA,
        )
    if not desk.legroom_ok:
        w.add(
            "legroom",
            "medium",
            "desk",
            "Clear the space under the desk",
            "Your thighs and knees need room under the desk so you can sit close with your back "
            "against the backrest. Move boxes, drawers or bars out of the way.",
            src.OSHA_LEGROOM,
            src.ROSA,
        )
    stand = to.standing_work_surface_height_cm
    target = f.targets["standing_work_surface_height_cm"]
    if desk.sit_stand and stand is not None and target is not None:
        short = f.limits.standing_surface_out_of_range_cm
        extra = (
            f" The desk cannot reach the ideal {w.cm(target.value)}; it stops "
            f"{w.cm(short)} {'short' if short > 0 else 'over'}."
            if short
            else ""
        )
        w.add(
            "standing-height",
            "low",
            "desk",
            f"When you stand, set the desk to {w.cm(stand)}",
            f"Standing in your shoes, {w.cm(stand)} puts the home row at your elbows. Alternate: "
            f"sit about 20 minutes, stand about 8, and move for 2 every half hour.{extra}",
            src.CORNELL_BREAKS,
            src.HFES_ENVELOPE,
        )


SEED_FOOTSTOOL_USE = (
    "Put it under the desk and adjust its height and distance until your feet rest "
    "comfortably; try different heights, and keep moving your feet during the day."
)


def _footstool(w: _Writer, p: Profile, f: Fit, before: RosaItems) -> None:
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
        elif stool.adjustable and _differs(now.footstool_height_cm, need):
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


def _monitor(w: _Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    mon, now, to = p.monitor, f.current, f.recommended
    progressive = p.body.lenses == "progressive"
    if _differs(now.monitor_top_height_cm, to.monitor_top_height_cm):
        delta = to.monitor_top_height_cm - now.monitor_top_height_cm
        sev: Severity = "high" if before.monitor >= 2 else ("medium" if abs(delta) >= 4 else "low")
        where = (
            "10 cm below your eyes, since progressive lenses need you to look down through them"
            if progressive
            else "a little below eye level, so you look slightly down"
        )
        w.add(
            "monitor-height",
            sev,
            "monitor",
            f"{'Raise' if delta > 0 else 'Lower'} the screen's top edge to {w.cm(to.monitor_top_height_cm)}",
            f"{w.move(now.monitor_top_height_cm, to.monitor_top_height_cm).capitalize()}: the top "
            f"of the picture belongs {where} (with the seat at {w.cm(to.seat_height_cm)}). "
            + (
                "Use a monitor riser or a stack of books."
                if delta > 0
                else "Lower the stand or take the screen off its riser."
            )
            + " "
            + (
                "A laptop needs a stand with a separate keyboard and mouse."
                if p.keyboard.home_row_above_surface_cm <= 2 and delta > 0
                else ""
            ),
            *((src.OSHA_MONITOR, src.BIFOCAL) if progressive else (src.OSHA_MONITOR,)),
        )
    if not VIEWING_DISTANCE[1] <= mon.distance_cm <= VIEWING_DISTANCE[2]:
        far = mon.distance_cm > VIEWING_DISTANCE[2]
        w.add(
            "monitor-distance",
            "medium" if far else "low",
            "monitor",
            f"Move the screen {'closer' if far else 'further away'} (about {w.cm(VIEWING_DISTANCE[0])})",
            f"The screen is {w.cm(mon.distance_cm)} from your eyes; "
            f"{w.cm(VIEWING_DISTANCE[1])}–{w.cm(VIEWING_DISTANCE[2])}, about arm's length, lets "
            f"you read without leaning in. Text should be at least "
            f"{w.cm(VIEWING_DISTANCE[0] / 200)} tall at {w.cm(VIEWING_DISTANCE[0])}: enlarge it "
            "rather than lean in.",
            src.OSHA,
            src.ROSA,
        )
    if not mon.directly_in_front:
        w.add(
            "monitor-in-front",
            "medium",
            "monitor",
            "Put the screen straight in front of you",
            "Turning your head more than 30° to see the screen strains the neck all day. Centre "
            "the screen you use most on your keyboard.",
            src.OSHA_MONITOR,
            src.ROSA,
        )
    if mon.glare:
        w.add(
            "glare",
            "low",
            "monitor",
            "Get rid of the glare",
            "Turn the screen side-on to windows, close blinds, or move the lamp that reflects in "
            "it; an anti-glare filter helps when nothing else can.",
            src.OSHA,
            src.ROSA,
        )
    if mon.reads_documents and not mon.document_holder:
        w.add(
            "document-holder",
            "low",
            "monitor",
            "Use a document holder",
            "Reading paper flat on the desk bends the neck down and sideways. A holder beside "
            "the screen, at the same height and distance, keeps the head level.",
            src.OSHA,
            src.ROSA,
        )


def _keyboard_mouse(w: _Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    kb, mouse = p.keyboard, p.mouse
    if not kb.wrists_straight:
        w.add(
            "wrists-straight",
            "medium",
            "keyboard",
            "Keep your wrists straight",
            "Fold away the keyboard's feet so it lies flat or tilts slightly away from you, and "
            "float your hands over it: bent-up wrists strain the forearm tendons.",
            src.OSHA,
            src.ROSA,
        )
    if kb.wrists_deviate:
        w.add(
            "wrists-deviate",
            "low",
            "keyboard",
            "Keep your wrists in line with your forearms",
            "Bending the hands sideways to reach keys strains the wrist; move the whole hand, or "
            "try a split keyboard.",
            src.OSHA,
            src.ROSA,
        )
    if kb.reaches_overhead:
        w.add(
            "overhead-reach",
            "low",
            "keyboard",
            "Keep what you use within reach",
            "Move what you reach up for to the desk or a shelf below shoulder height.",
            src.ROSA,
        )
    if not mouse.in_line_with_shoulder:
        w.add(
            "mouse-position",
            "medium",
            "mouse",
            "Bring the mouse in line with your shoulder",
            "Reaching for the mouse holds the arm out all day. Keep it right beside the keyboard; "
            "a keyboard without a number pad brings it closer.",
            src.OSHA,
            src.ROSA,
        )
    if not mouse.same_surface_as_keyboard:
        w.add(
            "mouse-same-surface",
            "medium",
            "mouse",
            "Put the mouse on the same surface as the keyboard",
            "A mouse on a different level from the keyboard makes the arm reach up or down. Use a "
            "tray wide enough for both, or both on the desk.",
            src.OSHA,
            src.ROSA,
        )
    if mouse.pinch_grip:
        w.add(
            "mouse-size",
            "low",
            "mouse",
            "Use a mouse that fills your hand",
            "Pinching a small mouse with the fingertips tires the hand; a larger mouse lets the "
            "palm rest on it.",
            src.ROSA,
        )
    if mouse.hard_palm_rest:
        w.add(
            "palm-rest",
            "low",
            "mouse",
            "Soften or remove the palm rest",
            "A hard edge in front of the mouse presses on the carpal tunnel.",
            src.ROSA,
        )


def _phone(w: _Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    phone = p.phone
    if phone.use == "none":
        return
    if phone.neck_shoulder_hold:
        w.add(
            "phone-neck-hold",
            "high",
            "phone",
            "Never cradle the phone on your shoulder",
            "Holding the phone between ear and shoulder bends the neck sideways for the whole "
            "call. Use a headset or the speaker.",
            src.OSHA,
            src.ROSA,
        )
    if phone.use == "handset" and phone.hours_per_day >= 1:
        w.add(
            "phone-headset",
            "medium",
            "phone",
            "Use a headset for calls",
            f"About {phone.hours_per_day:g} h a day on a handset keeps one hand and the neck "
            "busy; a headset frees both.",
            src.OSHA,
            src.ROSA,
        )
    if not phone.within_reach:
        w.add(
            "phone-reach",
            "low",
            "phone",
            "Keep the phone within 30 cm",
            "Reaching for a phone further away twists the trunk; keep it within easy reach.",
            src.OSHA,
            src.ROSA,
        )


def _habits(w: _Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    h = p.habits
    if h.longest_stretch_min > 30 or h.hours_per_day > 4:
        urgent = h.hours_per_day > 4
        w.add(
            "breaks",
            "medium" if h.longest_stretch_min > 60 else "low",
            "habits",
            "Get up and move every half hour",
            f"You sit up to {h.longest_stretch_min} minutes at a stretch"
            f"{f', {h.hours_per_day:g} hours a day' if urgent else ''}. Each half hour: sit about "
            "20 minutes, stand about 8, and move about for 2."
            + (
                " More than 4 hours a day at the desk makes a good set-up urgent." if urgent else ""
            ),
            src.CORNELL_BREAKS,
        )
    body = f.body
    if body.elbow_rest_height.source == "estimated":
        w.add(
            "measure-elbow",
            "info",
            "habits",
            "Measure your elbow rest height",
            "Your desk and seat settings rest on an estimate of your elbow height from your "
            f"height, which is only good to about ±{w.cm((body.elbow_rest_height.high - body.elbow_rest_height.low) / 2)}. "
            "Sit upright, upper arm hanging, elbow at 90°, and measure from the seat to the "
            "underside of the elbow; enter it and the advice sharpens.",
            src.ANSUR,
        )
    if body.stature_outside_data:
        w.add(
            "stature-outside-data",
            "info",
            "habits",
            "Your height is outside the survey data",
            "The body estimates come from people 145–205 cm tall; yours are extrapolated, so "
            "measure the body dimensions if you can.",
            src.ANSUR,
        )


_SECTIONS: tuple[Callable[[_Writer, Profile, Fit, RosaItems], None], ...] = (
    _chair,
    _desk,
    _footstool,
    _monitor,
    _keyboard_mouse,
    _phone,
    _habits,
)


def estimated_keys(profile: Profile, body: BodyDimensions) -> list[str]:
    """The estimated body dimensions this profile's advice rests on, as profile keys.

    Standing elbow height is always estimated but matters only for a sit-stand desk.
    """
    return [
        key
        for key in body.estimated()
        if key != "elbow_height_standing_cm" or profile.desk.sit_stand
    ]


def assumptions_for(profile: Profile, fit_: Fit) -> list[str]:
    """What the advice assumes: estimated body dimensions and unanswered questions."""
    out = []
    names = {
        "popliteal_height_cm": "popliteal height (seat height)",
        "elbow_rest_height_cm": "elbow rest height (desk and keyboard height)",
        "eye_height_sitting_cm": "eye height sitting (monitor height)",
        "buttock_popliteal_length_cm": "buttock–popliteal length (seat depth)",
        "elbow_height_standing_cm": "elbow height standing (standing desk height)",
    }
    for key in estimated_keys(profile, fit_.body):
        out.append(f"Estimated from your height and sex: {names[key]}.")
    if profile.chair.seat_depth_cm is None:
        out.append("Seat depth not given: taken as fitting.")
    return out


def advise(profile: Profile) -> Advice:
    """All of deskfit's advice for a profile. Pure and deterministic."""
    f = fit(profile)
    before = rosa_items(profile, f.body, f.current, after=False)
    after = rosa_items(profile, f.body, f.recommended, after=True)
    writer = _Writer(profile)
    for section in _SECTIONS:
        section(writer, profile, f, before)
    order = {(s, a): (SEVERITIES.index(s), AREAS.index(a)) for s in SEVERITIES for a in AREAS}
    lines = sorted(writer.lines, key=lambda line: order[(line.severity, line.area)])
    return Advice(
        profile=profile,
        fit=f,
        rosa_items=before,
        rosa=score(before),
        rosa_after_items=after,
        rosa_after=score(after),
        lines=lines,
        assumptions=assumptions_for(profile, f),
    )
