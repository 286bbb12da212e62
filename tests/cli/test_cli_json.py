"""``--json`` on ``list``, ``show`` and ``check``: one documented shape each on stdout
(README, "Scripting"), messages on stderr."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from tests.cli.shell import piped

from deskfit.cli import cli
from deskfit.core.files.store import path_for_name

LIST_KEYS = {
    "name",
    "ref",
    "file",
    "ok",
    "units",
    "created",
    "updated",
    "rosa_now",
    "rosa_after",
    "band_now",
    "band_after",
    "problems",
}


def run(folder: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--profiles-dir", str(folder), *args])
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def folder(tmp_path: Path, valid_document: Any, write_profile: Any) -> Path:
    folder = tmp_path / "profiles"
    doc = valid_document()
    write_profile(folder, doc, path_for_name(doc["name"], folder).name)
    doc["chair"]["seat_height_cm"] = 480.0
    write_profile(folder, doc, "broken.toml")
    return folder


def test_list_json_is_an_array_of_one_shape(folder: Path) -> None:
    result = run(folder, "list", "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    broken, good = json.loads(result.stdout)  # sorted by file name, as the text list
    assert set(good) == set(broken) == LIST_KEYS
    assert good == {
        "name": "Office desk",
        "ref": "Office desk",
        "file": str((folder / "office-desk.toml").resolve()),
        "ok": True,
        "units": "metric",
        "created": "2026-11-23T19:00:00+00:00",
        "updated": "2026-11-23T19:05:00+00:00",
        "rosa_now": good["rosa_now"],
        "rosa_after": good["rosa_after"],
        "band_now": good["band_now"],
        "band_after": good["band_after"],
        "problems": [],
    }
    assert 1 <= good["rosa_after"] <= good["rosa_now"] <= 10
    assert good["band_now"] in {"low", "moderate", "assess further"}
    assert broken["ok"] is False
    assert broken["name"] is None and broken["rosa_now"] is None
    assert broken["file"] == str((folder / "broken.toml").resolve())
    (problem,) = broken["problems"]
    assert problem["key"] == "chair.seat_height_cm"
    assert isinstance(problem["line"], int)
    assert "480" in problem["message"]


def test_list_json_of_an_empty_folder_is_an_empty_array(tmp_path: Path) -> None:
    result = run(tmp_path, "list", "--json")
    assert result.exit_code == 0
    assert result.stdout == "[]\n"


def test_list_json_pipes_into_json_tool(folder: Path) -> None:
    """``deskfit list --json | python -m json.tool``, as the README shows it."""
    done = piped(folder, "list --json", f'"{sys.executable}" -m json.tool')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[1]["name"] == "Office desk"


def test_show_json_is_the_file_and_its_answers_as_toml_holds_them(
    folder: Path, valid_document: Any
) -> None:
    result = run(folder, "show", "Office desk", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"file", "profile"}
    assert data["file"] == str((folder / "office-desk.toml").resolve())
    doc = valid_document()
    profile = data["profile"]
    assert profile["name"] == doc["name"]
    assert profile["chair"]["seat_height_cm"] == doc["chair"]["seat_height_cm"]
    assert profile["footstool"] == doc["footstool"]
    assert profile["created"] == "2026-11-23T19:00:00+00:00"
    assert "advice" not in profile


def test_show_json_lengths_stay_centimetres_so_units_is_refused(folder: Path) -> None:
    result = run(folder, "show", "Office desk", "--json", "--units", "imperial")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--units does not go with --json" in result.stderr


def test_show_json_of_a_broken_file_is_an_error_on_stderr(folder: Path) -> None:
    result = run(folder, "show", str(folder / "broken.toml"), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "chair.seat_height_cm" in result.stderr


def test_check_json_is_one_object_per_file_and_exits_1_when_any_is_bad(
    folder: Path, tmp_path: Path
) -> None:
    good, bad, missing = (
        folder / "office-desk.toml",
        folder / "broken.toml",
        tmp_path / "missing.toml",
    )
    result = run(folder, "check", "--json", str(good), str(bad), str(missing))
    assert result.exit_code == 1
    assert result.stderr == "2 of 3 invalid\n"
    entries = json.loads(result.stdout)
    assert [e["file"] for e in entries] == [str(good), str(bad), str(missing)]
    assert [e["ok"] for e in entries] == [True, False, False]
    assert entries[0]["problems"] == []
    (problem,) = entries[1]["problems"]
    assert set(problem) == {"key", "line", "message"}
    assert problem["key"] == "chair.seat_height_cm"
    assert problem["line"] == next(
        n
        for n, line in enumerate(bad.read_text().splitlines(), 1)
        if line.startswith("seat_height_cm")
    )
    assert entries[2]["problems"] == [{"key": None, "line": None, "message": "no such file"}]


def test_check_json_of_good_files_exits_0(folder: Path) -> None:
    result = run(folder, "check", "--json", str(folder / "office-desk.toml"))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)[0]["ok"] is True
