"""The terminal the wizard gets: too small, a pasted block, NO_COLOR."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static
from tui_helpers import message, shown

from deskfit.tui.app import make_app
from deskfit.tui.dialogs import TooSmallScreen
from deskfit.tui.start import StartScreen
from deskfit.tui.steps.base import StepScreen


async def test_a_terminal_too_small_says_so_and_recovers(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        said = str(app.screen.query_one("#too-small", Static).render())
        assert "deskfit needs at least 60×16; this terminal is 50×12" in said
        await pilot.press("ctrl+s", "f1")  # nothing opens over the message
        assert isinstance(app.screen, TooSmallScreen)

        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await pilot.press(*"Den")  # the name box has the focus, as before
        assert shown(pilot, "profile", "name") == "Den"

        await pilot.resize_terminal(59, 30)  # too narrow, tall enough
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "this terminal is 59×30" in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(60, 16)  # the minimum itself is fine
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)

        await pilot.resize_terminal(40, 10)
        await pilot.press("ctrl+q")  # no room to ask: quits, the draft keeps the answers
        await pilot.pause()
        assert app.return_code == 0
    assert len(list((profiles_dir / ".drafts").glob("new-*.toml"))) == 1


async def test_a_pasted_block_becomes_one_line(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#in-body-stature_cm", Input)
        box.focus()
        block = "178 cm\r\nweight: 80 kg\t\x1b[31mred\x1b[0m\x07\x00\n" + "x" * 5000 + "\n"
        box.post_message(events.Paste(block))
        await pilot.pause()
        assert box.value.startswith("178 cm weight: 80 kg red x")
        assert len(box.value) == 200 and box.value.isprintable()
        assert "could not read" in message(pilot, "body", "stature_cm")

        name = app.screen.query_one("#in-profile-name", Input)
        name.focus()
        name.post_message(events.Paste("Sam at\nthe office\n"))
        await pilot.pause()
        assert name.value == "Sam at the office"
        assert app.state is not None and app.state.name == "Sam at the office"


async def test_the_wizard_starts_with_no_color(
    profiles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(profiles_dir)
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
