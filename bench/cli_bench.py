"""Figures 2, 3, 4 and 7 of issue 7: the command line's speed and memory, and `make test`.

Each figure is measured against a baseline taken in the same run, on the same machine,
with the same interpreter (``sys.executable``, the venv's python under ``make bench``):

2. ``deskfit export PROFILE --format text``, the whole process, median of N runs, against
   ``python -c "from pydantic import BaseModel"``, median of N runs. Goal: ≤ 1.5×.
3. ``deskfit report DIR -o FILE`` over 10,000 generated profiles (``scripts/make_profiles.py``,
   seed 0, in a temporary folder), against one process that reads and parses the same
   files with ``tomllib`` alone. Both are whole processes. Goal: report ≤ 3× tomllib.
4. The peak RSS of ``deskfit report`` (``ru_maxrss`` from ``os.wait4`` on that very child)
   at 10,000 profiles against the same at 1,000 profiles. Goal: ≤ 1.1×.
7. ``make test`` wall time, once, as a subprocess. Goal: ≤ 120 s.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import Row

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "profiles" / "crossed-legs-fixed-desk.toml"
EXPORT_GOAL = 1.5
REPORT_GOAL = 3.0
RSS_GOAL = 1.1
TEST_GOAL_S = 120.0

_TOMLLIB_ONLY = (
    "import sys, tomllib\n"
    "from pathlib import Path\n"
    "for p in sorted(Path(sys.argv[1]).glob('*.toml')):\n"
    "    tomllib.loads(p.read_bytes().decode('utf-8'))\n"
)


def deskfit_cmd() -> list[str]:
    """The installed ``deskfit`` script next to this interpreter, else ``python -c``."""
    script = Path(sys.executable).with_name("deskfit")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-c", "from deskfit.cli import main; main()"]


# Peak RSS is read by a small parent of its own: on Linux a child's ru_maxrss starts at
# its parent's RSS (the fork), so measured from this process (which may have imported
# textual for the wizard figures) it would never read below this process's size.
_RSS_PARENT = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(p.pid, 0)\n"
    "print(usage.ru_maxrss)\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def run_timed(cmd: Sequence[str]) -> float:
    """Wall seconds of one child process; it must exit 0."""
    start = time.perf_counter()
    done = subprocess.run(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    took = time.perf_counter() - start
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace")[-500:]
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {tail}")
    return took


def peak_rss_kib(cmd: Sequence[str]) -> int:
    """Peak RSS (KiB, ``ru_maxrss`` from ``os.wait4``) of one child process."""
    done = subprocess.run(
        [sys.executable, "-c", _RSS_PARENT, *cmd], capture_output=True, cwd=ROOT, check=True
    )
    return int(done.stdout.split()[-1])


def median_time(cmd: Sequence[str], repeat: int) -> float:
    run_timed(cmd)  # warm the page cache and the .pyc files
    return statistics.median(run_timed(cmd) for _ in range(repeat))


def make_profiles(count: int, folder: Path) -> Path:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_profiles.py"), str(count), str(folder)],
        check=True,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    return folder


def export_row(repeat: int) -> Row:
    export = median_time([*deskfit_cmd(), "export", str(PROFILE), "--format", "text"], repeat)
    base = median_time([sys.executable, "-c", "from pydantic import BaseModel"], repeat)
    ratio = export / base
    return Row(
        figure=f"2. export --format text, median of {repeat}",
        baseline_desc="python -c 'from pydantic import BaseModel'",
        value=export * 1000,
        baseline=base * 1000,
        ratio=ratio,
        goal_desc=f"≤ {EXPORT_GOAL:g}×",
        passed=ratio <= EXPORT_GOAL,
        unit="ms",
    )


def report_rows(big: int, small: int, work: Path) -> list[Row]:
    big_dir = make_profiles(big, work / f"p{big}")
    small_dir = make_profiles(small, work / f"p{small}")
    out = work / "report.txt"
    # --force: each run replaces the report the one before wrote (an existing file is
    # only replaced when asked to)
    report = [*deskfit_cmd(), "report", "--force"]
    run_timed([sys.executable, "-c", _TOMLLIB_ONLY, str(big_dir)])  # warm the cache
    parse_s = run_timed([sys.executable, "-c", _TOMLLIB_ONLY, str(big_dir)])
    report_s = run_timed([*report, str(big_dir), "-o", str(out)])
    rss_big = peak_rss_kib([*report, str(big_dir), "-o", str(out)])
    rss_small = peak_rss_kib([*report, str(small_dir), "-o", str(out)])
    speed_ratio = report_s / parse_s
    rss_ratio = rss_big / rss_small
    return [
        Row(
            figure=f"3. report, {big:,} profiles",
            baseline_desc="tomllib alone, same files, one process",
            value=big / report_s,
            baseline=big / parse_s,
            ratio=speed_ratio,
            goal_desc=f"time ≤ {REPORT_GOAL:g}×",
            passed=speed_ratio <= REPORT_GOAL,
            unit="profiles/s",
        ),
        Row(
            figure=f"4. report peak RSS, {big:,} profiles",
            baseline_desc=f"the same at {small:,} profiles",
            value=rss_big / 1024,
            baseline=rss_small / 1024,
            ratio=rss_ratio,
            goal_desc=f"≤ {RSS_GOAL:g}×",
            passed=rss_ratio <= RSS_GOAL,
            unit="MB",
        ),
    ]


def make_test_row() -> Row:
    make = shutil.which("make") or "make"
    start = time.perf_counter()
    done = subprocess.run(
        [make, "test"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    took = time.perf_counter() - start
    return Row(
        figure="7. make test wall time" + ("" if done.returncode == 0 else " (FAILED)"),
        baseline_desc="the goal itself",
        value=took,
        baseline=TEST_GOAL_S,
        ratio=took / TEST_GOAL_S,
        goal_desc=f"≤ {TEST_GOAL_S:g} s",
        passed=took <= TEST_GOAL_S and done.returncode == 0,
        unit="s",
    )


def cli_rows(quick: bool) -> list[Row]:
    """Figures 2, 3 and 4, and 7 unless ``quick``."""
    rows = [export_row(5 if quick else 15)]
    work = Path(tempfile.mkdtemp(prefix="deskfit-bench-"))
    try:
        rows += report_rows(2000 if quick else 10_000, 1000, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not quick:
        rows.append(make_test_row())
    return rows
