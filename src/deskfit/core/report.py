"""A report over many profiles: one compact row each, a summary, and a shopping list.

``build(paths)`` streams: it reads one file at a time, runs the advice, and keeps only a
small frozen ``Row`` per profile (no Profile or Advice object survives the loop), so
memory stays flat however many profiles there are. Invalid files become ``ReportError``
entries with a one-line message; they never stop the report.

Paths: a directory means its ``*.toml`` files (not recursive, sorted, hidden and
temporary files skipped, as ``store.list_profiles``); a file is read as given.

The shopping list, so a manager can order what is needed:

- footstools: profiles that need one (settings.footstool_height_cm > 0) and do not own a
  suitable one (none owned, or ``limits.footstool_fixed_off_cm`` /
  ``limits.footstool_beyond_range_cm`` non-zero), grouped by the recommended height in
  whole-centimetre bins: a height H goes in the bin "n–n+1 cm" with n = floor(H), so
  6.0 and 6.5 cm are "6–7 cm" and 7.0 cm is "7–8 cm" (a stool of the bin's height, or an
  adjustable one covering it, fits everyone in it within the ±2 cm a fixed stool may be
  off);
- keyboard trays: the chair cannot rise high enough for the desk
  (``limits.home_row_too_high_cm`` > 0);
- chairs whose range is too small: adjustable chairs with ``home_row_too_high_cm`` or
  ``seat_too_low_cm`` > 0, and fixed chairs needing a cushion;
- seat cushions: ``settings.cushion_cm`` > 0, binned by thickness as footstools are;
- monitor risers: advice ``monitor-height`` raising the screen by 5 cm or more, binned
  by the raise;
- desk risers: ``limits.home_row_too_low_cm`` > 0, binned by the raise.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from deskfit.core import store
from deskfit.core.advice import Advice, advise

SortKey = Literal["rosa", "name"]
SORTS: tuple[SortKey, ...] = ("rosa", "name")
BANDS: tuple[str, ...] = ("low", "moderate", "assess further")
TOP_ADVICE = 3  # advice titles shown per profile
TOP_PROBLEMS = 10  # most common problems in the summary
MONITOR_RISER_MIN_CM = 5.0  # a smaller raise is a book, not a riser

# A generic title per advice id for the summary (a line's own title carries its numbers).
PROBLEM_TITLES: dict[str, str] = {
    "seat-height": "Seat height to adjust",
    "chair-too-low-for-desk": "Chair does not rise high enough for the desk",
    "seat-cushion": "Seat too low: needs a firm cushion",
    "seat-depth": "Seat depth does not fit",
    "backrest": "No backrest in use",
    "lumbar-support": "Lumbar support missing or misplaced",
    "backrest-recline": "Backrest recline to adjust",
    "armrest-height": "Armrests at the wrong height",
    "armrest-surface": "Armrests hard or too wide",
    "keyboard-tray-height": "Keyboard tray height to adjust",
    "desk-height": "Desk height to adjust",
    "surface-at-lowest": "Work surface high even at its lowest",
    "desk-too-low": "Desk too low",
    "legroom": "Not enough legroom under the desk",
    "standing-height": "Standing desk height",
    "footstool-height": "Footstool needed or at the wrong height",
    "footstool-not-needed": "Footstool not needed",
    "footstool-second-position": "Footstool: a second position",
    "crossing-legs": "Crosses legs",
    "breaks": "Too long without a break",
    "measure-elbow": "Elbow height estimated: measure it",
    "stature-outside-data": "Stature outside the data",
    "wrists-straight": "Wrists bent up or down",
    "wrists-deviate": "Wrists bent sideways",
    "overhead-reach": "Reaches overhead",
    "mouse-position": "Mouse not in line with the shoulder",
    "mouse-same-surface": "Mouse not on the keyboard's surface",
    "mouse-size": "Pinch grip on the mouse",
    "palm-rest": "Hard palm rest",
    "monitor-height": "Screen at the wrong height",
    "monitor-distance": "Screen at the wrong distance",
    "monitor-in-front": "Screen not in front",
    "glare": "Glare on the screen",
    "document-holder": "No document holder",
    "phone-neck-hold": "Phone held between neck and shoulder",
    "phone-headset": "Phone: use a headset",
    "phone-reach": "Phone out of reach",
}


def problem_title(advice_id: str) -> str:
    return PROBLEM_TITLES.get(advice_id) or advice_id.replace("-", " ").capitalize()


def size_bin(height_cm: float) -> str:
    """The whole-centimetre bin of a height: 6.0 and 6.5 → "6–7 cm" (floor, one wide)."""
    low = math.floor(round(height_cm, 3))
    return f"{low}–{low + 1} cm"


def _bin_key(label: str) -> int:
    return int(label.split("–", 1)[0])


@dataclass(frozen=True, slots=True)
class Row:
    """One profile in the report: what is shown, and what the summary counts."""

    name: str
    file: str
    rosa: int
    rosa_after: int
    band: str
    band_after: str
    top_advice: tuple[str, ...]  # titles, at most TOP_ADVICE
    problems: tuple[str, ...]  # ids of every line above "info", each once
    seat_cm: float
    surface: Literal["desk", "tray"]
    surface_cm: float
    footstool_cm: float
    monitor_top_cm: float
    # the shopping list: what this profile needs bought (None / False / 0: nothing)
    buy_footstool_cm: float | None = None
    buy_tray: bool = False
    buy_chair: bool = False
    buy_cushion_cm: float | None = None
    buy_monitor_riser_cm: float | None = None
    buy_desk_riser_cm: float | None = None


@dataclass(frozen=True, slots=True)
class ReportError:
    file: str
    message: str  # one line


@dataclass(frozen=True)
class ShoppingItem:
    what: str
    count: int
    sizes: tuple[tuple[str, int], ...] = ()  # (bin, count), smallest first


@dataclass(frozen=True)
class Summary:
    profiles: int
    invalid: int
    bands: dict[str, int]
    bands_after: dict[str, int]
    problems: tuple[tuple[str, str, int], ...]  # (id, title, profiles), commonest first
    shopping: tuple[ShoppingItem, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "profiles": self.profiles,
            "invalid": self.invalid,
            "bands": self.bands,
            "bands_after": self.bands_after,
            "problems": [{"id": i, "title": t, "count": n} for i, t, n in self.problems],
            "shopping": [
                {"item": s.what, "count": s.count, "sizes": dict(s.sizes)} for s in self.shopping
            ],
        }


@dataclass(frozen=True)
class Report:
    rows: list[Row]
    summary: Summary
    errors: list[ReportError] = field(default_factory=list)


def scan(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Directories → their *.toml files (sorted, not recursive); files as given."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from store.list_profiles(path)
        else:
            yield path


def _one_line(exc: store.ProfileFileError) -> str:
    lines = exc.report().splitlines() or [str(exc.path)]
    more = len(lines) - 1
    return lines[0] + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def row_for(advice: Advice, file: str) -> Row:
    """The compact row of one profile's advice."""
    profile, now, to, limits = advice.profile, advice.current, advice.settings, advice.fit.limits
    stool = profile.footstool
    buy_stool = to.footstool_height_cm > 0 and (
        not stool.owned
        or limits.footstool_fixed_off_cm != 0
        or limits.footstool_beyond_range_cm != 0
    )
    adjustable_chair = profile.chair.height_adjustable
    chair_short = (
        limits.home_row_too_high_cm > 0 or limits.seat_too_low_cm > 0
        if adjustable_chair
        else to.cushion_cm > 0
    )
    raise_monitor = to.monitor_top_height_cm - now.monitor_top_height_cm
    riser = any(line.id == "monitor-height" for line in advice.lines) and (
        raise_monitor >= MONITOR_RISER_MIN_CM - 1e-9
    )
    problems = tuple(dict.fromkeys(line.id for line in advice.lines if line.severity != "info"))
    return Row(
        name=profile.name,
        file=file,
        rosa=advice.rosa.final,
        rosa_after=advice.rosa_after.final,
        band=advice.rosa.band,
        band_after=advice.rosa_after.band,
        top_advice=tuple(line.title for line in advice.lines[:TOP_ADVICE]),
        problems=problems,
        seat_cm=round(to.seat_height_cm, 1),
        surface="tray" if to.keyboard_tray_height_cm is not None else "desk",
        surface_cm=round(to.work_surface_height_cm, 1),
        footstool_cm=round(to.footstool_height_cm, 1),
        monitor_top_cm=round(to.monitor_top_height_cm, 1),
        buy_footstool_cm=round(to.footstool_height_cm, 1) if buy_stool else None,
        buy_tray=limits.home_row_too_high_cm > 0,
        buy_chair=chair_short,
        buy_cushion_cm=round(to.cushion_cm, 1) if to.cushion_cm > 0 else None,
        buy_monitor_riser_cm=round(raise_monitor, 1) if riser else None,
        buy_desk_riser_cm=(
            round(limits.home_row_too_low_cm, 1) if limits.home_row_too_low_cm > 0 else None
        ),
    )


