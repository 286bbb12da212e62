"""``deskfit config show|path``, and the preferences as every command reads them: the
command line beats the environment beats the config file beats the default, and a broken
file is said on stderr (file, line, key) without stopping the command."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from deskfit.cli import cli
from deskfit.core.files.store import path_for_name


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def config_file() -> Path:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "deskfit" / "config.toml"
    path.parent.mkdir(parents=True)
    return path


def folder_with(tmp_path: Path, name: str, valid_document: Any, write_profile: Any) -> Path:
    folder = tmp_path / name
    doc = valid_document()
    doc["name"] = f"Profile in {name}"
    write_profile(folder, doc, path_for_name(doc["name"], folder).name)
    return folder


def test_config_path_prints_the_file_in_the_xdg_folder() -> None:
    result = run("config", "path")
    assert result.exit_code == 0
    assert result.stdout == f"{os.environ['XDG_CONFIG_HOME']}/deskfit/config.toml\n"
    assert result.stderr == "deskfit: no file there yet: every setting is its default\n"


def test_config_path_follows_deskfit_config(tmp_path: Path) -> None:
    result = run("config", "path", env={"DESKFIT_CONFIG": str(tmp_path / "mine.toml")})
    assert result.stdout == f"{tmp_path / 'mine.toml'}\n"


def test_config_show_says_where_each_setting_came_from(config_file: Path, tmp_path: Path) -> None:
    config_file.write_text(f'# mine\nunits = "imperial"\nexport_dir = "{tmp_path}"\n')
    result = run(
        "--profiles-dir",
        str(tmp_path / "p"),
        "config",
        "show",
        env={"DESKFIT_THEME": "nord", "HOME": str(tmp_path / "home")},
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    rows = [line.split(None, 2) for line in result.stdout.splitlines()]
    assert rows == [
        ["SETTING", "VALUE", "FROM"],
        ["units", "imperial", f"{config_file}:2"],
        ["theme", "nord", "env DESKFIT_THEME"],
        ["profiles_dir", str(tmp_path / "p"), "--profiles-dir"],
        ["assessor", "-", "default"],
        ["export_dir", str(tmp_path), f"{config_file}:3"],
    ]


def test_config_show_json(config_file: Path) -> None:
    config_file.write_text('assessor = "Dana"\n')
    result = run("config", "show", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["file"] == str(config_file)
    assert list(data["settings"]) == ["units", "theme", "profiles_dir", "assessor", "export_dir"]
    assert data["settings"]["assessor"] == {
        "value": "Dana",
        "source": "file",
        "where": f"{config_file}:1",
    }
    assert data["settings"]["units"] == {"value": "metric", "source": "default", "where": None}
    assert data["problems"] == []


def test_a_broken_file_is_reported_with_path_line_and_key_and_exits_1(
    config_file: Path,
) -> None:
    config_file.write_text('units = "imperial"\nthem = "nord"\nassessor = 3\n')
    result = run("config", "show", "--json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"deskfit: {config_file}:2: them: unknown setting; did you mean 'theme'? (ignored)",
        f"deskfit: {config_file}:3: assessor: must be a string in quotes, not a number (ignored)",
    ]
    data = json.loads(result.stdout)
    assert data["settings"]["units"]["value"] == "imperial"  # the good line is used
    assert data["problems"][0] == {
        "file": str(config_file),
        "line": 2,
        "key": "them",
        "message": "unknown setting; did you mean 'theme'?",
    }


def test_other_commands_still_work_with_a_broken_file(
    config_file: Path, tmp_path: Path, valid_document: Any, write_profile: Any
) -> None:
    config_file.write_text("profiles_dir = [\n")
    folder = folder_with(tmp_path, "env", valid_document, write_profile)
    result = run("list", env={"DESKFIT_PROFILES_DIR": str(folder)})
    assert result.exit_code == 0
    assert "Profile in env" in result.stdout
    assert result.stderr.startswith(f"deskfit: {config_file}:2: not valid TOML")
    assert result.stderr.count("\n") == 1  # said once


def test_a_command_given_paths_never_reads_the_file(config_file: Path, tmp_path: Path) -> None:
    config_file.write_text("broken = \n")
    path = Path(__file__).resolve().parents[2] / "profiles" / "crossed-legs-fixed-desk.toml"
    result = run("check", str(path))
    assert result.exit_code == 0
    assert result.stderr == ""


def test_flag_beats_env_beats_file_beats_default_for_the_profiles_folder(
    config_file: Path, tmp_path: Path, valid_document: Any, write_profile: Any
) -> None:
    flag, env, in_file = (
        folder_with(tmp_path, name, valid_document, write_profile)
        for name in ("flag", "env", "file")
    )
    config_file.write_text(f'profiles_dir = "{in_file}"\n')
    variables = {"DESKFIT_PROFILES_DIR": str(env)}

    def names(*args: str, env: dict[str, str] | None = None) -> list[str]:
        result = run(*args, "list", "--json", env=env)
        assert result.exit_code == 0, result.output
        return [e["name"] for e in json.loads(result.stdout)]

    assert names("--profiles-dir", str(flag), env=variables) == ["Profile in flag"]
    assert names(env=variables) == ["Profile in env"]
    assert names() == ["Profile in file"]
    config_file.unlink()
    data_home = tmp_path / "data"
    default = data_home / "deskfit" / "profiles"
    result = run("config", "show", "--json", env={"XDG_DATA_HOME": str(data_home)})
    assert json.loads(result.stdout)["settings"]["profiles_dir"] == {
        "value": str(default),
        "source": "default",
        "where": None,
    }


def test_a_file_named_as_the_folder_in_the_config_says_so(
    config_file: Path, tmp_path: Path
) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    config_file.write_text(f'\nprofiles_dir = "{afile}"\n')
    result = run("list")
    assert result.exit_code == 1
    assert result.stderr == (
        f"deskfit: profiles_dir in {config_file}:2 is {afile}, which is a file, not a folder\n"
    )
