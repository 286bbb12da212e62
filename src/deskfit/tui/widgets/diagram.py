"""The side view of the workstation, redrawn to fit whatever size it is given."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from deskfit.core.session.diagram import Scene, draw_workstation


class PostureDiagram(Widget):
    """Draws the recommended set-up, or the current one (``showing``)."""

    showing: reactive[str] = reactive("recommended")

    def __init__(self, recommended: Scene, current: Scene, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scenes = {"recommended": recommended, "current": current}

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        lines = draw_workstation(self.scenes[self.showing], width, height)
        return Text("\n".join(lines), no_wrap=True, overflow="crop")

    def watch_showing(self, showing: str) -> None:
        self.border_title = "Recommended set-up" if showing == "recommended" else "As it is now"
        self.border_subtitle = "d: show now" if showing == "recommended" else "d: show advice"

    def toggle(self) -> None:
        self.showing = "current" if self.showing == "recommended" else "recommended"
