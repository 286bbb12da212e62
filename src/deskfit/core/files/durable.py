"""Syncing files to the disk from a thread, a little after they were written.

The wizard writes its draft on every key: written and renamed at once (a killed process
loses nothing), synced here (so a power cut loses at most the last ``delay`` seconds)
without the UI thread ever waiting on the disk.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

DELAY = 1.0  # seconds between a write and its sync: one sync for a burst of keys


def sync_folder(folder: Path) -> None:
    """fsync a folder, so that a rename in it is on the disk."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def sync_file(path: Path) -> None:
    """fsync ``path`` and its folder; a file gone in between is nothing to sync."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    sync_folder(path.parent)


class Syncer:
    """Syncs each file it is given ``delay`` seconds later, in a daemon thread of its own."""

    def __init__(self, delay: float = DELAY) -> None:
        self.delay = delay
        self._due: dict[Path, float] = {}
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self._syncing = threading.Lock()  # held while a sync is under way, by either side
        self.synced = 0  # how many syncs were done (for the tests)

    def soon(self, path: Path) -> None:
        with self._wake:
            self._due.setdefault(path, time.monotonic() + self.delay)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deskfit-sync", daemon=True)
                self._thread.start()
            self._wake.notify()

    def flush(self) -> None:
        """Sync everything waiting, now, on the calling thread (before the app exits);
        a sync the thread has under way is waited for."""
        with self._syncing:
            with self._wake:
                due, self._due = list(self._due), {}
            for path in due:
                sync_file(path)
                self.synced += 1

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._due:
                    self._wake.wait()
                now = time.monotonic()
                ready = [p for p, t in self._due.items() if t <= now]
                if not ready:
                    self._wake.wait(min(self._due.values()) - now)
                    continue
            with self._syncing:
                with self._wake:  # taken under the sync lock: flush() sees them or waits
                    ready = [p for p in ready if self._due.pop(p, None) is not None]
                for path in ready:
                    sync_file(path)
                    self.synced += 1
