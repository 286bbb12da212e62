"""Finding a profile from what a person typed: a NAME, or a PATH.

A NAME is matched against the ``name`` inside the saved profiles, not against file names:
two names can share a slug (every name without Latin letters used to become
``profile.toml``), a profile renamed keeps its file, and the example files are named for
what they show, not for whom. Matching is exact first, then ignoring case and accents;
several matches are an error that lists them, none suggests the closest names. The file's
stem is accepted too (``deskfit show crossed-legs-fixed-desk``), after the names.

A reference is a PATH only when it looks like one (it has a ``/`` or ends in ``.toml``)
or the caller says so (``--file``): an entry called ``profiles`` in the current folder
must not shadow the profile of that name.
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from deskfit.core.files.store import (
    SUFFIX,
    ProfileFileError,
    list_profiles,
    load_profile,
    name_in_file,
    slugify,
)
from deskfit.core.model.shown_text import safe, safe_path


class NotFound(Exception):
    """No profile of that name; ``suggestions`` are the closest names."""

    def __init__(self, ref: str, folder: Path, suggestions: list[str]) -> None:
        self.ref = ref
        self.folder = folder
        self.suggestions = suggestions
        text = f"no profile called {safe(ref)!r} in {safe_path(folder)}"
        if suggestions:
            text += "; did you mean " + " or ".join(repr(safe(s)) for s in suggestions) + "?"
        else:
            text += "; 'deskfit list' shows the names"
        super().__init__(text)


class Ambiguous(Exception):
    """Several profiles answer to the name; each is listed with its file."""

    def __init__(self, ref: str, matches: list[tuple[str, Path]]) -> None:
        self.ref = ref
        self.matches = matches
        listed = "; ".join(f"{safe(name)!r} in {safe_path(path)}" for name, path in matches)
        super().__init__(
            f"{len(matches)} profiles are called {safe(ref)!r}: {listed}. "
            "Give the file instead (a path, or --file)"
        )


def looks_like_path(ref: str) -> bool:
    """A path has a folder separator or the profile suffix; anything else is a NAME."""
    return "/" in ref or os.sep in ref or (os.altsep or "/") in ref or ref.endswith(SUFFIX)


def folded(text: str) -> str:
    """A name compared loosely: case, accents and runs of spaces do not count."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


@dataclass(frozen=True)
class Entry:
    """A saved profile's name (None when the file cannot be read) and its file."""

    name: str | None
    path: Path


def entries(folder: Path) -> list[Entry]:
    """Every profile file in the folder with the name inside it."""
    return [Entry(name_in_file(path), path) for path in list_profiles(folder)]


def find(ref: str, folder: Path, known: Iterable[Entry] | None = None) -> Path:
    """The file of the profile called ``ref`` in ``folder``; NotFound or Ambiguous."""
    found = list(known) if known is not None else entries(folder)
    named = [e for e in found if e.name is not None]
    for matches in (
        [e for e in named if e.name == ref],
        [e for e in named if folded(e.name or "") == folded(ref)],
        [e for e in found if e.path.stem == ref],
        [e for e in found if e.path.stem == slugify(ref) and e.name is None],
    ):
        if len(matches) > 1:  # a broken copy does not make a good profile ambiguous
            readable = [e for e in matches if _loads(e.path)]
            matches = readable if len(readable) == 1 else matches
        if len(matches) == 1:
            return matches[0].path
        if len(matches) > 1:
            raise Ambiguous(ref, [(e.name or e.path.stem, e.path) for e in matches])
    names = {folded(e.name): e.name for e in named if e.name}
    close = difflib.get_close_matches(folded(ref), list(names), n=3, cutoff=0.6)
    raise NotFound(ref, folder, [names[c] for c in close])


def _loads(path: Path) -> bool:
    try:
        load_profile(path)
    except ProfileFileError:
        return False
    return True


def resolve(ref: str, folder: Path | Callable[[], Path], *, as_file: bool = False) -> Path:
    """What a command-line reference names: a PATH as given, else the profile found by name.

    A path-like reference that names no file here is tried in the profiles folder (the
    FILE column of ``list``: ``crossed-legs-fixed-desk.toml``) and then as a NAME (one
    with a ``/`` in it); when neither finds it, the path is returned, for its own error.
    ``folder`` may be a function: it is called only when the folder is needed.
    """
    path = Path(ref).expanduser()
    if as_file or (looks_like_path(ref) and os.path.lexists(path)):
        return path
    where = folder() if callable(folder) else folder
    if not looks_like_path(ref):
        return find(ref, where)
    if os.sep not in ref and "/" not in ref and (where / ref).is_file():
        return where / ref
    try:
        return find(ref, where)
    except (NotFound, Ambiguous):
        return path


def display_names(found: list[Entry]) -> dict[Path, str]:
    """What ``list`` shows for each file: its name when that finds it, else the file.

    A name finds its file exactly when no other profile has the very same name (``find``
    tries exact matches first).
    """
    counts: dict[str, int] = {}
    for entry in found:
        if entry.name is not None:
            counts[entry.name] = counts.get(entry.name, 0) + 1
    return {
        e.path: e.name if e.name is not None and counts[e.name] == 1 else str(e.path) for e in found
    }
