"""From the start screen, a folder's team report: bands, problems, shopping list, errors."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Input, Static

from deskfit.tui.app import make_app
from deskfit.tui.report_screen import BandChart, FolderScreen, ReportScreen
from deskfit.tui.start import StartScreen

EXAMPLES = Path(__file__).parents[2] / "profiles"


def text_of(screen: Any, selector: str) -> str:
    """What a Static shows, as plain text, spaces squashed."""
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(screen.query_one(selector, Static).content)
    return " ".join(console.export_text().split())


async def test_team_report_of_a_folder(profiles_dir: Path, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    # Sam 4 → 3, Ruth 3 → 3 (moderate); Mia 9 → 8 (assess further)
    for name in ("crossed-legs-fixed-desk", "sit-stand-progressive", "short-fixed-chair"):
        shutil.copy(EXAMPLES / f"{name}.toml", team)
    (team / "broken.toml").write_text('name = "Broken"\n[chair\n')
    app = make_app(profiles_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, FolderScreen)
        box = app.screen.query_one("#report-path", Input)
        assert box.value == str(profiles_dir)  # the profiles folder to start with
        box.value = str(tmp_path / "nowhere")
        await pilot.press("enter")
        await pilot.pause()
        assert "does not exist" in text_of(app.screen, "#report-message")
        box.value = str(team)
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the report is built in a thread
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        assert "3 profiles, 1 unreadable" in text_of(screen, "#report-title")

        chart = screen.query_one(BandChart)
        lines = chart.chart(chart.content_size.width).plain.splitlines()
        assert [line for line in lines if line.strip()] == [
            "low             now     0",
            "                after   0",
            *[line for line in lines if "█" in line],
        ]
        bars = [line for line in lines if "█" in line]
        assert [b.split()[-1] for b in bars] == ["2", "2", "1", "1"]  # moderate, then assess
        assert bars[0].startswith("moderate        now    █")
        assert bars[2].startswith("assess further  now    █")
        assert len(bars[0]) == chart.content_size.width  # the longest bar fills the width
        assert bars[0].count("█") > 2 * bars[2].count("█") - 2  # scaled: 2 against 1

        problems = text_of(screen, "#report-problems")
        assert "Too long without a break 3" in problems
        assert "Screen at the wrong height 3" in problems
        shopping = text_of(screen, "#report-shopping")
        # Sam: a 5 cm footstool and his screen up 9.5 cm; Mia: a keyboard tray (her fixed
        # chair cannot bring her up to the desk) and a 7 cm footstool; Ruth buys nothing
        assert "2 footstools (5–6 cm: 1, 7–8 cm: 1)" in shopping
        assert "1 keyboard trays" in shopping and "0 seat cushions" in shopping
        assert "1 monitor risers (9–10 cm: 1)" in shopping
        errors = text_of(screen, "#report-errors")
        assert errors.startswith("broken.toml: line 2: column 7: not valid TOML")
        assert "Sam at the office 4 → 3" in text_of(screen, "#report-rows")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
