"""What a profile file held when the wizard read it, and why a save failed, in words.

Two deskfit processes may edit the same profile. Each remembers the SHA-256 of the bytes
it read (and their mtime); before saving over the file it compares them with the file
now, and asks instead of silently replacing someone else's changes. No textual here.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from deskfit.core.files.store import MAX_FILE_BYTES, Loaded, digest, load_profile


@dataclass(frozen=True)
class DiskStamp:
    """A file's content as last read or written by this wizard."""

    sha256: str
    mtime_ns: int = 0


def stamp_of(path: Path) -> DiskStamp | None:
    """The file as it is now; None when it is missing, unreadable or not a regular file.

    Opened non-blocking and checked before reading, so a named pipe never hangs here.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        data = os.read(fd, MAX_FILE_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return DiskStamp(digest(data), info.st_mtime_ns)


def load_stamped(path: Path) -> tuple[Loaded, DiskStamp]:
    """Load a profile and the stamp of the very bytes it was read from (the loader hashes
    what it parsed: a file changed a moment later no longer matches, so a save asks)."""
    loaded = load_profile(path)  # ProfileFileError goes to the caller
    return loaded, DiskStamp(loaded.sha256, loaded.mtime_ns)


def changed_since(path: Path, stamp: DiskStamp | None) -> bool:
    """True when ``path`` holds other bytes than ``stamp`` says (a missing file has not)."""
    if stamp is None:
        return False
    now = stamp_of(path)
    return now is not None and now.sha256 != stamp.sha256


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EACCES: "permission denied — you may not write in that folder",
    errno.EPERM: "permission denied — you may not write in that folder",
    errno.EROFS: "the disk is read-only",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EISDIR: "that is a folder, not a file",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ENOENT: "the folder does not exist",
    errno.EIO: "the disk reported an input/output error",
}

_WHAT_TO_DO = {
    errno.ENOSPC: "Free some space and save again, or save somewhere else.",
    errno.EDQUOT: "Free some space and save again, or save somewhere else.",
    errno.EACCES: "Save to a folder you can write to.",
    errno.EPERM: "Save to a folder you can write to.",
    errno.EROFS: "Save to another disk.",
}


def save_failure(exc: OSError, path: Path) -> str:
    """Why saving to ``path`` failed and what to do, for a person."""
    code = exc.errno if isinstance(exc.errno, int) else -1
    reason = _REASONS.get(code)
    detail = exc.strerror or str(exc)
    if reason is None:
        reason = detail[:1].lower() + detail[1:]
    elif detail and detail.lower() not in reason.lower():
        reason = f"{reason} ({detail.lower()})"
    todo = _WHAT_TO_DO.get(code, "Try again, or save somewhere else.")
    return f"Not saved to {path}: {reason}. {todo}"
