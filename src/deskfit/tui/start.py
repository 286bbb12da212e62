"""The start screen: a new profile, a saved one (newest first, filtered by typing), or a draft."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.markup import escape as escape_markup
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Static

from deskfit.core.files.store import ProfileFileError, list_profiles, load_profile
from deskfit.core.session.draft import list_drafts, shown_name, shown_target, shown_writer

if TYPE_CHECKING:
    from deskfit.tui.app import DeskfitApp


@dataclass(frozen=True)
class Entry:
    """One row of the list: a saved profile, an unreadable file, or a draft."""

    kind: str  # "profile", "broken", "draft", or "busy" (a draft another deskfit writes)
    path: Path
    name: str
    when: datetime | None
    rosa: str
    problem: str = ""


def _local(when: datetime | None) -> str:
    if when is None:
        return "—"
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def scan(profiles_dir: Path) -> list[Entry]:
    """Drafts first (newest first), then saved profiles, newest first."""
    from deskfit.core.engine.advice import advise  # deferred: not needed for the first paint

    drafts: list[Entry] = []
    for d in list_drafts(profiles_dir):  # whose draft, the file it edits; safe to show
        edits = shown_target(d.target, profiles_dir)
        what = "unfinished, new profile" if d.target is None else f"unfinished changes to {edits}"
        who = shown_writer(d)
        label = f"✎ {shown_name(d)} ({what}{', ' + who if who else ''})"
        # a draft another deskfit writes now is shown, but not offered to resume or discard
        kind = "busy" if d.in_use else "draft"
        drafts.append(
            Entry(kind, d.path, escape_markup(label), d.modified, "in use" if d.in_use else "—")
        )
    saved: list[Entry] = []
    for path in list_profiles(profiles_dir):
        try:
            loaded = load_profile(path)
        except ProfileFileError as exc:
            saved.append(Entry("broken", path, f"⚠ {path.name}", None, "can't read", exc.report()))
            continue
        profile = loaded.profile
        try:
            score = advise(profile).rosa
            rosa = f"{score.final} {score.band}"
        except Exception:  # a bug in the advice must not hide the profile from the list
            rosa = "?"
        when = profile.updated or datetime.fromtimestamp(loaded.mtime_ns / 1e9).astimezone()
        saved.append(Entry("profile", path, profile.name, when, rosa))

    def newest(e: Entry) -> float:
        return e.when.timestamp() if e.when is not None else float("-inf")

    saved.sort(key=newest, reverse=True)
    return drafts + saved


class StartScreen(Screen[None]):
    """Start a new profile, open or edit a saved one, or resume a draft."""

    BINDINGS: ClassVar[list[Any]] = [
        Binding("ctrl+n", "new", "New profile"),
        Binding("ctrl+o", "open", "Open"),
        Binding("ctrl+e", "edit", "Edit"),
        Binding("ctrl+r", "resume", "Resume"),
        Binding("ctrl+t", "report", "Report"),
        Binding("delete", "discard", "Discard draft", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="start")
        self.entries: list[Entry] = []
        self._scan_pending = False

    @property
    def wizard(self) -> DeskfitApp:
        from deskfit.tui.app import DeskfitApp

        assert isinstance(self.app, DeskfitApp)
        return self.app

    def compose(self) -> ComposeResult:
        with Vertical(id="start-body"):
            yield Static(
                "[b]deskfit[/b] — set up your desk, chair and footstool for your body",
                id="start-title",
            )
            with Horizontal(id="start-buttons"):
                yield Button("New profile", id="new", variant="primary")
                yield Button("Resume draft", id="resume")
                yield Button("Open", id="open")
                yield Button("Edit", id="edit")
            # select_on_focus off: typing on the list focuses this box with the first key
            # already in it, which a select-all on focus would then let the second replace
            yield Input(
                placeholder="type to filter the profiles by name",
                id="filter",
                select_on_focus=False,
            )
            yield DataTable(id="profiles", cursor_type="row", zebra_stripes=True)
            yield Static("", id="start-hint")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#profiles", DataTable)
        table.add_column("Name", key="name")
        table.add_column("Updated", key="updated")
        table.add_column("ROSA", key="rosa")
        # The scan (every profile read, and advised for its ROSA) waits until the screen has
        # been painted once, so the first paint does not wait for it (issue 7).
        self.query_one("#resume", Button).display = False
        table.focus()
        self._scan_pending = True
        self.call_after_refresh(self._first_scan)

    def _first_scan(self) -> None:
        self._scan_pending = False
        self.reload()

    def on_screen_resume(self) -> None:
        if not self._scan_pending:  # the first resume comes with the mount: scanned then
            self.reload()

    def reload(self) -> None:
        self.entries = scan(self.wizard.profiles_dir)
        self.query_one("#resume", Button).display = self.has_draft()
        self.refresh_bindings()  # the footer offers to resume only when there is a draft
        self.fill()

    def has_draft(self) -> bool:
        return any(e.kind == "draft" for e in self.entries)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.has_draft() if action == "resume" else True

    def fill(self) -> None:
        table = self.query_one("#profiles", DataTable)
        wanted = self.query_one("#filter", Input).value.strip().lower()
        table.clear()
        for i, entry in enumerate(self.entries):
            if wanted and wanted not in entry.name.lower():
                continue
            table.add_row(entry.name, _local(entry.when), entry.rosa, key=str(i))
        hint = self.query_one("#start-hint", Static)
        if not self.entries:
            hint.update(
                f"No saved profiles yet in {self.wizard.profiles_dir}. "
                "Start a new one: it takes about five minutes."
            )
        elif table.row_count == 0:
            hint.update("No profile matches the filter (Esc clears it).")
        else:
            hint.update("Enter opens the advice; Ctrl+E edits the answers.")

    def selected(self) -> Entry | None:
        table = self.query_one("#profiles", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.entries[int(str(row_key.value))]

    # -- filtering by typing ------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter(self) -> None:
        self.fill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        """Enter in the filter opens the profile it leaves highlighted (the first match)."""
        table = self.query_one("#profiles", DataTable)
        table.focus()
        if table.row_count:
            self.action_open()

    def on_key(self, event: Key) -> None:
        table = self.query_one("#profiles", DataTable)
        box = self.query_one("#filter", Input)
        typing = event.is_printable and event.character and event.character != " "
        if self.focused is not box and typing and not isinstance(self.focused, Input):
            # typing anywhere on the start screen (the list, a button) filters the list
            box.focus()
            box.insert_text_at_cursor(event.character or "")
            event.stop()
        elif self.focused is box and event.key == "down":
            table.focus()
            event.stop()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one("#profiles", DataTable).focus()

    # -- actions ------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#profiles")
    def _chosen(self) -> None:
        self.action_open()

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        self.wizard.start_new()

    @on(Button.Pressed, "#open")
    def action_open(self) -> None:
        self._use(self.selected(), review=True)

    @on(Button.Pressed, "#edit")
    def action_edit(self) -> None:
        self._use(self.selected(), review=False)

    @on(Button.Pressed, "#resume")
    def action_resume(self) -> None:
        entry = self.selected()
        if entry is None or entry.kind != "draft":
            entry = next((e for e in self.entries if e.kind == "draft"), None)
        if entry is None:
            self.notify("There is no unfinished profile to resume.")
            return
        self.wizard.resume_draft(entry.path)

    def _use(self, entry: Entry | None, *, review: bool) -> None:
        if entry is None:
            self.notify("No profile chosen: start a new one with Ctrl+N.")
        elif entry.kind in ("draft", "busy"):
            self.wizard.resume_draft(entry.path)  # says so when another deskfit has it
        elif entry.kind == "broken":
            self.wizard.show_file_problem(entry.problem)
        else:
            self.wizard.open_profile(entry.path, review=review)

    def action_report(self) -> None:
        """A folder's profiles summed up: ROSA bands, common problems, what to buy."""
        from deskfit.core.ops import report  # deferred: only the report needs it
        from deskfit.tui.report_screen import ask_for_report

        ask_for_report(
            self.app,
            self.wizard.profiles_dir,
            lambda folder, progress: report.build([folder], progress),
        )

    def action_discard(self) -> None:
        entry = self.selected()
        if entry is not None and entry.kind in ("draft", "busy"):
            self.wizard.discard_draft_file(entry.path, entry.name)  # refuses a busy one
