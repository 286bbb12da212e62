"""The wizard's answers without a screen: parsing, what applies, problems, units."""

from __future__ import annotations

import pytest

from deskfit.core.model.questions import question, questions
from deskfit.core.session.draft import read_draft, write_draft
from deskfit.core.session.state import NEEDED, WizardState, parse_text


def test_questions_come_from_the_model() -> None:
    body = {q.field: q for q in questions("body")}
    assert body["stature_cm"].kind == "length" and body["stature_cm"].required
    assert body["popliteal_height_cm"].optional_measure and body["popliteal_height_cm"].nullable
    assert body["sex"].kind == "choice" and body["sex"].choices["unspecified"] == "Rather not say"
    assert question("habits", "longest_stretch_min").kind == "integer"
    assert question("footstool", "in_use").kind == "yesno"


@pytest.mark.parametrize(
    ("text", "units", "cm"),
    [
        ("170", "metric", 170.0),
        ("67", "imperial", 170.18),
        ("5'7\"", "metric", 170.18),
        ("1.7 m", "imperial", 170.0),
        ("", "metric", None),
    ],
)
def test_lengths_read_in_the_persons_units(text: str, units: str, cm: float | None) -> None:
    value, problem = parse_text(question("body", "stature_cm"), text, units)  # type: ignore[arg-type]
    assert problem is None
    assert value == (pytest.approx(cm) if cm is not None else None)


def test_unreadable_text_is_kept_and_explained() -> None:
    state = WizardState.new()
    state.set_text("body", "stature_cm", "tall")
    assert state.value("body", "stature_cm") == "tall"
    problems = state.problems(("body",))
    assert "could not read" in problems["body.stature_cm"]
    state.set_text("habits", "longest_stretch_min", "1.5")
    assert "whole number" in state.problems(("habits",))["habits.longest_stretch_min"]
    state.set_text("body", "stature_cm", "")
    assert state.problems(("body",))["body.stature_cm"] == NEEDED


def test_an_answer_no_longer_asked_is_dropped_as_deskfit_set_drops_it() -> None:
    state = WizardState.new()
    state.set_value("footstool", "owned", True)
    state.set_text("footstool", "height_cm", "60")  # out of range ...
    assert "footstool.height_cm" in state.problems(("footstool",))
    state.set_value("footstool", "owned", False)  # ... but no longer asked
    assert state.problems(("footstool",)) == {}
    assert "height_cm" not in state.section_data("footstool")
    assert state.value("footstool", "height_cm") is None
    state.set_value("footstool", "owned", True)  # asked again: asked afresh
    assert state.problems(("footstool",)) == {
        "footstool.height_cm": "needed because you have a footstool"
    }


def test_units_change_only_what_is_shown() -> None:
    state = WizardState.new()
    state.set_text("chair", "seat_height_cm", "48.25")
    q = question("chair", "seat_height_cm")
    assert state.display_text(q) == "48.25"  # as typed
    state.set_units("imperial")
    assert state.display_text(q) == "19"
    state.set_units("metric")
    assert state.display_text(q) == "48.25"
    assert state.value("chair", "seat_height_cm") == 48.25


def test_draft_round_trip_keeps_every_answer(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    state = WizardState.new()
    state.set_value("profile", "name", "Desk")
    state.set_text("body", "stature_cm", "18o")
    state.set_text("body", "popliteal_height_cm", "")
    state.set_value("chair", "height_adjustable", True)
    state.step, state.visited = 2, 3
    path = write_draft(folder, state)
    again = read_draft(path)
    assert again.answers == state.answers
    assert (again.step, again.visited) == (2, 3)


def test_the_advice_is_worked_out_once_per_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review, export, copy and save share one advice until an answer changes."""
    from tests.conftest import make_valid_document

    from deskfit.core.model.validation import parse_profile
    from deskfit.core.session import state as state_module

    calls: list[int] = []
    real = state_module.advise

    def counted(profile: object) -> object:
        calls.append(1)
        return real(profile)  # type: ignore[arg-type]

    monkeypatch.setattr(state_module, "advise", counted)
    state = WizardState.from_profile(parse_profile(make_valid_document()))
    first = state.advice()
    assert state.advice() is first and state.advice() is first
    assert len(calls) == 1
    state.set_text("chair", "seat_height_cm", "50")
    assert state.advice() is not first and len(calls) == 2
    state.set_text("chair", "seat_height_cm", "50")  # the same answer: no change
    state.advice()
    assert len(calls) == 2
