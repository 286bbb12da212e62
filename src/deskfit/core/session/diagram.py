"""A side view of a workstation drawn in text: pure, so it is tested without a screen.

Heights are to scale (the drawing is fitted to the rows it has); widths are not, since a
terminal cell is twice as tall as it is wide and only heights matter here. Each height is
labelled on a height axis at the left edge, on the row of the thing it measures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deskfit.core.engine.targets import THIGH_ROOM, THIGH_TOLERANCE

FLOOR = "▀"
MARGIN_CM = 10.0  # headroom above the highest thing drawn


@dataclass(frozen=True)
class Scene:
    """What to draw, in cm from the floor, and how each height reads (in the person's units)."""

    seat_cm: float
    desk_cm: float
    monitor_top_cm: float
    footstool_cm: float = 0.0  # 0: feet on the floor
    tray_cm: float | None = None  # a keyboard tray under the desk top
    eye_cm: float | None = None  # floor to the eyes, sitting on this seat
    elbow_cm: float | None = None  # floor to the elbow, sitting on this seat
    thigh_cm: float | None = None  # floor to the top of the thighs, sitting on this seat
    underside_cm: float | None = None  # floor to the desk's underside at the front
    labels: dict[str, str] = field(default_factory=dict)  # "seat" -> "48.5 cm", ...

    @property
    def thighs_fit(self) -> bool:
        if self.thigh_cm is None or self.underside_cm is None:
            return True
        return self.thigh_cm + THIGH_ROOM <= self.underside_cm + THIGH_TOLERANCE


class _Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.cells = [[" "] * width for _ in range(height)]

    def put(self, x: int, y: int, text: str, *, over: bool = True) -> None:
        for i, ch in enumerate(text):
            inside = 0 <= y < self.height and 0 <= x + i < self.width
            if inside and (over or self.cells[y][x + i] == " "):
                self.cells[y][x + i] = ch

    def hline(self, x0: int, x1: int, y: int, ch: str, *, over: bool = True) -> None:
        for x in range(max(0, x0), min(self.width, x1 + 1)):
            self.put(x, y, ch, over=over)

    def vline(self, x: int, y0: int, y1: int, ch: str, *, over: bool = True) -> None:
        for y in range(max(0, min(y0, y1)), min(self.height, max(y0, y1) + 1)):
            self.put(x, y, ch, over=over)

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.cells]


MIN_WIDTH = 40
SHORT = {"screen top": "screen", "footstool": "stool"}
MIN_HEIGHT = 10


