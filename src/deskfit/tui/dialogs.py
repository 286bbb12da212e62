"""Small modal screens: help, a choice between buttons, save, export, "too small"."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from deskfit.core.present.formats import EXPORT_FORMATS, format_for_path
from deskfit.tui.widgets.one_line import OneLineInput

MIN_WIDTH, MIN_HEIGHT = 60, 16  # below this, a message instead of a broken layout


ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A question over the screen: a bordered box in the middle; every dialog is one."""

    # Not scoped: the rules name the dialog's parts by class, and the "-short" class
    # (fewer than 24 rows) is set on the screen itself.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .dialog-screen {
        align: center middle;
        background: $background 60%;
    }

    .dialog {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }

    .dialog-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }

    .dialog-text {
        margin-bottom: 1;
    }

    .dialog .field-message {
        display: block;
        padding: 0;
    }

    #help-body {
        height: auto;
        max-height: 12;  /* title, body and buttons fit in a 24-row terminal; the body scrolls */
    }

    .dialog-buttons {
        height: auto;
        margin-top: 1;
    }

    .dialog-buttons Button {
        margin-right: 1;
    }


    .dialog-problem {
        color: $text-error;
        text-style: bold;
        margin-bottom: 1;
        max-height: 6;
    }

    .save-row {
        height: 1;
        margin-bottom: 1;
    }

    .save-label {
        width: 9;
    }

    .save-row Input {
        width: 1fr;
        padding: 0 1;
        background: $boost;
    }

    .save-row Input:focus {
        background: $primary 25%;
    }

    #save-target {
        color: $text-muted;
    }

    #save-target.-problem {
        color: $text-error;
    }

    /* below 24 rows: the same dialogs, tighter */

    .-short .dialog {
        padding: 0 1;
    }

    .-short .dialog-title,
    .-short .dialog-text,
    .-short .dialog-problem,
    .-short .save-row {
        margin-bottom: 0;
    }

    .-short .dialog-buttons Button {
        height: 1;
        border: none;
    }
    """


class HelpScreen(Dialog[None]):
    """Help for the focused question, or for the screen; Esc, F1 or ? closes it."""

    BINDINGS: ClassVar[list[Any]] = [
        Binding("escape,f1,question_mark,q", "dismiss_help", "Close", show=True)
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            with VerticalScroll(id="help-body"):
                # plain text: a file's problems hold TOML like [monitor], never markup
                yield Static(self._body, markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close").focus()

    @on(Button.Pressed, "#close")
    def action_dismiss_help(self) -> None:
        self.dismiss(None)


class ChoiceScreen(Dialog[str]):
    """A question with a few answers as buttons; Esc gives the last one (the safe one)."""

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str, buttons: list[tuple[str, str, str]]) -> None:
        """``buttons``: (id, label, variant); the last is what Esc chooses."""
        super().__init__(classes="dialog-screen")
        self._title = title
        self._text = text
        self._buttons = buttons

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Static(self._text, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                for ident, label, variant in self._buttons:
                    yield Button(label, id=ident, variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        # Enter on the first thing focused must never destroy anything: a destructive
        # choice ("Replace it", "Discard") is never the one focused first.
        buttons = list(self.query(Button))
        safe = [b for b in buttons if b.variant != "error"]
        (safe or buttons)[0].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "")

    def action_cancel(self) -> None:
        self.dismiss(self._buttons[-1][0])


def save_target(name: str, where: str) -> Path | None:
    """The file a save writes: ``where`` is a file, or a folder to put ``name``'s file in."""
    text = where.strip()
    if not text:
        return None
    path = Path(text).expanduser()
    # the store is imported here, not above: the dialogs module is loaded before the
    # first paint, the core only once a profile is worked on
    from deskfit.core.files.store import SUFFIX, unique_path

    if text.endswith(("/", os.sep)) or path.is_dir():
        path = unique_path(name.strip() or "profile", path)  # never over another's file
    elif path.suffix.lower() != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    return path.absolute()


