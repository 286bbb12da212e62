"""Where profiles live (``core/files/folders.py``), resolved without the rest of the core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deskfit.core.files.folders import not_a_folder, profiles_dir


def test_profiles_dir_option_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKFIT_PROFILES_DIR", str(tmp_path / "env"))
    assert profiles_dir(tmp_path / "opt") == tmp_path / "opt"
    assert profiles_dir(str(tmp_path / "opt")) == tmp_path / "opt"


def test_profiles_dir_environment_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKFIT_PROFILES_DIR", str(tmp_path / "env"))
    assert profiles_dir() == tmp_path / "env"
    assert profiles_dir(None) == tmp_path / "env"


def test_profiles_dir_platform_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("DESKFIT_PROFILES_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    expected = platformdirs.user_data_path("deskfit", appauthor=False) / "profiles"
    assert profiles_dir() == expected
    if sys.platform.startswith("linux"):
        assert profiles_dir() == tmp_path / "xdg" / "deskfit" / "profiles"


def test_profiles_dir_empty_environment_is_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESKFIT_PROFILES_DIR", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert profiles_dir() != Path()
    assert profiles_dir().name == "profiles"


def test_profiles_dir_expands_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert profiles_dir("~/desk") == tmp_path / "desk"
    monkeypatch.setenv("DESKFIT_PROFILES_DIR", "~/env")
    assert profiles_dir() == tmp_path / "env"


def test_a_file_named_as_the_folder_is_refused_naming_its_source(tmp_path: Path) -> None:
    afile = tmp_path / "profiles"
    afile.write_text("not a folder")
    said = not_a_folder(afile, "$DESKFIT_PROFILES_DIR")
    assert said == f"$DESKFIT_PROFILES_DIR is {afile}, which is a file, not a folder"
    assert not_a_folder(tmp_path, "--profiles-dir") is None
    assert not_a_folder(tmp_path / "not-yet", "--profiles-dir") is None  # made on first save


def test_resolving_the_folder_loads_neither_pydantic_nor_click() -> None:
    """A bare ``deskfit`` resolves its folder before the first paint: nothing heavy (nor
    jinja2, which only the HTML record needs)."""
    code = (
        "import sys; import deskfit.core.files.folders as f; f.profiles_dir(); "
        "import deskfit.tui.app; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'click', 'jinja2')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
