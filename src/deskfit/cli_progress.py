"""The report's progress on a terminal: a bar, the count, the rate and the time left.

Written to stderr over itself (``\\r``), at most ten times a second, and only when stderr
is a terminal: piped or redirected, a report prints nothing but its result.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import click

BAR = 24  # characters of the bar
EVERY = 0.1  # seconds between two redraws


def progress_line(done: int, total: int, elapsed: float) -> str:
    """'  [##########--------------] 420/1,000 profiles · 350/s · 2 s left'."""
    total = max(total, done, 1)
    filled = round(BAR * done / total)
    bar = "#" * filled + "-" * (BAR - filled)
    words = f"  [{bar}] {done:,}/{total:,} profiles"
    if elapsed > 0 and done:
        rate = done / elapsed
        left = (total - done) / rate
        words += f" · {rate:,.0f}/s · {_duration(left)} left"
    return words


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


class Progress:
    """Calls of ``update(done)`` drawn as one line on stderr; ``finish()`` ends it."""

    def __init__(self, total: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.clock = clock
        self.started = clock()
        self.shown_at = -EVERY
        self.done = 0
        self.width = 0

    def update(self, done: int) -> None:
        self.done = done
        now = self.clock()
        if now - self.shown_at >= EVERY:
            self._draw(now)

    def finish(self) -> None:
        self._draw(self.clock())
        click.echo(err=True)

    def _draw(self, now: float) -> None:
        line = progress_line(self.done, self.total, now - self.started)
        pad = " " * max(0, self.width - len(line))  # a shorter line wipes the longer one
        click.echo(f"\r{line}{pad}", err=True, nl=False)
        self.width = len(line)
        self.shown_at = now
