"""Rendering advice: the JSON export contract (profile-format.md), text, Markdown and the
[advice] snapshot.

The base profile of conftest.py is case (a) of test_plan_cases: seat 53, footstool 10.5,
desk 74, screen top 123 (PH 40 + S 2.5 = 42.5, ERH 24, ESH 75, all measured).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.model.profile import Profile
from deskfit.core.model.validation import parse_profile
from deskfit.core.present.render import render, snapshot, to_json, to_markdown, to_text

MakeProfile = Callable[..., Profile]

TOP_KEYS = {
    "schema_version",
    "name",
    "body",
    "targets",
    "settings",
    "rosa",
    "rosa_after",
    "advice",
    "plan",
}
PLAN_STEP_KEYS = {"step", "key", "from_cm", "to_cm", "advice_id"}
# profile-format.md: a step names the profile key it changes; these are the lengths a plan sets
PLAN_KEYS = {
    "keyboard.home_row_above_surface_cm",
    "monitor.second_top_height_cm",
    "monitor.second_distance_cm",
    "desk.standing_screen_top_cm",
    "chair.seat_height_cm",
    "chair.cushion_cm",
    "chair.seat_depth_cm",
    "desk.height_cm",
    "desk.keyboard_tray_height_cm",
    "footstool.height_cm",
    "monitor.top_height_cm",
    "monitor.distance_cm",
}
BODY_KEYS = (
    "popliteal_height_cm",
    "elbow_rest_height_cm",
    "eye_height_sitting_cm",
    "buttock_popliteal_length_cm",
)
TARGET_KEYS = (
    "seat_height_cm",
    "work_surface_height_cm",
    "monitor_top_height_cm",
    "viewing_distance_cm",
    "standing_work_surface_height_cm",
)
SETTING_KEYS = (
    "seat_height_cm",
    "footstool_height_cm",
    "work_surface_height_cm",
    "monitor_top_height_cm",
)
ROSA_KEYS = {"chair", "monitor_phone", "mouse_keyboard", "peripherals", "final", "band"}
ADVICE_KEYS = {"id", "severity", "title", "text", "sources"}
SEVERITIES = ("high", "medium", "low", "info")
ANSI = re.compile(r"\x1b")


def band_of(final: int) -> str:
    """profile-format.md: "low" (1–2), "moderate" (3–4) or "assess further" (5–10)."""
    return "low" if final <= 2 else "moderate" if final <= 4 else "assess further"


def check_contract(out: dict[str, Any], p: Profile) -> None:
    assert set(out) >= TOP_KEYS, TOP_KEYS - set(out)
    assert out["schema_version"] == 1
    assert out["name"] == p.name
    for key in BODY_KEYS:
        dim = out["body"][key]
        assert {"value", "low", "high", "source"} <= set(dim), key
        assert dim["source"] in ("measured", "estimated")
        assert dim["low"] <= dim["value"] <= dim["high"]
        if dim["source"] == "measured":
            assert dim["low"] == dim["high"] == dim["value"]
            assert dim["value"] == pytest.approx(getattr(p.body, key), abs=0.05)
        else:
            assert getattr(p.body, key) is None
    for key in TARGET_KEYS:
        assert key in out["targets"], key
    for key in TARGET_KEYS[:-1]:
        t = out["targets"][key]
        assert {"value", "low", "high"} <= set(t)
        assert t["low"] <= t["value"] <= t["high"]
    stand = out["targets"]["standing_work_surface_height_cm"]
    assert (stand is None) is (not p.desk.stands)
    for key in SETTING_KEYS:
        assert isinstance(out["settings"][key], (int, float)), key
    assert out["settings"]["footstool_height_cm"] >= 0
    for name in ("rosa", "rosa_after"):
        r = out[name]
        assert set(r) >= ROSA_KEYS, name
        for part in ROSA_KEYS - {"band"}:
            assert isinstance(r[part], int) and 1 <= r[part] <= 10
        assert r["band"] == band_of(r["final"]), (name, r)
    ranks = []
    for item in out["advice"]:
        assert set(item) >= ADVICE_KEYS
        assert item["severity"] in SEVERITIES
        assert isinstance(item["sources"], list) and item["sources"]
        assert item["id"] and item["title"] and item["text"]
        ranks.append(SEVERITIES.index(item["severity"]))
    assert ranks == sorted(ranks)
    advice_ids = {item["id"] for item in out["advice"]}
    for n, step in enumerate(out["plan"], start=1):
        assert set(step) >= PLAN_STEP_KEYS, step
        assert step["step"] == n
        assert step["key"] in PLAN_KEYS, step
        assert step["from_cm"] is None or isinstance(step["from_cm"], float)
        assert isinstance(step["to_cm"], float) and step["to_cm"] >= 0
        assert step["advice_id"] in advice_ids, step
    assert len({step["key"] for step in out["plan"]}) == len(out["plan"])


# -- JSON ------------------------------------------------------------------------------------


def test_json_contract_worked_case(profile: MakeProfile) -> None:
    """Case (a): settings seat 53, footstool 10.5, surface 74, screen top 123; targets seat
    42.5 (40 … 45); measured PH 40 → value = low = high = 40."""
    p = profile()
    out = to_json(advise(p))
    check_contract(out, p)
    assert out["settings"]["seat_height_cm"] == 53.0
    assert out["settings"]["footstool_height_cm"] == 10.5
    assert out["settings"]["work_surface_height_cm"] == 74.0
    assert out["settings"]["monitor_top_height_cm"] == 123.0
    assert out["targets"]["seat_height_cm"] == {"value": 42.5, "low": 40.0, "high": 45.0}
    assert out["targets"]["viewing_distance_cm"] == {"value": 60.0, "low": 50.0, "high": 75.0}
    assert out["targets"]["standing_work_surface_height_cm"] is None
    assert out["body"]["popliteal_height_cm"] == {
        "value": 40.0,
        "low": 40.0,
        "high": 40.0,
        "source": "measured",
    }
    assert any(item["id"] == "footstool-height" for item in out["advice"])


def test_json_estimated_body_dimension(profile: MakeProfile) -> None:
    """Male 175, ERH estimated: 0.0733·175 + 11.63 = 12.8275 + 11.63 = 24.4575 → 24.5;
    band ± 1.645·2.82 = ± 4.6389 → 19.8 … 29.1 (0.1 cm)."""
    p = profile(body={"elbow_rest_height_cm": None})
    out = to_json(advise(p))
    check_contract(out, p)
    assert out["body"]["elbow_rest_height_cm"] == {
        "value": 24.5,
        "low": 19.8,
        "high": 29.1,
        "source": "estimated",
    }


def test_json_footstool_zero_when_none_needed(profile: MakeProfile) -> None:
    """Adjustable desk (test_fit case c): seat 42.5, desk 63.5, F = 0."""
    p = profile(desk={"height_adjustable": True, "height_min_cm": 60.0, "height_max_cm": 125.0})
    out = to_json(advise(p))
    check_contract(out, p)
    assert out["settings"]["footstool_height_cm"] == 0
    assert out["settings"]["work_surface_height_cm"] == 63.5


def test_json_sit_stand_has_standing_target(profile: MakeProfile) -> None:
    """Male 180: standing = 0.6898·180 − 10.59 + 2.5 − 3 = 113.074 → target 113.1 (0.1 cm)."""
    p = profile(
        body={"stature_cm": 180.0},
        desk={
            "height_adjustable": True,
            "height_min_cm": 62.0,
            "height_max_cm": 125.0,
            "sit_stand": True,
        },
    )
    out = to_json(advise(p))
    check_contract(out, p)
    stand = out["targets"]["standing_work_surface_height_cm"]
    assert stand["value"] == pytest.approx(113.1)
    assert out["settings"]["standing_work_surface_height_cm"] == 113.0


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.data())
def test_json_contract_everywhere(profile_docs: Any, data: st.DataObject) -> None:
    p = parse_profile(data.draw(profile_docs))
    advice = advise(p)
    out = to_json(advice)
    check_contract(out, p)
    if advice.settings.footstool_height_cm == 0:
        assert out["settings"]["footstool_height_cm"] == 0
    text = render(advice, "json")
    assert json.loads(text) == json.loads(json.dumps(out))


# -- text and Markdown -----------------------------------------------------------------------


def squash(s: str) -> str:
    return " ".join(s.split())


def check_text(advice: Advice) -> None:
    text = to_text(advice)
    assert not ANSI.search(text)
    long = [line for line in text.splitlines() if len(line) > 80]
    assert not long, long
    lines = text.splitlines()
    for heading in ("The plan, in order", "Advice", "Your body"):
        assert heading in lines, heading
    assert any(line.startswith("ROSA score") for line in lines)
    if advice.plan.steps:
        header = next(line for line in lines if line.startswith("#  "))
        assert "What" in header and "From" in header and "To" in header and "Change" in header
        for step in advice.plan.steps:
            row = next(line for line in lines if line.startswith(f"{step.number} "))
            assert step.label in row, (step, row)
    else:
        assert "Nothing to set" in text
    flat = squash(text)
    for line in advice.lines:
        assert squash(line.title) in flat, line.title


def test_text_worked_case(profile: MakeProfile) -> None:
    """Case (a): the plan is seat 45 → 53 cm, a 10.5 cm footstool to get, screen top
    118 → 123 cm, in that order."""
    advice = advise(profile())
    check_text(advice)
    lines = to_text(advice).splitlines()
    seat = next(line for line in lines if line.startswith("1  Seat height"))
    assert "45 cm" in seat and "53 cm" in seat and "raise 8 cm" in seat
    stool = next(line for line in lines if line.startswith("2  Footstool"))
    assert "none" in stool and "10.5 cm" in stool and "get one" in stool
    top = next(line for line in lines if line.startswith("3  Screen top"))
    assert "118 cm" in top and "123 cm" in top


def test_text_fits_80_columns_with_the_longest_name(profile: MakeProfile) -> None:
    """A profile name may be 120 characters (profile.py); the text export promises ≤ 80
    columns, so the title line ("deskfit advice: " + name) and its underline must wrap or
    be cut."""
    check_text(advise(profile(name="Shared hot desk " * 7 + "end")))


def test_text_fits_80_columns_with_a_wide_settings_table(profile: MakeProfile) -> None:
    """A fixed chair too low, a sit-stand desk and a far screen: the plan table's widest
    rows ("Standing desk height", "then lower 18.5 cm") still fit 80 columns."""
    p = profile(
        body={"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 29.5},
        chair={"height_adjustable": False, "seat_height_cm": 37.0},
        desk={
            "height_adjustable": True,
            "height_min_cm": 62.0,
            "height_max_cm": 125.0,
            "sit_stand": True,
        },
        monitor={"top_height_cm": 118.5, "distance_cm": 100.5},
    )
    check_text(advise(p))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.data())
def test_text_and_markdown_everywhere(profile_docs: Any, data: st.DataObject) -> None:
    advice = advise(parse_profile(data.draw(profile_docs)))
    check_text(advice)
    check_markdown_matches_text(advice)


def check_markdown_matches_text(advice: Advice) -> None:
    md = to_markdown(advice)
    text = to_text(advice)
    assert not ANSI.search(md)
    md_titles = re.findall(r"^\d+\. \*\*(.+)\*\* \((?:high|medium|low|info)\)$", md, re.M)
    assert md_titles == [line.title for line in advice.lines]
    flat = squash(text)
    for title in md_titles:
        assert squash(title) in flat, title
    text_items = re.findall(r"^ ?\d+\. \[(?:high|medium|low|info)\] ", text, re.M)
    assert len(text_items) == len(md_titles)


def test_markdown_same_advice_titles_as_text(profile: MakeProfile) -> None:
    check_markdown_matches_text(advise(profile(habits={"crosses_legs": "often"})))


def test_render_formats(profile: MakeProfile) -> None:
    advice = advise(profile())
    assert render(advice, "text") == to_text(advice)
    assert render(advice, "md") == to_markdown(advice)
    assert json.loads(render(advice, "json"))["name"] == "Test desk"
    assert render(advice, "html").startswith("<!DOCTYPE html>")  # see test_html.py
    with pytest.raises(ValueError):
        render(advice, "pdf")


# -- the [advice] snapshot -------------------------------------------------------------------


def find_none(value: Any, path: str = "") -> list[str]:
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in find_none(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in find_none(v, f"{path}[{i}]")]
    return []


def check_snapshot(advice: Advice) -> None:
    snap = snapshot(advice, now=datetime(2026, 11, 23, 19, 5, tzinfo=UTC))
    assert find_none(snap) == []
    text = tomli_w.dumps(snap)
    back = tomllib.loads(text)
    assert back["rosa"]["final"] == advice.rosa.final
    assert [item["id"] for item in back.get("items", [])] == [x.id for x in advice.lines]


def test_snapshot_toml_worked_cases(profile: MakeProfile) -> None:
    check_snapshot(advise(profile()))  # not sit-stand: standing target is None
    check_snapshot(advise(profile(body={"elbow_rest_height_cm": None})))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.data())
def test_snapshot_toml_everywhere(profile_docs: Any, data: st.DataObject) -> None:
    check_snapshot(advise(parse_profile(data.draw(profile_docs))))
