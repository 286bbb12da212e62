"""Shell completion through click's protocol: ``_DESKFIT_COMPLETE=bash_complete`` with the
words typed in ``COMP_WORDS``/``COMP_CWORD``, as the script ``deskfit completion bash``
prints runs it; a PROFILE completes to the saved profiles."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from deskfit.cli import cli
from deskfit.core.files.store import path_for_name

LAUNCH = [sys.executable, "-c", "from deskfit.launch import main; main()"]


@pytest.fixture
def folder(tmp_path: Path, valid_document: Any, write_profile: Any) -> Path:
    folder = tmp_path / "profiles"
    doc = valid_document()
    write_profile(folder, doc, path_for_name(doc["name"], folder).name)
    doc["name"] = "Sam at home"
    write_profile(folder, doc, "sam-at-home.toml")
    return folder


def complete(words: str, shell: str = "bash", **env: str) -> list[str]:
    """What ``deskfit`` answers the shell for ``words`` (the last one being completed),
    run as the shell runs it: a bare ``deskfit`` with the words in the environment."""
    typed = words.split(" ")
    done = subprocess.run(
        LAUNCH,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={
            **os.environ,
            "_DESKFIT_COMPLETE": f"{shell}_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(typed) - 1),
            **env,
        },
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # nothing for the shell to show
    return done.stdout.splitlines()


def test_a_profile_name_is_offered(folder: Path) -> None:
    assert complete(f"deskfit --profiles-dir {folder} show ") == [
        "plain,office-desk",
        "plain,sam-at-home",
    ]
    assert complete(f"deskfit --profiles-dir {folder} export sa") == ["plain,sam-at-home"]
    assert complete("deskfit edit OF", DESKFIT_PROFILES_DIR=str(folder)) == ["plain,office-desk"]


def test_the_folder_comes_from_the_config_file_too(folder: Path, tmp_path: Path) -> None:
    xdg = Path(os.environ["XDG_CONFIG_HOME"])
    (xdg / "deskfit").mkdir(parents=True)
    (xdg / "deskfit" / "config.toml").write_text(f'profiles_dir = "{folder}"\n')
    assert complete("deskfit open o") == ["plain,office-desk"]


def test_a_broken_config_file_says_nothing_while_completing(folder: Path) -> None:
    xdg = Path(os.environ["XDG_CONFIG_HOME"])
    (xdg / "deskfit").mkdir(parents=True)
    (xdg / "deskfit" / "config.toml").write_text("units = \n")
    assert complete("deskfit show o", DESKFIT_PROFILES_DIR=str(folder)) == ["plain,office-desk"]


def test_zsh_and_fish_show_the_name_beside_each(folder: Path) -> None:
    zsh = complete(f"deskfit --profiles-dir {folder} compare x o", "zsh")
    assert zsh == ["plain", "office-desk", "Office desk"]
    line = f"deskfit --profiles-dir {folder} compare o"
    fish = complete(line, "fish", COMP_WORDS=line, COMP_CWORD="o")  # fish's own protocol
    assert fish == ["plain,office-desk\tOffice desk"]


def test_a_path_completes_as_a_file(folder: Path) -> None:
    assert complete(f"deskfit --profiles-dir {folder} show ./pro") == ["file,./pro"]
    assert complete(f"deskfit --profiles-dir {folder} show --file of") == ["file,of"]
    assert complete(f"deskfit --profiles-dir {folder} show zz") == ["file,zz"]  # no profile
    assert complete("deskfit check pro") == ["file,pro"]
    assert complete("deskfit export x -o adv") == ["file,adv"]
    assert complete("deskfit --profiles-dir pro") == ["dir,pro"]


def test_commands_options_and_choices_complete(folder: Path) -> None:
    assert complete("deskfit co") == ["plain,compare", "plain,completion", "plain,config"]
    assert complete("deskfit completion ") == ["plain,bash", "plain,zsh", "plain,fish"]
    assert complete("deskfit config s") == ["plain,show"]
    assert "plain,--json" in complete("deskfit list --")
    assert complete("deskfit show x --units i") == ["plain,imperial"]


def test_completion_never_starts_the_wizard() -> None:
    """A bare ``deskfit`` is the wizard, but not with the completion variable set."""
    assert complete("deskfit ")[:2] == ["plain,check", "plain,compare"]


@pytest.mark.parametrize(
    ("shell", "marks"),
    [
        ("bash", ["_deskfit_completion()", "_DESKFIT_COMPLETE=bash_complete", "complete "]),
        ("zsh", ["#compdef deskfit", "_DESKFIT_COMPLETE=zsh_complete"]),
        ("fish", ["function _deskfit_completion", "_DESKFIT_COMPLETE=fish_complete"]),
    ],
)
def test_completion_prints_the_script(shell: str, marks: list[str]) -> None:
    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0, result.output
    for mark in marks:
        assert mark in result.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_itself_completes_a_profile(folder: Path, tmp_path: Path) -> None:
    """The script, evaluated by bash, asks deskfit and fills COMPREPLY with the profile."""
    launcher = tmp_path / "bin" / "deskfit"
    launcher.parent.mkdir()
    launcher.write_text(
        f'#!/bin/sh\nexec {sys.executable} -c "from deskfit.launch import main; main()" "$@"\n'
    )
    launcher.chmod(0o755)
    script = (
        'eval "$(deskfit completion bash)"\n'
        "COMP_WORDS=(deskfit show sam)\n"
        "COMP_CWORD=2\n"
        "_deskfit_completion deskfit\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "--norc", "-c", script],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PATH": f"{launcher.parent}{os.pathsep}{os.environ['PATH']}",
            "DESKFIT_PROFILES_DIR": str(folder),
        },
        timeout=60,
    )
    assert done.stdout.splitlines() == ["sam-at-home"], done.stderr
