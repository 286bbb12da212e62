"""Driving the wizard with keys, as a person would (shared by the tui tests)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from deskfit.tui.widgets.fields import ChoiceSet, FieldRow


async def type_into(pilot: Pilot[Any], section: str, field: str, text: str) -> None:
    """Focus a question's input, clear it and type ``text``."""
    widget = pilot.app.screen.query_one(f"#in-{section}-{field}", Input)
    widget.focus()
    await pilot.pause()
    await pilot.press("end", *["backspace"] * len(widget.value))
    if text:
        await pilot.press(*text)
    await pilot.pause()


async def choose(pilot: Pilot[Any], section: str, field: str, value: Any) -> None:
    """Pick an answer with the arrow keys (which choose, and stop at the ends)."""
    widget = pilot.app.screen.query_one(f"#in-{section}-{field}", ChoiceSet)
    widget.focus()
    target = next(i for i, v in enumerate(widget.values) if v == value and type(v) is type(value))
    keys = []
    here = widget.pressed_index
    if here < 0:  # nothing chosen: the first → takes the first option
        keys.append("right")
        here = 0
    step = "right" if target > here else "left"
    keys += [step] * abs(target - here)
    if keys:
        await pilot.press(*keys)
    else:
        await pilot.press("space")  # already the answer: choosing it again changes nothing
    await pilot.pause()


def message(pilot: Pilot[Any], section: str, field: str) -> str:
    row = pilot.app.screen.query_one(f"#row-{section}-{field}", FieldRow)
    return str(row.query_one(".field-message").render()) if row.has_class("-problem") else ""


def shown(pilot: Pilot[Any], section: str, field: str) -> Any:
    widget = pilot.app.screen.query_one(f"#in-{section}-{field}")
    return widget.value if isinstance(widget, Input) else widget.chosen


def visible(pilot: Pilot[Any], section: str, field: str) -> bool:
    rows = pilot.app.screen.query(f"#row-{section}-{field}").results(FieldRow)
    row = next(rows, None)  # a question that never applied has no row yet
    return row is not None and bool(row.display)


async def listed(pilot: Pilot[Any]) -> list[str]:
    """Wait until the start screen has listed its folder (a scan runs in a thread after
    the first paint); its lines."""
    from deskfit.tui.start import StartScreen
    from deskfit.tui.widgets.profile_list import ProfileList

    for _ in range(500):
        screen = pilot.app.screen
        if isinstance(screen, StartScreen) and screen.scans:
            listing = screen.query_one(ProfileList)
            return [listing.line(i) for i in range(listing.option_count)]
        await pilot.pause(0.01)
    raise AssertionError(f"the start screen never listed its folder: {pilot.app.screen}")


def keys_shown(pilot: Pilot[Any]) -> str:
    """The key line at the bottom of the screen, as shown."""
    from deskfit.tui.widgets.keyline import KeyLine

    return str(pilot.app.screen.query_one(KeyLine).render())


async def next_step(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()


# A whole profile, step by step: (section, field, typed text or chosen value).
WALK: list[list[tuple[str, str, Any]]] = [
    [
        ("profile", "name", "Office desk"),
        ("body", "stature_cm", "170"),
        ("body", "sex", "female"),
        ("body", "elbow_rest_height_cm", "23"),
    ],
    [
        ("chair", "seat_height_cm", "48"),
        ("chair", "height_adjustable", True),
        ("chair", "seat_height_min_cm", "42"),
        ("chair", "seat_height_max_cm", "55"),
        ("chair", "lumbar_support", "adjustable"),
        ("chair", "armrests", "adjustable"),
    ],
    [("desk", "height_cm", "74")],
    [("footstool", "owned", True), ("footstool", "height_cm", "8")],
    [("monitor", "top_height_cm", "118"), ("monitor", "distance_cm", "65")],
    [("keyboard", "wrists_straight", False)],
    [("phone", "use", "headset"), ("phone", "hours_per_day", "0.5")],
    [
        ("habits", "hours_per_day", "8"),
        ("habits", "longest_stretch_min", "90"),
        ("habits", "crosses_legs", "often"),
    ],
    [],  # aches and pains: none reported
]


async def answer(pilot: Pilot[Any], section: str, field: str, value: Any) -> None:
    widget = pilot.app.screen.query_one(f"#in-{section}-{field}")
    if isinstance(widget, Input):
        await paste_into(pilot, section, field, value)
    else:
        await choose(pilot, section, field, value)


async def walk_to_review(pilot: Pilot[Any]) -> None:
    for answers in WALK:
        for section, field, value in answers:
            await answer(pilot, section, field, value)
        await next_step(pilot)


async def paste_into(pilot: Pilot[Any], section: str, field: str, text: str) -> None:
    """Replace a question's text in one go, as pasting would (faster than typing)."""
    widget = pilot.app.screen.query_one(f"#in-{section}-{field}", Input)
    widget.focus()
    widget.clear()
    widget.insert_text_at_cursor(text)
    await pilot.pause()


PROFILE: dict[str, Any] = {
    "name": "Office desk",
    "units": "metric",
    "created": "2026-11-01T09:00:00Z",
    "updated": "2026-11-02T10:30:00Z",
    "body": {"stature_cm": 170.0, "sex": "female", "elbow_rest_height_cm": 23.0},
    "chair": {
        "seat_height_cm": 48.0,
        "height_adjustable": True,
        "seat_height_min_cm": 42.0,
        "seat_height_max_cm": 55.0,
        "lumbar_support": "adjustable",
        "armrests": "adjustable",
    },
    "desk": {"height_cm": 74.0},
    "footstool": {"owned": True, "height_cm": 8.0},
    "monitor": {"top_height_cm": 118.0, "distance_cm": 65.0},
    "phone": {"use": "headset", "hours_per_day": 0.5},
    "habits": {"hours_per_day": 8.0, "longest_stretch_min": 90, "crosses_legs": "often"},
    "extra": {"note": "by the window"},
}


def write_profile(folder: Any, data: dict[str, Any] | None = None) -> Any:
    """A saved profile file, written by the store as deskfit would."""
    from datetime import datetime

    from deskfit.core.files.store import path_for_name, save_profile
    from deskfit.core.model.validation import parse_profile

    raw = dict(data or PROFILE)
    for key in ("created", "updated"):
        if isinstance(raw.get(key), str):
            raw[key] = datetime.fromisoformat(raw[key].replace("Z", "+00:00"))
    profile = parse_profile(raw)
    return save_profile(profile, path_for_name(profile.name, folder))
