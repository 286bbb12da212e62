"""Every example in the README's command table runs as written (from the checkout, with the
example profiles as the saved ones), except those that open the wizard."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WIZARD = ("deskfit new", "deskfit edit", "deskfit open")  # and plain "deskfit"
SERVER = "deskfit serve"  # runs until Ctrl+C: tests/cli/test_serve.py runs it


def examples(wizard: bool = False) -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text.split("## The command line", 1)[1].split("\n\n## ", 1)[0]
    found = []
    for line in table.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) == 3 and cells[2].startswith("`") and "deskfit" in cells[2]:
            command = cells[2].strip("`").replace("\\|", "|")
            if command.startswith(SERVER):
                continue
            opens_wizard = command == "deskfit" or any(command.startswith(w) for w in WIZARD)
            if opens_wizard == wizard:
                found.append(command)
    return found


def test_the_readme_has_examples() -> None:
    assert len(examples()) >= 7, examples()


def run(command: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    shutil.copytree(REPO / "profiles", tmp_path / "profiles")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "deskfit"
    launcher.write_text(
        f'#!/bin/sh\nexec {sys.executable} -c "from deskfit.cli import main; main()" "$@"\n'
    )
    launcher.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "DESKFIT_PROFILES_DIR": "profiles",
    }
    return subprocess.run(
        ["bash", "-c", command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("command", examples())
def test_a_readme_example_runs_as_written(command: str, tmp_path: Path) -> None:
    result = run(command, tmp_path)
    assert result.returncode == 0, f"{command}\n{result.stdout[-500:]}\n{result.stderr}"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [c for c in examples(wizard=True) if c != "deskfit"])
def test_a_wizard_example_finds_its_profile(command: str, tmp_path: Path) -> None:
    """Without a terminal the wizard cannot start, but only after the profile was found."""
    result = run(command, tmp_path)
    assert result.stderr.startswith("deskfit: the wizard needs a terminal"), result.stderr
