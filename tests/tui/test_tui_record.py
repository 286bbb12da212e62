"""The assessment record in the wizard: symptoms put their advice first, a red flag shows
its line, and an action set on the review survives saving, reopening and exporting."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tui.tui_helpers import WALK, answer, next_step, write_profile
from textual.widgets import Collapsible

from deskfit.core.engine.advice import advise
from deskfit.core.engine.advice.symptoms import SEE_A_PROFESSIONAL
from deskfit.core.files.store import load_profile
from deskfit.core.present.render import render
from deskfit.tui.app import DeskfitApp
from deskfit.tui.record_dialogs import ActionPicker, ActionScreen, AssessmentScreen
from deskfit.tui.steps.review import ReviewScreen


async def _walk(pilot, symptoms: list[tuple[str, str, object]]) -> None:  # type: ignore[no-untyped-def]
    """The helpers' walk, with no footstool (as Sam, the seed's case) and these symptoms."""
    steps = [*WALK[:-1], symptoms]
    steps[3] = [("footstool", "owned", False)]
    for answers in steps:
        for section, field, value in answers:
            await answer(pilot, section, field, value)
        await next_step(pilot)


def _titles(screen: ReviewScreen) -> list[str]:
    return [str(c.title) for c in screen.query(".advice").results(Collapsible)]


async def test_lower_back_trouble_puts_the_footstool_and_legs_first(tmp_path: Path) -> None:
    app = DeskfitApp(tmp_path, mode="new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _walk(
            pilot,
            [
                ("symptoms", "lower_back_12_months", True),
                ("symptoms", "lower_back_7_days", True),  # asked once the year says yes
            ],
        )
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        lines = app.state.advice().lines  # type: ignore[union-attr]
        assert [line.id for line in lines[:2]] == ["footstool-height", "crossing-legs"]
        titles = _titles(screen)
        assert "Footstool" in titles[0] or "footstool" in titles[0]
        assert "crossing your legs" in titles[1]
        first = screen.query_one("#advice-1 .advice-text")
        assert "where you reported trouble" in str(first.render())
        symptoms = str(screen.query_one("#symptoms").render())
        assert "Lower back (last 7 days too)." in symptoms


async def test_a_red_flag_shows_its_one_line_first(tmp_path: Path) -> None:
    app = DeskfitApp(tmp_path, mode="new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _walk(pilot, [("symptoms", "pain_at_night", True)])
        await pilot.pause()
        lines = app.state.advice().lines  # type: ignore[union-attr]
        assert lines[0].id == SEE_A_PROFESSIONAL
        assert [line.id for line in lines].count(SEE_A_PROFESSIONAL) == 1
        assert "See a doctor or physiotherapist" in _titles(app.screen)[0]  # type: ignore[arg-type]
        # and above the review, where it is seen without scrolling
        top = str(app.screen.query_one("#red-flag").render())
        assert top == "See a doctor or physiotherapist: you reported pain at night."


async def test_an_action_done_on_the_review_is_saved_reopened_and_exported(
    tmp_path: Path,
) -> None:
    path = write_profile(tmp_path)
    app = DeskfitApp(tmp_path, mode="open", path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        first = app.state.advice().lines[0]  # type: ignore[union-attr]
        await pilot.press("a")  # no advice line focused: pick one
        await pilot.pause()
        assert isinstance(app.screen, ActionPicker)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionScreen)
        await pilot.press("right", "tab", *"2026-12-03", "tab", *"Facilities", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "✔" in _titles(app.screen)[0]
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        await pilot.press(*"Dana", "tab", "tab", *"2026-11-27", "tab", *"2027-05-27", "enter")
        await pilot.pause()
        assert "Assessed by Dana on 2026-11-27" in str(
            app.screen.query_one("#assessment-line").render()
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # the save dialog: the same file
        await pilot.pause(0.5)
    saved = load_profile(path).profile
    action = saved.actions[first.id]
    assert (action.status, action.date.isoformat(), action.owner) == (  # type: ignore[union-attr]
        "done",
        "2026-12-03",
        "Facilities",
    )
    exported = json.loads(render(advise(saved), "json"))
    line = next(x for x in exported["advice"] if x["id"] == first.id)
    assert line["action"]["status"] == "done"
    assert exported["assessment"]["review_date"] == "2027-05-27"
    # reopened, the review shows it again
    again = DeskfitApp(tmp_path, mode="open", path=path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "✔" in _titles(again.screen)[0]  # type: ignore[arg-type]
        action_line = str(again.screen.query_one("#advice-1 .advice-action Static").render())
        assert action_line.startswith("Action: Done 2026-12-03 · Facilities")


async def test_a_persons_own_text_is_shown_as_typed_never_as_markup(tmp_path: Path) -> None:
    from tests.tui.tui_helpers import PROFILE

    from deskfit.core.engine.advice import advise as advised
    from deskfit.core.model.validation import parse_profile

    data = dict(PROFILE)
    answers = {k: v for k, v in data.items() if k not in ("created", "updated")}
    first = advised(parse_profile(answers)).lines[0].id
    data["actions"] = {first: {"status": "todo", "owner": "[b]IT[/b]", "note": "[red]x"}}
    data["assessment"] = {"assessor": "[i]Dana[/i]"}
    path = write_profile(tmp_path, data)
    app = DeskfitApp(tmp_path, mode="open", path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        action = str(app.screen.query_one("#advice-1 .advice-action Static").render())
        assert action == "Action: To do · [b]IT[/b] · [red]x"
        assessed = str(app.screen.query_one("#assessment-line").render())
        assert assessed == "Assessed by [i]Dana[/i]."
