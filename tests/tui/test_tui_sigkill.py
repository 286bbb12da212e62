"""The draft survives a SIGKILL: the real wizard in a pseudo-terminal, killed mid-answer."""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import listed, shown

from deskfit.tui.app import make_app
from deskfit.tui.start import StartScreen

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")


def _wait(what: str, ready: Callable[[], bool], seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > end:
            raise AssertionError(f"waited {seconds:g} s for {what}")
        time.sleep(0.05)


def _draft_answers(folder: Path) -> dict[str, Any]:
    """The answers in the one draft of a new profile (``new-<random>.toml``) in ``folder``."""
    try:
        (path,) = folder.glob("new-*.toml")
        return tomllib.loads(path.read_text())["answers"]  # type: ignore[no-any-return]
    except (OSError, ValueError, tomllib.TOMLDecodeError, KeyError):
        return {}


@pytest.mark.slow
async def test_the_draft_survives_sigkill(profiles_dir: Path) -> None:
    try:
        master, slave = pty.openpty()
    except OSError as exc:
        pytest.skip(f"no pseudo-terminal here: {exc}")
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {
        **os.environ,
        "DESKFIT_PROFILES_DIR": str(profiles_dir),
        "TERM": "xterm-256color",
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", "from deskfit.cli import main; main()"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,  # its own session: nothing of the test run shares its signals
    )
    os.close(slave)
    screen = bytearray()

    def drain() -> None:  # the app blocks if nobody reads what it draws
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            screen.extend(chunk)

    def press(keys: bytes) -> None:
        """Send keys and wait until the app has drawn their effect and gone quiet.

        Keys that arrive in one burst all go to the widget focused before the burst, so
        a key that moves the focus must be seen through before the next is typed.
        """
        drawn = len(screen)
        os.write(master, keys)
        _wait("the app to answer a key", lambda: len(screen) > drawn)
        quiet = (len(screen), time.monotonic())
        while time.monotonic() - quiet[1] < 0.2:
            time.sleep(0.02)
            if len(screen) != quiet[0]:
                quiet = (len(screen), time.monotonic())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    draft = profiles_dir / ".drafts"
    try:
        _wait("the start screen", lambda: b"New profile" in screen)
        os.write(master, b"\x0e")  # ctrl+n: a new profile, the name box focused
        _wait("the first step", lambda: b"Your height" in screen)
        os.write(master, b"Killed desk")
        _wait("the name in the draft", lambda: "Killed desk" in str(_draft_answers(draft)))
        press(b"\t")  # to the units
        press(b"\t")  # to the height
        os.write(master, b"181")
        _wait(
            "the height in the draft",
            lambda: _draft_answers(draft).get("body", {}).get("stature_cm") == 181,
        )
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        os.close(master)
        reader.join(timeout=5)

    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        row = (await listed(pilot))[0]
        assert "Killed desk" in row and "unfinished" in row
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert shown(pilot, "profile", "name") == "Killed desk"
        assert shown(pilot, "body", "stature_cm") == "181"
