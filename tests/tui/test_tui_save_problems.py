"""Saves that cannot go as planned: a full disk, no permission, a file changed behind us."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static
from tui_helpers import PROFILE, answer, write_profile

import deskfit.tui.flows as app_module
from deskfit.core.session.draft import draft_path, read_draft, write_draft
from deskfit.core.session.ondisk import DiskStamp, stamp_of
from deskfit.core.session.state import WizardState
from deskfit.tui.app import make_app
from deskfit.tui.dialogs import ChoiceScreen, SaveScreen
from deskfit.tui.steps.base import StepScreen


def _problem(app: Any) -> str:
    return str(app.screen.query_one("#save-problem", Static).render())


async def test_a_failed_save_keeps_every_answer_and_offers_another_path(
    profiles_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_profile(profiles_dir)
    before = path.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real_replace = os.replace

    def read_only_folder(src: Any, dst: Any, **kwargs: Any) -> None:
        if ".drafts" not in str(dst):  # the draft still gets written, the profile not
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real_replace(src, dst, **kwargs)

    def disk_full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, "body", "stature_cm", "181")
        state = app.state
        assert state is not None

        # EACCES: the rename into the folder is refused
        monkeypatch.setattr(os, "replace", read_only_folder)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)  # back, with the path to change
        said = _problem(app)
        assert "permission denied" in said and str(path) in said and "draft" in said
        assert app.screen.focused is app.screen.query_one("#save-where")
        assert path.read_bytes() == before  # untouched, and no temporary file left
        assert sorted(p.name for p in profiles_dir.iterdir()) == [".drafts", path.name]
        assert state.value("body", "stature_cm") == 181.0 and state.dirty
        assert draft_path(profiles_dir, state).name.startswith("office-desk-")
        draft = read_draft(draft_path(profiles_dir, state))
        assert draft.answers == state.answers

        # ENOSPC, in the folder typed instead
        monkeypatch.setattr(os, "replace", real_replace)
        monkeypatch.setattr(app_module, "save_with_advice", disk_full)
        app.screen.query_one("#save-where", Input).value = f"{elsewhere}/"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        said = _problem(app)
        assert "the disk is full" in said and str(elsewhere / "office-desk.toml") in said
        assert read_draft(draft_path(profiles_dir, state)).answers == state.answers

        # space again: the same dialog saves there
        monkeypatch.undo()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
    saved = tomllib.loads((elsewhere / "office-desk.toml").read_text())
    assert saved["body"]["stature_cm"] == 181.0 and saved["extra"] == PROFILE["extra"]
    assert path.read_bytes() == before
    assert not list((profiles_dir / ".drafts").glob("*.toml"))


def _version(stature: float, name: str = "Office desk") -> dict[str, Any]:
    return {**PROFILE, "name": name, "body": {**PROFILE["body"], "stature_cm": stature}}


def _stature(path: Path) -> float:
    return float(tomllib.loads(path.read_text())["body"]["stature_cm"])


async def _save_into_conflict(pilot: Any) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("enter")  # the save dialog, as it stands
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ChoiceScreen), screen
    assert "changed since you opened it" in str(screen.query_one(".dialog-title").render())


async def test_a_file_changed_behind_the_wizard_is_never_silently_replaced(
    profiles_dir: Path,
) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, "body", "stature_cm", "181")
        write_profile(profiles_dir, _version(190))  # another deskfit saved meanwhile

        # cancel: nothing written, every answer still here
        await _save_into_conflict(pilot)
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and _stature(path) == 190
        assert app.state is not None and app.state.value("body", "stature_cm") == 181.0

        # save as new: a new name beside it; the changed file is left as it is
        await _save_into_conflict(pilot)
        await pilot.click("#new")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        assert app.screen.query_one("#save-name", Input).value == "Office desk 2"
        await pilot.press("enter")
        await pilot.pause()
        copy = profiles_dir / "office-desk-2.toml"
        assert _stature(copy) == 181 and _stature(path) == 190
        assert tomllib.loads(copy.read_text())["name"] == "Office desk 2"
        assert app.state.path == copy and not app.state.dirty
        assert app.state.disk == stamp_of(copy)  # what this wizard wrote, remembered

        # overwrite: the copy changed behind us too; this time ours wins
        write_profile(profiles_dir, _version(150, "Office desk 2"))
        await _save_into_conflict(pilot)
        await pilot.click("#overwrite")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and not app.state.dirty
        assert app.state.disk == stamp_of(copy)  # so the next save does not ask
    assert _stature(copy) == 181 and _stature(path) == 190


def test_a_draft_remembers_what_the_file_held(profiles_dir: Path) -> None:
    state = WizardState.new()
    state.path = profiles_dir / "office-desk.toml"
    state.disk = DiskStamp("ab" * 32, 1_790_000_000_123_456_789)
    back = read_draft(write_draft(profiles_dir, state))
    assert back.disk == state.disk
