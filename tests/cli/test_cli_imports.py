"""The non-interactive commands import only what they use (issue 7): checked, not timed.

``deskfit export`` runs in a fresh interpreter; afterwards ``sys.modules`` must hold
neither the wizard's libraries (textual, rich) nor modules export never needs: json for
text, platformdirs when the profile is given as a path, csv/the report for an export,
jinja2 for any format but the HTML record.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PROFILE = REPO / "profiles" / "crossed-legs-fixed-desk.toml"

NEVER = ("textual", "rich", "deskfit.tui", "pygments", "markdown_it")


def modules_after(*args: str) -> set[str]:
    code = (
        "import sys\n"
        "from deskfit.cli import main\n"
        "try:\n"
        f"    main({list(args)!r})\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print(repr(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(REPO), "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    return set(ast.literal_eval(done.stderr.splitlines()[-1]))


def top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules} | modules


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_export_imports_only_what_it_uses(fmt: str) -> None:
    loaded = top(modules_after("export", str(PROFILE), "--format", fmt))
    assert not [m for m in NEVER if m in loaded]
    unused = (
        "json",
        "platformdirs",
        "deskfit.core.ops.report",
        "deskfit.core.ops.report_render",
        "deskfit.core.ops.compare",
        "deskfit.core.ops.changes",
        "multiprocessing",
        "jinja2",
        "markupsafe",
        "deskfit.core.present.html",
    )
    assert not [m for m in unused if m in loaded]


def test_export_json_and_a_name_import_what_they_need(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "crossed-legs-fixed-desk.toml").write_bytes(PROFILE.read_bytes())
    loaded = top(
        modules_after(
            "--profiles-dir", str(folder), "export", "crossed-legs-fixed-desk", "--format", "json"
        )
    )
    assert not [m for m in NEVER if m in loaded]
    assert "platformdirs" not in loaded  # the folder was given: no user data folder looked up
    assert "jinja2" not in loaded


def test_the_html_record_loads_jinja2_and_nothing_of_the_wizard(tmp_path: Path) -> None:
    loaded = top(modules_after("export", str(PROFILE), "-o", str(tmp_path / "record.html")))
    assert "jinja2" in loaded
    assert not [m for m in NEVER if m in loaded]
    assert (tmp_path / "record.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_reading_a_profile_builds_only_the_profile_model() -> None:
    """The models are built lazily; reading and checking a file builds ``Profile`` alone
    (the sections inline). Building each section's own schema cost export ~75 ms."""
    code = (
        "from deskfit.core.files.store import load_profile\n"
        "from deskfit.core.model import profile as p\n"
        "loaded = load_profile('profiles/crossed-legs-fixed-desk.toml')\n"
        "from deskfit.core.present.answers import answers_text\n"
        "answers_text(loaded.profile, 'metric')\n"
        "built = [m.__name__ for m in p.SECTION_MODELS.values() if m.__pydantic_complete__]\n"
        "print(built)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"
