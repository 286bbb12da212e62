"""One question on screen: its title, the input that suits its kind, and its message.

The widget for a question is chosen from the question's kind (derived from the model):
a one-line input for lengths and numbers, yes/no buttons, or a row of choices. The rows
know nothing about validation: the step screen feeds them messages.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from deskfit.core.model.profile import Units
from deskfit.core.model.questions import Question, input_unit
from deskfit.core.model.validation import UNIT_WORDS


def unit_label(q: Question, units: Units) -> str:
    if q.kind == "length":
        return input_unit(units)
    return UNIT_WORDS.get(q.unit or "", "")


PASTE_LIMIT = 200  # characters kept of a paste: far more than any answer needs
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")


def one_line(text: str, limit: int = PASTE_LIMIT) -> str:
    """Pasted text as one line: breaks and tabs become spaces, control characters go.

    Only control characters, colour codes and what is beyond ``limit`` are dropped: a
    block pasted into a number field shows up whole, and its message says why it cannot
    be read, rather than its first line passing for the answer.
    """
    text = _ANSI.sub("", text)
    text = _BREAKS.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
    text = re.sub(r" {2,}", " ", text).strip()
    return text[:limit]


class OneLineInput(Input):
    """An input that takes a pasted block as one clean line (Input keeps the first line)."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler would insert the raw first line too
        event.stop()
        line = one_line(event.text)
        if not line:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(line)
        else:
            self.replace(line, *selection)


class AnswerInput(OneLineInput):
    """A one-line text answer (lengths, numbers, the profile name)."""

    def __init__(self, q: Question, text: str, placeholder: str) -> None:
        super().__init__(
            value=text,
            placeholder=placeholder,
            id=f"in-{q.section}-{q.field}",
            classes="answer",
            # entering a filled field selects it, so typing replaces the answer rather
            # than adding to it ("10.5" then "9" must not become 10.59)
            select_on_focus=True,
        )
        self.question = q
        self.shown = text  # the text put here by the program, not typed by the person

    def show(self, text: str) -> None:
        """Replace the text without it counting as typing."""
        self.shown = text
        self.value = text


class ChoiceSet(RadioSet):
    """Pick one: yes/no, or a Literal field's labelled values."""

    def __init__(self, q: Question, options: list[tuple[Any, str]], value: Any) -> None:
        self.question = q
        self.values = [v for v, _ in options]
        buttons = [
            RadioButton(label, value=(value == v and type(value) is type(v)))
            for v, label in options
        ]
        super().__init__(*buttons, id=f"in-{q.section}-{q.field}", classes="answer", compact=True)

    def on_mount(self) -> None:
        # after RadioSet's own mount handler, which puts the cursor on the first button
        self.call_after_refresh(self._cursor_to_pressed)

    # The arrows choose, as in any radio group a person knows: moving the highlight
    # without changing the answer left answers silently as they were.
    def action_next_button(self) -> None:
        super().action_next_button()
        self.action_toggle_button()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self.action_toggle_button()

    def _cursor_to_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def show(self, value: Any) -> None:
        self._pressed_button = None
        with self.prevent(RadioSet.Changed, RadioButton.Changed):
            for button, v in zip(self.query(RadioButton), self.values, strict=True):
                button.value = value == v and type(value) is type(v)
                if button.value:
                    self._pressed_button = button
        self._cursor_to_pressed()

    @property
    def chosen(self) -> Any:
        index = self.pressed_index
        return self.values[index] if 0 <= index < len(self.values) else None


def options_for(q: Question) -> list[tuple[Any, str]]:
    if q.kind == "yesno":
        return [(True, "Yes"), (False, "No")]
    return list(q.choices.items())


class FieldRow(Vertical):
    """A question's title, its input, and the message about its answer."""

    def __init__(self, q: Question, units: Units, text: str, value: Any) -> None:
        super().__init__(id=f"row-{q.section}-{q.field}", classes=f"field -{q.kind}")
        self.question = q
        self._units = units
        self._text = text
        self._value = value
        self._message: str | None = None

    def compose(self) -> ComposeResult:
        q = self.question
        with Horizontal(classes="field-line"):
            yield Label(self._title(), classes="field-title")
            if q.kind in ("yesno", "choice"):
                yield ChoiceSet(q, options_for(q), self._value)
            else:
                yield AnswerInput(q, self._text, self._placeholder())
                yield Label(unit_label(q, self._units), classes="field-unit")
        yield Static("", classes="field-message")

    def _title(self) -> str:
        return self.question.title

    def _placeholder(self) -> str:
        q = self.question
        if q.kind == "text":
            return "a name for this desk"
        # a follow-up (the lowest seat height of an adjustable chair) is needed when shown
        return "optional" if q.nullable and not q.needed_when_shown else ""

    @property
    def answer(self) -> Widget:
        return self.query_one(".answer")

    def set_units(self, units: Units, text: str) -> None:
        """Show the answer as ``text``, in ``units``."""
        if units != self._units:
            self._units = units
            for unit in self.query(".field-unit").results(Label):
                unit.update(unit_label(self.question, units))
        answer = self.answer
        if isinstance(answer, AnswerInput) and answer.value != text:
            answer.show(text)

    def set_message(self, message: str | None, note: str | None = None) -> None:
        """Say what is wrong with the answer; else, ``note`` (what a length typed in other
        units came to, "= 162.5 cm"), which is information, not a problem."""
        shown = message or note
        if shown == self._message and bool(message) == self.has_class("-problem"):
            return
        self._message = shown
        self.query_one(".field-message", Static).update(shown or "")
        self.set_class(bool(message), "-problem")
        self.set_class(not message and bool(note), "-note")
