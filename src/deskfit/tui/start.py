"""The start screen: a new profile, a saved one (newest first, filtered by typing), or a draft."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from deskfit.tui.widgets.keyline import KeyLine
from deskfit.tui.widgets.profile_list import ProfileList, columns

if TYPE_CHECKING:
    from deskfit.core.session.listing import Entry


# What Enter (and the other keys) do to the highlighted line, by its kind.
HINTS: dict[str, str] = {
    "profile": "Enter opens the advice; Ctrl+E edits the answers.",
    "draft": "Enter goes on with this unfinished profile; Delete (on the list) discards it.",
    "busy": "Another deskfit is working on this one; Delete discards it once that one ends.",
    "broken": "Enter says why this file cannot be used.",
}


class StartScreen(Screen[None]):
    """Start a new profile, open or edit a saved one, or resume a draft."""

    # No breakpoint classes: the layout is the same at every size, and setting them on
    # the first Resize restyled the whole screen once more before the first paint.
    HORIZONTAL_BREAKPOINTS = []  # noqa: RUF012
    VERTICAL_BREAKPOINTS = []  # noqa: RUF012
    # The screen's own styles (the app's stylesheet holds the wizard's layout only).
    SCOPED_CSS = False
    DEFAULT_CSS = """
    StartScreen #start-body {
        padding: 1 2;
    }

    StartScreen #start-title {
        height: auto;
        margin-bottom: 1;
    }

    StartScreen #filter {
        margin-bottom: 1;
    }

    StartScreen #profiles-header {
        color: $text-muted;
        text-style: bold;
        padding: 0 1;
    }

    StartScreen #profiles {
        height: 1fr;
    }

    StartScreen #start-hint {
        height: auto;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [
        Binding("ctrl+n", "new", "New profile"),
        Binding("ctrl+o", "open", "Open"),
        Binding("ctrl+e", "edit", "Edit"),
        Binding("ctrl+r", "resume", "Resume"),
        Binding("ctrl+t", "report", "Report"),
        Binding("delete", "discard", "Discard draft"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    # What the person chose; the app, which owns the session, does it.
    class New(Message):
        """Start a new profile."""

    class Open(Message):
        """Open a saved profile: its review, or its first step to edit."""

        def __init__(self, path: Path, *, review: bool) -> None:
            super().__init__()
            self.path = path
            self.review = review

    class Resume(Message):
        """Go on with a draft."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class Discard(Message):
        """Ask, then delete a draft."""

        def __init__(self, path: Path, name: str) -> None:
            super().__init__()
            self.path = path
            self.name = name

    class Problem(Message):
        """Say why a file in the list cannot be used."""

        def __init__(self, report: str) -> None:
            super().__init__()
            self.report = report

    def __init__(self, profiles_dir: Path) -> None:
        super().__init__(id="start")
        self.profiles_dir = profiles_dir
        self.entries: list[Entry] = []
        self._scan_pending = False
        self.scans = 0  # finished scans: a test waits for one

    def compose(self) -> ComposeResult:
        # No buttons and no DataTable: this is the first screen painted, and both cost
        # tens of milliseconds there. The keys at the bottom are clickable, and so is
        # every line of the list (a click opens it, as Enter does).
        with Vertical(id="start-body"):
            yield Static(
                "[b]deskfit[/b] — set up your desk, chair and footstool for your body",
                id="start-title",
            )
            # select_on_focus off: typing on the list focuses this box with the first key
            # already in it, which a select-all on focus would then let the second replace
            yield Input(
                placeholder="type to filter the profiles by name",
                id="filter",
                select_on_focus=False,
            )
            yield Static("", id="profiles-header")
            yield ProfileList(id="profiles")
            yield Static("Looking for saved profiles…", id="start-hint")
        yield KeyLine()

    def on_mount(self) -> None:
        self.query_one(ProfileList).focus()
        # The scan (every profile read, and advised for its ROSA) waits until the screen has
        # been painted once, so the first paint does not wait for it.
        self._scan_pending = True
        # after the second refresh: the first frame is computed while the app starts and
        # only the next one is written, and the scan (its imports, in a thread, share the
        # interpreter) must not hold that one up
        self.call_after_refresh(self.call_after_refresh, self._first_scan)

    def _first_scan(self) -> None:
        self._scan_pending = False
        self.reload()

    def on_screen_resume(self) -> None:
        if not self._scan_pending:  # the first resume comes with the mount: scanned then
            self.reload()

    def reload(self) -> None:
        """List the folder again, in a thread: every profile is read and advised."""
        self._scan()

    @work(thread=True, exclusive=True, group="scan")
    def _scan(self) -> None:
        from deskfit.core.session.listing import scan  # the core loads here, after the paint

        try:
            entries = scan(self.profiles_dir)
        except OSError as exc:  # the folder unreadable: said on the screen, not a crash
            self.app.call_from_thread(self._failed, exc)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, entries)

    def _failed(self, exc: OSError) -> None:
        self.scans += 1
        if self.is_attached:
            self.query_one("#start-hint", Static).update(
                Content(
                    f"The profiles folder {self.profiles_dir} cannot be read "
                    f"({exc.strerror or exc}). Ctrl+N starts a new profile."
                )
            )

    def _show(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.scans += 1
        if not self.is_attached:
            return
        self.fill()
        self._offer_keys()

    def has_draft(self) -> bool:
        return any(e.kind == "draft" for e in self.entries)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.has_draft()
        if action == "discard":  # offered on an unfinished profile's line only
            entry = self.selected()
            return entry is not None and entry.kind in ("draft", "busy")
        return True

    def fill(self) -> None:
        listing = self.query_one(ProfileList)
        wanted = self.query_one("#filter", Input).value.strip().lower()
        listing.show(self.entries, wanted)
        header = columns(self.entries, room=listing.room())[1] if self.entries else ""
        self.query_one("#profiles-header", Static).update(Content(header))
        hint = self.query_one("#start-hint", Static)
        if not self.entries:
            hint.update(
                Content(
                    f"No saved profiles yet in {self.profiles_dir}. "
                    "Start a new one (Ctrl+N): it takes about five minutes."
                )
            )
        elif not listing.shown:
            hint.update("No profile matches the filter (Esc clears it).")
        else:
            hint.update(self._hint())

    def _hint(self) -> str:
        entry = self.selected()
        return HINTS[entry.kind if entry is not None else "profile"]

    def _offer_keys(self) -> None:
        """Resume is offered only when there is a draft, Delete on a draft's line."""
        self.refresh_bindings()
        self.query_one(KeyLine).show_keys()

    @on(ProfileList.OptionHighlighted, "#profiles")
    def _highlighted(self) -> None:
        if self.selected() is not None:
            self.query_one("#start-hint", Static).update(self._hint())
        self._offer_keys()

    def selected(self) -> Entry | None:
        index = self.query_one(ProfileList).selected()
        return None if index is None else self.entries[index]

    # -- filtering by typing ------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter(self) -> None:
        self.fill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        """Enter in the filter opens the profile it leaves highlighted (the first match)."""
        listing = self.query_one(ProfileList)
        listing.focus()
        if listing.shown:
            self.action_open()

    def on_key(self, event: Key) -> None:
        listing = self.query_one(ProfileList)
        box = self.query_one("#filter", Input)
        typing = event.is_printable and event.character and event.character != " "
        if self.focused is not box and typing and not isinstance(self.focused, Input):
            # typing anywhere on the start screen (the list, a button) filters the list
            box.focus()
            box.insert_text_at_cursor(event.character or "")
            event.stop()
        elif self.focused is box and event.key == "down":
            listing.focus()
            event.stop()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one(ProfileList).focus()

    # -- actions ------------------------------------------------------------------------

    @on(ProfileList.OptionSelected, "#profiles")
    def _chosen(self) -> None:
        self.action_open()

    def action_new(self) -> None:
        self.post_message(self.New())

    def action_open(self) -> None:
        self._use(self.selected(), review=True)

    def action_edit(self) -> None:
        self._use(self.selected(), review=False)

    def action_resume(self) -> None:
        entry = self.selected()
        if entry is None or entry.kind != "draft":
            entry = next((e for e in self.entries if e.kind == "draft"), None)
        if entry is None:
            self.notify("There is no unfinished profile to resume.")
            return
        self.post_message(self.Resume(entry.path))

    def _use(self, entry: Entry | None, *, review: bool) -> None:
        if entry is None:
            self.notify("No profile chosen: start a new one with Ctrl+N.")
        elif entry.kind in ("draft", "busy"):
            self.post_message(self.Resume(entry.path))  # says so when another deskfit has it
        elif entry.kind == "broken":
            self.post_message(self.Problem(entry.problem))
        else:
            self.post_message(self.Open(entry.path, review=review))

    def action_report(self) -> None:
        """A folder's profiles summed up: ROSA bands, common problems, what to buy."""
        from deskfit.core.ops import report  # deferred: only the report needs it
        from deskfit.tui.report_screen import ask_for_report

        ask_for_report(
            self.app,
            self.profiles_dir,
            lambda folder, progress: report.build([folder], progress),
        )

    def action_discard(self) -> None:
        entry = self.selected()
        if entry is not None and entry.kind in ("draft", "busy"):
            self.post_message(self.Discard(entry.path, entry.name))  # refuses a busy one
