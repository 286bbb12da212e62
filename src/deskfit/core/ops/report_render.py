"""A report (core/ops/report.py) as text, Markdown, CSV or JSON lines.

- text: one block per profile, then the summary; wrapped at 80 columns.
- md: a table of the profiles, tables for the summary, a list of the invalid files.
- csv: one header row, then one row per file: profiles first (in the report's order),
  then invalid files, each with only ``file`` and ``error`` filled. No summary (a
  spreadsheet wants one table). UTF-8 without a byte order mark, RFC 4180 quoting
  (``csv`` module, CRLF line ends); a text cell starting with = + - @ (which a spreadsheet
  would run as a formula) is prefixed with ``'``.
- jsonl: one JSON object per line per profile, then one ``{"file", "error"}`` line per
  invalid file, then a final ``{"summary": ...}`` line.

Every format is valid UTF-8 with no raw control character: file names, profile names,
advice titles and error messages (text that came from files) are shown as
``shown_text.safe`` shows them, a byte that was not UTF-8 as ``\\xff``, an escape
character as ``\\x1b`` (in JSON, that backslash is itself escaped: ``"caf\\\\xff.toml"``).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import textwrap
from collections.abc import Iterable, Iterator, Sequence

from deskfit.core.model.shown_text import safe
from deskfit.core.model.units import format_length
from deskfit.core.ops.report import Report, ReportError, Row, Summary

REPORT_FORMATS: tuple[str, ...] = ("text", "md", "csv", "jsonl")
WIDTH = 80
_CHUNK = 64 * 1024  # CSV is handed on in pieces of about this many characters
_NBSP = "\u00a0"  # textwrap breaks only at ASCII white space

CSV_HEADER: tuple[str, ...] = (
    "name",
    "file",
    "rosa",
    "rosa_after",
    "band",
    "band_after",
    "advice_1",
    "advice_2",
    "advice_3",
    "seat_cm",
    "work_surface",
    "work_surface_cm",
    "footstool_cm",
    "monitor_top_cm",
    "open_actions",
    "overdue_actions",
    "review_date",
    "error",
)


def shown(text: str) -> str:
    """``text`` as ``shown_text.safe`` shows it; the usual printable ASCII passes untouched.

    Rows from ``report.read_one`` are safe already; this keeps every format safe whoever
    built the rows, at next to no cost (``isascii`` and ``isprintable`` run in C, where
    ``safe`` looks at each character in Python).
    """
    return text if text.isascii() and text.isprintable() else safe(text)


def cm(x: float) -> str:
    return f"{x:g}"


def length(row: Row, x: float) -> str:
    """A setting in the profile's own units, as its advice says it (52 cm, 20½ in)."""
    return format_length(x, row.units)


def _settings_words(row: Row) -> str:
    stool = f"footstool {length(row, row.footstool_cm)}" if row.footstool_cm else "no footstool"
    return (
        f"seat {length(row, row.seat_cm)} · {row.surface} {length(row, row.surface_cm)} · "
        f"{stool} · monitor top {length(row, row.monitor_top_cm)}"
    )


def wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _sizes(sizes: Sequence[tuple[str, int]], keep: str = " ") -> str:
    """ "39 × 2–3 cm, 133 × 3–4 cm"; ``keep`` joins the words of one size (no break)."""
    return ", ".join(f"{n} × {label}".replace(" ", keep) for label, n in sizes)


def _counts_line(s: Summary) -> str:
    files = s.profiles + s.invalid
    return f"{plural(files, 'file')}: {plural(s.profiles, 'profile')} read, {s.invalid} invalid"


# The shopping list's items, one of each (the summary names them in the plural).
ONE_OF: dict[str, str] = {
    "footstools": "footstool",
    "keyboard trays": "keyboard tray",
    "chairs with a larger height range": "chair with a larger height range",
    "seat cushions": "seat cushion",
    "monitor risers": "monitor riser",
    "desk risers": "set of desk risers",
    "keyboards and mice": "keyboard and mouse",
    "laptop stands": "laptop stand",
    "monitor arms": "monitor arm",
    "mouse platforms": "mouse platform",
}


