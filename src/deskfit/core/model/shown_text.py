"""Text from files and file names, made safe to print on a terminal.

A file name or a profile name is data someone else wrote. Printed raw, an escape sequence
in it can retitle or clear the terminal, a bidi override can make "evil.toml" read as
"lmot.live", and bytes that are not UTF-8 crash the writer. Everything deskfit prints
that came from outside goes through ``safe`` (text) or ``safe_path`` (a path).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

# Invisible characters that change how the text around them is shown: bidi embeddings,
# overrides and isolates, marks, zero-width joiners and spaces, line/paragraph separators.
_INVISIBLE = frozenset(
    "\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def is_unsafe_char(char: str) -> bool:
    """A control character (C0, DEL, C1), a lone surrogate, or an invisible format mark."""
    if char in _INVISIBLE:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cs")


def unsafe_chars(text: str) -> list[str]:
    """The characters of ``text`` that ``safe`` would escape, in order, each once."""
    seen: list[str] = []
    for char in text:
        if is_unsafe_char(char) and char not in seen:
            seen.append(char)
    return seen


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")  # \n \x1b \u202e


def safe(text: str) -> str:
    """``text`` on one line with every character that does not show as itself escaped:
    controls (``\\n``, ``\\x1b``), format marks (``\\u202e``), undecodable bytes (``\\xff``).

    Backslashes are left alone: a Windows path stays readable, and an escape is only
    ever produced for a character that cannot be shown.
    """
    if text.isprintable():
        return text  # the usual case: nothing to do
    return "".join(c if c.isprintable() else _escaped(c) for c in text)


def safe_path(path: Path | str | bytes) -> str:
    """A path as a person should see it: decoded as the OS does, unsafe characters escaped."""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    return safe(str(path))


def describe(char: str) -> str:
    """A character's code point and name, for a message: ``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")
