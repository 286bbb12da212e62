"""A one-line input that takes a pasted block as one clean line.

Its own module, with nothing of the core: the dialogs use it, and they are imported
before the first paint.
"""

from __future__ import annotations

import re
import unicodedata

from textual import events
from textual.screen import Screen
from textual.widgets import Input

PASTE_LIMIT = 200  # characters kept of a paste: far more than any answer needs
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")


def one_line(text: str, limit: int = PASTE_LIMIT) -> str:
    """Pasted text as one line: breaks and tabs become spaces, control characters go.

    Only control characters, colour codes and what is beyond ``limit`` are dropped: a
    block pasted into a number field shows up whole, and its message says why it cannot
    be read, rather than its first line passing for the answer.
    """
    text = _ANSI.sub("", text)
    text = _BREAKS.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
    text = re.sub(r" {2,}", " ", text).strip()
    return text[:limit]


class OneLineInput(Input):
    """An input that takes a pasted block as one clean line (Input keeps the first line).

    It also lets go of its screen's text-selection signal when it is removed: Input
    subscribes on mount and never unsubscribes, so every removed input (a step's form is
    dropped and built again as a person walks the wizard) stayed alive, with its render
    caches, until the person next selected text with the mouse.
    """

    _signal_screen: Screen[object] | None = None

    def on_mount(self) -> None:
        self._signal_screen = self.screen

    def on_unmount(self) -> None:
        if self._signal_screen is not None:
            self._signal_screen.text_selection_started_signal.unsubscribe(self)
            self._signal_screen = None

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler would insert the raw first line too
        event.stop()
        line = one_line(event.text)
        if not line:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(line)
        else:
            self.replace(line, *selection)
