"""Comparing two profiles: answers, settings, ROSA, advice resolved and new; each format.

A is the example profile of the man who crosses his legs at a fixed desk; B is a copy
edited as a person would edit it: seat raised 46 → 50 cm, a footstool bought (8 cm),
the screen raised 118 → 125 cm, and imperial units.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from deskfit.core.engine.advice import advise
from deskfit.core.files.store import load_profile
from deskfit.core.model.profile import Profile
from deskfit.core.model.questions import question
from deskfit.core.model.units import format_length
from deskfit.core.model.validation import parse_profile
from deskfit.core.ops.compare import (
    Changed,
    Comparison,
    compare,
    comparison_json,
    comparison_markdown,
    comparison_text,
    render_comparison,
)
from deskfit.core.present.render import SETTING_ROWS

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "profiles" / "crossed-legs-fixed-desk.toml"

EDITS = (
    ("seat_height_cm = 46.0\n", "seat_height_cm = 50.0\n"),
    ("[footstool]\nowned = false\n", "[footstool]\nowned = true\nheight_cm = 8.0\n"),
    ("top_height_cm = 118.0\n", "top_height_cm = 125.0\n"),
    ('units = "metric"\n', 'units = "imperial"\n'),
)
# The answers those edits change; footstool.in_use follows owned (profile-format.md).
EDITED_ANSWERS = {
    "units": ("Metric (cm)", "Imperial (in)"),
    "chair.seat_height_cm": ("46 cm", "50 cm"),
    "footstool.owned": ("no", "yes"),
    "footstool.height_cm": ("not given", "8 cm"),
    "footstool.in_use": ("no", "yes"),
    "monitor.top_height_cm": ("118 cm", "125 cm"),
}


@pytest.fixture
def a() -> Profile:
    return load_profile(EXAMPLE).profile


@pytest.fixture
def b(tmp_path: Path) -> Profile:
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "edited.toml"
    path.write_text(text, encoding="utf-8")
    return load_profile(path).profile


def with_answers(profile: Profile, **sections: dict[str, object]) -> Profile:
    data = profile.model_dump()
    for section, values in sections.items():
        data[section].update(values)
    return Profile.model_validate(data)


# -- answers ---------------------------------------------------------------------------


def test_every_changed_answer_is_named_with_its_title_in_a_units(a: Profile, b: Profile) -> None:
    c = compare(a, b)
    assert {x.key: (x.before, x.after) for x in c.answers} == EDITED_ANSWERS
    for item in c.answers:
        section, _, field = item.key.rpartition(".")
        assert item.title == question(section or "profile", field).title
    assert [x.section for x in c.answers] == [
        "Profile",
        "Chair",
        "Footstool",
        "Footstool",
        "Footstool",
        "Monitor",
    ]


def test_answers_are_shown_in_a_units(a: Profile, b: Profile) -> None:
    back = {x.key: (x.before, x.after) for x in compare(b, a).answers}
    assert back["chair.seat_height_cm"] == (format_length(50, "imperial"), "18 in")
    assert back["units"] == ("Imperial (in)", "Metric (cm)")


def test_a_name_difference_counts(a: Profile) -> None:
    renamed = a.model_copy(update={"name": "Sam at home"})
    c = compare(a, renamed)
    assert [(x.key, x.before, x.after) for x in c.answers] == [
        ("name", "Sam at the office", "Sam at home")
    ]
    assert not c.identical
    assert (c.name_a, c.name_b) == ("Sam at the office", "Sam at home")


def test_created_updated_and_extra_are_ignored(a: Profile) -> None:
    stamped = a.model_copy(
        update={
            "created": datetime(2020, 1, 1, tzinfo=UTC),
            "updated": datetime(2026, 11, 23, 21, 0, tzinfo=UTC),
            "extra": {"note": "new chair ordered"},
        }
    )
    c = compare(a, stamped)
    assert c.identical
    assert c.answers == [] and c.settings == []


def test_a_difference_hidden_by_rounding_is_shown_exactly(a: Profile) -> None:
    nudged = with_answers(a, chair={"seat_height_cm": 46.1})
    [item] = compare(a, nudged).answers
    assert (item.before, item.after) == ("46 cm", "46.1 cm")


# -- settings --------------------------------------------------------------------------


def expected_settings(a: Profile, b: Profile) -> dict[str, tuple[str, str, str]]:
    """The settings that read differently, worked out from the two plans' ends."""
    sa, sb = advise(a).settings, advise(b).settings
    expected = {}
    for label, attr in SETTING_ROWS:
        x, y = getattr(sa, attr), getattr(sb, attr)
        if x is None and y is None:
            continue
        shown = ("none" if not x else format_length(x, "metric")) if x is not None else "—"
        shown_b = ("none" if not y else format_length(y, "metric")) if y is not None else "—"
        if shown != shown_b:
            expected[attr] = (label, shown, shown_b)
    return expected


