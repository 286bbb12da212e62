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
import errno
import hashlib
import os
import re
import select
import stat
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import tomli_w

from deskfit.core.files.durable import sync_folder
from deskfit.core.files.file_lock import folder_locked
from deskfit.core.files.replacing import keep_owner, save_target
from deskfit.core.model.profile import SCHEMA_VERSION, Profile
from deskfit.core.model.shown_text import safe, safe_path
from deskfit.core.model.validation import (
    Problem,
    ProfileInvalid,
    dotted_key,
    number_text,
    parse_profile,
    shown,
)

MAX_FILE_BYTES = 1024 * 1024  # a real profile is ~2 KiB; refuse anything absurd unparsed
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
        return "\n".join(p.located(safe_path(self.path)) for p in self.problems)


class ProfileExists(Exception):
    """Saving would replace a different profile that has the same file name."""

    def __init__(self, path: Path, other_name: str) -> None:
        self.path = path
        self.other_name = other_name
        super().__init__(f"{safe_path(path)} already holds another profile, {safe(other_name)!r}")


@dataclass(frozen=True)
class Loaded:
    """A profile read from disk, with what the caller may need to write it back."""

    profile: Profile
    path: Path
    migrated_from: int | None = None
    mtime_ns: int = 0
    sha256: str = ""  # of the bytes read: a save compares the file with it under the lock


# -- the profiles folder -------------------------------------------------------------


# Letters NFKD cannot turn into ASCII, spelled the way their speakers write them in
# Latin letters (Cyrillic after ISO 9 / passport use, Greek after ELOT 743, a few others),
# so that "Дмитрий" gets dmitrii.toml and not a file name shared with every other name.
_TRANSLITERATION = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziiklmnoprstufye", strict=True)),
        "ё": "e",
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ь": "",
        "ю": "yu",
        "я": "ya",
        "є": "ye",
        "і": "i",
        "ї": "yi",
        "ґ": "g",
        **dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdeziiklmnxoprstyfo", strict=True)),
        "ς": "s",
        "θ": "th",
        "χ": "ch",
        "ψ": "ps",
        "ß": "ss",
        "æ": "ae",
        "ø": "o",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
    }
)


def slugify(name: str) -> str:
    """A safe file name for a profile name: no separators, no dots first, no reserved names.

    Latin letters keep their base letter, Cyrillic and Greek are transliterated; a name
    with none of these (emoji, CJK) becomes "profile", and ``unique_path`` numbers it.
    """
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_TRANSLITERATION)
    text = text.encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")
    if not text:
        text = "profile"
    if text in _WINDOWS_RESERVED:
        text += "-profile"
    return text


def path_for_name(name: str, folder: Path) -> Path:
    """The file a profile of this name would have, before checking it is free."""
    return folder / f"{slugify(name)}{SUFFIX}"


def unique_path(name: str, folder: Path) -> Path:
    """A file for a *new* profile of this name that no other file uses: ``sam.toml``,
    else ``sam-2.toml``, ``sam-3.toml``… (never over another person's profile)."""
    base = slugify(name)
    for n in range(1, 100_000):
        candidate = folder / f"{base if n == 1 else f'{base}-{n}'}{SUFFIX}"
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(errno.EEXIST, "no free file name", str(folder))


def list_profiles(folder: Path) -> Iterator[Path]:
    """Profile files in the folder, sorted by name; temporary and hidden files skipped."""
    if not folder.is_dir():
        return iter(())
    return iter(sorted(p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith(".")))


