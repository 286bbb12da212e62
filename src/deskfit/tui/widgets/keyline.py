"""The screen's keys in one line at the bottom, each one clickable, like Textual's Footer.

Why not ``Footer``: it recomposes on every focus and bindings change, and each of its key
widgets restyles, some 250 stylesheet applications on every step change (about a third
of the time from Ctrl+N to the next step, measured with ``bench/wizard_bench.py``). The
wizard's keys do not change while a step is shown, so they are written once, when the
screen is first shown; a click runs the key whose text is under the pointer.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import events
from textual.widgets import Static

from deskfit.tui.widgets.app_watch import forget_app_watchers, watch_app

GAP = 2  # spaces between two keys


class KeyLine(Static):
    """Each shown binding of the screen as "key Description"."""

    DEFAULT_CSS: ClassVar[str] = """
    KeyLine {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__(markup=True)
        self._spans: list[tuple[int, int, str]] = []  # (first column, end column, action)

    def on_mount(self) -> None:
        self.call_after_refresh(self.show_keys)
        watch_app(self, "theme", self.show_keys)

    def on_unmount(self) -> None:
        forget_app_watchers(self)

    def show_keys(self) -> None:
        """Write the keys the screen offers now (its own, then the app's)."""
        parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        seen: set[str] = set()
        column = 0
        # the theme's own key colour, as the Footer shows keys (blue in light, orange in
        # dark), named rather than resolved: resolved here, on a theme change, it was the
        # colour of the theme being left (orange on the light theme's grey)
        colour = "$footer-key-foreground"
        for node, binding, enabled, _ in self.screen.active_bindings.values():
            if not (binding.show and enabled and binding.description):
                continue
            action = binding.action
            if "." not in action:
                action = f"{'app' if node is self.app else 'screen'}.{action}"
            if action in seen:  # "escape,ctrl+b": the first key says it
                continue
            seen.add(action)
            key = self.app.get_key_display(binding)
            width = len(key) + len(binding.description)
            spans.append((column, column + width, action))
            parts.append(f"[b {colour}]{escape(key)}[/]{escape(binding.description)}")
            column += width + GAP
        self._spans = spans
        self.update((" " * GAP).join(parts))

    async def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.run_action(action)
                return
