"""Preferences: ``config.toml`` in the user config folder, the environment, the defaults.

Each setting comes from the first of: the command line (only ``--profiles-dir`` has a
flag), its environment variable (``DESKFIT_UNITS``…), the config file, the default; and
``Settings`` keeps where each came from (``deskfit config show``). A broken file never
stops deskfit: every problem names the file, the line and the key, and the setting it
spoils falls back to the next source (the default, when nothing else gives it).

Light on purpose (tomllib and the standard library; platformdirs only to find the file):
a bare ``deskfit`` reads it before the wizard's first paint. The theme is kept as a
string: whether Textual has a theme of that name is for the wizard to say.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Final, Literal

from deskfit.core.files.folders import ENV_PROFILES_DIR, default_profiles_dir
from deskfit.core.model.shown_text import safe, safe_path

ENV_CONFIG: Final = "DESKFIT_CONFIG"  # another config file than the one in the config folder
FILE_NAME: Final = "config.toml"
MAX_BYTES: Final = 64 * 1024  # a config file is a few lines; refuse anything absurd unread
UNITS: Final = ("metric", "imperial")
DEFAULT_UNITS: Final = "metric"
DEFAULT_THEME: Final = "textual-dark"
NEW_FILE_HEAD: Final = (
    "# deskfit's preferences; 'deskfit config show' says where each setting comes from.\n"
)

Source = Literal["flag", "env", "file", "default"]
Kind = Literal["units", "text", "folder"]


@dataclass(frozen=True)
class Key:
    """A setting: its name in the file, its environment variable, what it holds."""

    name: str
    env: str
    kind: Kind
    about: str


KEYS: Final[tuple[Key, ...]] = (
    Key("units", "DESKFIT_UNITS", "units", "a new profile's units: metric or imperial"),
    Key("theme", "DESKFIT_THEME", "text", "the wizard's theme: any Textual theme's name"),
    Key("profiles_dir", ENV_PROFILES_DIR, "folder", "the folder of saved profiles"),
    Key("assessor", "DESKFIT_ASSESSOR", "text", "the assessor the assessment dialog offers"),
    Key("export_dir", "DESKFIT_EXPORT_DIR", "folder", "the folder the export dialog offers"),
)
BY_NAME: Final[dict[str, Key]] = {k.name: k for k in KEYS}


@dataclass(frozen=True)
class Setting:
    """A setting's value (None: none, as for an assessor never given) and its source.

    ``where``: the flag (``--profiles-dir``), the variable (``DESKFIT_THEME``) or the file
    and line (``/home/sam/.config/deskfit/config.toml:3``); None for a default.
    """

    key: str
    value: str | None
    source: Source
    where: str | None = None

    def described(self) -> str:
        """Where it came from, in words: ``--profiles-dir``, ``env DESKFIT_THEME``…"""
        if self.source == "env":
            return f"env {self.where}"
        if self.source == "default":
            return "default"
        return self.where or self.source


@dataclass(frozen=True)
class ConfigProblem:
    """Something wrong in the config file (or a variable): where, and why."""

    origin: str  # the file, printable; or ``$DESKFIT_UNITS``
    message: str
    line: int | None = None
    key: str | None = None

    def located(self) -> str:
        """``file:line: key: message``, with the parts that are known."""
        head = f"{self.origin}:{self.line}" if self.line else self.origin
        body = f"{safe(self.key)}: {self.message}" if self.key else self.message
        return f"{head}: {body}"


@dataclass(frozen=True)
class Settings:
    """Every setting with its source, the file they were read from, and its problems."""

    path: Path
    values: Mapping[str, Setting]
    problems: tuple[ConfigProblem, ...] = field(default=())

    def __getitem__(self, key: str) -> Setting:
        return self.values[key]

    @property
    def units(self) -> Literal["metric", "imperial"]:
        return "imperial" if self.values["units"].value == "imperial" else "metric"

    @property
    def theme(self) -> str:
        return self.values["theme"].value or DEFAULT_THEME

    @property
    def profiles_dir(self) -> Path:
        value = self.values["profiles_dir"].value
        return Path(value) if value else default_profiles_dir()

    @property
    def assessor(self) -> str | None:
        return self.values["assessor"].value

    @property
    def export_dir(self) -> Path:
        value = self.values["export_dir"].value
        return Path(value) if value else home()

    def origin(self, key: str) -> str:
        """Where a setting came from, to name in a message about its value."""
        setting = self.values[key]
        if setting.source == "flag":
            return setting.where or f"--{key}"
        if setting.source == "env":
            return f"${setting.where}"
        if setting.source == "file":
            return f"{key} in {setting.where}"
        return f"the default {key}"


def home() -> Path:
    """The home folder (the export dialog's folder when none is set): never the current one."""
    return Path(os.path.expanduser("~"))


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """The config file: ``$DESKFIT_CONFIG``, else ``config.toml`` in the user config
    folder (``$XDG_CONFIG_HOME/deskfit``, ``~/.config/deskfit`` on Linux)."""
    env = os.environ if env is None else env
    given = env.get(ENV_CONFIG)
    if given:
        return Path(given).expanduser()
    from platformdirs import user_config_path  # deferred: only when the file is looked for

    return user_config_path("deskfit", appauthor=False) / FILE_NAME


# -- reading ------------------------------------------------------------------------------


class _Unreadable(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_END = "(at end of document)"
_HEADER = re.compile(r"[ \t]*\[")


def _read_text(path: Path) -> str | None:
    """The file's text; None when there is no file; _Unreadable saying why it cannot be
    used (a folder, a pipe, too big, not UTF-8, unreadable)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _Unreadable(f"cannot be read ({(exc.strerror or str(exc)).lower()})") from None
    if stat.S_ISDIR(info.st_mode):
        raise _Unreadable("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _Unreadable("is not a regular file")  # a pipe would wait for a writer
    if info.st_size > MAX_BYTES:
        raise _Unreadable(f"is {info.st_size} bytes; a config file is at most {MAX_BYTES}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _Unreadable(f"cannot be read ({(exc.strerror or str(exc)).lower()})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _Unreadable("is not UTF-8 text", line) from None


def _parse(text: str) -> dict[str, object]:
    """The TOML document, or _Unreadable with the line of the syntax error."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        pos = _TOML_POS.search(message)
        reason = _TOML_POS.sub("", message).replace(_TOML_END, "").strip()
        if pos:
            line: int | None = int(pos.group(1))
        else:
            line = text.count("\n") + 1 if _TOML_END in message else None
        raise _Unreadable(f"not valid TOML: {reason}", line) from None


def _key_pattern(key: str) -> str:
    quoted = re.escape(key)
    return rf"""(?:{quoted}|"{quoted}"|'{quoted}')"""


def key_line(text: str, key: str) -> int | None:
    """The line a top-level key is set on: ``key = …`` before the first table, or a
    table of its name (``[key]``, ``key.sub = …``) anywhere."""
    name = _key_pattern(key)
    assignment = re.compile(rf"[ \t]*{name}[ \t]*[=.]")
    table = re.compile(rf"[ \t]*\[\[?[ \t]*{name}[ \t]*[\].]")
    in_tables = False
    for number, line in enumerate(text.splitlines(), start=1):
        if table.match(line):
            return number
        if _HEADER.match(line):
            in_tables = True
        elif not in_tables and assignment.match(line):
            return number
    return None


def _toml_type(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, datetime | date | time):
        return "a date or time"
    return type(value).__name__


def check_value(key: Key, raw: object, *, in_file: bool) -> tuple[str | None, str | None]:
    """(the value, None), or (None, what is wrong with it). A folder in the file is
    absolute (or from ``~``); one in a variable may be relative to the current folder."""
    if not isinstance(raw, str):
        return None, f"must be a string in quotes, not {_toml_type(raw)}"
    text = raw.strip()
    if not text:
        return None, "is empty: give a value, or remove the line for the default"
    if key.kind == "units":
        if text.lower() not in UNITS:
            return None, f'must be "metric" or "imperial", not {safe(raw)!r}'
        return text.lower(), None
    if key.kind == "folder":
        path = Path(text).expanduser()
        if in_file and not path.is_absolute():
            return None, f"{safe(text)!r} is a relative path: give the folder from / or ~"
        return str(path), None
    return text, None


def _unknown(key: str) -> str:
    import difflib  # deferred: only for a file with a mistake in it

    close = difflib.get_close_matches(key, list(BY_NAME), n=1)
    if close:
        return f"unknown setting; did you mean {close[0]!r}?"
    return f"unknown setting; the settings are {', '.join(BY_NAME)}"


def read_file(path: Path) -> tuple[dict[str, tuple[str, int | None]], list[ConfigProblem]]:
    """The good settings in the file (value, line) and a problem for each bad one. No
    file: nothing, and no problem."""
    origin = safe_path(path)
    try:
        text = _read_text(path)
        if text is None:
            return {}, []
        document = _parse(text)
    except _Unreadable as exc:
        return {}, [ConfigProblem(origin, exc.message, exc.line)]
    good: dict[str, tuple[str, int | None]] = {}
    problems: list[ConfigProblem] = []
    for name, raw in document.items():
        line = key_line(text, name)
        key = BY_NAME.get(name)
        if key is None:
            problems.append(ConfigProblem(origin, _unknown(name), line, name))
            continue
        value, problem = check_value(key, raw, in_file=True)
        if problem is not None:
            problems.append(ConfigProblem(origin, problem, line, name))
        elif value is not None:
            good[name] = (value, line)
    return good, problems


def resolve(
    flags: Mapping[str, str | Path | None] | None = None,
    env: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> Settings:
    """Every setting from the first source that gives it: ``flags`` (the command line),
    then ``env`` (the environment), then the file at ``path`` (``config_path()``), then
    the default. A bad value is a problem and the next source is used."""
    env = os.environ if env is None else env
    flags = flags or {}
    path = config_path(env) if path is None else path
    in_file, problems = read_file(path)
    values: dict[str, Setting] = {}
    for key in KEYS:
        values[key.name] = _first(key, flags.get(key.name), env.get(key.env), in_file, path)
        raw = env.get(key.env)
        if raw:
            _, problem = check_value(key, raw, in_file=False)
            if problem is not None:
                problems.append(ConfigProblem(f"${key.env}", problem))
    return Settings(path, values, tuple(problems))


def _first(
    key: Key,
    flag: str | Path | None,
    env_value: str | None,
    in_file: Mapping[str, tuple[str, int | None]],
    path: Path,
) -> Setting:
    if flag:
        return Setting(
            key.name, str(Path(flag).expanduser()), "flag", f"--{key.name.replace('_', '-')}"
        )
    if env_value:
        value, problem = check_value(key, env_value, in_file=False)
        if problem is None:
            return Setting(key.name, value, "env", key.env)
    if key.name in in_file:
        value, line = in_file[key.name]
        where = f"{safe_path(path)}:{line}" if line else safe_path(path)
        return Setting(key.name, value, "file", where)
    if key.name == "units":
        return Setting(key.name, DEFAULT_UNITS, "default")
    if key.name == "theme":
        return Setting(key.name, DEFAULT_THEME, "default")
    if key.name == "profiles_dir":
        return Setting(key.name, str(default_profiles_dir()), "default")
    if key.name == "export_dir":
        return Setting(key.name, str(home()), "default")
    return Setting(key.name, None, "default")


def as_json(settings: Settings) -> dict[str, object]:
    """``deskfit config show --json``: the file, each setting's value and source, the problems."""
    return {
        "file": safe_path(settings.path),
        "settings": {
            name: {"value": s.value, "source": s.source, "where": s.where}
            for name, s in settings.values.items()
        },
        "problems": [
            {"file": p.origin, "line": p.line, "key": p.key, "message": p.message}
            for p in settings.problems
        ],
    }


# -- writing --------------------------------------------------------------------------------


class NotSaved(Exception):
    """The config file is there but cannot be changed safely (it is left as it is)."""


def remember(key: str, value: str, path: Path, *, durable: bool = True) -> Path:
    """Set ``key = value`` in the config file at ``path`` (made when missing), every other
    line and comment kept; written atomically (a temporary file renamed over it, through
    a symbolic link to its target). The file written is returned; NotSaved when the file
    cannot be read as TOML (it is never rewritten then), OSError when it cannot be written.
    """
    import tomli_w

    from deskfit.core.files.replacing import save_target
    from deskfit.core.files.store import atomic_writer  # deferred: it loads the model

    if key not in BY_NAME:
        raise ValueError(f"unknown setting {key!r}")
    target = save_target(path)
    try:
        text = _read_text(target.path)
        document = _parse(text) if text is not None else {}
    except _Unreadable as exc:
        where = f"{safe_path(path)}:{exc.line}" if exc.line else safe_path(path)
        raise NotSaved(f"{where} {exc.message}; fix it to keep the {key} there") from None
    line = tomli_w.dumps({key: value}).rstrip("\n")
    wanted = {**document, key: value}
    edited = _edited(text, key, line)
    try:
        kept = tomllib.loads(edited) == wanted
    except tomllib.TOMLDecodeError:
        kept = False
    if not kept:  # a layout the line edit cannot follow: write the settings afresh
        edited = NEW_FILE_HEAD + tomli_w.dumps(wanted)
    mode = target.mode if target.existing is not None else 0o644
    with atomic_writer(target.path, mode, keep=target.existing, durable=durable) as handle:
        handle.write(edited.encode("utf-8"))
    return target.path


def _edited(text: str | None, key: str, line: str) -> str:
    """``text`` with the top-level ``key = …`` line replaced by ``line`` (or ``line`` added
    before the first table, or at the end)."""
    if not text:
        return f"{NEW_FILE_HEAD}{line}\n"
    lines = text.splitlines(keepends=True)
    assignment = re.compile(rf"[ \t]*{_key_pattern(key)}[ \t]*=")
    for i, old in enumerate(lines):
        if _HEADER.match(old):
            lines.insert(i, f"{line}\n")
            return "".join(lines)
        if assignment.match(old):
            lines[i] = f"{line}\n"
            return "".join(lines)
    ending = "" if text.endswith("\n") else "\n"
    return f"{text}{ending}{line}\n"