class SaveScreen(Dialog[tuple[str, Path] | None]):
    """Ask for the profile's name and where to write it: a folder or a file.

    The "Save to" box follows the name (``path_for``) until the person types in it. When
    a save failed, the dialog comes back with ``problem`` said at the top and the box
    holding the path that failed (``where``), focused, to type another.
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        name: str,
        path_for: Callable[[str], Path],
        check: Callable[[str, Path | None], str | None],
        *,
        title: str = "Save the profile",
        problem: str = "",
        where: Path | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._profile_name = name
        self._path_for = path_for
        self._check = check
        self._title = title
        self._problem = problem
        self._auto = "" if where is not None else str(path_for(name.strip() or "profile"))
        self._where = str(where) if where is not None else self._auto

    def compose(self) -> ComposeResult:
        with Vertical(id="save-dialog", classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            if self._problem:
                yield Static(self._problem, id="save-problem", classes="dialog-problem")
            with Horizontal(classes="save-row"):
                yield Label("Name", classes="save-label")
                yield OneLineInput(self._profile_name, id="save-name", compact=True)
            with Horizontal(classes="save-row"):
                yield Label("Save to", classes="save-label")
                yield OneLineInput(
                    self._where,
                    id="save-where",
                    compact=True,
                    placeholder="a folder, or a .toml file",
                )
            yield Static("", id="save-target")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._update()
        box = self.query_one("#save-where" if self._problem else "#save-name", Input)
        box.focus()
        box.cursor_position = len(box.value)

    def target(self) -> Path | None:
        name = self.query_one("#save-name", Input).value
        return save_target(name, self.query_one("#save-where", Input).value)

    @on(Input.Changed, "#save-name")
    def _name_changed(self, event: Input.Changed) -> None:
        where = self.query_one("#save-where", Input)
        name = event.value.strip()
        if where.value == self._auto and name:  # not typed by the person: follow the name
            self._auto = str(self._path_for(name))
            where.value = self._auto
        self._update()

    @on(Input.Changed, "#save-where")
    def _where_changed(self) -> None:
        self._update()

    def _problem_now(self) -> str | None:
        return self._check(self.query_one("#save-name", Input).value, self.target())

    def _update(self) -> None:
        """Under the boxes: why it cannot be saved yet, or the file it will write."""
        problem = self._problem_now()
        where = self.target()
        said = self.query_one("#save-target", Static)
        if problem:
            said.update(problem)
        elif str(where) != self.query_one("#save-where", Input).value.strip():
            said.update(f"Writes {where}")  # a folder, a relative path, no .toml typed
        else:
            said.update("To save elsewhere, type a folder or a file ending in .toml.")
        said.set_class(bool(problem), "-problem")

    @on(Input.Submitted, "#save-name, #save-where")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        target = self.target()
        if self._problem_now() is None and target is not None:
            self.dismiss((self.query_one("#save-name", Input).value.strip(), target))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class TooSmallScreen(ModalScreen[None]):
    """Said instead of a layout that cannot fit; the app takes it away once it fits.

    Nothing opens over it (the app allows only Ctrl+Q), so it is always on top.
    """

    # The screen's own styles (the app's stylesheet holds the wizard's layout only).
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #too-small-screen {
        background: $background;
        align: center middle;
    }

    #too-small {
        width: 100%;
        height: auto;
        padding: 0 1;
        text-align: center;
    }
    """

    def __init__(self, width: int, height: int) -> None:
        super().__init__(id="too-small-screen")
        self._terminal = (width, height)
        self._warning = ""

    def compose(self) -> ComposeResult:
        yield Static(self._text(), id="too-small")

    def _text(self) -> str:
        width, height = self._terminal
        text = (
            f"deskfit needs at least {MIN_WIDTH}×{MIN_HEIGHT}; "
            f"this terminal is {width}×{height}.\n\n"
            "Make the window bigger (or the font smaller).\n"
            "Ctrl+Q quits; your answers stay in the draft."
        )
        return f"{text}\n\n[b]{self._warning}[/b]" if self._warning else text

    def show_size(self, width: int, height: int) -> None:
        self._terminal = (width, height)
        self._show()

    def warn(self, warning: str) -> None:
        self._warning = warning
        self._show()

    def _show(self) -> None:
        if self.is_mounted:
            self.query_one("#too-small", Static).update(self._text())


class ExportScreen(Dialog[str | None]):
    """Choose a format and a path (or copy the text to the clipboard).

    Choosing a format changes the path's extension, and a path typed with a known
    extension (``.html``, ``.md``…) chooses its format, as ``deskfit export -o`` does.
    ``write(format, path, replace)`` does the work and returns what went wrong (or
    None), what was done, and whether the problem is only an existing file that may be
    replaced: the dialog then asks, turning Write into Replace for that very path; the
    dialog stays open on a problem and dismisses with what was done otherwise.
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        stem: str,
        folder: Path,
        write: Callable[[str, str, bool], tuple[str | None, str, bool]],
        copy: Callable[[], str],
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._confirm: tuple[str, str] | None = None  # (format, path) the person may replace
        self._stem = stem
        self._folder = folder
        self._ext = ".txt"
        self._write_to = write
        self._copy_text = copy

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export the advice", classes="dialog-title")
            with RadioSet(id="export-format", compact=True):
                for i, (_, label, _) in enumerate(EXPORT_FORMATS):
                    yield RadioButton(label, value=i == 0)
            yield Label("Write to")
            # the cursor at the end, nothing selected: a Space typed first must not blank it
            yield OneLineInput(
                str(self._folder / f"{self._stem}{self._ext}"),
                id="export-path",
                select_on_focus=False,
            )
            yield Static("", id="export-message", classes="field-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write", id="write", variant="primary")
                yield Button("Copy text", id="copy")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def _format(self, event: RadioSet.Changed) -> None:
        ext = EXPORT_FORMATS[event.index][2]
        box = self.query_one("#export-path", Input)
        if box.value.endswith(self._ext):
            box.value = box.value[: -len(self._ext)] + ext
        self._ext = ext

    @property
    def fmt(self) -> str:
        index = self.query_one("#export-format", RadioSet).pressed_index
        return EXPORT_FORMATS[max(0, index)][0]

    def _format_for(self, path: str) -> str:
        """The format to write: the one the path's extension names, else the one chosen."""
        return format_for_path(path) or self.fmt

    def show_problem(self, message: str) -> None:
        self.query_one("#export-message", Static).update(message)

    def _ask_replace(self, pending: tuple[str, str] | None) -> None:
        self._confirm = pending
        self.query_one("#write", Button).label = "Replace" if pending else "Write"

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        if self._confirm is not None:
            self._ask_replace(None)
            self.show_problem("")  # it was about the path that was there
        named = format_for_path(event.value.strip())
        if named is not None and named != self.fmt:
            index = [fmt for fmt, _, _ in EXPORT_FORMATS].index(named)
            self.query(RadioButton)[index].value = True  # shows the format the file will get

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#write")
    def _write(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.show_problem("type the path of a file to write")
            return
        fmt = self._format_for(path)
        replace = self._confirm == (fmt, path)
        problem, done, may_replace = self._write_to(fmt, path, replace)
        if problem:
            self._ask_replace((fmt, path) if may_replace else None)
            self.show_problem(problem)
        else:
            self.dismiss(done)

    @on(Button.Pressed, "#copy")
    def _copy(self) -> None:
        self.dismiss(self._copy_text())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
