"""The start screen's list: drafts, then saved profiles, newest first, with their ROSA.

No textual here: the wizard's start screen and its compare picker run ``scan`` in a
worker thread, so a folder of many profiles never holds up a key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from deskfit.core.files.store import ProfileFileError, list_profiles, load_profile
from deskfit.core.session.draft import list_drafts, shown_name, shown_target, shown_writer


@dataclass(frozen=True)
class Entry:
    """One row of the list: a saved profile, an unreadable file, or a draft."""

    kind: str  # "profile", "broken", "draft", or "busy" (a draft another deskfit writes)
    path: Path
    name: str
    when: datetime | None
    rosa: str
    problem: str = ""


def local_time(when: datetime | None) -> str:
    if when is None:
        return "—"
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def scan(profiles_dir: Path) -> list[Entry]:
    """Drafts first (newest first), then saved profiles, newest first."""
    from deskfit.core.engine.advice import advise

    drafts: list[Entry] = []
    for d in list_drafts(profiles_dir):  # whose draft, the file it edits; safe to show
        edits = shown_target(d.target, profiles_dir)
        what = "unfinished, new profile" if d.target is None else f"unfinished changes to {edits}"
        who = shown_writer(d)
        label = f"✎ {shown_name(d)} ({what}{', ' + who if who else ''})"
        # a draft another deskfit writes now is shown, but not offered to resume or discard
        kind = "busy" if d.in_use else "draft"
        drafts.append(Entry(kind, d.path, label, d.modified, "in use" if d.in_use else "—"))
    saved: list[Entry] = []
    for path in list_profiles(profiles_dir):
        try:
            loaded = load_profile(path)
        except ProfileFileError as exc:
            saved.append(Entry("broken", path, f"⚠ {path.name}", None, "can't read", exc.report()))
            continue
        profile = loaded.profile
        try:
            score = advise(profile).rosa
            rosa = f"{score.final} {score.band}"
        except Exception:  # a bug in the advice must not hide the profile from the list
            rosa = "?"
        when = profile.updated or datetime.fromtimestamp(loaded.mtime_ns / 1e9).astimezone()
        saved.append(Entry("profile", path, profile.name, when, rosa))

    def newest(e: Entry) -> float:
        return e.when.timestamp() if e.when is not None else float("-inf")

    saved.sort(key=newest, reverse=True)
    return drafts + saved
