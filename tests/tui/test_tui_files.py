"""Editing a saved profile, saving over another one, drafts, quitting, exporting."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tui_helpers import PROFILE, answer, listed, shown, write_profile

from deskfit.tui.app import make_app
from deskfit.tui.dialogs import ChoiceScreen, ExportScreen, SaveScreen
from deskfit.tui.start import StartScreen
from deskfit.tui.steps.base import StepScreen
from deskfit.tui.steps.review import ReviewScreen


async def test_edit_saves_back_to_the_same_file(profiles_dir: Path, clock: object) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "edit", path, clock=clock)  # type: ignore[arg-type]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and app.screen.index == 0
        assert shown(pilot, "body", "stature_cm") == "170"
        assert shown(pilot, "profile", "name") == "Office desk"
        app.goto(1)
        await pilot.pause()
        assert shown(pilot, "chair", "seat_height_max_cm") == "55"
        await answer(pilot, "chair", "seat_height_cm", "50")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        await pilot.press("enter")
        await pilot.pause()
    document = tomllib.loads(path.read_text())
    assert document["chair"]["seat_height_cm"] == 50.0
    assert document["extra"] == {"note": "by the window"}  # free-form notes kept
    assert document["created"].isoformat().startswith("2026-11-01T09:00")
    assert document["updated"].isoformat().startswith("2026-11-23T19:05")
    assert sorted(p.name for p in profiles_dir.glob("*.toml")) == ["office-desk.toml"]
    assert not list((profiles_dir / ".drafts").glob("*.toml"))


async def test_a_new_profile_never_lands_on_another_persons_file(profiles_dir: Path) -> None:
    write_profile(profiles_dir, {**PROFILE, "name": "HOME"})  # the same file name as "Home"
    other = write_profile(profiles_dir, {**PROFILE, "name": "Office"})
    app = make_app(profiles_dir, "open", other)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        app.state.path = None  # type: ignore[union-attr]  # as if new: saved by name
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Home", "enter")
        await pilot.pause()
    assert tomllib.loads((profiles_dir / "home.toml").read_text())["name"] == "HOME"
    assert tomllib.loads((profiles_dir / "home-2.toml").read_text())["name"] == "Home"


async def test_quit_asks_and_the_draft_resumes_after_a_crash(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, "profile", "name", "Kitchen table")
        await answer(pilot, "body", "stature_cm", "18o")  # a typo, kept as typed
        await answer(pilot, "body", "sex", "male")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # cancel: stay
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
    # the app is gone without saving or discarding, as if the terminal had been killed
    (draft,) = (profiles_dir / ".drafts").glob("new-*.toml")  # its own, not new.toml
    assert draft.exists() and draft.stat().st_mode & 0o777 == 0o600

    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Kitchen table" in (await listed(pilot))[0]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert shown(pilot, "profile", "name") == "Kitchen table"
        assert shown(pilot, "body", "stature_cm") == "18o"
        assert shown(pilot, "body", "sex") == "male"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    assert not draft.exists()


async def test_export_writes_the_chosen_format(profiles_dir: Path, tmp_path: Path) -> None:
    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", path)
    target = tmp_path / "advice.md"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-format").focus()
        await pilot.press("right", "enter")  # Markdown
        box = app.screen.query_one("#export-path")
        box.value = str(target)  # type: ignore[attr-defined]
        await pilot.click("#write")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert target.read_text().startswith("# ")


async def test_export_offers_the_html_record_and_follows_the_paths_extension(
    profiles_dir: Path, tmp_path: Path
) -> None:
    from textual.widgets import Input, RadioButton, RadioSet

    path = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        labels = [str(b.label) for b in dialog.query(RadioButton)]
        assert labels == ["Text", "Markdown", "JSON", "HTML (to print)"]
        box = dialog.query_one("#export-path", Input)
        assert box.value.endswith("office-desk-advice.txt")
        dialog.query_one("#export-format").focus()
        await pilot.press("right", "right", "right", "enter")  # HTML
        await pilot.pause()
        assert box.value.endswith("office-desk-advice.html")
        assert dialog.fmt == "html"
        box.value = str(tmp_path / "advice.md")  # a typed extension chooses its format
        await pilot.pause()
        assert dialog.query_one(RadioSet).pressed_index == 1
        box.value = str(tmp_path / "record.html")
        box.focus()
        await pilot.press("enter")  # at once, as a person would
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert (tmp_path / "record.html").read_text().startswith("<!DOCTYPE html>")


async def test_export_follows_the_command_lines_policy(profiles_dir: Path, tmp_path: Path) -> None:
    """Never over a profile; an existing file only after Replace; a missing folder named."""
    path = write_profile(profiles_dir)
    other = write_profile(profiles_dir, {**PROFILE, "name": "Someone else"})
    before = other.read_bytes()
    existing = tmp_path / "advice.txt"
    existing.write_text("old\n")
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        box = dialog.query_one("#export-path")
        box.focus()
        message = dialog.query_one("#export-message")

        async def write(where: Path) -> str:
            box.value = str(where)  # type: ignore[attr-defined]
            await pilot.pause()
            await pilot.press("enter")  # in the path box, as a person would
            await pilot.pause()
            return str(message.content)  # type: ignore[attr-defined]

        said = await write(other)
        assert "never replaces a profile" in said
        assert other.read_bytes() == before
        said = await write(tmp_path / "missing" / "advice.txt")
        assert f"the folder {tmp_path / 'missing'} does not exist" in said
        said = await write(existing)
        assert "already exists: press Replace" in said
        assert str(dialog.query_one("#write").label) == "Replace"  # type: ignore[attr-defined]
        assert existing.read_text() == "old\n"
        await pilot.press("enter")  # the very same path: replace it
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert existing.read_text().startswith("deskfit advice")
    assert other.read_bytes() == before


async def test_quitting_can_keep_the_draft_and_never_focuses_a_destructive_choice(
    profiles_dir: Path,
) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, "profile", "name", "Kitchen table")
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen)
        labels = [str(b.label) for b in dialog.query("Button")]
        assert labels == ["Save", "Keep the draft", "Discard", "Cancel"]
        assert app.focused is not None and str(app.focused.label) == "Save"  # type: ignore[attr-defined]
        await pilot.click("#keep")
        await pilot.pause()
    (draft,) = (profiles_dir / ".drafts").glob("new-*.toml")
    assert "Kitchen table" in draft.read_text()


async def test_a_replace_question_starts_on_its_safe_answer(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(
            ChoiceScreen(
                "Replace another profile?",
                "…",
                [("replace", "Replace it", "error"), ("cancel", "Cancel", "default")],
            )
        )
        await pilot.pause()
        assert str(app.focused.label) == "Cancel"  # type: ignore[union-attr]
