"""Reading and writing profile files: TOML in, TOML out, never a half-written file.

- Load: size check, UTF-8 check, ``tomllib``, schema version, then the model. Every error
  names the file and, where it can, the line and the dotted key.
- Save: ``tomli_w`` into a temporary file in the same folder, flush, fsync, ``os.replace``
  (the rename is atomic, so a reader sees the old file or the new one, never a mix).
- The profiles folder: ``--profiles-dir``, else ``DESKFIT_PROFILES_DIR``, else the
  platform's user data folder. A profile's file name is a slug of its name.
"""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from deskfit.core.profile import SCHEMA_VERSION, Profile
from deskfit.core.validation import Problem, ProfileInvalid, parse_profile

MAX_FILE_BYTES = 1024 * 1024  # a real profile is ~2 KiB; refuse anything absurd unparsed
ENV_PROFILES_DIR = "DESKFIT_PROFILES_DIR"
SUFFIX = ".toml"
TEMP_MARK = ".deskfit-tmp"
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in range(10)
}

# Migrations from an older schema version to the next: version -> function on the raw
# document. Schema 1 is the first, so there are none yet; the loader already walks them.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class ProfileFileError(Exception):
    """A profile file that cannot be used. ``problems`` say where and why."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = Path(path)
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        """One line per problem, each starting with the file (and line when known)."""
        return "\n".join(p.located(str(self.path)) for p in self.problems)


class ProfileExists(Exception):
    """Saving would replace a different profile that has the same file name."""

    def __init__(self, path: Path, other_name: str) -> None:
        self.path = path
        self.other_name = other_name
        super().__init__(f"{path} already holds another profile, {other_name!r}")


@dataclass(frozen=True)
class Loaded:
    """A profile read from disk, with what the caller may need to write it back."""

    profile: Profile
    path: Path
    migrated_from: int | None = None
    mtime_ns: int = 0


# -- the profiles folder -------------------------------------------------------------


def profiles_dir(option: str | Path | None = None) -> Path:
    """Where profiles live: the option, else $DESKFIT_PROFILES_DIR, else the user data dir."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_PROFILES_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path  # deferred: only needed without an override

    return user_data_path("deskfit", appauthor=False) / "profiles"


def slugify(name: str) -> str:
    """A safe file name for a profile name: no separators, no dots first, no reserved names."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    if not text:
        text = "profile"
    if text in _WINDOWS_RESERVED:
        text += "-profile"
    return text


def path_for_name(name: str, folder: Path) -> Path:
    return folder / f"{slugify(name)}{SUFFIX}"


def resolve(ref: str, folder: Path) -> Path:
    """A NAME or PATH given on the command line, as a file path."""
    candidate = Path(ref).expanduser()
    if candidate.suffix == SUFFIX or os.sep in ref or candidate.exists():
        return candidate
    return path_for_name(ref, folder)


def list_profiles(folder: Path) -> Iterator[Path]:
    """Profile files in the folder, sorted by name; temporary and hidden files skipped."""
    if not folder.is_dir():
        return iter(())
    return iter(sorted(p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith(".")))


# -- reading -------------------------------------------------------------------------

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-.\"']+)\s*=")


def key_lines(text: str) -> dict[str, int]:
    """Dotted key -> line number (1-based) for the plain layouts people write by hand."""
    where: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("[["):
            table = header.group(1).replace('"', "").replace("'", "").replace(" ", "")
            where.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            name = key.group(1).replace('"', "").replace("'", "")
            where.setdefault(f"{table}.{name}" if table else name, number)
    return where


def _with_lines(problems: list[Problem], text: str) -> list[Problem]:
    lines = key_lines(text)
    out = []
    for p in problems:
        line = lines.get(p.key)
        parent = p.key.rsplit(".", 1)[0] if "." in p.key else None
        if line is None and parent is not None:
            line = lines.get(parent)  # a missing key: point at its table
        out.append(Problem(p.key, p.message, line))
    return out


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark, as some Windows editors write
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("the file is UTF-16; save it as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ValueError(f"line {line}: not valid UTF-8 (save the file as UTF-8)") from None


def read_document(path: Path) -> tuple[dict[str, Any], str]:
    """The raw TOML document and its text, or ProfileFileError saying what is wrong."""

    def fail(message: str, line: int | None = None, column: int | None = None) -> ProfileFileError:
        return ProfileFileError(path, [Problem("", message, line, column)])

    try:
        if path.is_dir():
            raise fail("is a folder, not a profile file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail(f"is {size:,} bytes; a profile is at most {MAX_FILE_BYTES:,} bytes")
        # Read at most one byte past the limit: a device or pipe reports size 0 and could
        # otherwise stream without end.
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except OSError as exc:
        raise fail(exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise fail(f"is over {MAX_FILE_BYTES:,} bytes")
    try:
        text = _decode(raw)
    except ValueError as exc:
        raise fail(str(exc)) from None
    if not text.strip():
        raise fail("is empty")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        pos = _TOML_POS.search(message)
        line = int(pos.group(1)) if pos else None
        column = int(pos.group(2)) if pos else None
        reason = _TOML_POS.sub("", message).strip()
        where = f"column {column}: " if column else ""
        raise fail(f"{where}not valid TOML: {reason}", line, column) from None
    except RecursionError:
        raise fail("not valid TOML: nested too deeply") from None
    return document, text


def _schema_version(document: Mapping[str, Any], path: Path, text: str) -> int:
    version = document.get("schema_version", SCHEMA_VERSION)
    line = key_lines(text).get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProfileFileError(
            path,
            [Problem("schema_version", f"must be a whole number, like {SCHEMA_VERSION}", line)],
        )
    if version > SCHEMA_VERSION:
        raise ProfileFileError(
            path,
            [
                Problem(
                    "schema_version",
                    f"this file is schema version {version}; this deskfit reads version "
                    f"{SCHEMA_VERSION} and older: update deskfit to open it",
                    line,
                )
            ],
        )
    if version < SCHEMA_VERSION and version not in MIGRATIONS:
        raise ProfileFileError(
            path,
            [
                Problem(
                    "schema_version", f"schema version {version} was never written by deskfit", line
                )
            ],
        )
    return version


def migrate(document: dict[str, Any], version: int) -> dict[str, Any]:
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    document["schema_version"] = SCHEMA_VERSION
    return document


def load_profile(path: Path | str) -> Loaded:
    """Read and validate a profile file; ProfileFileError lists every problem found."""
    path = Path(path)
    document, text = read_document(path)
    version = _schema_version(document, path, text)
    if version < SCHEMA_VERSION:
        document = migrate(document, version)
    try:
        profile = parse_profile(document)
    except ProfileInvalid as exc:
        raise ProfileFileError(path, _with_lines(exc.problems, text)) from None
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return Loaded(profile, path, version if version < SCHEMA_VERSION else None, mtime)


# -- writing -------------------------------------------------------------------------


def to_document(profile: Profile, advice: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The TOML document for a profile: answers in schema order, then the advice snapshot."""
    document = profile.model_dump(mode="python", exclude_none=True)
    if not document.get("extra"):
        document.pop("extra", None)
    if advice is not None:
        document["advice"] = _toml_safe(advice)
    return document


