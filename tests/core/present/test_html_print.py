"""The HTML record printed by a real browser: every example profile on at most two pages of
A4 and of Letter, with the drawing (its three panels at a sit-stand desk) and the plan on
the first, nothing cut off; and it paints on screen.

Headless Chromium prints the record to PDF (``--print-to-pdf``) and takes a screenshot;
poppler's pdfinfo and pdftotext read the PDF back. These are required, not optional: a
missing browser fails the test (``.ci/run`` installs chromium and poppler-utils). The
browsers run four at a time, so the whole file takes about fifteen seconds.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.files.store import load_profile
from deskfit.core.present.html import PLAN_HEADING, Paper, to_html
from deskfit.core.present.render import plan_rows

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((REPO / "profiles").glob("*.toml"))
PROFILE = REPO / "profiles" / "crossed-legs-fixed-desk.toml"  # the one shown on screen
BROWSERS_AT_ONCE = 4
WINDOW = (1000, 1400)
PAPER_POINTS = {"A4": "594.96 x 841.92 pts (A4)", "Letter": "612 x 792 pts (letter)"}


def tool(name: str, package: str) -> str:
    found = shutil.which(name) or (
        f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None
    )
    assert found, (
        f"{name} is needed to print the HTML record (Debian: apt-get install {package}; "
        ".ci/run installs it)"
    )
    return found


def chromium_command(user_data: Path, *args: str) -> list[str]:
    return [
        tool("chromium", "chromium"),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={user_data}",
        *args,
    ]


@dataclass(frozen=True)
class Printed:
    advice: Advice
    paper: Paper
    pdf: Path

    def pages(self) -> int:
        info = subprocess.run(
            [tool("pdfinfo", "poppler-utils"), str(self.pdf)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        size = re.search(r"^Page size:\s+(.+)$", info, re.M)
        assert size is not None and size.group(1).strip() == PAPER_POINTS[self.paper], info
        pages = re.search(r"^Pages:\s+(\d+)$", info, re.M)
        assert pages is not None, info
        # the PDF's own page objects say the same
        assert len(re.findall(rb"/Type\s*/Page(?!s)", self.pdf.read_bytes())) == int(pages[1])
        return int(pages[1])

    def text(self, first: int = 1, last: int = 99) -> str:
        pages = ("-f", str(first), "-l", str(last))
        out = subprocess.run(
            # -raw: in the order the browser drew it, a title before its severity tag
            [tool("pdftotext", "poppler-utils"), "-raw", *pages, str(self.pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return " ".join(out.split())


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Printed | Path]]:
    """Every example printed on A4 and on Letter (the shorter paper), and a screenshot:
    a few browsers at a time."""
    folder = tmp_path_factory.mktemp("printed")
    jobs: dict[str, Printed | Path] = {}
    commands: list[list[str]] = []
    for path in EXAMPLES:
        advice = advise(load_profile(path).profile)
        for paper in PAPER_POINTS:
            key = f"{path.stem}-{paper.lower()}"
            page = folder / f"{key}.html"
            page.write_text(to_html(advice, paper=paper), encoding="utf-8")  # type: ignore[arg-type]
            pdf = folder / f"{key}.pdf"
            jobs[key] = Printed(advice, paper, pdf)  # type: ignore[arg-type]
            args = ("--print-to-pdf=" + str(pdf), "--no-pdf-header-footer", page.as_uri())
            commands.append(chromium_command(folder / f"{key}-profile", *args))
    png = folder / "screen.png"
    jobs["png"] = png
    shot = (f"--screenshot={png}", f"--window-size={WINDOW[0]},{WINDOW[1]}")
    page = (folder / f"{PROFILE.stem}-a4.html").as_uri()
    commands.append(chromium_command(folder / "png-profile", *shot, page))
    running: list[subprocess.Popen[bytes]] = []
    try:
        for command in commands:
            if len(running) >= BROWSERS_AT_ONCE:
                done = running.pop(0)
                assert done.wait(timeout=90) == 0, done.args
            running.append(subprocess.Popen(command))
        for process in running:
            assert process.wait(timeout=90) == 0, process.args
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
    yield jobs


PRINTS = [f"{path.stem}-{paper.lower()}" for path in EXAMPLES for paper in PAPER_POINTS]


@pytest.mark.parametrize("key", PRINTS)
def test_it_prints_on_one_or_two_pages(printed: dict[str, Printed | Path], key: str) -> None:
    job = printed[key]
    assert isinstance(job, Printed)
    assert job.pages() in (1, 2)
    whole = job.text()
    for line in job.advice.lines:  # nothing cut off: every line's title is printed
        assert " ".join(line.title.split()) in whole, line.title
    assert "SIGNATURES" in whole and "Review date" in whole


@pytest.mark.parametrize("key", PRINTS)
def test_the_drawing_and_the_plan_are_on_page_one(
    printed: dict[str, Printed | Path], key: str
) -> None:
    job = printed[key]
    assert isinstance(job, Printed)
    first = job.text(1, 1)
    assert PLAN_HEADING.upper() in first  # the heading, set in capitals
    assert "Now" in first and "After the plan" in first  # the drawing's panels
    assert ("Standing (after the plan)" in first) == job.advice.profile.desk.sit_stand
    rows = [r for r in plan_rows(job.advice, job.advice.profile.units) if r[0]]
    assert rows
    for _, what, start, end, _ in rows:
        assert what in first and f"{start} → {end}" in first


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the filtered scanlines of a PNG (enough to see it is no blank)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, size = 8, [], (0, 0)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    return size[0], size[1], zlib.decompress(b"".join(chunks))


def test_it_paints_on_screen(printed: dict[str, Printed | Path]) -> None:
    png = printed["png"]
    assert isinstance(png, Path)
    width, height, pixels = png_pixels(png)
    assert (width, height) == WINDOW
    assert len(set(pixels)) > 64  # text, the drawing and the page's shadow, not one colour
