"""A report (core/report.py) as text, Markdown, CSV or JSON lines.

- text: one block per profile, then the summary; wrapped at 80 columns.
- md: a table of the profiles, tables for the summary, a list of the invalid files.
- csv: one header row, then one row per file: profiles first (in the report's order),
  then invalid files, each with only ``file`` and ``error`` filled. No summary (a
  spreadsheet wants one table). UTF-8 without a byte order mark, RFC 4180 quoting
  (``csv`` module, CRLF line ends); a text cell starting with = + - @ (which a spreadsheet
  would run as a formula) is prefixed with ``'``.
- jsonl: one JSON object per line per profile, then one ``{"file", "error"}`` line per
  invalid file, then a final ``{"summary": ...}`` line.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence

from deskfit.core.report import Report, ReportError, Row

REPORT_FORMATS: tuple[str, ...] = ("text", "md", "csv", "jsonl")
WIDTH = 80
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
    "error",
)


def cm(x: float) -> str:
    return f"{x:g}"


def _settings_words(row: Row) -> str:
    stool = f"footstool {cm(row.footstool_cm)} cm" if row.footstool_cm else "no footstool"
    return (
        f"seat {cm(row.seat_cm)} cm · {row.surface} {cm(row.surface_cm)} cm · {stool} · "
        f"monitor top {cm(row.monitor_top_cm)} cm"
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


def _counts_line(report: Report) -> str:
    s = report.summary
    files = s.profiles + s.invalid
    return (
        f"{files} file{'' if files == 1 else 's'}: {s.profiles} profiles read, {s.invalid} invalid"
    )


def to_text(report: Report) -> str:
    out = ["deskfit report", "=" * 14, _counts_line(report), ""]
    width = len(str(len(report.rows)))
    for n, row in enumerate(report.rows, start=1):
        lead = f"{n:>{width}}. "
        pad = " " * len(lead)
        out += wrap(f"{row.name} ({row.file})", pad, lead)
        out += wrap(f"ROSA {row.rosa} → {row.rosa_after} after ({row.band} now)", pad)
        out += wrap(_settings_words(row), pad)
        for k, title in enumerate(row.top_advice, start=1):
            out += wrap(title, pad + "   ", f"{pad}{k}. ")
        out.append("")
    s = report.summary
    out += ["Summary", "-" * 7, "ROSA band         now  after"]
    for band in s.bands:
        out.append(f"  {band:<14} {s.bands[band]:>5}  {s.bands_after[band]:>5}")
    out += ["", "Most common problems (profiles)"]
    if not s.problems:
        out.append("  none")
    for advice_id, title, count in s.problems:
        out += wrap(f"{title} ({advice_id})", " " * 10, f"  {count:>6}  ")
    out += ["", "Shopping list"]
    for item in s.shopping:
        out += wrap(f"{item.what}", " " * 10, f"  {item.count:>6}  ")
        if item.sizes:
            wrapped = wrap(_sizes(item.sizes, _NBSP), " " * 12)
            out += [line.replace(_NBSP, " ") for line in wrapped]
    if report.errors:
        out += ["", f"Invalid files ({len(report.errors)})"]
        for err in report.errors:
            out += wrap(err.message, "    ", "  ")
    return "\n".join(out) + "\n"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_esc(str(c)) for c in row) + " |" for row in rows]
    return out


def to_markdown(report: Report) -> str:
    s = report.summary
    out = ["# deskfit report", "", _counts_line(report), "", "## Profiles", ""]
    out += md_table(
        ("name", "file", "ROSA", "after", "band", "top advice", "seat", "surface", "footstool", "monitor top"),
        [
            (
                r.name,
                r.file,
                r.rosa,
                r.rosa_after,
                r.band,
                "; ".join(r.top_advice),
                f"{cm(r.seat_cm)} cm",
                f"{r.surface} {cm(r.surface_cm)} cm",
                f"{cm(r.footstool_cm)} cm" if r.footstool_cm else "none",
                f"{cm(r.monitor_top_cm)} cm",
            )
            for r in report.rows
        ],
    )  # fmt: skip
    out += ["", "## Summary", "", "### ROSA bands", ""]
    out += md_table(("band", "now", "after"), [(b, s.bands[b], s.bands_after[b]) for b in s.bands])
    out += ["", "### Most common problems", ""]
    out += md_table(("profiles", "problem", "id"), [(n, t, i) for i, t, n in s.problems])
    out += ["", "### Shopping list", ""]
    out += md_table(
        ("count", "item", "sizes"), [(it.count, it.what, _sizes(it.sizes)) for it in s.shopping]
    )
    if report.errors:
        out += ["", "## Invalid files", ""]
        out += [f"- {_esc(e.message)}" for e in report.errors]
    return "\n".join(out) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(row: Row | ReportError) -> list[str]:
    if isinstance(row, ReportError):
        return [""] + [_cell(row.file)] + [""] * (len(CSV_HEADER) - 3) + [_cell(row.message)]
    titles = [*row.top_advice, "", "", ""][:3]
    return [
        _cell(row.name),
        _cell(row.file),
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
        "",
    ]


def to_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # excel dialect: RFC 4180 quoting, CRLF
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_row(r) for r in report.rows)
    writer.writerows(csv_row(e) for e in report.errors)
    return buffer.getvalue()


def row_dict(row: Row) -> dict[str, object]:
    return {
        "name": row.name,
        "file": row.file,
        "rosa": row.rosa,
        "rosa_after": row.rosa_after,
        "band": row.band,
        "band_after": row.band_after,
        "advice": list(row.top_advice),
        "settings": {
            "seat_height_cm": row.seat_cm,
            "work_surface": row.surface,
            "work_surface_height_cm": row.surface_cm,
            "footstool_height_cm": row.footstool_cm,
            "monitor_top_height_cm": row.monitor_top_cm,
        },
    }


def to_jsonl(report: Report) -> str:
    def dump(obj: object) -> str:
        return json.dumps(obj, ensure_ascii=False)

    lines = [dump(row_dict(r)) for r in report.rows]
    lines += [dump({"file": e.file, "error": e.message}) for e in report.errors]
    lines.append(dump({"summary": report.summary.as_dict()}))
    return "\n".join(lines) + "\n"


def render_report(report: Report, fmt: str) -> str:
    if fmt == "text":
        return to_text(report)
    if fmt == "md":
        return to_markdown(report)
    if fmt == "csv":
        return to_csv(report)
    if fmt == "jsonl":
        return to_jsonl(report)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")
