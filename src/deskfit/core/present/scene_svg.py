"""The side view as one self-contained SVG: "Now" and "After the plan" side by side, and
"Standing (after the plan)" beside them at a sit-stand desk.

Drawn in centimetres (the viewBox is the scene's own units, so it is to scale) and sized
``width="100%"`` so an HTML page scales it to its column; the label text is large enough
to read when the whole drawing is printed about 17 cm wide. Styles are attributes, not a
stylesheet, so the page it is put in cannot restyle it, and every text is escaped.

The panels share one scale and one floor line, so equal heights sit level across them.
The two sitting panels show the same stretch of floor; the standing one only what it
needs (no chair), and each panel's label margins are as wide as its own labels, so three
panels fit the width of a page with text still large enough to read.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from deskfit.core.engine.advice import Advice
from deskfit.core.present.scene import (
    NAMES,
    Circle,
    Frame,
    Kind,
    Label,
    Rect,
    Scene,
    Shape,
    shared_frame,
    workstation_scenes,
)
from deskfit.core.present.scene_layout import spread

FONT = 8.0  # label text, in cm of the drawing: about 7 pt printed 17 cm wide
TITLE_FONT = 11.0
LINE = FONT * 1.2
CHAR = 0.62 * FONT  # a generous average character width (DejaVu Sans), to size the margins
GAP = 6.0  # between a margin and the drawing
PANEL_GAP = 14.0
# Three panels side by side share the page's width: drawn at this scale (to the text), so
# the labels stay large enough to read printed.
THREE_PANELS = 0.8
LABEL_GAP = LINE * 0.35
FONTS = "DejaVu Sans, Helvetica, Arial, sans-serif"
INK, MUTED, CHANGED = "#1f1f1f", "#6b6b6b", "#c2410c"

# fill, outline: chair dark grey, desk wood-brown, a black screen, the person in blue
COLOURS: dict[Kind, tuple[str, str]] = {
    "floor": ("#9a9a9a", "#7a7a7a"),
    "chair": ("#4d4d4d", "#262626"),
    "cushion": ("#9b87c9", "#5e4b8b"),
    "desk": ("#b5804a", "#6e4a25"),
    "keyboard": ("#6b757c", "#2f363b"),
    "monitor": ("#3d3d3d", "#111111"),
    "second": ("#c9c9c9", "#4d4d4d"),  # the main screen's lighter tone: beside it, behind
    "footstool": ("#3f9460", "#22563a"),
    "mat": ("#2a8c80", "#185a52"),
    "person": ("#3b7dd8", "#1d4f91"),
    "sight": ("#d62828", "#d62828"),
}
PART_FILLS = {"screen": "#0a0a0a", "2nd screen": "#8f8f8f", "eye": "#ffffff"}


def workstation_svg(advice: Advice) -> str:
    """The plan's start and end side by side (and standing at a sit-stand desk), labelled
    in the person's units."""
    return render_svg(workstation_scenes(advice), advice.profile.name)


def render_svg(scenes: list[Scene], name: str) -> str:
    frames = _frames(scenes)
    scale = 1.0 if len(scenes) <= 2 else THREE_PANELS
    top = TITLE_FONT * 1.8
    panel_h = top + frames[0].height * scale + LINE
    margins = [
        (_margin(_group(s, scenes), "left"), _margin(_group(s, scenes), "right")) for s in scenes
    ]
    widths = [m[0] + 2 * GAP + f.width * scale + m[1] for m, f in zip(margins, frames, strict=True)]
    full = sum(widths) + PANEL_GAP * (len(scenes) - 1)
    legend, legend_h = _legend(scenes, 0.0, panel_h + LINE, full)
    width, height = full, panel_h + LINE + legend_h
    what = ", ".join(s.title.lower() for s in scenes)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.1f} {height:.1f}" '
        f'width="100%" role="img" font-family={quoteattr(FONTS)} font-size="{FONT}">',
        f"<title>{escape(f'Side view of the workstation ({what}): {name}')}</title>",
        f'<rect x="0" y="0" width="{width:.1f}" height="{height:.1f}" fill="#ffffff"/>',
    ]
    x0 = 0.0
    for scene, frame, panel_w, (left, right) in zip(scenes, frames, widths, margins, strict=True):
        out.append(f"<g aria-label={quoteattr(scene.title)}>")
        out.append(
            f'<rect x="{x0:.1f}" y="0" width="{panel_w:.1f}" height="{panel_h:.1f}" rx="3" '
            'fill="none" stroke="#d0d0d0" stroke-width="0.6"/>'
        )
        out.append(
            f'<text x="{x0 + 4:.1f}" y="{TITLE_FONT * 1.25:.1f}" font-size="{TITLE_FONT}" '
            f'font-weight="bold" fill="{INK}">{escape(scene.title)}</text>'
        )
        place = _Place(frame, x0 + left + GAP, top, scale)
        out += [_shape(s, place) for s in scene.shapes]
        out += _labels(scene.labels, place, x0, left, x0 + panel_w - right, top, panel_h)
        out.append("</g>")
        x0 += panel_w + PANEL_GAP
    out += legend
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _group(scene: Scene, scenes: list[Scene]) -> list[Scene]:
    """The panels that line up with this one: the sitting ones together, standing alone."""
    return [s for s in scenes if (s.which == "standing") == (scene.which == "standing")]


