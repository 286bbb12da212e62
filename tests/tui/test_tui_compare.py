"""From the review, compare with another saved profile: the picker, then the differences."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Static

from deskfit.tui.app import make_app
from deskfit.tui.compare_screen import CompareScreen, ProfilePicker
from deskfit.tui.steps.review import ReviewScreen
from deskfit.tui.widgets.profile_list import ProfileList

EXAMPLES = Path(__file__).parents[2] / "profiles"


def text_of(screen: Any, selector: str) -> str:
    """What a Static shows, as plain text (a rich Table drawn 120 columns wide)."""
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(screen.query_one(selector, Static).content)
    return " ".join(console.export_text().split())


async def test_compare_with_another_saved_profile(profiles_dir: Path) -> None:
    for name in ("crossed-legs-fixed-desk", "sit-stand-progressive", "short-fixed-chair"):
        shutil.copy(EXAMPLES / f"{name}.toml", profiles_dir)
    (profiles_dir / "broken.toml").write_text('name = "Broken"\n[chair\n')
    sam = profiles_dir / "crossed-legs-fixed-desk.toml"
    app = make_app(profiles_dir, "open", sam)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ProfilePicker)
        for _ in range(300):  # the folder is read in a thread
            if picker.entries:
                break
            await pilot.pause(0.01)
        # the other two saved profiles: not the one reviewed, not the broken file
        names = sorted(e.name for e in picker.entries)
        assert names == ["Mia, shared desk", "Ruth, sit-stand desk"]
        listing = picker.query_one("#picker", ProfileList)
        row = next(i for i, e in enumerate(picker.entries) if e.name.startswith("Ruth"))
        listing.highlighted = listing.shown.index(row)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        c = screen.comparison
        assert (c.name_a, c.name_b) == ("Sam at the office", "Ruth, sit-stand desk")
        rosa = text_of(screen, "#compare-rosa")
        assert "A Sam at the office 4 moderate 3 moderate" in rosa
        assert "B Ruth, sit-stand desk 3 moderate 3 moderate" in rosa
        answers = text_of(screen, "#compare-answers")
        assert f"Answers changed ({len(c.answers)}, in A's units)" in text_of(
            screen, ".section-title"
        )
        assert "Your height 178 cm → 165 cm" in answers
        settings = text_of(screen, "#compare-settings")
        assert all(s.title in settings for s in c.settings)
        resolved = text_of(screen, "#compare-resolved")
        assert c.resolved and all(line.title in resolved for line in c.resolved)
        # Sam reports lower back trouble, Ruth nothing
        symptoms = text_of(screen, "#compare-symptoms")
        assert symptoms == "A Lower back (last 7 days too). B No trouble reported."
        assert text_of(screen, "#compare-actions") == "The same actions."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