def draw_workstation(scene: Scene, width: int, height: int) -> list[str]:
    """The scene as ``height`` lines of at most ``width`` characters (floor on the last).

    Smaller than MIN_WIDTH × MIN_HEIGHT there is no room for a drawing that means
    anything: a one-line note says so instead.
    """
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        note = "(make the window larger to see the drawing)"[: max(0, width)]
        return [note] + [""] * max(0, height - 1)
    c = _Canvas(width, height)
    floor = height - 1
    tallest = max(scene.monitor_top_cm, scene.eye_cm or 0.0, scene.desk_cm, scene.seat_cm, 1.0)
    scale = (height - 2) / (tallest + MARGIN_CM)  # rows per cm

    def row(cm: float) -> int:
        return max(0, min(floor - 1, floor - round(cm * scale)))

    label_w = min(24, max(16, width // 3))
    x0 = label_w + 1  # where the drawing starts
    span = width - x0 - 1

    seat_y = row(scene.seat_cm)
    desk_y = row(scene.desk_cm)
    top_y = row(scene.monitor_top_cm)
    stool_y = row(scene.footstool_cm) if scene.footstool_cm > 0 else None

    # the floor
    c.hline(x0, width - 1, floor, FLOOR)

    # the chair: backrest, seat, gas lift, base
    back_x, seat_x1 = x0 + 1, x0 + 9
    post_x = x0 + 5
    c.vline(back_x, seat_y - max(2, round(45 * scale)), seat_y, "▐")
    c.hline(back_x, seat_x1, seat_y, "▀")
    c.vline(post_x, seat_y + 1, floor - 1, "┃")
    c.hline(post_x - 3, post_x + 3, floor - 1, "━")
    c.put(post_x, floor - 1, "┻")

    # the desk: its top from the knees forward, one leg at the far end
    desk_x0 = x0 + 14
    desk_x1 = x0 + span
    c.hline(desk_x0, desk_x1, desk_y, "━")
    under_y = row(scene.underside_cm) if scene.underside_cm is not None else desk_y
    for y in range(desk_y + 1, min(under_y, floor - 1) + 1):  # a thick top, apron or drawer
        c.hline(desk_x0, desk_x0 + 4, y, "▒")
    c.vline(desk_x1, desk_y + 1, floor - 1, "┃")
    c.put(desk_x0, desk_y, "┍")

    # a keyboard tray hangs under the front of the desk
    keyboard_y, keyboard_x = desk_y, desk_x0 + 1
    if scene.tray_cm is not None:
        tray_y = row(scene.tray_cm)
        tray_x0, tray_x1 = x0 + 11, x0 + 19
        c.hline(tray_x0, tray_x1, tray_y, "━")
        if tray_y - 1 > desk_y:
            c.vline(tray_x1, desk_y + 1, tray_y - 1, "│")
        c.put(tray_x1, tray_y, "┛")
        keyboard_y, keyboard_x = tray_y, tray_x0 + 1
    if keyboard_y - 1 > (desk_y if scene.tray_cm is not None else -1):
        c.put(keyboard_x, keyboard_y - 1, "▂▂▂")

    # the monitor: a screen on a stand, at the back of the desk
    screen_x = desk_x1 - 6
    screen_rows = max(2, round(30 * scale))
    bottom_y = min(desk_y - 2, top_y + screen_rows - 1)
    c.vline(screen_x + 1, top_y, bottom_y, "█")
    c.vline(screen_x + 1, bottom_y + 1, desk_y - 1, "│")
    c.put(screen_x, desk_y, "━┷━")

    # the footstool, between the chair and the desk
    foot_y = floor - 1
    stool_x0, stool_x1 = x0 + 9, x0 + 15
    if stool_y is not None:
        if stool_y >= floor - 1:
            c.hline(stool_x0, stool_x1, floor - 1, "▄")
            foot_y = floor - 2
        else:
            for y in range(stool_y, floor):
                c.hline(stool_x0, stool_x1, y, "█" if y > stool_y else "▄")
            foot_y = stool_y - 1

    # the person: head at eye height, back upright, thigh on the seat, shin to the feet
    head_x = x0 + 4
    eye_y = row(scene.eye_cm) if scene.eye_cm is not None else None
    if eye_y is not None:
        c.put(head_x, eye_y, "●")
        c.vline(head_x, eye_y + 1, seat_y - 1, "│")
        knee_x = seat_x1 + 1
        thigh_y = min(seat_y - 1, row(scene.thigh_cm)) if scene.thigh_cm is not None else seat_y - 1
        c.hline(head_x, knee_x, thigh_y, "─")
        c.put(knee_x, thigh_y, "╮")
        c.vline(knee_x, thigh_y + 1, foot_y, "│")
        c.put(knee_x, foot_y, "└─")
        if not scene.thighs_fit:  # the thighs meet the desk's underside
            c.put(knee_x + 1, thigh_y, "✕")
        # the line of sight, to show the eyes against the top of the screen
        c.hline(head_x + 2, screen_x - 1, eye_y, "·", over=False)
    if scene.elbow_cm is not None and eye_y is not None:
        elbow_y = row(scene.elbow_cm)
        if eye_y < elbow_y < seat_y - 1:
            c.put(head_x, elbow_y, "╰")
            c.hline(head_x + 1, keyboard_x - 1, elbow_y, "─", over=False)

    # labels on a height axis at the left; never two on one row
    axis_x = x0 - 1
    c.vline(axis_x, 0, floor - 1, "│")
    c.put(axis_x, floor, "┴")
    wanted: list[tuple[str, int | None]] = [
        ("screen top", top_y),
        ("eyes", eye_y),
        ("desk", desk_y),
        ("tray", row(scene.tray_cm) if scene.tray_cm is not None else None),
        ("seat", seat_y),
        ("cushion", seat_y if "cushion" in scene.labels else None),
        ("footstool", stool_y),
    ]
    taken: set[int] = {floor}
    for key, wanted_y in wanted:
        if wanted_y is None or key not in scene.labels:
            continue
        at = _free_row(wanted_y, taken, floor)
        if at is None:
            continue
        taken.add(at)
        text = f"{key} {scene.labels[key]}"
        if len(text) > axis_x - 1:  # too long: the short name, then the bare height
            text = f"{SHORT.get(key, key)} {scene.labels[key]}"
        if len(text) > axis_x - 1:
            text = scene.labels[key]
        text = text[: axis_x - 1]
        c.put(axis_x - 1 - len(text), at, text)
        c.put(axis_x, at, "┤")
    if "floor" in scene.labels:
        text = scene.labels["floor"][: axis_x - 1]
        c.put(axis_x - 1 - len(text), floor, text)
    return c.lines()


def _free_row(y: int, taken: set[int], floor: int) -> int | None:
    for offset in (0, -1, 1, -2, 2):
        candidate = y + offset
        if 0 <= candidate < floor and candidate not in taken:
            return candidate
    return None
