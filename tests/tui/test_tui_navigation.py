"""Back and forward, jumping, and switching units never lose or alter an answer."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import WALK, answer, next_step, shown, write_profile

from deskfit.tui.app import make_app
from deskfit.tui.widgets.steplist import StepList


async def test_step_list_jumps_only_to_steps_visited(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for section, field, value in WALK[0]:
            await answer(pilot, section, field, value)
        await next_step(pilot)
        await next_step(pilot)  # the chair is not answered: refused
        assert app.screen.index == 1  # type: ignore[attr-defined]
        steps = app.screen.query_one(StepList)
        assert steps.get_option_at_index(3).disabled
        await pilot.click(StepList, offset=(4, 0))  # the first line: step 1
        await pilot.pause()
        assert app.screen.index == 0  # type: ignore[attr-defined]
        assert shown(pilot, "body", "stature_cm") == "170"


async def test_units_switch_keeps_values(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, "body", "stature_cm", "170.3")
        state = app.state
        assert state is not None
        before = {s: dict(a) for s, a in state.answers.items() if s != "profile"}
        await pilot.press("f2")
        await pilot.pause()
        assert state.units == "imperial"
        assert shown(pilot, "body", "stature_cm") == "67"  # 170.3 cm, to the 1/4 inch
        assert shown(pilot, "profile", "units") == "imperial"
        app.goto(1)
        await pilot.pause()
        assert shown(pilot, "chair", "seat_height_cm") == "19"
        await pilot.press("f2")
        await pilot.pause()
        app.goto(0)
        await pilot.pause()
        assert shown(pilot, "body", "stature_cm") == "170.3"
        after = {s: dict(a) for s, a in state.answers.items() if s != "profile"}
        assert after == before