def read_rows(
    paths: Iterable[Path | str], progress: Callable[[int], None] | None = None
) -> Iterator[Row | ReportError]:
    """One Row or ReportError per file, reading one file at a time."""
    for done, path in enumerate(scan(paths), start=1):
        item: Row | ReportError
        try:
            loaded = store.load_profile(path)
            item = row_for(advise(loaded.profile), str(path))
        except store.ProfileFileError as exc:
            item = ReportError(str(path), _one_line(exc))
        except Exception as exc:  # a bug in one profile's advice must not stop the report
            item = ReportError(str(path), f"{path}: internal error ({type(exc).__name__}: {exc})")
        if progress is not None:
            progress(done)
        yield item


def _sized(what: str, sizes: Iterable[float | None]) -> ShoppingItem:
    bins = Counter(size_bin(s) for s in sizes if s is not None)
    return ShoppingItem(
        what, sum(bins.values()), tuple(sorted(bins.items(), key=lambda kv: _bin_key(kv[0])))
    )


def summarise(rows: Sequence[Row], invalid: int = 0) -> Summary:
    """Bands now and after, the commonest problems and the shopping list."""
    bands = Counter(r.band for r in rows)
    after = Counter(r.band_after for r in rows)
    problems = Counter(p for r in rows for p in r.problems)
    commonest = sorted(problems.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_PROBLEMS]
    shopping = (
        _sized("footstools", (r.buy_footstool_cm for r in rows)),
        ShoppingItem("keyboard trays", sum(r.buy_tray for r in rows)),
        ShoppingItem("chairs with a larger height range", sum(r.buy_chair for r in rows)),
        _sized("seat cushions", (r.buy_cushion_cm for r in rows)),
        _sized("monitor risers", (r.buy_monitor_riser_cm for r in rows)),
        _sized("desk risers", (r.buy_desk_riser_cm for r in rows)),
    )
    return Summary(
        profiles=len(rows),
        invalid=invalid,
        bands={b: bands.get(b, 0) for b in BANDS},
        bands_after={b: after.get(b, 0) for b in BANDS},
        problems=tuple((i, problem_title(i), n) for i, n in commonest),
        shopping=shopping,
    )


def sort_rows(rows: list[Row], by: SortKey = "rosa") -> None:
    """In place: ROSA final, worst first, ties by name; or by name (then file)."""
    if by == "name":
        rows.sort(key=lambda r: (r.name.casefold(), r.name, r.file))
    else:
        rows.sort(key=lambda r: (-r.rosa, r.name.casefold(), r.name, r.file))


def build(
    paths: Iterable[Path | str],
    progress: Callable[[int], None] | None = None,
    sort: SortKey = "rosa",
) -> Report:
    """The report over every profile found in ``paths``."""
    rows: list[Row] = []
    errors: list[ReportError] = []
    for item in read_rows(paths, progress):
        if isinstance(item, Row):
            rows.append(item)
        else:
            errors.append(item)
    sort_rows(rows, sort)
    return Report(rows, summarise(rows, len(errors)), errors)
