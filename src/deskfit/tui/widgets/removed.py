"""Letting the memory of removed widgets go.

Two things kept the widgets a screen had removed (a step's form let go of as the person
walks on, a review rebuilt after a change):

- ``StylesCache.get_inner_outer`` in Textual is an ``lru_cache`` on an instance method
  (Textualize/textual#6665, open at 8.2.8), so it keeps the style caches of the last
  1,024 widgets drawn alive, with every line each of them drew. Emptying it lets them
  go; it fills again, cheaply (two styles per colour pair), at the next frame.
- A widget is a web of cycles (parent and children, styles and node, handlers), so only
  a full pass of the garbage collector frees it, and Python runs one rarely: a walk
  through the wizard left a form's worth of garbage (about 1 MiB) per step. A pass costs
  tens of milliseconds, so it runs once the person has paused (``QUIET``), not on the
  key that removed the form.
"""

from __future__ import annotations

import gc
from typing import Any
from weakref import WeakKeyDictionary

from textual._styles_cache import StylesCache
from textual.app import App
from textual.timer import Timer

QUIET = 0.2  # seconds without another removal before the collector runs

_pending: WeakKeyDictionary[App[Any], Timer] = WeakKeyDictionary()  # one per app


def forget_removed_widgets() -> None:
    """Empty Textual's per-widget style cache (if this Textual has it), then collect."""
    cache_clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if cache_clear is not None:
        cache_clear()
    gc.collect()


def forget_removed_soon(app: App[Any]) -> None:
    """Call ``forget_removed_widgets`` once ``app`` has removed nothing for ``QUIET``."""
    timer = _pending.pop(app, None)
    if timer is not None:
        timer.stop()

    def run() -> None:
        _pending.pop(app, None)
        forget_removed_widgets()

    _pending[app] = app.set_timer(QUIET, run)
