"""The last step: the plan, the ROSA score now and after, the advice, and a drawing.

Everything shown is computed by the core (``advise``) and laid out by ``render``'s row
helpers, so the review says exactly what ``deskfit show`` and the exports say.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Collapsible, Static

from deskfit.core.engine.advice import Advice, estimated_keys
from deskfit.core.engine.advice.symptoms import words
from deskfit.core.model.profile import Units
from deskfit.core.model.questions import question
from deskfit.core.model.validation import ProfileInvalid
from deskfit.core.present import render
from deskfit.core.present.record import action_words, assessment_words, symptoms_summary
from deskfit.core.present.scene import workstation_scenes
from deskfit.tui.record_dialogs import status_mark
from deskfit.tui.steps.base import WizardScreen
from deskfit.tui.widgets.app_watch import forget_app_watchers, watch_app
from deskfit.tui.widgets.diagram import PostureDiagram
from deskfit.tui.widgets.keyline import KeyLine

SEVERITY = {
    "high": ("▲ high", "bold red"),
    "medium": ("● medium", "bold yellow"),
    "low": ("○ low", "bold green"),
    "info": ("· note", "dim"),
}
# the body estimate that matters most for the set-up, and why (ergonomics.md §1)
NUDGE_KEY = "elbow_rest_height_cm"


def band_style(score: int) -> str:
    return "bold red" if score >= 5 else "bold yellow" if score >= 3 else "bold green"


def plan_table(advice: Advice, units: Units) -> Table:
    """The plan, step by step: what to do, from where, to where."""
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=False,
        pad_edge=False,
        title="[b]The plan, in order[/b]",
        title_justify="left",
    )
    table.add_column("#", justify="right")
    table.add_column("What")
    table.add_column("From", justify="right")
    table.add_column("To", justify="right", style="bold")
    table.add_column("Change")
    rows = render.plan_rows(advice, units)
    for n, label, before, after, change in rows:
        table.add_row(n, label, before, after, Text(change, style="bold" if n else "dim"))
    if not rows:
        table.add_row("", render.NOTHING_TO_SET, "", "", "")
    return table


def rosa_table(advice: Advice) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    table.add_column("ROSA (1 low – 10 high)")
    table.add_column("Now", justify="right")
    table.add_column("After", justify="right")
    for label, now, after in render.rosa_rows(advice):
        table.add_row(label, Text(str(now), band_style(now)), Text(str(after), band_style(after)))
    a, b = advice.rosa, advice.rosa_after
    table.add_row(
        Text("Final score", style="bold"),
        Text(f"{a.final} {a.band}", band_style(a.final)),
        Text(f"{b.final} {b.band}", band_style(b.final)),
    )
    return table


def estimated_text(advice: Advice) -> Text:
    """Which body dimensions were estimated, said plainly, with a nudge to measure."""
    keys = estimated_keys(advice.profile, advice.body)
    names = []
    for key in keys:
        try:
            names.append(question("body", key).title.split(" (")[0].lower())
        except KeyError:
            names.append(key.removesuffix("_cm").replace("_", " "))
    out = Text()
    if not names:
        out.append("Every body dimension was measured: the advice fits you, not an average.")
        return out
    out.append("Estimated from your height and sex: ", style="bold")
    out.append(", ".join(names) + ". ")
    if NUDGE_KEY in keys:
        out.append(
            "Measure your elbow rest height (step 1, You) if you can: it sets the desk and "
            "keyboard height, and height predicts it poorly.",
            style="italic",
        )
    if advice.body.stature_outside_data:
        out.append(
            " Your height is outside the range the estimates were made on, so they are "
            "rougher than usual."
        )
    return out


class ReviewScreen(WizardScreen):
    """The plan, ROSA now and after, the advice and the drawing."""

    # The screen's own styles (the app's stylesheet holds the wizard's layout only).
    SCOPED_CSS = False
    DEFAULT_CSS = """
    ReviewScreen #review {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }

    ReviewScreen #review-top {
        height: auto;
        layout: vertical;
    }

    ReviewScreen #settings, ReviewScreen #rosa {
        height: auto;
    }

    /* the drawing takes the whole width: two panels side by side when it is wide enough */
    ReviewScreen #diagram {
        height: 19;
        width: 1fr;
    }

    ReviewScreen.-wide #diagram {
        height: 21;
    }

    ReviewScreen.-xwide #diagram {
        height: 24;
    }

    ReviewScreen #estimated {
        margin: 1 0;
    }

    ReviewScreen #assumptions {
        margin-top: 1;
        color: $text-muted;
    }

    ReviewScreen #saved-line {
        height: 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }

    ReviewScreen Collapsible {
        padding: 0;
        margin: 0;
        border-top: none;
        background: transparent;
    }

    ReviewScreen Collapsible Contents {
        padding: 0 0 0 3;
    }

    ReviewScreen .advice.-high CollapsibleTitle {
        color: $text-error;
    }

    ReviewScreen .advice.-medium CollapsibleTitle {
        color: $text-warning;
    }

    ReviewScreen .advice-source {
        color: $text-muted;
        text-style: italic;
    }

    ReviewScreen .advice-action {
        height: auto;
        margin-top: 1;
    }

    ReviewScreen .advice-action Static {
        width: 1fr;
        height: auto;
        padding-top: 1;
    }

    ReviewScreen .advice-action Button, ReviewScreen #record Button {
        min-width: 14;
        margin-left: 1;
    }

    ReviewScreen #record {
        height: auto;
        margin-top: 1;
    }

    ReviewScreen #record Static {
        width: 1fr;
        height: auto;
        padding-top: 1;
    }

    ReviewScreen #red-flag {
        color: $text-error;
        height: auto;
    }

    ReviewScreen #symptoms {
        margin-bottom: 1;
    }
    """

    HELP: ClassVar[str] = (
        "Tab moves through the advice; Enter or a click opens a line. a sets the action of "
        "the line the cursor is on (with none, it asks which): ☐ to do, ✔ done, ✘ declined, "
        "– not possible, with a date, owner and note. r sets the assessor, the dates and "
        "when to review. Both are saved with the profile (Ctrl+S)."
    )

    BINDINGS: ClassVar[list[Any]] = [
        Binding(
            "d",
            "toggle_diagram",
            "Draw",
            tooltip="the drawing now, after the plan, or standing at a sit-stand desk",
        ),
        # the Save button is on the screen: the key stays, the footer keeps room for Theme
        Binding("ctrl+s", "app.save", "Save", show=False),
        # Export and Copy are buttons on the screen too: their keys stay, the key line
        # keeps room for the record's keys and Theme at 80 columns
        Binding("e", "app.export", "Export", show=False),
        Binding("c", "app.copy", "Copy", show=False),
        Binding("m", "app.compare", "Compare", tooltip="with another saved profile"),
        Binding("a", "action", "Action", tooltip="to do, done, declined or not possible"),
        Binding("r", "assessment", "Assessment", tooltip="assessor, date and review date"),
    ]

    def compose(self) -> ComposeResult:
        app = self.wizard
        state = app.state
        assert state is not None
        try:
            advice = state.advice()
        except ProfileInvalid as exc:  # goto() keeps this from happening; say it if it does
            with Vertical(id="step"):
                yield Static("\n".join(p.located() for p in exc.problems))
            yield KeyLine()
            return
        units = state.units
        with Horizontal(id="wizard"):
            yield self.step_list()
            with Vertical(id="step"):
                yield Static(
                    f"[b]Review · {advice.profile.name}[/b] · [dim]{render.rosa_summary(advice)}[/dim]",
                    id="step-title",
                )
                flags = advice.profile.symptoms.red_flags()
                if flags:  # said before anything else, and never scrolled away
                    yield Static(
                        Text.assemble(
                            ("See a doctor or physiotherapist: ", "bold"),
                            f"you reported {words(flags)}.",
                        ),
                        id="red-flag",
                    )
                with VerticalScroll(id="review", can_focus=True):
                    with Horizontal(id="review-top"):
                        yield Static(plan_table(advice, units), id="settings")
                        yield Static(rosa_table(advice), id="rosa")
                    yield PostureDiagram(workstation_scenes(advice, units), id="diagram")
                    yield Static(estimated_text(advice), id="estimated")
                    yield Static(
                        Text.assemble(
                            ("Symptoms: ", "bold"), symptoms_summary(advice.profile.symptoms)
                        ),
                        id="symptoms",
                    )
                    now_drivers = render.drivers(advice.rosa)
                    if now_drivers:
                        with Collapsible(
                            title=f"What drives the ROSA score now ({len(now_drivers)})",
                            id="drivers",
                        ):
                            yield Static("\n".join(f"• {d}" for d in now_drivers))
                    left = render.drivers(advice.rosa_after)
                    if left:
                        with Collapsible(
                            title=f"What still counts after the plan ({len(left)})",
                            id="drivers-after",
                        ):
                            yield Static("\n".join(f"• {d}" for d in left))
                    yield Static(
                        f"[b]Advice[/b] ({len(advice.lines)}, most important first; "
                        "Enter or click opens one)",
                        classes="section-title",
                    )
                    if not advice.lines:
                        yield Static("Nothing to change: this workstation fits you.")
                    for n, line in enumerate(advice.lines, 1):
                        with Collapsible(
                            title=self._advice_title(line.id, line.title, line.severity),
                            id=f"advice-{n}",
                            classes=f"advice -{line.severity}",
                        ):
                            yield Static(line.text, classes="advice-text")
                            if line.sources:
                                yield Static(
                                    "Source: " + "; ".join(line.sources), classes="advice-source"
                                )
                            with Horizontal(classes="advice-action"):
                                yield Static(self._action_text(line.id))
                                yield Button("Action…", name=line.id, classes="set-action")
                    with Horizontal(id="record"):
                        yield Static(self._assessment_text(), id="assessment-line")
                        yield Button("Assessment…", id="set-assessment")
                    if advice.assumptions:
                        yield Static(
                            "\n".join(
                                ["[b]Assumptions[/b]"] + [f"• {a}" for a in advice.assumptions]
                            ),
                            id="assumptions",
                        )
                yield Static(self._saved_text(), id="saved-line")
                with Horizontal(id="nav"):
                    yield Button("Back", id="back")
                    yield Button("Save", id="save", variant="primary")
                    yield Button("Export", id="export")
                    yield Button("Copy", id="copy")
        yield KeyLine()

    # -- the record: each line's action, and the assessment -----------------------------

    def _advice_title(self, advice_id: str, title: str, severity: str) -> str:
        mark = SEVERITY.get(severity, ("·", ""))[0]
        return f"{mark:<8} {status_mark(self.state.actions.get(advice_id))} {title}"

    # Owners, notes and names are the person's own text: shown as Text, never as markup.
    def _action_text(self, advice_id: str) -> Text:
        if not self.state.actions.get(advice_id):
            return Text.assemble(
                ("No action recorded yet: ", "dim"), ("a", "bold"), (" sets it.", "dim")
            )
        profile = self.state.advice().profile
        return Text.assemble(("Action: ", "bold"), action_words(profile.actions.get(advice_id)))

    def _assessment_text(self) -> Text:
        words = assessment_words(self.state.advice().profile)
        if words:
            return Text(words)
        return Text.assemble(
            ("No assessor or review date yet: ", "dim"), ("r", "bold"), (" adds them.", "dim")
        )

    def show_record(self) -> None:
        advice = self.state.advice()
        for n, line in enumerate(advice.lines, 1):
            for box_ in self.query(f"#advice-{n}").results(Collapsible):
                box_.title = self._advice_title(line.id, line.title, line.severity)
                box_.query_one(".advice-action Static", Static).update(self._action_text(line.id))
        self.query_one("#assessment-line", Static).update(self._assessment_text())
        self._show_saved()

    def _focused_line(self) -> str | None:
        """The advice line the focus is in (its title or its button), if any."""
        advice = self.state.advice()
        node = self.focused
        while node is not None and node is not self:
            if isinstance(node, Collapsible) and (node.id or "").startswith("advice-"):
                return advice.lines[int(node.id.split("-")[1]) - 1].id  # type: ignore[union-attr]
            node = node.parent  # type: ignore[assignment]
        return None

    def action_action(self) -> None:
        self.wizard.run_flow("set_action", self._focused_line())

    def action_assessment(self) -> None:
        self.wizard.run_flow("set_assessment")

    @on(Button.Pressed, ".set-action")
    def _set_action(self, event: Button.Pressed) -> None:
        self.wizard.run_flow("set_action", event.button.name)

    @on(Button.Pressed, "#set-assessment")
    def _set_assessment(self) -> None:
        self.wizard.run_flow("set_assessment")

    def on_mount(self) -> None:
        for widget in self.query("#review"):
            widget.focus()
        watch_app(self, "units", self._units_changed)
        watch_app(self, "saves", self._show_saved)

    def on_unmount(self) -> None:
        forget_app_watchers(self)

    def _saved_text(self) -> str:
        app = self.wizard
        state = app.state
        if state is None:
            return ""
        if state.path is not None and not state.dirty:
            return f"[dim]Saved as {state.path.name}[/dim]"
        if state.path is not None:
            return f"Changed since it was saved as {state.path.name}: Ctrl+S saves it."
        return "Not saved yet: Ctrl+S saves it."

    def _units_changed(self) -> None:
        self.refresh(recompose=True)

    def _show_saved(self) -> None:
        self.query_one("#saved-line", Static).update(self._saved_text())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "next"

    def action_toggle_diagram(self) -> None:
        for diagram in self.query(PostureDiagram):
            diagram.toggle()

    @on(Button.Pressed, "#save,#export,#copy")
    async def _button(self, event: Button.Pressed) -> None:
        await self.run_action(f"app.{event.button.id}")
