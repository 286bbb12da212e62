"""A terminal that hangs up ends the wizard, even when no SIGHUP reaches it.

Started from a wrapper (``make run``) the wizard may never get the hang-up signal, and
Textual's input thread would then spin on a tty that reads empty forever. The wizard
looks for its terminal every second and leaves (keeping its draft) when it is gone.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")


@pytest.mark.slow
def test_the_wizard_leaves_when_its_terminal_hangs_up(tmp_path: Path) -> None:
    try:
        master, slave = pty.openpty()
    except OSError as exc:
        pytest.skip(f"no pseudo-terminal here: {exc}")
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "DESKFIT_PROFILES_DIR": str(tmp_path), "TERM": "xterm-256color"}
    # A new session without the pty as its controlling terminal: closing the pty sends
    # no SIGHUP, as under a wrapper that does not pass the signal on.
    proc = subprocess.Popen(
        [sys.executable, "-c", "from deskfit.cli import main; main()"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    screen = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            screen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        end = time.monotonic() + 20
        while b"New profile" not in screen:
            assert time.monotonic() < end, "the start screen never appeared"
            assert proc.poll() is None, bytes(screen[-2000:]).decode(errors="replace")
            time.sleep(0.05)
        os.close(master)  # the terminal hangs up
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