def test_the_same_workstation_set_differently_has_the_same_settings(a: Profile, b: Profile) -> None:
    """B is A's workstation with the seat, footstool and screen moved (in metric, as A, so
    both round to 0.5 cm): the plan for each ends at the same settings (where it is going
    does not depend on where it starts)."""
    b = b.model_copy(update={"units": "metric"})
    c = compare(a, b)
    assert {s.key: (s.title, s.before, s.after) for s in c.settings} == expected_settings(a, b)
    assert c.settings == []


def test_every_changed_setting_is_named(a: Profile) -> None:
    """A 70 cm desk for the same person moves the seat, the footstool and the screen:
    seat 51 → 70 + 3 − 24.46 = 48.54 → 48.5, footstool 48.5 − 43.5 (PH + S) = 5 → ..."""
    lower = with_answers(a, desk={"height_cm": 70.0})
    expected = expected_settings(a, lower)
    c = compare(a, lower)
    assert {s.key: (s.title, s.before, s.after) for s in c.settings} == expected
    assert {"seat_height_cm", "monitor_top_height_cm", "desk_height_cm"} <= set(expected)
    assert expected["desk_height_cm"][1:] == ("74 cm", "70 cm")


# -- ROSA ------------------------------------------------------------------------------


def test_rosa_now_and_after_for_each(a: Profile, b: Profile) -> None:
    c = compare(a, b)
    adv_a, adv_b = advise(a), advise(b)
    assert c.rosa_a == adv_a.rosa and c.rosa_after_a == adv_a.rosa_after
    assert c.rosa_b == adv_b.rosa and c.rosa_after_b == adv_b.rosa_after
    assert c.final_change == adv_b.rosa.final - adv_a.rosa.final
    assert c.final_after_change == adv_b.rosa_after.final - adv_a.rosa_after.final


# -- advice resolved and new -----------------------------------------------------------


def test_advice_resolved_and_new_by_hand(a: Profile) -> None:
    # A crosses his legs often and has no glare: "crossing-legs" is in A's advice, "glare"
    # is not. B stops crossing his legs and has glare on the screen: the reverse.
    b = with_answers(a, habits={"crosses_legs": "never"}, monitor={"glare": True})
    ids_a = [line.id for line in advise(a).lines]
    assert "crossing-legs" in ids_a and "glare" not in ids_a
    c = compare(a, b)
    assert [(x.id, x.title) for x in c.resolved] == [("crossing-legs", "Stop crossing your legs")]
    assert [(x.id, x.title) for x in c.new] == [("glare", "Get rid of the glare")]
    assert comparison_json(c)["resolved"] == [
        {"id": "crossing-legs", "title": "Stop crossing your legs"}
    ]
    assert comparison_json(c)["new"] == [{"id": "glare", "title": "Get rid of the glare"}]
    # And back again: what B resolved, A has new.
    back = compare(b, a)
    assert [x.id for x in back.resolved] == ["glare"]
    assert [x.id for x in back.new] == ["crossing-legs"]


# -- identical -------------------------------------------------------------------------


def test_identical_profiles_have_no_differences(a: Profile) -> None:
    c = compare(a, a)
    assert c.identical
    assert (c.answers, c.settings, c.resolved, c.new) == ([], [], [], [])
    assert "No differences." in comparison_text(c)
    assert "No differences." in comparison_markdown(c)
    data = comparison_json(c)
    assert (data["answers"], data["settings"], data["resolved"], data["new"]) == ([], [], [], [])


# -- formats ---------------------------------------------------------------------------


