"""The desk or keyboard tray: its height, a desk too low, legroom, standing height."""

from __future__ import annotations

from deskfit.core import sources as src
from deskfit.core.advice.lines import Writer, differs
from deskfit.core.fit import Fit
from deskfit.core.profile import Profile
from deskfit.core.rosa import RosaItems


def advise_desk(w: Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    desk, now, to = p.desk, f.current, f.recommended
    if desk.keyboard_tray and desk.keyboard_tray_adjustable:
        tray_now, tray_to = now.keyboard_tray_height_cm, to.keyboard_tray_height_cm
        if tray_now is not None and tray_to is not None and differs(tray_now, tray_to):
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
    elif desk.height_adjustable and differs(now.desk_height_cm, to.desk_height_cm):
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