def _frames(scenes: list[Scene]) -> list[Frame]:
    """One height for all (one floor line, one scale); the sitting panels one stretch of
    floor, so what the plan moves is all that moves between them; standing, its own."""
    every = shared_frame(*scenes)
    out: list[Frame] = []
    for scene in scenes:
        own = shared_frame(*_group(scene, scenes))
        out.append(Frame(own.left, own.right, every.bottom, every.top))
    return out


class _Place:
    """From the scene's cm (y up from the floor) to the SVG's (y down from the top), the
    frame's top left corner at (``left``, ``top``), ``scale`` units to a centimetre."""

    def __init__(self, frame: Frame, left: float, top: float, scale: float = 1.0) -> None:
        self.frame, self.left, self.top, self.scale = frame, left, top, scale

    def x(self, x: float) -> float:
        return self.left + (x - self.frame.left) * self.scale

    def y(self, y: float) -> float:
        return self.top + (self.frame.top - y) * self.scale

    def size(self, cm: float) -> float:
        return cm * self.scale


def _margin(scenes: list[Scene], side: str) -> float:
    texts = [t for s in scenes for label in s.labels if label.side == side for t in _lines(label)]
    # bold values run wider than the average character: a little room to spare
    return max((len(t) for t in texts), default=0) * CHAR * 1.08 + 2.0


def _lines(label: Label) -> list[str]:
    lines = [label.name, label.value]
    if label.was is not None:
        lines.append("new" if label.change == "new" else f"was {label.was}")
    return lines


def _paint(shape: Shape) -> tuple[str, str]:
    fill, stroke = COLOURS[shape.kind]
    return PART_FILLS.get(shape.part, fill), stroke


def _shape(shape: Shape, at: _Place) -> str:
    fill, stroke = _paint(shape)
    if isinstance(shape, Rect):
        return (
            f'<rect x="{at.x(shape.x):.2f}" y="{at.y(shape.top):.2f}" '
            f'width="{at.size(shape.w):.2f}" height="{at.size(shape.h):.2f}" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="0.5"/>'
        )
    if isinstance(shape, Circle):
        return (
            f'<circle cx="{at.x(shape.x):.2f}" cy="{at.y(shape.y):.2f}" r="{at.size(shape.r):.2f}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="0.5"/>'
        )
    points = " ".join(f"{at.x(x):.2f},{at.y(y):.2f}" for x, y in shape.points)
    if shape.dashed:
        return (
            f'<polyline points="{points}" fill="none" stroke="{fill}" '
            f'stroke-width="{at.size(shape.width):.2f}" stroke-dasharray="3 2"/>'
        )
    # An outline under the stroke: limbs in one colour still read as separate limbs.
    common = f'points="{points}" fill="none" stroke-linecap="round" stroke-linejoin="round"'
    return (
        f'<polyline {common} stroke="{stroke}" stroke-width="{at.size(shape.width) + 1.0:.2f}"/>'
        f'<polyline {common} stroke="{fill}" stroke-width="{at.size(shape.width):.2f}"/>'
    )


