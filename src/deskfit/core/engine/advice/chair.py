"""The chair: seat height, cushion, the chair's limits, seat depth, back support, armrests."""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import Writer, severity_of_change
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.engine.targets import (
    CHAIR_SEAT_MAX,
    FOOTSTOOL_MIN,
    FOOTSTOOL_ORDINARY_MAX,
    HOME_ROW_ABOVE,
    LUMBAR_HEIGHT,
    RECLINE,
    SEAT_CLEARANCE,
    SEAT_TOLERANCE,
    TRAY_BELOW_DESK,
    TRAY_LOWEST,
)
from deskfit.core.model.profile import Profile

ARMREST_CLEARANCE = 1.0  # cm between an armrest's top and the desk's underside
ARMREST_LOWEST = 15.0  # cm above the seat: below this an armrest supports no arm


def _armrest_room(w: Writer, p: Profile, sitting: float) -> float | None:
    """How high an armrest may reach and still pass under the desk's front edge, when the
    keyboard is on the desk at the elbows (the forearms then rest on the desk top); None
    with a keyboard tray, which the chair pulls up to instead."""
    end = w.plan.end
    if end.keyboard_tray_height_cm is not None:
        return None
    return end.desk_height_cm - p.desk.thickness_cm - ARMREST_CLEARANCE


