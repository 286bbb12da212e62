"""DeskfitApp: the wizard's steps, its keys, its themes, and saving, exporting and drafts.

``make_app`` builds the app for both the CLI (through ``run_wizard``) and the tests.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.markup import escape as escape_markup
from textual.reactive import var
from textual.screen import Screen

from deskfit.core.files.durable import Syncer
from deskfit.tui.dialogs import MIN_HEIGHT, MIN_WIDTH, HelpScreen, TooSmallScreen
from deskfit.tui.start import StartScreen
from deskfit.tui.widgets.removed import forget_removed_soon

if TYPE_CHECKING:
    from deskfit.core.files.config import Settings
    from deskfit.core.model.questions import Question
    from deskfit.core.session.state import WizardState
    from deskfit.tui.steps.base import StepScreen, WizardScreen

# Everything of the core, the steps and the flows is imported where it is first used, not
# here: the start screen paints before pydantic and the core are loaded (the cold start,
# bench figure 1), and they load while the person reads it.

MODES = ("start", "new", "edit", "open")
THEMES = ("textual-dark", "textual-light")
TERMINAL_CHECK_SECONDS = 1.0  # how often to look whether the terminal is still there

LENGTH_FORMS = (
    "Type a length as a bare number in your units ({unit}), or with its unit: "
    "48, 48.5 cm, 485 mm, 19 in, 19½ in, 5'10\"."
)


# The keys within a step's questions (the widgets' own bindings, said in one place).
QUESTION_KEYS = (
    ("tab, enter", "Next question"),
    ("shift+tab", "Previous question"),
    ("← →", "Choose an option (yes/no and other choices)"),
    ("↑ ↓", "Previous or next question, from a choice"),
)


# The keys every Textual screen has (tab, shift+tab, copy): known, and not deskfit's to list.
SCREEN_KEYS = frozenset(b.action for b in Screen.BINDINGS if isinstance(b, Binding))


class DeskfitApp(App[None]):
    """The deskfit wizard."""

    CSS_PATH = "deskfit.tcss"
    # What the wizard's screens watch rather than being told: the units lengths are
    # shown in, and how many saves were made (the review's "Saved as" line).
    units: var[str] = var("metric")
    saves: var[int] = var(0)
    TITLE = "deskfit"
    # -narrow below 100 columns; -wide up to 120; -xwide beyond (the review in two columns)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (120, "-xwide")]  # noqa: RUF012
    # -short below 24 rows: dialogs drop their padding and their buttons' borders
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[Any]] = [
        Binding("ctrl+s", "save", "Save"),  # first: at 80 columns the footer ends in Theme
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("f2", "switch_units", "cm/in"),
        Binding("f3", "toggle_theme", "Theme"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        profiles_dir: Path,
        mode: str = "start",
        path: Path | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        self.profiles_dir = Path(profiles_dir)
        self.mode = mode
        self.start_path = path
        self.clock = clock
        self.state: WizardState | None = None
        self.watch_terminal = False  # run_wizard: leave when the real terminal hangs up
        self.draft_failed = False
        self.syncer = Syncer()
        self._started = False  # on_mount done: the screens the size check goes over exist
        self._steps: StepScreen | None = None  # the question steps' screen, kept
        self._steps_made = 0  # how many were made: each is installed under its own name
        self._review: tuple[tuple[int, int, str], WizardScreen] | None = None
        if settings is None:
            from deskfit.core.files.config import resolve  # light: tomllib, no pydantic

            settings = resolve()
        self.settings = settings
        self._start_warnings = [p.located() for p in settings.problems]
        self._theme_unsaved = False  # said once: the file could not take a new theme
        # the theme the config file has (or need not have): only a change is written
        self._theme_kept = self._theme_at_start()
        self.theme = self._theme_kept

    def _theme_at_start(self) -> str:
        """The theme of the settings, when Textual has one of that name (the core keeps
        it as a string); else the dark one, with a warning once the app is up."""
        wanted = self.settings.theme
        if wanted in self.available_themes:
            return wanted
        where = self.settings.origin("theme")
        self._start_warnings.append(
            f"{where}: there is no theme {wanted!r}; using {THEMES[0]} "
            "(Ctrl+P, then 'theme', lists them)"
        )
        return THEMES[0]

    # -- starting -----------------------------------------------------------------------

    def on_mount(self) -> None:
        # after the second refresh: the first frame is computed while the app starts and
        # only the next one is written
        self.call_after_refresh(self.call_after_refresh, self._painted)
        if self.watch_terminal:
            self.set_interval(TERMINAL_CHECK_SECONDS, self.leave_if_terminal_gone)
        self.push_screen(StartScreen(self.profiles_dir))
        if self.mode == "new":
            self.run_flow("start_new")
        elif self.mode in ("edit", "open") and self.start_path is not None:
            self.run_flow("open_profile", self.start_path, review=self.mode == "open")
        self._started = True
        self.fit_terminal(self.size.width, self.size.height)
        if self._start_warnings:
            lines = "\n".join(escape_markup(w) for w in self._start_warnings)
            self.notify(
                f"Your preferences have problems (those settings are not used):\n{lines}",
                title="Preferences",
                severity="warning",
                timeout=12,
            )

    def _painted(self) -> None:
        """The first frame is on the screen: what was built to paint it lives as long
        as the app, so the collector need never look at it again (``gc.freeze``)."""
        if not gc.isenabled():  # turned off by ``launch.bare`` for the start
            gc.freeze()
            gc.enable()

    # -- a terminal too small -----------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._started:
            self.fit_terminal(event.size.width, event.size.height)

    def fit_terminal(self, width: int, height: int) -> None:
        """Below MIN_WIDTH×MIN_HEIGHT say so instead of a broken layout; back when it fits."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        notice = next((s for s in self.screen_stack if isinstance(s, TooSmallScreen)), None)
        if small and notice is None:
            self.push_screen(TooSmallScreen(width, height))
        elif small and notice is not None:
            notice.show_size(width, height)
        elif notice is not None and self.screen is notice:
            self.pop_screen()

    def fresh(self, state: WizardState) -> None:
        """Work on these answers from now on; screens built for other answers go."""
        self.state = state
        self.units = state.units
        # one still on the stack (never, when called from the start screen) is at least
        # not shown again for the new answers
        self._let_go(self._steps)
        self._let_go(self._review[1] if self._review is not None else None)
        self._steps = self._review = None

    def _let_go(self, screen: Screen[Any] | None) -> bool:
        """Uninstall ``screen`` and remove it, unless it is on the stack. Textual removes
        only the screens it pops or switches away from; an installed screen that is let go
        of later would otherwise go on running, with all its widgets, until the app ends."""
        if screen is None or screen in self.screen_stack:
            return False
        self.uninstall_screen(screen)
        if screen.is_running:
            screen.remove()
            forget_removed_soon(self)
        return True

    def show_file_problem(self, report: str) -> None:
        self.push_screen(HelpScreen("This file cannot be used", report))

    # -- the flows (``flows.py``): each a worker that asks with dialogs and goes on ------

    def run_flow(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Run ``flows.<name>`` (a coroutine, or a plain function) as the app's flow."""
        from deskfit.tui import flows

        if self.flow_running():
            self.bell()  # one question at a time: a second Ctrl+S opens no second dialog
            return
        step = getattr(flows, name)(self, *args, **kwargs)
        if step is not None:
            self.run_worker(step, group="flow", name=name)

    def flow_running(self) -> bool:
        return any(w.group == "flow" and w.is_running for w in self.workers)

    def on_start_screen_new(self) -> None:
        self.run_flow("start_new")

    def on_start_screen_open(self, message: StartScreen.Open) -> None:
        self.run_flow("open_profile", message.path, review=message.review)

    def on_start_screen_resume(self, message: StartScreen.Resume) -> None:
        self.run_flow("resume_draft", message.path)

    def on_start_screen_discard(self, message: StartScreen.Discard) -> None:
        # the start screen lists its folder again when the dialog closes (ScreenResume)
        self.run_flow("discard_draft_file", message.path, message.name)

    def on_start_screen_problem(self, message: StartScreen.Problem) -> None:
        self.show_file_problem(message.report)

    # -- moving between steps -----------------------------------------------------------

    def step_problems(self, index: int) -> dict[str, str]:
        from deskfit.tui.steps import REVIEW, step_sections

        if self.state is None or index >= REVIEW:
            return {}
        return self.state.problems(step_sections(index))

    def first_invalid_step(self) -> int | None:
        from deskfit.tui.steps import REVIEW

        for i in range(REVIEW):
            if self.step_problems(i):
                return i
        return None

    def goto(self, index: int) -> None:
        """Show step ``index``; the review only once every step is answered well."""
        from deskfit.tui.steps import REVIEW, TITLES, make_screen
        from deskfit.tui.steps.base import StepScreen, WizardScreen

        state = self.state
        if state is None:
            return
        index = max(0, min(index, REVIEW))
        if index == REVIEW:
            bad = self.first_invalid_step()
            if bad is not None:
                self.notify(f"{TITLES[bad]} needs a look before the advice.", severity="warning")
                index = bad
        state.step = index
        state.visited = max(state.visited, index)
        self.keep_draft()
        here = self.screen
        if isinstance(here, WizardScreen) and here.index == index:
            if isinstance(here, StepScreen) and self.step_problems(index):
                here.show_problems()
            return
        if index == REVIEW:
            screen: WizardScreen = self._review_screen(make_screen)
        else:
            steps = self._steps_screen(index)
            # a step visited before that still needs a look says so at once
            steps.show_step(index, tried=index < state.visited and bool(self.step_problems(index)))
            screen = steps
        if screen is self.screen:
            return
        if isinstance(self.screen, WizardScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _drop_steps(self) -> None:
        if self._let_go(self._steps):
            self._steps = None

    def _review_screen(self, make_screen: Callable[[int], WizardScreen]) -> WizardScreen:
        """The review, kept while the answers it shows stay as they are (back to a step
        and forward again without a change shows the same screen, not a rebuilt one)."""
        from deskfit.tui.steps import REVIEW

        shows = self._review_shows()
        kept = self._review
        if kept is not None and kept[0] == shows:
            return kept[1]
        self._drop_review()
        screen = make_screen(REVIEW)
        self._steps_made += 1
        self.install_screen(screen, f"review-{self._steps_made}")
        self._review = (shows, screen)
        return screen

    def _review_shows(self) -> tuple[int, int, str]:
        """What a review shows: these answers, at this revision, in these units."""
        state = self.state
        assert state is not None
        return (id(state), state.revision, state.units)

    def record_changed(self) -> None:
        """An action or the assessment was set on the review: keep it in the draft and
        show it there. The review stays the one shown (it is not rebuilt)."""
        state = self.state
        self.keep_draft()
        if state is None or self._review is None:
            return
        review = self._review[1]
        self._review = (self._review_shows(), review)
        review.show_record()

    def _drop_review(self) -> None:
        if self._review is not None and self._let_go(self._review[1]):
            self._review = None

    def _steps_screen(self, index: int) -> StepScreen:
        from deskfit.tui.steps.base import StepScreen

        if self._steps is None:
            self._steps = StepScreen(index)
            self._steps_made += 1
            self.install_screen(self._steps, f"steps-{self._steps_made}")
        return self._steps

    def on_wizard_screen_go(self, message: WizardScreen.Go) -> None:
        if message.back and message.index < 0:
            self.keep_draft()
            self.pop_screen()  # to the start screen, which lists the draft
            self.call_after_refresh(self._drop_steps)  # built again if it is resumed
        else:
            self.goto(message.index)

    def on_step_form_answered(self) -> None:
        self.keep_draft()

    def on_step_form_units_picked(self) -> None:
        self.action_switch_units()

    # -- drafts ---------------------------------------------------------------------------

    def keep_draft(self) -> None:
        state = self.state
        if state is None or not state.dirty:
            return
        from deskfit.core.session.draft import write_draft

        try:
            # written at once, so that a kill loses no answer; synced to the disk from a
            # thread, so that the key that changed it never waits on the disk
            path = write_draft(self.profiles_dir, state, durable=False)
            self.syncer.soon(path)
        except OSError as exc:
            if not self.draft_failed:  # say it once, not on every key
                self.draft_failed = True
                self.notify(
                    f"Your answers cannot be kept in a draft ({exc.strerror or exc}); save soon.",
                    severity="warning",
                    timeout=8,
                )

    # -- save -----------------------------------------------------------------------------

    def in_wizard(self) -> bool:
        """Whether a step or the review is the screen shown."""
        if self.state is None:
            return False  # the wizard's modules may not even be loaded yet
        from deskfit.tui.steps.base import WizardScreen

        return isinstance(self.screen, WizardScreen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.screen, TooSmallScreen):
            return action == "quit"
        if action in ("save", "switch_units"):
            return self.in_wizard()
        return True

    def action_save(self) -> None:
        self.run_flow("save")

    def action_export(self) -> None:
        self.run_flow("export")

    def action_copy(self) -> None:
        self.run_flow("copy")

    def action_compare(self) -> None:
        self.run_flow("compare")

    # -- units, theme, help -------------------------------------------------------------

    def action_switch_units(self) -> None:
        state = self.state
        if state is None:
            return
        state.set_units("imperial" if state.units == "metric" else "metric")
        self.units = state.units  # the screens watch it
        self.keep_draft()
        self.notify(
            "Lengths in inches now" if state.units == "imperial" else "Lengths in centimetres now",
            timeout=2,
        )

    def action_toggle_theme(self) -> None:
        """A light theme after a dark one and the other way round (whatever theme the
        command palette chose)."""
        self.theme = THEMES[1] if self.current_theme.dark else THEMES[0]

    def watch_theme(self, theme: str) -> None:
        """Keep the theme chosen, whichever way (F3, the command palette), for the next
        start: in the config file, written atomically and synced from a thread."""
        if theme == self._theme_kept:
            return
        from deskfit.core.files.config import NotSaved, remember

        self._theme_kept = theme
        try:
            written = remember("theme", theme, self.settings.path, durable=False)
        except (NotSaved, OSError) as exc:
            if not self._theme_unsaved:  # said once, not on every change
                self._theme_unsaved = True
                reason = str(exc) if isinstance(exc, NotSaved) else (exc.strerror or str(exc))
                self.notify(
                    escape_markup(f"The theme is not kept for next time: {reason}"),
                    severity="warning",
                    timeout=8,
                )
            return
        self.syncer.soon(written)
        if self.settings["theme"].source == "env":
            self.notify(
                f"Saved; ${self.settings['theme'].where} still sets the theme at the start.",
                timeout=5,
            )

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        focused_question = getattr(screen, "focused_question", None)
        q = focused_question() if self.in_wizard() and focused_question else None
        if q is not None:
            self.push_screen(HelpScreen(q.title, self.question_help(q)))
        else:
            self.push_screen(HelpScreen("deskfit: keys", self.keys_help(screen)))

    def question_help(self, q: Question) -> str:
        from deskfit.core.model.validation import field_info, range_sentence

        parts = [q.help or "No more to say about this one."]
        units = self.state.units if self.state is not None else "metric"
        sentence = range_sentence(field_info(q.section, q.field), units)
        if sentence:
            parts.append(f"Deskfit accepts answers where {sentence}.")
        if q.kind == "length" and self.state is not None:
            unit = "cm" if self.state.units == "metric" else "inches"
            parts.append(LENGTH_FORMS.format(unit=unit))
        if q.optional_measure:
            parts.append("Leave it blank and deskfit estimates it from your height and sex.")
        return "\n\n".join(parts)

    def keys_help(self, screen: Screen[Any]) -> str:
        """The keys this screen and the app offer, then the keys within a question: not
        the editing keys each input and list has (Textual's own, known to every user)."""
        keys: dict[str, list[str]] = {}  # description → its keys ("esc, ^b  Back")
        for node, binding, enabled, _ in screen.active_bindings.values():
            # a screen's own keys (not the tab and copy keys every Textual screen has),
            # and the app's keys shown at the bottom
            ours = (node is screen and binding.action not in SCREEN_KEYS) or (
                node is self and binding.show
            )
            if ours and enabled and binding.description and binding.action != "command_palette":
                # the key line's word, and in F1 what it does when a word is not enough
                what = binding.description + (f" — {binding.tooltip}" if binding.tooltip else "")
                keys.setdefault(what, []).append(self.get_key_display(binding))
        keys["Every command"] = [self.get_key_display(Binding("ctrl+p", ""))]
        lines = [f"{', '.join(dict.fromkeys(k)):<12}  {what}" for what, k in keys.items()]
        about = getattr(screen, "HELP", "")  # what the screen's keys act on, in words
        if about:
            lines = [about, "", *lines]
        if getattr(screen, "focused_question", None) is not None:
            lines.append("")
            lines.extend(f"{these:<12}  {what}" for these, what in QUESTION_KEYS)
        return "\n".join(lines)

    # -- quitting -------------------------------------------------------------------------

    def leave_if_terminal_gone(self) -> None:
        """Exit when the terminal has hung up (closed window, killed tmux).

        A process started under a wrapper (``make run``) may never get the SIGHUP, and
        Textual's input thread then spins on a tty that reads empty forever. The draft
        already holds every answer, so keep it once more and leave at once: there is no
        terminal left to restore.
        """
        stdin = sys.__stdin__
        if stdin is not None and os.isatty(stdin.fileno()):
            return
        self.keep_draft()
        self.syncer.flush()
        os._exit(0)

    async def action_quit(self) -> None:
        state = self.state
        if state is None or not state.dirty:
            self.exit()
            return
        if self.flow_running():
            # a dialog is open: it is answered (or Esc) first, then Ctrl+Q asks
            self.notify("Close this dialog first (Esc), then Ctrl+Q.", timeout=3)
            return
        self.run_flow("quit_wizard")

    # -- the command palette ------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        wizard = self.in_wizard()
        if isinstance(screen, StartScreen):
            yield SystemCommand(
                "New profile", "Start the wizard on a new profile", screen.action_new
            )
            yield SystemCommand(
                "Resume draft", "Go on with an unfinished profile", screen.action_resume
            )
            yield SystemCommand(
                "Team report",
                "A folder of profiles: ROSA bands, common problems, what to buy",
                screen.action_report,
            )
        if wizard and self.state is not None:
            from deskfit.tui.steps import REVIEW, TITLES
            from deskfit.tui.steps.base import WizardScreen

            assert isinstance(screen, WizardScreen)
            yield SystemCommand("Next step", "Go to the next step", screen.action_next)
            yield SystemCommand("Previous step", "Go back a step", screen.action_back)
            yield SystemCommand("Save", "Save the profile", self.action_save)
            yield SystemCommand("Switch units", "Centimetres or inches", self.action_switch_units)
            yield SystemCommand(
                "Export",
                "Write the advice as text, Markdown, JSON or an HTML record to print",
                self.action_export,
            )
            yield SystemCommand("Copy advice", "Copy the advice as text", self.action_copy)
            if screen.index == REVIEW:
                yield SystemCommand(
                    "Compare", "Compare with another saved profile", self.action_compare
                )
            for i, title in enumerate(TITLES):
                if i <= self.state.visited and i != screen.index:
                    yield SystemCommand(
                        f"Go to {title}",
                        f"Step {i + 1}",
                        lambda i=i: self.goto(i),
                    )
        yield SystemCommand("Toggle theme", "Light or dark", self.action_toggle_theme)
        yield SystemCommand("Help", "Keys, or help for the focused question", self.action_help)


def make_app(
    profiles_dir: Path,
    mode: str = "start",
    path: Path | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    settings: Settings | None = None,
) -> DeskfitApp:
    """The app, for the CLI and the tests alike. ``settings``: the preferences (read from
    the environment and the config file when not given)."""
    return DeskfitApp(profiles_dir, mode, path, clock=clock, settings=settings)


def run_wizard(
    profiles_dir: Path, mode: str, path: Path | None, settings: Settings | None = None
) -> None:
    """Run the wizard until the person quits (the CLI's entry point)."""
    app = make_app(profiles_dir, mode, path, settings=settings)
    # Watch for a terminal hanging up; not when served to a browser (``deskfit serve``),
    # whose wizard has pipes for stdin and ends when the page closes.
    stdin = sys.__stdin__
    app.watch_terminal = stdin is not None and os.isatty(stdin.fileno())
    try:
        app.run()
    finally:
        app.syncer.flush()  # the draft's last write, on the disk before the process ends
