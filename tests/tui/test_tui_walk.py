"""The whole walk, from a new profile to a saved file; back and forward on the way."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tui_helpers import WALK, next_step, shown, walk_to_review

from deskfit.core.session.draft import draft_path
from deskfit.tui.app import make_app
from deskfit.tui.steps.base import StepScreen
from deskfit.tui.steps.review import ReviewScreen


async def test_walk_back_forward_and_save(profiles_dir: Path, clock: object) -> None:
    app = make_app(profiles_dir, "new", clock=clock)  # type: ignore[arg-type]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await walk_to_review(pilot)
        assert isinstance(app.screen, ReviewScreen), app.screen
        assert app.state is not None
        draft = draft_path(profiles_dir, app.state)  # this wizard's own: new-<random>.toml
        assert draft.exists() and draft.name.startswith("new-")

        # back to the first step, then forward again: every answer still shown as typed
        for index in reversed(range(len(WALK))):
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, StepScreen) and app.screen.index == index
            for section, field, value in WALK[index]:
                assert shown(pilot, section, field) == value, (section, field)
        for _ in range(len(WALK)):
            await next_step(pilot)
        assert isinstance(app.screen, ReviewScreen)

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # the name typed on the first step is the default
        await pilot.pause()
        saved = profiles_dir / "office-desk.toml"
        assert saved.exists()
        assert not draft.exists()
        assert not list(draft.parent.glob("*.toml"))
        assert app.state is not None and not app.state.dirty

    document = tomllib.loads(saved.read_text())
    assert document["name"] == "Office desk"
    assert document["units"] == "metric"
    assert document["updated"] == document["created"]
    for answers in WALK:
        for section, field, value in answers:
            if section == "profile":
                continue
            expected = float(value) if isinstance(value, str) and value[0].isdigit() else value
            assert document[section][field] == expected, (section, field)
    # questions that do not apply are not written; the model's defaults fill the rest
    assert "keyboard_tray_height_cm" not in document["desk"]
    assert "height_min_cm" not in document["footstool"]
    assert document["body"]["shoe_allowance_cm"] == 2.5
    assert document["advice"]["rosa"]["final"] >= 1