def advise_chair(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    _seat_height(w, p)
    _cushion(w, p)
    _chair_runs_out(w, p, body)
    _seat_depth(w, p, body, before)
    _back_and_arms(w, p, body, before)


def _seat_height(w: Writer, p: Profile) -> None:
    plan = w.plan
    f, end = plan.findings, plan.end
    s = plan.step("chair.seat_height_cm")
    if s is None or s.from_cm is None:
        return
    stool = plan.step("footstool.height_cm")
    on_stool = end.footstool_height_cm > 0
    stool_ref = f" (step {stool.number})" if stool is not None and on_stool else ""
    feet = _feet_words(w, stool_ref)
    if f.tray_route:
        tray = plan.step("desk.keyboard_tray_height_cm")
        why = feet
        if tray is not None:
            why += f". The keyboard tray (step {tray.number}) brings the keys to your elbows"
    elif f.seat_from_elbows:
        if f.home_row_high_cm:
            why = "as close as the chair goes to the height this desk needs for your elbows"
        elif f.home_row_low_cm:
            why = "as low as the chair goes, which is still above the height this desk needs"
        else:
            why = f"so that {w.home_row()} at this desk"
        if on_stool:
            why += f"; your feet then rest on a footstool{stool_ref}"
    else:
        why = feet
        follows = next(
            (
                x
                for x in plan.steps
                if x.advice_id in ("desk-height", "keyboard-tray-height") and x.number > s.number
            ),
            None,
        )
        if follows is not None:
            what = "keyboard tray" if "tray" in follows.key else "desk"
            reach = (
                "to"
                if abs(f.home_row_offset_cm) <= HOME_ROW_ABOVE + 0.25
                else "as close as it can to"
            )
            why += f"; the {what} then comes {reach} your elbows (step {follows.number})"
    extra = ""
    if end.cushion_cm:
        extra += f" With the {w.cm(end.cushion_cm)} cushion on it you sit at {w.cm(end.sitting_height_cm)}."
    lower = f.home_row_offset_cm  # the home row above the elbows is the seat kept lower
    if f.thigh_room_made_cm and f.thigh_room_by == "seat" and w.fine(lower) != w.fine(0):
        room = (
            "so your thighs fit under the desk"
            if not f.thighs_short_cm
            else "to give your thighs as much room as your elbows allow"
        )
        extra += f" That is {w.fine(lower)} lower than your elbows alone would want, {room}."
    delta = s.to_cm - s.from_cm
    w.add(
        "seat-height",
        severity_of_change(delta, SEAT_TOLERANCE),
        "chair",
        f"{'Raise' if delta > 0 else 'Lower'} your seat to {w.cm(s.to_cm)}",
        f"{w.step_of(s)}. Set the seat (floor to its front edge) to {w.cm(s.to_cm)}: "
        f"{w.move(s.from_cm, s.to_cm)} from {w.cm(s.from_cm)}, {why}.{extra}",
        src.ANSI_HFES,
        src.CORNELL,
    )


def _feet_words(w: Writer, stool_ref: str) -> str:
    """Why a seat is set for the legs, as true as the plan makes it."""
    f, end = w.plan.findings, w.plan.end
    gap = end.sitting_height_cm - f.rest_cm
    if end.footstool_height_cm:
        return (
            f"as close as it goes to the {w.cm(f.rest_cm)} your legs want; a footstool"
            f"{stool_ref} takes your feet the rest of the way"
        )
    if abs(gap) <= SEAT_TOLERANCE + 0.35:
        return "so that your feet rest flat and your thighs are level"
    if gap > 0:
        return f"as low as it goes; your feet still hang {w.cm(gap)} above the floor"
    return f"as high as it goes; you still sit {w.cm(-gap)} lower than your legs want"


def _at_top(p: Profile) -> str:
    return "At its highest" if p.chair.height_adjustable else "At its fixed height"


def _cushion(w: Writer, p: Profile) -> None:
    plan = w.plan
    f, end = plan.findings, plan.end
    s = plan.step("chair.cushion_cm")
    if s is None:
        return
    before = s.from_cm or 0.0
    sitting = end.sitting_height_cm
    chair_top = end.seat_height_cm
    if s.to_cm > before:
        if f.seat_from_elbows:
            short = f.seat_needed_cm - (chair_top + before)
            result = (
                f"as far as a cushion should go: {w.home_row()}"
                if f.home_row_high_cm
                else f"where {w.home_row()}"
            )
            text = (
                f"{_at_top(p)} ({w.cm(chair_top)}) your chair leaves the keyboard's "
                f"home row {w.cm(short)} above your elbows. A firm, flat cushion of "
                f"{w.cm(s.to_cm)} on the seat lifts you to {w.cm(sitting)}, {result}."
            )
        else:
            low = f.rest_cm - (chair_top + before)
            other = (
                f"a chair with a taller gas lift, reaching {w.cm(f.rest_cm)}"
                if p.chair.height_adjustable
                else f"a chair whose seat is {w.cm(f.rest_cm)} high"
            )
            text = (
                f"{_at_top(p)} ({w.cm(chair_top)}) the seat is {w.cm(low)} below "
                f"the height your legs want ({w.cm(f.rest_cm)}): your knees sit above your "
                f"hips. A firm, flat cushion of {w.cm(s.to_cm)} lifts you to {w.cm(sitting)}; "
                f"{other} would do it without one."
            )
            if f.seat_low_cm:
                text += (
                    f" Even with it you sit {w.cm(f.seat_low_cm)} lower than your legs want: "
                    "the other chair is the real fix."
                )
        w.add(
            "seat-cushion",
            "high",
            "chair",
            f"Sit on a firm {w.cm(s.to_cm)} cushion",
            f"{w.step_of(s)}. {text}",
            src.ANSI_HFES,
            src.OSHA_THIGHS,
        )
        return
    lowest = p.chair.seat_height_min_cm if p.chair.height_adjustable else p.chair.seat_height_cm
    what = (
        f"take it off (cushion: {w.cm(0)})"
        if not s.to_cm
        else f"use a thinner one, {w.cm(s.to_cm)}"
    )
    w.add(
        "seat-cushion",
        "medium",
        "chair",
        "Take the cushion off" if not s.to_cm else f"Use a thinner cushion ({w.cm(s.to_cm)})",
        f"{w.step_of(s)}. With the {w.cm(before)} cushion you sit too high even with the seat "
        f"at its lowest ({w.cm(lowest or end.seat_height_cm)}): {what}, so that you sit at "
        f"{w.cm(sitting)}.",
        src.ANSI_HFES,
    )


def _chair_runs_out(w: Writer, p: Profile, body: BodyDimensions) -> None:
    """§3.3: the home row stays above the elbows at the chair's highest."""
    f, end = w.plan.findings, w.plan.end
    high = f.home_row_high_cm
    if not high or f.tray_route:
        return
    top = end.seat_height_cm
    with_cushion = (
        f", with the {w.cm(end.cushion_cm)} cushion (you sit at {w.cm(end.sitting_height_cm)})"
        if end.cushion_cm
        else ""
    )
    k = p.keyboard.home_row_above_surface_cm
    erh = body.elbow_rest_height.value
    legs = f.legs_sitting_cm or end.sitting_height_cm  # where the legs put you on this chair
    at_elbow = legs + erh - k
    remedies = []
    lowest = p.desk.keyboard_tray_min_cm  # a tray of yours that comes down only so far
    own_tray = end.keyboard_tray_height_cm is not None and p.desk.keyboard_tray_adjustable
    if TRAY_LOWEST <= at_elbow <= end.desk_height_cm - TRAY_BELOW_DESK:
        if own_tray and lowest is not None and at_elbow < lowest:
            remedies.append(
                f"your keyboard tray mounted lower, to come down to {w.cm(at_elbow)} with you "
                f"sitting at {w.cm(legs)} (it goes no lower than {w.fine(lowest)})"
            )
        else:
            remedies.append(f"a keyboard tray at {w.cm(at_elbow)} with you sitting at {w.cm(legs)}")
    remedies.append(f"a desk {w.cm(at_elbow)} high")
    need = f.seat_needed_cm
    footstool = need - f.rest_cm
    if need <= CHAIR_SEAT_MAX + 1e-9 and footstool <= FOOTSTOOL_ORDINARY_MAX + 1e-9:
        feet = f", with {w.a(footstool)} footstool" if footstool >= FOOTSTOOL_MIN else ""
        remedies.append(f"a chair whose seat reaches {w.cm(need)}{feet}")
    listed = "; ".join(remedies[:-1]) + ("; or " if len(remedies) > 1 else "") + remedies[-1]
    w.add(
        "chair-too-low-for-desk",
        "high",
        "chair",
        "Your chair cannot rise high enough for this desk",
        f"{_at_top(p)} ({w.cm(top)}){with_cushion} the keyboard's home row stays "
        f"{w.cm(high)} above your elbows, so your shoulders lift while you type. What fixes "
        f"it: {listed}.",
        src.HFES_ENVELOPE,
        src.ROSA,
    )


def _seat_depth(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    chair = p.chair
    s = w.plan.step("chair.seat_depth_cm")
    if chair.seat_depth_cm is None or (s is None and before.seat_depth != 2):
        return
    clearance = body.buttock_popliteal_length.value - chair.seat_depth_cm
    if s is not None:
        w.add(
            "seat-depth",
            "medium",
            "chair",
            f"Set the seat depth to {w.cm(s.to_cm)}",
            f"{w.step_of(s)}. "
            + (
                f"The gap between the seat's front edge and the back of your knees is "
                f"{w.fine(clearance)}"
                if clearance >= 0
                else f"The seat is {w.fine(clearance)} deeper than your thighs are long"
            )
            + f"; {w.span(SEAT_CLEARANCE[1], SEAT_CLEARANCE[2])} (two "
            "or three fingers to a fist) lets you sit back without the edge pressing your "
            f"legs. Slide the seat {'back' if s.to_cm < chair.seat_depth_cm else 'forward'} so "
            f"that it is {w.cm(s.to_cm)} deep."
            + _slider_short(w, body.buttock_popliteal_length.value - s.to_cm),
            src.ROSA,
        )
    elif clearance < SEAT_CLEARANCE[1]:
        w.add(
            "seat-depth",
            "medium",
            "chair",
            "The seat is too deep for your legs",
            (
                f"Only {w.fine(clearance)} between the seat edge and your knees"
                if clearance > 0
                else f"The seat is {w.fine(clearance)} deeper than your thighs are long"
            )
            + ": the edge presses behind the knees or you perch forward off the backrest. A "
            "lumbar cushion moves you forward; "
            + (
                "the seat slides no shorter."
                if chair.depth_adjustable
                else "when you next choose a chair, pick one with a seat slider."
            ),
            src.ROSA,
        )
    else:
        w.add(
            "seat-depth",
            "low",
            "chair",
            "The seat is short for your legs",
            f"{w.fine(clearance).capitalize()} between the seat edge and your knees: your "
            "thighs get little support. A chair with a deeper or adjustable seat would suit "
            "you better.",
            src.ROSA,
        )


def _slider_short(w: Writer, clearance: float) -> str:
    """What the slider's travel leaves undone, said after the step."""
    if clearance < SEAT_CLEARANCE[1] - 0.05:
        still = (
            f"the edge is still {w.fine(clearance)} from your knees"
            if clearance > 0
            else f"the seat is still {w.fine(clearance)} deeper than your thighs are long"
        )
        return (
            f" That is as far back as it slides, and {still}: a lumbar cushion moves you forward."
        )
    if clearance > SEAT_CLEARANCE[2] + 0.05:
        return (
            f" That is as far forward as it slides, still {w.fine(clearance)} short of your "
            "knees: your thighs get a little less support."
        )
    return ""


def _back_and_arms(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    chair = p.chair
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
            f"{w.span(LUMBAR_HEIGHT[1], LUMBAR_HEIGHT[2])} above the seat keeps the "
            "inward curve of your lower back.",
            src.OSHA_BACK,
            src.BIFMA,
            src.ROSA,
        )
    elif not chair.lumbar_in_small_of_back:
        fix = (
            f"Move it to {w.span(LUMBAR_HEIGHT[1], LUMBAR_HEIGHT[2])} above the seat, where "
            "your back curves in just above the belt."
            if chair.lumbar_support == "adjustable"
            else "A lumbar cushion where your back curves in, just above the belt, does what "
            "the fixed support cannot."
        )
        w.add(
            "lumbar-support",
            "medium",
            "chair",
            "Put the lumbar support in the small of your back",
            f"The support misses the curve of your lower back. {fix}",
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
    _armrest_height(w, p, body)
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


def _armrest_height(w: Writer, p: Profile, body: BodyDimensions) -> None:
    """docs/workstations.md §4.3: armrests at the elbows, inside their range, and never
    holding the chair away from the desk (OSHA Chairs)."""
    chair = p.chair
    if chair.armrests == "none":
        return
    erh = body.elbow_rest_height.value
    sitting = w.plan.end.sitting_height_cm
    on_what = "cushion" if w.plan.end.cushion_cm else "seat"
    room = _armrest_room(w, p, sitting)
    if chair.armrests == "adjustable":
        lo, hi = chair.armrest_height_min_cm, chair.armrest_height_max_cm
        # as near the elbows as they go: their range, a blank end taken to reach
        at = min(erh, hi) if hi is not None else erh
        at = max(at, lo) if lo is not None else at
        if room is not None and sitting + at > room:
            # At the elbows they would meet the desk's edge: the chair could not pull in
            # under the desk, and the arms would reach out to the keyboard.
            near = (
                f"At your elbows ({w.cm(sitting + erh)} from the floor once the plan is done)"
                if at == erh
                else f"As near your elbows as they go ({w.fine(at)} above the {on_what}, "
                f"{w.cm(sitting + at)} from the floor once the plan is done)"
            )
            _armrests_at_the_desk(w, p, sitting, room, on_what, near)
        elif chair.armrest_fit != "supported":
            _armrests_to_the_elbows(w, p, sitting, erh, at, on_what)
    elif room is not None and sitting + erh > room:
        near = f"At your elbows ({w.cm(sitting + erh)} from the floor once the plan is done)"
        _armrests_at_the_desk(w, p, sitting, room, on_what, near)
    elif chair.armrest_fit == "too_high":
        fix = (
            "Take them off or swing them back."
            if chair.armrests_removable
            else "These do not come off, so the chair is the issue: keep your arms off them "
            "while you type, and when you next choose a chair, pick one whose armrests "
            "adjust in height or come off."
        )
        w.add(
            "armrest-height",
            "medium",
            "chair",
            "The armrests push your shoulders up",
            f"Fixed armrests above your elbows shrug the shoulders. {fix}",
            src.ROSA,
        )


def _armrests_at_the_desk(
    w: Writer, p: Profile, sitting: float, room: float, on_what: str, near: str
) -> None:
    """Armrests that at the elbows would meet the desk's underside: lowered under it when
    their range reaches 1 cm under it and that leaves at least ARMREST_LOWEST above the
    seat; else taken off or swung back when they can be; else the chair is the issue."""
    chair = p.chair
    below = room - sitting  # their top 1 cm under the desk's edge, above the seat
    lowest = chair.armrest_height_min_cm if chair.armrests == "adjustable" else None
    head = (
        f"{near} the armrests would hit the desk's underside at "
        f"{w.cm(room + ARMREST_CLEARANCE)} and hold the chair away from it."
    )
    forearms = "At this desk your forearms rest on the desk top, which is at your elbows."
    if chair.armrests == "adjustable" and below >= ARMREST_LOWEST - 1e-9:
        if lowest is None or lowest <= below + 1e-9:
            off = "; or take them off or swing them back" if chair.armrests_removable else ""
            fix = (
                f"Lower them to at most {w.cm(below)} above the {on_what} ({w.cm(room)} from "
                f"the floor), just under the desk's edge{off}. {forearms}"
            )
        else:
            fix = (
                f"Just under the desk's edge they would be {w.fine(below)} above the "
                f"{on_what}, and they go no lower than {w.fine(lowest)}. "
                + _armrests_off_or_the_chair(chair.armrests_removable, forearms)
            )
    elif chair.armrests == "adjustable":
        fix = (
            f"Just under the desk's edge they would be {w.fine(below)} "
            f"{'above' if below >= 0 else 'below'} the {on_what}, too low to rest your arms "
            f"on (under {w.fine(ARMREST_LOWEST)}). "
            + _armrests_off_or_the_chair(chair.armrests_removable, forearms)
        )
    else:
        fix = _armrests_off_or_the_chair(chair.armrests_removable, forearms)
    w.add(
        "armrest-height",
        "medium",
        "chair",
        "Keep the armrests from stopping the chair at the desk",
        f"{head} {fix}",
        src.OSHA_ARMRESTS,
        src.ROSA,
    )


def _armrests_off_or_the_chair(removable: bool, forearms: str) -> str:
    if removable:
        return f"Take them off or swing them back. {forearms}"
    return (
        "They do not come off, so they keep the chair away from the desk: a chair whose "
        "armrests go lower or come off is the fix. Until then, keep the keyboard at the "
        "desk's front edge, so that you reach it without leaning forward."
    )


def _armrests_to_the_elbows(
    w: Writer, p: Profile, sitting: float, erh: float, at: float, on_what: str
) -> None:
    """Adjustable armrests too high or too low: to the elbows, inside their range."""
    chair = p.chair
    fit = chair.armrest_fit.replace("_", " ")
    if abs(at - erh) < 1e-9:
        w.add(
            "armrest-height",
            "medium",
            "chair",
            f"Set the armrests to your elbows ({w.cm(erh)} above the {on_what})",
            f"The armrests are {fit}. With shoulders relaxed they should just touch your "
            f"elbows: about {w.cm(erh)} above the {on_what}, {w.cm(sitting + erh)} from the "
            "floor once the plan is done.",
            src.ROSA,
            src.OSHA,
        )
        return
    want = (
        f"The armrests are {fit}. With shoulders relaxed they should just touch your elbows, "
        f"{w.fine(erh)} above the {on_what}"
    )
    where = f"{w.cm(sitting + at)} from the floor once the plan is done"
    if at < erh:
        title = f"Set the armrests at their highest ({w.fine(at)} above the {on_what})"
        text = (
            f"{want}; they go up to {w.fine(at)}: set them at their highest ({where}), which "
            f"leaves them {w.fine(erh - at)} below your elbows. Keep your shoulders level "
            "rather than leaning down onto them."
        )
    else:
        title = f"Set the armrests at their lowest ({w.fine(at)} above the {on_what})"
        fix = (
            "Better still, take them off or swing them back."
            if chair.armrests_removable
            else "Keep your arms off them while you type; a chair whose armrests go lower, "
            "or come off, is the fix."
        )
        text = (
            f"{want}; they go down only to {w.fine(at)}: set them at their lowest ({where}), "
            f"still {w.fine(at - erh)} above your elbows, which lifts your shoulders. {fix}"
        )
    w.add("armrest-height", "medium", "chair", title, text, src.ROSA, src.OSHA)
