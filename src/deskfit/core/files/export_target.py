"""Where an export (or a report) may be written: one policy for the wizard and the CLI.

An export is text for people; it must never cost anyone a file. So it is written only
as a new file or over a *regular* file that is not a profile, and only when the person
said so (``--force``, or the wizard's confirm). Never over a profile, a symbolic link
(its target could be anything, even a profile or /etc/passwd), a device, a named pipe, a
socket or a folder; never into a folder that does not exist (a typo must not create a
tree). ``-`` means standard output; the caller handles it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from deskfit.core.files.store import file_kind, name_in_file
from deskfit.core.model.shown_text import safe, safe_path

STDOUT = "-"


class Refused(Exception):
    """The export must not go there; the message says why and what to do.

    ``needs_confirm``: the only problem is an existing regular file, which ``--force``
    (or the dialog's confirm) may replace.
    """

    def __init__(self, message: str, *, needs_confirm: bool = False) -> None:
        super().__init__(message)
        self.needs_confirm = needs_confirm


def _means_the_screen(path: Path) -> bool:
    """/dev/stdout, /dev/tty and the like: a person who typed them wants the screen."""
    return str(path) in ("/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/fd/1", "/dev/fd/2")


def check_target(path: Path, *, replace: bool = False) -> None:
    """Refused unless an export may be written at ``path`` (``replace``: --force given)."""
    shown = safe_path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise Refused(f"cannot write {shown}: the folder {safe_path(folder)} {what}")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise Refused(f"cannot write {shown}: {(exc.strerror or str(exc)).lower()}") from None
    to_screen = " ('-' writes to the screen)" if _means_the_screen(path) else ""
    if stat.S_ISLNK(info.st_mode):
        raise Refused(
            f"{shown} is a symbolic link (to {safe(os.readlink(path))}); an export never "
            f"replaces or writes through a link: choose another file{to_screen}"
        )
    if not stat.S_ISREG(info.st_mode):
        raise Refused(
            f"{shown} is {file_kind(info.st_mode)}; an export only ever replaces a regular "
            f"file: choose another file{to_screen}"
        )
    other = name_in_file(path)  # a profile is known by what it holds, whatever its suffix
    if other is not None:
        raise Refused(
            f"{shown} holds the profile {safe(other)!r}; an export never replaces a "
            "profile: choose another file"
        )
    if not replace:
        raise Refused(f"{shown} already exists; use --force to replace it", needs_confirm=True)
