"""What the wizard does when a person opens, saves, exports, compares or quits.

Each flow is one coroutine that reads from top to bottom: it asks with a dialog
(``push_screen_wait``), gets the answer, and goes on. The app runs them as workers
(``DeskfitApp.run_flow``). This module holds everything that touches files and the core
for the wizard, so that the app's own module stays light enough to paint the start
screen before any of it is imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.markup import escape as escape_markup

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
from deskfit.core.model.questions import PROFILE
from deskfit.core.model.shown_text import safe, safe_path
from deskfit.core.model.validation import ProfileInvalid, check_field
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
    same_target,
)
from deskfit.core.session.listing import local_time
from deskfit.core.session.ondisk import changed_since, load_stamped, save_failure, stamp_of
from deskfit.core.session.state import WizardState
from deskfit.tui.dialogs import ChoiceScreen, ExportScreen, HelpScreen, SaveScreen, TooSmallScreen
from deskfit.tui.steps import REVIEW

if TYPE_CHECKING:
    from deskfit.core.engine.advice import Advice
    from deskfit.tui.app import DeskfitApp

StillThere = "That draft is now in use by another deskfit: it stays."


# -- starting on a profile ----------------------------------------------------------------


def start_new(app: DeskfitApp) -> None:
    """A new profile, with a draft of its own: other drafts are on the start screen."""
    app.fresh(WizardState.new(app.settings.units))
    app.goto(0)


async def open_profile(app: DeskfitApp, path: Path, *, review: bool) -> None:
    """Open a saved profile, first offering changes to it that were never saved."""
    try:
        loaded, disk = load_stamped(path)
    except ProfileFileError as exc:
        app.show_file_problem(exc.report())
        return
    state = WizardState.from_profile(loaded.profile, loaded.path)
    state.disk = disk  # what the file held: a save compares it with the file then
    state.migrated_from = loaded.migrated_from
    state.visited = REVIEW
    drafts = drafts_for(app.profiles_dir, loaded.path)  # whatever their file names
    busy = next((d for d in drafts if d.in_use), None)
    waiting = next((d for d in drafts if not d.in_use), None)
    name = safe(loaded.profile.name)
    if waiting is not None:
        also = ""
        if busy is not None:
            also = (
                "\n\nIt is also being edited in another deskfit right now: "
                f"{describe(busy, app.profiles_dir)}. That one is left alone."
            )
        answer = await app.push_screen_wait(
            ChoiceScreen(
                "Unsaved changes to this profile",
                escape_markup(
                    f"You changed “{name}” before and did not save: "
                    f"{describe(waiting, app.profiles_dir)}. Go on with those changes, "
                    "or open it as it was saved (those changes are lost)?" + also
                ),
                [
                    ("resume", "Go on with my changes", "primary"),
                    ("saved", "Open as saved", "error"),
                    ("cancel", "Cancel", "default"),
                ],
            )
        )
        if answer == "resume":
            resume_draft(app, waiting.path)
            return
        if answer != "saved":
            return
        try:
            gone = discard_draft(waiting.path)  # that draft, and no other
        except OSError as exc:
            gone = True  # not gone, but said here rather than as "in use"
            app.notify(
                f"The draft {safe_path(waiting.path)} cannot be deleted "
                f"({exc.strerror or exc}); it stays.",
                severity="warning",
                markup=False,
            )
        if not gone:
            app.notify(StillThere, severity="warning")
    elif busy is not None:
        answer = await app.push_screen_wait(
            ChoiceScreen(
                "Being edited in another deskfit",
                escape_markup(
                    f"“{name}” is being edited in another deskfit right now: "
                    f"{describe(busy, app.profiles_dir)}. Its changes are left alone. Open "
                    "the profile as it was saved here anyway? If both of you save, the "
                    "second is told the file changed."
                ),
                [("saved", "Open as saved", "primary"), ("cancel", "Cancel", "default")],
            )
        )
        if answer != "saved":
            return
    app.fresh(state)  # its own draft: never the one another deskfit writes
    app.goto(REVIEW if review else 0)


def resume_draft(app: DeskfitApp, path: Path) -> None:
    try:
        info = inspect_draft(path)
        if info.in_use:
            show_draft_in_use(app, info)
            return
        state = read_draft(path)  # goes on writing this same draft file
    except DraftError as exc:
        app.show_file_problem(f"The draft cannot be read: {exc}")
        return
    app.fresh(state)
    app.goto(min(state.step, REVIEW))  # writes the draft at once: this deskfit's now


def show_draft_in_use(app: DeskfitApp, info: DraftInfo) -> None:
    app.push_screen(
        HelpScreen(
            "In use by another deskfit",
            f"{describe(info, app.profiles_dir)}. It is left alone here: go on in that "
            "deskfit, or quit it first to resume the draft here.",
        )
    )


async def discard_draft_file(app: DeskfitApp, path: Path, name: str) -> bool:
    """Ask, then delete a draft from the start screen; whether it is gone."""
    try:
        info = inspect_draft(path)
    except DraftError:
        whose = safe(name)
    else:
        if info.in_use:
            show_draft_in_use(app, info)
            return False
        whose = describe(info, app.profiles_dir)
    answer = await app.push_screen_wait(
        ChoiceScreen(
            "Discard the draft?",
            escape_markup(f"{whose}: its answers will be lost."),
            [("discard", "Discard", "error"), ("keep", "Keep", "default")],
        )
    )
    if answer != "discard":
        return False
    try:
        if discard_draft(path):
            return True
        app.notify(StillThere, severity="warning")
    except OSError as exc:
        app.notify(
            f"The draft cannot be deleted ({exc.strerror or exc}).",
            severity="warning",
            markup=False,
        )
    return False


# -- saving -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveJob:
    """One save as the person asked for it: quit after it? a copy beside a changed file?"""

    then_exit: bool = False
    as_new_of: Path | None = None  # saving as a new profile, beside this file (that changed)


async def save(app: DeskfitApp, then_exit: bool = False) -> bool:
    """Ask for the name and the file, write it, and settle any conflict; whether saved."""
    state = app.state
    if state is None:
        return False
    try:
        state.profile()
    except ProfileInvalid as exc:
        bad = app.first_invalid_step()
        first = exc.problems[0]
        app.notify(f"Not saved yet: {first.key}: {first.message}", severity="warning", timeout=6)
        if bad is not None:
            app.goto(bad)
        return False
    job = SaveJob(then_exit)
    problem, where = "", None
    while True:
        chosen = await _ask_where(app, state, job, problem, where)
        if chosen is None:
            return False
        path, overwrite = chosen, False
        while True:
            outcome = await _write(app, state, path, job, overwrite=overwrite)
            if isinstance(outcome, _Retry):
                overwrite = True
                continue
            break
        if isinstance(outcome, _AskAgain):
            job, problem, where = outcome.job, outcome.problem, outcome.where
            continue
        if outcome is True and job.then_exit:
            app.exit()
        return outcome is True


@dataclass(frozen=True)
class _AskAgain:
    """Show the save dialog again: with a problem, or as "save as new"."""

    job: SaveJob
    problem: str = ""
    where: Path | None = None


class _Retry:
    """Write the same file again, overwriting this time (the person chose to)."""


async def _ask_where(
    app: DeskfitApp, state: WizardState, job: SaveJob, problem: str, where: Path | None
) -> Path | None:
    """The save dialog: the name, and the file (or folder) to write."""
    fixed = state.path if job.as_new_of is None else None  # a saved profile keeps its file
    folder = app.profiles_dir if fixed is None else fixed.parent
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
        if same_target(path, job.as_new_of):
            return "that is the file that changed: give a new name, or another file"
        return None

    name = state.name
    title = "Save the profile"
    if job.as_new_of is not None:
        title = "Save as a new profile"
        if where is None:
            name = _new_name(name, folder)
    screen = SaveScreen(name, path_for, check, title=title, problem=problem, where=where)
    result = await app.push_screen_wait(screen)
    if result is None:
        return None
    name, path = result
    if state.set_value(PROFILE, "name", name):
        app.keep_draft()
    return path


def _new_name(name: str, folder: Path) -> str:
    """The name with the first number after it whose file does not exist yet."""
    base = name.strip()[:110] or "Profile"
    for n in range(2, 1000):
        candidate = f"{base} {n}"
        if not path_for_name(candidate, folder).exists():
            return candidate
    return base


def _conflict(state: WizardState, path: Path, name: str) -> str | None:
    """Why writing ``path`` could lose someone's work: "changed", "exists", or None."""
    if same_target(path, state.path):
        return "changed" if changed_since(path, state.disk) else None
    if path.exists() and name_in_file(path) == name:
        return "exists"  # a file of this name this wizard never read (another name: core asks)
    return None


