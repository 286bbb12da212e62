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
