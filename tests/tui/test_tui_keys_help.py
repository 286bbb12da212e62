"""What the wizard says about its keys: the start screen's hint and key line follow the
line highlighted, F1 lists deskfit's keys (not every input's editing keys), and a
question's help gives its range in the units the person works in."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from tui_helpers import keys_shown, listed, write_profile

from deskfit.core.session.draft import write_draft
from deskfit.core.session.state import WizardState
from deskfit.tui.app import make_app
from deskfit.tui.dialogs import HelpScreen
from deskfit.tui.start import StartScreen


def _help_text(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HelpScreen)
    return "\n".join(str(s.render()) for s in screen.query("#help-body Static").results(Static))


async def test_the_hint_and_keys_follow_the_line_highlighted(profiles_dir: Path) -> None:
    write_profile(profiles_dir)
    draft = WizardState.new()
    draft.set_value("profile", "name", "Attic")
    write_draft(profiles_dir, draft)
    app = make_app(profiles_dir, "start")
    async with app.run_test(size=(100, 30)) as pilot:
        lines = await listed(pilot)
        assert lines[0].startswith("✎")  # drafts first
        screen = app.screen
        assert isinstance(screen, StartScreen)
        hint = screen.query_one("#start-hint", Static)
        assert "goes on with this unfinished profile" in str(hint.render())
        assert "Discard draft" in keys_shown(pilot)
        await pilot.press("down")  # the saved profile
        await pilot.pause()
        assert str(hint.render()) == "Enter opens the advice; Ctrl+E edits the answers."
        assert "Discard draft" not in keys_shown(pilot)


async def test_f1_lists_deskfits_keys_not_the_inputs_editing_keys(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)  # no question focused: F1 is about the keys
        await pilot.press("f1")
        await pilot.pause()
        text = _help_text(app)
        for wanted in ("Help", "cm/in", "Theme", "Save", "Next question", "Every command"):
            assert wanted in text, wanted
        for internal in ("Delete character left", "Focus Next", "Copy selected text", "palette"):
            assert internal not in text, internal


async def test_a_questions_help_gives_its_range_in_inches_when_in_inches(
    profiles_dir: Path,
) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f2")  # to inches
        await pilot.pause()
        app.goto(2)  # the desk
        await pilot.pause()
        app.screen.query_one("#in-desk-height_cm").focus()
        await pilot.press("f1")
        await pilot.pause()
        # 40–150 cm, to the quarter inch: 15¾–59 in (by hand: 40/2.54 = 15.75, 150/2.54 = 59.06)
        assert "a desk is 15¾–59 in high" in _help_text(app)


async def test_the_key_names_take_the_light_themes_colour_after_f3(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")  # to the light theme
        await pilot.pause()
        assert app.theme == "textual-light"
        key_colour = app.theme_variables["footer-key-foreground"].lower()  # #0178d4
        dark_keys = "#ffa62b"  # the dark theme's, unreadable on the light grey
        svg = app.export_screenshot().lower()
        assert f"fill: {key_colour}" in svg
        assert f"fill: {dark_keys}" not in svg


async def test_f1_on_the_review_says_what_draw_and_compare_do(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.press("f1")
        await pilot.pause()
        text = _help_text(app)
        assert "Draw — the drawing now, after the plan, or standing at a sit-stand desk" in text
        assert "Compare — with another saved profile" in text
        assert text.count("Back") == 1  # esc and ctrl+b on one line
        # what the record's keys act on, said before the list
        assert text.startswith("Tab moves through the advice; Enter or a click opens a line.")
        assert "a sets the action of the line the cursor is on" in " ".join(text.split())
        assert "Assessment — assessor, date and review date" in text