async def _write(
    app: DeskfitApp, state: WizardState, path: Path, job: SaveJob, *, overwrite: bool
) -> bool | _AskAgain | _Retry:
    try:
        profile = state.profile()
    except ProfileInvalid as exc:  # checked before the dialog; the name was checked in it
        app.notify(f"Not saved: {exc.problems[0].message}", severity="error")
        return False
    if job.as_new_of is not None:
        profile = profile.model_copy(update={"created": None})  # a new profile from now
    if not overwrite:
        why = _conflict(state, path, profile.name)
        if why is not None:
            return await _ask_conflict(app, path, job, why, profile.name)
    back = same_target(path, state.path)  # over the file it was read from
    # What the file must still hold when it is replaced, checked under the folder's lock
    # right before the rename (the same check as deskfit set): the bytes this wizard
    # read, no file at all for a new one, anything once overwrite was chosen.
    expected: str | Unchecked | None = UNCHECKED
    if back and state.disk is not None and not overwrite:
        expected = state.disk.sha256
    elif not overwrite and not os.path.lexists(path):
        expected = None
    try:
        stamped = save_with_advice(
            profile,
            path,
            now=app.clock() if app.clock else None,
            overwrite_other=overwrite or back,
            migrated_from=state.migrated_from if back else None,
            expected=expected,
            advice=state.advice(),  # the review's, not worked out again
        )
    except ChangedOnDisk:
        return await _ask_conflict(app, path, job, "changed", profile.name)
    except ProfileExists as exc:
        answer = await app.push_screen_wait(
            ChoiceScreen(
                "Replace another profile?",
                escape_markup(
                    f"{safe_path(exc.path)} already holds another profile, "
                    f"“{safe(exc.other_name)}”. Replace it with this one? (Cancel, then save "
                    "under another name to keep both.)"
                ),
                [("replace", "Replace it", "error"), ("cancel", "Cancel", "default")],
            )
        )
        return _Retry() if answer == "replace" else False
    except OSError as exc:
        kept = draft_path(app.profiles_dir, state).exists() and not app.draft_failed
        problem = save_failure(exc, path)
        problem += f" Every answer is still here{', and in the draft' if kept else ''}."
        return _AskAgain(job, problem, path)
    state.path = path
    state.disk = stamp_of(path)  # what is in the file now is what this wizard wrote
    state.migrated_from = None  # written in the current schema
    state.created = stamped.created
    state.dirty = False
    delete_draft(app.profiles_dir, state)  # this wizard's own draft, and only that
    app.saves += 1
    app.notify(f"Saved to {safe_path(path)}", title="Saved", timeout=6)
    return True


