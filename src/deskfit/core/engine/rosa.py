"""ROSA (Rapid Office Strain Assessment) scoring: items in, scores out, every step traceable.

Method: Sonne, Villalta & Andrews (2012), "Development and evaluation of an office ergonomic
checklist: ROSA (Rapid Office Strain Assessment)", Applied Ergonomics 43:98–108, and the
official ROSA score sheet. The spec we follow is ``ergonomics.md`` §4.1–4.3.

This module is deliberately *pure*: it does not know about measurements or the profile.
Another module turns measurements into a :class:`RosaItems` (``ergonomics.md`` §4.4); here
we only add up the items, look up the paper's charts and explain which items drove the
score. Standard library only, so the core stays importable without the UI stack.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Final

__all__ = [
    "CHART_A",
    "CHART_B",
    "CHART_C",
    "CHART_D",
    "CHART_E",
    "NEUTRAL_ITEMS",
    "RosaItems",
    "RosaScore",
    "band_for",
    "duration_score",
    "score",
]

# --------------------------------------------------------------------------------------
# Charts, copied from ergonomics.md §4.3 (which reproduces the paper's Charts A–C).
# Each table is stored with its first row/column at the lowest index named below, so a
# lookup is ``CHART_X[row - ROW0][col - COL0]``; the offsets live next to each chart.
# --------------------------------------------------------------------------------------

# Chart A: rows = seat height + seat depth totals 2..8; columns = armrests + back support
# totals 2..9. Both totals start at 2 because every item's neutral base score is 1.
CHART_A_ROW0: Final = 2
CHART_A_COL0: Final = 2
CHART_A: Final[tuple[tuple[int, ...], ...]] = (
    (2, 2, 3, 4, 5, 6, 7, 8),  # 2
    (2, 2, 3, 4, 5, 6, 7, 8),  # 3
    (3, 3, 3, 4, 5, 6, 7, 8),  # 4
    (4, 4, 4, 4, 5, 6, 7, 8),  # 5
    (5, 5, 5, 5, 6, 7, 8, 9),  # 6
    (6, 6, 6, 7, 7, 8, 8, 9),  # 7
    (7, 7, 7, 8, 8, 9, 9, 9),  # 8
)

# Chart B: rows = telephone total 0..6; columns = monitor total 0..7. The totals include
# the duration score, which can be -1, hence the 0 row/column.
CHART_B_ROW0: Final = 0
CHART_B_COL0: Final = 0
CHART_B: Final[tuple[tuple[int, ...], ...]] = (
    (1, 1, 1, 2, 3, 4, 5, 6),  # 0
    (1, 1, 2, 2, 3, 4, 5, 6),  # 1
    (1, 2, 2, 3, 3, 4, 6, 7),  # 2
    (2, 2, 3, 3, 4, 5, 6, 8),  # 3
    (3, 3, 4, 4, 5, 6, 7, 8),  # 4
    (4, 4, 5, 5, 6, 7, 8, 9),  # 5
    (5, 5, 6, 7, 8, 8, 9, 9),  # 6
)

# Chart C: rows = mouse total 0..7; columns = keyboard total 0..7 (durations included).
CHART_C_ROW0: Final = 0
CHART_C_COL0: Final = 0
CHART_C: Final[tuple[tuple[int, ...], ...]] = (
    (1, 1, 1, 2, 3, 4, 5, 6),  # 0
    (1, 1, 2, 3, 4, 5, 6, 7),  # 1
    (1, 2, 2, 3, 4, 5, 6, 7),  # 2
    (2, 3, 3, 3, 5, 6, 7, 8),  # 3
    (3, 4, 4, 5, 5, 6, 7, 8),  # 4
    (4, 5, 5, 6, 6, 7, 8, 9),  # 5
    (5, 6, 6, 7, 7, 8, 8, 9),  # 6
    (6, 7, 7, 8, 8, 9, 9, 9),  # 7
)

# Chart D (monitor & peripherals): rows = chart B result 1..9; columns = chart C result
# 1..9. ergonomics.md notes it equals max() cell for cell; it is kept as a table so the
# code reads like the score sheet and a reviewer can compare it cell by cell.
CHART_D_ROW0: Final = 1
CHART_D_COL0: Final = 1
CHART_D: Final[tuple[tuple[int, ...], ...]] = (
    (1, 2, 3, 4, 5, 6, 7, 8, 9),  # 1
    (2, 2, 3, 4, 5, 6, 7, 8, 9),  # 2
    (3, 3, 3, 4, 5, 6, 7, 8, 9),  # 3
    (4, 4, 4, 4, 5, 6, 7, 8, 9),  # 4
    (5, 5, 5, 5, 5, 6, 7, 8, 9),  # 5
    (6, 6, 6, 6, 6, 6, 7, 8, 9),  # 6
    (7, 7, 7, 7, 7, 7, 7, 8, 9),  # 7
    (8, 8, 8, 8, 8, 8, 8, 8, 9),  # 8
    (9, 9, 9, 9, 9, 9, 9, 9, 9),  # 9
)

# Chart E (final): rows = chair score 1..10 (chart A tops out at 9 and the chair duration
# can add 1); columns = monitor & peripherals score 1..9 (chart D tops out at 9).
# Equals max() cell for cell, kept as a table for the same reason as chart D.
CHART_E_ROW0: Final = 1
CHART_E_COL0: Final = 1
CHART_E: Final[tuple[tuple[int, ...], ...]] = (
    (1, 2, 3, 4, 5, 6, 7, 8, 9),  # 1
    (2, 2, 3, 4, 5, 6, 7, 8, 9),  # 2
    (3, 3, 3, 4, 5, 6, 7, 8, 9),  # 3
    (4, 4, 4, 4, 5, 6, 7, 8, 9),  # 4
    (5, 5, 5, 5, 5, 6, 7, 8, 9),  # 5
    (6, 6, 6, 6, 6, 6, 7, 8, 9),  # 6
    (7, 7, 7, 7, 7, 7, 7, 8, 9),  # 7
    (8, 8, 8, 8, 8, 8, 8, 8, 9),  # 8
    (9, 9, 9, 9, 9, 9, 9, 9, 9),  # 9
    (10, 10, 10, 10, 10, 10, 10, 10, 10),  # 10
)


def _lookup(chart: tuple[tuple[int, ...], ...], row0: int, col0: int, row: int, col: int) -> int:
    """Read ``chart`` at the *score* coordinates (row, col), not the list indices.

    Callers clamp first, so an out-of-range coordinate is a bug; we raise instead of letting
    a negative index silently wrap around to the other end of the table.
    """
    r, c = row - row0, col - col0
    if not (0 <= r < len(chart) and 0 <= c < len(chart[r])):
        raise IndexError(f"chart coordinates ({row}, {col}) out of range")
    return chart[r][c]


def _clamp(value: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, value))


# --------------------------------------------------------------------------------------
# Duration (ergonomics.md §4.2; paper Table 1, "duration" modifier on every item)
# --------------------------------------------------------------------------------------


def duration_score(hours_per_day: float, longest_stretch_min: float) -> int:
    """The ROSA duration modifier for one item: -1, 0 or +1.

    The paper's rule is "< 30 min continuously or < 1 h a day: -1; 30-60 min continuously
    or 1-4 h a day: 0; > 1 h continuously or > 4 h a day: +1". The "or" conflicts for,
    e.g., 5 h a day in 20-minute bouts (-1 by the stretch, +1 by the day). ergonomics.md
    §4.2 resolves it by testing the worst band first, so exposure is never under-counted:

    * +1 when ``longest_stretch_min > 60`` or ``hours_per_day > 4`` (strictly above);
    * otherwise 0 when ``longest_stretch_min >= 30`` or ``hours_per_day >= 1``, so exactly
      60 min / 4 h are still 0 and exactly 30 min / 1 h are already 0;
    * otherwise -1.

    Raises ValueError for negative or non-finite inputs (NaN would fail every comparison
    and silently score -1).
    """
    for name, value in (
        ("hours_per_day", hours_per_day),
        ("longest_stretch_min", longest_stretch_min),
    ):
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    if longest_stretch_min > 60 or hours_per_day > 4:
        return 1
    if longest_stretch_min >= 30 or hours_per_day >= 1:
        return 0
    return -1


# --------------------------------------------------------------------------------------
# Items (ergonomics.md §4.1; paper Fig. 1 / score sheet sections A, B, C)
# --------------------------------------------------------------------------------------

# Allowed base scores. Base 1 is always the neutral posture; 2 or 3 a deviation.
_BASE_RANGES: Final[Mapping[str, tuple[int, int]]] = MappingProxyType(
    {
        "seat_height": (1, 3),  # 3 = feet do not reach the floor
        "seat_depth": (1, 2),
        "armrests": (1, 2),
        "back_support": (1, 2),
        "monitor": (1, 3),  # 2 = too low, 3 = too high (neck extension is worse)
        "phone": (1, 2),
        "mouse": (1, 2),
        "keyboard": (1, 2),
    }
)

_DURATION_FIELDS: Final = (
    "chair_duration",
    "monitor_duration",
    "phone_duration",
    "mouse_duration",
    "keyboard_duration",
)


@dataclass(frozen=True)
class RosaItems:
    """Every ROSA item for one workstation, already judged (base scores and yes/no items).

    Ints are base scores (1 = neutral); bools are the additive items, worth the points
    noted beside them (paper Fig. 1). Durations are :func:`duration_score` results.

    ``reasons`` is optional free text per field name saying *why* an item scored, e.g.
    ``{"seat_height": "feet hang 9 cm above the floor"}``; it is appended to that item's
    line in :attr:`RosaScore.drivers`. It never changes a score.
    """

    # Section A, chair
    seat_height: int = 1  # 1 knees ~90°, 2 too low / too high, 3 feet do not reach
    legroom_insufficient: bool = False  # +1
    seat_height_not_adjustable: bool = False  # +1
    seat_depth: int = 1  # 1 ~7.5 cm seat edge to knee, 2 too long / too short
    seat_depth_not_adjustable: bool = False  # +1
    armrests: int = 1  # 1 elbows supported, 2 too high / too low / none
    armrests_hard: bool = False  # +1 hard or damaged surface
    armrests_too_wide: bool = False  # +1
    armrests_not_adjustable: bool = False  # +1 (only for armrests that exist)
    back_support: int = 1  # 1 lumbar support, recline 95–110°; else 2
    work_surface_too_high: bool = False  # +1 shoulders shrugged
    backrest_not_adjustable: bool = False  # +1
    # Section B, monitor and telephone
    monitor: int = 1  # 1 neutral, 2 too low, 3 too high
    neck_twist: bool = False  # +1 over 30°
    monitor_too_far: bool = False  # +1 beyond 75 cm
    documents_no_holder: bool = False  # +1
    glare: bool = False  # +1 (score sheet only, not in the paper)
    phone: int = 1  # 1 headset or within 30 cm, 2 beyond 30 cm
    neck_shoulder_hold: bool = False  # +2
    no_hands_free: bool = False  # +1
    # Section C, mouse and keyboard
    mouse: int = 1  # 1 in line with the shoulder, 2 reaching
    mouse_keyboard_different_surfaces: bool = False  # +2
    pinch_grip: bool = False  # +1 mouse too small
    hard_palm_rest: bool = False  # +1
    keyboard: int = 1  # 1 wrists straight, 2 wrists extended > 15°
    wrists_deviate: bool = False  # +1
    keyboard_too_high: bool = False  # +1 shoulders shrugged
    overhead_reach: bool = False  # +1
    platform_not_adjustable: bool = False  # +1
    # Durations, one per item (§4.2): -1, 0 or +1
    chair_duration: int = 0
    monitor_duration: int = 0
    phone_duration: int = 0
    mouse_duration: int = 0
    keyboard_duration: int = 0
    # Excluded from the hash so the object stays hashable; still part of equality.
    reasons: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        # Validate here rather than trusting the caller: a base score of 4 or a duration of
        # 2 would otherwise index past a chart or shift a sub-score without complaint.
        for f in fields(self):
            if f.name == "reasons":
                continue
            value = getattr(self, f.name)
            if f.name in _BASE_RANGES or f.name in _DURATION_FIELDS:
                # bool is a subclass of int; True as a base score is almost surely a mix-up.
                if not isinstance(value, int) or isinstance(value, bool):
                    raise TypeError(f"{f.name} must be an int, got {value!r}")
                lo, hi = _BASE_RANGES.get(f.name, (-1, 1))
                if not lo <= value <= hi:
                    raise ValueError(f"{f.name} must be between {lo} and {hi}, got {value}")
            elif not isinstance(value, bool):
                raise TypeError(f"{f.name} must be a bool, got {value!r}")
        names = {f.name for f in fields(self)} - {"reasons"}
        unknown = sorted(set(self.reasons) - names)
        if unknown:
            # A misspelt key would silently drop the explanation from the report.
            raise ValueError(f"reasons has unknown item names: {', '.join(unknown)}")
        if not all(isinstance(text, str) for text in self.reasons.values()):
            raise TypeError("reasons must map item names to str")
        # Copy and freeze, so a caller mutating their dict cannot change a frozen item.
        object.__setattr__(self, "reasons", MappingProxyType(dict(self.reasons)))


NEUTRAL_ITEMS: Final = RosaItems()
"""Every item neutral (base 1, no additive items) and every duration 0."""


# Points each additive item adds (paper Fig. 1). Only the telephone neck-and-shoulder hold
# and mouse/keyboard on different surfaces are worth 2.
_ADDITIVE_POINTS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "legroom_insufficient": 1,
        "seat_height_not_adjustable": 1,
        "seat_depth_not_adjustable": 1,
        "armrests_hard": 1,
        "armrests_too_wide": 1,
        "armrests_not_adjustable": 1,
        "work_surface_too_high": 1,
        "backrest_not_adjustable": 1,
        "neck_twist": 1,
        "monitor_too_far": 1,
        "documents_no_holder": 1,
        "glare": 1,
        "neck_shoulder_hold": 2,
        "no_hands_free": 1,
        "mouse_keyboard_different_surfaces": 2,
        "pinch_grip": 1,
        "hard_palm_rest": 1,
        "wrists_deviate": 1,
        "keyboard_too_high": 1,
        "overhead_reach": 1,
        "platform_not_adjustable": 1,
    }
)

# Which additive items belong to which base item: an item total is base + its additives.
_ITEM_PARTS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "seat_height": ("legroom_insufficient", "seat_height_not_adjustable"),
        "seat_depth": ("seat_depth_not_adjustable",),
        "armrests": ("armrests_hard", "armrests_too_wide", "armrests_not_adjustable"),
        "back_support": ("work_surface_too_high", "backrest_not_adjustable"),
        "monitor": ("neck_twist", "monitor_too_far", "documents_no_holder", "glare"),
        "phone": ("neck_shoulder_hold", "no_hands_free"),
        "mouse": ("mouse_keyboard_different_surfaces", "pinch_grip", "hard_palm_rest"),
        "keyboard": (
            "wrists_deviate",
            "keyboard_too_high",
            "overhead_reach",
            "platform_not_adjustable",
        ),
    }
)

# Human wording for the drivers list. Base scores: one label per non-neutral value. No
# lengths here: this module knows no units; a reason (rosa_items) adds the measured length
# in the person's units.
_BASE_LABELS: Final[Mapping[str, Mapping[int, str]]] = MappingProxyType(
    {
        "seat_height": {
            2: "Seat height: too low or too high, knees not at about 90°",
            3: "Seat height: feet do not reach the floor",
        },
        "seat_depth": {2: "Seat depth: the seat edge not about three fingers from the knee"},
        "armrests": {2: "Armrests: too high (shoulders shrugged) or too low / none"},
        "back_support": {
            2: "Back support: no lumbar support, recline outside 95–110°, or no backrest"
        },
        "monitor": {
            2: "Monitor: too low (neck bent forward)",
            3: "Monitor: too high (neck extended)",
        },
        "phone": {2: "Telephone: out of easy reach"},
        "mouse": {2: "Mouse: reaching, not in line with the shoulder"},
        "keyboard": {2: "Keyboard: wrists extended more than 15°"},
    }
)

_ADDITIVE_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "legroom_insufficient": "Not enough legroom under the desk",
        "seat_height_not_adjustable": "Seat height not adjustable",
        "seat_depth_not_adjustable": "Seat depth not adjustable",
        "armrests_hard": "Armrests hard or damaged",
        "armrests_too_wide": "Armrests too wide apart",
        "armrests_not_adjustable": "Armrests not adjustable",
        "work_surface_too_high": "Work surface too high (shoulders shrugged)",
        "backrest_not_adjustable": "Backrest not adjustable",
        "neck_twist": "Neck twisted more than 30° to see the monitor",
        "monitor_too_far": "Monitor too far (beyond arm's length)",
        "documents_no_holder": "Documents read with no holder",
        "glare": "Glare on the screen",
        "neck_shoulder_hold": "Telephone held between neck and shoulder",
        "no_hands_free": "No hands-free option for the telephone",
        "mouse_keyboard_different_surfaces": "Mouse and keyboard on different surfaces",
        "pinch_grip": "Pinch grip on the mouse (mouse too small)",
        "hard_palm_rest": "Hard palm rest in front of the mouse",
        "wrists_deviate": "Wrists bent sideways while typing",
        "keyboard_too_high": "Keyboard too high (shoulders shrugged)",
        "overhead_reach": "Reaching to items overhead",
        "platform_not_adjustable": "Keyboard platform not adjustable",
    }
)

_LONG_USE: Final = "more than 4 h a day or more than 1 h at a stretch"
_DURATION_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "chair_duration": f"Sitting {_LONG_USE}",
        "monitor_duration": f"Using the monitor {_LONG_USE}",
        "phone_duration": f"On the telephone {_LONG_USE}",
        "mouse_duration": f"Using the mouse {_LONG_USE}",
        "keyboard_duration": f"Using the keyboard {_LONG_USE}",
    }
)

# Field order of each section, as on the score sheet; drivers are listed in this order.
_SECTIONS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "chair": ("seat_height", "seat_depth", "armrests", "back_support", "chair_duration"),
        "monitor_phone": ("monitor", "monitor_duration", "phone", "phone_duration"),
        "mouse_keyboard": ("mouse", "mouse_duration", "keyboard", "keyboard_duration"),
    }
)


def _item_total(items: RosaItems, base: str) -> int:
    """Base score plus every additive item of that base item that applies."""
    total: int = getattr(items, base)
    for name in _ITEM_PARTS[base]:
        if getattr(items, name):
            total += _ADDITIVE_POINTS[name]
    return total


def _line(items: RosaItems, name: str, label: str, points: int, *, base: bool = False) -> str:
    # A base score is the item's value (1 is neutral); an additive item adds its points.
    reason = items.reasons.get(name, "").strip()
    text = f"{label} (scores {points}; 1 is neutral)" if base else f"{label} (+{points})"
    return f"{text} — {reason}" if reason else text


def _drivers(items: RosaItems) -> dict[str, list[str]]:
    """One line per item above neutral, grouped by score-sheet section.

    A base score is shown as the value the score sheet gives it ("scores 3" for feet not
    reaching, 1 being neutral); additive items with their points ("+1"); durations only at
    +1 (a -1 lowers the score).
    """
    out: dict[str, list[str]] = {}
    for section, names in _SECTIONS.items():
        lines: list[str] = []
        for name in names:
            value: int = getattr(items, name)
            if name in _DURATION_LABELS:
                if value > 0:
                    lines.append(_line(items, name, _DURATION_LABELS[name], value))
                continue
            if value > 1:
                lines.append(_line(items, name, _BASE_LABELS[name][value], value, base=True))
            for extra in _ITEM_PARTS[name]:
                if getattr(items, extra):
                    label = _ADDITIVE_LABELS[extra]
                    lines.append(_line(items, extra, label, _ADDITIVE_POINTS[extra]))
        out[section] = lines
    return out


# --------------------------------------------------------------------------------------
# Scores (ergonomics.md §4.3; paper Fig. 1 charts A–E)
# --------------------------------------------------------------------------------------

_BANDS: Final = ((2, "low"), (4, "moderate"), (10, "assess further"))


def band_for(score: int) -> str:
    """deskfit's band for a ROSA score 1..10.

    1–2 "low"; 3–4 "moderate" (the paper finds discomfort rising between 3 and 5);
    5–10 "assess further" (Sonne et al. 2012: 5 and above calls for further assessment
    and prompt change).
    """
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 10:
        raise ValueError(f"a ROSA score is an int from 1 to 10, got {score!r}")
    return next(name for top, name in _BANDS if score <= top)


@dataclass(frozen=True)
class RosaScore:
    """The ROSA result.

    ``chair`` (chart A + chair duration), ``monitor_phone`` (chart B),
    ``mouse_keyboard`` (chart C), ``peripherals`` (chart D), ``final`` (chart E), the
    ``band`` of ``final``, and ``drivers``: per section ("chair", "monitor_phone",
    "mouse_keyboard") a human line for each item above neutral. ``totals`` records the
    intermediate sums used for the chart lookups, so a score can be checked by hand.
    """

    chair: int
    monitor_phone: int
    mouse_keyboard: int
    peripherals: int
    final: int
    band: str
    drivers: dict[str, list[str]] = field(default_factory=dict, hash=False)
    totals: dict[str, int] = field(default_factory=dict, hash=False)

    def as_dict(self) -> dict[str, int | str]:
        """The JSON export shape: exactly the five scores and the band."""
        return {
            "chair": self.chair,
            "monitor_phone": self.monitor_phone,
            "mouse_keyboard": self.mouse_keyboard,
            "peripherals": self.peripherals,
            "final": self.final,
            "band": self.band,
        }


def score(items: RosaItems) -> RosaScore:
    """Combine the items as in ergonomics.md §4.3 (paper Fig. 1, charts A to E).

    The clamps mirror the chart edges. With validated items only one ever changes a value:
    the monitor total can reach 8 (base 3 + four additives + duration), one past chart B's
    last column, so it is held at 7 as §4.3 says ("glare can make 8"). Every other total
    already spans exactly its chart's rows or columns (lowest: base 1 - duration 1 = 0, or
    1 + 1 = 2 for the chair; highest: the last row or column), so those clamps are guards.
    """
    seat_height = _item_total(items, "seat_height")
    seat_depth = _item_total(items, "seat_depth")
    armrests = _item_total(items, "armrests")
    back_support = _item_total(items, "back_support")

    # Section A: the chart is read before the duration is added (paper Fig. 1), so the
    # chair score ranges 1..10 rather than 2..9.
    chair_row = _clamp(seat_height + seat_depth, 2, 8)
    chair_col = _clamp(armrests + back_support, 2, 9)
    chart_a = _lookup(CHART_A, CHART_A_ROW0, CHART_A_COL0, chair_row, chair_col)
    chair = _clamp(chart_a + items.chair_duration, 1, 10)

    # Sections B and C: here each item's duration is added *before* the chart lookup.
    monitor = _clamp(_item_total(items, "monitor") + items.monitor_duration, 0, 7)
    phone = _clamp(_item_total(items, "phone") + items.phone_duration, 0, 6)
    monitor_phone = _lookup(CHART_B, CHART_B_ROW0, CHART_B_COL0, phone, monitor)

    mouse = _clamp(_item_total(items, "mouse") + items.mouse_duration, 0, 7)
    keyboard = _clamp(_item_total(items, "keyboard") + items.keyboard_duration, 0, 7)
    mouse_keyboard = _lookup(CHART_C, CHART_C_ROW0, CHART_C_COL0, mouse, keyboard)

    peripherals = _lookup(CHART_D, CHART_D_ROW0, CHART_D_COL0, monitor_phone, mouse_keyboard)
    final = _lookup(CHART_E, CHART_E_ROW0, CHART_E_COL0, chair, peripherals)

    return RosaScore(
        chair=chair,
        monitor_phone=monitor_phone,
        mouse_keyboard=mouse_keyboard,
        peripherals=peripherals,
        final=final,
        band=band_for(final),
        drivers=_drivers(items),
        totals={
            "seat_height": seat_height,
            "seat_depth": seat_depth,
            "armrests": armrests,
            "back_support": back_support,
            "chair_row": chair_row,
            "chair_column": chair_col,
            "chart_a": chart_a,
            "monitor": monitor,
            "phone": phone,
            "mouse": mouse,
            "keyboard": keyboard,
        },
    )
