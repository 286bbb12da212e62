"""Drafts: every answer kept on disk while the wizard runs, so nothing is ever lost.

A draft lives beside the profiles, in ``<profiles_dir>/.drafts/``. Each wizard's answers
have a draft file of their own, named once and kept on the ``WizardState``:

* ``new-<12 random hex>.toml`` for a profile never saved, so two ``deskfit new`` in one
  folder never write over each other;
* ``<slug of the file's stem>-<16 hex of the sha256 of its full path>.toml`` while editing
  a saved profile, so same-named files in two folders never share a draft, and a profile
  called ``new.toml`` cannot meet a new profile's draft. When that name is taken already
  (another deskfit edits the same file), a random part is added to it.

A draft holds the raw answers (possibly incomplete or invalid, text that could not be read
kept as typed), the step reached, the file the profile is saved to (``path``, or
``path_hex`` when the path is not valid UTF-8), and who writes it: the process id, host
name and the process's start. A draft whose writer is still running on this host, and is
not this process, is *in use*: nothing here resumes it, discards it or deletes it. A draft
is written atomically with mode 0600 after every change and deleted after a save or a
discard, only by the wizard that owns it.

Drafts of older versions (``new.toml``, ``<stem>.toml``, no writer recorded) are still
listed and resumed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import secrets
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from deskfit.core.files.store import ProfileFileError, atomic_write, pid_alive, read_document
from deskfit.core.files.store import slugify as _slugify
from deskfit.core.model.questions import PROFILE, questions
from deskfit.core.model.shown_text import safe, safe_path
from deskfit.core.session.ondisk import DiskStamp
from deskfit.core.session.state import WizardState

DRAFTS = ".drafts"
NEW = "new"
SUFFIX = ".toml"
FORMAT = 2  # 2: the writer (pid, host, started), path_hex, a file per wizard
NAME_ATTR = "draft_name"  # the WizardState attribute holding its draft's file name
_RANDOM_BYTES = 6  # 12 hex digits
_KEY_HEX = 16


def drafts_dir(profiles_dir: Path) -> Path:
    return profiles_dir / DRAFTS


# -- names ----------------------------------------------------------------------------


def _full(path: Path) -> Path:
    """The absolute path with its links followed, or just absolute when that fails."""
    try:
        return path.absolute().resolve()
    except (OSError, RuntimeError):  # a link loop, a folder we may not read
        return path.absolute()


def keyed_name(target: Path) -> str:
    """The draft name of a saved profile: its stem, and a hash of its full path."""
    digest = hashlib.sha256(os.fsencode(_full(target))).hexdigest()[:_KEY_HEX]
    return f"{_slugify(target.stem)}-{digest}{SUFFIX}"


def _taken(path: Path) -> bool:
    return os.path.lexists(path)


def _choose_name(profiles_dir: Path, target: Path | None) -> str:
    folder = drafts_dir(profiles_dir)
    if target is not None:
        keyed = keyed_name(target)
        if not _taken(folder / keyed):
            return keyed
        stem = keyed.removesuffix(SUFFIX)
    else:
        stem = NEW
    while True:
        name = f"{stem}-{secrets.token_hex(_RANDOM_BYTES)}{SUFFIX}"
        if not _taken(folder / name):
            return name


def own_draft_name(state: WizardState) -> str | None:
    """The name of this state's draft file, or None when none was chosen yet."""
    name = getattr(state, NAME_ATTR, None)
    return name if isinstance(name, str) and name else None


def draft_path(profiles_dir: Path, state: WizardState) -> Path:
    """This state's own draft file: chosen the first time it is asked for, then kept."""
    name = own_draft_name(state)
    if name is None:
        name = _choose_name(profiles_dir, state.path)
        setattr(state, NAME_ATTR, name)
    return drafts_dir(profiles_dir) / name


# -- who writes a draft -------------------------------------------------------------


@dataclass(frozen=True)
class Writer:
    """The deskfit process that wrote a draft (it claims the draft while it runs)."""

    pid: int
    host: str
    started: str | None = None  # when the process started, where the system says so


@functools.cache
def _host() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