async def _ask_conflict(
    app: DeskfitApp, path: Path, job: SaveJob, why: str, name: str
) -> bool | _AskAgain | _Retry:
    now = stamp_of(path)
    written = datetime.fromtimestamp(now.mtime_ns / 1e9).astimezone() if now else None
    when = f" (last written {local_time(written)})" if now and now.mtime_ns else ""
    if why == "changed":
        title = "The file changed since you opened it"
        text = (
            f"{safe_path(path)}{when} was changed by another program — another deskfit? — "
            "after you opened it here."
        )
    else:
        title = "This profile is already saved"
        text = (
            f"{safe_path(path)}{when} already holds a profile called “{safe(name)}” that you "
            "did not open here."
        )
    text += (
        " Save your answers as a new profile (both are kept), overwrite the file with "
        "your answers (what it holds now is lost), or cancel (nothing is written; your "
        "answers stay here)."
    )
    answer = await app.push_screen_wait(
        ChoiceScreen(
            title,
            escape_markup(text),
            [
                ("new", "Save as new", "primary"),
                ("overwrite", "Overwrite", "error"),
                ("cancel", "Cancel", "default"),
            ],
        )
    )
    if answer == "overwrite":
        return _Retry()
    if answer == "new":
        return _AskAgain(SaveJob(job.then_exit, as_new_of=path))
    return False


# -- export, copy, compare ----------------------------------------------------------------------


def _advice(app: DeskfitApp, *, say: bool = True) -> Advice | None:
    """The session's advice (computed once per change), or None: nothing under way, or
    answers still missing (said when ``say``)."""
    state = app.state
    if state is None:
        return None
    try:
        return state.advice()
    except ProfileInvalid:
        if say:
            app.notify("Answer every step first: the advice needs them.", severity="warning")
        return None


async def export(app: DeskfitApp) -> None:
    state = app.state
    advice = _advice(app)
    if state is None or advice is None:
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

    stem = f"{slugify(state.name or 'deskfit')}-advice"
    message = await app.push_screen_wait(
        # the export_dir preference, else the home folder: never where deskfit was started
        ExportScreen(stem, app.settings.export_dir, write, lambda: copy_advice(app, advice))
    )
    if message:
        app.notify(message, timeout=6)


