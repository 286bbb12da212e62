"""The side view for a terminal: the scene's shapes as half-block cells, labels at the left.

Each cell is two pixels, one above the other (``▀`` in the top one's colour over the
bottom one's), so a pixel is about as wide as it is tall and a filled shape stays filled.
The cells carry the *kind* of thing in each half, not a colour: the widget picks colours
for the theme. Heights are to scale (the floor is the last pixel row); widths are fitted
to the space, stretched or squeezed a little when the panel's shape asks for it.

Labels sit in a column at the left, each on the row of the height it names (nudged a row
when two would share one), with a dotted leader to the thing. After the plan a height the
plan changes is bold, with ▲ ▼ (raised, lowered) or + (new) before its number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from deskfit.core.present.scene_layout import spread
from deskfit.core.present.scene_shapes import Circle, Frame, Kind, Label, Rect, Scene, Shape

MIN_WIDTH, MIN_HEIGHT = 24, 8
TOO_SMALL = "(make the window larger to see the drawing)"
MARKS = {"up": "▲", "down": "▼", "new": "+", "": ""}
SHORT_NAMES = {"screen top": "screen", "2nd screen": "2nd"}  # "stool" would not say what it is
MAX_STRETCH = 1.6  # how much wider than tall a pixel may be drawn before space is left


@dataclass(frozen=True)
class Cell:
    """One character: ``fg`` and ``bg`` are kinds of things ("chair", "desk", ...), or
    "leader" / "changed" for label ink; None is the panel's own colour."""

    char: str = " "
    fg: str | None = None
    bg: str | None = None
    bold: bool = False


Rows = tuple[tuple[Cell, ...], ...]


@lru_cache(maxsize=32)
def rasterise(
    scene: Scene, width: int, height: int, frame: Frame | None = None, column: int | None = None
) -> Rows:
    """``height`` rows of ``width`` cells. Panels side by side share a ``frame`` (one
    scale) and a label ``column`` width (see ``label_column``), so their drawings line up."""
    if width <= 0 or height <= 0:  # not laid out yet
        return ()
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        note = tuple(Cell(c, "leader") if c != " " else Cell() for c in TOO_SMALL[:width])
        return (note + (Cell(),) * (width - len(note)),) + ((Cell(),) * width,) * (height - 1)
    frame = frame or scene.frame
    column = column or label_column([scene], width)
    grid = _Grid(frame, width - column, 2 * height)
    for shape in scene.shapes:
        grid.draw(shape)
    cells = [[grid.cell(i, row) for i in range(grid.width)] for row in range(height)]
    rows = [[Cell()] * column + line for line in cells]
    _place_labels(rows, scene.labels, grid, column)
    return tuple(tuple(row) for row in rows)


