"""Keyboard and mouse: wrists, reach, surfaces, grip."""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import Writer
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.model.profile import Profile


def advise_keyboard_mouse(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
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
    on_tray = p.desk.keyboard_tray and w.plan.end.keyboard_tray_height_cm is not None
    if on_tray and not p.desk.keyboard_tray_mouse_fits:
        _mouse_platform(w, p)
    elif not mouse.same_surface_as_keyboard:
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


def _mouse_platform(w: Writer, p: Profile) -> None:
    """docs/workstations.md §4.2: a tray too narrow for the mouse puts the mouse on another
    surface (ROSA +2): a mouse platform clipped to the tray, or a wider tray. High when
    the mouse is on another surface now (ROSA counts it), else medium. It says what the
    line ``mouse-same-surface`` would, for a tray, so it takes that line's place."""
    elsewhere = not p.mouse.same_surface_as_keyboard
    tray = w.plan.step("desk.keyboard_tray_height_cm")
    at = w.plan.end.keyboard_tray_height_cm
    where = f" at {w.cm(at)}" if at is not None else ""
    if tray is not None:
        where += f" (step {tray.number})"
    now = (
        "so the mouse sits on another surface, up or down from the keys, and your arm "
        "reaches for it (ROSA counts that +2)"
        if elsewhere
        else "so the mouse is cramped against the keys or ends up off the tray"
    )
    w.add(
        "mouse-platform",
        "high" if elsewhere else "medium",
        "mouse",
        "Get a mouse platform for the keyboard tray",
        f"The keyboard tray has no room for the mouse beside the keyboard, {now}. Get a "
        "mouse platform that clips to the tray, or a wider tray, so the mouse sits beside "
        f"the keyboard at the same height: on the tray{where}.",
        src.OSHA_KEYBOARD_TRAYS,
        src.ROSA,
    )
