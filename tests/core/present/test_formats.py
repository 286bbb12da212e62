"""The export format from ``--format`` and the ``-o`` file's extension (``formats.py``)."""

from __future__ import annotations

import pytest

from deskfit.core.present.formats import FormatClash, export_format


@pytest.mark.parametrize(
    ("explicit", "path", "fmt"),
    [
        (None, None, "text"),
        ("md", None, "md"),
        (None, "-", "text"),
        ("html", "-", "html"),
        (None, "advice.txt", "text"),
        (None, "advice.md", "md"),
        (None, "advice.JSON", "json"),
        (None, "record.html", "html"),
        (None, "record.htm", "html"),
        ("md", "advice.markdown", "md"),  # agrees
        ("json", "advice.out", "json"),  # an extension that names nothing: --format decides
    ],
)
def test_the_format_written(explicit: str | None, path: str | None, fmt: str) -> None:
    assert export_format(explicit, path) == (fmt, None)


@pytest.mark.parametrize("path", ["advice.out", "advice", "dir.d/advice"])
def test_an_extension_that_names_no_format_is_text_with_a_note(path: str) -> None:
    fmt, note = export_format(None, path)
    assert fmt == "text"
    assert note is not None and note.endswith(
        "no format (.txt, .md, .json, .html): writing text; --format chooses another"
    )


def test_an_extension_that_names_another_format_is_refused() -> None:
    with pytest.raises(FormatClash) as clash:
        export_format("md", "record.html")
    assert str(clash.value) == (
        "--format md does not match the file's extension '.html' (which means html): "
        "change one, or leave --format out"
    )
