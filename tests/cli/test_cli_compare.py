"""``deskfit compare A B``: by NAME or PATH, each format, a bad file as one line and exit 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from deskfit.cli import cli
from deskfit.core.files.store import load_profile
from deskfit.core.ops.compare import compare, render_comparison

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "profiles" / "crossed-legs-fixed-desk.toml"


def run(folder: Path, *args: str, **kwargs: Any) -> Result:
    result = CliRunner().invoke(cli, ["--profiles-dir", str(folder), *args], **kwargs)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A profiles folder with Sam's example and "Sam at home": seat 50, a footstool."""
    path = tmp_path / "profiles"
    path.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    (path / "sam-at-the-office.toml").write_text(text, encoding="utf-8")
    home = (
        text.replace('name = "Sam at the office"', 'name = "Sam at home"')
        .replace("seat_height_cm = 46.0\n", "seat_height_cm = 50.0\n")
        .replace("[footstool]\nowned = false\n", "[footstool]\nowned = true\nheight_cm = 8.0\n")
    )
    (path / "sam-at-home.toml").write_text(home, encoding="utf-8")
    return path


def expected(folder: Path, fmt: str) -> str:
    a = load_profile(folder / "sam-at-the-office.toml").profile
    b = load_profile(folder / "sam-at-home.toml").profile
    return render_comparison(compare(a, b), fmt)


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_by_name(folder: Path, fmt: str) -> None:
    result = run(folder, "compare", "Sam at the office", "Sam at home", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout == expected(folder, fmt)


def test_by_path_and_name_mixed(folder: Path) -> None:
    result = run(folder, "compare", str(folder / "sam-at-the-office.toml"), "Sam at home")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected(folder, "text")
    assert "Profile name: Sam at the office → Sam at home" in result.stdout
    assert "Seat height now: 46 cm → 50 cm" in result.stdout


def test_json_is_parsable(folder: Path) -> None:
    result = run(folder, "compare", "Sam at the office", "Sam at home", "--format", "json")
    data = json.loads(result.stdout)
    assert (data["name_a"], data["name_b"]) == ("Sam at the office", "Sam at home")
    keys = [row["key"] for row in data["answers"]]
    assert keys == [
        "name",
        "chair.seat_height_cm",
        "footstool.owned",
        "footstool.height_cm",
        "footstool.in_use",
    ]


def test_the_same_profile_twice(folder: Path) -> None:
    result = run(folder, "compare", "Sam at the office", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert "No differences." in result.stdout


def test_a_bad_file_is_one_line_and_exit_1(folder: Path) -> None:
    bad = folder / "broken.toml"
    bad.write_text('name = "x"\nbody = [\n', encoding="utf-8")
    result = run(folder, "compare", "Sam at the office", str(bad))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(bad))


def test_a_missing_profile_is_one_line_and_exit_1(folder: Path) -> None:
    result = run(folder, "compare", "Nobody", "Sam at home")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "no profile called 'Nobody'" in result.stderr


def test_an_unknown_format_is_refused(folder: Path) -> None:
    result = run(folder, "compare", "Sam at the office", "Sam at home", "--format", "html")
    assert result.exit_code == 2
    assert "html" in result.stderr