def _toml_safe(value: Any) -> Any:
    """TOML has no null: drop None values (they mean 'not applicable' in the snapshot)."""
    if isinstance(value, Mapping):
        return {str(k): _toml_safe(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_toml_safe(v) for v in value if v is not None]
    return value


def render_toml(profile: Profile, advice: Mapping[str, Any] | None = None) -> str:
    return tomli_w.dumps(to_document(profile, advice))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_temps(target: Path) -> None:
    """Remove temporary files left by a save that was killed before its rename."""
    prefix = f".{target.name}{TEMP_MARK}-"
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f"{prefix}*"):
            pid_text = leftover.name[len(prefix) :].split("-", 1)[0]
            if pid_text.isdigit() and int(pid_text) != os.getpid() and _pid_alive(int(pid_text)):
                continue  # another deskfit is saving right now
            with contextlib.suppress(OSError):
                leftover.unlink()


def atomic_write(target: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write ``data`` to ``target`` so that it holds the old bytes or the new, never a mix."""
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(target)
    temp = target.parent / f".{target.name}{TEMP_MARK}-{os.getpid()}-{os.urandom(4).hex()}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def stamp(profile: Profile, now: datetime | None = None) -> Profile:
    """The profile with ``updated`` set to now (and ``created`` when it was never saved)."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    return profile.model_copy(update={"created": profile.created or now, "updated": now})


def name_in_file(path: Path) -> str | None:
    """The ``name`` of the profile in a file, without validating the rest."""
    try:
        document, _ = read_document(path)
    except ProfileFileError:
        return None
    name = document.get("name")
    return name if isinstance(name, str) else None


def save_profile(
    profile: Profile,
    path: Path,
    *,
    advice: Mapping[str, Any] | None = None,
    overwrite_other: bool = False,
) -> Path:
    """Save atomically; refuse to replace a *different* profile unless asked to."""
    if path.exists() and not overwrite_other:
        other = name_in_file(path)
        if other is not None and other != profile.name:
            raise ProfileExists(path, other)
    atomic_write(path, render_toml(profile, advice).encode("utf-8"))
    return path


def backup_path(path: Path, version: int) -> Path:
    """Where the original of a migrated file is kept before it is rewritten."""
    return path.with_name(f"{path.stem}.v{version}.bak{SUFFIX}")