def shopping_words(what: str, count: int) -> str:
    """'footstools' for many, 'footstool' for one."""
    return ONE_OF.get(what, what) if count == 1 else what


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 action', '3 actions'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _follow_up(row: Row) -> str:
    """'2 open actions (1 overdue); review by 2027-01-01, overdue'."""
    words = plural(row.open_actions, "open action")
    if row.overdue_actions:
        words += f" ({row.overdue_actions} overdue)"
    if row.review_date:
        words += f"; review by {row.review_date}" + (", overdue" if row.review_overdue else "")
    return words


def _actions_words(s: Summary) -> str:
    a = s.actions
    words = (
        f"{plural(a.open, 'open action')} in {plural(a.profiles_with_open, 'profile')}, "
        f"{a.overdue} overdue; {plural(a.reviews_overdue, 'review')} overdue."
    )
    if a.owners:
        words += " Open by owner: " + ", ".join(f"{shown(o)} {n}" for o, n in a.owners) + "."
    return words


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def iter_text(
    rows: Iterable[Row], count: int, s: Summary, errors: Sequence[ReportError]
) -> Iterator[str]:
    yield _lines(["deskfit report", "=" * 14, _counts_line(s), ""])
    width = len(str(count))
    for n, row in enumerate(rows, start=1):
        lead = f"{n:>{width}}. "
        pad = " " * len(lead)
        out = wrap(f"{shown(row.name)} ({shown(row.file)})", pad, lead)
        out += wrap(f"ROSA {row.rosa} → {row.rosa_after} after ({row.band} now)", pad)
        out += wrap(_settings_words(row), pad)
        for k, title in enumerate(row.top_advice, start=1):
            out += wrap(shown(title), pad + "   ", f"{pad}{k}. ")
        out += wrap(_follow_up(row), pad)
        out.append("")
        yield _lines(out)
    out = ["Summary", "-" * 7, "ROSA band         now  after"]
    for band in s.bands:
        out.append(f"  {band:<14} {s.bands[band]:>5}  {s.bands_after[band]:>5}")
    out += ["", "Most common problems (profiles)"]
    if not s.problems:
        out.append("  none")
    for advice_id, title, n in s.problems:
        out += wrap(f"{title} ({advice_id})", " " * 10, f"  {n:>6}  ")
    out += ["", "Follow-up"]
    out += wrap(_actions_words(s), "  ", "  ")
    out += ["", "Shopping list"]
    needed = [item for item in s.shopping if item.count]
    if not needed:
        out.append("  nothing to buy")
    for item in needed:
        out += wrap(shopping_words(item.what, item.count), " " * 10, f"  {item.count:>6}  ")
        if item.sizes:
            wrapped = wrap(_sizes(item.sizes, _NBSP), " " * 12)
            out += [line.replace(_NBSP, " ") for line in wrapped]
    if errors:
        out += ["", f"Invalid files ({len(errors)})"]
        for err in errors:
            out += wrap(shown(err.message), "    ", "  ")
    yield _lines(out)


def to_text(report: Report) -> str:
    return "".join(iter_text(report.rows, len(report.rows), report.summary, report.errors))


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_esc(str(c)) for c in row) + " |" for row in rows]
    return out


_MD_HEADER = ("name", "file", "ROSA", "after", "band", "top advice", "seat", "surface", "footstool", "monitor top")  # fmt: skip


def _md_cells(r: Row) -> tuple[object, ...]:
    return (
        shown(r.name),
        shown(r.file),
        r.rosa,
        r.rosa_after,
        r.band,
        "; ".join(shown(t) for t in r.top_advice),
        length(r, r.seat_cm),
        f"{r.surface} {length(r, r.surface_cm)}",
        length(r, r.footstool_cm) if r.footstool_cm else "none",
        length(r, r.monitor_top_cm),
    )


