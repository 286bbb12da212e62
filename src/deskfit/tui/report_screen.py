"""The team report: every profile in a folder, summed up (``core.report``).

``FolderScreen`` asks which folder (the profiles folder to start with); ``ReportScreen``
shows the ROSA bands now and after as a bar chart, the commonest problems, the shopping
list, the files that cannot be read, and one row per profile. Esc goes back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Static
from textual.worker import get_current_worker

from deskfit.core.model.shown_text import safe_path
from deskfit.core.ops.report import BANDS, Report, ReportError
from deskfit.tui.dialogs import Dialog
from deskfit.tui.widgets.one_line import OneLineInput

BAND_STYLES = {"low": "green", "moderate": "yellow", "assess further": "red"}
BLOCK, PARTS = "█", " ▏▎▍▌▋▊▉"  # whole cells, then eighths of a cell


def folder_problem(text: str) -> str | None:
    """Why ``text`` cannot be reported on, or None."""
    if not text.strip():
        return "type the folder that holds the profiles"
    path = Path(text.strip()).expanduser()
    if not path.exists():
        return f"{safe_path(path)} does not exist"
    if not path.is_dir():
        return f"{safe_path(path)} is not a folder"
    return None


class FolderScreen(Dialog[Path | None]):
    """Ask for the folder of profiles to report on; Esc cancels."""

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: Path) -> None:
        super().__init__(id="report-folder", classes="dialog-screen")
        self._folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Team report", classes="dialog-title")
            yield Static(
                "Every profile in a folder: the ROSA scores, the commonest problems and "
                "what to buy.",
                classes="dialog-text",
            )
            yield Label("Folder")
            yield OneLineInput(str(self._folder), id="report-path")
            yield Static("", id="report-message", classes="field-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Report", id="report", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        box_ = self.query_one("#report-path", Input)
        box_.focus()
        box_.cursor_position = len(box_.value)

    @on(Input.Submitted, "#report-path")
    @on(Button.Pressed, "#report")
    def _report(self) -> None:
        text = self.query_one("#report-path", Input).value
        problem = folder_problem(text)
        if problem:
            self.query_one("#report-message", Static).update(problem)
            return
        self.dismiss(Path(text.strip()).expanduser())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def bar(count: int, top: int, width: int) -> str:
    """``count`` of ``top`` as a bar ``width`` cells long at most, in eighths of a cell."""
    if top <= 0 or count <= 0 or width <= 0:
        return ""
    eighths = max(1, round(count / top * width * 8))
    whole, part = divmod(eighths, 8)
    return BLOCK * whole + (PARTS[part] if part else "")


class BandChart(Widget):
    """Profiles per ROSA band, now and after the advice: one bar each, scaled to fit."""

    DEFAULT_CSS = "BandChart { height: auto; }"
    LABEL = 16  # "assess further" and a space
    WHEN = 7  # "now", "after" and a space

    def __init__(self, now: dict[str, int], after: dict[str, int], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.now = now
        self.after = after

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return 3 * len(BANDS) - 1  # two bars a band, a blank line between bands

    def chart(self, width: int) -> Text:
        top = max([*self.now.values(), *self.after.values(), 1])
        room = max(1, width - self.LABEL - self.WHEN - len(str(top)) - 1)
        out = Text()
        for i, band in enumerate(BANDS):
            style = BAND_STYLES.get(band, "")
            for j, (when, counts) in enumerate((("now", self.now), ("after", self.after))):
                if i or j:
                    out.append("\n\n" if j == 0 else "\n")
                count = counts.get(band, 0)
                out.append(
                    f"{band if j == 0 else '':<{self.LABEL}}", style="bold" if j == 0 else ""
                )
                out.append(f"{when:<{self.WHEN}}", style="dim")
                out.append(bar(count, top, room), style=style if j == 0 else f"{style} dim")
                out.append(f" {count}", style="bold")
        return out

    def render(self) -> Text:
        return self.chart(self.content_size.width)


def problems_table(problems: tuple[tuple[str, str, int], ...]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    table.add_column("Problem")
    table.add_column("Profiles", justify="right")
    for _, title, count in problems:
        table.add_row(Text(title), str(count))
    return table


def shopping_text(report: Report) -> Text:
    out = Text()
    for n, item in enumerate(report.summary.shopping):
        if n:
            out.append("\n")
        out.append(f"{item.count:>3}  ", style="bold" if item.count else "dim")
        out.append(item.what, style="" if item.count else "dim")
        if item.sizes:
            sizes = ", ".join(f"{size}: {count}" for size, count in item.sizes)
            out.append(f"  ({sizes})", style="dim")
    return out


def error_line(error: ReportError) -> str:
    """The file's name, then the problem (without the full path it starts with)."""
    name = Path(error.file).name
    message = error.message
    if message.startswith(error.file):
        message = message[len(error.file) :].lstrip(":").strip()
        head, sep, rest = message.partition(": ")
        if sep and head.isdigit():  # "2: column 7: ..." → "line 2: column 7: ..."
            message = f"line {head}: {rest}"
    return f"{name}: {message}"


