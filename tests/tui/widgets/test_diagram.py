"""The review's drawing: both set-ups side by side when wide, one and ``d`` when not, and
colours that stand out on the dark and the light theme."""

from __future__ import annotations

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
