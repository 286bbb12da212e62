"""Widgets and screens the wizard lets go of are freed, not kept alive by Textual.

Walking the steps builds a form for each and drops the ones far from the step shown;
changing an answer rebuilds the review. Each dropped form and screen must really go:
before, an input stayed subscribed to its screen's selection signal, a screen stayed
watching the app's units, an uninstalled screen went on running, and Textual's style
cache held the last thousand widgets drawn (``widgets/removed.py``).
"""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_helpers import answer, write_profile

from deskfit.tui.app import make_app
from deskfit.tui.steps.base import StepScreen
from deskfit.tui.steps.form import StepForm
from deskfit.tui.steps.review import ReviewScreen
from deskfit.tui.widgets.fields import AnswerInput
from deskfit.tui.widgets.removed import QUIET

STEPS = 8  # question steps before the review


KINDS = (StepForm, AnswerInput, StepScreen, ReviewScreen)
_earlier: list[Any] = []  # what other tests left alive, held so that no id is reused


@pytest.fixture(autouse=True)
def _not_counting_earlier_apps() -> None:
    """Count only this test's objects: an app that has ended may leave its widgets to
    Textual's caches until they are next emptied, which is not this test's concern."""
    gc.collect()
    _earlier.extend(o for o in gc.get_objects() if isinstance(o, KINDS))


def alive(kind: type) -> list[Any]:
    gc.collect()
    earlier = {id(o) for o in _earlier}
    return [o for o in gc.get_objects() if isinstance(o, kind) and id(o) not in earlier]


def in_app(node: Any, app: Any) -> bool:
    """Still part of the app's DOM (``is_attached`` needs the app's context)."""
    return any(a is app for a in node.ancestors_with_self)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await asyncio.sleep(QUIET * 2)  # the collector runs once removals have paused
    await pilot.pause()


async def test_a_walk_through_every_step_leaves_only_the_forms_on_screen(
    profiles_dir: Path,
) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        for key in ["escape"] * STEPS + ["ctrl+n"] * STEPS:
            await pilot.press(key)
            await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        forms = alive(StepForm)
        inputs = alive(AnswerInput)
        # the steps screen keeps the form of the step last shown, and at most its
        # neighbours; every other form built on the way has been freed, inputs and all
        assert inputs and all(in_app(i, app) for i in inputs), sum(
            not in_app(i, app) for i in inputs
        )
        assert 1 <= len(forms) <= 3, [f.index for f in forms]
        assert all(in_app(f, app) for f in forms), [f.index for f in forms if not in_app(f, app)]


async def test_a_review_rebuilt_after_a_change_lets_the_old_one_go(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.screen
        assert isinstance(first, ReviewScreen)
        for _ in range(6):  # back to the desk, a change, and forward to a new review
            await pilot.press("escape")
            await settle(pilot)
        await answer(pilot, "desk", "height_cm", "73")
        for _ in range(6):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen is not first
        del first
        reviews = alive(ReviewScreen)
        assert reviews == [app.screen], reviews
        # nothing the old review set up on the app is left behind
        watchers: dict[str, list[tuple[Any, Any]]] = getattr(app, "__watchers", {})
        for name, pairs in watchers.items():
            assert all(in_app(node, app) for node, _ in pairs), name
        assert len(alive(StepScreen)) == 1
