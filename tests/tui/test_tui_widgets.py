"""The wizard's own widgets: a choice on one line, the profiles list, the forms kept."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from tui_helpers import PROFILE, answer, listed, next_step, write_profile

from deskfit.core.model.questions import question
from deskfit.core.session.listing import Entry
from deskfit.tui.app import make_app
from deskfit.tui.steps.base import StepScreen
from deskfit.tui.widgets.fields import ChoiceSet, options_for
from deskfit.tui.widgets.profile_list import ProfileList


class OneChoice(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[Any] = []

    def compose(self) -> ComposeResult:
        q = question("chair", "armrests")  # three options: Adjustable, Fixed, None
        yield ChoiceSet(q, options_for(q), None)

    def on_choice_set_changed(self, event: ChoiceSet.Changed) -> None:
        self.changes.append(event.choice_set.chosen)


async def test_a_choice_chooses_with_left_and_right_and_stops_at_the_ends() -> None:
    app = OneChoice()
    async with app.run_test() as pilot:
        choice = app.query_one(ChoiceSet)
        choice.focus()
        assert choice.chosen is None  # nothing chosen until the person chooses
        await pilot.press("left")  # nothing chosen yet: ← takes the highlighted, the first
        await pilot.press("left")  # already the first: stays
        await pilot.press("right", "right", "right")  # to the last, and no further
        await pilot.press("space")  # the one under the cursor: no change
        await pilot.pause()
        values = choice.values
        assert app.changes == [values[0], values[1], values[2]]


async def test_a_click_on_a_wrapped_line_chooses_the_option_there() -> None:
    app = OneChoice()
    async with app.run_test(size=(24, 6)) as pilot:
        choice = app.query_one(ChoiceSet)
        await pilot.pause()
        lines = str(choice.render()).split("\n")
        assert len(lines) > 1, lines  # "Adjustable  Fixed  None" does not fit 22 columns
        last = choice.labels[-1]
        row = next(i for i, line in enumerate(lines) if last in line)
        column = lines[row].index(last) + choice.styles.padding.left
        await pilot.click(ChoiceSet, offset=(column, row))
        await pilot.pause()
        assert choice.chosen == choice.values[-1]


async def test_a_click_chooses_the_option_under_the_pointer() -> None:
    app = OneChoice()
    async with app.run_test() as pilot:
        choice = app.query_one(ChoiceSet)
        text = str(choice.render())
        labels = choice.labels
        column = text.index(labels[1]) + choice.styles.padding.left
        await pilot.click(ChoiceSet, offset=(column, 0))
        await pilot.pause()
        assert choice.chosen == choice.values[1] and app.changes == [choice.values[1]]
        assert app.focused is choice
        await pilot.click(ChoiceSet, offset=(text.index(labels[1]) - 3 + 1, 0))  # its mark
        await pilot.pause()
        assert app.changes == [choice.values[1]]  # the same option: no change


class Listing(App[None]):
    def compose(self) -> ComposeResult:
        yield ProfileList(id="profiles")


def _entry(name: str, rosa: str = "4 moderate") -> Entry:
    return Entry("profile", Path(f"{name}.toml"), name, datetime(2026, 11, 2, tzinfo=UTC), rosa)


async def test_names_are_shown_as_written_and_long_ones_are_cut() -> None:
    app = Listing()
    async with app.run_test(size=(80, 10)) as pilot:
        listing = app.query_one(ProfileList)
        long = "A very long profile name that goes on and on past any column " * 2
        listing.show([_entry("[b]Sam[/b] at the office"), _entry(long)])
        await pilot.pause()
        first, second = (listing.line(i) for i in range(2))
        assert first.startswith("[b]Sam[/b] at the office")  # brackets are not markup
        assert "…" in second and len(second) <= 80 and second.endswith("4 moderate")
        listing.show([_entry("Sam"), _entry("Mia")], wanted="mi")
        assert [listing.line(i).split()[0] for i in range(listing.option_count)] == ["Mia"]
        assert listing.selected() == 1  # the index in the entries, not the line


async def test_the_start_list_opens_a_profile_on_a_click(profiles_dir: Path) -> None:
    write_profile(profiles_dir)
    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        (line,) = await listed(pilot)
        assert line.startswith(PROFILE["name"])
        await pilot.click(ProfileList, offset=(5, 1))
        await pilot.pause()
        assert app.state is not None and app.state.name == PROFILE["name"]


async def test_walking_every_step_keeps_only_the_forms_beside_the_one_shown(
    profiles_dir: Path,
) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StepScreen)
        for index in range(1, 8):
            await next_step(pilot)
            await pilot.pause(0.1)  # the next form is built while the person reads
            assert screen.index == index
            assert set(screen.forms) <= {index - 1, index, index + 1}, screen.forms
            assert index + 1 in screen.forms or index == 7
        # the forms let go are gone from the screen, not only from the dict
        assert len(screen.query("StepForm")) == len(screen.forms)


async def test_one_flow_at_a_time(profiles_dir: Path) -> None:
    """Save asked twice before its dialog shows (a key and the palette): one dialog."""
    from deskfit.tui.dialogs import SaveScreen

    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_save()
        app.action_save()
        await pilot.pause()
        assert sum(isinstance(s, SaveScreen) for s in app.screen_stack) == 1


async def test_the_highlight_stays_on_its_profile_when_the_list_changes() -> None:
    app = Listing()
    async with app.run_test(size=(80, 10)) as pilot:
        listing = app.query_one(ProfileList)
        sam, mia = _entry("Sam"), _entry("Mia")
        listing.show([sam, mia])
        listing.highlighted = 1  # Mia
        listing.show([_entry("A draft"), sam, mia])  # a draft appears above
        await pilot.pause()
        assert listing.selected() == 2  # still Mia


async def test_a_folder_that_cannot_be_read_is_said_not_a_crash(
    profiles_dir: Path, monkeypatch: Any
) -> None:
    from deskfit.core.session import listing

    def unreadable(folder: Path) -> list[Entry]:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(listing, "scan", unreadable)
    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        hint = str(app.screen.query_one("#start-hint").render())
        assert "cannot be read (Permission denied)" in hint and app.is_running


async def test_quit_while_a_dialog_is_open_asks_nothing_more(profiles_dir: Path) -> None:
    from deskfit.tui.dialogs import ChoiceScreen, SaveScreen

    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, "body", "stature_cm", "171")  # changed: quitting would ask
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        assert not any(isinstance(s, ChoiceScreen) for s in app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        await app.action_quit()
        await app.action_quit()  # twice before its dialog shows: one dialog
        await pilot.pause()
        assert sum(isinstance(s, ChoiceScreen) for s in app.screen_stack) == 1
