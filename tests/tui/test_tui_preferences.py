"""The preferences in the wizard: the theme chosen is there at the next start, a broken
config file is a notification and never stops the wizard, and units, assessor and the
export folder come from the settings.

Every test has a config folder of its own (``$XDG_CONFIG_HOME``, tests/conftest.py).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from tests.tui.tui_helpers import write_profile
from textual.widgets import Input

from deskfit.core.files import config
from deskfit.tui.app import make_app
from deskfit.tui.dialogs import ExportScreen
from deskfit.tui.record_dialogs import AssessmentScreen
from deskfit.tui.start import StartScreen


def config_file() -> Path:
    return config.config_path()


def written(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def warnings(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "warning"]  # type: ignore[attr-defined]


async def test_the_theme_chosen_with_f3_is_there_at_the_next_start(profiles_dir: Path) -> None:
    assert not config_file().exists()
    first = make_app(profiles_dir)
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert first.theme == "textual-dark"
        assert not config_file().exists()  # nothing written for a theme nobody chose
        await pilot.press("f3")
        await pilot.pause()
        assert first.theme == "textual-light"
    assert written(config_file()) == {"theme": "textual-light"}
    second = make_app(profiles_dir)
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert second.theme == "textual-light"
        assert warnings(second) == []


async def test_a_theme_from_the_command_palette_is_kept_too(profiles_dir: Path) -> None:
    """Textual's own theme picker (Ctrl+P, "theme") sets ``App.theme``: the watcher keeps
    it, whatever chose it."""
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text('# mine\nunits = "imperial"  # for the new ones\n\n[extra]\n', "utf-8")
    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")  # "Theme: change the current theme"
        await pilot.pause(0.3)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    text = path.read_text(encoding="utf-8")
    # the other lines, comments and all, stay as they were
    assert text == '# mine\nunits = "imperial"  # for the new ones\n\ntheme = "nord"\n[extra]\n'
    again = make_app(profiles_dir)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_a_broken_config_file_is_a_notification_and_the_wizard_starts(
    profiles_dir: Path,
) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text('units = "metric"\ntheme = "nord\n', "utf-8")
    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.theme == "textual-dark"  # the default: the file is not used
        said = warnings(app)
        assert len(said) == 1
        assert f"{path}:2: not valid TOML" in said[0]
        await pilot.press("f3")  # a theme chosen now cannot go into a broken file
        await pilot.pause()
        assert any("The theme is not kept for next time" in w for w in warnings(app))
    assert path.read_text(encoding="utf-8") == 'units = "metric"\ntheme = "nord\n'


async def test_an_unknown_theme_falls_back_with_a_warning_and_stays_in_the_file(
    profiles_dir: Path,
) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "no-such-theme"\nunit = "imperial"\n', "utf-8")
    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        (said,) = warnings(app)
        assert f"{path}:2: unit: unknown setting; did you mean 'units'?" in said
        assert f"theme in {path}:1: there is no theme 'no-such-theme'" in said
    assert path.read_text(encoding="utf-8").startswith('theme = "no-such-theme"\n')


async def test_the_theme_variable_wins_over_the_file(
    profiles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "nord"\n', "utf-8")
    monkeypatch.setenv("DESKFIT_THEME", "gruvbox")
    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"


async def test_units_preference_starts_a_new_profile_in_inches(profiles_dir: Path) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text('units = "imperial"\n', "utf-8")
    app = make_app(profiles_dir, "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.state is not None
        assert app.state.units == "imperial"
        assert app.units == "imperial"


async def test_the_assessor_preference_fills_the_assessment_dialog(profiles_dir: Path) -> None:
    profile = write_profile(profiles_dir)
    settings = config.resolve(env={"DESKFIT_ASSESSOR": "Dana Physio"})
    app = make_app(profiles_dir, "open", profile, settings=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        box = app.screen.query_one("#record-assessor", Input)
        assert box.value == "Dana Physio"


async def test_the_export_dialog_starts_in_the_export_folder(
    profiles_dir: Path, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    profile = write_profile(profiles_dir)
    settings = config.resolve(env={"DESKFIT_EXPORT_DIR": str(exports)})
    app = make_app(profiles_dir, "open", profile, settings=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one("#export-path", Input)
        assert box.value == str(exports / "office-desk-advice.txt")


async def test_without_an_export_folder_the_dialog_starts_at_home_not_here(
    profiles_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(profiles_dir)  # where `make run` was started, say
    profile = write_profile(profiles_dir)
    app = make_app(profiles_dir, "open", profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#export-path", Input)
        assert box.value == str(home / "office-desk-advice.txt")
        assert os.path.dirname(box.value) != os.getcwd()
