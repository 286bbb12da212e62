"""One question on screen: its title, the input that suits its kind, and its message.

The widget for a question is chosen from the question's kind (derived from the model):
a one-line input for lengths and numbers, yes/no buttons, or a row of choices. The rows
know nothing about validation: the step screen feeds them messages.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, Static

from deskfit.core.model.profile import Units
from deskfit.core.model.questions import Question, input_unit
from deskfit.core.model.validation import UNIT_WORDS
from deskfit.tui.widgets.one_line import OneLineInput


def unit_label(q: Question, units: Units) -> str:
    if q.kind == "length":
        return input_unit(units)
    return UNIT_WORDS.get(q.unit or "", "")


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


class ChoiceSet(Widget, can_focus=True):
    """Pick one: yes/no, or a Literal field's labelled values, on one line.

    One widget, not a RadioSet of buttons: a step shows up to sixteen of these, and a
    widget per option made the step's frame several times slower to lay out and draw.
    The arrows choose, as in any radio group a person knows (moving a highlight without
    changing the answer left answers silently as they were); a click chooses the option
    under the pointer.
    """

    DEFAULT_CSS = """
    ChoiceSet {
        width: auto;
        max-width: 100%;
        height: auto;
        padding: 0 1;
    }
    ChoiceSet:focus {
        background: $primary 25%;
    }
    """

    # Left and right choose, and stop at the ends: up and down are for going from
    # question to question, so that passing a yes/no on the way never flips it.
    BINDINGS: ClassVar[list[Any]] = [
        Binding("left", "move(-1)", "Previous choice", show=False),
        Binding("right", "move(1)", "Next choice", show=False),
        Binding("space", "choose", "Choose", show=False),
        Binding("enter", "choose_and_go_on", "Choose and go on", show=False),
        Binding("down", "app.focus_next", "Next question", show=False),
        Binding("up", "app.focus_previous", "Previous question", show=False),
    ]

    GAP = 2  # columns between two options

    class Changed(Message):
        """The person chose another option."""

        def __init__(self, choice_set: ChoiceSet) -> None:
            super().__init__()
            self.choice_set = choice_set

        @property
        def control(self) -> ChoiceSet:
            return self.choice_set

    def __init__(self, q: Question, options: list[tuple[Any, str]], value: Any) -> None:
        super().__init__(id=f"in-{q.section}-{q.field}", classes="answer")
        self.question = q
        self.values = [v for v, _ in options]
        self.labels = [label for _, label in options]
        self.pressed_index = self._index_of(value)
        self._cursor = max(self.pressed_index, 0)

    def _index_of(self, value: Any) -> int:
        for i, v in enumerate(self.values):
            if v == value and type(v) is type(value):
                return i
        return -1

    @property
    def chosen(self) -> Any:
        index = self.pressed_index
        return self.values[index] if 0 <= index < len(self.values) else None

    def show(self, value: Any) -> None:
        """Show ``value`` as chosen without it counting as a choice."""
        self.pressed_index = self._index_of(value)
        self._cursor = max(self.pressed_index, 0)
        self.refresh(layout=True)

    def _choose(self, index: int) -> None:
        self._cursor = index
        if index != self.pressed_index:
            self.pressed_index = index
            self.post_message(self.Changed(self))
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.pressed_index < 0:  # nothing chosen yet: either arrow takes the highlighted
            self._choose(self._cursor)  # one, so ← on "○ Yes  ○ No" is Yes, not the far end
        else:
            self._choose(min(max(self._cursor + step, 0), len(self.values) - 1))

    def action_choose(self) -> None:
        self._choose(self._cursor)

    def action_choose_and_go_on(self) -> None:
        self._choose(self._cursor)
        self.screen.focus_next()

    # -- laid out by hand: options go on as many lines as the width needs, and a click
    # -- finds its option by line and column

    def _option_width(self, i: int) -> int:
        return 2 + cell_len(self.labels[i])  # "● " and the label

    def _lines(self, width: int) -> list[list[tuple[int, int]]]:
        """Each line's options as (index, first column)."""
        lines: list[list[tuple[int, int]]] = [[]]
        column = 0
        for i in range(len(self.labels)):
            w = self._option_width(i)
            if lines[-1] and column + self.GAP + w > width:
                lines.append([])
                column = 0
            elif lines[-1]:
                column += self.GAP
            lines[-1].append((i, column))
            column += w
        return lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        total = sum(self._option_width(i) for i in range(len(self.labels)))
        return total + self.GAP * (len(self.labels) - 1)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(width, 1)))

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        lines = self._lines(max(self.content_size.width, 1))
        if not 0 <= event.y < len(lines):
            return
        for i, start in lines[event.y]:
            if start <= x < start + self._option_width(i):
                event.stop()
                self.focus()
                self._choose(i)
                return

    def render(self) -> Content:
        focused = self.has_focus
        rows: list[Content] = []
        for line in self._lines(max(self.content_size.width, 1)):
            parts: list[Content] = []
            for i, _ in line:
                chosen = i == self.pressed_index
                mark = Content.styled(
                    "●" if chosen else "○", "$text-accent bold" if chosen else "$text-muted"
                )
                text = Content.styled(self.labels[i], "bold" if chosen else "")
                if focused and i == self._cursor:
                    text = text.stylize("reverse")
                parts.append(Content.assemble(mark, " ", text))
            rows.append(Content(" " * self.GAP).join(parts))
        return Content("\n").join(rows)

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh()