def _started(pid: int) -> str | None:
    """The boot and start time of process ``pid`` (Linux), to tell it from a reused pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    fields = stat[stat.rfind(b")") + 2 :].split()  # the name may hold spaces and brackets
    if len(fields) < 20:
        return None
    return f"{boot}:{fields[19].decode('ascii', 'replace')}"  # field 22, starttime


@functools.cache
def _me() -> Writer:
    return Writer(os.getpid(), _host(), _started(os.getpid()))


def this_writer() -> Writer:
    me = _me()
    if me.pid != os.getpid():  # forked since: another process
        _me.cache_clear()
        me = _me()
    return me


def in_use(writer: Writer | None) -> bool:
    """Whether another deskfit, running now on this host, writes this draft.

    A draft of an older deskfit (no writer), of this process, or of a process that has
    ended is free. So is one written on another host: there is no telling from here, and
    the person is told where it was written instead.
    """
    if writer is None:
        return False
    me = this_writer()
    if writer.host != me.host or writer.pid == me.pid:
        return False
    if not pid_alive(writer.pid):
        return False
    if writer.started is not None:
        now = _started(writer.pid)
        if now is not None and now != writer.started:
            return False  # the pid was given to another process since
    return True


def _writer_of(meta: Mapping[str, Any]) -> Writer | None:
    pid = meta.get("pid")
    if type(pid) is not int:
        return None
    host = meta.get("host")
    started = meta.get("started")
    return Writer(
        pid,
        host if isinstance(host, str) else "",
        started if isinstance(started, str) and started else None,
    )


# -- the target path, which may not be UTF-8 -------------------------------------------


def _path_fields(path: Path) -> dict[str, str]:
    """``path`` as text when it is valid UTF-8, else its bytes in hex (it round-trips)."""
    full = path.absolute()
    text = str(full)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8, kept as surrogate escapes
        return {"path_hex": os.fsencode(full).hex()}
    return {"path": text}


def _target_of(meta: Mapping[str, Any]) -> Path | None:
    text = meta.get("path")
    if isinstance(text, str) and text:
        return Path(text)
    hexed = meta.get("path_hex")
    if isinstance(hexed, str) and hexed:
        try:
            return Path(os.fsdecode(bytes.fromhex(hexed)))
        except ValueError:
            return None
    return None


# -- writing ----------------------------------------------------------------------------


def _document(state: WizardState) -> dict[str, Any]:
    me = this_writer()
    meta: dict[str, Any] = {"format": FORMAT, "step": state.step, "visited": state.visited}
    meta["pid"] = me.pid
    meta["host"] = me.host
    if me.started is not None:
        meta["started"] = me.started
    if state.path is not None:
        meta.update(_path_fields(state.path))
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
    if state.assessment:
        document["assessment"] = state.assessment
    if state.actions:
        document["actions"] = state.actions
    return document


def write_draft(profiles_dir: Path, state: WizardState, *, durable: bool = True) -> Path:
    """Write this state's own draft (its name chosen on the first write) and return it.

    ``durable=False`` leaves out the fsync (see ``store.atomic_writer``): the wizard writes
    the draft on every key that way, and has ``durable.Syncer`` sync it from a thread.
    """
    path = draft_path(profiles_dir, state)
    # The path is stored so that it round-trips; anything else that cannot be UTF-8 (it
    # cannot come from a keyboard) is written escaped rather than lose every answer.
    data = tomli_w.dumps(_document(state)).encode("utf-8", "backslashreplace")
    atomic_write(path, data, mode=0o600, durable=durable)
    return path


# -- reading ----------------------------------------------------------------------------


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
    """A draft file that cannot be read back (the message says why, safe to show)."""


def _read(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The draft's [draft] table and its answers, or DraftError."""
    try:
        document, _ = read_document(path)
    except ProfileFileError as exc:  # read_document turns every failure into this
        raise DraftError("\n".join(safe(line) for line in str(exc).splitlines())) from None
    meta = document.get("draft")
    answers = document.get("answers")
    if not isinstance(meta, dict) or not isinstance(answers, dict):
        raise DraftError(f"{safe_path(path)}: not a deskfit draft")
    return document, meta


