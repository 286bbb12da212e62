"""``deskfit`` with no arguments (``launch.py``): the wizard, without click or pydantic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from deskfit import __version__
from deskfit.launch import NEEDS_TERMINAL


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from deskfit.launch import main; main()", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **env},
        check=False,
    )


def test_without_a_terminal_it_says_so_on_one_line(tmp_path: Path) -> None:
    done = _run({"DESKFIT_PROFILES_DIR": str(tmp_path)})
    assert done.returncode == 1
    assert done.stderr == (
        "deskfit: the wizard needs a terminal; see 'deskfit --help' for the other commands\n"
    )


def test_a_file_as_the_profiles_folder_is_named_with_its_source(tmp_path: Path) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    done = _run({"DESKFIT_PROFILES_DIR": str(afile)})
    assert done.returncode == 1
    assert done.stderr == (
        f"deskfit: $DESKFIT_PROFILES_DIR is {afile}, which is a file, not a folder\n"
    )


def test_any_argument_goes_to_the_command_line(tmp_path: Path) -> None:
    done = _run({"DESKFIT_PROFILES_DIR": str(tmp_path)}, "list")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"No profiles in {tmp_path}. Start one with: deskfit new\n"


def test_the_folder_may_come_from_the_config_file(tmp_path: Path) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "deskfit" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'profiles_dir = "{afile}"\n')
    done = _run({})
    assert done.returncode == 1
    assert done.stderr == (
        f"deskfit: profiles_dir in {config}:1 is {afile}, which is a file, not a folder\n"
    )
    # the environment comes first
    done = _run({"DESKFIT_PROFILES_DIR": str(tmp_path)})
    assert done.stderr.startswith("deskfit: the wizard needs a terminal")


def test_the_completion_variable_goes_to_the_command_line(tmp_path: Path) -> None:
    done = _run(
        {"_DESKFIT_COMPLETE": "bash_complete", "COMP_WORDS": "deskfit li", "COMP_CWORD": "1"}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "plain,list\n"


def test_python_m_deskfit_is_the_deskfit_command(tmp_path: Path) -> None:
    env = {**os.environ, "DESKFIT_PROFILES_DIR": str(tmp_path)}
    for args, out, err in (
        (["--version"], f"deskfit, version {__version__}\n", ""),
        ([], "", f"deskfit: {NEEDS_TERMINAL}\n"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "deskfit", *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        assert (done.stdout, done.stderr) == (out, err)
