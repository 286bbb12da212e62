"""Compare the profile under review with another saved one.

``ProfilePicker`` lists the saved profiles (name, last saved); ``CompareScreen`` shows what
``core.compare`` found: the answers and settings that differ, the ROSA score now and after
for each, and the advice one has and the other has not. Esc goes back to the review.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, Static
from textual.worker import get_current_worker

from deskfit.core.session.listing import Entry, scan
from deskfit.tui.dialogs import Dialog
from deskfit.tui.widgets.profile_list import ProfileList, columns

if TYPE_CHECKING:
    from deskfit.core.ops.compare import Changed, Comparison

SEVERITY_MARK = {"high": "▲", "medium": "●", "low": "○", "info": "·"}


def band_style(score: int) -> str:
    return "bold red" if score >= 5 else "bold yellow" if score >= 3 else "bold green"


def shown(value: object) -> str:
    """An answer or a setting as a person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class ProfilePicker(Dialog[Path | None]):
    """Pick a saved profile (not the one being reviewed); Esc cancels."""

    # The screen's own styles (the app's stylesheet holds the wizard's layout only).
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #picker {
        height: auto;
        max-height: 12;
    }

    #picker-header {
        color: $text-muted;
        text-style: bold;
        padding: 0 1;
    }

    #picker-hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, profiles_dir: Path, exclude: Path | None = None) -> None:
        super().__init__(id="compare-picker", classes="dialog-screen")
        self._folder = profiles_dir
        self._exclude = exclude.absolute().resolve() if exclude is not None else None
        self.entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Label("Compare with which profile?", classes="dialog-title")
            yield Static("", id="picker-header")
            yield ProfileList(id="picker", with_rosa=False)
            yield Static("Looking for saved profiles…", id="picker-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Compare", id="pick", variant="primary", disabled=True)
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(ProfileList).focus()
        self._scan()

    @work(thread=True, exclusive=True)
    def _scan(self) -> None:
        """Read the folder in a thread: every profile is read and advised."""
        try:
            found = scan(self._folder)
        except OSError:
            found = []  # said as "no other saved profile"
        entries = [
            e for e in found if e.kind == "profile" and e.path.absolute().resolve() != self._exclude
        ]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, entries)

    def _show(self, entries: list[Entry]) -> None:
        self.entries = entries
        if not self.is_attached:
            return
        listing = self.query_one(ProfileList)
        listing.show(entries)
        hint = self.query_one("#picker-hint", Static)
        if entries:
            self.query_one("#picker-header", Static).update(
                Content(columns(entries, False, listing.room())[1])
            )
            hint.update("Enter compares; Esc goes back.")
        else:
            hint.update(Content(f"No other saved profile in {self._folder}."))
        self.query_one("#pick", Button).disabled = not entries

    @on(ProfileList.OptionSelected, "#picker")
    @on(Button.Pressed, "#pick")
    def _pick(self) -> None:
        index = self.query_one(ProfileList).selected()
        if index is not None:
            self.dismiss(self.entries[index].path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def changed_table(rows: list[Changed], *, sections: bool = False) -> Table:
    """Before → after, one row each; answers grouped under their section's title."""
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    table.add_column("")
    table.add_column("This one (A)", justify="right", overflow="fold")
    table.add_column("", justify="center")
    table.add_column("Other (B)", justify="right", style="bold", overflow="fold")
    section = None
    for row in rows:
        if sections and row.section != section:
            section = row.section
            table.add_row(Text(section, style="bold underline"), "", "", "")
        title = f"  {row.title or row.key}" if sections else row.title or row.key
        table.add_row(Text(title), Text(shown(row.before)), "→", Text(shown(row.after)))
    return table


def rosa_compare_table(c: Comparison) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    table.add_column("ROSA (1 low – 10 high)")
    table.add_column("Now", justify="right")
    table.add_column("After the advice", justify="right")
    for name, now, after in (
        (f"A {c.name_a}", c.rosa_a, c.rosa_after_a),
        (f"B {c.name_b}", c.rosa_b, c.rosa_after_b),
    ):
        table.add_row(
            Text(name),
            Text(f"{now.final} {now.band}", band_style(now.final)),
            Text(f"{after.final} {after.band}", band_style(after.final)),
        )
    return table


def advice_list(lines: list[Any]) -> Text:
    out = Text()
    for n, line in enumerate(lines):
        if n:
            out.append("\n")
        out.append(
            f"{SEVERITY_MARK.get(line.severity, '·')} ",
            style=band_style({"high": 5, "medium": 3}.get(line.severity, 1)),
        )
        out.append(line.title)
    return out


class CompareScreen(Screen[None]):
    """Two profiles side by side: what differs, and what it does to the score and advice."""

    # The screen's own styles (the app's stylesheet holds the wizard's layout only).
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .section-title {
        color: $primary;
        text-style: bold;
        margin-top: 1;
    }

    #compare-body {
        padding: 0 1;
    }

    #compare-title {
        height: auto;
        color: $primary;
    }

    #compare-scroll {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }

    #compare-rosa {
        height: auto;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape,q", "back", "Back")]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__(id="compare")
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        c = self.comparison
        with Vertical(id="compare-body"):
            title = Text.assemble(
                ("Compare · ", "bold"),
                ("A ", "dim"),
                (c.name_a, "bold"),
                ("  →  ", ""),
                ("B ", "dim"),
                (c.name_b, "bold"),
            )
            if c.identical:
                title.append(" · no differences", style="dim")
            yield Static(title, id="compare-title")
            with VerticalScroll(id="compare-scroll", can_focus=True):
                yield Static(rosa_compare_table(c), id="compare-rosa")
                yield Static(
                    f"[b]Answers changed[/b] ({len(c.answers)}, in A's units)",
                    classes="section-title",
                )
                if c.answers:
                    yield Static(changed_table(c.answers, sections=True), id="compare-answers")
                else:
                    yield Static("The same answers.", id="compare-answers")
                yield Static(
                    f"[b]Settings changed[/b] ({len(c.settings)})", classes="section-title"
                )
                if c.settings:
                    yield Static(changed_table(c.settings), id="compare-settings")
                else:
                    yield Static("The same settings.", id="compare-settings")
                only_a, only_b = (
                    ("Advice resolved", "Advice new") if c.versions else c.advice_headings
                )
                yield Static(
                    f"[b]{only_a}[/b] ({len(c.resolved)})"
                    + (": in A's advice, not in B's" if c.versions else ""),
                    classes="section-title",
                )
                yield Static(
                    advice_list(c.resolved) if c.resolved else Text("None."),
                    id="compare-resolved",
                )
                yield Static(
                    f"[b]{only_b}[/b] ({len(c.new)})"
                    + (": in B's advice, not in A's" if c.versions else ""),
                    classes="section-title",
                )
                yield Static(advice_list(c.new) if c.new else Text("None."), id="compare-new")
                yield Static("[b]Symptoms[/b]", classes="section-title")
                yield Static(
                    Text.assemble(("A  ", "dim"), c.symptoms_a, "\n", ("B  ", "dim"), c.symptoms_b),
                    id="compare-symptoms",
                )
                yield Static(
                    f"[b]Actions changed[/b] ({len(c.actions)}; done since A: {len(c.done)})",
                    classes="section-title",
                )
                if c.actions:
                    yield Static(changed_table(list(c.actions)), id="compare-actions")
                else:
                    yield Static("The same actions.", id="compare-actions")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#compare-scroll").focus()

    def action_back(self) -> None:
        self.app.pop_screen()
