"""Drafts you can trust with other people's data (issue items 5 and 6).

Every wizard writes a draft of its own; a saved profile's draft is named after its full
path; a draft another running deskfit writes is never resumed, discarded or deleted here;
a path that is not UTF-8 round-trips; drafts of older versions still resume.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from textual.widgets import Static
from tui_helpers import PROFILE, answer, keys_shown, listed, shown, write_profile

from deskfit.core.files.store import save_profile
from deskfit.core.model.validation import parse_profile
from deskfit.core.session import draft as draft_module
from deskfit.core.session.draft import (
    delete_draft,
    describe,
    discard_draft,
    draft_path,
    drafts_for,
    inspect_draft,
    keyed_name,
    list_drafts,
    read_draft,
    write_draft,
)
from deskfit.core.session.listing import scan
from deskfit.core.session.state import WizardState
from deskfit.tui.app import make_app
from deskfit.tui.dialogs import ChoiceScreen, HelpScreen
from deskfit.tui.start import StartScreen
from deskfit.tui.steps.base import StepScreen
from deskfit.tui.steps.review import ReviewScreen

# -- helpers ------------------------------------------------------------------------------


@pytest.fixture
def other_deskfit() -> Iterator[int]:
    """The pid of a live process that is not this one (a ``sleep 30``), killed afterwards."""
    proc = subprocess.Popen(["sleep", "30"])
    try:
        yield proc.pid
    finally:
        proc.kill()
        proc.wait(timeout=10)


def _claim(path: Path, pid: int, **fields: Any) -> None:
    """Make a draft look written by process ``pid`` on this host."""
    document = tomllib.loads(path.read_text())
    document["draft"]["pid"] = pid
    started = draft_module._started(pid)
    if started is not None:
        document["draft"]["started"] = started
    else:
        document["draft"].pop("started", None)
    document["draft"].update(fields)
    path.write_text(tomli_w.dumps(document))


def _named(name: str, path: Path | None = None) -> WizardState:
    state = WizardState.new()
    state.set_value("profile", "name", name)
    state.path = path
    return state


def _old_draft(profiles_dir: Path, file_name: str, name: str, target: Path | None) -> Path:
    """A draft as deskfit wrote it before: named new.toml or <stem>.toml, no writer."""
    meta: dict[str, Any] = {"format": 1, "step": 0, "visited": 0}
    if target is not None:
        meta["path"] = str(target)
    document = {"draft": meta, "answers": {"profile": {"name": name, "units": "metric"}}}
    path = profiles_dir / ".drafts" / file_name
    path.parent.mkdir(exist_ok=True)
    path.write_text(tomli_w.dumps(document))
    return path


def _dialog_text(app: Any) -> str:
    return str(app.screen.query_one(".dialog-text", Static).render())


async def _rows(pilot: Any) -> list[str]:
    return await listed(pilot)


# -- one draft per wizard -------------------------------------------------------------


def test_two_new_profiles_get_drafts_of_their_own(profiles_dir: Path) -> None:
    first, second = _named("Kitchen"), _named("Attic")
    a, b = draft_path(profiles_dir, first), draft_path(profiles_dir, second)
    assert a != b
    for path in (a, b):
        assert re.fullmatch(r"new-[0-9a-f]{12}\.toml", path.name), path.name
    assert draft_path(profiles_dir, first) == a  # chosen once, then kept
    write_draft(profiles_dir, first)
    write_draft(profiles_dir, second)
    assert read_draft(a).name == "Kitchen" and read_draft(b).name == "Attic"
    first.set_value("profile", "name", "Kitchen table")
    assert write_draft(profiles_dir, first) == a  # every save of the draft: the same file
    assert read_draft(b).name == "Attic"


def test_same_named_files_in_two_folders_get_different_drafts(
    profiles_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    in_a = _named("A", tmp_path / "a" / "x.toml")
    in_b = _named("B", tmp_path / "b" / "x.toml")
    a, b = draft_path(profiles_dir, in_a), draft_path(profiles_dir, in_b)
    assert a != b
    assert a.name.startswith("x-") and b.name.startswith("x-")
    write_draft(profiles_dir, in_a)
    write_draft(profiles_dir, in_b)
    assert read_draft(a).name == "A" and read_draft(b).name == "B"
    assert [d.name for d in drafts_for(profiles_dir, tmp_path / "b" / "x.toml")] == ["B"]
    # a relative path and a path through a link name the same file, and the same draft
    os.symlink(tmp_path / "a", tmp_path / "link")
    assert keyed_name(tmp_path / "link" / "x.toml") == a.name


def test_a_profile_called_new_never_meets_a_new_profiles_draft(profiles_dir: Path) -> None:
    saved = _named("Saved", profiles_dir / "new.toml")
    fresh = _named("")
    assert draft_path(profiles_dir, saved).name not in ("new.toml", "")
    assert draft_path(profiles_dir, saved) != draft_path(profiles_dir, fresh)
    write_draft(profiles_dir, fresh)
    write_draft(profiles_dir, saved)
    assert len(list((profiles_dir / ".drafts").glob("*.toml"))) == 2


def test_a_keyed_name_that_is_taken_gets_a_random_part(profiles_dir: Path) -> None:
    target = profiles_dir / "office-desk.toml"
    one, two = _named("One", target), _named("Two", target)
    write_draft(profiles_dir, one)
    assert draft_path(profiles_dir, one).name == keyed_name(target)
    write_draft(profiles_dir, two)  # never over the first one's draft
    assert draft_path(profiles_dir, two) != draft_path(profiles_dir, one)
    assert sorted(d.name for d in drafts_for(profiles_dir, target)) == ["One", "Two"]


def test_saving_deletes_only_this_wizards_draft(profiles_dir: Path) -> None:
    mine, other = _named("Mine"), _named("Other")
    write_draft(profiles_dir, mine)
    write_draft(profiles_dir, other)
    mine.path = profiles_dir / "mine.toml"  # saved: the draft keeps its name
    delete_draft(profiles_dir, mine)
    assert not draft_path(profiles_dir, mine).exists()
    assert draft_path(profiles_dir, other).exists()
    delete_draft(profiles_dir, _named("Never written"))  # no draft: nothing to delete
    assert draft_path(profiles_dir, other).exists()


async def test_a_new_profile_does_not_ask_about_another_new_draft(
    profiles_dir: Path, clock: object
) -> None:
    someone = _named("Someone else's desk")
    theirs = write_draft(profiles_dir, someone)
    before = theirs.read_bytes()
    app = make_app(profiles_dir, "new", clock=clock)  # type: ignore[arg-type]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)  # no "an unfinished profile is waiting"
        await answer(pilot, "profile", "name", "My desk")
        assert app.state is not None
        mine = draft_path(profiles_dir, app.state)
        assert mine != theirs and mine.exists()
        assert theirs.read_bytes() == before
    assert theirs.read_bytes() == before  # it still waits on the start screen


# -- whose draft it is ---------------------------------------------------------------


async def test_the_start_screen_says_whose_drafts_they_are(
    profiles_dir: Path, tmp_path: Path
) -> None:
    write_draft(profiles_dir, _named("Kitchen table"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write_draft(profiles_dir, _named("Office desk", profiles_dir / "office-desk.toml"))
    write_draft(profiles_dir, _named("Den", elsewhere / "den.toml"))
    app = make_app(profiles_dir)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        rows = await _rows(pilot)
        assert any("Kitchen table" in r and "new profile" in r for r in rows), rows
        assert any("Office desk" in r and "office-desk.toml" in r for r in rows), rows
        assert any("Den" in r and str(elsewhere / "den.toml") in r for r in rows), rows
        assert "Resume" in keys_shown(pilot)


async def test_unsaved_changes_prompt_says_which_draft(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    state = _named("Office desk (changed)", path)
    write_draft(profiles_dir, state)
    written = inspect_draft(draft_path(profiles_dir, state)).modified
    app = make_app(profiles_dir, "edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        said = _dialog_text(app)
        assert "Office desk (changed)" in said and path.name in said
        assert written.strftime("%Y-%m-%d %H:%M") in said
        await pilot.click("#resume")
        await pilot.pause()
        assert shown(pilot, "profile", "name") == "Office desk (changed)"


# -- another deskfit's draft ---------------------------------------------------------


def test_a_draft_of_a_live_other_deskfit_is_in_use_and_not_deleted(
    profiles_dir: Path, other_deskfit: int
) -> None:
    state = _named("Theirs", profiles_dir / "office-desk.toml")
    path = write_draft(profiles_dir, state)
    assert not inspect_draft(path).in_use  # this process's own draft
    _claim(path, other_deskfit)
    info = inspect_draft(path)
    assert info.in_use and info.writer is not None and info.writer.pid == other_deskfit
    assert "in use by another deskfit" in describe(info, profiles_dir)
    assert [d.in_use for d in list_drafts(profiles_dir)] == [True]
    assert discard_draft(path) is False
    delete_draft(profiles_dir, state)  # even the state that named it does not delete it now
    assert path.exists()
    (entry,) = scan(profiles_dir)
    assert entry.kind == "busy" and "in use" in entry.name


def test_a_draft_of_an_ended_deskfit_is_free(profiles_dir: Path) -> None:
    proc = subprocess.Popen(["true"])
    proc.wait(timeout=10)
    path = write_draft(profiles_dir, _named("Crashed"))
    _claim(path, proc.pid)
    assert not inspect_draft(path).in_use
    assert discard_draft(path) is True and not path.exists()


def test_a_pid_given_to_another_process_does_not_hold_a_draft(
    profiles_dir: Path, other_deskfit: int
) -> None:
    if draft_module._started(other_deskfit) is None:
        pytest.skip("no process start times on this system")
    path = write_draft(profiles_dir, _named("Before a reboot"))
    _claim(path, other_deskfit, started="another-boot:12345")
    assert not inspect_draft(path).in_use


def test_a_draft_written_on_another_host_is_not_in_use_here(
    profiles_dir: Path, other_deskfit: int
) -> None:
    path = write_draft(profiles_dir, _named("Laptop"))
    _claim(path, other_deskfit, host="some-other-host.invalid")
    info = inspect_draft(path)
    assert not info.in_use
    assert "written on some-other-host.invalid" in describe(info, profiles_dir)


async def test_open_as_saved_leaves_another_deskfits_draft_alone(
    profiles_dir: Path, other_deskfit: int
) -> None:
    path = write_profile(profiles_dir)
    theirs = write_draft(profiles_dir, _named("Their changes", path))
    _claim(theirs, other_deskfit)
    before = theirs.read_bytes()
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        said = _dialog_text(app)
        assert "being edited in another deskfit" in said and str(other_deskfit) in said
        await pilot.click("#saved")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert theirs.read_bytes() == before
        app.goto(0)
        await pilot.pause()
        await answer(pilot, "body", "stature_cm", "181")  # changes here: a draft of its own
        assert app.state is not None
        mine = draft_path(profiles_dir, app.state)
        assert mine != theirs and mine.exists()
    assert theirs.read_bytes() == before
    assert {d.path for d in drafts_for(profiles_dir, path)} == {theirs, mine}


async def test_open_as_saved_deletes_the_stale_draft_but_not_the_busy_one(
    profiles_dir: Path, other_deskfit: int
) -> None:
    path = write_profile(profiles_dir)
    stale = write_draft(profiles_dir, _named("Old changes", path))
    busy = write_draft(profiles_dir, _named("Their changes", path))
    _claim(busy, other_deskfit)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        said = _dialog_text(app)
        assert "Old changes" in said and "Their changes" in said
        await pilot.click("#saved")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert not stale.exists()
    assert busy.exists()


async def test_the_start_screen_does_not_offer_a_busy_draft(
    profiles_dir: Path, other_deskfit: int
) -> None:
    theirs = write_draft(profiles_dir, _named("Their desk"))
    _claim(theirs, other_deskfit)
    before = theirs.read_bytes()
    app = make_app(profiles_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        (row,) = await _rows(pilot)
        assert "Their desk" in row and "in use by another deskfit" in row
        assert "Resume" not in keys_shown(pilot)
        await pilot.press("ctrl+r")  # not offered: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("delete")  # not discarded: says why
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # not resumed: says why
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.state is None
    assert theirs.read_bytes() == before


# -- paths that are not UTF-8 ---------------------------------------------------------


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / os.fsdecode(b"prof\xeeiles")  # not UTF-8 either
    try:
        folder.mkdir()
    except (OSError, UnicodeError) as exc:
        pytest.skip(f"this file system refuses names that are not UTF-8: {exc}")
    return folder


def test_a_path_that_is_not_utf8_round_trips(odd_folder: Path) -> None:
    target = odd_folder / os.fsdecode(b"caf\xff.toml")
    state = _named("Café", target)
    path = write_draft(odd_folder, state)
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "path" not in document["draft"]
    assert bytes.fromhex(document["draft"]["path_hex"]) == os.fsencode(target)
    back = read_draft(path)
    assert back.path == target and os.fsencode(back.path) == os.fsencode(target)
    assert back.name == "Café"
    (info,) = list_drafts(odd_folder)
    assert info.target == target
    said = describe(info, odd_folder)
    assert "caf\\xff.toml" in said and "\udcff" not in said
    (entry,) = scan(odd_folder)
    assert "caf\\xff.toml" in entry.name and "\udcff" not in entry.name


async def test_editing_a_profile_whose_path_is_not_utf8(odd_folder: Path) -> None:
    raw = {
        **PROFILE,
        "created": datetime.fromisoformat("2026-11-01T09:00:00+00:00"),
        "updated": datetime.fromisoformat("2026-11-02T10:30:00+00:00"),
    }
    target = save_profile(parse_profile(raw), odd_folder / os.fsdecode(b"caf\xff.toml"))
    app = make_app(odd_folder, "edit", target)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, "body", "stature_cm", "181")  # crashed here before
        assert app.state is not None
        draft = draft_path(odd_folder, app.state)
        assert draft.exists()
        assert read_draft(draft).path == target
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "\udcff" not in _dialog_text(app)


# -- drafts of older versions -------------------------------------------------------------


async def test_old_drafts_are_listed_and_resumed(profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    _old_draft(profiles_dir, "new.toml", "Old new one", None)
    old_edit = _old_draft(profiles_dir, "office-desk.toml", "Old edit", path)
    os.utime(old_edit, (1, 1))  # the older of the two
    names = [(d.name, d.target, d.in_use) for d in list_drafts(profiles_dir)]
    assert names == [("Old new one", None, False), ("Old edit", path, False)]
    app = make_app(profiles_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        rows = await _rows(pilot)
        assert "Old new one" in rows[0] and "Old edit" in rows[1]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert shown(pilot, "profile", "name") == "Old new one"
        assert app.state is not None
        assert draft_path(profiles_dir, app.state).name == "new.toml"  # goes on in it

    app = make_app(profiles_dir, "edit", path)  # the old <stem>.toml draft is found
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Old edit" in _dialog_text(app)
        await pilot.click("#resume")
        await pilot.pause()
        assert shown(pilot, "profile", "name") == "Old edit"
        assert app.state is not None and app.state.path == path
