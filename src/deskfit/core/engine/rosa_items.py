"""From measurements and answers to ROSA items (ergonomics.md §4.4, our rules).

deskfit measures what it can instead of asking a person to judge it: the seat height item
from the gap between seat, foot support and the legs; the monitor item from the eye height
on the seat as set; "too high" work surface and keyboard from the elbow height.

One mapping scores any profile. The score "after" is this mapping on the profile with the
plan applied (``plan.apply_plan``), so what the plan changes counts and everything else
stays as answered: the two can never disagree.
"""

from __future__ import annotations

import math

from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.plan import current_setup
from deskfit.core.engine.rosa import RosaItems, duration_score
from deskfit.core.engine.targets import (
    THIGH_TOLERANCE,
    VIEWING_DISTANCE,
    keyboard_offset,
    thighs_short,
)
from deskfit.core.model.profile import Profile
from deskfit.core.model.units import format_length

SEAT_NEUTRAL = 2.5  # |gap| within this: knees about 90°
FEET_DO_NOT_REACH = 7.5  # gap beyond this: the feet hang
SURFACE_TOO_HIGH = 1.5  # home row this far above the elbow shrugs the shoulders
MONITOR_TOO_HIGH = 2.0  # top edge this far above the eye: neck extension
MONITOR_TOO_LOW_DEG = 30.0  # top edge this far below the horizontal from the eye
TOO_FAR = VIEWING_DISTANCE[2]


def seat_height_item(gap_cm: float) -> int:
    """gap = seat − foot support − (PH + S)."""
    if abs(gap_cm) <= SEAT_NEUTRAL:
        return 1
    if gap_cm > FEET_DO_NOT_REACH:
        return 3
    return 2


def monitor_item(top_cm: float, eye_cm: float, distance_cm: float) -> int:
    if top_cm - eye_cm > MONITOR_TOO_HIGH:
        return 3
    below_deg = math.degrees(math.atan2(eye_cm - top_cm, distance_cm))
    return 2 if below_deg > MONITOR_TOO_LOW_DEG else 1


def thighs_short_cm(profile: Profile, body: BodyDimensions) -> float:
    """How far the desk's underside is below the thighs plus room to move (§3.2); ≤ 0 fits."""
    setup = current_setup(profile)
    return thighs_short(
        setup.sitting_height_cm,
        setup.desk_height_cm,
        profile.desk.thickness_cm,
        body.thigh_clearance.value,
    )


