"""The ``deskfit`` command: a bare ``deskfit`` starts the wizard at once; anything else
goes to the command line (``cli.py``).

A bare ``deskfit`` is what most people type, and the start screen should be up as fast
as a Textual app can paint: so this path imports neither click nor pydantic (the core
loads after the first paint, while the person reads the screen).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Sequence

NEEDS_TERMINAL = "the wizard needs a terminal; see 'deskfit --help' for the other commands"
COMPLETE_VAR = "_DESKFIT_COMPLETE"  # set by the shell completion script (cli_completion.py)
# What textual-serve (``deskfit serve``) sets: the wizard draws for a browser, over pipes.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def served() -> bool:
    """The wizard is run by ``deskfit serve`` for a browser tab, not in a terminal."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def has_screen() -> bool:
    """Somewhere to draw the wizard: a terminal on stdin and stdout, or a browser."""
    return served() or (sys.stdin.isatty() and sys.stdout.isatty())


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    args = list(sys.argv[1:] if argv is None else argv)
    # The shell asking for completions calls a bare ``deskfit`` too, with the words in
    # the environment: that is the command line's to answer, never the wizard's.
    if args or os.environ.get(COMPLETE_VAR):
        from deskfit.cli import main as command_line

        command_line(args)
        return
    sys.exit(bare())


def bare() -> int:
    """Start the wizard on the start screen; the exit status."""
    from deskfit.core.files.config import resolve
    from deskfit.core.files.folders import not_a_folder

    settings = resolve()  # its problems are the wizard's to show, once it is up
    folder = settings.profiles_dir
    problem = not_a_folder(folder, settings.origin("profiles_dir"))
    if problem is None and not has_screen():
        problem = NEEDS_TERMINAL
    if problem is not None:
        print(f"deskfit: {problem}", file=sys.stderr)
        return 1
    if served():
        # Ctrl+C in the server's terminal reaches its wizards too, and the server ends
        # them itself (a Ctrl+C typed in the browser comes as a key, not as a signal).
        # Textual's web driver makes SIGINT quit the app while it runs.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # No garbage collection until the start screen is painted: starting builds some
    # hundred thousand objects and no garbage worth a pass; the app freezes what it
    # built and turns collection back on after its first frame (``DeskfitApp``).
    gc.disable()
    try:
        from deskfit.tui.app import run_wizard

        run_wizard(folder, "start", None, settings)
    except KeyboardInterrupt:
        if served():
            return 0  # the server is stopping, and says so itself
        print("deskfit: interrupted", file=sys.stderr)
        return 130
    finally:
        if served():
            # The app's event loop hands SIGINT back to Python when it closes: a Ctrl+C
            # that stops the server as this wizard ends must not raise at the exit.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    return 0
