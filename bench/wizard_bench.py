"""Issue 7, the wizard figures: cold start, step change, resident memory.

``wizard_rows(quick)`` returns three ``Row``s:

1. cold start to first paint in tmux (100×30, its own socket ``-L deskfitbench``,
   ``escape-time 0``): from ``new-session`` until ``capture-pane -p`` (polled every ~10 ms)
   shows the start screen's "New profile"; median of 7 runs (3 when quick), against
   ``bench/minimal_app.py`` (one Static) timed the same way in the same run. Goal ≤ 1.2×.
5. step change, in-process: ``make_app(dir, "edit", profile)`` under
   ``App.run_test(size=(100, 30))``; every step is prefilled and valid, so each
   ``ctrl+n`` moves on. Timed from just before ``pilot.press("ctrl+n")`` until ``app.screen``
   is the next step and a following ``pilot.pause()`` (all pending messages, the compose,
   mount and refresh of the new screen handled) has returned. Steps 1→2 … 7→8, each built
   for the first time (the cost the person sees); median over all changes of all runs.
   Goal ≤ 50 ms; no baseline.
6. resident memory: ``deskfit open PROFILE`` in tmux, wait for "Review" on the screen, read
   VmRSS of the python process from /proc/PID/status; against the minimal app's VmRSS after
   its first paint. Goal ≤ 1.5×.

Run alone: ``python bench/wizard_bench.py [--quick]``.
"""

from __future__ import annotations

import asyncio
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Row

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
EXAMPLES = ROOT / "profiles"
DESKFIT = PYTHON.parent / "deskfit"  # the installed command, as a person runs it
MINIMAL = ROOT / "bench" / "minimal_app.py"
SOCKET = "deskfitbench"
WIDTH, HEIGHT = 100, 30
POLL = 0.01  # seconds between two capture-pane
TIMEOUT = 30.0  # seconds to wait for a paint before giving up

START_GOAL = 1.2
STEP_GOAL_MS = 50.0
RSS_GOAL = 1.5


# -- tmux -------------------------------------------------------------------------------