def rosa_items(profile: Profile, body: BodyDimensions) -> RosaItems:
    """The ROSA items of the workstation as this profile says it stands."""
    setup = current_setup(profile)
    chair, desk, mon = profile.chair, profile.desk, profile.monitor
    kb, mouse, phone, habits = profile.keyboard, profile.mouse, profile.phone, profile.habits
    units = profile.units
    reasons: dict[str, str] = {}

    def cm(x: float) -> str:
        return format_length(abs(x), units)

    rest = body.popliteal_height.value + body.shoe_allowance_cm
    sitting = setup.sitting_height_cm
    gap = sitting - setup.footstool_height_cm - rest
    seat_item = seat_height_item(gap)
    if seat_item == 3:
        reasons["seat_height"] = f"feet hang about {cm(gap)} above their support"
    elif seat_item == 2:
        on = (
            f" for feet on the {cm(setup.footstool_height_cm)} footstool"
            if setup.footstool_height_cm
            else ""
        )
        reasons["seat_height"] = (
            f"seat {cm(gap)} too high for the legs{on}"
            if gap > 0
            else f"seat {cm(gap)} too low{on}: knees up"
        )

    thighs = thighs_short_cm(profile, body)
    legroom_short = not desk.legroom_ok or thighs > THIGH_TOLERANCE
    if thighs > THIGH_TOLERANCE:
        reasons["legroom_insufficient"] = f"thighs {cm(thighs)} short of room under the desk"

    seat_depth = 1
    if chair.seat_depth_cm is not None:
        clearance = body.buttock_popliteal_length.value - chair.seat_depth_cm
        if clearance < 5:
            seat_depth = 2
            reasons["seat_depth"] = f"only {cm(clearance)} between seat edge and knee"
        elif clearance > 10:
            seat_depth = 2
            reasons["seat_depth"] = f"{cm(clearance)} between seat edge and knee: seat too short"

    if chair.armrests == "none":
        armrests = 2
        reasons["armrests"] = "no armrests: arms unsupported"
    elif chair.armrest_fit == "supported":
        armrests = 1
    else:
        armrests = 2
        reasons["armrests"] = (
            "armrests too high: shoulders shrugged"
            if chair.armrest_fit == "too_high"
            else "armrests too low: arms unsupported"
        )

    lumbar_ok = chair.lumbar_support != "none" and chair.lumbar_in_small_of_back
    recline = chair.backrest_recline_deg
    recline_ok = 95 <= recline <= 110
    back = 1 if chair.backrest and lumbar_ok and recline_ok else 2
    if not chair.backrest:
        reasons["back_support"] = "no back support"
    elif not lumbar_ok:
        reasons["back_support"] = (
            "no lumbar support"
            if chair.lumbar_support == "none"
            else "lumbar support not in the small of the back"
        )
    elif not recline_ok:
        reasons["back_support"] = f"backrest at {recline:g}°, outside 95–110°"

    # §4.4 says "desk surface + K" for the work-surface item; with a keyboard tray the hands
    # work on the tray, so deskfit uses the surface the keyboard is on for both items: a
    # desk top above a tray does not shrug the shoulders (deliberate deviation).
    k = keyboard_offset(profile)
    elbow = sitting + body.elbow_rest_height.value
    home_row = setup.work_surface_height_cm + k
    surface_high = home_row - elbow > SURFACE_TOO_HIGH
    if surface_high:
        reasons["work_surface_too_high"] = f"home row {cm(home_row - elbow)} above the elbow"
        reasons["keyboard_too_high"] = reasons["work_surface_too_high"]

    eye = sitting + body.eye_height_sitting.value
    screens = [("screen", setup.monitor_top_height_cm, setup.viewing_distance_cm)]
    second, second_far = setup.second_monitor_top_height_cm, setup.second_viewing_distance_cm
    if second is not None and second_far is not None and mon.screens_use == "equal":
        # two screens used equally: both set the posture (docs/workstations.md §2)
        screens.append(("second screen", second, second_far))
    monitor, too_far = 1, False
    for name, top, far in screens:
        item = monitor_item(top, eye, far)
        if item > monitor:
            monitor = item
            where = "above" if item == 3 else "below"
            reasons["monitor"] = f"{name} top {cm(abs(top - eye))} {where} the eyes"
        if far > TOO_FAR and not too_far:
            too_far = True
            reasons["monitor_too_far"] = f"{name} {cm(far)} away"

    on_phone = phone.use != "none"
    work_duration = duration_score(habits.hours_per_day, habits.longest_stretch_min)
    # No stretch is asked for the phone: its own hours a day decide (§4.4).
    phone_duration = duration_score(phone.hours_per_day if on_phone else 0.0, 0.0)

    return RosaItems(
        seat_height=seat_item,
        legroom_insufficient=legroom_short,
        seat_height_not_adjustable=not chair.height_adjustable,
        seat_depth=seat_depth,
        seat_depth_not_adjustable=not chair.depth_adjustable,
        armrests=armrests,
        armrests_hard=chair.armrests != "none" and chair.armrests_hard,
        armrests_too_wide=chair.armrests != "none" and chair.armrests_too_wide,
        armrests_not_adjustable=chair.armrests == "fixed",
        back_support=back,
        work_surface_too_high=surface_high,
        backrest_not_adjustable=not chair.backrest_adjustable,
        monitor=monitor,
        neck_twist=not mon.directly_in_front,
        monitor_too_far=too_far,
        documents_no_holder=mon.reads_documents and not mon.document_holder,
        glare=mon.glare,
        phone=2 if phone.asks("within_reach") and not phone.within_reach else 1,
        neck_shoulder_hold=phone.asks("neck_shoulder_hold") and phone.neck_shoulder_hold,
        no_hands_free=phone.use == "handset",
        mouse=1 if mouse.in_line_with_shoulder else 2,
        mouse_keyboard_different_surfaces=not mouse.same_surface_as_keyboard,
        pinch_grip=mouse.pinch_grip,
        hard_palm_rest=mouse.hard_palm_rest,
        keyboard=1 if kb.wrists_straight else 2,
        wrists_deviate=kb.wrists_deviate,
        keyboard_too_high=surface_high,
        overhead_reach=kb.reaches_overhead,
        platform_not_adjustable=not (
            desk.height_adjustable or (desk.keyboard_tray and desk.keyboard_tray_adjustable)
        ),
        chair_duration=work_duration,
        monitor_duration=work_duration,
        phone_duration=phone_duration,
        mouse_duration=work_duration,
        keyboard_duration=work_duration,
        reasons=reasons,
    )
