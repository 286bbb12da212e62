"""core/ops/report.py and report_render.py with files you cannot trust.

- a named pipe being written to and held open, a link to a terminal or another device:
  listed as invalid at once, never read, never waited on;
- each file once, however often it is named (``DIR DIR/ DIR/x.toml``, links);
- Ctrl-C: one line from the parent, no worker tracebacks, exit 130;
- file names that are not UTF-8 or hold escape sequences: escaped in every format, the
  output valid UTF-8 with no raw control character.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from deskfit.core.ops import report as report_module
from deskfit.core.ops.report import Report, ReportError, Row, build, read_rows, scan, stream
from deskfit.core.ops.report_render import REPORT_FORMATS, iter_report, render_report

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((REPO / "profiles").glob("*.toml"))
DESKFIT = REPO / ".venv" / "bin" / "deskfit"
POSIX = os.name == "posix"
JOIN_SECONDS = 10


def _copy_examples(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    copies = []
    for example in EXAMPLES:
        copies.append(folder / example.name)
        shutil.copyfile(example, copies[-1])
    return copies


def _finished_in_time(target: Callable[..., object], *args: object) -> object:
    """``target(*args)`` in a thread; fails the test if it is still running after 10 s."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = target(*args)
        except BaseException as exc:  # handed to the test below
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(JOIN_SECONDS)
    assert not worker.is_alive(), f"the report still runs after {JOIN_SECONDS} s: it blocks"
    if "error" in box:
        raise AssertionError(f"the report raised {box['error']!r}")
    return box["result"]


# -- pipes and devices never block ------------------------------------------------------


