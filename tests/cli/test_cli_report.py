"""``deskfit report``: exit codes, formats, -o written atomically, no textual."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from deskfit.cli import cli
from deskfit.core.files import store

REPO = Path(__file__).resolve().parents[2]
COUNT = 30


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("profiles")
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_profiles.py"), str(COUNT), str(path)],
        check=True,
        capture_output=True,
    )
    (path / "zz-broken.toml").write_text("name = [\n", encoding="utf-8")
    return path


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def test_text_report_exit_0_with_invalid_files(folder: Path) -> None:
    result = run("report", str(folder))
    assert result.exit_code == 0
    assert "Shopping list" in result.stdout
    words = " ".join(result.stdout.split())  # the text is wrapped at 80 columns
    assert "zz-broken.toml" in words and "not valid TOML" in words
    assert "\r" not in result.stderr  # not a terminal: no progress count


def test_exit_1_when_no_profile_read(folder: Path, tmp_path: Path) -> None:
    result = run("report", str(folder / "zz-broken.toml"))
    assert result.exit_code == 1
    assert "no profile could be read" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("report", str(empty)).exit_code == 1
    assert run("report", str(tmp_path / "missing.toml")).exit_code == 1


def test_help_states_the_exit_codes() -> None:
    result = run("report", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "exit 1 when none was" in text and "Exit 0" in text
    for option in ("--format", "--sort", "-o"):
        assert option in text


def test_csv_and_files_given_one_by_one(folder: Path) -> None:
    files = [str(p) for p in sorted(folder.glob("profile-*.toml"))[:5]]
    result = run("report", *files, str(folder / "zz-broken.toml"), "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0][0] == "name" and len(rows) == 1 + 5 + 1
    assert rows[-1][-1] and rows[-1][1].endswith("zz-broken.toml")


def test_sort_by_name_and_jsonl(folder: Path) -> None:
    result = run("report", str(folder), "--format", "jsonl", "--sort", "name")
    assert result.exit_code == 0
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    names = [o["name"] for o in objects if "name" in o]
    assert len(names) == COUNT and names == sorted(names, key=str.casefold)
    assert "summary" in objects[-1]
    worst = run("report", str(folder), "--format", "jsonl")
    rosa = [json.loads(line)["rosa"] for line in worst.stdout.splitlines()[:COUNT]]
    assert rosa == sorted(rosa, reverse=True)


def test_output_file_written_atomically(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("old", encoding="utf-8")
    old_inode = out.stat().st_ino
    refused = run("report", str(folder), "--format", "md", "-o", str(out))
    assert refused.exit_code == 1 and "use --force" in refused.stderr  # an existing file
    assert out.read_text(encoding="utf-8") == "old"
    result = run("report", str(folder), "--format", "md", "-o", str(out), "--force")
    assert result.exit_code == 0
    assert f"wrote {out}: {COUNT} profiles, 1 invalid" in result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text == run("report", str(folder), "--format", "md").stdout
    assert out.stat().st_ino != old_inode  # a new file renamed over the old one
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 or os.name == "nt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temp left


def test_output_refuses_a_profile_without_force(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_bytes((folder / "profile-00001.toml").read_bytes())
    for more in ((), ("--force",)):  # never over a profile, not even with --force
        result = run("report", str(folder), "-o", str(target), *more)
        assert result.exit_code == 1 and "an export never replaces a profile" in result.stderr
        assert store.load_profile(target)  # untouched


def test_report_does_not_import_textual(folder: Path) -> None:
    code = (
        "import sys; from deskfit.cli import main\n"
        "try:\n"
        f"    main(['report', {str(folder)!r}, '--format', 'csv'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert not [m for m in sys.modules if m.startswith('textual')], 'textual imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
