"""The side view as SVG: one self-contained, well-formed drawing of both set-ups, to scale.

The base profile of conftest.py (worked in test_scene.py): the plan raises the seat 45 →
53, adds a 10.5 cm footstool and raises the screen top 118 → 123; the desk stays at 74.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from deskfit.core.engine.advice import advise
from deskfit.core.model.profile import Profile
from deskfit.core.present.scene_svg import workstation_svg

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
