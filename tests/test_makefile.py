"""``make run`` installs what running needs; the other targets add the development tools.

Read from ``make -n -B`` (what make would do, every step as if out of date), so nothing
is installed here; the set-up itself is what ``make test`` in CI does from a clean clone.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def planned(target: str, tmp_path: Path) -> list[str]:
    done = subprocess.run(
        ["make", "-n", "-B", "-C", str(REPO), target, f"VENV={tmp_path / '.venv'}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if not line.startswith("make")]


def test_run_installs_deskfit_without_the_development_tools(tmp_path: Path) -> None:
    steps = planned("run", tmp_path)
    assert steps[0] == 'echo "Setting up deskfit (first run only)…"'
    installs = [s for s in steps if " install " in s]
    assert len(installs) == 1
    assert installs[0].endswith("install -e .")
    assert "--quiet" in installs[0]
    assert steps[-1].endswith(".venv/bin/deskfit")


@pytest.mark.parametrize("target", ["test", "lint", "bench", "fuzz"])
def test_the_other_targets_add_the_development_tools(target: str, tmp_path: Path) -> None:
    installs = [s for s in planned(target, tmp_path) if " install " in s]
    assert len(installs) == 1
    assert installs[0].endswith("install -e '.[dev]'")
