"""Small modal screens: help, a choice between buttons, the save and export dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static


class HelpScreen(ModalScreen[None]):
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
                yield Static(self._body)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close").focus()

    @on(Button.Pressed, "#close")
    def action_dismiss_help(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str]):
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
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "")

    def action_cancel(self) -> None:
        self.dismiss(self._buttons[-1][0])


class SaveScreen(ModalScreen[str | None]):
    """Ask for the profile's name and show the file it will be written to."""

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        name: str,
        path_for: Callable[[str], Path],
        check_name: Callable[[str], str | None],
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._profile_name = name
        self._path_for = path_for
        self._check_name = check_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save the profile", classes="dialog-title")
            yield Label("Name")
            yield Input(self._profile_name, id="save-name")
            yield Static("", id="save-message", classes="field-message")
            yield Static("", id="save-path", classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._update(self._profile_name)
        self.query_one("#save-name", Input).focus()

    @on(Input.Changed, "#save-name")
    def _changed(self, event: Input.Changed) -> None:
        self._update(event.value or "")

    def _update(self, name: str) -> None:
        problem = self._check_name(name)
        self.query_one("#save-message", Static).update(problem or "")
        where = self._path_for(name.strip()) if not problem else None
        self.query_one("#save-path", Static).update(f"Writes {where}" if where else "")

    @on(Input.Submitted, "#save-name")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        name = self.query_one("#save-name", Input).value.strip()
        if self._check_name(name) is None:
            self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


FORMATS = (("text", "Text", ".txt"), ("md", "Markdown", ".md"), ("json", "JSON", ".json"))


class ExportScreen(ModalScreen[str | None]):
    """Choose a format and a path (or copy the text to the clipboard).

    ``write(format, path)`` does the work and returns what went wrong, or None; the
    dialog stays open on a problem and dismisses with what was done otherwise.
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        stem: str,
        folder: Path,
        write: Callable[[str, str], tuple[str | None, str]],
        copy: Callable[[], str],
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._stem = stem
        self._folder = folder
        self._ext = ".txt"
        self._write_to = write
        self._copy_text = copy

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export the advice", classes="dialog-title")
            with RadioSet(id="export-format", compact=True):
                for i, (_, label, _) in enumerate(FORMATS):
                    yield RadioButton(label, value=i == 0)
            yield Label("Write to")
            yield Input(str(self._folder / f"{self._stem}{self._ext}"), id="export-path")
            yield Static("", id="export-message", classes="field-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write", id="write", variant="primary")
                yield Button("Copy text", id="copy")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def _format(self, event: RadioSet.Changed) -> None:
        ext = FORMATS[event.index][2]
        box = self.query_one("#export-path", Input)
        if box.value.endswith(self._ext):
            box.value = box.value[: -len(self._ext)] + ext
        self._ext = ext

    @property
    def fmt(self) -> str:
        index = self.query_one("#export-format", RadioSet).pressed_index
        return FORMATS[max(0, index)][0]

    def show_problem(self, message: str) -> None:
        self.query_one("#export-message", Static).update(message)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#write")
    def _write(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.show_problem("type the path of a file to write")
            return
        problem, done = self._write_to(self.fmt, path)
        if problem:
            self.show_problem(problem)
        else:
            self.dismiss(done)

    @on(Button.Pressed, "#copy")
    def _copy(self) -> None:
        self.dismiss(self._copy_text())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
