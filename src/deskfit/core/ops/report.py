"""A report over many profiles: one compact row each, a summary, and a shopping list.

``build(paths)`` reads one file at a time, runs the advice, and keeps a small frozen
``Row`` per profile (no Profile or Advice object survives the loop). ``stream(paths)``
(what ``deskfit report`` uses) gives the same rows, order and summary while keeping
memory flat however many profiles there are: each row goes to a temporary spill file as
it is read, the summary is counted as rows pass (``Tally``), and only a short sort key
per row stays in memory. Both can read the files in worker processes (``jobs``), rows
coming back in order. Invalid files become ``ReportError`` entries with a one-line
message; they never stop the report.

Paths: a directory means its ``*.toml`` files (not recursive, sorted, hidden and
temporary files skipped, as ``store.list_profiles``); a file is read as given. Each file
is read once however often it is named (``DIR DIR/ DIR/x.toml``, a link to a file
already listed). Only regular files are read: a named pipe, a terminal or another device
is listed as invalid without a byte read from it, so nothing in a folder can make the
report wait. File names, profile names and error messages are kept as
``shown_text.safe`` shows them (control characters and bytes that are not UTF-8
escaped), so every format prints them safely.

The shopping list, so a manager can order what is needed:

- footstools: a plan step that buys one (none owned, or an owned fixed one too far off),
  grouped by its height in whole-centimetre bins: a height H goes in the bin "n–n+1 cm"
  with n = floor(H), so 6.0 and 6.5 cm are "6–7 cm" and 7.0 cm is "7–8 cm" (a stool of
  the bin's height, or an adjustable one covering it, fits everyone in it within the
  ±2 cm a fixed stool may be off);
- keyboard trays: a plan step that fits one;
- chairs whose range is too small: the plan leaves the home row above the elbows or the
  seat too low, or needs a cushion or a tray because the chair runs out;
- seat cushions: a plan step that buys one, binned by thickness as footstools are;
- monitor risers: a plan step raising a screen that stands on the desk by 5 cm or more,
  binned by the raise;
- desk risers: a plan step raising a fixed desk, binned by the raise;
- keyboards and mice: the separate keyboard and mouse a laptop typed on needs;
- laptop stands: a plan step raising a laptop's screen 5 cm or more;
- monitor arms: a plan step that puts the screen on an arm for standing;
- mouse platforms: the advice for a keyboard tray with no room for the mouse.

A purchase whose advice line's action is done, declined or not possible is not listed.
"""

from __future__ import annotations

import contextlib
import itertools
import marshal
import math
import multiprocessing
import multiprocessing.pool
import os
import signal
import struct
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.files import store
from deskfit.core.model.shown_text import safe, safe_path
from deskfit.core.ops.actions import count_actions

SortKey = Literal["rosa", "name"]
SORTS: tuple[SortKey, ...] = ("rosa", "name")
BANDS: tuple[str, ...] = ("low", "moderate", "assess further")
TOP_ADVICE = 3  # advice titles shown per profile
TOP_PROBLEMS = 10  # most common problems in the summary

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
    "mouse-platform": "Keyboard tray too narrow for the mouse",
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
    "laptop-keyboard": "Typing on the laptop: needs a separate keyboard",
    "second-screen": "Second screen not level with or beside the main one",
    "second-screen-distance": "Second screen at the wrong distance",
    "standing-screen": "Screen at the wrong height standing",
    "standing-mat": "Standing without an anti-fatigue mat",
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
    """One profile in the report: what is shown, and what the summary counts.

    ``name``, ``file`` and the advice titles are as ``shown_text.safe`` shows them.
    """

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
    buy_keyboards: int = 0
    buy_laptop_stands: int = 0
    buy_monitor_arms: int = 0
    buy_mouse_platforms: int = 0
    # follow-up (core/ops/actions.py): what is still to do, and whether a review is late
    open_actions: int = 0
    overdue_actions: int = 0
    owners: tuple[tuple[str, int], ...] = ()  # (owner as safe shows it, open actions)
    review_date: str | None = None
    review_overdue: bool = False
    units: Literal["metric", "imperial"] = "metric"  # how the text and Markdown show lengths


@dataclass(frozen=True, slots=True)
class ReportError:
    file: str  # as shown_text.safe_path shows it
    message: str  # one line, safe to print


@dataclass(frozen=True)
class ShoppingItem:
    what: str
    count: int
    sizes: tuple[tuple[str, int], ...] = ()  # (bin, count), smallest first


