"""The side view of the workstation, now and after the plan (and standing, at a sit-stand
desk), in half-block cells.

The core rasterises the scene (``scene_raster``): each cell says which kind of thing is in
its top and bottom half. Here the kinds become colours for the theme in use, chosen to
stand out on the dark theme's near-black and the light theme's grey alike. With room for
every panel the drawing shows them side by side; otherwise as many as fit, and ``d``
moves on: Now → After the plan → Standing one at a time, or, with room for two of three,
Now and After ↔ After and Standing.
"""

from __future__ import annotations

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

# Panels side by side narrower than this would be too narrow to read: two from 84 columns,
# three from 126.
PANEL_MIN = 42
BOTH_FROM = 2 * PANEL_MIN
THREE_FROM = 3 * PANEL_MIN
IDS: dict[str, str] = {
    "current": "scene-now",
    "recommended": "scene-after",
    "standing": "scene-standing",
}
# What ``d`` shows next, as a panel's subtitle says it.
WORDS: dict[str, str] = {"current": "now", "recommended": "after the plan", "standing": "standing"}

# The kinds' colours on a dark and on a light background: the SVG's colours (chair dark
# grey, desk wood, screen black, person blue), lightened where the dark theme needs it.
DARK = {
    "person": "#5aa2f0",
    "chair": "#8c8c8c",
    "cushion": "#b39ddb",
    "desk": "#c98c52",
    "keyboard": "#7f96a3",
    "monitor": "#e4e4e4",
    "second": "#a8a8a8",  # the main screen's tone, dimmer: the one beside it
    "footstool": "#5cbf6a",
    "mat": "#3fc1b0",
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
    "second": "#6f6f6f",
    "footstool": "#2b7a34",
    "mat": "#1e7a6e",
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

    def __init__(self, scene: Scene, every: list[Scene], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scene = scene
        self.border_title = scene.title
        # one scale and one label column for the panels on screen together, so they line
        # up side by side and a switch with ``d`` moves nothing but what the plan moves
        # (the diagram sets the frame for what it shows)
        self.frame: Frame = shared_frame(*every)
        self.every = every
        self._strips: tuple[tuple[int, int, int, str, Frame], list[Strip]] | None = None

    def render_line(self, y: int) -> Strip:
        strips = self.strips()
        return strips[y] if y < len(strips) else Strip.blank(self.size.width, self.rich_style)

    def strips(self) -> list[Strip]:
        """The drawing as lines, worked out once per size and theme."""
        width, height = self.size.width, self.size.height
        # the label column of the widest panel on screen (1fr each can differ by a
        # column): the same in every panel, whichever side it is on
        shown = [p.size.width for p in self.panels() if p.display and p.size.width]
        widest = max(shown, default=width)
        # the theme's name, not current_theme: that looks the theme up on every call, and
        # this runs for every line drawn
        key = (width, widest, height, self.app.theme, self.frame)
        if self._strips is not None and self._strips[0] == key:
            return self._strips[1]
        colours = palette(self.app.theme_variables, self.app.current_theme.dark)
        column = label_column(self.every, widest)
        rows = rasterise(self.scene, width, height, self.frame, column)
        base = self.rich_style
        strips = [Strip(_segments(row, colours, base), width) for row in rows]
        self._strips = (key, strips)
        return strips

    def panels(self) -> list[ScenePanel]:
        """The panels of the same drawing, this one among them."""
        parent = self.parent
        if parent is None:
            return [self]
        return [p for p in parent.children if isinstance(p, ScenePanel)]


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
    """Now, after the plan, and standing: side by side when there is room, else as many as
    fit, and ``d`` moves on."""

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
    """

    # the panel ``d`` has brought into view (with room for two of three, the pair it is in)
    showing: reactive[str] = reactive("recommended")

    def __init__(self, scenes: list[Scene], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scenes: dict[str, Scene] = {scene.which: scene for scene in scenes}
        self.order: list[str] = [scene.which for scene in scenes]
        self._legend = ""

    def compose(self) -> ComposeResult:
        every = list(self.scenes.values())
        with Horizontal(id="panels"):
            for which in self.order:
                yield ScenePanel(self.scenes[which], every, id=IDS[which])
        yield Static(id="legend", markup=True)

    def on_mount(self) -> None:
        # A first guess from the app's width (the step list takes about a quarter), so the
        # first layout is most likely the right one: each wrong guess costs a relayout.
        self._arrange(self.app.size.width * 3 // 4)
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

    def fits(self, width: int | None = None) -> int:
        """How many panels side by side: each needs ``PANEL_MIN`` columns."""
        width = self.size.width if width is None else width
        room = 3 if width >= THREE_FROM else 2 if width >= BOTH_FROM else 1
        return min(room, len(self.order))

    def shown(self, width: int | None = None) -> list[str]:
        """The panels drawn: as many as fit, in order, with the one ``d`` brought in."""
        fits = self.fits(width)
        at = self.order.index(self.showing) if self.showing in self.order else 0
        first = min(max(0, at - fits + 1), len(self.order) - fits)
        return self.order[first : first + fits]

    def on_resize(self) -> None:
        self._show_legend()
        self._arrange()

    def watch_showing(self) -> None:
        self._arrange()

    def _arrange(self, width: int | None = None) -> None:
        shown = self.shown(width)
        hint = "" if len(shown) == len(self.order) else f"d: show {WORDS[self._next(shown)]}"
        frame = self._frame(shown)
        for panel in self.query(ScenePanel):
            which = panel.scene.which
            panel.display = which in shown
            panel.border_subtitle = hint if which == shown[-1] else ""
            if panel.frame != frame:
                panel.frame = frame
                panel.refresh()

    def _frame(self, shown: list[str]) -> Frame:
        """Now and after the plan always at one scale; the standing figure, taller, sets
        a smaller one for the panels on screen with it."""
        sitting = [self.scenes[w] for w in self.order if w != "standing"]
        if "standing" in shown:
            return shared_frame(*self.scenes.values())
        return shared_frame(*sitting)

    def _next(self, shown: list[str]) -> str:
        """What ``d`` brings: the next panel; with two of three, the other pair's new one."""
        if len(shown) == 1:
            return self.order[(self.order.index(shown[0]) + 1) % len(self.order)]
        return self.order[0] if shown[-1] == self.order[-1] else self.order[-1]

    def toggle(self) -> None:
        shown = self.shown()
        if len(shown) == len(self.order):
            if len(self.order) == 2:
                self.notify("Both are drawn: now on the left, after the plan on the right.")
            else:
                self.notify("All three are drawn: now, after the plan, and standing.")
            return
        upcoming = self._next(shown)
        # two of three: back to the first pair with the panel the plan ends on in view
        self.showing = "recommended" if len(shown) == 2 and upcoming == self.order[0] else upcoming
