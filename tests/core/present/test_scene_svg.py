"""The side view as SVG: one self-contained, well-formed drawing of both set-ups, to scale.

The base profile of conftest.py (worked in test_scene.py): the plan raises the seat 45 →
53, adds a 10.5 cm footstool and raises the screen top 118 → 123; the desk stays at 74.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.files.store import load_profile
from deskfit.core.model.profile import Profile
from deskfit.core.present.scene_svg import THREE_PANELS, workstation_svg

MakeProfile = Callable[..., Profile]
NS = "{http://www.w3.org/2000/svg}"


def panels(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("aria-label", ""): g for g in root.iter(f"{NS}g")}


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{NS}text")]


def test_one_svg_with_both_panels(profile: MakeProfile) -> None:
    svg = workstation_svg(advise(profile()))
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    assert root.get("width") == "100%" and root.get("viewBox", "").startswith("0 0 ")
    shown = panels(svg)
    assert set(shown) == {"Now", "After the plan"}
    assert texts(shown["Now"])[0] == "Now"
    assert texts(shown["After the plan"])[0] == "After the plan"


def test_changed_heights_stand_out_after_the_plan(profile: MakeProfile) -> None:
    shown = panels(workstation_svg(advise(profile())))
    now, after = texts(shown["Now"]), texts(shown["After the plan"])
    for name, value in [("seat", "45 cm"), ("screen top", "118 cm"), ("desk", "74 cm")]:
        assert name in now and value in now
    assert not any(t.startswith("was") for t in now) and "footstool" not in now
    for value, was in [("53 cm", "was 45 cm"), ("123 cm", "was 118 cm"), ("128 cm", "was 120 cm")]:
        assert value in after and was in after
    assert "10.5 cm" in after and "new" in after
    assert "was 74 cm" not in after  # the desk does not move
    bold = [
        t.text
        for t in shown["After the plan"].iter(f"{NS}text")
        if t.get("font-weight") == "bold" and t.get("fill") != "#1f1f1f"
    ]
    assert set(bold) == {"53 cm", "123 cm", "128 cm", "10.5 cm"}


def test_drawn_to_scale(profile: MakeProfile) -> None:
    # in each panel the screen's top edge is as far above the floor as the plan says
    for title, screen_top in [("Now", 118), ("After the plan", 123)]:
        panel = panels(workstation_svg(advise(profile())))[title]
        rects = list(panel.iter(f"{NS}rect"))
        floor = next(r for r in rects if r.get("fill") == "#9a9a9a")
        screen = next(r for r in rects if r.get("fill") == "#0a0a0a")
        assert float(floor.get("y", "")) - float(screen.get("y", "")) == pytest.approx(
            screen_top, abs=0.02
        )


def test_units_are_the_persons(profile: MakeProfile) -> None:
    svg = workstation_svg(advise(profile(units="imperial")))
    words = " ".join(texts(ET.fromstring(svg)))
    assert "20¾ in" in words and "was 17¾ in" in words
    assert not re.search(r"\d cm", words)


def test_names_are_escaped_and_nothing_is_fetched(profile: MakeProfile) -> None:
    svg = workstation_svg(advise(profile(name='<b>&"x')))
    root = ET.fromstring(svg)
    assert root.find(f"{NS}title") is not None
    assert '<b>&"x' in (root.find(f"{NS}title").text or "")  # type: ignore[union-attr]
    assert "<b>" not in svg
    for forbidden in ("<script", "<image", "<style", "href", "url(", "@import", "<foreignObject"):
        assert forbidden not in svg
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]


REPO = Path(__file__).resolve().parents[3]


def example(name: str) -> Advice:
    return advise(load_profile(REPO / "profiles" / f"{name}.toml").profile)


def panel_box(panel: ET.Element) -> tuple[float, float, float, float]:
    box = next(r for r in panel.iter(f"{NS}rect") if r.get("stroke") == "#d0d0d0")
    return tuple(float(box.get(k, "")) for k in ("x", "y", "width", "height"))  # type: ignore[return-value]


def test_a_sit_stand_desk_has_three_panels_side_by_side_at_one_scale() -> None:
    svg = workstation_svg(example("sit-stand-arm"))
    shown = panels(svg)
    assert list(shown) == ["Now", "After the plan", "Standing (after the plan)"]
    boxes = [panel_box(p) for p in shown.values()]
    assert len({(b[1], b[3]) for b in boxes}) == 1  # one row, one height
    for left, right in itertools.pairwise(boxes):
        assert left[0] + left[2] < right[0]  # side by side, apart
    # one scale and one floor line: each screen's top as far above the floor as the plan
    # says, times the three panels' scale
    floors = []
    for title, screen_top in [
        ("Now", 116),
        ("After the plan", 114.5),
        ("Standing (after the plan)", 158.5),
    ]:
        rects = list(shown[title].iter(f"{NS}rect"))
        floor = float(next(r for r in rects if r.get("fill") == "#9a9a9a").get("y", ""))
        screen = float(next(r for r in rects if r.get("fill") == "#0a0a0a").get("y", ""))
        assert floor - screen == pytest.approx(screen_top * THREE_PANELS, abs=0.02)
        floors.append(floor)
    assert floors[0] == floors[1] == floors[2]
    standing = texts(shown["Standing (after the plan)"])
    for words in ("eyes", "163.5 cm", "mat", "1.5 cm", "screen top", "158.5 cm", "was 152 cm"):
        assert words in standing
    assert "desk" in standing and "107.5 cm" in standing and "seat" not in standing
    legend = texts(ET.fromstring(svg))
    assert "mat" in legend and "you" in legend
    title = ET.fromstring(svg).find(f"{NS}title")
    assert title is not None and "standing (after the plan)" in (title.text or "")


def test_a_second_screen_and_a_laptop_are_labelled_and_in_the_legend() -> None:
    shown = panels(workstation_svg(example("two-screens-equal")))
    assert list(shown) == ["Now", "After the plan"]
    now, after = texts(shown["Now"]), texts(shown["After the plan"])
    assert "2nd screen" in now and "131 cm" in now
    assert "2nd screen" in after and "was 131 cm" in after and "125.5 cm" in after
    second = [r for r in shown["Now"].iter(f"{NS}rect") if r.get("fill") == "#8f8f8f"]
    assert len(second) == 1  # the second screen's picture, in its lighter tone
    legend = texts(ET.fromstring(workstation_svg(example("two-screens-equal"))))
    assert legend.count("2nd screen") == 3  # a label in each panel, and the legend
    laptop = panels(workstation_svg(example("laptop-at-home")))
    # the laptop's lid is a stroke, its base a thin box: no monitor's picture rectangle
    assert not [r for r in laptop["Now"].iter(f"{NS}rect") if r.get("fill") == "#0a0a0a"]
    lids = [p for p in laptop["Now"].iter(f"{NS}polyline") if p.get("stroke") == "#0a0a0a"]
    assert len(lids) == 1
