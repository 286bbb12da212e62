"""The screen every question step shares: a form built from the section models.

A step names its section(s) and which fields do not apply given the other answers; the
form, its inputs, their validation and their help all come from the model. Every change
goes straight into the app's ``WizardState`` (and from there into the draft file), so a
step can be left at any moment, by any route, without losing an answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantBlur, DescendantFocus
from textual.screen import Screen
from textual.widgets import Button, Input, RadioSet, Static

from deskfit.core.model.questionnaire import SECTION_TITLES, Step
from deskfit.core.model.questions import PROFILE, Question, question, questions
from deskfit.core.model.units import format_length, read_number
from deskfit.core.session.state import NEEDED, WizardState
from deskfit.tui.widgets.fields import AnswerInput, ChoiceSet, FieldRow
from deskfit.tui.widgets.keyline import KeyLine
from deskfit.tui.widgets.steplist import StepList

if TYPE_CHECKING:
    from deskfit.tui.app import DeskfitApp


class WizardScreen(Screen[None]):
    """What every step, the review included, has: the step list and the way around."""

    BINDINGS: ClassVar[list[Any]] = [
        Binding("ctrl+n", "next", "Next"),
        Binding("escape,ctrl+b", "back", "Back"),
    ]

    def __init__(self, index: int) -> None:
        super().__init__(classes=f"step-{index}")
        self.index = index

    @property
    def wizard(self) -> DeskfitApp:
        from deskfit.tui.app import DeskfitApp

        assert isinstance(self.app, DeskfitApp)
        return self.app

    @property
    def state(self) -> WizardState:
        """The answers; a wizard screen is only ever shown with a profile under way."""
        state = self.wizard.state
        assert state is not None
        return state

    def flagged_steps(self) -> set[int]:
        """Steps already visited whose answers need a look."""
        app = self.wizard
        return {
            i for i in range(self.state.visited + 1) if i != self.index and app.step_problems(i)
        }

    def step_list(self) -> StepList:
        return StepList(
            self.wizard.step_titles(), self.index, self.state.visited, self.flagged_steps()
        )

    def action_back(self) -> None:
        self.wizard.go_back(self.index)

    def action_next(self) -> None:
        self.wizard.goto(self.index + 1)

    @on(StepList.Jump)
    def _jump(self, event: StepList.Jump) -> None:
        self.wizard.goto(event.index)

    @on(Button.Pressed, "#back")
    def _back_pressed(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#next")
    def _next_pressed(self) -> None:
        self.action_next()

    def units_changed(self) -> None:
        """Lengths are to be shown in the other units."""

    def saved(self, path: Path) -> None:
        """The profile was just saved to ``path``."""


class StepScreen(WizardScreen):
    """A step of questions: the form of its sections' questions (``core/questionnaire``).

    Which questions show is the core's ``not_applying``, from each field's ``when``.
    """

    def __init__(self, index: int, step: Step) -> None:
        super().__init__(index)
        self.step = step
        self.sections = step.sections
        self.touched: set[str] = set()
        self.tried = False  # Next was pressed: show every message, "needed" ones too

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        app = self.wizard
        state = self.state
        total = len(app.step_titles())
        title = self.step.title
        with Horizontal(id="wizard"):
            yield self.step_list()
            with Vertical(id="step"):
                yield Static(
                    f"[b]{title}[/b]  [dim]step {self.index + 1} of {total}[/dim]",
                    id="step-title",
                )
                with VerticalScroll(id="form", can_focus=False):
                    if self.step.intro:
                        yield Static(self.step.intro, id="step-intro")
                    for section in self.sections:
                        if len(self.sections) > 1:
                            yield Static(SECTION_TITLES[section], classes="section-title")
                        for q in questions(section):
                            yield FieldRow(
                                q,
                                state.units,
                                state.display_text(q),
                                state.value(q.section, q.field),
                            )
                yield Static("", id="help-line")
                with Horizontal(id="nav"):
                    yield Button("Back", id="back")
                    yield Static("", id="nav-reason")
                    yield Button("Next", id="next", variant="primary")
        yield KeyLine()

    def on_mount(self) -> None:
        self.refresh_form()
        self.focus_where_needed()

    def focus_where_needed(self) -> None:
        """Focus the first question that is wrong or still unanswered, else the first:
        arriving at a step puts the cursor where there is something to do."""
        state = self.state
        target = None
        for row in self.rows():
            if not row.display:
                continue
            q = row.question
            unanswered = state.value(q.section, q.field) is None and (
                not q.nullable or q.needed_when_shown
            )
            if unanswered or state.field_problem(q) is not None:
                target = row.answer
                break
        target = target or self.first_answer(problems_only=False)
        if target is not None:
            target.focus()
            target.scroll_visible(animate=False)

    def on_screen_resume(self) -> None:
        """Shown again (screens are kept): show the answers as they stand now."""
        if not self.is_mounted:
            return
        self.sync()

    def sync(self) -> None:
        state = self.state
        for row in self.rows():
            q = row.question
            row.set_units(state.units, state.display_text(q))
            answer = row.answer
            if isinstance(answer, ChoiceSet) and answer.chosen != state.value(q.section, q.field):
                answer.show(state.value(q.section, q.field))
        self.query_one(StepList).update_steps(state.visited, self.flagged_steps())
        self.refresh_form()

    def rows(self) -> list[FieldRow]:
        return list(self.query(FieldRow))

    def row(self, q: Question) -> FieldRow:
        return self.query_one(f"#row-{q.section}-{q.field}", FieldRow)

    def first_answer(self, problems_only: bool) -> Any:
        for row in self.rows():
            if row.display and (not problems_only or row.has_class("-problem")):
                return row.answer
        return None

    # -- answers ----------------------------------------------------------------------

    @on(Input.Changed, ".answer")
    def _typed(self, event: Input.Changed) -> None:
        widget = event.input
        if not isinstance(widget, AnswerInput):
            return
        if event.value == widget.shown:
            return  # put there by the program (a units switch), not typed
        widget.shown = event.value
        q = widget.question
        self.touched.add(q.key)
        state = self.state
        if q.kind in ("length", "number", "integer"):
            changed = state.set_text(q.section, q.field, event.value)
        else:
            changed = state.set_value(q.section, q.field, event.value)
        self._after_change(changed)

    @on(Input.Submitted, ".answer")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(RadioSet.Changed, ".answer")
    def _chosen(self, event: RadioSet.Changed) -> None:
        widget = event.radio_set
        if not isinstance(widget, ChoiceSet):
            return
        q = widget.question
        self.touched.add(q.key)
        if q.section == PROFILE and q.field == "units":
            if widget.chosen != self.state.units:
                self.wizard.action_switch_units()
            return
        changed = self.state.set_value(q.section, q.field, widget.chosen)
        self._after_change(changed)

    def _after_change(self, changed: bool) -> None:
        if changed:
            self.wizard.answers_changed()
        self.refresh_form()

    # -- showing what is wrong --------------------------------------------------------

    def problems(self) -> dict[str, str]:
        return self.state.problems(self.sections)

    def refresh_form(self) -> None:
        """Hide what does not apply; put each message beside its field."""
        state = self.state
        problems = self.problems()
        shown_keys: set[str] = set()
        for section in self.sections:
            hidden = state.hidden(section)
            for q in questions(section):
                row = self.row(q)
                applies = q.field not in hidden
                if row.display != applies:
                    row.display = applies
                if not applies:
                    row.set_message(None)
                    continue
                shown_keys.add(q.key)
                message = problems.get(q.key)
                empty = message == NEEDED or state.value(q.section, q.field) is None
                if message and empty and not (self.tried or q.key in self.touched):
                    message = None  # an empty answer is not scolded before the person got to it
                row.set_message(message, self._came_to(q))
        elsewhere = [f"{k}: {m}" for k, m in problems.items() if k not in shown_keys]
        reason = self.query_one("#nav-reason", Static)
        if self.tried and problems:
            first_key = next(iter(problems))
            title = self._title_of(first_key)
            more = len(problems) - 1
            text = f"[b]Next is blocked[/b] — {title}: {problems[first_key]}"
            if more:
                text += f" (and {more} more)"
            reason.update(text)
        elif elsewhere:
            reason.update("; ".join(elsewhere))
        else:
            reason.update("")
        reason.set_class(bool((self.tried and problems) or elsewhere), "-problem")

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

    def _title_of(self, key: str) -> str:
        section, _, name = key.partition(".")
        try:
            return question(section, name).title
        except KeyError:
            return key

    def show_problems(self) -> None:
        """Every message, "needed" ones too, and the reason Next is refused."""
        self.tried = True
        self.refresh_form()
        first = self.first_answer(problems_only=True)
        if first is not None:
            first.focus()
            first.scroll_visible()

    def action_next(self) -> None:
        if self.problems():
            self.show_problems()
            return
        self.tried = False
        self.refresh_form()
        super().action_next()

    def units_changed(self) -> None:
        self.sync()

    # -- help for the focused question ------------------------------------------------

    @on(DescendantFocus)
    def _focus_moved(self, event: DescendantFocus) -> None:
        q = getattr(event.widget, "question", None)
        help_line = self.query_one("#help-line", Static)
        if isinstance(q, Question):
            hint = f" — {q.help}" if q.help else ""
            help_line.update(f"[b]{q.title}[/b]{hint}  [dim](F1: more)[/dim]")
        else:
            help_line.update("")

    @on(DescendantBlur)
    def _focus_left(self, event: DescendantBlur) -> None:
        q = getattr(event.widget, "question", None)
        if isinstance(q, Question) and q.key not in self.touched:
            # leaving a question counts as having been to it
            self.touched.add(q.key)
            self.refresh_form()

    def focused_question(self) -> Question | None:
        q = getattr(self.focused, "question", None)
        return q if isinstance(q, Question) else None


__all__ = ["StepScreen", "WizardScreen", "question"]
