"""The shapes ``--json`` prints for ``deskfit list``, ``show`` and ``check``: plain dicts,
one documented shape each (README, "Scripting"), for ``json.dumps``.

Every object of a shape has every key (null when there is nothing to say), so a script
never has to test whether a key is there. Files are given as absolute paths (``list``,
``show``) or as they were named on the command line (``check``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from deskfit.core.engine.advice import advise
from deskfit.core.files.store import Loaded, ProfileFileError, to_document
from deskfit.core.model.shown_text import safe_path
from deskfit.core.model.validation import Problem


def dumps(data: object) -> str:
    """JSON as every --json prints it: indented, UTF-8 as is, one newline at the end."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def jsonable(value: Any) -> Any:
    """TOML's values as JSON's: dates and times as ISO 8601 strings."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def file_text(path: Path, *, absolute: bool) -> str:
    """A file as JSON gives it: printable (an undecodable byte as ``\\xff``)."""
    return safe_path(os.path.abspath(path) if absolute else path)


def problem_json(problem: Problem) -> dict[str, Any]:
    """``{"key", "line", "message"}``: the dotted key (null for the whole file), the line
    (null when not known) and the message, as ``deskfit check`` words it."""
    return {"key": problem.key or None, "line": problem.line, "message": problem.message}


def check_entry(path: Path, problems: Iterable[Problem] = ()) -> dict[str, Any]:
    """``deskfit check --json``: one object per file given."""
    found = [problem_json(p) for p in problems]
    return {"file": file_text(path, absolute=False), "ok": not found, "problems": found}


def check_result(path: Path) -> dict[str, Any]:
    """Read ``path`` as ``check`` does and say what was found."""
    from deskfit.core.files.store import load_profile

    try:
        load_profile(path)
    except ProfileFileError as exc:
        return check_entry(path, exc.problems)
    return check_entry(path)


def list_entry(path: Path, result: Loaded | ProfileFileError, ref: str | None) -> dict[str, Any]:
    """``deskfit list --json``: one object per file in the profiles folder. ``ref`` is what
    finds the profile (its name, or its file when two share the name), as ``list`` shows.
    A file that cannot be read has ``ok`` false, its problems, and nulls elsewhere."""
    entry: dict[str, Any] = {
        "name": None,
        "ref": None,
        "file": file_text(path, absolute=True),
        "ok": False,
        "units": None,
        "created": None,
        "updated": None,
        "rosa_now": None,
        "rosa_after": None,
        "band_now": None,
        "band_after": None,
        "problems": [],
    }
    if isinstance(result, ProfileFileError):
        entry["problems"] = [problem_json(p) for p in result.problems]
        return entry
    profile = result.profile
    advice = advise(profile)
    entry.update(
        name=profile.name,
        ref=ref,
        ok=True,
        units=profile.units,
        created=jsonable(profile.created),
        updated=jsonable(profile.updated),
        rosa_now=advice.rosa.final,
        rosa_after=advice.rosa_after.final,
        band_now=advice.rosa.band,
        band_after=advice.rosa_after.band,
    )
    return entry


def show_entry(loaded: Loaded) -> dict[str, Any]:
    """``deskfit show --json``: ``{"file", "profile"}``, the profile's answers as its TOML
    file holds them (lengths in centimetres, whatever its units; no [advice] snapshot)."""
    return {
        "file": file_text(loaded.path, absolute=True),
        "profile": jsonable(to_document(loaded.profile)),
    }