def rows_table(report: Report) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column("Profile", ratio=2)
    table.add_column("ROSA", justify="right", no_wrap=True)
    table.add_column("First advice", ratio=3)
    for row in report.rows:
        rosa = Text(f"{row.rosa} → {row.rosa_after}", BAND_STYLES.get(row.band_after, ""))
        table.add_row(Text(row.name), rosa, Text(row.top_advice[0] if row.top_advice else "—"))
    return table


Builder = Callable[[Path, Callable[[int], None]], Report]  # (folder, progress) → report
PROGRESS_EVERY = 50  # files read between two updates of "Reading…"


class ReportScreen(Screen[None]):
    """A folder's profiles summed up; Esc goes back to the start screen.

    The report is built in a thread (a folder may hold thousands of profiles), saying how
    many files it has read so far; the screen fills in when it is done.
    """

    # The screen's own styles (the app's stylesheet holds the wizard's layout only).
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .section-title {
        color: $primary;
        text-style: bold;
        margin-top: 1;
    }

    #report-body {
        padding: 0 1;
    }

    #report-title {
        height: auto;
        color: $primary;
    }

    #report-scroll {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }

    #band-chart {
        margin-top: 1;
        width: 1fr;
        max-width: 110;
    }

    #report-problems, #report-rows {
        height: auto;
    }

    #report-shopping, #report-errors {
        margin-top: 1;
    }

    #report-errors {
        color: $text-warning;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape,q", "back", "Back")]

    def __init__(self, folder: Path, build: Builder) -> None:
        super().__init__(id="report")
        self.folder = folder
        self.report: Report | None = None
        self._build = build

    def compose(self) -> ComposeResult:
        report = self.report
        with Vertical(id="report-body"):
            title = Text.assemble(("Team report · ", "bold"), (safe_path(self.folder), "bold"))
            if report is not None:
                summary = report.summary
                counts = f" · {summary.profiles} profile{'s' if summary.profiles != 1 else ''}"
                if summary.invalid:
                    counts += f", {summary.invalid} unreadable"
                title.append(counts, style="dim")
            yield Static(title, id="report-title")
            with VerticalScroll(id="report-scroll", can_focus=True):
                if report is None:
                    yield Static("Reading the profiles…", id="report-progress")
                else:
                    yield from self._sections(report)
        yield Footer(compact=True, show_command_palette=False)

    def _sections(self, report: Report) -> ComposeResult:
        summary = report.summary
        yield Static(
            "[b]ROSA bands[/b] (profiles now, and after the advice)", classes="section-title"
        )
        yield BandChart(summary.bands, summary.bands_after, id="band-chart")
        yield Static("[b]Most common problems[/b]", classes="section-title")
        if summary.problems:
            yield Static(problems_table(summary.problems), id="report-problems")
        else:
            yield Static("None.", id="report-problems")
        yield Static("[b]Shopping list[/b] (how many, by size)", classes="section-title")
        yield Static(shopping_text(report), id="report-shopping")
        yield Static(
            f"[b]Files that cannot be read[/b] ({len(report.errors)})", classes="section-title"
        )
        yield Static(
            Text("\n".join(error_line(e) for e in report.errors) or "None."),
            id="report-errors",
        )
        if report.rows:
            yield Static("[b]Profiles[/b] (worst ROSA first)", classes="section-title")
            yield Static(rows_table(report), id="report-rows")

    def on_mount(self) -> None:
        self.query_one("#report-scroll").focus()
        self.run_worker(self._read, thread=True, exclusive=True, name="team-report")

    def _read(self) -> None:
        """In the worker thread: build the report, then show it (if still wanted)."""
        worker = get_current_worker()

        def progress(done: int) -> None:
            if done % PROGRESS_EVERY == 0 and not worker.is_cancelled:
                self.app.call_from_thread(self._progress, done)

        try:
            report = self._build(self.folder, progress)
        except OSError as exc:  # the folder went away, or cannot be listed
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, f"{exc.strerror or exc}")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.call_later, self._show, report)

    def _progress(self, done: int) -> None:
        if self.is_attached and self.report is None:
            self.query_one("#report-progress", Static).update(f"Reading the profiles… {done}")

    def _failed(self, why: str) -> None:
        if self.is_attached:
            self.query_one("#report-progress", Static).update(
                Text(f"{self.folder} cannot be read: {why}")
            )

    async def _show(self, report: Report) -> None:
        if not self.is_attached:
            return
        self.report = report
        await self.recompose()
        self.query_one("#report-scroll").focus()

    def action_back(self) -> None:
        self.app.pop_screen()


def ask_for_report(app: Any, folder: Path, build: Builder) -> None:
    """The folder dialog, then the report of the folder chosen."""

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.push_screen(ReportScreen(path, build))

    app.push_screen(FolderScreen(folder), chosen)