def copy(app: DeskfitApp) -> None:
    advice = _advice(app, say=False)
    if advice is not None:
        app.notify(copy_advice(app, advice))


def copy_advice(app: DeskfitApp, advice: Advice) -> str:
    from deskfit.core.present import render

    app.copy_to_clipboard(render.to_text(advice))
    return "Copied the advice as text (if your terminal lets programs use the clipboard)"


async def compare(app: DeskfitApp) -> None:
    """Pick another saved profile, then show how it differs from the one reviewed."""
    from deskfit.core.ops.compare import compare as compared
    from deskfit.tui.compare_screen import CompareScreen, ProfilePicker

    state = app.state
    if state is None:
        return
    try:
        profile = state.profile()
    except ProfileInvalid:
        app.notify("Answer every step first: the comparison needs them.", severity="warning")
        return
    path = await app.push_screen_wait(ProfilePicker(app.profiles_dir, exclude=state.path))
    if path is None:
        return
    try:
        other = load_profile(path).profile
    except ProfileFileError as exc:
        app.show_file_problem(exc.report())
        return
    app.push_screen(CompareScreen(compared(profile, other)))


# -- the assessment record: actions and the assessment ---------------------------------------


async def set_action(app: DeskfitApp, advice_id: str | None) -> None:
    """Set what became of one advice line (``None``: ask which first)."""
    from deskfit.core.present.record import action_words
    from deskfit.tui.record_dialogs import ActionPicker, ActionScreen, status_mark

    state = app.state
    advice = _advice(app)
    if state is None or advice is None or not advice.lines:
        return
    if advice_id is None:
        profile = advice.profile
        advice_id = await app.push_screen_wait(
            ActionPicker(
                [
                    (
                        line.id,
                        f"{status_mark(state.actions.get(line.id))} {line.title}",
                        action_words(profile.actions.get(line.id)),
                    )
                    for line in advice.lines
                ]
            )
        )
        if advice_id is None:
            return
    title = next((line.title for line in advice.lines if line.id == advice_id), advice_id)
    values = await app.push_screen_wait(
        ActionScreen(advice_id, title, state.actions.get(advice_id, {}))
    )
    if values is not None and state.set_record(advice_id, values):
        app.record_changed()


async def set_assessment(app: DeskfitApp) -> None:
    """Set who assessed, when, and when to review."""
    from deskfit.tui.record_dialogs import AssessmentScreen

    state = app.state
    if state is None:
        return
    shown = dict(state.assessment)
    if not shown.get("assessor") and app.settings.assessor:
        shown["assessor"] = app.settings.assessor  # the preference, to keep or change
    values = await app.push_screen_wait(AssessmentScreen(shown))
    if values is not None and state.set_record(None, values):
        app.record_changed()


# -- quitting ---------------------------------------------------------------------------------


async def quit_wizard(app: DeskfitApp) -> None:
    """Leave; with unsaved answers, first ask: save, keep the draft, discard or stay."""
    state = app.state
    if state is None or not state.dirty:
        app.exit()
        return
    if isinstance(app.screen, TooSmallScreen):  # no room to ask: the draft keeps all
        app.keep_draft()
        if app.draft_failed or not draft_path(app.profiles_dir, state).exists():
            app.screen.warn(
                "Your answers cannot be kept in a draft: make the terminal bigger "
                "and save them before you quit."
            )
            return
        app.exit()
        return
    kept = not app.draft_failed
    choices = [("save", "Save", "primary")]
    if kept:
        choices.append(("keep", "Keep the draft", "default"))
    choices += [("discard", "Discard", "error"), ("cancel", "Cancel", "default")]
    answer = await app.push_screen_wait(
        ChoiceScreen(
            "Unsaved answers",
            "Save them before you go, or keep them as a draft to go on with next time "
            "(the start screen offers it)? If you discard them they are lost; cancel "
            "to stay."
            if kept
            else "Save them before you go? They could not be kept in a draft, so if you "
            "discard them they are lost; cancel to stay.",
            choices,
        )
    )
    if answer == "save":
        await save(app, then_exit=True)
    elif answer == "keep":
        app.keep_draft()  # the start screen offers it next time
        app.exit()
    elif answer == "discard":
        delete_draft(app.profiles_dir, state)
        state.dirty = False
        app.exit()
