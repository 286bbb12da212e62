"""Saved profiles and drafts, a line each: name, when it was last changed, ROSA.

An OptionList, not a DataTable: the start screen is the first thing painted, and a
DataTable (its import, its styles, its columns) made the first paint ~50 ms later. Names
are shown as plain text, whatever brackets they hold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from deskfit.core.session.listing import Entry

NAME_MIN = 20  # the name column, however narrow the terminal (then the line is cut)
WHEN = 16  # "2026-11-26 13:43"
ROSA = 18  # "10 assess further", "can't read", "in use"


def _fit(text: str, width: int) -> str:
    """``text`` cut with "…" or padded with spaces to ``width`` terminal columns."""
    if cell_len(text) > width:
        while text and cell_len(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - cell_len(text))


def columns(entries: list[Entry], with_rosa: bool = True, room: int = 100) -> tuple[int, str]:
    """The name column's width in ``room`` columns, and the header line above the list:
    as wide as the longest name, as long as the other columns still fit."""
    width = max([cell_len(e.name) for e in entries] + [4])
    width = min(width, max(NAME_MIN, room - 2 - WHEN - (2 + ROSA if with_rosa else 0)))
    header = f"{_fit('Name', width)}  {_fit('Updated', WHEN)}"
    return width, header + ("  ROSA" if with_rosa else "")


class ProfileList(OptionList):
    """One line per entry; ``shown`` maps each line to its entry's index."""

    DEFAULT_CSS = """
    ProfileList {
        height: 1fr;
        border: none;
        padding: 0;
    }
    """

    def __init__(self, *, id: str, with_rosa: bool = True) -> None:
        super().__init__(id=id)
        self.with_rosa = with_rosa
        self.shown: list[int] = []  # line → index in the entries given to ``show``
        self._listed: tuple[list[Entry], str] = ([], "")

    def room(self) -> int:
        """Columns for a line (the terminal's width until the list has been laid out)."""
        return (self.size.width or self.app.size.width) - 2

    def on_resize(self) -> None:
        entries, wanted = self._listed
        if entries:
            self.show(entries, wanted)

    def show(self, entries: list[Entry], wanted: str = "") -> None:
        """List the entries whose name holds ``wanted``; the highlight stays on its entry
        when it is still listed."""
        listed, _ = self._listed
        here = self.selected()
        before = listed[here].path if here is not None and here < len(listed) else None
        self._listed = (entries, wanted)
        width, _ = columns(entries, self.with_rosa, self.room())
        from deskfit.core.session.listing import local_time

        options: list[Option] = []
        self.shown = []
        for i, entry in enumerate(entries):
            if wanted and wanted not in entry.name.lower():
                continue
            line = f"{_fit(entry.name, width)}  {_fit(local_time(entry.when), WHEN)}"
            if self.with_rosa:
                line += f"  {entry.rosa}"
            options.append(Option(Content(line), id=str(i)))
            self.shown.append(i)
        self.clear_options()
        self.add_options(options)
        if self.shown:
            # the highlight stays on the same file when it is still listed
            paths = [entries[i].path for i in self.shown]
            self.highlighted = paths.index(before) if before in paths else 0

    def selected(self) -> int | None:
        """The index of the highlighted entry, or None when nothing is listed."""
        line = self.highlighted
        if line is None or not 0 <= line < len(self.shown):
            return None
        return self.shown[line]

    def line(self, index: int) -> str:
        """The text of line ``index`` (as shown)."""
        return str(self.get_option_at_index(index).prompt)
