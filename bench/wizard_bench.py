"""Issue 7, the wizard figures: cold start, step change, resident memory.

``wizard_rows(quick)`` returns three ``Row``s:

1. cold start to first paint in tmux (100×30, its own socket ``-L deskfitbench``,
   ``escape-time 0``): from ``new-session`` until ``capture-pane -p`` (polled every ~10 ms)
   shows the start screen's "New profile"; median of 7 runs (3 when quick), against
   ``bench/minimal_app.py`` (one Static) timed the same way in the same run. Goal ≤ 1.2×.
5. step change, in-process: ``make_app(dir, "edit", profile)`` under
   ``App.run_test(size=(100, 30))``; every step is prefilled and valid, so each
   ``ctrl+n`` moves on. Timed from the moment the key is posted until the first frame the
   app writes (a hook on ``App._display``) in which the next step is the one shown — not
   until ``pilot.press`` returns, which also waits for the app to go idle (~90 ms of
   Pilot's own). Between two changes the bench waits for idle, as a person reading the
   step would. Steps 1→2 … 7→8, each visited for the first time (the cost the person
   sees); median over all changes of all runs. Goal ≤ 50 ms; no baseline.
6. resident memory: ``deskfit open PROFILE`` in tmux, wait for "Review" on the screen,
   then walk back to the first step and forward again to the review with Ctrl+N (so every
   step has been built), read VmRSS of the python process from /proc/PID/status; against
   ``bench/minimal_app.py --pydantic`` (a minimal app that has imported pydantic and built
   one model) after its first paint. Goal ≤ 1.5×.
8. units switch and back, in-process on the first step: F2 twice, from the first key
   posted until the frame written after the second switch shows the first units again.
   Goal ≤ 100 ms; no baseline.

Before anything is timed the bench compiles every module to bytecode (``compileall``):
this machine sets ``PYTHONDONTWRITEBYTECODE``, so without it every start would compile
~50 modules again, a cost no installed deskfit pays.

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
from typing import Any

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
UNITS_GOAL_MS = 100.0
REVIEW_MARK = "ROSA"  # on the review and on no question step
STEPS = 8  # question steps: Escape eight times from the review reaches the first


def compile_bytecode() -> None:
    """Compile deskfit and its dependencies once, as an install does (see the docstring)."""
    import compileall
    import site

    for folder in [ROOT / "src", *map(Path, site.getsitepackages())]:
        compileall.compile_dir(folder, quiet=1, workers=0)


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


def _keys(tmux: Tmux, name: str, key: str, times: int) -> None:
    for _ in range(times):
        _tmux("send-keys", "-t", name, key)
        time.sleep(0.25)  # a step at a time, as a person goes


def _rss_after(
    tmux: Tmux, name: str, command: list[str], env: dict[str, str], text: str, walk: int = 0
) -> int:
    """VmRSS once ``text`` shows; with ``walk``, after going back ``walk`` steps and
    forward again to ``text`` (so every step has been built)."""
    tmux.start(name, command, env)
    try:
        tmux.wait_for(name, text)
        if walk:
            _keys(tmux, name, "Escape", walk)
            _keys(tmux, name, "C-n", walk)
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
    with_model = [*minimal, "--pydantic"]
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
            opened = [*wizard, "open", str(review)]
            wiz_rss.append(_rss_after(tmux, f"rw{i}", opened, env, REVIEW_MARK, walk=STEPS))
            min_rss.append(_rss_after(tmux, f"rm{i}", with_model, env, MINIMAL_TEXT))
    return wiz_s, min_s, wiz_rss, min_rss


def _send_key(app: Any, key: str) -> float:
    """Post ``key`` as the terminal driver would; the time just before."""
    from textual import events

    event = events.Key(key, None)
    event.set_sender(app)
    started = time.perf_counter()
    app._driver.send_message(event)
    return started


class FrameClock:
    """The times at which the app writes a frame, with what the frame shows.

    ``shows(app)`` names the state of a frame (which step, which units); it is read as
    the frame is written, from a wrapper around ``App._display``, the method that hands
    a frame to the terminal driver (it runs in headless mode too, and returns before
    writing there).
    """

    def __init__(self, app: Any, shows: Any) -> None:
        self.frames: list[tuple[float, Any]] = []
        display = app._display

        def hooked(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None and not app._batch_count:
                self.frames.append((time.perf_counter(), shows(app)))

        app._display = hooked

    async def first(self, since: float, shown: Any, timeout: float = 10.0) -> float:
        """Seconds from ``since`` to the first frame after it that shows ``shown``."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for at, what in self.frames:
                if at >= since and what == shown:
                    return at - since
            await asyncio.sleep(0.001)
        raise RuntimeError(f"no frame showed {shown!r} within {timeout} s")


