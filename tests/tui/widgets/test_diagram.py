"""The review's drawing: every set-up side by side when wide (now, after the plan, and
standing at a sit-stand desk), as many as fit and ``d`` when not, and colours that stand
out on the dark and the light theme."""

from __future__ import annotations

import itertools
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from tui_helpers import write_profile

from deskfit.tui.app import make_app
from deskfit.tui.widgets.diagram import (
    DARK,
    LIGHT,
    PostureDiagram,
    ScenePanel,
    wrap_items,
)

REPO = Path(__file__).resolve().parents[3]
NOW, AFTER, STANDING = "Now", "After the plan", "Standing (after the plan)"


def write_example(folder: Path, name: str) -> Path:
    path = folder / f"{name}.toml"
    shutil.copy(REPO / "profiles" / f"{name}.toml", path)
    return path


def shown(app: Any) -> list[str]:
    return [str(p.border_title) for p in app.screen.query(ScenePanel) if p.display]


async def test_wide_shows_both_side_by_side(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "open", write_profile(profiles_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert shown(app) == ["Now", "After the plan"]
        now, after = app.screen.query(ScenePanel)
        assert now.region.y == after.region.y and now.region.right <= after.region.x
        await pilot.press("d")
        await pilot.pause()
        assert shown(app) == ["Now", "After the plan"]


async def test_narrow_shows_one_and_d_switches(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "open", write_profile(profiles_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app) == ["After the plan"]
        (panel,) = [p for p in app.screen.query(ScenePanel) if p.display]
        assert panel.border_subtitle == "d: show now"
        await pilot.press("d")
        await pilot.pause()
        assert shown(app) == ["Now"]
        await pilot.press("d")
        await pilot.pause()
        assert shown(app) == ["After the plan"]


@pytest.mark.parametrize(("theme", "palette"), [("textual-dark", DARK), ("textual-light", LIGHT)])
async def test_kinds_take_the_themes_colours(
    profiles_dir: Path, theme: str, palette: dict[str, str]
) -> None:
    app = make_app(profiles_dir, "open", write_profile(profiles_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.pause()
        panel = app.screen.query_one("#scene-after", ScenePanel)
        colours = {
            seg.style.color.triplet.hex
            for strip in panel.strips()
            for seg in strip
            if seg.style and seg.style.color and seg.style.color.triplet
        }
        for kind in ("person", "chair", "desk", "monitor", "footstool"):
            assert palette[kind].lower() in colours, kind
        background = Color.parse(app.theme_variables["background"])
        for kind, colour in palette.items():  # WCAG's 3:1 for graphics against the page
            assert contrast(Color.parse(colour), background) >= 3, kind
        legend = str(app.screen.query_one(PostureDiagram).query_one("#legend").render())
        for word in ("you", "chair", "desk", "screen", "footstool", "changed"):
            assert word in legend


def contrast(a: Color, b: Color) -> float:
    def luminance(c: Color) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

    hi, lo = sorted([luminance(a), luminance(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_legend_wraps_between_items_only() -> None:
    items = [("[red]██[/] you", 6), ("[blue]██[/] chair", 8), ("[b]▲▼+[/] changed", 11)]
    assert wrap_items(items, 100) == "[red]██[/] you  [blue]██[/] chair  [b]▲▼+[/] changed"
    assert wrap_items(items, 16) == "[red]██[/] you  [blue]██[/] chair\n[b]▲▼+[/] changed"
    assert wrap_items(items, 3) == "[red]██[/] you\n[blue]██[/] chair\n[b]▲▼+[/] changed"


def subtitles(app: Any) -> dict[str, str]:
    return {str(p.border_title): str(p.border_subtitle) for p in app.screen.query(ScenePanel)}


async def press_d(pilot: Any) -> None:
    await pilot.press("d")
    await pilot.pause()


async def test_a_sit_stand_desk_draws_three_side_by_side_when_wide(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "open", write_example(profiles_dir, "sit-stand-arm"))
    async with app.run_test(size=(180, 50)) as pilot:
        await pilot.pause()
        assert shown(app) == [NOW, AFTER, STANDING]
        panels = list(app.screen.query(ScenePanel))
        assert len({p.region.y for p in panels}) == 1
        assert all(a.region.right <= b.region.x for a, b in itertools.pairwise(panels))
        assert not any(subtitles(app).values())
        # one scale for the three: the standing figure's
        assert len({p.frame for p in panels}) == 1
        await press_d(pilot)
        assert shown(app) == [NOW, AFTER, STANDING]


async def test_two_of_three_and_d_brings_in_standing(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "open", write_example(profiles_dir, "sit-stand-arm"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert shown(app) == [NOW, AFTER]
        assert subtitles(app) == {NOW: "", AFTER: "d: show standing", STANDING: ""}
        now, after, standing = app.screen.query(ScenePanel)
        # sitting only: the sitting scale, larger than the one that fits a standing person
        assert now.frame == after.frame and now.frame.top < standing.scene.frame.top
        await press_d(pilot)
        assert shown(app) == [AFTER, STANDING]
        assert subtitles(app) == {NOW: "", AFTER: "", STANDING: "d: show now"}
        assert after.frame == standing.frame  # side by side: one scale
        assert after.region.right <= standing.region.x
        await press_d(pilot)
        assert shown(app) == [NOW, AFTER]


async def test_one_of_three_and_d_cycles(profiles_dir: Path) -> None:
    app = make_app(profiles_dir, "open", write_example(profiles_dir, "sit-stand-arm"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(4):
            (title,) = shown(app)
            seen.append((title, subtitles(app)[title]))
            await press_d(pilot)
        assert seen == [
            (AFTER, "d: show standing"),
            (STANDING, "d: show now"),
            (NOW, "d: show after the plan"),
            (AFTER, "d: show standing"),
        ]


async def test_the_new_kinds_take_the_themes_colours(profiles_dir: Path) -> None:
    doc = tomllib.loads((REPO / "profiles" / "sit-stand-arm.toml").read_text(encoding="utf-8"))
    doc["monitor"] |= {"second_screen": "external", "second_top_height_cm": 110.0}
    path = write_profile(profiles_dir, doc)
    app = make_app(profiles_dir, "open", path)
    async with app.run_test(size=(180, 50)) as pilot:
        for theme, palette in (("textual-dark", DARK), ("textual-light", LIGHT)):
            app.theme = theme
            await pilot.pause()
            colours = {
                seg.style.color.triplet.hex
                for panel in app.screen.query(ScenePanel)
                for strip in panel.strips()
                for seg in strip
                if seg.style and seg.style.color and seg.style.color.triplet
            }
            for kind in ("second", "mat", "monitor", "person"):
                assert palette[kind].lower() in colours, (theme, kind)
            legend = str(app.screen.query_one(PostureDiagram).query_one("#legend").render())
            assert "2nd screen" in legend and "mat" in legend