def iter_markdown(
    rows: Iterable[Row], count: int, s: Summary, errors: Sequence[ReportError]
) -> Iterator[str]:
    yield _lines(["# deskfit report", "", _counts_line(s), "", "## Profiles", ""])
    yield _lines(md_table(_MD_HEADER, []))
    for r in rows:
        yield "| " + " | ".join(_esc(str(c)) for c in _md_cells(r)) + " |\n"
    out = ["", "## Summary", "", "### ROSA bands", ""]
    out += md_table(("band", "now", "after"), [(b, s.bands[b], s.bands_after[b]) for b in s.bands])
    out += ["", "### Most common problems", ""]
    out += md_table(("profiles", "problem", "id"), [(n, t, i) for i, t, n in s.problems])
    out += ["", "### Follow-up", "", _esc(_actions_words(s))]
    out += ["", "### Shopping list", ""]
    out += md_table(
        ("count", "item", "sizes"), [(it.count, it.what, _sizes(it.sizes)) for it in s.shopping]
    )
    if errors:
        out += ["", "## Invalid files", ""]
        out += [f"- {_esc(shown(e.message))}" for e in errors]
    yield _lines(out)


def to_markdown(report: Report) -> str:
    return "".join(iter_markdown(report.rows, len(report.rows), report.summary, report.errors))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(row: Row | ReportError) -> list[str]:
    if isinstance(row, ReportError):
        file, message = _cell(shown(row.file)), _cell(shown(row.message))
        return ["", file] + [""] * (len(CSV_HEADER) - 3) + [message]
    titles = [*(shown(t) for t in row.top_advice), "", "", ""][:3]
    return [
        _cell(shown(row.name)),
        _cell(shown(row.file)),
        str(row.rosa),
        str(row.rosa_after),
        row.band,
        row.band_after,
        *(_cell(t) for t in titles),
        cm(row.seat_cm),
        row.surface,
        cm(row.surface_cm),
        cm(row.footstool_cm),
        cm(row.monitor_top_cm),
        str(row.open_actions),
        str(row.overdue_actions),
        row.review_date or "",
        "",
    ]


def iter_csv(
    rows: Iterable[Row], count: int, s: Summary, errors: Sequence[ReportError]
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # excel dialect: RFC 4180 quoting, CRLF
    writer.writerow(CSV_HEADER)
    items: Iterable[Row | ReportError] = itertools.chain(rows, errors)
    for item in items:
        writer.writerow(csv_row(item))
        if buffer.tell() >= _CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def to_csv(report: Report) -> str:
    return "".join(iter_csv(report.rows, len(report.rows), report.summary, report.errors))


def row_dict(row: Row) -> dict[str, object]:
    return {
        "name": shown(row.name),
        "file": shown(row.file),
        "rosa": row.rosa,
        "rosa_after": row.rosa_after,
        "band": row.band,
        "band_after": row.band_after,
        "advice": [shown(t) for t in row.top_advice],
        "settings": {
            "seat_height_cm": row.seat_cm,
            "work_surface": row.surface,
            "work_surface_height_cm": row.surface_cm,
            "footstool_height_cm": row.footstool_cm,
            "monitor_top_height_cm": row.monitor_top_cm,
        },
        "actions": {
            "open": row.open_actions,
            "overdue": row.overdue_actions,
            "owners": {shown(o): n for o, n in row.owners},
        },
        "review_date": row.review_date,
        "review_overdue": row.review_overdue,
    }


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def iter_jsonl(
    rows: Iterable[Row], count: int, s: Summary, errors: Sequence[ReportError]
) -> Iterator[str]:
    for r in rows:
        yield _dump(row_dict(r))
    for e in errors:
        yield _dump({"file": shown(e.file), "error": shown(e.message)})
    yield _dump({"summary": s.as_dict()})


def to_jsonl(report: Report) -> str:
    return "".join(iter_jsonl(report.rows, len(report.rows), report.summary, report.errors))


_RENDERERS = {"text": iter_text, "md": iter_markdown, "csv": iter_csv, "jsonl": iter_jsonl}


def iter_report(
    rows: Iterable[Row],
    count: int,
    summary: Summary,
    errors: Sequence[ReportError],
    fmt: str,
) -> Iterator[str]:
    """The report in ``fmt``, piece by piece (a row or a few at a time), for streaming.

    ``rows`` are read once, in order; ``count`` is how many there are (the text format
    numbers them). Joined, the pieces are ``render_report``'s text.
    """
    try:
        render = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}"
        ) from None
    return render(rows, count, summary, errors)


def render_report(report: Report, fmt: str) -> str:
    return "".join(iter_report(report.rows, len(report.rows), report.summary, report.errors, fmt))
