"""The desk or keyboard tray: its height and what rides on it, a desk too low, room for
the thighs, and the standing height of a sit-stand desk."""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import Severity, Writer, severity_of_change
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.plan import CARRIED_BY_DESK, Step, standing_lands
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.engine.targets import (
    FOOTSTOOL_ORDINARY_MAX,
    HOME_ROW_ABOVE,
    HOME_ROW_BELOW,
    MONITOR_TOLERANCE,
    THIGH_ROOM,
    TRAY_BELOW_DESK,
    standing_eye,
)
from deskfit.core.model.profile import Profile


def advise_desk(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    _desk_height(w, p, body)
    _tray(w, p, body)
    _desk_too_low(w, p, body)
    _thighs(w, p, body)
    if not p.desk.legroom_ok:
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
    _standing(w, p, body)
    advise_standing_extras(w, p, body)


def _surface_band(delta: float) -> float:
    """How far a work surface may move inside its band: down 1.5, up 5 (§3.4)."""
    return HOME_ROW_ABOVE if delta < 0 else HOME_ROW_BELOW


_RIDERS = {
    "monitor.top_height_cm": "screen on it",
    "monitor.second_top_height_cm": "second screen on it",
    "desk.keyboard_tray_height_cm": "keyboard tray under it",
}


def _riders(w: Writer, desk_step: Step) -> str:
    """What the desk carries with it, where the move leaves it, and the step after."""
    out = []
    moved = desk_step.to_cm - desk_step.from_cm if desk_step.from_cm is not None else 0.0
    way = "comes down" if moved < 0 else "goes up"
    for s in w.plan.steps:
        if not s.carried_cm or s.from_cm is None:
            continue
        thing = _RIDERS[s.key]
        text = f"The {thing} {way} with it, to {w.cm(s.from_cm)}"
        if abs(s.to_cm - s.from_cm) > 1e-6:
            verb = "raises" if s.to_cm > s.from_cm else "lowers"
            text += f"; step {s.number} then {verb} it to {w.cm(s.to_cm)}"
        out.append(text + ".")
    return (" " + " ".join(out)) if out else ""


def _desk_height(w: Writer, p: Profile, body: BodyDimensions) -> None:
    plan = w.plan
    f, end = plan.findings, plan.end
    s = plan.step("desk.height_cm")
    if s is None or s.from_cm is None or s.advice_id != "desk-height":
        if f.surface_at_lowest and s is None:
            _at_lowest_info(w, p)
        return
    delta = s.to_cm - s.from_cm
    sitting = w.cm(end.sitting_height_cm)
    if f.tray_route:
        tray = plan.step("desk.keyboard_tray_height_cm")
        why = "as low as it goes; the keyboard then goes on a tray under it" + (
            f" (step {tray.number})" if tray is not None else ""
        )
    elif f.surface_at_lowest:
        why = (
            f"as low as it goes, still {w.cm(f.surface_off_cm)} above the height that suits "
            "your legs and elbows, so the seat is set to match it"
        )
    elif f.thigh_room_made_cm and f.thigh_room_by == "desk":
        room = (
            "raised above your elbows so that your thighs fit under it"
            if not f.thighs_short_cm
            else "raised as far above your elbows as it may go, to give your thighs room"
        )
        why = f"with you sitting at {sitting}, {w.home_row()}: the desk is {room}"
    else:
        why = f"with you sitting at {sitting}, {w.home_row()}"
    w.add(
        "desk-height",
        severity_of_change(delta, _surface_band(delta)),
        "desk",
        f"{'Raise' if delta > 0 else 'Lower'} the desk to {w.cm(s.to_cm)}",
        f"{w.step_of(s)}. {w.move(s.from_cm, s.to_cm).capitalize()} from {w.cm(s.from_cm)} to "
        f"{w.cm(s.to_cm)}: {why}.{_riders(w, s)}",
        src.HFES_ENVELOPE,
        src.CORNELL,
    )


def _at_lowest_info(w: Writer, p: Profile) -> None:
    f, end = w.plan.findings, w.plan.end
    tray = end.keyboard_tray_height_cm
    what = "keyboard tray" if tray is not None else "desk"
    lowest = w.cm(end.work_surface_height_cm)
    measured = p.desk.keyboard_tray_min_cm
    if tray is not None and measured is not None and abs(tray - measured) < 1e-6:
        lowest += ", as you measured it"
    off = w.fine(f.surface_off_cm)
    above = f"{off} above" if off != w.fine(0.0) else "above"
    w.add(
        "surface-at-lowest",
        "info",
        "desk",
        f"The {what} is at its lowest",
        f"Even at its lowest ({lowest}) the {what} is {above} the "
        "ideal for you, so the seat is set to match it"
        + (" and a footstool makes up the difference." if end.footstool_height_cm else "."),
        src.CORNELL,
    )


def _tray_top(w: Writer, p: Profile, *, number: bool) -> str:
    """What stops an adjustable tray where the plan leaves it at its highest (with its
    height when ``number``): its highest as measured, or the room its runners need under
    the desk top; empty when neither."""
    end = w.plan.end
    tray = end.keyboard_tray_height_cm
    if tray is None or not p.desk.keyboard_tray_adjustable:
        return ""
    at = f"{w.cm(tray)}, " if number else ""
    highest = p.desk.keyboard_tray_max_cm
    if highest is not None and abs(tray - highest) < 1e-6:
        return f" ({at}its highest, as you measured it)"
    if abs(end.desk_height_cm - TRAY_BELOW_DESK - tray) < 1e-6:
        return f" ({at}{w.fine(TRAY_BELOW_DESK)} under the desk top)"
    return ""


def _measured_tray(p: Profile) -> bool:
    desk = p.desk
    return desk.keyboard_tray_adjustable and (
        desk.keyboard_tray_min_cm is not None or desk.keyboard_tray_max_cm is not None
    )


def _risers_for_the_tray(w: Writer, p: Profile, short: float) -> str:
    """Risers under a fixed desk lift a tray hung under it, its range with it."""
    if p.desk.height_adjustable:
        return ""
    again = " (then measure the tray's range again)" if _measured_tray(p) else ""
    return (
        f" Risers of {w.cm(short)} under the desk's feet would lift the desk and the tray "
        f"with it{again}."
    )


def _mouse_room(p: Profile, *, bought: bool) -> str:
    """The mouse beside the keyboard on a tray: one to buy is chosen wide enough for both;
    one re-mounted that has no room for it needs a mouse platform (line mouse-platform)."""
    if bought:
        return "Choose one wide enough for the mouse too, so both sit at the same height."
    if not p.desk.keyboard_tray_mouse_fits:
        return (
            "It has no room for the mouse: clip a mouse platform to it, or fit a wider tray, "
            "so both sit at the same height."
        )
    return "Keep the mouse on it beside the keyboard, so both sit at the same height."


def _tray(w: Writer, p: Profile, body: BodyDimensions) -> None:
    plan = w.plan
    f, end = plan.findings, plan.end
    s = plan.step("desk.keyboard_tray_height_cm")
    if s is None or s.advice_id not in ("keyboard-tray", "keyboard-tray-height"):
        return
    keys = plan.step("keyboard.home_row_above_surface_cm")
    sitting = end.sitting_height_cm
    feet = w.feet()
    if s.advice_id == "keyboard-tray":
        if f.tray_route_why == "chair":
            cushion = (
                f", even with a firm {w.cm(f.fallback_cushion_cm)} cushion,"
                if f.fallback_cushion_cm
                else ""
            )
            why = (
                f"Your chair{cushion} cannot bring you up to the {w.cm(f.seat_needed_cm)} this "
                f"desk needs for your elbows (the home row would stay "
                f"{w.cm(f.fallback_home_row_high_cm)} above them), so the keyboard comes down "
                "to you instead"
            )
        else:
            past = (
                "beyond what ordinary footrests reach"
                if w.cm(f.fallback_footstool_cm) != w.cm(FOOTSTOOL_ORDINARY_MAX)
                else "at the very top of what ordinary footrests reach"
            )
            rise = (
                f"you would have to sit at {w.cm(f.fallback_seat_cm + f.fallback_cushion_cm)} "
                f"(the seat at {w.cm(f.fallback_seat_cm)} with a firm "
                f"{w.cm(f.fallback_cushion_cm)} cushion)"
                if f.fallback_cushion_cm
                else f"the seat would have to rise to {w.cm(f.fallback_seat_cm)}"
            )
            why = (
                f"At this desk {rise} for your elbows, leaving your feet "
                f"{w.cm(f.fallback_footstool_cm)} off the floor, {past}; so the keyboard comes "
                "down to you instead"
            )
        w.add(
            "keyboard-tray",
            "high",
            "desk",
            f"Fit a keyboard tray at {w.cm(s.to_cm)}"
            if s.from_cm is None
            else f"Re-mount the keyboard tray at {w.cm(s.to_cm)}",
            f"{w.step_of(s)}. {why}. With a keyboard tray under the desk, its top at "
            f"{w.cm(s.to_cm)}, and you sitting at {w.cm(sitting)} with {feet}, {w.home_row()}. "
            + _mouse_room(p, bought=s.from_cm is None)
            + (
                f" The separate keyboard and mouse from step {keys.number} go on it."
                if keys is not None
                else ""
            ),
            src.HFES_ENVELOPE,
            src.CORNELL,
            src.OUR_RULE,
        )
        return
    start = s.from_cm if s.from_cm is not None else s.to_cm
    delta = s.to_cm - start
    if f.home_row_low_cm:
        result = (
            f"as high as it goes{_tray_top(w, p, number=False)}; the home row is then still "
            f"{w.cm(f.home_row_low_cm)} below your elbows."
            + _risers_for_the_tray(w, p, f.home_row_low_cm)
        )
    else:
        result = w.home_row() + "."
    moved_from = (
        f" from {w.cm(start)}, where the desk move left it,"
        if s.carried_cm
        else f" from {w.cm(start)}"
    )
    w.add(
        "keyboard-tray-height",
        severity_of_change(delta, _surface_band(delta)),
        "desk",
        f"Set the keyboard tray to {w.cm(s.to_cm)}",
        f"{w.step_of(s)}. {w.move(start, s.to_cm).capitalize()}{moved_from} to "
        f"{w.cm(s.to_cm)}: {result}",
        src.HFES_ENVELOPE,
        src.CORNELL,
    )


def _desk_too_low(w: Writer, p: Profile, body: BodyDimensions) -> None:
    plan = w.plan
    f, end = plan.findings, plan.end
    s = plan.step("desk.height_cm")
    sitting = w.cm(end.sitting_height_cm)
    if s is not None and s.advice_id == "desk-too-low" and s.from_cm is not None:
        lift = s.to_cm - s.from_cm
        w.add(
            "desk-too-low",
            "high",
            "desk",
            f"The desk is too low: raise it {w.cm(lift)} on risers",
            f"{w.step_of(s)}. With you sitting at {sitting}, where your legs want it, the "
            f"keyboard's home row sits {w.cm(lift)} below your elbows, so you stoop over it. "
            f"Raise the desk {w.cm(lift)} on risers, to {w.cm(s.to_cm)} (or use a desk that "
            f"is {w.cm(s.to_cm)} high).{_riders(w, s)}",
            src.HFES_ENVELOPE,
            src.OSHA,
        )
    elif f.home_row_low_cm and plan.step("desk.keyboard_tray_height_cm") is None:
        what = "tray" if end.keyboard_tray_height_cm is not None else "desk"
        again = " (then measure the tray's range again)" if _measured_tray(p) else ""
        w.add(
            "desk-too-low",
            "medium",
            "desk",
            f"The {what} is too low for you",
            f"With you sitting at {sitting}, the keyboard's home row sits "
            f"{w.cm(f.home_row_low_cm)} below your elbows even with the {what} as high as it "
            f"goes{_tray_top(w, p, number=True)}, so you stoop over it. Risers of "
            f"{w.cm(f.home_row_low_cm)} under the desk's feet would fix it{again}.",
            src.HFES_ENVELOPE,
            src.OSHA,
        )


def _thighs(w: Writer, p: Profile, body: BodyDimensions) -> None:
    """§3.2: the thighs need the desk's underside above them, with room to move."""
    f, end = w.plan.findings, w.plan.end
    short = f.thighs_short_cm
    if not short:
        return
    tc = body.thigh_clearance
    sitting = end.sitting_height_cm
    thigh_top = sitting + tc.value
    underside = end.desk_height_cm - p.desk.thickness_cm
    estimate = (
        f" Your thigh clearance ({w.fine(tc.value)}) is estimated from your height: between "
        f"{w.cm(tc.low)} and {w.cm(tc.high)} for 9 people in 10, so measure it to be sure "
        "(sitting, from the seat to the top of your thigh)."
        if tc.source == "estimated"
        else ""
    )
    elbow = sitting + body.elbow_rest_height.value
    home_row = end.work_surface_height_cm + p.keyboard.home_row_above_surface_cm
    costs = home_row + short - elbow
    if p.desk.height_adjustable:
        trade = (
            f"raising the desk {w.fine(short)} more, which puts the home row "
            f"{w.fine(costs)} above your elbows"
        )
    else:
        trade = (
            f"sitting {w.fine(short)} lower, which puts the home row {w.fine(costs)} above "
            "your elbows"
        )
    thick = p.desk.thickness_cm
    thinner = (
        f"a desk top, apron or drawer {w.fine(short)} thinner at the front; "
        if short <= thick
        else (
            f"nothing under the desk top at the front ({w.fine(thick)} more room, not "
            "enough alone); "
            if thick > 0
            else ""
        )
    )
    w.add(
        "thigh-room",
        "medium",
        "desk",
        "Your thighs do not fit under the desk",
        # the thighs and the underside at the precision of the shortfall between them, so
        # that the three numbers add up (65.3 and 67 leave 1.7 of the 2: 0.3 short; with
        # the thighs rounded like a setting to 65.5 they read 0.5 short)
        f"Sitting at {w.cm(sitting)}, the tops of your thighs are at {w.fine(thigh_top)}; "
        f"the desk's underside (its top less {w.fine(p.desk.thickness_cm)} for the top and "
        f"what hangs under it) is at {w.fine(underside)}, {w.fine(short)} short of the "
        f"{w.fine(THIGH_ROOM)} your legs need to move.{estimate} What helps: {thinner}a "
        f"keyboard tray, so the desk can sit higher than the keys; or {trade}.",
        src.OSHA_LEGROOM,
        src.OUR_RULE,
    )


def _standing(w: Writer, p: Profile, body: BodyDimensions) -> None:
    f, end = w.plan.findings, w.plan.end
    stand = end.standing_work_surface_height_cm
    if not p.desk.stands or stand is None:
        return
    short = f.standing_short_cm
    breaks = " Alternate: sit about 20 minutes, stand about 8, and move for 2 every half hour."
    severity: Severity = "low"
    if abs(short) < 0.25:
        text = f"Standing{_standing_in(w, p)}, {w.cm(stand)} puts the home row at your elbows."
    elif short > 0 and short <= HOME_ROW_BELOW:
        text = (
            f"Set it as high as it goes, {w.cm(stand)}: the home row is then {w.cm(short)} "
            f"below your elbows, within the {w.cm(HOME_ROW_BELOW)} that is fine."
        )
    elif short > 0:
        ideal = stand + short
        text = (
            f"As high as it goes, {w.cm(stand)}, the desk leaves the home row {w.cm(short)} "
            "below your elbows while you stand, so you stoop. A desk-top converter that "
            f"raises the keyboard {w.cm(short)}, or a taller frame that reaches "
            f"{w.cm(ideal)}, fixes it."
        )
        severity = "medium"
    else:
        text = (
            f"Set it as low as it goes, {w.cm(stand)}: the home row is then {w.cm(-short)} "
            "above your elbows while you stand."
        )
        severity = "medium" if -short > HOME_ROW_ABOVE else "low"
    elbow = body.elbow_height_standing
    if elbow.source == "estimated":
        text += (
            f" Your standing elbow height is estimated from your height "
            f"({w.cm(elbow.value)}, between {w.cm(elbow.low)} and {w.cm(elbow.high)}): "
            "measure it barefoot, elbow bent at 90°, floor to the elbow joint, and the "
            "height will fit you."
        )
    w.add(
        "standing-height",
        severity,
        "desk",
        f"When you stand, set the desk to {w.cm(stand)}",
        text + breaks,
        src.CORNELL_BREAKS,
        src.HFES_ENVELOPE,
    )


def _standing_in(w: Writer, p: Profile) -> str:
    """' in your shoes' / ' in shoes with 3 cm heels on your 1.5 cm mat': what raises you
    standing (the heights are ``targets.standing_lift``'s)."""
    desk = p.desk
    shoes = desk.standing_shoe_allowance_cm
    if shoes is None:
        words = " in your shoes"
    elif shoes:
        words = f" in shoes with {w.cm(shoes)} heels"
    else:
        words = " in socks or flat soles"
    mat = desk.standing_mat_cm
    return words + (f" on your {w.cm(mat)} mat" if mat else "")


def advise_standing_extras(w: Writer, p: Profile, body: BodyDimensions) -> None:
    """The screen when standing, and a mat (docs/workstations.md §3)."""
    if not p.desk.stands or w.plan.end.standing_work_surface_height_cm is None:
        return
    _standing_screen(w, p, body)
    if not p.desk.standing_mat_cm:
        w.add(
            "standing-mat",
            "low",
            "desk",
            "Stand on an anti-fatigue mat",
            "A cushioned mat eases the legs and back when you stand for a while; so do "
            "shoes with a low, soft heel. A mat raises you by its thickness: once you have "
            "one, enter it, and the standing desk and screen heights go up by as much.",
            src.CCOHS_STANDING,
        )


def _standing_screen(w: Writer, p: Profile, body: BodyDimensions) -> None:
    plan = w.plan
    end = plan.end
    top = end.standing_monitor_top_height_cm
    if top is None:
        return
    eye = standing_eye(p, body)
    progressive = p.body.lenses == "progressive"
    below = 10.0 if progressive else 5.0
    where = (
        f"its top belongs {w.cm(below)} below your eyes, which are at {w.cm(eye)} when you "
        f"stand{_standing_in(w, p)}"
    )
    estimated = body.eye_height_standing.source == "estimated"
    band = (
        f" Your standing eye height is estimated from your height (±"
        f"{w.fine(body.eye_height_standing.high - body.eye_height_standing.value)})."
        if estimated
        else ""
    )
    s = plan.step("desk.standing_screen_top_cm")
    if s is None:
        return
    lands = standing_lands(p, end)
    if s.buy and lands is not None:
        rides = p.monitor.mount in CARRIED_BY_DESK
        off = lands - s.to_cm
        why = (
            f"With the desk up at {w.cm(end.standing_work_surface_height_cm or 0)}, the screen "
            f"{'on it rises to' if rides else 'on its own stand stays at'} {w.cm(lands)}, "
            f"{w.cm(off)} {'above' if off > 0 else 'below'} the {w.cm(s.to_cm)} that suits "
            f"you standing: {where}."
        )
        w.add(
            "standing-screen",
            "high",
            "monitor",
            f"Put the screen on a monitor arm, and set it to {w.cm(s.to_cm)} when you stand",
            f"{w.step_of(s)}. {why} A monitor arm clamped to the desk lets you set the screen "
            f"for each posture: {w.cm(end.monitor_top_height_cm)} sitting, {w.cm(s.to_cm)} "
            f"standing.{band}",
            src.CSA_Z412,
            src.OSHA_MONITOR,
        )
        return
    now = s.from_cm
    change = "" if now is None else f" from {w.cm(now)}"
    w.add(
        "standing-screen",
        severity_of_change(0.0 if now is None else s.to_cm - now, MONITOR_TOLERANCE),
        "monitor",
        f"When you stand, set the screen's top edge to {w.cm(s.to_cm)}",
        f"{w.step_of(s)}. When the desk goes up, move the arm{change} to {w.cm(s.to_cm)}: "
        f"{where}. Sitting, it goes back to {w.cm(end.monitor_top_height_cm)}.{band}",
        src.CSA_Z412,
        src.OSHA_MONITOR,
    )