def _labels(
    labels: tuple[Label, ...],
    at: _Place,
    x0: float,
    left: float,
    right_x: float,
    top: float,
    bottom: float,
) -> list[str]:
    out: list[str] = []
    for side in ("left", "right"):
        mine = [label for label in labels if label.side == side]
        # a little air between labels stacked on each other, so each reads as one
        sizes = [len(_lines(label)) * LINE + LABEL_GAP for label in mine]
        wanted = [at.y(label.y) - LINE * 0.9 for label in mine]
        tops = spread(wanted, sizes, top, bottom - 2)
        text_x = x0 + left if side == "left" else right_x
        anchor = "end" if side == "left" else "start"
        edge = text_x + (1.5 if side == "left" else -1.5)
        for label, y in zip(mine, tops, strict=True):
            ax, ay = at.x(label.x), at.y(label.y)
            mid = y + LINE * 0.9
            knee = edge + (GAP / 2 if side == "left" else -GAP / 2)
            out.append(
                f'<polyline points="{ax:.2f},{ay:.2f} {knee:.2f},{ay:.2f} {edge:.2f},{mid:.2f}" '
                f'fill="none" stroke="{MUTED}" stroke-width="0.4"/>'
                f'<circle cx="{ax:.2f}" cy="{ay:.2f}" r="0.9" fill="{MUTED}"/>'
            )
            out.append(_label_text(label, text_x, y, anchor))
    return out


def _label_text(label: Label, x: float, y: float, anchor: str) -> str:
    changed = label.was is not None
    value_style = f'font-weight="bold" fill="{CHANGED if changed else INK}"'
    parts = [
        f'<text x="{x:.1f}" y="{y + LINE * 0.8:.1f}" text-anchor="{anchor}" fill="{MUTED}">'
        f"{escape(label.name)}</text>",
        f'<text x="{x:.1f}" y="{y + LINE * 1.8:.1f}" text-anchor="{anchor}" {value_style}>'
        f"{escape(label.value)}</text>",
    ]
    if changed:
        was = _lines(label)[2]
        parts.append(
            f'<text x="{x:.1f}" y="{y + LINE * 2.8:.1f}" text-anchor="{anchor}" '
            f'font-style="italic" fill="{CHANGED}">{escape(was)}</text>'
        )
    return "".join(parts)


def _legend(scenes: list[Scene], x0: float, y0: float, width: float) -> tuple[list[str], float]:
    """A swatch and a name for each kind of thing drawn, wrapped to the width."""
    kinds: list[Kind] = []
    for scene in scenes:
        kinds += [k for k in scene.kinds() if k not in kinds]
    items = [(k, NAMES[k]) for k in sorted(kinds, key=list(NAMES).index)]
    out: list[str] = []
    x, y = x0 + 4, y0
    for kind, name in items:
        w = FONT * 1.6 + len(name) * CHAR + FONT * 1.5
        if x + w > x0 + width:
            x, y = x0 + 4, y + LINE * 1.3
        out.append(
            _swatch(kind, x, y) + f'<text x="{x + FONT * 1.6:.1f}" y="{y:.1f}" '
            f'fill="{INK}">{escape(name)}</text>'
        )
        x += w
    note = "bold orange: changed by the plan"
    if x + len(note) * CHAR > x0 + width:
        x, y = x0 + 4, y + LINE * 1.3
    out.append(
        f'<text x="{x:.1f}" y="{y:.1f}" font-weight="bold" fill="{CHANGED}">{escape(note)}</text>'
    )
    return out, y - y0 + LINE


def _swatch(kind: Kind, x: float, y: float) -> str:
    fill, stroke = COLOURS[kind]
    if kind == "sight":  # a line, dashed as it is drawn
        mid = y - FONT * 0.35
        return (
            f'<line x1="{x:.1f}" y1="{mid:.1f}" x2="{x + FONT * 1.2:.1f}" y2="{mid:.1f}" '
            f'stroke="{fill}" stroke-width="0.8" stroke-dasharray="3 2"/>'
        )
    return (
        f'<rect x="{x:.1f}" y="{y - FONT * 0.8:.1f}" width="{FONT * 1.2:.1f}" '
        f'height="{FONT * 0.9:.1f}" fill="{fill}" stroke="{stroke}" stroke-width="0.5"/>'
    )