# -- reading -------------------------------------------------------------------------

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_END = "(at end of document)"
_PART = r"""(?:[A-Za-z0-9_\-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_HEADER = re.compile(rf"[ \t]*\[\[?[ \t]*({_DOTTED})[ \t]*\]\]?[ \t]*(?:#.*)?")
_KEY = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")


def _key_parts(text: str) -> tuple[str, ...]:
    """The parts of a dotted key as written (``a."b c".d``), quotes and escapes undone."""
    if '"' not in text and "'" not in text:
        return tuple(part.strip() for part in text.split("."))
    try:  # quoted parts: let tomllib undo the quoting and escapes
        node: Any = tomllib.loads(f"{text} = 0")
    except tomllib.TOMLDecodeError:
        return (text,)
    parts: list[str] = []
    while isinstance(node, dict) and len(node) == 1:
        part, node = next(iter(node.items()))
        parts.append(part)
    return tuple(parts)


def key_lines(text: str) -> dict[str, int]:
    """Dotted key (as ``dotted_key`` writes it) -> line number (1-based), for the plain
    layouts people write by hand: ``[table]`` headers and ``key = value`` lines.

    Lines are counted at ``\\n`` only, as TOML does (``str.splitlines`` would also break at
    U+2028 and others, which a string may hold).
    """
    where: dict[str, int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.split("\n"), start=1):
        header = _HEADER.fullmatch(line.rstrip("\r"))
        if header:  # [table] or [[array.of.tables]]
            table = _key_parts(header.group(1))
            where.setdefault(dotted_key(table), number)
            continue
        key = _KEY.match(line)
        if key:
            where.setdefault(dotted_key((*table, *_key_parts(key.group(1)))), number)
    return where


def _first_lines(text: str) -> Callable[[str], int | None]:
    """Line of a dotted key: where it is written, else where its first sub-key is (a
    value written as a table), else where its table is (a missing key)."""
    lines = key_lines(text)
    under: dict[str, int] = {}
    for key, line in lines.items():
        parts = key.split(".")
        for end in range(1, len(parts)):
            prefix = ".".join(parts[:end])
            under[prefix] = min(line, under.get(prefix, line))

    def line_of(key: str) -> int | None:
        found = lines.get(key) or under.get(key)
        if found is None and "." in key:
            found = lines.get(key.rsplit(".", 1)[0]) or lines.get(key.split(".", 1)[0])
        return found

    return line_of


def _with_lines(problems: list[Problem], text: str) -> list[Problem]:
    line_of = _first_lines(text)
    return [Problem(p.key, p.message, line_of(p.key)) for p in problems]


class _Unreadable(ValueError):
    """Bytes that are not UTF-8 text; ``line`` when the bad byte has one."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


# Byte order marks, UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_WIDE: tuple[tuple[str, str, int], ...] = (
    ("UTF-32", "utf-32-le", 4),
    ("UTF-32", "utf-32-be", 4),
    ("UTF-16", "utf-16-le", 2),
    ("UTF-16", "utf-16-be", 2),
)


