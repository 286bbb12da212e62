"""The wheel works on its own: built from the checkout, installed into a fresh virtual
environment, ``deskfit`` runs from it with the files it reads at run time (the wizard's
stylesheet, the HTML record's templates) taken from the wheel, not from the checkout.

The wheel is installed with ``--no-deps`` into a new venv (no system site-packages); its
dependencies come from the environment running the tests (``.venv``, which ``make test``
made), through a ``.pth`` file: the same libraries, no network and no minute-long install
of textual, pydantic and aiohttp. Paths a ``.pth`` file adds come after the venv's own
site-packages, so ``deskfit`` itself is the wheel's (checked), never the editable one.
The build, from a copy of the sources without what an editable install leaves in src/,
needs setuptools from the package index the first time (pip caches it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from deskfit import __version__

REPO = Path(__file__).resolve().parents[1]
PROFILE = REPO / "profiles" / "crossed-legs-fixed-desk.toml"
DATA = ("deskfit/tui/deskfit.tcss", "deskfit/core/present/templates/record.html.j2")
# the stylesheet loads when the app starts: a missing file is an error here
START_THE_APP = """
import asyncio, sys
from pathlib import Path
from deskfit.tui.app import make_app

async def start() -> None:
    app = make_app(Path(sys.argv[1]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print(type(app.screen).__name__)

asyncio.run(start())
"""


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from the checkout as pip builds it; the build says no warning."""
    out = tmp_path_factory.mktemp("wheel")
    # From a copy of the sources: an egg-info folder left in src/ by an editable install
    # lists every file, and setuptools would package them whatever package-data says.
    source = tmp_path_factory.mktemp("source")
    for top in REPO.iterdir():
        if top.is_file():
            shutil.copy2(top, source / top.name)
    shutil.copytree(
        REPO / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__")
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    said = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--disable-pip-version-check",
        "-v",
        "-w",
        out,
        source,
        cwd=out,
        env=env,
    )
    warnings = [
        line
        for line in said.splitlines()
        if re.search(r"[A-Z]\w*Warning\b", line) or re.search("deprecat", line, re.IGNORECASE)
    ]
    assert warnings == [], "\n".join(warnings)
    (wheel,) = out.glob("deskfit-*.whl")
    return wheel


def test_the_wheel_carries_the_stylesheet_and_the_templates(built: Path) -> None:
    names = set(zipfile.ZipFile(built).namelist())
    for name in DATA:
        assert name in names
    assert "deskfit/py.typed" in names
    assert "deskfit/core/present/templates/macros.html.j2" in names


def test_deskfit_runs_from_the_installed_wheel(built: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).strip()
    )
    here = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    (site / "dependencies.pth").write_text("".join(f"{p}\n" for p in here))
    run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-deps",
        "--quiet",
        "--disable-pip-version-check",
        built,
        cwd=tmp_path,
    )

    where = run(python, "-c", "import deskfit; print(deskfit.__file__)", cwd=tmp_path)
    assert where.startswith(str(site)), where
    assert run(venv / "bin" / "deskfit", "--version", cwd=tmp_path).strip() == (
        f"deskfit, version {__version__}"
    )
    assert run(python, "-m", "deskfit", "--version", cwd=tmp_path).strip() == (
        f"deskfit, version {__version__}"
    )
    run(
        venv / "bin" / "deskfit",
        "export",
        PROFILE,
        "--format",
        "html",
        "-o",
        "x.html",
        cwd=tmp_path,
    )
    record = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert record.startswith("<!DOCTYPE html>") and "Sam at the office" in record
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    assert run(python, "-c", START_THE_APP, profiles, cwd=tmp_path).strip() == "StartScreen"