def _tmux(*args: str, check: bool = True) -> str:
    done = subprocess.run(
        ["tmux", "-L", SOCKET, "-f", "/dev/null", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if check and done.returncode != 0:
        raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


class Tmux:
    """A tmux server of our own (socket ``-L deskfitbench``), killed at the end."""

    def __enter__(self) -> Tmux:
        _tmux("kill-server", check=False)
        # a keeper session holds the server (and its options) between the timed sessions
        _tmux("new-session", "-d", "-s", "keeper", "-x", str(WIDTH), "-y", str(HEIGHT))
        _tmux("set-option", "-g", "escape-time", "0")
        _tmux("set-option", "-g", "default-terminal", "tmux-256color")
        return self

    def __exit__(self, *exc: object) -> None:
        _tmux("kill-server", check=False)

    def start(self, name: str, command: list[str], env: dict[str, str]) -> float:
        """Start ``command`` in a new 100×30 session; return the time just before."""
        setenv = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        line = f"cd {shlex.quote(str(ROOT))} && {setenv} exec {shlex.join(command)}"
        started = time.perf_counter()
        _tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), line)
        return started

    def wait_for(self, name: str, text: str) -> float:
        """Poll the pane every ~10 ms until ``text`` shows; the time it was first seen."""
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline:
            screen = _tmux("capture-pane", "-p", "-t", name, check=False)
            if text in screen:
                return time.perf_counter()
            time.sleep(POLL)
        raise RuntimeError(f"{text!r} never showed in {name}: {screen[-400:]!r}")

    def pid(self, name: str) -> int:
        return int(_tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def stop(self, name: str) -> None:
        _tmux("kill-session", "-t", name, check=False)


def _rss_kib(pid: int) -> int:
    """VmRSS of ``pid``, or of its python descendant when the pane runs a shell."""
    for candidate in [pid, *_descendants(pid)]:
        status = Path(f"/proc/{candidate}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if "python" in fields.get("Name", "") or "deskfit" in fields.get("Name", ""):
            return int(fields["VmRSS"].split()[0])
    raise RuntimeError(f"no python process under pid {pid}")


def _descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found = [int(c) for c in children]
    for c in list(found):
        found.extend(_descendants(c))
    return found


def _examples_dir(into: Path) -> Path:
    folder = into / "profiles"
    folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.toml")):
        shutil.copy2(example, folder / example.name)
    return folder


def _env(profiles: Path, home: Path) -> dict[str, str]:
    # a fresh HOME/XDG so nothing of the person's own set-up (drafts, config) is read
    return {
        "DESKFIT_PROFILES_DIR": str(profiles),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "TERM": "tmux-256color",
    }


def _time_paint(tmux: Tmux, name: str, command: list[str], env: dict[str, str], text: str) -> float:
    started = tmux.start(name, command, env)
    try:
        seen = tmux.wait_for(name, text)
    finally:
        tmux.stop(name)
    return seen - started


def _rss_after(tmux: Tmux, name: str, command: list[str], env: dict[str, str], text: str) -> int:
    tmux.start(name, command, env)
    try:
        tmux.wait_for(name, text)
        time.sleep(0.3)  # let the screen settle (the review's diagram, a notification)
        return _rss_kib(tmux.pid(name))
    finally:
        tmux.stop(name)


# -- the figures ----------------------------------------------------------------------------


def start_and_memory(runs: int) -> tuple[list[float], list[float], list[int], list[int]]:
    """Cold starts (s) of the wizard and the minimal app, then RSS (KiB) of both."""
    from bench.minimal_app import MINIMAL_TEXT

    wizard = [str(DESKFIT)]
    minimal = [str(PYTHON), str(MINIMAL)]
    review = EXAMPLES / "crossed-legs-fixed-desk.toml"
    wiz_s: list[float] = []
    min_s: list[float] = []
    wiz_rss: list[int] = []
    min_rss: list[int] = []
    with tempfile.TemporaryDirectory(prefix="deskfit-bench-") as tmp, Tmux() as tmux:
        env = _env(_examples_dir(Path(tmp)), Path(tmp))
        # one untimed run of each warms the OS file cache and writes no bytecode
        _time_paint(tmux, "warm-w", wizard, env, "New profile")
        _time_paint(tmux, "warm-m", minimal, env, MINIMAL_TEXT)
        for i in range(runs):  # interleaved, so a busy moment hurts both alike
            wiz_s.append(_time_paint(tmux, f"w{i}", wizard, env, "New profile"))
            min_s.append(_time_paint(tmux, f"m{i}", minimal, env, MINIMAL_TEXT))
        for i in range(max(1, runs // 2)):
            wiz_rss.append(
                _rss_after(tmux, f"rw{i}", [*wizard, "open", str(review)], env, "Review")
            )
            min_rss.append(_rss_after(tmux, f"rm{i}", minimal, env, MINIMAL_TEXT))
    return wiz_s, min_s, wiz_rss, min_rss


async def _step_changes(profiles: Path, profile: Path) -> list[float]:
    from deskfit.tui.app import make_app
    from deskfit.tui.steps import REVIEW
    from deskfit.tui.steps.base import StepScreen, WizardScreen

    app = make_app(profiles, "edit", profile)
    times: list[float] = []
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        for target in range(1, REVIEW):  # step changes between the eight steps
            here = app.screen
            assert isinstance(here, StepScreen) and here.index == target - 1, here
            started = time.perf_counter()
            await pilot.press("ctrl+n")
            while not (isinstance(app.screen, WizardScreen) and app.screen.index == target):
                await pilot.pause()
            await pilot.pause()
            times.append(time.perf_counter() - started)
    return times


def step_change(runs: int) -> list[float]:
    """Seconds from ctrl+n to the next step painted, every change of every run."""
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="deskfit-bench-") as tmp:
        profiles = _examples_dir(Path(tmp))
        profile = profiles / "crossed-legs-fixed-desk.toml"
        asyncio.run(_step_changes(profiles, profile))  # warm: imports, CSS parse
        for _ in range(runs):
            times.extend(asyncio.run(_step_changes(profiles, profile)))
    return times


def _ratio_row(
    figure: str,
    baseline_desc: str,
    value: float,
    baseline: float,
    goal: float,
    unit: str,
) -> Row:
    ratio = value / baseline if baseline else float("nan")
    return Row(
        figure=figure,
        baseline_desc=baseline_desc,
        value=value,
        baseline=baseline,
        ratio=ratio,
        goal_desc=f"≤ {goal}×",
        passed=ratio <= goal,
        unit=unit,
    )


def wizard_rows(quick: bool) -> list[Row]:
    runs = 3 if quick else 7
    wiz_s, min_s, wiz_rss, min_rss = start_and_memory(runs)
    steps = step_change(runs)
    step_ms = statistics.median(steps) * 1000
    return [
        _ratio_row(
            "1 wizard cold start to first paint (tmux 100×30)",
            "minimal Textual app, one Static",
            statistics.median(wiz_s) * 1000,
            statistics.median(min_s) * 1000,
            START_GOAL,
            "ms",
        ),
        Row(
            figure="5 wizard step change, ctrl+n to next step painted (run_test)",
            baseline_desc="",
            value=step_ms,
            baseline=float("nan"),
            ratio=float("nan"),
            goal_desc=f"≤ {STEP_GOAL_MS:g} ms",
            passed=step_ms <= STEP_GOAL_MS,
            unit="ms",
        ),
        _ratio_row(
            "6 wizard RSS after the review (deskfit open)",
            "minimal Textual app after first paint",
            statistics.median(wiz_rss) / 1024,
            statistics.median(min_rss) / 1024,
            RSS_GOAL,
            "MiB",
        ),
    ]


def _main(argv: list[str]) -> int:
    for r in wizard_rows("--quick" in argv):
        print(
            f"{r.figure}: {r.value:.1f} {r.unit} vs {r.baseline:.1f} {r.unit} "
            f"ratio {r.ratio:.2f} goal {r.goal_desc} passed {r.passed}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