class _Grid:
    """Pixels of kinds: the floor is the last row, ``top`` of the frame the first."""

    def __init__(self, frame: Frame, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.frame = frame
        self.sy = (height - 1) / frame.top  # pixels per cm up; the last row is the floor
        self.sx = min(width / frame.width, self.sy * MAX_STRETCH)
        self.px: list[list[Kind | None]] = [[None] * width for _ in range(height)]

    def col(self, x: float) -> float:
        return (x - self.frame.left) * self.sx

    def row(self, y: float) -> float:
        return (self.frame.top - y) * self.sy

    def label_row(self, y: float) -> int:
        """The pixel row of the top of a thing whose top is at ``y``."""
        return min(self.height - 2, max(0, math.ceil(self.row(y) - 0.5)))

    def draw(self, shape: Shape) -> None:
        if shape.kind == "floor":
            self.px[-1] = ["floor"] * self.width
        elif isinstance(shape, Rect):
            for j in _span(self.row(shape.top), self.row(shape.y), self.height - 1):
                for i in _span(self.col(shape.x), self.col(shape.right), self.width):
                    self.px[j][i] = shape.kind
        elif isinstance(shape, Circle):
            self._stroke(shape.kind, [(shape.x, shape.y)], 2 * shape.r, dashed=False)
        else:
            self._stroke(shape.kind, list(shape.points), shape.width, shape.dashed)

    def _stroke(
        self, kind: Kind, points: list[tuple[float, float]], width: float, dashed: bool
    ) -> None:
        """Every pixel whose centre is within half the width of the line (at least half a
        pixel, so thin lines stay unbroken); a dashed line keeps every other stretch."""
        pts = [(self.col(x), self.row(y)) for x, y in points]
        if len(pts) == 1:
            pts.append(pts[0])
        radius = max(0.5, width * (self.sx + self.sy) / 4)
        along = 0.0
        for (x0, y0), (x1, y1) in pairwise(pts):
            length = math.hypot(x1 - x0, y1 - y0)
            first = max(0, math.ceil(min(y0, y1) - radius - 0.5))
            last = min(self.height - 2, math.floor(max(y0, y1) + radius - 0.5))
            for j in range(first, last + 1):
                span = _capsule_span(x0, y0, x1, y1, radius, j + 0.5)
                if span is None:
                    continue
                for i in range(
                    max(0, math.ceil(span[0] - 0.5)), min(self.width, math.floor(span[1] - 0.5) + 1)
                ):
                    if dashed and (along + _along(x0, y0, x1, y1, i + 0.5, j + 0.5)) % 3 >= 1.5:
                        continue
                    self.px[j][i] = kind
            along += length

    def cell(self, i: int, row: int) -> Cell:
        top, bottom = self.px[2 * row][i], self.px[2 * row + 1][i]
        if top is None and bottom is None:
            return Cell()
        if top == bottom:
            return Cell("█", top)
        if top is None:
            return Cell("▄", bottom)
        return Cell("▀", top, bottom)


def _capsule_span(
    x0: float, y0: float, x1: float, y1: float, r: float, y: float
) -> tuple[float, float] | None:
    """Where the row at height ``y`` crosses the points within ``r`` of the segment: an
    interval, since that shape (two discs and the band between them) is convex. Its ends
    lie on the end discs or on the band's two edges."""
    xs: list[float] = []
    for cx, cy in ((x0, y0), (x1, y1)):
        if abs(y - cy) <= r:
            half = math.sqrt(r * r - (y - cy) ** 2)
            xs += [cx - half, cx + half]
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    if length and dy:
        nx, ny = -dy / length * r, dx / length * r  # the band's edges: the segment ± n
        for sign in (1.0, -1.0):
            t = (y - y0 - sign * ny) / dy
            if 0.0 <= t <= 1.0:
                xs.append(x0 + sign * nx + t * dx)
    return (min(xs), max(xs)) if xs else None


def _along(x0: float, y0: float, x1: float, y1: float, x: float, y: float) -> float:
    """How far along the segment the point nearest (x, y) is."""
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    if not length2:
        return 0.0
    t = min(1.0, max(0.0, ((x - x0) * dx + (y - y0) * dy) / length2))
    return t * math.sqrt(length2)


def _span(start: float, end: float, limit: int) -> range:
    """The pixels whose centres lie in [start, end]; a thing thinner than a pixel is still
    drawn, in the pixel its top (or left) edge would start (where its label points), and
    one lying on the floor (a mat) in the pixel above it rather than under the floor."""
    first, last = math.ceil(start - 0.5), math.floor(end - 0.5)
    if last < first:
        first = last = min(first, limit - 1)
    return range(max(0, first), min(limit, last + 1))


def _preferred(label: Label) -> str:
    return f"{SHORT_NAMES.get(label.name, label.name)} {MARKS[label.change]}{label.value}"


def label_texts(label: Label) -> list[str]:
    """What a label can say, longest first: "screen top ▲127.5 cm" … "127.5"."""
    mark = MARKS[label.change]
    number = label.value.rsplit(" ", 1)[0]
    names = [label.name, SHORT_NAMES.get(label.name, label.name)]
    out: list[str] = []
    for value in (label.value, number):
        for name in names:
            text = f"{name} {mark}{value}"
            if text not in out:
                out.append(text)
    return [*out, f"{mark}{number}"]


def label_column(scenes: list[Scene], width: int) -> int:
    """Room for the labels with their short names and units ("screen 127.5 cm"), at most
    a third of the panel; the leader's first dot takes one more column."""
    labels = [label for scene in scenes for label in scene.labels]
    wanted = max((len(_preferred(label)) for label in labels), default=0)
    return min(wanted, max(8, width // 3)) + 1


def _place_labels(
    rows: list[list[Cell]], labels: tuple[Label, ...], grid: _Grid, column: int
) -> None:
    ordered = sorted(labels, key=lambda label: -label.y)
    wanted = [grid.label_row(label.y) / 2 for label in ordered]
    at = spread([float(int(w)) for w in wanted], [1.0] * len(ordered), 0, len(rows) - 1)
    room = column - 1
    for label, y in zip(ordered, at, strict=True):
        row = rows[min(len(rows) - 1, round(y))]
        text = next((t for t in label_texts(label) if len(t) <= room), "")
        changed = bool(label.change)
        start = column - 1 - len(text)
        for k, ch in enumerate(text):
            ink = "changed" if ch in "▲▼+" and changed else label.kind
            row[start + k] = Cell(ch, ink, None, changed) if ch != " " else Cell()
        _leader(row, label, grid, column)


def _leader(row: list[Cell], label: Label, grid: _Grid, column: int) -> None:
    """Dots from the label towards its thing, over empty cells only, stopping at the first
    cell of the thing's own kind (or where the leader would meet it)."""
    end = column + min(grid.width - 1, int(grid.col(label.x)))
    for i in range(column - 1, end):
        cell = row[i]
        if label.kind in (cell.fg, cell.bg):
            return
        if cell == Cell():
            row[i] = Cell("·", "leader")