def _step_shown(app: Any) -> int | None:
    """The step whose questions the frame shows (built and displayed), else None."""
    screen = app.screen
    showing = getattr(screen, "showing", None)
    return showing() if callable(showing) else getattr(screen, "index", None)


async def _idle(app: Any) -> None:
    from textual._wait import wait_for_idle

    await wait_for_idle(0)
    await app._animator.wait_until_complete()
    await wait_for_idle(0)


async def _step_changes(profiles: Path, profile: Path) -> list[float]:
    from deskfit.tui.app import make_app
    from deskfit.tui.steps import REVIEW

    app = make_app(profiles, "edit", profile)
    times: list[float] = []
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        clock = FrameClock(app, _step_shown)
        await pilot.pause()
        await asyncio.sleep(0.2)  # the first step settled, as a person would read it
        await _idle(app)
        for target in range(1, REVIEW):  # step changes between the question steps
            assert _step_shown(app) == target - 1, _step_shown(app)
            started = _send_key(app, "ctrl+n")
            times.append(await clock.first(started, target))
            await _idle(app)
            await asyncio.sleep(0.2)  # reading the step: idle time the app may use
            await _idle(app)
    return times


def step_change(runs: int) -> list[float]:
    """Seconds from ctrl+n to the next step's first frame, every change of every run."""
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="deskfit-bench-") as tmp:
        profiles = _examples_dir(Path(tmp))
        profile = profiles / "crossed-legs-fixed-desk.toml"
        asyncio.run(_step_changes(profiles, profile))  # warm: imports, CSS parse
        for _ in range(runs):
            times.extend(asyncio.run(_step_changes(profiles, profile)))
    return times


def _units_shown(app: Any) -> str | None:
    """The unit beside the first length question on screen: "cm" or "in"."""
    for label in app.screen.query(".field-unit"):
        text = str(label.render())
        if text in ("cm", "in"):
            return text
    return None


async def _units_switches(profiles: Path, profile: Path, runs: int) -> list[float]:
    from deskfit.tui.app import make_app

    app = make_app(profiles, "edit", profile)
    times: list[float] = []
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        clock = FrameClock(app, _units_shown)
        await pilot.pause()
        await asyncio.sleep(0.2)
        await _idle(app)
        first = _units_shown(app)
        for _ in range(runs):
            started = _send_key(app, "f2")
            await clock.first(started, "in" if first == "cm" else "cm")
            second = _send_key(app, "f2")
            back = await clock.first(second, first)
            times.append(second - started + back)
            await _idle(app)
            await asyncio.sleep(0.1)
            await _idle(app)
    return times


def units_switch(runs: int) -> list[float]:
    """Seconds from the first F2 to the frame that shows the first units again."""
    with tempfile.TemporaryDirectory(prefix="deskfit-bench-") as tmp:
        profiles = _examples_dir(Path(tmp))
        profile = profiles / "crossed-legs-fixed-desk.toml"
        return asyncio.run(_units_switches(profiles, profile, runs * 3))


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


def _ms_row(figure: str, value: float, goal: float) -> Row:
    """A figure with an absolute goal in milliseconds (no baseline)."""
    return Row(
        figure=figure,
        baseline_desc="",
        value=value,
        baseline=float("nan"),
        ratio=float("nan"),
        goal_desc=f"≤ {goal:g} ms",
        passed=value <= goal,
        unit="ms",
    )


def wizard_rows(quick: bool) -> list[Row]:
    runs = 3 if quick else 7
    compile_bytecode()
    wiz_s, min_s, wiz_rss, min_rss = start_and_memory(runs)
    steps = step_change(runs)
    step_ms = statistics.median(steps) * 1000
    units_ms = statistics.median(units_switch(runs)) * 1000
    return [
        _ratio_row(
            "1 wizard cold start to first paint (tmux 100×30)",
            "minimal Textual app, one Static",
            statistics.median(wiz_s) * 1000,
            statistics.median(min_s) * 1000,
            START_GOAL,
            "ms",
        ),
        _ms_row(
            "5 wizard step change, ctrl+n to the next step's first frame", step_ms, STEP_GOAL_MS
        ),
        _ms_row("8 wizard units switch and back, F2 F2 to the frame", units_ms, UNITS_GOAL_MS),
        _ratio_row(
            "6 wizard RSS after walking every step to the review",
            "minimal Textual app with pydantic and one model",
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
