"""A wrong answer on each step shows its message beside the field and blocks Next."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import choose, message, next_step, paste_into, type_into, write_profile

from deskfit.tui.app import make_app
from deskfit.tui.steps.base import StepScreen

# step, (answers to give), the field whose message to expect, words the message must hold
WRONG = [
    (0, [("body", "stature_cm", "300")], ("body", "stature_cm"), "a person's height is 90–250 cm"),
    (1, [("chair", "seat_height_min_cm", "50")], ("chair", "seat_height_cm"), "below the lowest"),
    (2, [("desk", "height_cm", "seventy")], ("desk", "height_cm"), "could not read"),
    (3, [("footstool", "height_cm", "50")], ("footstool", "height_cm"), "a footstool is 0–40 cm"),
    (4, [("monitor", "distance_cm", "")], ("monitor", "distance_cm"), "an answer is needed"),
    (
        5,
        [("keyboard", "home_row_above_surface_cm", "12")],
        ("keyboard", "home_row_above_surface_cm"),
        "0–10",
    ),
    (6, [("phone", "hours_per_day", "25")], ("phone", "hours_per_day"), "a day has 0–24 hours"),
    (
        7,
        [("habits", "longest_stretch_min", "1.5")],
        ("habits", "longest_stretch_min"),
        "whole number",
    ),
]


async def test_wrong_answer_shows_message_and_blocks_next(profiles_dir: Path) -> None:
    """Every step in one run (an app start per step cost ~2 s each)."""
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for step, answers, where, words in WRONG:
            app.goto(step)
            await pilot.pause()
            for section, field, text in answers:
                await paste_into(pilot, section, field, text)
            assert words in message(pilot, *where), step
            await next_step(pilot)
            screen = app.screen
            assert isinstance(screen, StepScreen) and screen.index == step, step
            reason = str(screen.query_one("#nav-reason", Static).render())
            assert "Next is blocked" in reason and words in reason, (step, reason)


async def test_messages_come_from_the_model_and_clear_when_fixed(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_into(pilot, "body", "stature_cm", "1700")  # key by key
        assert "did you mean 170.0 cm" in message(pilot, "body", "stature_cm")
        await paste_into(pilot, "body", "stature_cm", "5'7\"")
        assert message(pilot, "body", "stature_cm") == ""
        assert app.state is not None
        assert app.state.value("body", "stature_cm") == pytest.approx(170.18)


async def test_hidden_questions_follow_the_answers(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.goto(3)  # footstool
        await pilot.pause()
        row = app.screen.query_one("#row-footstool-height_cm")
        assert row.display
        await choose(pilot, "footstool", "owned", False)
        assert not row.display
        await choose(pilot, "footstool", "owned", True)
        assert row.display
        # no footstool, no height: the answer went, as `deskfit set footstool.owned=no` drops it
        assert app.state is not None and app.state.value("footstool", "height_cm") is None
        app.goto(6)  # phone
        await pilot.pause()
        await choose(pilot, "phone", "use", "none")
        assert not app.screen.query_one("#row-phone-hours_per_day").display
