"""DeskfitApp: the wizard's steps, its keys, its themes, and saving, exporting and drafts.

``make_app`` builds the app for both the CLI (through ``run_wizard``) and the tests.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.markup import escape as escape_markup
from textual.reactive import var
from textual.screen import Screen

from deskfit.core.files.store import (
    UNCHECKED,
    ChangedOnDisk,
    ProfileExists,
    ProfileFileError,
    Unchecked,
    atomic_write,
    load_profile,
    name_in_file,
    path_for_name,
    slugify,
    unique_path,
)
from deskfit.core.model.questions import PROFILE, Question
from deskfit.core.model.shown_text import safe, safe_path
from deskfit.core.model.validation import ProfileInvalid, check_field, field_info, range_sentence
from deskfit.core.ops.saving import save_with_advice
from deskfit.core.session.draft import (
    DraftError,
    DraftInfo,
    delete_draft,
    describe,
    discard_draft,
    draft_path,
    drafts_for,
    inspect_draft,
    read_draft,
    write_draft,
)
from deskfit.core.session.ondisk import changed_since, load_stamped, save_failure, stamp_of
from deskfit.core.session.state import WizardState
from deskfit.tui.dialogs import (
    MIN_HEIGHT,
    MIN_WIDTH,
    ChoiceScreen,
    ExportScreen,
    HelpScreen,
    SaveScreen,
    TooSmallScreen,
)
from deskfit.tui.start import StartScreen
from deskfit.tui.steps import LABELS, REVIEW, TITLES, make_screen, step_sections
from deskfit.tui.steps.base import StepScreen, WizardScreen

if TYPE_CHECKING:
    from deskfit.core.engine.advice import Advice

# Deferred until used (issue 7, the cold start): deskfit.core.present.render (export, copy),
# deskfit.core.ops.compare and deskfit.tui.compare_screen (compare), imported where they are.

MODES = ("start", "new", "edit", "open")
THEMES = ("textual-dark", "textual-light")
TERMINAL_CHECK_SECONDS = 1.0  # how often to look whether the terminal is still there

LENGTH_FORMS = (
    "Type a length as a bare number in your units ({unit}), or with its unit: "
    "48, 48.5 cm, 485 mm, 19 in, 19½ in, 5'10\"."
)


@dataclass(frozen=True)
class SaveJob:
    """One save as the person asked for it: quit after it? a copy beside a changed file?"""

    then_exit: bool = False
    as_new_of: Path | None = None  # saving as a new profile, beside this file (that changed)


def same_file(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    return a.absolute().resolve() == b.absolute().resolve()


def _local_time(mtime_ns: int) -> str:
    return datetime.fromtimestamp(mtime_ns / 1e9).astimezone().strftime("%Y-%m-%d %H:%M")


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
        self.last_saved: Path | None = None
        self._draft_failed = False
        self._started = False  # on_mount done: the screens the size check goes over exist
        self._steps: StepScreen | None = None  # the question steps' screen, kept
        self._steps_made = 0  # how many were made: each is installed under its own name
        self.theme = THEMES[0]

    # -- starting -----------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.watch_terminal:
            self.set_interval(TERMINAL_CHECK_SECONDS, self.leave_if_terminal_gone)
        self.push_screen(StartScreen())
        if self.mode == "new":
            self.start_new()
        elif self.mode in ("edit", "open") and self.start_path is not None:
            self.open_profile(self.start_path, review=self.mode == "open")
        self._started = True
        self.fit_terminal(self.size.width, self.size.height)

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

    def step_titles(self) -> list[str]:
        return list(LABELS)

    def _fresh(self, state: WizardState) -> None:
        """Work on these answers from now on; screens built for other answers go."""
        self.state = state
        self.units = state.units
        self.last_saved = None
        screen, self._steps = self._steps, None
        if screen is not None and screen not in self.screen_stack:
            self.uninstall_screen(screen)

    def start_new(self) -> None:
        """A new profile, with a draft of its own: other drafts are on the start screen."""
        self._fresh(WizardState.new())
        self.goto(0)

    def open_profile(self, path: Path, *, review: bool) -> None:
        try:
            loaded, disk = load_stamped(path)
        except ProfileFileError as exc:
            self.show_file_problem(exc.report())
            return
        state = WizardState.from_profile(loaded.profile, loaded.path)
        state.disk = disk  # what the file held: a save compares it with the file then
        state.migrated_from = loaded.migrated_from
        state.visited = REVIEW
        drafts = drafts_for(self.profiles_dir, loaded.path)  # whatever their file names
        busy = next((d for d in drafts if d.in_use), None)
        waiting = next((d for d in drafts if not d.in_use), None)

        def open_as_saved() -> None:
            self._fresh(state)  # its own draft: never the one another deskfit writes
            self.goto(REVIEW if review else 0)

        if waiting is not None:

            def chosen(answer: str | None) -> None:
                if answer == "resume":
                    self.resume_draft(waiting.path)
                elif answer == "saved":
                    try:
                        gone = discard_draft(waiting.path)  # that draft, and no other
                    except OSError as exc:
                        gone = False
                        self.notify(
                            f"The draft {safe_path(waiting.path)} cannot be deleted "
                            f"({exc.strerror or exc}); it stays.",
                            severity="warning",
                            markup=False,
                        )
                    if not gone:
                        self.notify(
                            "That draft is now in use by another deskfit: it stays.",
                            severity="warning",
                        )
                    open_as_saved()

            also = ""
            if busy is not None:
                also = (
                    "\n\nIt is also being edited in another deskfit right now: "
                    f"{describe(busy, self.profiles_dir)}. That one is left alone."
                )
            self.push_screen(
                ChoiceScreen(
                    "Unsaved changes to this profile",
                    escape_markup(
                        f"You changed “{safe(loaded.profile.name)}” before and did not save: "
                        f"{describe(waiting, self.profiles_dir)}. Go on with those changes, "
                        "or open it as it was saved (those changes are lost)?" + also
                    ),
                    [
                        ("resume", "Go on with my changes", "primary"),
                        ("saved", "Open as saved", "error"),
                        ("cancel", "Cancel", "default"),
                    ],
                ),
                chosen,
            )
            return
        if busy is not None:

            def go(answer: str | None) -> None:
                if answer == "saved":
                    open_as_saved()

            self.push_screen(
                ChoiceScreen(
                    "Being edited in another deskfit",
                    escape_markup(
                        f"“{safe(loaded.profile.name)}” is being edited in another deskfit "
                        f"right now: {describe(busy, self.profiles_dir)}. Its changes are "
                        "left alone. Open the profile as it was saved here anyway? If both "
                        "of you save, the second is told the file changed."
                    ),
                    [("saved", "Open as saved", "primary"), ("cancel", "Cancel", "default")],
                ),
                go,
            )
            return
        open_as_saved()

    def resume_draft(self, path: Path) -> None:
        try:
            info = inspect_draft(path)
            if info.in_use:
                self.show_draft_in_use(info)
                return
            state = read_draft(path)  # goes on writing this same draft file
        except DraftError as exc:
            self.show_file_problem(f"The draft cannot be read: {exc}")
            return
        self._fresh(state)
        self.goto(min(state.step, REVIEW))  # writes the draft at once: this deskfit's now

    def show_draft_in_use(self, info: DraftInfo) -> None:
        self.push_screen(
            HelpScreen(
                "In use by another deskfit",
                f"{describe(info, self.profiles_dir)}. It is left alone here: go on in "
                "that deskfit, or quit it first to resume the draft here.",
            )
        )

    def discard_draft_file(self, path: Path, name: str) -> None:
        try:
            info = inspect_draft(path)
        except DraftError:
            whose = safe(name)
        else:
            if info.in_use:
                self.show_draft_in_use(info)
                return
            whose = describe(info, self.profiles_dir)

        def chosen(answer: str | None) -> None:
            if answer == "discard":
                try:
                    if not discard_draft(path):
                        self.notify(
                            "That draft is now in use by another deskfit: it stays.",
                            severity="warning",
                        )
                except OSError as exc:
                    self.notify(
                        f"The draft cannot be deleted ({exc.strerror or exc}).",
                        severity="warning",
                        markup=False,
                    )
                if isinstance(self.screen, StartScreen):
                    self.screen.reload()

        self.push_screen(
            ChoiceScreen(
                "Discard the draft?",
                escape_markup(f"{whose}: its answers will be lost."),
                [("discard", "Discard", "error"), ("keep", "Keep", "default")],
            ),
            chosen,
        )

    def show_file_problem(self, report: str) -> None:
        self.push_screen(HelpScreen("This file cannot be used", report))

    # -- moving between steps -----------------------------------------------------------

    def step_problems(self, index: int) -> dict[str, str]:
        if self.state is None or index >= REVIEW:
            return {}
        return self.state.problems(step_sections(index))

    def first_invalid_step(self) -> int | None:
        for i in range(REVIEW):
            if self.step_problems(i):
                return i
        return None

    def goto(self, index: int) -> None:
        """Show step ``index``; the review only once every step is answered well."""
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
            screen: WizardScreen = make_screen(REVIEW)  # built afresh: the advice may differ
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

    def _steps_screen(self, index: int) -> StepScreen:
        if self._steps is None:
            self._steps = StepScreen(index)
            self._steps_made += 1
            self.install_screen(self._steps, f"steps-{self._steps_made}")
        return self._steps

    def on_wizard_screen_go(self, message: WizardScreen.Go) -> None:
        if message.back and message.index < 0:
            self.keep_draft()
            self.pop_screen()  # to the start screen, which lists the draft
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
        try:
            write_draft(self.profiles_dir, state)
        except OSError as exc:
            if not self._draft_failed:  # say it once, not on every key
                self._draft_failed = True
                self.notify(
                    f"Your answers cannot be kept in a draft ({exc.strerror or exc}); save soon.",
                    severity="warning",
                    timeout=8,
                )

    # -- save -----------------------------------------------------------------------------

    def advice(self) -> Advice:
        assert self.state is not None
        return self.state.advice()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.screen, TooSmallScreen):
            return action == "quit"
        if action in ("save", "switch_units"):
            return self.state is not None and isinstance(self.screen, WizardScreen)
        return True

    def action_save(self, then_exit: bool = False) -> None:
        state = self.state
        if state is None:
            return
        try:
            state.profile()
        except ProfileInvalid as exc:
            bad = self.first_invalid_step()
            first = exc.problems[0]
            self.notify(
                f"Not saved yet: {first.key}: {first.message}", severity="warning", timeout=6
            )
            if bad is not None:
                self.goto(bad)
            return
        self.ask_where(SaveJob(then_exit))

    def ask_where(self, job: SaveJob, *, problem: str = "", where: Path | None = None) -> None:
        """The save dialog: the name, and the file (or folder) to write."""
        state = self.state
        assert state is not None
        fixed = state.path if job.as_new_of is None else None  # a saved profile keeps its file
        folder = self.profiles_dir if fixed is None else fixed.parent
        if job.as_new_of is not None:
            folder = job.as_new_of.parent  # beside the file that changed

        def path_for(name: str) -> Path:
            # a new profile never lands on another person's file: sam.toml, else sam-2.toml
            return fixed if fixed is not None else unique_path(name, folder)

        def check(name: str, path: Path | None) -> str | None:
            name = name.strip()
            if not name:
                return "a profile needs a name"
            problem = check_field(PROFILE, "name", name)
            if problem:
                return problem
            if path is None:
                return "type a folder, or a file to save to"
            if path.is_dir():
                return f"{path} is a folder: add a file name"
            if same_file(path, job.as_new_of):
                return "that is the file that changed: give a new name, or another file"
            return None

        def chosen(result: tuple[str, Path] | None) -> None:
            if result is None:
                return
            name, path = result
            if state.set_value(PROFILE, "name", name):
                self.keep_draft()
            self._write(path, job)

        name = state.name
        title = "Save the profile"
        if job.as_new_of is not None:
            title = "Save as a new profile"
            if where is None:
                name = self._new_name(name, folder)
        screen = SaveScreen(name, path_for, check, title=title, problem=problem, where=where)
        self.push_screen(screen, chosen)

    @staticmethod
    def _new_name(name: str, folder: Path) -> str:
        """The name with the first number after it whose file does not exist yet."""
        base = name.strip()[:110] or "Profile"
        for n in range(2, 1000):
            candidate = f"{base} {n}"
            if not path_for_name(candidate, folder).exists():
                return candidate
        return base

    def _conflict(self, path: Path, name: str) -> str | None:
        """Why writing ``path`` could lose someone's work: "changed", "exists", or None."""
        state = self.state
        assert state is not None
        if same_file(path, state.path):
            return "changed" if changed_since(path, state.disk) else None
        if path.exists() and name_in_file(path) == name:
            return "exists"  # a file of this name this wizard never read (another name: core asks)
        return None

    def _ask_conflict(self, path: Path, job: SaveJob, why: str, name: str) -> None:
        now = stamp_of(path)
        when = f" (last written {_local_time(now.mtime_ns)})" if now and now.mtime_ns else ""
        if why == "changed":
            title = "The file changed since you opened it"
            text = (
                f"{path}{when} was changed by another program — another deskfit? — "
                "after you opened it here."
            )
        else:
            title = "This profile is already saved"
            text = (
                f"{path}{when} already holds a profile called “{name}” that you did not open here."
            )
        text += (
            " Save your answers as a new profile (both are kept), overwrite the file with "
            "your answers (what it holds now is lost), or cancel (nothing is written; your "
            "answers stay here)."
        )

        def chosen(answer: str | None) -> None:
            if answer == "overwrite":
                self._write(path, job, overwrite=True)
            elif answer == "new":
                self.ask_where(SaveJob(job.then_exit, as_new_of=path))

        self.push_screen(
            ChoiceScreen(
                title,
                text,
                [
                    ("new", "Save as new", "primary"),
                    ("overwrite", "Overwrite", "error"),
                    ("cancel", "Cancel", "default"),
                ],
            ),
            chosen,
        )

    def _write(self, path: Path, job: SaveJob, *, overwrite: bool = False) -> None:
        state = self.state
        assert state is not None
        try:
            profile = state.profile()
        except ProfileInvalid as exc:  # checked before the dialog; the name was checked in it
            self.notify(f"Not saved: {exc.problems[0].message}", severity="error")
            return
        if job.as_new_of is not None:
            profile = profile.model_copy(update={"created": None})  # a new profile from now
        if not overwrite:
            why = self._conflict(path, profile.name)
            if why is not None:
                self._ask_conflict(path, job, why, profile.name)
                return
        back = same_file(path, state.path)  # over the file it was read from
        # What the file must still hold when it is replaced, checked under the folder's
        # lock right before the rename (the same check as deskfit set): the bytes this
        # wizard read, no file at all for a new one, anything once overwrite was chosen.
        expected: str | Unchecked | None = UNCHECKED
        if back and state.disk is not None and not overwrite:
            expected = state.disk.sha256
        elif not overwrite and not os.path.lexists(path):
            expected = None
        try:
            stamped = save_with_advice(
                profile,
                path,
                now=self.clock() if self.clock else None,
                overwrite_other=overwrite or back,
                migrated_from=state.migrated_from if back else None,
                expected=expected,
                advice=state.advice(),  # the review's, not worked out again
            )
        except ChangedOnDisk:
            self._ask_conflict(path, job, "changed", profile.name)
            return
        except ProfileExists as exc:

            def chosen(answer: str | None) -> None:
                if answer == "replace":
                    self._write(path, job, overwrite=True)

            self.push_screen(
                ChoiceScreen(
                    "Replace another profile?",
                    f"{exc.path} already holds another profile, “{exc.other_name}”. Replace "
                    "it with this one? (Cancel, then save under another name to keep both.)",
                    [("replace", "Replace it", "error"), ("cancel", "Cancel", "default")],
                ),
                chosen,
            )
            return
        except OSError as exc:
            kept = draft_path(self.profiles_dir, state).exists() and not self._draft_failed
            problem = save_failure(exc, path)
            problem += f" Every answer is still here{', and in the draft' if kept else ''}."
            self.ask_where(job, problem=problem, where=path)
            return
        state.path = path
        state.disk = stamp_of(path)  # what is in the file now is what this wizard wrote
        state.migrated_from = None  # written in the current schema
        state.created = stamped.created
        state.dirty = False
        delete_draft(self.profiles_dir, state)  # this wizard's own draft, and only that
        self.last_saved = path
        self.saves += 1
        self.notify(f"Saved to {safe_path(path)}", title="Saved", timeout=6)
        if job.then_exit:
            self.exit()

    # -- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        if self.state is None:
            return
        try:
            advice = self.advice()
        except ProfileInvalid:
            self.notify("Answer every step first: the advice needs them.", severity="warning")
            return

        def write(fmt: str, where: str, replace: bool) -> tuple[str | None, str, bool]:
            from deskfit.core.files.export_target import Refused, check_target
            from deskfit.core.present import render

            target = Path(where).expanduser()
            try:
                check_target(target, replace=replace)  # the same policy as deskfit export
            except Refused as refused:
                if refused.needs_confirm:
                    message = f"{safe_path(target)} already exists: press Replace to replace it"
                    return message, "", True
                return str(refused), "", False
            try:
                atomic_write(
                    target,
                    render.render(advice, fmt).encode("utf-8"),
                    mode=0o644,
                    make_parents=False,
                )
            except OSError as exc:
                return f"cannot write {safe_path(target)}: {exc.strerror or exc}", "", False
            return None, f"Wrote {safe_path(target)}", False

        def copy() -> str:
            return self._copy_advice(advice)

        def done(message: str | None) -> None:
            if message:
                self.notify(message, timeout=6)

        stem = f"{slugify(self.state.name or 'deskfit')}-advice"
        self.push_screen(ExportScreen(stem, Path.cwd(), write, copy), done)

    def action_copy(self) -> None:
        try:
            advice = self.advice()
        except ProfileInvalid:
            return
        self.notify(self._copy_advice(advice))

    def _copy_advice(self, advice: Advice) -> str:
        from deskfit.core.present import render

        self.copy_to_clipboard(render.to_text(advice))
        return "Copied the advice as text (if your terminal lets programs use the clipboard)"

    # -- compare with another saved profile ----------------------------------------------

    def action_compare(self) -> None:
        """Pick another saved profile, then show how it differs from the one reviewed."""
        from deskfit.core.ops.compare import compare
        from deskfit.tui.compare_screen import CompareScreen, ProfilePicker

        state = self.state
        if state is None:
            return
        try:
            profile = state.profile()
        except ProfileInvalid:
            self.notify("Answer every step first: the comparison needs them.", severity="warning")
            return

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                other = load_profile(path).profile
            except ProfileFileError as exc:
                self.show_file_problem(exc.report())
                return
            self.push_screen(CompareScreen(compare(profile, other)))

        self.push_screen(ProfilePicker(self.profiles_dir, exclude=state.path), chosen)

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
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        q = screen.focused_question() if isinstance(screen, StepScreen) else None
        if q is not None:
            self.push_screen(HelpScreen(q.title, self.question_help(q)))
        else:
            self.push_screen(HelpScreen("deskfit: keys", self.keys_help(screen)))

    def question_help(self, q: Question) -> str:
        parts = [q.help or "No more to say about this one."]
        sentence = range_sentence(field_info(q.section, q.field))
        if sentence:
            parts.append(f"Deskfit accepts answers where {sentence}.")
        if q.kind == "length" and self.state is not None:
            unit = "cm" if self.state.units == "metric" else "inches"
            parts.append(LENGTH_FORMS.format(unit=unit))
        if q.optional_measure:
            parts.append("Leave it blank and deskfit estimates it from your height and sex.")
        return "\n\n".join(parts)

    def keys_help(self, screen: Screen[Any]) -> str:
        lines = []
        for _, binding, enabled, _ in screen.active_bindings.values():
            ours = binding.show or not binding.action.startswith(("scroll", "page", "cursor"))
            if enabled and binding.description and ours:  # not the scroll keys
                lines.append(f"{self.get_key_display(binding):>10}  {binding.description}")
        lines.append(f"{'tab':>10}  Next question")
        lines.append(f"{'ctrl+p':>10}  Every command")
        return "\n".join(dict.fromkeys(lines))

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
        os._exit(0)

    async def action_quit(self) -> None:
        state = self.state
        if state is None or not state.dirty:
            self.exit()
            return
        if isinstance(self.screen, TooSmallScreen):  # no room to ask: the draft keeps all
            self.keep_draft()
            if self._draft_failed or not draft_path(self.profiles_dir, state).exists():
                self.screen.warn(
                    "Your answers cannot be kept in a draft: make the terminal bigger "
                    "and save them before you quit."
                )
                return
            self.exit()
            return
        if any(isinstance(s, ChoiceScreen) for s in self.screen_stack):
            return

        kept = not self._draft_failed

        def chosen(answer: str | None) -> None:
            if answer == "save":
                self.action_save(then_exit=True)
            elif answer == "keep":
                self.keep_draft()  # the start screen offers it next time
                self.exit()
            elif answer == "discard":
                delete_draft(self.profiles_dir, state)
                state.dirty = False
                self.exit()

        choices = [("save", "Save", "primary")]
        if kept:
            choices.append(("keep", "Keep the draft", "default"))
        choices += [("discard", "Discard", "error"), ("cancel", "Cancel", "default")]
        self.push_screen(
            ChoiceScreen(
                "Unsaved answers",
                "Save them before you go, or keep them as a draft to go on with next time "
                "(the start screen offers it)? If you discard them they are lost; cancel "
                "to stay."
                if kept
                else "Save them before you go? They could not be kept in a draft, so if you "
                "discard them they are lost; cancel to stay.",
                choices,
            ),
            chosen,
        )

    # -- the command palette ------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        wizard = isinstance(screen, WizardScreen)
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
            assert isinstance(screen, WizardScreen)
            yield SystemCommand("Next step", "Go to the next step", screen.action_next)
            yield SystemCommand("Previous step", "Go back a step", screen.action_back)
            yield SystemCommand("Save", "Save the profile", self.action_save)
            yield SystemCommand("Switch units", "Centimetres or inches", self.action_switch_units)
            yield SystemCommand(
                "Export", "Write the advice as text, Markdown or JSON", self.action_export
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
) -> DeskfitApp:
    """The app, for the CLI and the tests alike."""
    return DeskfitApp(profiles_dir, mode, path, clock=clock)


def run_wizard(profiles_dir: Path, mode: str, path: Path | None) -> None:
    """Run the wizard until the person quits (the CLI's entry point)."""
    app = make_app(profiles_dir, mode, path)
    app.watch_terminal = True
    app.run()