@pytest.fixture()
def odd_folder(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """Example profiles, a fifo holding one byte with its writer kept open, devices.

    Yields the folder and the fd of the fifo's own read end (to check nothing was taken).
    """
    if not POSIX or not hasattr(os, "mkfifo"):
        pytest.skip("named pipes and /dev need a POSIX system")
    folder = tmp_path / "odd"
    _copy_examples(folder)
    fifo = folder / "pipe.toml"
    os.mkfifo(fifo)
    # a reader first (non-blocking), so that the writer's open does not wait for one
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    writer = os.open(fifo, os.O_WRONLY)
    os.write(writer, b"s")  # one byte, and the writer stays open: a read would wait
    (folder / "tty.toml").symlink_to("/dev/tty")  # may or may not open here: never read
    (folder / "zero.toml").symlink_to("/dev/zero")  # a character device that opens
    try:
        yield folder, reader
    finally:
        os.close(writer)  # ends the wait of a report that did block, so its thread ends
        os.close(reader)


@pytest.mark.parametrize("jobs", [1, 2])
def test_pipes_and_devices_are_listed_not_waited_on(
    odd_folder: tuple[Path, int], jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, reader = odd_folder
    monkeypatch.setattr(report_module, "POOL_MIN_FILES", 2)  # jobs=2: read in workers
    result = _finished_in_time(build, [folder], None, "rosa", jobs)
    assert isinstance(result, Report)
    assert len(result.rows) == len(EXAMPLES)
    errors = {Path(e.file).name: e.message for e in result.errors}
    assert set(errors) == {"pipe.toml", "tty.toml", "zero.toml"}
    assert "is a named pipe, not a regular file: not read" in errors["pipe.toml"]
    assert "not a regular file: not read" in errors["zero.toml"]
    assert os.read(reader, 16) == b"s"  # the report took nothing from the pipe


def test_a_pipe_named_as_a_file_is_not_waited_on(odd_folder: tuple[Path, int]) -> None:
    folder, _ = odd_folder
    given = [folder / "pipe.toml", folder / "tty.toml", folder / EXAMPLES[0].name]
    result = _finished_in_time(build, given)
    assert isinstance(result, Report)
    assert len(result.rows) == 1 and len(result.errors) == 2


def test_the_cli_finishes_with_a_held_pipe_in_the_folder(odd_folder: tuple[Path, int]) -> None:
    folder, _ = odd_folder
    done = subprocess.run(
        [str(DESKFIT), "report", str(folder), "--format", "jsonl"],
        capture_output=True,
        timeout=JOIN_SECONDS,
    )
    assert done.returncode == 0, done.stderr
    errors = {
        Path(o["file"]).name: o["error"]
        for o in map(json.loads, done.stdout.decode("utf-8").splitlines())
        if "error" in o
    }
    assert set(errors) == {"pipe.toml", "tty.toml", "zero.toml"}
    assert errors["pipe.toml"].endswith("pipe.toml: is a named pipe, not a regular file: not read")


# -- each file once -------------------------------------------------------------------


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "team"
    _copy_examples(path)
    return path


def test_scan_gives_each_file_once(folder: Path) -> None:
    first = EXAMPLES[0].name
    once = list(scan([folder]))
    again = list(scan([folder, f"{folder}{os.sep}", folder / first, folder / "." / first]))
    assert again == once
    assert len(once) == len(EXAMPLES)


def test_links_to_a_file_already_listed_are_skipped(folder: Path) -> None:
    first = folder / EXAMPLES[0].name
    (folder / "zz-hard.toml").hardlink_to(first)
    if POSIX:
        (folder / "zz-soft.toml").symlink_to(first.name)
    found = list(scan([folder]))
    assert [p.name for p in found] == sorted(e.name for e in EXAMPLES)


def test_missing_files_are_kept_once_by_their_resolved_path(folder: Path) -> None:
    missing = folder / "nope.toml"
    found = list(scan([missing, folder / "sub" / ".." / "nope.toml", missing]))
    assert found == [missing]  # kept (read_one lists it as invalid), once


def test_first_occurrence_is_kept(folder: Path) -> None:
    last = folder / EXAMPLES[-1].name
    found = list(scan([last, folder]))
    assert found == [last, *(p for p in scan([folder]) if p != last)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_folder_named_twice_counts_each_profile_once(
    folder: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_module, "POOL_MIN_FILES", 2)
    single = build([folder])
    twice = build([folder, f"{folder}{os.sep}", folder / EXAMPLES[1].name], jobs=jobs)
    assert twice.summary.profiles == single.summary.profiles == len(EXAMPLES)
    assert twice.summary == single.summary  # the shopping list is not doubled
    assert twice.rows == single.rows
    shop = sum(item.count for item in twice.summary.shopping)
    assert shop > 0


# -- Ctrl-C -------------------------------------------------------------------------


def test_workers_ignore_sigint() -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the pool is only used where processes fork")
    pool = report_module._pool(2)
    try:
        handlers = pool.map(signal.getsignal, [signal.SIGINT] * 4, chunksize=1)
    finally:
        pool.terminate()
        pool.join()
    assert handlers and all(h == signal.SIG_IGN for h in handlers)


def test_interrupt_stops_the_workers_and_is_raised(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the pool is only used where processes fork")
    monkeypatch.setattr(report_module, "POOL_MIN_FILES", 2)

    def interrupt(done: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    before = set(multiprocessing.active_children())
    with pytest.raises(KeyboardInterrupt):
        for _ in read_rows([folder], interrupt, jobs=2):
            pass
    assert set(multiprocessing.active_children()) <= before  # the workers are gone


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(n) for n in text.split()]


@pytest.mark.skipif(not POSIX, reason="SIGINT to a process group is POSIX")
def test_ctrl_c_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    """Ctrl-C at a terminal: SIGINT to the whole process group, workers included."""
    big = tmp_path / "big"
    big.mkdir()
    texts = [e.read_bytes() for e in EXAMPLES]
    for n in range(4000):
        (big / f"p{n:05d}.toml").write_bytes(texts[n % len(texts)])
    started = time.monotonic()
    child = subprocess.Popen(
        [str(DESKFIT), "report", str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        # wait until the report has started its workers (not while Python imports); where
        # that cannot be seen (no /proc, one CPU: no workers), long enough to be reading
        me = os.getpid()
        if report_module.cores() >= 2 and Path(f"/proc/{me}/task/{me}/children").exists():
            while not _children(child.pid) and time.monotonic() - started < 5:
                time.sleep(0.02)
        time.sleep(0.5 if _children(child.pid) else 1.5)
        assert child.poll() is None, "the report finished before Ctrl-C: make it bigger"
        os.killpg(child.pid, signal.SIGINT)
        _, err = child.communicate(timeout=JOIN_SECONDS)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    stderr = err.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert stderr.splitlines() == ["deskfit: interrupted"]
    assert child.returncode == 130


# -- names that are not UTF-8 or hold escape sequences ---------------------------------

ESC_PROFILE = "x\x1b]0;pwned\x07.toml"
ESC_BROKEN = "bad\x1b[2J.toml"
NOT_UTF8 = "caf\udcff.toml" if POSIX else "caf\u00ff.toml"  # os.fsdecode(b"caf\xff.toml")
SHOWN = {
    ESC_PROFILE: "x\\x1b]0;pwned\\x07.toml",
    ESC_BROKEN: "bad\\x1b[2J.toml",
    NOT_UTF8: "caf\\xff.toml" if POSIX else "caf\u00ff.toml",
    "name.toml": "name.toml",
}


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    """Profiles and broken files whose names and contents hold escapes and bad bytes."""
    if POSIX:
        assert os.fsdecode(b"caf\xff.toml") == NOT_UTF8
    path = tmp_path / "hostile"
    path.mkdir()
    good = EXAMPLES[0].read_text(encoding="utf-8")
    for name in (ESC_PROFILE, NOT_UTF8):
        (path / name).write_text(good, encoding="utf-8")
    (path / ESC_BROKEN).write_bytes(b"x = \x1b[2J\xff\n")
    # a name with an escape sequence: invalid, and its message quotes it
    bad_name = good.replace('name = "', 'name = "\\u001b]0;evil\\u0007', 1)
    assert bad_name != good
    (path / "name.toml").write_text(bad_name, encoding="utf-8")
    return path


def _raw_controls(text: str, allowed: str = "\n") -> list[str]:
    return [
        c
        for c in text
        if c not in allowed and (unicodedata.category(c) in ("Cc", "Cs") or c == "\u202e")
    ]


def _files_shown(report: Report) -> set[str]:
    return {Path(r.file).name for r in report.rows} | {Path(e.file).name for e in report.errors}


def test_rows_and_errors_hold_escaped_names(hostile: Path) -> None:
    result = build([hostile])
    assert len(result.rows) == 2 and len(result.errors) == 2
    assert _files_shown(result) == set(SHOWN.values())
    for item in [*result.rows, *result.errors]:
        texts = [item.file, item.message] if isinstance(item, ReportError) else [item.file]
        if isinstance(item, Row):
            texts += [item.name, *item.top_advice]
        for text in texts:
            assert not _raw_controls(text, allowed=""), text
            text.encode("utf-8")  # no lone surrogate
    errors = {Path(e.file).name: e.message for e in result.errors}
    assert "you gave '\\x1b]0;evil\\x07" in errors["name.toml"]  # the value, escaped
    assert errors[SHOWN[ESC_BROKEN]].startswith(str(hostile / SHOWN[ESC_BROKEN]) + ":1:")


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_every_format_is_utf8_with_names_escaped(hostile: Path, fmt: str) -> None:
    with stream([hostile]) as s:
        text = "".join(iter_report(s.rows, s.count, s.summary, s.errors, fmt))
    data = text.encode("utf-8")  # raises on a lone surrogate (a byte that was not UTF-8)
    assert data.decode("utf-8") == text
    assert not _raw_controls(text, allowed="\r\n" if fmt == "csv" else "\n")
    assert "\x1b" not in text and "\x07" not in text
    if fmt == "jsonl":
        objects = [json.loads(line) for line in text.splitlines()]
        files = {Path(str(o["file"])).name for o in objects if "file" in o}
        assert files == set(SHOWN.values())
        for o in objects:
            for value in (o.get("name"), o.get("error"), *o.get("advice", ())):
                assert value is None or not _raw_controls(str(value), allowed="")
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert {Path(r[1]).name for r in rows[1:]} == set(SHOWN.values())
    elif fmt == "md":
        for shown in SHOWN.values():
            assert shown.replace("\\", "\\\\") in text  # Markdown escapes the backslash
    else:
        flat = "".join(text.split())  # a long path may be wrapped anywhere
        for shown in SHOWN.values():
            assert shown in flat


def test_rows_built_elsewhere_are_escaped_too() -> None:
    """The renderer does not trust its rows: a Row holding raw bytes is still escaped."""
    row = Row("Sam\x1b[2J", "caf\udcff.toml", 5, 3, "assess further", "moderate",
              ("tilt\x07",), (), 50.0, "desk", 72.0, 0.0, 120.0)  # fmt: skip
    error = ReportError("bad\x1b.toml", "bad\x1b.toml: not valid TOML\udcfe")
    result = Report([row], report_module.summarise([row], 1), [error])
    for fmt in REPORT_FORMATS:
        text = render_report(result, fmt)
        text.encode("utf-8")
        assert not _raw_controls(text, allowed="\r\n"), fmt
        assert "Sam\\x1b[2J" in text.replace("\\\\", "\\") and "\\xff" in text


@pytest.mark.skipif(not POSIX, reason="names that are not UTF-8 are a POSIX matter")
@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_cli_output_is_valid_utf8_on_stdout_and_in_a_file(
    hostile: Path, tmp_path: Path, fmt: str
) -> None:
    shown = subprocess.run(
        [str(DESKFIT), "report", str(hostile), "--format", fmt],
        capture_output=True,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    shown.stdout.decode("utf-8")  # strict: raises on a byte that is not UTF-8
    assert b"\x1b" not in shown.stdout and b"\x1b" not in shown.stderr
    out = tmp_path / f"out.{fmt}"
    written = subprocess.run(
        [str(DESKFIT), "report", str(hostile), "--format", fmt, "-o", str(out)],
        capture_output=True,
        timeout=60,
    )
    assert written.returncode == 0, written.stderr
    assert b"internal error" not in written.stderr
    assert out.read_bytes() == shown.stdout
