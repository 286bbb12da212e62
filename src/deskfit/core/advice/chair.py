"""The chair: seat height, the chair's limits, seat depth, back support and armrests."""

from __future__ import annotations

from deskfit.core import sources as src
from deskfit.core.advice.lines import NOTICEABLE_CM, Severity, Writer
from deskfit.core.fit import (
    LUMBAR_HEIGHT,
    RECLINE,
    SEAT_CLEARANCE,
    Fit,
)
from deskfit.core.profile import Profile
from deskfit.core.rosa import RosaItems


def advise_chair(w: Writer, p: Profile, f: Fit, before: RosaItems) -> None:
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