def read_draft(path: Path) -> WizardState:
    """The answers of a draft, as a state that goes on writing this same draft file."""
    document, meta = _read(path)
    answers = document["answers"]
    state = WizardState.blank()
    for section, fields in state.answers.items():
        given = answers.get(section, {})
        if not isinstance(given, dict):
            continue
        for q in questions(section):
            value = given.get(q.field)
            if value is not None and _kind_fits(q.kind, value, q.choices):
                fields[q.field] = value
    state.path = _target_of(meta)
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
    state.take_record(document.get("assessment"), document.get("actions"))
    for attr in ("step", "visited"):
        number = meta.get(attr)
        if isinstance(number, int) and not isinstance(number, bool):
            setattr(state, attr, max(0, number))
    state.visited = max(state.visited, state.step)
    state.dirty = True  # a draft is by definition not saved
    setattr(state, NAME_ATTR, path.name)  # go on in the same file (an old one's name too)
    return state


@dataclass(frozen=True)
class DraftInfo:
    """One unfinished profile: whose it is, what it edits, who writes it."""

    path: Path
    name: str  # the profile name typed so far, or "" when none yet
    target: Path | None  # the saved file it edits, None for a new profile
    modified: datetime
    writer: Writer | None = None  # None: a draft of an older deskfit
    in_use: bool = False  # another deskfit running on this host writes it now


def inspect_draft(path: Path) -> DraftInfo:
    """What a draft holds and who writes it, or DraftError."""
    document, meta = _read(path)
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError as exc:
        raise DraftError(f"{safe_path(path)}: {exc.strerror or exc}") from None
    profile = document["answers"].get(PROFILE, {})
    name = profile.get("name", "") if isinstance(profile, dict) else ""
    writer = _writer_of(meta)
    return DraftInfo(
        path=path,
        name=name if isinstance(name, str) else "",
        target=_target_of(meta),
        modified=modified,
        writer=writer,
        in_use=in_use(writer),
    )


def list_drafts(profiles_dir: Path) -> list[DraftInfo]:
    """Drafts newest first, those in use by another deskfit too; non-drafts skipped."""
    folder = drafts_dir(profiles_dir)
    if not folder.is_dir():
        return []
    out: list[DraftInfo] = []
    for path in folder.glob(f"*{SUFFIX}"):
        if path.name.startswith("."):  # a temporary file of a write under way
            continue
        with contextlib.suppress(DraftError):
            out.append(inspect_draft(path))
    out.sort(key=lambda d: d.modified, reverse=True)
    return out


def same_target(a: Path | None, b: Path | None) -> bool:
    return a is not None and b is not None and _full(a) == _full(b)


def drafts_for(profiles_dir: Path, target: Path) -> list[DraftInfo]:
    """The drafts of the saved profile in ``target``, whatever their file names, newest first."""
    return [d for d in list_drafts(profiles_dir) if same_target(d.target, target)]


# -- deleting ---------------------------------------------------------------------------


def discard_draft(path: Path) -> bool:
    """Delete a draft unless another running deskfit writes it; False when left alone."""
    try:
        writer = _writer_of(_read(path)[1])
    except DraftError:
        writer = None  # not a draft we can read: nobody claims it
    if in_use(writer):
        return False
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    return True


def delete_draft(profiles_dir: Path, state: WizardState) -> None:
    """Delete this state's own draft, and only that (nothing when it never had one)."""
    name = own_draft_name(state)
    if name is not None:
        with contextlib.suppress(OSError):
            discard_draft(drafts_dir(profiles_dir) / name)


# -- saying whose a draft is ------------------------------------------------------------


def shown_target(target: Path | None, profiles_dir: Path) -> str:
    """The file a draft edits, as shown: its name in the profiles folder, else its path."""
    if target is None:
        return "new profile"
    if same_target(target.parent, profiles_dir):
        return safe_path(target.name)
    return safe_path(target)


def shown_name(info: DraftInfo) -> str:
    return safe(info.name.strip()) or "New profile"


def shown_when(info: DraftInfo) -> str:
    return info.modified.strftime("%Y-%m-%d %H:%M")


def shown_writer(info: DraftInfo) -> str:
    """Who writes a draft, in words, or "" when there is nothing worth saying."""
    writer = info.writer
    if writer is None:
        return ""
    if info.in_use:
        return f"in use by another deskfit (process {writer.pid})"
    if writer.host and writer.host != this_writer().host:
        return f"written on {safe(writer.host)}"
    return ""


def describe(info: DraftInfo, profiles_dir: Path) -> str:
    """One line on whose draft it is: “Office desk” (office-desk.toml), last written …"""
    text = f"“{shown_name(info)}” ({shown_target(info.target, profiles_dir)}), last written {shown_when(info)}"
    who = shown_writer(info)
    return f"{text}, {who}" if who else text
