"""Replacing a profile file the way its owner left it.

A save writes a new file and renames it over the old one (atomic: a reader sees the old
bytes or the new). Done naively that changes what the file *was*: a symbolic link becomes
a plain file, a group-readable file in a shared folder becomes 0600 and owned by whoever
saved last, a read-only file is quietly rewritten, and hard links are split. Here a save
first works out what it replaces and how to keep it; what cannot be kept is refused with
the reason, never done silently.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from deskfit.core.model.shown_text import safe_path


class CannotReplace(OSError):
    """The file exists but must not be replaced by a save; the message says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{safe_path(path)} {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Target:
    """Where a save really writes, and the file it replaces (None when it is new)."""

    path: Path  # the real file: a symbolic link's target, never the link itself
    existing: os.stat_result | None

    @property
    def mode(self) -> int:
        """The new file's permissions: the old file's, or 0600 for a new one."""
        return stat.S_IMODE(self.existing.st_mode) if self.existing is not None else 0o600


def save_target(path: Path) -> Target:
    """The file a save of ``path`` replaces, or CannotReplace saying why it must not."""
    real = Path(os.path.realpath(path)) if os.path.islink(path) else path
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return Target(real, None)
    if stat.S_ISDIR(info.st_mode):
        raise CannotReplace(path, "is a folder, not a profile file")
    if not stat.S_ISREG(info.st_mode):
        raise CannotReplace(path, "is not a regular file: a profile is saved only over a file")
    # The mode, not only access(): root may write anything, and a rename replaces a file
    # whatever its mode; 0444 is still the owner's "do not change this".
    if not os.access(real, os.W_OK) or not stat.S_IMODE(info.st_mode) & 0o222:
        raise CannotReplace(
            path,
            f"is read-only (mode {stat.S_IMODE(info.st_mode):04o}): not saved. Make it "
            "writable (chmod u+w) if it should change",
        )
    if info.st_nlink > 1:
        raise CannotReplace(
            path,
            f"has {info.st_nlink} hard links: a save writes a new file, so the other "
            f"{info.st_nlink - 1} would keep the old answers. Not saved: replace the hard "
            "links with symbolic links (deskfit writes through those) to share the file",
        )
    return Target(real, info)


def keep_owner(fd: int, existing: os.stat_result | None) -> None:
    """Give the new file the old one's permissions, group and, where allowed, owner."""
    if existing is None:
        return
    os.fchmod(fd, stat.S_IMODE(existing.st_mode))
    if not hasattr(os, "fchown"):
        return
    try:
        os.fchown(fd, existing.st_uid, existing.st_gid)  # only root may give a file away
    except PermissionError:
        with contextlib.suppress(PermissionError):  # a group member may keep the group
            os.fchown(fd, -1, existing.st_gid)
    # fchown clears set-user/group-id bits; set the mode again so it is exactly the old one
    with contextlib.suppress(PermissionError):
        os.fchmod(fd, stat.S_IMODE(existing.st_mode))
