"""What every command prints and how: results on standard output, messages on standard
error, one line per error, no colour under NO_COLOR or TERM=dumb, and a closed or full
standard output reported rather than ignored.

Shared by ``cli.py`` and the command groups in modules of their own (``cli_config.py``,
``cli_completion.py``); light, like them: click and the standard library.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from typing import Any

import click


def no_colour(env: Mapping[str, str] | None = None) -> bool:
    """NO_COLOR set (https://no-color.org: present and not empty) or TERM=dumb."""
    env = os.environ if env is None else env
    return bool(env.get("NO_COLOR")) or env.get("TERM") == "dumb"


class UserError(click.ClickException):
    """A problem the person can fix; shown as one line (or one per problem)."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        # Shown after the context has closed, so say here what the context would.
        click.echo(f"deskfit: {self.format_message()}", err=True, color=colour())


def colour() -> bool | None:
    """``color=`` for click.echo: False under NO_COLOR / TERM=dumb, else click decides."""
    return False if no_colour() else None


class StdoutClosed(UserError):
    """Standard output is closed or cannot take the text (``>&-``, a full disk)."""


def out(text: str) -> None:
    """Write command output to standard output, or fail loudly: a closed or full stdout
    is an error (exit 1), never a silent success. A reader that went away (a pipe into
    ``head``) raises BrokenPipeError, which main() ends quietly."""
    stream = sys.stdout
    if stream is None:
        raise StdoutClosed("standard output is closed; nothing written")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "closed"
        raise StdoutClosed(f"cannot write to standard output: {reason.lower()}") from None


def report_after_success(text: str) -> None:
    """Output after the work is done (a saved profile): a reader that went away or a
    closed stdout does not undo it, so it does not change the exit status either."""
    try:
        out(text)
    except (BrokenPipeError, StdoutClosed):
        quiet_stdout()


def quiet_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit finds no broken pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def tolerant_streams() -> None:
    """Never die on a character the terminal's encoding lacks (LC_ALL=en_US.ISO-8859-1):
    such a character is written as a backslash escape instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


SIGPIPE_STATUS = 128 + 13  # what a shell reports for a writer ended by SIGPIPE