@dataclass(frozen=True)
class Actions:
    """The follow-up across profiles: open and overdue actions, late reviews, owners."""

    open: int
    overdue: int
    profiles_with_open: int
    reviews_overdue: int
    owners: tuple[tuple[str, int], ...]  # (owner, open actions), most first

    def as_dict(self) -> dict[str, object]:
        return {
            "open": self.open,
            "overdue": self.overdue,
            "profiles_with_open": self.profiles_with_open,
            "reviews_overdue": self.reviews_overdue,
            "owners": dict(self.owners),
        }


@dataclass(frozen=True)
class Summary:
    profiles: int
    invalid: int
    bands: dict[str, int]
    bands_after: dict[str, int]
    problems: tuple[tuple[str, str, int], ...]  # (id, title, profiles), commonest first
    shopping: tuple[ShoppingItem, ...]
    actions: Actions = field(default_factory=lambda: Actions(0, 0, 0, 0, ()))

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
            "actions": self.actions.as_dict(),
        }


@dataclass(frozen=True)
class Report:
    rows: list[Row]
    summary: Summary
    errors: list[ReportError] = field(default_factory=list)


def _identity(path: Path) -> int | str:
    """What makes two paths the same file: its device and inode (a link, ``DIR/`` and
    ``DIR/./x`` all lead to one), else, when it cannot be looked at, its resolved path.

    ``os.stat`` never opens the file, so a pipe or a terminal cannot make it wait. The
    pair is packed into one int (st_ino fits in 128 bits everywhere), about half the
    memory of a tuple of two, as only this is kept per file while the report runs.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        try:
            return os.path.realpath(path)
        except (OSError, ValueError):
            return os.path.abspath(path)
    return (info.st_dev << 128) | info.st_ino


def scan(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Directories → their *.toml files (sorted, not recursive); files as given.

    Each file once, where it is first met: a file named again (the same folder twice, a
    folder and a file in it, a hard or symbolic link to a file already listed) is skipped.
    Pipes, devices and missing files are yielded like any other (``read_one`` lists them
    as invalid); nothing here opens a file.
    """
    seen: set[int | str] = set()
    for path in _scan_all(paths):
        key = _identity(path)
        if key not in seen:
            seen.add(key)
            yield path