def test_text(a: Profile, b: Profile) -> None:
    c = compare(a, b)
    text = comparison_text(c)
    assert text.endswith("\n")
    assert "\x1b" not in text
    assert all(len(line) <= 80 for line in text.splitlines())
    for item in c.answers:
        assert f"{item.title}: {item.before} → {item.after}" in text
    for setting in c.settings:
        assert setting.title in text and setting.after in text
    assert "No differences." not in text
    assert "Change in the final score" in text
    assert render_comparison(c, "text") == text


def test_text_stays_in_80_columns_with_long_names(a: Profile, b: Profile) -> None:
    long_a = a.model_copy(update={"name": "A very long profile name " * 4})
    text = comparison_text(compare(long_a, b))
    assert all(len(line) <= 80 for line in text.splitlines())


def test_markdown(a: Profile, b: Profile) -> None:
    c = compare(a, b)
    md = comparison_markdown(c)
    assert md.startswith("# deskfit compare: Sam at the office → Sam at the office\n")
    assert "| Section | Question | A | B |" in md
    assert "| Chair | Seat height now | 46 cm | 50 cm |" in md
    lower = comparison_markdown(compare(a, with_answers(a, desk={"height_cm": 70.0})))
    assert "| Desk height | 74 cm | 70 cm |" in lower
    assert "## Advice resolved (in A, not in B)" in md and "## Advice new (in B, not in A)" in md
    assert render_comparison(c, "md") == md


def test_json_keys_are_stable(a: Profile, b: Profile) -> None:
    c = compare(a, b)
    data = json.loads(render_comparison(c, "json"))
    assert data == comparison_json(c)
    assert list(data)[:7] == ["name_a", "name_b", "answers", "settings", "rosa", "resolved", "new"]
    assert list(data)[7:] == ["symptoms", "actions", "done", "versions"]  # added keys after
    assert list(data["rosa"]) == ["a", "a_after", "b", "b_after"]
    assert data["rosa"]["a"] == c.rosa_a.as_dict()
    assert data["rosa"]["b_after"] == c.rosa_after_b.as_dict()
    for row in (*data["answers"], *data["settings"]):
        assert list(row) == ["key", "title", "before", "after"]
    assert {
        "key": "units",
        "title": "Units",
        "before": "Metric (cm)",
        "after": "Imperial (in)",
    } in (data["answers"])


def test_unknown_format_is_refused(a: Profile) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_comparison(compare(a, a), "html")


def test_the_comparison_is_frozen(a: Profile) -> None:
    c = compare(a, a)
    assert isinstance(c, Comparison)
    with pytest.raises(AttributeError):
        c.name_a = "x"  # type: ignore[misc]
    assert Changed("chair.seat_height_cm", "Seat height now", "46 cm", "50 cm").section == "Chair"


def test_symptoms_and_actions_done_between_two_versions(a: Profile) -> None:
    from datetime import date

    before = a  # Sam reports lower back trouble, this week too
    line = advise(before).lines[0].id
    done = {"status": "done", "date": date(2026, 12, 3), "owner": "Facilities"}
    after = parse_profile({**before.model_dump(), "actions": {line: done}})
    c = compare(before, after)
    assert c.symptoms_a == c.symptoms_b == "Lower back (last 7 days too)."
    assert [x.key for x in c.done] == [f"actions.{line}"]
    assert c.actions[0].before == "no action recorded"
    assert c.actions[0].after == "Done 2026-12-03 · Facilities"
    data = comparison_json(c)
    assert data["done"] == [line]
    assert data["actions"][0]["a"] is None
    assert data["actions"][0]["b"] == {
        "status": "done",
        "date": "2026-12-03",
        "owner": "Facilities",
        "note": None,
    }
    assert not c.identical
    assert "Done since A: 1 action." in comparison_text(c)


def test_two_people_are_not_two_versions(a: Profile, b: Profile) -> None:
    # the same name (or the same creation time) is one profile over time: advice
    # "resolved" and actions "done since A"; another name is another person
    assert compare(a, b).versions is True
    other = b.model_copy(update={"name": "Someone else", "created": None})
    c = compare(a, other)
    assert c.versions is False
    text = render_comparison(c, "text")
    assert "Advice only A gets" in text and "Advice only B gets" in text
    assert "resolved" not in text and "Done since A" not in text
    assert json.loads(render_comparison(c, "json"))["versions"] is False