def _wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when BOM-less bytes are mostly NULs and decode as that."""
    if raw.count(0) * 3 < len(raw):
        return None  # ASCII text in UTF-16 is half NULs, in UTF-32 three quarters
    for name, codec, unit in _WIDE:
        whole = raw[: len(raw) - len(raw) % unit]  # a truncated file ends mid-character
        try:
            text = whole.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and "\x00" not in text:
            return name
    return None


def _decode(raw: bytes) -> str:
    """The text of a UTF-8 file, or _Unreadable naming the encoding it seems to be in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark, as some Windows editors write
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise _Unreadable(f"the file is {name}; save it as UTF-8")
    wide = _wide_encoding(raw)
    if wide is not None:
        raise _Unreadable(
            f"the file is mostly NUL bytes: it may be {wide} without a byte order mark; "
            "save it as UTF-8"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = len(raw[: exc.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        byte = raw[exc.start]
        raise _Unreadable(
            f"column {column}: not valid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8",
            line,
        ) from None


class _TooBig(Exception):
    """A regular file over MAX_FILE_BYTES, refused before reading."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class _EmptyPipe(Exception):
    """A named pipe that gave nothing; ``waited`` when no writer came at all."""

    def __init__(self, waited: bool) -> None:
        super().__init__(waited)
        self.waited = waited


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)
FIFO_WAIT_SECONDS = 5.0  # how long a named pipe may take to give its first bytes


def _wait_for_writer(fd: int) -> None:
    """Wait until a pipe has something to read (or its writer left); _EmptyPipe if none.

    Opened non-blocking, a pipe reports "nothing to read" until a writer connects; poll
    reports it readable once one has written or come and gone (Linux waits for a first
    writer before it reports a hang-up), so a pipe nobody writes to does not hang deskfit.
    """
    if not hasattr(select, "poll"):
        return
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    if not poller.poll(int(FIFO_WAIT_SECONDS * 1000)):
        raise _EmptyPipe(waited=True)


class _NotRegular(Exception):
    """Not a regular file, where only one will do (a report never reads a pipe or tty)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a file is, in words, from its ``st_mode``."""
    for test, kind in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device (a terminal or similar)"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return kind
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def _read_bounded(path: Path, regular_only: bool = False) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of ``path``; OSError as raised, folders refused.

    ``regular_only``: anything but a regular file is refused (_NotRegular) right after the
    non-blocking open, before a single byte is read, so nothing can make the read wait.

    Opened non-blocking so that opening a named pipe nobody writes to does not hang (a
    blocking open waits for a writer for ever); then blocking again, so a pipe that is
    being written is read whole. Read at most one byte past the limit: a device or pipe
    reports size 0 and could otherwise stream without end (/dev/zero).
    """
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY)
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if regular_only and not stat.S_ISREG(info.st_mode):
            raise _NotRegular(file_kind(info.st_mode))
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES:
            raise _TooBig(info.st_size)
        if stat.S_ISFIFO(info.st_mode):
            _wait_for_writer(fd)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = handle.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
        if not raw and stat.S_ISFIFO(info.st_mode):
            raise _EmptyPipe(waited=False)
        return raw


def _os_problem(path: Path, exc: OSError) -> str:
    """What a failed open or read means for a person, without the exception's own text."""
    if isinstance(exc, IsADirectoryError) or (
        isinstance(exc, PermissionError) and os.path.isdir(path)  # Windows opens no folder
    ):
        return "is a folder, not a profile file"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return "is a broken symbolic link: the file it points to does not exist"
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "is a loop of symbolic links, not a file"
    if exc.errno == errno.ENOTDIR:
        return "no such file (a part of the path is a file, not a folder)"
    if exc.errno == errno.ENAMETOOLONG:
        return "cannot be read: the file name is too long"
    reason = exc.strerror or type(exc).__name__
    return f"cannot be read: {reason[:1].lower()}{reason[1:]}"


_BIG_INT = re.compile(r"[0-9_]{4000,}")  # Python refuses to read ints of over 4300 digits
_NESTING = re.compile(r"[\[\]{}\n]")
_DEEP = 100


def _deep_line(text: str) -> int | None:
    """The line where brackets first nest more than _DEEP deep (a rough count)."""
    depth, line = 0, 1
    for match in _NESTING.finditer(text):
        char = match.group()
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > _DEEP:
                return line
        else:
            depth = max(depth - 1, 0)
    return None


MAX_KEY_PARTS = 100  # tomllib takes time quadratic in a dotted key's parts: minutes at 1 MiB
_KEY_PART = re.compile(r"[ \t]*(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*')[ \t]*")


def _deep_key_line(text: str) -> int | None:
    """The line of a dotted key (a.b.c = 1, [a.b.c]) of over MAX_KEY_PARTS parts, if any.

    Linear: only lines with that many dots are looked at, each split once at its dots. A
    key part that is quoted and holds a dot is not counted; that is rare, and tomllib
    then only takes longer.
    """
    if text.count(".") < MAX_KEY_PARTS:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if line.count(".") < MAX_KEY_PARTS:
            continue
        run = 0
        for piece in line.split("."):
            run = run + 1 if _KEY_PART.fullmatch(piece) else 0
            if run >= MAX_KEY_PARTS:
                return number
    return None


def _toml_problem(exc: tomllib.TOMLDecodeError, text: str) -> tuple[str, int | None, int | None]:
    """Message, line and column of a TOML syntax error; the end of the file has a line too."""
    message = str(exc)
    pos = _TOML_POS.search(message)
    reason = _TOML_POS.sub("", message).replace(_TOML_END, "").strip()
    line = column = None
    if pos:
        line, column = int(pos.group(1)), int(pos.group(2))
    elif _TOML_END in message:  # the last line, after its last character
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
        reason += " at the end of the file"
    where = f"column {column}: " if column else ""
    return f"{where}not valid TOML: {reason}", line, column


def read_document(path: Path, *, regular_only: bool = False) -> tuple[dict[str, Any], str]:
    """The raw TOML document and its text, or ProfileFileError saying what is wrong.

    Nothing else escapes: every file, folder, link, pipe, device, encoding and TOML
    document ends up as a dict or as a ProfileFileError naming the file (and the line,
    where there is one).
    """
    document, text, _ = _read_document(path, regular_only)
    return document, text


def digest(data: bytes) -> str:
    """The content hash two writers compare: SHA-256 of the file's bytes."""
    return hashlib.sha256(data).hexdigest()


def _read_document(path: Path, regular_only: bool) -> tuple[dict[str, Any], str, str]:

    def fail(message: str, line: int | None = None, column: int | None = None) -> ProfileFileError:
        return ProfileFileError(path, [Problem("", message, line, column)])

    try:
        raw = _read_bounded(path, regular_only)
    except _NotRegular as other:
        raise fail(f"is {other.kind}, not a regular file: not read") from None
    except _TooBig as too_big:
        raise fail(
            f"is {too_big.size:,} bytes; a profile is at most {MAX_FILE_BYTES:,} bytes"
        ) from None
    except _EmptyPipe as pipe:
        if pipe.waited:
            waited = f"{FIFO_WAIT_SECONDS:g} seconds"
            raise fail(f"is a named pipe that nothing wrote to within {waited}") from None
        raise fail("is empty (a named pipe whose writer sent nothing)") from None
    except OSError as exc:
        raise fail(_os_problem(path, exc)) from None
    except ValueError:  # a NUL in the name: no such file can exist
        raise fail("no such file (the name holds a NUL character)") from None
    if len(raw) > MAX_FILE_BYTES:
        raise fail(f"is over {MAX_FILE_BYTES:,} bytes")
    try:
        text = _decode(raw)
    except _Unreadable as exc:
        raise fail(str(exc), exc.line) from None
    if not text.strip():
        raise fail("is empty")
    deep_key = _deep_key_line(text)
    if deep_key is not None:
        message = f"not valid for deskfit: a key of over {MAX_KEY_PARTS} dotted parts (a.b.c...)"
        raise fail(message, deep_key)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise fail(*_toml_problem(exc, text)) from None
    except RecursionError:
        raise fail("not valid TOML: nested too deeply", _deep_line(text)) from None
    except ValueError as exc:
        # int() refuses decimal numbers of over 4300 digits (CVE-2020-10735).
        big = _BIG_INT.search(text)
        if big is None:
            raise fail(f"not valid TOML: {shown(str(exc))}") from None
        line = text.count("\n", 0, big.start()) + 1
        raise fail("not valid TOML: a number with thousands of digits", line) from None
    return document, text, digest(raw)


def _schema_version(document: Mapping[str, Any], path: Path, text: str) -> int:
    version = document.get("schema_version", SCHEMA_VERSION)
    if type(version) is int and version == SCHEMA_VERSION:
        return SCHEMA_VERSION  # the usual case: no need to find its line
    line = _first_lines(text)("schema_version")
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
                    f"this file is schema version {number_text(version)}; this deskfit reads version "
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
                    "schema_version",
                    f"schema version {number_text(version)} was never written by deskfit",
                    line,
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


def load_profile(path: Path | str, *, regular_only: bool = False) -> Loaded:
    """Read and validate a profile file; ProfileFileError lists every problem found.

    ``regular_only``: refuse pipes, devices and sockets without reading them (a report).
    """
    path = Path(path)
    document, text, sha = _read_document(path, regular_only)
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
    return Loaded(profile, path, version if version < SCHEMA_VERSION else None, mtime, sha)


# -- writing -------------------------------------------------------------------------


def to_document(profile: Profile, advice: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The TOML document for a profile: answers in schema order, then the advice snapshot."""
    document = profile.model_dump(mode="python", exclude_none=True)
    for optional in ("extra", "assessment", "actions"):  # nothing to say: no empty table
        if not document.get(optional):
            document.pop(optional, None)
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


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (on this machine), without touching it."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would end the process there
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process, alive
        return True
    except OSError:
        return False
    return True


def clean_stale_temps(target: Path) -> None:
    """Remove temporary files left by a save that was killed before its rename."""
    prefix = f".{target.name}{TEMP_MARK}-"
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f"{prefix}*"):
            pid_text = leftover.name[len(prefix) :].split("-", 1)[0]
            if pid_text.isdigit() and int(pid_text) != os.getpid() and pid_alive(int(pid_text)):
                continue  # another deskfit is saving right now
            with contextlib.suppress(OSError):
                leftover.unlink()


@contextlib.contextmanager
def atomic_writer(
    target: Path,
    mode: int = 0o600,
    *,
    make_parents: bool = True,
    keep: os.stat_result | None = None,
    before_replace: Callable[[], None] | None = None,
    durable: bool = True,
) -> Iterator[BinaryIO]:
    """A binary file to write ``target`` through, piece by piece, atomically.

    What is written goes to a new temporary file beside ``target``; when the block ends
    without an error it is flushed, fsynced and renamed over ``target`` (which then holds
    the old bytes or the new, never a mix). On an error the temporary file is removed and
    ``target`` is left as it was. Lets a large output (a report) be streamed to disk
    instead of held whole in memory.

    ``make_parents``: create missing folders (the profiles folder on a first save); an
    export names a folder that must exist. ``keep``: the file being replaced, whose
    permissions, group and owner the new file takes. ``before_replace``: called right
    before the rename (under the caller's lock), to refuse at the last moment.
    ``durable=False``: no fsync — the file still holds the old bytes or the new if the
    process is killed, but not necessarily after a power cut until something syncs it
    (the wizard's draft, written on every key, is synced from a thread: ``durable.py``).
    """
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    elif not target.parent.is_dir():
        where = target.parent if str(target.parent) else Path(".")
        raise FileNotFoundError(
            errno.ENOENT, f"the folder {safe_path(where)} does not exist", str(target)
        )
    clean_stale_temps(target)
    temp = target.parent / f".{target.name}{TEMP_MARK}-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except OSError as exc:  # name the file being saved, not the hidden temporary one
        reason = (exc.strerror or type(exc).__name__).lower()
        raise type(exc)(
            exc.errno, f"{reason} (writing in the folder {safe_path(target.parent)})", str(target)
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            keep_owner(handle.fileno(), keep)
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if durable:
        sync_folder(target.parent)  # make the rename itself durable


def atomic_write(
    target: Path,
    data: bytes,
    *,
    mode: int = 0o600,
    make_parents: bool = True,
    durable: bool = True,
) -> None:
    """Write ``data`` to ``target`` so that it holds the old bytes or the new, never a mix."""
    with atomic_writer(target, mode, make_parents=make_parents, durable=durable) as handle:
        handle.write(data)


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


class ChangedOnDisk(Exception):
    """The file is not what the caller read: someone else saved it in between."""

    def __init__(self, path: Path, existed: bool) -> None:
        self.path = path
        self.existed = existed
        what = "changed since it was read" if existed else "was created by another program"
        super().__init__(f"{safe_path(path)} {what}; nothing saved")


class Unchecked:
    """``expected`` not given: the caller does not know what the file held."""


UNCHECKED = Unchecked()


def current_digest(path: Path) -> str | None:
    """The content hash of ``path`` now; None when there is no file."""
    try:
        return digest(_read_bounded(path, regular_only=True))
    except FileNotFoundError:
        return None
    except _NotRegular:
        return "not a regular file"
    except _TooBig as too_big:
        return f"over the size limit ({too_big.size})"


def save_profile(
    profile: Profile,
    path: Path,
    *,
    advice: Mapping[str, Any] | None = None,
    overwrite_other: bool = False,
    expected: str | Unchecked | None = UNCHECKED,
) -> Path:
    """Save atomically, keeping what the file was; refuse to lose someone else's change.

    ``expected``: the ``Loaded.sha256`` of the file as the caller read it, or None for a
    file that did not exist. Under the folder's lock, right before the rename, the file
    is hashed again; when it differs, ChangedOnDisk and nothing is written. A symbolic
    link is written through to its target; the replaced file's mode, group and owner are
    kept; a read-only file or one with hard links is refused (replacing.CannotReplace).
    ProfileExists when the file holds a *different* profile, unless ``overwrite_other``.
    """
    real = Path(os.path.realpath(path)) if os.path.islink(path) else path
    real.parent.mkdir(parents=True, exist_ok=True)
    data = render_toml(profile, advice).encode("utf-8")
    with folder_locked(real.parent):
        target = save_target(path)
        if target.existing is not None and not overwrite_other:
            other = name_in_file(target.path)
            if other is not None and other != profile.name:
                raise ProfileExists(path, other)

        def unchanged() -> None:
            if isinstance(expected, Unchecked):
                return
            if current_digest(target.path) != expected:
                raise ChangedOnDisk(path, existed=expected is not None)

        with atomic_writer(
            target.path, target.mode, keep=target.existing, before_replace=unchanged
        ) as handle:
            handle.write(data)
    return path


def backup_path(path: Path, version: int) -> Path:
    """Where the original of a migrated file is kept before it is rewritten."""
    return path.with_name(f"{path.stem}.v{version}.bak{SUFFIX}")