def _scan_all(paths: Iterable[Path | str]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            # as store.list_profiles, but only the names are held, not 10,000 Paths
            names = sorted(
                name
                for name in os.listdir(path)
                if name.endswith(store.SUFFIX) and not name.startswith(".")
            )
            for name in names:
                yield path / name
        else:
            yield path


def _one_line(exc: store.ProfileFileError, shown: str) -> str:
    """The first problem, on one line, the file as ``shown``; how many more follow."""
    lines = [safe(p.located(shown)) for p in exc.problems] or [shown]
    more = len(lines) - 1
    return lines[0] + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def row_for(advice: Advice, file: str, today: date | None = None) -> Row:
    """The compact row of one profile's advice: settings and purchases read off its plan,
    and what is still to do as of ``today``.

    ``file`` is shown as ``shown_text.safe_path`` shows it, the profile's name as ``safe``.
    """
    profile, to, plan = advice.profile, advice.settings, advice.plan
    todo = count_actions(advice, today or date.today())
    review = profile.assessment.review_date
    f = plan.findings
    # what is still to buy: a purchase whose advice line is done, declined or not
    # possible is off the list (bought already, or not to be bought)
    closed = {advice_id for advice_id, action in profile.actions.items() if not action.open}
    to_buy = [s for s in plan.purchases if s.advice_id not in closed]
    bought = {s.buy: s for s in to_buy}
    stool, tray, cushion = (
        bought.get("footstool"),
        bought.get("keyboard tray"),
        bought.get("cushion"),
    )
    riser, desk_risers = bought.get("monitor riser"), bought.get("desk risers")
    # a laptop and a second laptop can each want a stand: these are counted by step
    counted = Counter(s.buy for s in to_buy)
    chair_short = bool(
        f.home_row_high_cm or f.seat_low_cm or f.tray_route_why == "chair" or cushion
    )
    problems = tuple(dict.fromkeys(line.id for line in advice.lines if line.severity != "info"))
    return Row(
        name=safe(profile.name),
        file=safe_path(file),
        rosa=advice.rosa.final,
        rosa_after=advice.rosa_after.final,
        band=advice.rosa.band,
        band_after=advice.rosa_after.band,
        top_advice=tuple(safe(line.title) for line in advice.lines[:TOP_ADVICE]),
        problems=problems,
        seat_cm=round(to.seat_height_cm, 1),
        surface="tray" if to.keyboard_tray_height_cm is not None else "desk",
        surface_cm=round(to.work_surface_height_cm, 1),
        footstool_cm=round(to.footstool_height_cm, 1),
        monitor_top_cm=round(to.monitor_top_height_cm, 1),
        buy_footstool_cm=round(stool.to_cm, 1) if stool else None,
        buy_tray=tray is not None,
        buy_chair=chair_short,
        buy_cushion_cm=round(cushion.to_cm, 1) if cushion else None,
        buy_monitor_riser_cm=round(riser.change_cm, 1) if riser else None,
        buy_desk_riser_cm=round(desk_risers.change_cm, 1) if desk_risers else None,
        buy_keyboards=counted["keyboard and mouse"],
        buy_laptop_stands=counted["laptop stand"],
        buy_monitor_arms=counted["monitor arm"],
        # advice, not a step (the plan sets no width): counted from its line
        buy_mouse_platforms=int(
            "mouse-platform" not in closed
            and any(line.id == "mouse-platform" for line in advice.lines)
        ),
        open_actions=todo.open,
        overdue_actions=todo.overdue,
        owners=tuple((safe(owner), n) for owner, n in todo.owners),
        review_date=review.isoformat() if review else None,
        review_overdue=todo.review_overdue,
        units=profile.units,
    )


def read_one(path: Path | str) -> Row | ReportError:
    """The Row of one file, or its ReportError; never raises for a bad or odd profile.

    Only a regular file is read: a named pipe (even one being written to and held open),
    a terminal or another device is an error at once, nothing read from it, so it cannot
    make the report wait. Names and messages are made safe to print (``shown_text``).
    """
    shown = safe_path(path)
    try:
        loaded = store.load_profile(path, regular_only=True)
        return row_for(advise(loaded.profile), shown)
    except store.ProfileFileError as exc:
        return ReportError(shown, _one_line(exc, shown))
    except Exception as exc:  # a bug in one profile's advice must not stop the report
        return ReportError(shown, safe(f"{shown}: internal error ({type(exc).__name__}: {exc})"))


POOL_MIN_FILES = 200  # below this, starting worker processes costs more than it saves
_POOL_CHUNK = 32


def cores() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_ignores_sigint() -> None:
    """Pool initializer: Ctrl-C is the parent's to handle, never a worker's traceback.

    A terminal sends SIGINT to the whole process group, workers included; the parent
    stops them (``Pool.terminate``). SIGINT was held back while the worker was forked
    (``_sigint_held``); one that came meanwhile is dropped once it is ignored.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT held back (blocked, not lost) in this thread while the block runs.

    Forked workers inherit the block, so a Ctrl-C while they start cannot interrupt them
    before ``_worker_ignores_sigint`` runs; in this process it is delivered on leaving
    (KeyboardInterrupt raised there).
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _pool(jobs: int) -> multiprocessing.pool.Pool:
    """``jobs`` forked worker processes that ignore Ctrl-C (the parent stops them)."""
    return multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_ignores_sigint)


def read_rows(
    paths: Iterable[Path | str],
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> Iterator[Row | ReportError]:
    """One Row or ReportError per file, in the order of ``scan``.

    ``jobs`` > 1 reads the files in that many worker processes (when there are at least
    POOL_MIN_FILES and the platform can fork); the rows come back in the same order, one
    at a time, so the result is the same as with one process.

    Ctrl-C (KeyboardInterrupt) stops the workers, which ignore it themselves, and is
    raised here, with nothing printed by them.
    """
    files: Iterable[Path | str] = scan(paths)
    items: Iterable[Row | ReportError]
    pool = None
    try:
        if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            head = list(itertools.islice(files, POOL_MIN_FILES))
            files = itertools.chain(head, files)
            if len(head) >= POOL_MIN_FILES:
                with _sigint_held():
                    pool = _pool(jobs)
        if pool is not None:
            items = pool.imap(read_one, files, chunksize=_POOL_CHUNK)
        else:
            items = map(read_one, files)
        for done, item in enumerate(items, start=1):
            if progress is not None:
                progress(done)
            yield item
    finally:
        if pool is not None:
            with _sigint_held():  # a second Ctrl-C waits until the workers are gone
                pool.terminate()
                pool.join()


def _sized(what: str, sizes: Iterable[float | None]) -> ShoppingItem:
    bins = Counter(size_bin(s) for s in sizes if s is not None)
    return ShoppingItem(
        what, sum(bins.values()), tuple(sorted(bins.items(), key=lambda kv: _bin_key(kv[0])))
    )


class Tally:
    """The summary counted one row at a time, so that no row need be kept for it."""

    def __init__(self) -> None:
        self.profiles = 0
        self.invalid = 0
        self.bands: Counter[str] = Counter()
        self.after: Counter[str] = Counter()
        self.problems: Counter[str] = Counter()
        self.trays = 0
        self.chairs = 0
        self.counted: Counter[str] = Counter()
        self.open = self.overdue = self.with_open = self.late_reviews = 0
        self.owners: Counter[str] = Counter()
        self.sizes: dict[str, Counter[str]] = {
            what: Counter()
            for what in ("footstools", "seat cushions", "monitor risers", "desk risers")
        }

    def add(self, row: Row) -> None:
        self.profiles += 1
        self.bands[row.band] += 1
        self.after[row.band_after] += 1
        self.problems.update(row.problems)
        self.trays += row.buy_tray
        self.chairs += row.buy_chair
        self.counted.update(
            {
                "keyboards and mice": row.buy_keyboards,
                "laptop stands": row.buy_laptop_stands,
                "monitor arms": row.buy_monitor_arms,
                "mouse platforms": row.buy_mouse_platforms,
            }
        )
        self.open += row.open_actions
        self.overdue += row.overdue_actions
        self.with_open += row.open_actions > 0
        self.late_reviews += row.review_overdue
        for owner, n in row.owners:
            self.owners[owner] += n
        for what, size in (
            ("footstools", row.buy_footstool_cm),
            ("seat cushions", row.buy_cushion_cm),
            ("monitor risers", row.buy_monitor_riser_cm),
            ("desk risers", row.buy_desk_riser_cm),
        ):
            if size is not None:
                self.sizes[what][size_bin(size)] += 1

    def _sized(self, what: str) -> ShoppingItem:
        bins = self.sizes[what]
        ordered = tuple(sorted(bins.items(), key=lambda kv: _bin_key(kv[0])))
        return ShoppingItem(what, sum(bins.values()), ordered)

    def summary(self) -> Summary:
        commonest = sorted(self.problems.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_PROBLEMS]
        return Summary(
            profiles=self.profiles,
            invalid=self.invalid,
            bands={b: self.bands.get(b, 0) for b in BANDS},
            bands_after={b: self.after.get(b, 0) for b in BANDS},
            problems=tuple((i, problem_title(i), n) for i, n in commonest),
            shopping=(
                self._sized("footstools"),
                ShoppingItem("keyboard trays", self.trays),
                ShoppingItem("chairs with a larger height range", self.chairs),
                self._sized("seat cushions"),
                self._sized("monitor risers"),
                self._sized("desk risers"),
                *(
                    ShoppingItem(what, self.counted[what])
                    for what in (
                        "keyboards and mice",
                        "laptop stands",
                        "monitor arms",
                        "mouse platforms",
                    )
                ),
            ),
            actions=Actions(
                self.open,
                self.overdue,
                self.with_open,
                self.late_reviews,
                tuple(sorted(self.owners.items(), key=lambda kv: (-kv[1], kv[0]))),
            ),
        )


def summarise(rows: Iterable[Row], invalid: int = 0) -> Summary:
    """Bands now and after, the commonest problems and the shopping list."""
    tally = Tally()
    for row in rows:
        tally.add(row)
    tally.invalid = invalid
    return tally.summary()


def _rosa_key(r: Row) -> tuple[int, str, str, str]:
    return (-r.rosa, r.name.casefold(), r.name, r.file)


def _name_key(r: Row) -> tuple[str, str, str]:
    return (r.name.casefold(), r.name, r.file)


def sort_rows(rows: list[Row], by: SortKey = "rosa") -> None:
    """In place: ROSA final, worst first, ties by name; or by name (then file)."""
    rows.sort(key=_name_key if by == "name" else _rosa_key)


def build(
    paths: Iterable[Path | str],
    progress: Callable[[int], None] | None = None,
    sort: SortKey = "rosa",
    jobs: int = 1,
) -> Report:
    """The report over every profile found in ``paths``, every row in memory.

    ``stream`` gives the same report holding only a sort key per row.
    """
    rows: list[Row] = []
    errors: list[ReportError] = []
    for item in read_rows(paths, progress, jobs):
        if isinstance(item, Row):
            rows.append(item)
        else:
            errors.append(item)
    sort_rows(rows, sort)
    return Report(rows, summarise(rows, len(errors)), errors)


@dataclass(frozen=True)
class Streamed:
    """A report whose rows wait in a spill file: ``rows`` reads them back in order."""

    summary: Summary
    errors: list[ReportError]
    count: int
    rows: Iterable[Row]


class _Spilled:
    """Rows in a temporary file, read back one at a time in the order of ``offsets``."""

    def __init__(self, spill: BinaryIO, offsets: array[int]) -> None:
        self._spill = spill
        self._offsets = offsets

    def read(self, offset: int) -> Row:
        self._spill.seek(offset)
        (size,) = _SIZE.unpack(self._spill.read(_SIZE.size))
        return Row(*marshal.loads(self._spill.read(size)))

    def __iter__(self) -> Iterator[Row]:
        for offset in self._offsets:
            yield self.read(offset)


_SIZE = struct.Struct("<I")
_ROW_FIELDS = tuple(f.name for f in fields(Row))


def _packed_key(rank: int, folded: str, offset: int) -> bytes:
    """(rank, folded, offset) as one bytes object that sorts as the tuple would.

    About a third of the memory of the tuple. The name's UTF-8 bytes sort in code point
    order; a NUL in it becomes NUL 0xFF and the name ends with a NUL, so a name sorts
    before every longer name it begins (as strings do); the offset is 8 bytes big-endian.
    """
    name = folded.encode("utf-8", "surrogatepass").replace(b"\0", b"\0\xff")
    return _RANK.pack(rank) + name + b"\0" + offset.to_bytes(8, "big")


_RANK = struct.Struct(">H")
_RANK_ZERO = 1 << 15  # rank is stored as rank + 2**15, so -rosa sorts as a number


def _sorted_offsets(keys: list[bytes], spill: _Spilled) -> array[int]:
    """Offsets in the order of ``sort_rows``, from packed (rank, casefolded name, offset).

    Only those keys are kept per row; rows whose rank and casefolded name are equal (rare)
    are then ordered by name and file, read back from the spill file, as ``sort_rows``
    orders them. Equal keys keep the order read, as a stable sort does.
    """
    keys.sort()
    offsets: array[int] = array("q")
    for _, group in itertools.groupby(keys, key=lambda k: k[:-8]):
        run = [int.from_bytes(k[-8:], "big") for k in group]
        if len(run) > 1:
            run.sort(key=lambda at: (spill.read(at).name, spill.read(at).file, at))
        offsets.extend(run)
    return offsets


@contextlib.contextmanager
def stream(
    paths: Iterable[Path | str],
    progress: Callable[[int], None] | None = None,
    sort: SortKey = "rosa",
    jobs: int = 1,
) -> Iterator[Streamed]:
    """The report of ``build`` (same rows, same order, same summary), in flat memory.

    Each row is written to a temporary spill file as it is read; only a short sort key
    and where the row is in the file stay in memory, and the summary is counted as the
    rows pass. ``Streamed.rows`` reads the rows back, sorted, one at a time, while the
    block lasts.
    """
    tally = Tally()
    errors: list[ReportError] = []
    keys: list[bytes] = []
    by_name = sort == "name"
    with tempfile.TemporaryFile(prefix="deskfit-report-") as spill:
        for item in read_rows(paths, progress, jobs):
            if isinstance(item, ReportError):
                errors.append(item)
                continue
            tally.add(item)
            offset = spill.tell()
            data = marshal.dumps(tuple(getattr(item, f) for f in _ROW_FIELDS))
            spill.write(_SIZE.pack(len(data)) + data)
            rank = _RANK_ZERO + (0 if by_name else -item.rosa)
            keys.append(_packed_key(rank, item.name.casefold(), offset))
        spill.flush()
        spilled = _Spilled(spill, array("q"))
        offsets = _sorted_offsets(keys, spilled)
        del keys
        spilled = _Spilled(spill, offsets)
        tally.invalid = len(errors)
        yield Streamed(tally.summary(), errors, len(offsets), spilled)
