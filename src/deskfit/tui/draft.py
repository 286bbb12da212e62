"""Drafts: every answer kept on disk while the wizard runs, so nothing is ever lost.

A draft lives beside the profiles, in ``<profiles_dir>/.drafts/``: ``new.toml`` for a
profile never saved, ``<file stem>.toml`` while editing a saved one. It holds the raw
answers (possibly incomplete or invalid, text that could not be read kept as typed), the
step reached, and the file the profile is saved to. It is written atomically with mode
0600 after every change and deleted after a save or a discard.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from deskfit.core.questions import PROFILE, questions
from deskfit.core.store import ProfileFileError, atomic_write, read_document
from deskfit.core.store import slugify as _slugify
from deskfit.tui.ondisk import DiskStamp
from deskfit.tui.state import HiddenRule, WizardState

DRAFTS = ".drafts"
NEW = "new"
FORMAT = 1


def drafts_dir(profiles_dir: Path) -> Path:
    return profiles_dir / DRAFTS


def draft_path(profiles_dir: Path, state: WizardState) -> Path:
    """``new.toml`` for a profile never saved, else named after the file it edits."""
    stem = _slugify(state.path.stem) if state.path is not None else NEW
    return drafts_dir(profiles_dir) / f"{stem}.toml"


def _document(state: WizardState) -> dict[str, Any]:
    meta: dict[str, Any] = {"format": FORMAT, "step": state.step, "visited": state.visited}
    if state.path is not None:
        meta["path"] = str(state.path)
    if state.disk is not None:  # so that a resumed draft still notices a file changed since
        meta["sha256"] = state.disk.sha256
        meta["mtime_ns"] = state.disk.mtime_ns
    if state.migrated_from is not None:  # its first save keeps the original as a backup
        meta["migrated_from"] = state.migrated_from
    if state.created is not None:
        meta["created"] = state.created
    answers = {
        section: {k: v for k, v in fields.items() if v is not None}
        for section, fields in state.answers.items()
    }
    document: dict[str, Any] = {"draft": meta, "answers": answers}
    if state.extra:
        document["extra"] = state.extra
    return document


def write_draft(profiles_dir: Path, state: WizardState) -> Path:
    path = draft_path(profiles_dir, state)
    atomic_write(path, tomli_w.dumps(_document(state)).encode("utf-8"), mode=0o600)
    return path


def _kind_fits(kind: str, value: Any, choices: Mapping[str, str]) -> bool:
    if kind == "yesno":
        return isinstance(value, bool)
    if kind == "choice":
        return value in choices
    if kind == "text":
        return isinstance(value, str)
    # numbers, or text that could not be read, as typed
    return isinstance(value, (int, float, str)) and not isinstance(value, bool)


class DraftError(Exception):
    """A draft file that cannot be read back (the message says why)."""


def read_draft(path: Path, hidden_rules: Mapping[str, HiddenRule] | None = None) -> WizardState:
    try:
        document, _ = read_document(path)
    except ProfileFileError as exc:  # read_document turns every failure into this
        raise DraftError(str(exc)) from None
    meta = document.get("draft")
    answers = document.get("answers")
    if not isinstance(meta, dict) or not isinstance(answers, dict):
        raise DraftError(f"{path}: not a deskfit draft")
    state = WizardState.blank(hidden_rules)
    for section, fields in state.answers.items():
        given = answers.get(section, {})
        if not isinstance(given, dict):
            continue
        for q in questions(section):
            value = given.get(q.field)
            if value is not None and _kind_fits(q.kind, value, q.choices):
                fields[q.field] = value
    target = meta.get("path")
    state.path = Path(target) if isinstance(target, str) and target else None
    sha = meta.get("sha256")
    mtime = meta.get("mtime_ns")
    if state.path is not None and isinstance(sha, str) and sha:
        state.disk = DiskStamp(sha, mtime if type(mtime) is int else 0)
    migrated = meta.get("migrated_from")
    if state.path is not None and type(migrated) is int:
        state.migrated_from = migrated
    created = meta.get("created")
    state.created = created if isinstance(created, datetime) else None
    extra = document.get("extra")
    state.extra = dict(extra) if isinstance(extra, dict) else {}
    for attr in ("step", "visited"):
        number = meta.get(attr)
        if isinstance(number, int) and not isinstance(number, bool):
            setattr(state, attr, max(0, number))
    state.visited = max(state.visited, state.step)
    state.dirty = True  # a draft is by definition not saved
    return state


def delete_draft(profiles_dir: Path, state: WizardState) -> None:
    with contextlib.suppress(OSError):
        draft_path(profiles_dir, state).unlink()


@dataclass(frozen=True)
class DraftInfo:
    """One unfinished profile, for the start screen."""

    path: Path
    name: str  # the profile name typed so far, or "" when none yet
    target: Path | None  # the saved file it edits, None for a new profile
    modified: datetime


def list_drafts(profiles_dir: Path) -> list[DraftInfo]:
    """Drafts newest first; files that are not drafts are skipped."""
    folder = drafts_dir(profiles_dir)
    if not folder.is_dir():
        return []
    out: list[DraftInfo] = []
    for path in folder.glob("*.toml"):
        if path.name.startswith("."):
            continue
        try:
            document, _ = read_document(path)
            modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        except (ProfileFileError, OSError):
            continue
        meta = document.get("draft")
        answers = document.get("answers")
        if not isinstance(meta, dict) or not isinstance(answers, dict):
            continue
        profile = answers.get(PROFILE, {})
        name = profile.get("name", "") if isinstance(profile, dict) else ""
        target = meta.get("path")
        out.append(
            DraftInfo(
                path=path,
                name=name if isinstance(name, str) else "",
                target=Path(target) if isinstance(target, str) and target else None,
                modified=modified,
            )
        )
    out.sort(key=lambda d: d.modified, reverse=True)
    return out
