"""Dialogs for the assessment record: one advice line's action, the assessment, and a
picker of the advice lines with their status.

Every value is read and checked by the same reader as ``deskfit set``
(``core/ops/record_changes.py``), so the review and the command save the same entries.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from deskfit.core.model.questions import question_of
from deskfit.core.model.record import Action, Assessment
from deskfit.core.ops.record_changes import ASSESSMENT, read_record_value
from deskfit.tui.dialogs import Dialog
from deskfit.tui.widgets.fields import ChoiceSet
from deskfit.tui.widgets.one_line import OneLineInput

STATUS_MARKS: dict[str, str] = {
    "todo": "☐",
    "done": "✔",
    "declined": "✘",
    "not_possible": "–",
}
DATE_HINT = "YYYY-MM-DD or today"


def status_mark(values: dict[str, Any] | None) -> str:
    """The mark shown before an advice line: ☐ to do (or nothing recorded), ✔ done…"""
    return STATUS_MARKS[(values or {}).get("status", "todo")]


class _RecordDialog(Dialog[dict[str, Any] | None]):
    """Labelled one-line inputs, each checked as typed, a message line and buttons."""

    DEFAULT_CSS = """
    .record-row {
        height: 1;
        margin-bottom: 1;
    }

    .record-label {
        width: 13;
    }

    .record-row OneLineInput {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }

    .record-row OneLineInput:focus {
        border: none;
        background: $primary 25%;
    }

    #record-problem {
        color: $text-error;
        height: auto;
    }

    .record-status {
        height: auto;
        margin-bottom: 1;
    }

    .-short .record-row, .-short .record-status {
        margin-bottom: 0;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    # (field, label, placeholder); the section is the assessment or "actions.<id>"
    FIELDS: ClassVar[tuple[tuple[str, str, str], ...]] = ()

    def __init__(self, section: str, title: str, values: dict[str, Any]) -> None:
        super().__init__(classes="dialog-screen")
        self.section = section
        self.heading = title
        self.values = dict(values)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield from self.compose_top()
            for name, label, placeholder in self.FIELDS:
                value = self.values.get(name)
                with Horizontal(classes="record-row"):
                    yield Label(label, classes="record-label")
                    yield OneLineInput(
                        "" if value is None else str(value),
                        placeholder=placeholder,
                        id=f"record-{name}",
                    )
            yield Static("", id="record-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Set", id="record-set", variant="primary")
                yield Button("Cancel", id="record-cancel")

    def compose_top(self) -> ComposeResult:
        yield from ()

    def read(self) -> tuple[dict[str, Any], list[str]]:
        """The values typed, as the model reads them, and what is wrong with them."""
        values: dict[str, Any] = {}
        problems: list[str] = []
        for name, label, _ in self.FIELDS:
            text = self.query_one(f"#record-{name}", OneLineInput).value
            value, message = read_record_value(self.section, name, text)
            if message:
                problems.append(f"{label}: {message}")
            elif value is not None:
                values[name] = value
        return values, problems

    def checked(self, values: dict[str, Any]) -> list[str]:
        return []

    @on(OneLineInput.Changed)
    def _typed(self) -> None:
        values, problems = self.read()
        self.query_one("#record-problem", Static).update(
            "\n".join(problems + (self.checked(values) if not problems else []))
        )

    @on(OneLineInput.Submitted)
    @on(Button.Pressed, "#record-set")
    def _set(self) -> None:
        values, problems = self.read()
        problems = problems or self.checked(values)
        if problems:
            self.query_one("#record-problem", Static).update("\n".join(problems))
            return
        self.dismiss(self.complete(values))

    def complete(self, values: dict[str, Any]) -> dict[str, Any]:
        return values

    @on(Button.Pressed, "#record-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ActionScreen(_RecordDialog):
    """What became of one advice line: status, date, owner, note."""

    FIELDS = (
        ("date", "Date", f"due, or done on: {DATE_HINT}"),
        ("owner", "Owner", "who sees to it"),
        ("note", "Note", "what was bought or decided, or why not"),
    )

    def __init__(self, advice_id: str, title: str, values: dict[str, Any]) -> None:
        super().__init__(f"actions.{advice_id}", f"Action · {title}", values)

    def compose_top(self) -> ComposeResult:
        # the wizard's own choice widget: ← → choose (a highlight that moved without
        # choosing would leave "to do" on a line the person marked done)
        status = question_of(Action, "action", "status")
        with Horizontal(classes="record-status"):
            yield Label("Status", classes="record-label")
            yield ChoiceSet(status, list(status.choices.items()), self.values.get("status", "todo"))

    def on_mount(self) -> None:
        self.query_one(ChoiceSet).focus()

    def complete(self, values: dict[str, Any]) -> dict[str, Any]:
        return {"status": self.query_one(ChoiceSet).chosen or "todo", **values}


class AssessmentScreen(_RecordDialog):
    """Who assessed, who signs off, when, and when to look again."""

    FIELDS = (
        ("assessor", "Assessor", "who assessed this workstation"),
        ("manager", "Manager", "who signs off the actions"),
        ("date", "Assessed on", DATE_HINT),
        ("review_date", "Review by", f"when to look again: {DATE_HINT}"),
    )

    def __init__(self, values: dict[str, Any]) -> None:
        super().__init__(ASSESSMENT, "The assessment", values)

    def on_mount(self) -> None:
        self.query_one(OneLineInput).focus()

    def checked(self, values: dict[str, Any]) -> list[str]:
        # the model's own rule (a review before the assessment), as the loader says it
        labels = {name: label for name, label, _ in self.FIELDS}
        return [f"{labels[r.field]}: {r.message}" for r in Assessment(**values).rules()]


class ActionPicker(Dialog[str | None]):
    """Which advice line's action to set: each with its status."""

    DEFAULT_CSS = """
    #action-picker {
        height: auto;
        max-height: 14;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, lines: list[tuple[str, str, str]]) -> None:
        """``lines``: (advice id, title, the action in words or "")."""
        super().__init__(classes="dialog-screen")
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Which advice line's action?", classes="dialog-title")
            yield OptionList(
                *(
                    Option(f"{title}" + (f"  [dim]{words}[/dim]" if words else ""), id=advice_id)
                    for advice_id, title, words in self.lines
                ),
                id="action-picker",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="picker-cancel")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    @on(Button.Pressed, "#picker-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
