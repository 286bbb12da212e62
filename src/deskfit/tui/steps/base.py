"""The wizard's screens: every question step on one screen, then the review.

The question steps share one screen whose forms (``form.StepForm``, one per step) are
shown and hidden: going to a step shows a form that is already built — the next step's
form is built while the person reads the current one — so Ctrl+N costs a frame, not a
screen. The screens decide nothing about where to go: they post ``Go`` and the app,
which owns the session, moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from deskfit.core.model.questionnaire import REVIEW_TITLE, STEPS
from deskfit.core.model.questions import Question, question
from deskfit.core.session.state import WizardState
from deskfit.tui.steps.form import StepForm
from deskfit.tui.widgets.app_watch import forget_app_watchers, watch_app
from deskfit.tui.widgets.keyline import KeyLine
from deskfit.tui.widgets.removed import forget_removed_soon
from deskfit.tui.widgets.steplist import StepList

if TYPE_CHECKING:
    from deskfit.tui.app import DeskfitApp


# the step list's lines: every step of questions, then the review
LABELS: tuple[str, ...] = (*(s.label for s in STEPS), REVIEW_TITLE)


class WizardScreen(Screen[None]):
    """What every step, the review included, has: the step list and the way around."""

    # The colours of the parts every wizard screen has; where they sit is deskfit.tcss's.
    DEFAULT_CSS = """
    WizardScreen #steps {
        border: none;
        border-right: vkey $foreground 25%;
        background: $surface;
    }
    WizardScreen #step-title {
        color: $primary;
    }
    WizardScreen .section-title {
        color: $primary;
        text-style: bold;
    }
    WizardScreen #help-line {
        color: $text-muted;
        border-top: hkey $foreground 25%;
    }
    WizardScreen #nav-reason {
        color: $text-muted;
    }
    WizardScreen #nav-reason.-problem {
        color: $text-error;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [
        Binding("ctrl+n", "next", "Next"),
        Binding("escape,ctrl+b", "back", "Back"),
    ]

    class Go(Message):
        """Show step ``index`` (the app checks it may)."""

        def __init__(self, index: int, *, back: bool = False) -> None:
            super().__init__()
            self.index = index
            self.back = back  # Back from the first step leaves the wizard

    def __init__(self, index: int) -> None:
        super().__init__()
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
        state = self.state
        return {
            i
            for i in range(min(state.visited + 1, len(STEPS)))
            if i != self.index and state.problems(STEPS[i].sections)
        }

    def step_list(self) -> StepList:
        return StepList(list(LABELS), self.index, self.state.visited, set())

    def on_screen_resume(self) -> None:
        self.query_one(StepList).update_steps(self.index, self.state.visited, self.flagged_steps())

    def show_record(self) -> None:
        """The actions or the assessment changed (set on the review, which shows them)."""

    def action_back(self) -> None:
        self.post_message(self.Go(self.index - 1, back=True))

    def action_next(self) -> None:
        self.post_message(self.Go(self.index + 1))

    @on(StepList.Jump)
    def _jump(self, event: StepList.Jump) -> None:
        self.post_message(self.Go(event.index))

    @on(Button.Pressed, "#back")
    def _back_pressed(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#next")
    def _next_pressed(self) -> None:
        self.action_next()


NEARBY = 1  # forms kept beside the one shown: the step before and the step after


class StepScreen(WizardScreen):
    """The question steps: one form per step (``core/model/questionnaire``), one shown.

    Which questions show is the core's ``not_applying``, from each field's ``when``.
    """

    # the step screen's layout does not change with the width: no breakpoint classes,
    # whose first Resize would restyle the whole screen once more
    HORIZONTAL_BREAKPOINTS = []  # noqa: RUF012
    VERTICAL_BREAKPOINTS = []  # noqa: RUF012

    def __init__(self, index: int = 0) -> None:
        super().__init__(index)
        self.forms: dict[int, StepForm] = {}

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="wizard"):
            yield self.step_list()
            with Vertical(id="step"):
                yield Static("", id="step-title")
                with Vertical(id="forms"):
                    yield self._form(self.index)
                yield Static("", id="help-line")
                with Horizontal(id="nav"):
                    yield Button("Back", id="back")
                    yield Static("", id="nav-reason")
                    yield Button("Next", id="next", variant="primary")
        yield KeyLine()

    def _form(self, index: int) -> StepForm:
        form = StepForm(index, STEPS[index], self.state)
        form.display = index == self.index
        self.forms[index] = form
        return form

    def on_mount(self) -> None:
        self._show_title()
        self.refresh_nav()
        watch_app(self, "units", self._units_changed)

    def on_unmount(self) -> None:
        forget_app_watchers(self)

    @on(StepForm.Built)
    def _built(self, event: StepForm.Built) -> None:
        if event.form.index == self.index:
            self._arrived()
        else:
            event.form.sync()  # built ahead: the answers may have changed since

    def _arrived(self) -> None:
        self.focus_where_needed()
        self.call_after_refresh(self._build_ahead)

    def _build_ahead(self) -> None:
        """Keep the forms of this step and the two beside it: build the next (then the
        previous) while the person reads this one, and let the others go, so a walk
        through every step holds three forms, not eight."""
        if not self.is_attached:
            return
        here = self.index
        far = [i for i in self.forms if abs(i - here) > NEARBY]
        if far:
            for index in far:
                self.forms.pop(index).remove()
            forget_removed_soon(self.app)
        missing = [i for i in (here + 1, here - 1) if 0 <= i < len(STEPS) and i not in self.forms]
        if missing:
            self.query_one("#forms").mount(self._form(missing[0]))
            if len(missing) > 1:  # one form per idle moment: a key between them waits less
                self.call_after_refresh(self._build_ahead)

    # -- which step shows ---------------------------------------------------------------

    @property
    def form(self) -> StepForm:
        return self.forms[self.index]

    def showing(self) -> int | None:
        """The step whose form is built and shown, for a frame to show (the bench's)."""
        form = self.forms.get(self.index)
        return self.index if form is not None and form.display and form.is_mounted else None

    def show_step(self, index: int, *, tried: bool = False) -> None:
        """Show step ``index``'s form (built now if it was not built ahead)."""
        self.index = index
        form = self.forms.get(index)
        if form is None and self.is_mounted:
            form = self._form(index)
            self.query_one("#forms").mount(form)
        if form is None:  # not composed yet: compose builds it
            return
        if tried:
            form.tried = True
        focused = self.focused
        if focused is not None and focused not in form.walk_children():
            # no key may reach a form that is about to be hidden (the new one takes the
            # focus once it is built)
            self.set_focus(None)
        for i, other in self.forms.items():
            if other.display != (i == index):
                other.display = i == index
        if self.is_mounted:
            if form.is_mounted:  # a new form is built from the answers as they are
                form.sync()
            self._show_title()
            self.refresh_nav()
            self.query_one(StepList).update_steps(index, self.state.visited, self.flagged_steps())
            if form.is_mounted:
                self._arrived()  # else when it is built (``_built``)

    def _show_title(self) -> None:
        step = STEPS[self.index]
        total = len(LABELS)
        self.query_one("#step-title", Static).update(
            f"[b]{step.title}[/b]  [dim]step {self.index + 1} of {total}[/dim]"
        )

    def on_screen_resume(self) -> None:
        """Shown again (from the review, a dialog): show the answers as they stand now."""
        if not self.is_mounted or self.index not in self.forms:
            return
        self.form.sync()
        self.refresh_nav()
        super().on_screen_resume()
        self.call_after_refresh(self._build_ahead)

    def _units_changed(self) -> None:
        for form in self.forms.values():
            if form.is_mounted:
                form.sync()
        self.refresh_nav()

    # -- the current form ---------------------------------------------------------------

    @property
    def tried(self) -> bool:
        return self.form.tried

    def rows(self) -> list[Any]:
        return self.form.rows()

    def row(self, q: Question) -> Any:
        return self.form.row(q)

    def focus_where_needed(self) -> None:
        """Focus the first question that is wrong or still unanswered, else the first:
        arriving at a step puts the cursor where there is something to do."""
        if not self.form.is_mounted:
            return
        target = self.form.where_needed()
        if target is not None:
            target.focus(scroll_visible=False)
            target.scroll_visible(animate=False)

    # -- showing what is wrong --------------------------------------------------------

    @on(StepForm.Answered)
    def _answered(self) -> None:
        self.refresh_nav()

    def refresh_nav(self) -> None:
        """The line beside Next: why it is blocked, or what is wrong elsewhere."""
        form = self.forms.get(self.index)
        if form is None:
            return
        problems = form.problems()
        shown = {
            row.question.key for row in (form.rows() if form.is_mounted else []) if row.display
        }
        elsewhere = [f"{k}: {m}" for k, m in problems.items() if shown and k not in shown]
        reason = self.query_one("#nav-reason", Static)
        if form.tried and problems:
            first_key = next(iter(problems))
            more = len(problems) - 1
            text = f"[b]Next is blocked[/b] — {self._title_of(first_key)}: {problems[first_key]}"
            if more:
                text += f" (and {more} more)"
            reason.update(text)
        elif elsewhere:
            reason.update("; ".join(elsewhere))
        else:
            reason.update("")
        reason.set_class(bool((form.tried and problems) or elsewhere), "-problem")

    def _title_of(self, key: str) -> str:
        section, _, name = key.partition(".")
        try:
            return question(section, name).title
        except KeyError:
            return key

    def show_problems(self) -> None:
        """Every message, "needed" ones too, and the reason Next is refused."""
        form = self.form
        form.tried = True
        form.refresh_rows()
        self.refresh_nav()
        first = form.first_answer(problems_only=True)
        if first is not None:
            first.focus()
            first.scroll_visible()

    def action_next(self) -> None:
        form = self.form
        if form.problems():
            self.show_problems()
            return
        form.tried = False
        form.refresh_rows()
        self.refresh_nav()
        super().action_next()

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

    def focused_question(self) -> Question | None:
        q = getattr(self.focused, "question", None)
        return q if isinstance(q, Question) else None


__all__ = ["StepScreen", "WizardScreen", "question"]
