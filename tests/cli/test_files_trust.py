"""Files other people can trust: no lost update, a save keeps what the file was, names and
bytes that cannot hurt a terminal, and the manners of a Unix command (pipes, locales).

These run the real command in a subprocess where the behaviour is about processes, users,
pipes and locales; the rest is in test_cli.py, test_set.py and test_export_output.py.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from deskfit.core.files.store import load_profile

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "profiles"
SAM = EXAMPLES / "crossed-legs-fixed-desk.toml"
DESKFIT = [sys.executable, "-c", "from deskfit.cli import main; main()"]
ESC = "\x1b"


def deskfit(
    *args: str | bytes, env: dict[str, str] | None = None, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [*DESKFIT, *args], capture_output=True, env=full, timeout=120, **kw
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "profiles"
    path.mkdir()
    for example in EXAMPLES.glob("*.toml"):
        shutil.copy(example, path / example.name)
    return path


# -- no lost update -------------------------------------------------------------------------


def test_two_writers_never_lose_an_update() -> None:
    """200 rounds of two `deskfit set` at once on one profile (scripts/two_writers.py)."""
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "two_writers.py"), "--rounds", "200"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("200 rounds of two writers: ")
    assert "0 lost an update" in result.stdout


# -- a save keeps what the file was -------------------------------------------------------


def test_a_save_through_a_symbolic_link_changes_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "sam.toml"
    real.parent.mkdir()
    shutil.copy(SAM, real)
    link = tmp_path / "sam.toml"
    link.symlink_to(real)
    assert deskfit("set", str(link), "chair.seat_height_cm=50").returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_profile(real).profile.chair.seat_height_cm == 50


def test_a_read_only_profile_is_refused_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "sam.toml"
    shutil.copy(SAM, path)
    path.chmod(0o444)
    before = path.read_bytes()
    result = deskfit("set", str(path), "chair.seat_height_cm=50")  # root too: the mode says no
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"deskfit: {path} is read-only (mode 0444): not saved. Make it writable "
        "(chmod u+w) if it should change\n"
    )
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_hard_linked_profile_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "sam.toml"
    shutil.copy(SAM, path)
    os.link(path, tmp_path / "copy.toml")
    before = path.read_bytes()
    result = deskfit("set", str(path), "chair.seat_height_cm=50")
    assert result.returncode == 1
    assert b"has 2 hard links" in result.stderr and b"would keep the old answers" in result.stderr
    assert path.read_bytes() == before and path.stat().st_nlink == 2


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A folder other users can reach (pytest's own are private to the user running it)."""
    path = Path(tempfile.mkdtemp(prefix="deskfit-users-", dir="/tmp"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _as(uid: int, gid: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["setpriv", f"--reuid={uid}", f"--regid={gid}", f"--groups={gid}", *DESKFIT, *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/tmp"},
    )


needs_root_and_setpriv = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="switching users needs root and setpriv",
)


@needs_root_and_setpriv
def test_a_colleagues_save_in_a_shared_folder_keeps_the_owners_access(open_tmp: Path) -> None:
    """Alice (uid 2001) and Bob (2002) share group 3000 and a setgid, group-writable folder."""
    alice, bob, team = 2001, 2002, 3000
    shared = open_tmp / "team"
    shared.mkdir()
    os.chown(shared, alice, team)
    shared.chmod(0o2770)
    profile = shared / "alice.toml"
    shutil.copy(SAM, profile)
    os.chown(profile, alice, team)
    profile.chmod(0o660)
    result = _as(bob, team, "set", str(profile), "monitor.distance_cm=70")
    assert result.returncode == 0, result.stderr
    info = profile.stat()
    assert stat.S_IMODE(info.st_mode) == 0o660  # not 0600
    assert info.st_gid == team
    mine = _as(alice, team, "set", str(profile), "chair.seat_height_cm=50")
    assert mine.returncode == 0, mine.stderr  # Alice can still change her own profile
    saved = load_profile(profile).profile
    assert saved.monitor.distance_cm == 70 and saved.chair.seat_height_cm == 50


@needs_root_and_setpriv
def test_a_folder_one_may_not_write_is_named_not_the_temporary_file(open_tmp: Path) -> None:
    profile = open_tmp / "sam.toml"
    shutil.copy(SAM, profile)
    profile.chmod(0o666)  # the file is writable, its folder is not
    result = _as(2001, 3000, "set", str(profile), "chair.seat_height_cm=50")
    assert result.returncode == 1
    text = result.stderr.decode()
    assert text == (f"deskfit: {profile}: permission denied (writing in the folder {open_tmp})\n")
    assert ".deskfit-tmp" not in text


# -- bytes, names and escapes -------------------------------------------------------------


def test_names_and_folders_that_are_not_utf8_are_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    folder.mkdir()
    target = folder / os.fsdecode(b"sam\xff.toml")
    shutil.copy(SAM, target)
    listed = deskfit("--profiles-dir", str(folder), "list")
    assert listed.returncode == 0
    listed.stdout.decode("utf-8")  # valid UTF-8: the bytes are shown as escapes
    assert b"sam\\xff.toml" in listed.stdout
    checked = deskfit("check", os.fsencode(target))
    assert checked.returncode == 0
    assert checked.stdout.decode("utf-8").endswith("caf\\xe9/sam\\xff.toml: ok\n")
    assert deskfit("set", os.fsencode(target), "chair.seat_height_cm=50").returncode == 0
    out = tmp_path / "report.jsonl"
    report = deskfit("report", os.fsencode(folder), "--format", "jsonl", "-o", str(out))
    assert report.returncode == 0, report.stderr
    out.read_text(encoding="utf-8")


def test_escape_sequences_in_file_names_never_reach_the_terminal(folder: Path) -> None:
    for name in ("x\x1b]0;pwned\x07.toml", "bad\x1b[2J.toml"):
        shutil.copy(SAM, folder / name)
    for args in (("list",), ("check", *map(str, folder.iterdir())), ("report", str(folder))):
        for env in ({}, {"NO_COLOR": "1"}):
            result = deskfit("--profiles-dir", str(folder), *args, env=env)
            assert result.returncode == 0, result.stderr
            both = (result.stdout + result.stderr).decode("utf-8")
            assert ESC not in both and "\x07" not in both
            assert "\\x1b" in both


@pytest.mark.parametrize("command", ["export", "report", "compare", "set"])
def test_any_locale_is_survived(folder: Path, command: str) -> None:
    """Under a Latin-1 terminal, arrows and dashes come out escaped instead of crashing."""
    sam = str(folder / "crossed-legs-fixed-desk.toml")
    args = {
        "export": ("export", sam),
        "report": ("report", str(folder)),
        "compare": ("compare", sam, str(folder / "laptop-kitchen-table.toml")),
        "set": ("set", sam, "chair.seat_height_cm=50"),
    }[command]
    env = {"LC_ALL": "en_US.ISO-8859-1", "PYTHONIOENCODING": "latin-1", "PYTHONUTF8": "0"}
    result = deskfit(*args, env=env)
    assert result.returncode == 0, result.stderr
    assert b"internal error" not in result.stderr
    text = result.stdout.decode("latin-1")
    assert "\\u2192" in text or "\\u2013" in text or command == "set"
    if command == "set":
        assert load_profile(sam).profile.chair.seat_height_cm == 50


# -- Unix manners --------------------------------------------------------------------------


def test_a_reader_that_goes_away_ends_the_command_quietly(folder: Path) -> None:
    # ~300 KB: several times what a pipe holds (64 KiB) plus what head reads at once, so
    # the writer still has rows to write when head closes
    for n in range(600):
        shutil.copy(SAM, folder / f"copy-{n}.toml")
    command = f"{' '.join(map(repr, DESKFIT))} report {str(folder)!r} --format jsonl"
    shell = f"{command} | head -1"
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {shell}"], capture_output=True, timeout=120
    )
    assert result.stderr == b""
    assert result.returncode == 141  # the status of a writer ended by SIGPIPE
    assert result.stdout.count(b"\n") == 1


def test_set_into_a_closed_pipe_still_reports_the_save(folder: Path) -> None:
    sam = folder / "crossed-legs-fixed-desk.toml"
    cmd = " ".join(map(repr, [*DESKFIT, "set", str(sam), "chair.seat_height_cm=50"]))
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {cmd} | true"], capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert load_profile(sam).profile.chair.seat_height_cm == 50


def test_a_closed_stdout_is_an_error(folder: Path) -> None:
    sam = folder / "crossed-legs-fixed-desk.toml"
    cmd = " ".join(map(repr, [*DESKFIT, "export", str(sam)]))
    result = subprocess.run(["bash", "-c", f"{cmd} >&-"], capture_output=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == b"deskfit: standard output is closed; nothing written\n"


def test_a_full_stdout_is_an_error(folder: Path) -> None:
    sam = folder / "crossed-legs-fixed-desk.toml"
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [*DESKFIT, "export", str(sam)], stdout=full, stderr=subprocess.PIPE, timeout=120
        )
    assert result.returncode == 1
    assert b"cannot write to standard output: no space left on device" in result.stderr


def test_a_profiles_dir_that_is_a_file_only_matters_when_a_name_is_looked_up(
    folder: Path, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    env = {"DESKFIT_PROFILES_DIR": str(not_a_folder)}
    assert deskfit("check", str(folder / "crossed-legs-fixed-desk.toml"), env=env).returncode == 0
    listed = deskfit("list", env=env)
    assert listed.returncode == 1
    assert listed.stderr.decode() == (
        f"deskfit: $DESKFIT_PROFILES_DIR is {not_a_folder}, which is a file, not a folder\n"
    )
    shown = deskfit("--profiles-dir", str(not_a_folder), "show", "Sam")
    assert shown.stderr.decode().startswith("deskfit: --profiles-dir is ")


def test_show_finds_the_examples_by_the_names_list_prints(folder: Path) -> None:
    listed = deskfit("--profiles-dir", str(folder), "list").stdout.decode()
    assert "Sam at the office" in listed
    shown = deskfit("--profiles-dir", str(folder), "show", "Sam at the office")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.decode().startswith("Sam at the office")


def test_an_entry_in_the_current_folder_does_not_shadow_a_name(
    folder: Path, tmp_path: Path
) -> None:
    shutil.copy(SAM, folder / "profiles.toml")
    (tmp_path / "profiles").mkdir(exist_ok=True)  # a folder called like the NAME, here
    result = deskfit("--profiles-dir", str(folder), "show", "profiles", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_file_column_of_list_and_a_name_with_a_slash_both_work(folder: Path) -> None:
    d = ("--profiles-dir", str(folder))
    by_file = deskfit(*d, "show", "crossed-legs-fixed-desk.toml")  # not in the current folder
    assert by_file.returncode == 0, by_file.stderr
    assert by_file.stdout.decode().startswith("Sam at the office")
    renamed = deskfit(*d, "set", "Mia, shared desk", "name=Jo/home")
    assert renamed.returncode == 0, renamed.stderr
    assert deskfit(*d, "show", "Jo/home").stdout.decode().startswith("Jo/home")


def test_renaming_to_a_name_another_profile_has_is_said(folder: Path) -> None:
    d = ("--profiles-dir", str(folder))
    result = deskfit(*d, "set", "Mia, shared desk", "name=Sam at the office")
    assert result.returncode == 0
    assert result.stderr.decode() == (
        f"deskfit: note: {folder / 'crossed-legs-fixed-desk.toml'} is also called "
        "'Sam at the office'; give the file to tell them apart\n"
    )
