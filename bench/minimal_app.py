"""The baseline for the wizard figures: a minimal Textual app showing one Static.

Run as ``python bench/minimal_app.py``; it paints ``MINIMAL_TEXT`` and waits for Ctrl+Q.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MINIMAL_TEXT = "minimal textual app ready"


class MinimalApp(App[None]):
    """One Static, nothing else."""

    def compose(self) -> ComposeResult:
        yield Static(MINIMAL_TEXT)


if __name__ == "__main__":
    MinimalApp().run()
