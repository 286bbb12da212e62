"""An advisory lock over the saves into one folder, so two writers never lose an update.

Every read-modify-write of a profile (the wizard's save, ``deskfit set``) holds this lock
from the moment it compares the file with what it read until the new file is renamed in.

Why the folder and ``fcntl.flock``: a save replaces the profile by renaming a new file
over it, so the profile's inode changes on every save and a lock taken on the old inode
would not stop a writer who opened the new one. The folder is the one thing that stays;
locking it needs no extra lock file (nothing left behind, no file whose permissions a
shared team folder would have to get right) and only read access to the folder. flock
locks are released by the kernel when the process dies, so a killed save never leaves a
stale lock. Where flock is missing (Windows) or refused (some network file systems) the
save goes on unlocked, still guarded by the content check made right before the rename.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 10.0  # a save takes milliseconds; this long means a writer is stuck


class FolderBusy(OSError):
    """Another process held the folder's lock for longer than WAIT_SECONDS."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"another program has been saving in {folder} for over {WAIT_SECONDS:g} s")
        self.folder = folder


_held: dict[str, int] = {}  # folder -> how many times this process holds it (re-entrant)
_guard = threading.RLock()


@contextlib.contextmanager
def folder_locked(folder: Path) -> Iterator[None]:
    """Hold the exclusive save lock of ``folder`` for the block (re-entrant in a process)."""
    key = os.path.abspath(folder)
    with _guard:
        if _held.get(key):
            _held[key] += 1
            try:
                yield
            finally:
                _held[key] -= 1
            return
        fd = _open(folder)
        try:
            if fd is not None:
                _acquire(fd, folder)
            _held[key] = 1
            try:
                yield
            finally:
                _held.pop(key, None)
        finally:
            if fd is not None:
                os.close(fd)  # closing the descriptor releases the lock


def _open(folder: Path) -> int | None:
    if fcntl is None:
        return None
    try:
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None  # a folder we may write but not read: the content check still guards


def _acquire(fd: int, folder: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    delay = 0.001
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise FolderBusy(folder) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        except OSError:
            return  # flock not supported here (ENOLCK, EINVAL): unlocked, content-checked