def options_for(q: Question) -> list[tuple[Any, str]]:
    if q.kind == "yesno":
        return [(True, "Yes"), (False, "No")]
    return list(q.choices.items())


class FieldRow(Widget):
    """A question's title, its input (and unit), and the message about its answer.

    Four widgets on a grid (title, answer, unit, message), not nested rows: the fewer
    widgets a step has, the sooner its frame is drawn.
    """

    DEFAULT_CSS = """
    FieldRow {
        layout: grid;
        grid-size: 3;
        grid-columns: 1fr 22 8;
        grid-rows: auto;
        height: auto;
    }
    FieldRow.-choice, FieldRow.-yesno {
        grid-size: 2;
        grid-columns: 1fr auto;
    }
    /* choices with long labels get their own line under the question */
    FieldRow.-choice {
        grid-size: 1;
        grid-columns: 1fr;
    }
    FieldRow.-choice > ChoiceSet {
        margin-left: 2;
    }
    FieldRow > .field-title {
        width: 1fr;
        padding: 0 1 0 0;
    }
    FieldRow > Input.answer {
        width: 22;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    FieldRow > Input.answer:focus {
        background: $primary 25%;
    }
    FieldRow.-problem > Input.answer {
        background: $error 20%;
    }
    FieldRow > .field-unit {
        width: 8;
        padding: 0 0 0 1;
        color: $text-muted;
    }
    FieldRow > .field-message {
        column-span: 3;
        height: auto;
        color: $text-error;
        padding-left: 2;
        display: none;
    }
    FieldRow.-problem > .field-message {
        display: block;
    }
    /* what a length typed in other units came to ("= 162.5 cm"): information */
    FieldRow.-note > .field-message {
        display: block;
        color: $text-muted;
    }
    """

    def __init__(self, q: Question, units: Units, text: str, value: Any) -> None:
        super().__init__(id=f"row-{q.section}-{q.field}", classes=f"field -{q.kind}")
        self.question = q
        self._units = units
        self._text = text
        self._value = value
        self._message: str | None = None

    def compose(self) -> ComposeResult:
        q = self.question
        yield Label(self._title(), classes="field-title")
        if q.kind in ("yesno", "choice"):
            yield ChoiceSet(q, options_for(q), self._value)
        else:
            yield AnswerInput(q, self._text, self._placeholder())
            yield Label(unit_label(q, self._units), classes="field-unit")
        # the message line is added with the first message: most questions never get one

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
        lines = self.query_children(".field-message").results(Static)
        line = next(lines, None)
        if line is not None:
            line.update(shown or "")
        elif shown:
            self.mount(Static(shown, classes="field-message"))
        self.set_class(bool(message), "-problem")
        self.set_class(not message and bool(note), "-note")
