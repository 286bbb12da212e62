"""The export formats and the file extensions that name them: one list for the CLI and the
wizard's export dialog.

Standard library only and no other deskfit module: the wizard's dialogs import it before
the first paint, and the CLI before it knows which command runs.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Final

# (format, what people call it, the extension a new file gets), in the order offered.
EXPORT_FORMATS: Final[tuple[tuple[str, str, str], ...]] = (
    ("text", "Text", ".txt"),
    ("md", "Markdown", ".md"),
    ("json", "JSON", ".json"),
    ("html", "HTML (to print)", ".html"),
)
FORMATS: Final[tuple[str, ...]] = tuple(fmt for fmt, _, _ in EXPORT_FORMATS)

_BY_SUFFIX: Final[dict[str, str]] = {
    ".txt": "text",
    ".text": "text",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}


def format_for_path(path: str | PurePath) -> str | None:
    """The format a file name asks for by its extension (``advice.HTML`` → html), or None
    when the extension names none."""
    return _BY_SUFFIX.get(PurePath(path).suffix.lower())


class FormatClash(ValueError):
    """``--format`` names one format and the ``-o`` file's extension another."""


def export_format(explicit: str | None, path: str | PurePath | None) -> tuple[str, str | None]:
    """The format an export writes and a note to show with it (or None).

    ``--format`` (``explicit``) and the file's extension must agree when both name one
    (``--format md -o advice.html``: FormatClash). Without ``--format`` the extension
    decides; one that names no format (``advice.out``, ``advice``) gets text, with a note
    saying so. To the screen (no file, or ``-``) the format is ``--format``'s, else text.
    """
    if path is None or str(path) == "-":
        return explicit or "text", None
    named = format_for_path(path)
    suffix = PurePath(path).suffix
    if explicit is not None:
        if named is not None and named != explicit:
            raise FormatClash(
                f"--format {explicit} does not match the file's extension {suffix!r} "
                f"(which means {named}): change one, or leave --format out"
            )
        return explicit, None
    if named is not None:
        return named, None
    what = f"the extension {suffix!r} names" if suffix else "a file without an extension has"
    known = ", ".join(ext for _, _, ext in EXPORT_FORMATS)
    return "text", f"{what} no format ({known}): writing text; --format chooses another"
