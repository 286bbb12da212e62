"""One step's questions as a form: a row per question, built from the questionnaire.

The form reads and writes the session (``WizardState``) it is given and nothing else: a
typed or chosen answer goes into the session, the form shows what the session says of
it, and an ``Answered`` message tells whoever listens (the screen: its "Next is blocked"
line; the app: the draft) that the answers changed.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.events import DescendantBlur
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from deskfit.core.model.questionnaire import SECTION_TITLES, Step
from deskfit.core.model.questions import PROFILE, Question, questions
from deskfit.core.model.units import format_length, read_number
from deskfit.core.session.state import NEEDED, WizardState
from deskfit.tui.widgets.fields import AnswerInput, ChoiceSet, FieldRow


class StepForm(VerticalScroll, can_focus=False):
    """The questions of one step: a row for each that applies, or has applied."""

    DEFAULT_CSS = """
    StepForm {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    StepForm > .step-intro {
        color: $text-muted;
        margin-bottom: 1;
    }
    """

    class Answered(Message):
        """An answer of this form changed the session."""

    class Built(Message):
        """The form's rows exist now: it can take the focus."""

        def __init__(self, form: StepForm) -> None:
            super().__init__()
            self.form = form

    class UnitsPicked(Message):
        """The person chose the other units in the form (the first step asks them)."""

    built = 0  # forms built so far: a form built again gets an id of its own

    def __init__(self, index: int, step: Step, state: WizardState) -> None:
        # the id is new each time: a form let go is removed a moment later, and the same
        # step may be built again before that
        StepForm.built += 1
        super().__init__(id=f"form-{index}-{StepForm.built}", classes="step-form")
        self.index = index
        self.step = step
        self.sections = step.sections
        self.state = state
        self.touched: set[str] = set()
        self.tried = False  # Next was pressed: show every message, "needed" ones too

    def compose(self) -> ComposeResult:
        # Only the questions that apply get a row now; the others get theirs when an
        # answer makes them apply (``refresh_rows``): most follow-ups never do, and a
        # form's rows are most of the memory a walk through the wizard takes.
        state = self.state
        if self.step.intro:
            yield Static(self.step.intro, classes="step-intro")
        for section in self.sections:
            if len(self.sections) > 1:
                yield Static(SECTION_TITLES[section], classes="section-title")
            hidden = state.hidden(section)
            for q in questions(section):
                if q.field not in hidden:
                    yield self._new_row(q)

    def _new_row(self, q: Question) -> FieldRow:
        state = self.state
        return FieldRow(q, state.units, state.display_text(q), state.value(q.section, q.field))

    def on_mount(self) -> None:
        self.refresh_rows()
        self.post_message(self.Built(self))

    # -- the rows -------------------------------------------------------------------------

    def rows(self) -> list[FieldRow]:
        return list(self.query_children(FieldRow))

    def row(self, q: Question) -> FieldRow | None:
        """The question's row; None while it has never applied."""
        found = self.query_children(f"#row-{q.section}-{q.field}").results(FieldRow)
        return next(found, None)

    def _place(self, q: Question) -> None:
        """Mount the row of a question that has just come to apply, where it belongs: after
        the nearest question before it that has a row (else the section's start)."""
        before: Widget | None = None
        for other in questions(q.section):
            if other.field == q.field:
                break
            before = self.row(other) or before
        row = self._new_row(q)
        if before is not None:
            self.mount(row, after=before)
        else:
            first = self._section_start(q.section)
            if first is None:
                self.mount(row)
            else:
                self.mount(row, after=first)
        # its message, if any, once it is composed
        self.call_after_refresh(self.refresh_rows)

    def _section_start(self, section: str) -> Widget | None:
        """What a section's first row follows: its title, or the step's introduction."""
        if len(self.sections) > 1:
            titles = list(self.query_children(".section-title").results(Static))
            return titles[self.sections.index(section)]
        intro = list(self.query_children(".step-intro").results(Static))
        return intro[0] if intro else None

    def first_answer(self, problems_only: bool) -> Any:
        for row in self.rows():
            if row.display and (not problems_only or row.has_class("-problem")):
                return row.answer
        return None

    def where_needed(self) -> Any:
        """The first question that is wrong or still unanswered, else the first."""
        state = self.state
        for row in self.rows():
            if not row.display:
                continue
            q = row.question
            unanswered = state.value(q.section, q.field) is None and (
                not q.nullable or q.needed_when_shown
            )
            if unanswered or state.field_problem(q) is not None:
                return row.answer
        return self.first_answer(problems_only=False)

    def sync(self, skip: str | None = None) -> None:
        """Show the answers as the session has them now (after a units switch, a jump);
        ``skip``: the question being answered, whose box shows what is being typed."""
        state = self.state
        for row in self.rows():
            q = row.question
            if q.key == skip:
                continue
            row.set_units(state.units, state.display_text(q))
            answer = row.answer
            if isinstance(answer, ChoiceSet) and answer.chosen != state.value(q.section, q.field):
                answer.show(state.value(q.section, q.field))
        self.refresh_rows()

    def problems(self) -> dict[str, str]:
        return self.state.problems(self.sections)

    def refresh_rows(self) -> None:
        """Hide what does not apply; put each message beside its question."""
        state = self.state
        problems = self.problems()
        for section in self.sections:
            hidden = state.hidden(section)
            for q in questions(section):
                row = self.row(q)
                applies = q.field not in hidden
                if row is None:
                    if applies:
                        self._place(q)
                    continue
                if row.display != applies:
                    row.display = applies
                if not applies:
                    row.set_message(None)
                    continue
                message = problems.get(q.key)
                empty = message == NEEDED or state.value(q.section, q.field) is None
                if message and empty and not (self.tried or q.key in self.touched):
                    message = None  # an empty answer is not scolded before the person got to it
                row.set_message(message, self._came_to(q))

    def _came_to(self, q: Question) -> str | None:
        """ "= 162.5 cm" under a length typed with its own units (5'4", 19in, 1.62 m), so a
        person sees what deskfit understood; nothing under a plain number."""
        if q.kind != "length":
            return None
        state = self.state
        value = state.value(q.section, q.field)
        typed = state.texts.get(q.key)
        if not isinstance(value, float) or typed is None or typed[0] != state.units:
            return None
        try:
            read_number(typed[1])
            return None  # a plain number is already in the units shown beside it
        except ValueError:
            pass
        stature = q.field == "stature_cm"
        return f"= {format_length(value, state.units, stature=stature)}"

    # -- answers --------------------------------------------------------------------------

    @on(Input.Changed, ".answer")
    def _typed(self, event: Input.Changed) -> None:
        widget = event.input
        if not isinstance(widget, AnswerInput) or event.value == widget.shown:
            return  # not an answer, or put there by the program (a units switch)
        widget.shown = event.value
        q = widget.question
        self.touched.add(q.key)
        if q.kind in ("length", "number", "integer"):
            changed = self.state.set_text(q.section, q.field, event.value)
        else:
            changed = self.state.set_value(q.section, q.field, event.value)
        self._after_change(changed, q.key)

    @on(ChoiceSet.Changed)
    def _chosen(self, event: ChoiceSet.Changed) -> None:
        widget = event.choice_set
        q = widget.question
        self.touched.add(q.key)
        if q.section == PROFILE and q.field == "units":
            if widget.chosen != self.state.units:
                self.post_message(self.UnitsPicked())
            return
        self._after_change(self.state.set_value(q.section, q.field, widget.chosen), q.key)

    def _after_change(self, changed: bool, key: str) -> None:
        if changed:
            # an answer that stopped applying was dropped (the session prunes it, as
            # ``deskfit set`` does): show every row as the session has it now, so that a
            # question shown again shows its answer as it will be saved
            self.sync(skip=key)
            self.post_message(self.Answered())
        else:
            self.refresh_rows()

    @on(Input.Submitted, ".answer")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()  # Enter moves on to the next question

    @on(DescendantBlur)
    def _left(self, event: DescendantBlur) -> None:
        q = getattr(event.widget, "question", None)
        if isinstance(q, Question) and q.key not in self.touched:
            # leaving a question counts as having been to it
            self.touched.add(q.key)
            self.refresh_rows()
