"""The side view of the workstation, now and after the plan, in half-block cells.

The core rasterises the scene (``scene_raster``): each cell says which kind of thing is in
its top and bottom half. Here the kinds become colours for the theme in use, chosen to
stand out on the dark theme's near-black and the light theme's grey alike. With room for
two panels the drawing shows both; otherwise one, and ``d`` switches.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from deskfit.core.present.scene import NAMES, Frame, Scene, shared_frame
from deskfit.core.present.scene_raster import Cell, label_column, rasterise
from deskfit.tui.widgets.app_watch import forget_app_watchers, watch_app

# Two panels side by side below this width would each be too narrow to read.
BOTH_FROM = 84

# The kinds' colours on a dark and on a light background: the SVG's colours (chair dark
# grey, desk wood, screen black, person blue), lightened where the dark theme needs it.
DARK = {
    "person": "#5aa2f0",
    "chair": "#8c8c8c",
    "cushion": "#b39ddb",
    "desk": "#c98c52",
    "keyboard": "#7f96a3",
    "monitor": "#e4e4e4",
    "footstool": "#5cbf6a",
    "sight": "#ff5f5f",
    "floor": "#6a6a6a",
}
LIGHT = {
    "person": "#1d62c4",
    "chair": "#4a4a4a",
    "cushion": "#7e57c2",
    "desk": "#92592a",
    "keyboard": "#4f6a78",
    "monitor": "#101010",
    "footstool": "#2b7a34",
    "sight": "#d01f1f",
    "floor": "#6e6e6e",
}


def palette(variables: dict[str, str], dark: bool) -> dict[str, str]:
    """Every ink a cell may name: the kinds, the leaders and the changed marks."""
    colours = dict(DARK if dark else LIGHT)
    # the theme's muted text, made opaque: Rich styles take no alpha
    background = Color.parse(variables.get("background", "#121212" if dark else "#e0e0e0"))
    foreground = Color.parse(variables.get("foreground", "#e0e0e0" if dark else "#1f1f1f"))
    colours["leader"] = background.blend(foreground, 0.55).hex
    colours["changed"] = Color.parse(variables.get("text-warning", "#ffa62b")).hex
    return colours


class ScenePanel(Widget):
    """One set-up, drawn to whatever size the panel is given."""

    DEFAULT_CSS = """
    ScenePanel {
        width: 1fr;
        height: 1fr;
        border: round $foreground 25%;
        border-title-color: $primary;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
    }
    """

    def __init__(self, scene: Scene, both: list[Scene], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scene = scene
        self.border_title = scene.title
        # one scale and one label column for both set-ups, so they line up side by side
        # and a switch with ``d`` moves nothing but what the plan moves
        self.frame: Frame = shared_frame(*both)
        self.both = both
        self._strips: tuple[tuple[int, int, str], list[Strip]] | None = None

    def render_line(self, y: int) -> Strip:
        strips = self.strips()
        return strips[y] if y < len(strips) else Strip.blank(self.size.width, self.rich_style)

    def strips(self) -> list[Strip]:
        """The drawing as lines, worked out once per size and theme."""
        width, height = self.size.width, self.size.height
        # the theme's name, not current_theme: that looks the theme up on every call, and
        # this runs for every line drawn
        key = (width, height, self.app.theme)
        if self._strips is not None and self._strips[0] == key:
            return self._strips[1]
        colours = palette(self.app.theme_variables, self.app.current_theme.dark)
        column = label_column(self.both, width)
        rows = rasterise(self.scene, width, height, self.frame, column)
        base = self.rich_style
        strips = [Strip(_segments(row, colours, base), width) for row in rows]
        self._strips = (key, strips)
        return strips


def _segments(row: tuple[Cell, ...], colours: dict[str, str], base: Style) -> list[Segment]:
    out: list[Segment] = []
    for cell in row:
        style = base + Style(
            color=colours[cell.fg] if cell.fg else None,
            bgcolor=colours[cell.bg] if cell.bg else None,
            bold=cell.bold or None,
        )
        if out and out[-1].style == style:
            out[-1] = Segment(out[-1].text + cell.char, style)
        else:
            out.append(Segment(cell.char, style))
    return out


def legend_items(scenes: list[Scene], dark: bool) -> list[tuple[str, int]]:
    """Each kind drawn as a coloured swatch and its name: (markup, width)."""
    colours = DARK if dark else LIGHT
    kinds = [k for k in NAMES if any(k in s.kinds() for s in scenes)]
    items = [
        (f"[{colours[k]}]{'┄┄' if k == 'sight' else '██'}[/] {NAMES[k]}", 3 + len(NAMES[k]))
        for k in kinds
    ]
    # the theme's own variable: resolved here, on a theme change, it would be the old theme's
    return [*items, ("[b $text-warning]▲▼+[/] changed", 11)]


def wrap_items(items: list[tuple[str, int]], width: int, gap: int = 2) -> str:
    """The items in lines of at most ``width`` columns, never splitting one: a swatch stays
    with its name (Textual's wrapping would break at any space)."""
    lines: list[list[str]] = [[]]
    used = 0
    for markup, size in items:
        if lines[-1] and used + gap + size > width:
            lines.append([])
            used = 0
        used += (gap if lines[-1] else 0) + size
        lines[-1].append(markup)
    return "\n".join((" " * gap).join(line) for line in lines)


class PostureDiagram(Widget):
    """Now and after the plan: side by side when there is room, else one and ``d``."""

    DEFAULT_CSS = """
    PostureDiagram {
        layout: vertical;
    }
    PostureDiagram #panels {
        height: 1fr;
    }
    PostureDiagram #legend {
        height: auto;
        color: $text-muted;
        padding: 0 1;
    }
    PostureDiagram.-one ScenePanel {
        display: none;
    }
    PostureDiagram.-one.-now #scene-now, PostureDiagram.-one.-after #scene-after {
        display: block;
    }
    """

    showing: reactive[str] = reactive("recommended")
    SUBTITLES: ClassVar[dict[str, str]] = {
        "recommended": "d: show now",
        "current": "d: show after the plan",
    }

    def __init__(self, current: Scene, recommended: Scene, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-after")
        self.scenes = {"current": current, "recommended": recommended}
        self._legend = ""

    def compose(self) -> ComposeResult:
        both = [self.scenes["current"], self.scenes["recommended"]]
        with Horizontal(id="panels"):
            for which, id_ in (("current", "scene-now"), ("recommended", "scene-after")):
                yield ScenePanel(self.scenes[which], both, id=id_)
        yield Static(id="legend", markup=True)

    def on_mount(self) -> None:
        # A first guess from the app's width (the step list takes about a quarter), so the
        # first layout is most likely the right one: each wrong guess costs a relayout.
        self.set_class(self.app.size.width * 3 // 4 < BOTH_FROM, "-one")
        watch_app(self, "theme", self._show_legend)

    def on_unmount(self) -> None:
        forget_app_watchers(self)

    def _show_legend(self) -> None:
        items = legend_items(list(self.scenes.values()), self.app.current_theme.dark)
        width = max(20, self.size.width - 2)  # the legend's padding
        legend = wrap_items(items, width)
        if legend != self._legend:  # an update lays the review out again
            self._legend = legend
            self.query_one("#legend", Static).update(legend)

    @property
    def both(self) -> bool:
        return self.size.width >= BOTH_FROM

    def on_resize(self) -> None:
        self._show_legend()
        self.set_class(not self.both, "-one")
        self._subtitles()

    def watch_showing(self, showing: str) -> None:
        self.set_class(showing == "current", "-now")
        self.set_class(showing == "recommended", "-after")
        self._subtitles()

    def _subtitles(self) -> None:
        for which, id_ in (("current", "#scene-now"), ("recommended", "#scene-after")):
            for panel in self.query(id_):
                panel.border_subtitle = "" if self.both else self.SUBTITLES[which]

    def toggle(self) -> None:
        if self.both:
            self.notify("Both are drawn: now on the left, after the plan on the right.")
            return
        self.showing = "current" if self.showing == "recommended" else "recommended"
