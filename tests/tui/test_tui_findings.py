"""What a new user met in the wizard (issue: a thin shell over the core), each proved gone."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static
from tui_helpers import PROFILE, answer, choose, paste_into, shown, write_profile

from deskfit.tui.app import make_app
from deskfit.tui.dialogs import ExportScreen, HelpScreen
from deskfit.tui.start import StartScreen
from deskfit.tui.steps.base import StepScreen
from deskfit.tui.steps.review import ReviewScreen
from deskfit.tui.widgets.fields import AnswerInput, ChoiceSet, FieldRow


async def test_the_arrows_change_a_choice(profiles_dir: Path) -> None:
    """Dana's progressive lenses stayed "None" when the arrows only moved a highlight."""
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lenses = app.screen.query_one("#in-body-lenses", ChoiceSet)
        lenses.focus()
        await pilot.press("right", "right")  # None → Single vision → Progressive
        await pilot.pause()
        assert app.state is not None and app.state.value("body", "lenses") == "progressive"
        await pilot.press("right")  # the last one: the arrow stops there
        await pilot.pause()
        assert app.state.value("body", "lenses") == "progressive"
        await pilot.press("down")  # down goes to the next question, and changes nothing
        await pilot.pause()
        assert app.state.value("body", "lenses") == "progressive"
        assert app.focused is not lenses
        lenses.focus()
        await pilot.press("left")
        await pilot.pause()
        assert app.state.value("body", "lenses") == "single_vision"


async def test_a_needed_follow_up_never_says_optional(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.goto(1)  # the chair
        await pilot.pause()
        await answer(pilot, "chair", "height_adjustable", True)
        lowest = app.screen.query_one("#in-chair-seat_height_min_cm", AnswerInput)
        assert lowest.placeholder == ""
        depth = app.screen.query_one("#in-chair-seat_depth_cm", AnswerInput)
        assert depth.placeholder == "optional"  # a question that is optional says so


async def test_the_filter_keeps_the_first_key_and_enter_opens(profiles_dir: Path) -> None:
    write_profile(profiles_dir)
    write_profile(profiles_dir, {**PROFILE, "name": "Mia, shared desk"})
    app = make_app(profiles_dir, "start")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("m", "i", "a")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "mia"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.state is not None and app.state.name == "Mia, shared desk"


async def test_a_file_problem_shows_its_toml_as_written(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "start")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.show_file_problem("x.toml:12: unknown key in [monitor]: did you mean glare?")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body Static", Static)
        assert "unknown key in [monitor]: did you mean glare?" in str(body.render())


async def test_arriving_at_a_step_focuses_what_needs_an_answer(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, AnswerInput) and focused.question.field == "name"
        await answer(pilot, "profile", "name", "Desk")
        app.goto(1)
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        focused = app.focused
        assert isinstance(focused, AnswerInput) and focused.question.field == "seat_height_cm"
        app.goto(0)  # back: the height is the first question still unanswered
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, AnswerInput) and focused.question.field == "stature_cm"


async def test_entering_a_filled_field_replaces_its_answer(profiles_dir: Path) -> None:
    """Tabbing into "10.5" and typing 9 gave 10.59, accepted."""
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.goto(3)  # the footstool: height 8
        await pilot.pause()
        box = app.screen.query_one("#in-footstool-height_cm", AnswerInput)
        app.screen.query_one("#in-footstool-owned", ChoiceSet).focus()
        await pilot.pause()
        await pilot.press("tab")  # into the filled height, as a person would
        await pilot.pause()
        assert app.focused is box
        await pilot.press("9")
        await pilot.pause()
        assert box.value == "9"
        assert app.state is not None and app.state.value("footstool", "height_cm") == 9.0


async def test_hours_take_their_unit_and_a_length_says_what_it_came_to(
    profiles_dir: Path,
) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await paste_into(pilot, "body", "stature_cm", "5'4\"")
        row = app.screen.query_one("#row-body-stature_cm", FieldRow)
        message = str(row.query_one(".field-message", Static).render())
        assert message == "= 162.5 cm"  # 64 in = 162.56 cm, shown on the 0.5 cm grid
        assert not row.has_class("-problem") and row.has_class("-note")
        assert row.query_one(".field-message", Static).display  # shown, not only set
        app.goto(7)  # habits
        await pilot.pause()
        await paste_into(pilot, "habits", "hours_per_day", "8 h")
        assert app.state is not None and app.state.value("habits", "hours_per_day") == 8.0


async def test_help_names_the_range_without_the_forms_aside(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#in-body-popliteal_height_cm").focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body Static", Static).render())
        assert "where popliteal height is 25–65 cm." in text
        assert "(optional) is" not in text


async def test_the_reviews_footer_fits_80_columns(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        bottom = app.export_screenshot()
        assert "Theme" in bottom


async def test_a_space_first_in_the_export_path_does_not_blank_it(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one("#export-path", Input)
        before = box.value
        await pilot.press("space")
        await pilot.pause()
        assert box.value == before + " "


async def test_the_key_line_shows_each_key_once_and_a_click_runs_it(profiles_dir: Path) -> None:
    from deskfit.tui.widgets.keyline import KeyLine

    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        text = str(line.render())
        assert text.startswith("^nNext  escBack  ^qQuit")
        assert "^bBack" not in text  # one key per action
        start = text.index("f1Help")
        await pilot.click(KeyLine, offset=(start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_follow_up_shown_again_shows_its_answer_as_it_will_be_saved(
    profiles_dir: Path,
) -> None:
    """Armrests None and back: "Too high" stayed on screen, but the answer was dropped."""
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.goto(1)
        await pilot.pause()
        await choose(pilot, "chair", "armrest_fit", "too_high")
        await choose(pilot, "chair", "armrests", "none")
        await choose(pilot, "chair", "armrests", "adjustable")
        state = app.state
        assert state is not None
        assert shown(pilot, "chair", "armrest_fit") == state.value("chair", "armrest_fit")
        await choose(pilot, "chair", "height_adjustable", False)
        await choose(pilot, "chair", "height_adjustable", True)
        assert state.value("chair", "seat_height_min_cm") is None  # dropped while hidden
        assert shown(pilot, "chair", "seat_height_min_cm") == ""  # and shown so


async def test_keys_never_reach_a_step_that_is_hidden(profiles_dir: Path) -> None:
    """A jump to a step not built yet left the focus in the name box of step 1."""
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.goto(5)
        await pilot.press("9")
        await pilot.pause()
        assert app.state is not None and app.state.name == "Office desk"


async def test_enter_moves_on_to_the_next_question(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        name = app.screen.query_one("#in-profile-name")
        assert app.focused is name
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#in-profile-units")
        await pilot.press("right", "enter")  # chooses, then moves on
        await pilot.pause()
        assert app.focused is app.screen.query_one("#in-body-stature_cm")
