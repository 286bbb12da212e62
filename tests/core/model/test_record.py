"""The assessment and the actions (core/model/record.py) and the symptoms' words."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from deskfit.core.model.record import Action, Assessment
from deskfit.core.model.symptoms import Symptoms
from deskfit.core.present.record import action_words, assessment_words, symptoms_summary

TODAY = date(2026, 11, 27)


def test_not_possible_is_read_as_written_by_a_person() -> None:
    assert Action.model_validate({"status": "not possible"}).status == "not_possible"
    with pytest.raises(ValidationError):
        Action.model_validate({"status": "maybe"})


def test_dates_are_toml_dates_not_text() -> None:
    with pytest.raises(ValidationError):
        Action.model_validate({"date": "2026-12-01"})


def test_an_open_action_is_overdue_only_past_its_date() -> None:
    assert Action(date=date(2026, 11, 26)).overdue(TODAY)
    assert not Action(date=TODAY).overdue(TODAY)
    assert not Action(status="done", date=date(2026, 1, 1)).overdue(TODAY)
    assert not Action().overdue(TODAY)


def test_a_review_before_the_assessment_is_refused_by_name() -> None:
    rules = Assessment(date=TODAY, review_date=date(2026, 1, 1)).rules()
    assert [r.field for r in rules] == ["review_date"]
    assert Assessment(review_date=date(2026, 11, 26)).overdue(TODAY)


def test_control_characters_are_refused_in_names_and_notes() -> None:
    for key in ("owner", "note"):
        with pytest.raises(ValidationError):
            Action.model_validate({key: "a\x1b[31mred"})


def test_words_for_people() -> None:
    action = Action(status="done", date=date(2026, 12, 3), owner="Facilities", note="Bought")
    assert action_words(action) == "Done 2026-12-03 · Facilities · Bought"
    assert action_words(None) == ""
    symptoms = Symptoms(
        lower_back_12_months=True, lower_back_7_days=True, neck_12_months=True, headaches=True
    )
    assert symptoms_summary(symptoms) == "Neck, lower back (last 7 days too); headaches."
    assert symptoms_summary(Symptoms()) == "No trouble reported."
    # the 7-day answer under a year answered no is left over: it counts for nothing
    assert symptoms_summary(Symptoms(knees_7_days=True)) == "No trouble reported."


def test_the_assessment_in_one_sentence() -> None:
    from tests.conftest import make_valid_document

    from deskfit.core.model.validation import parse_profile

    doc = make_valid_document()
    assert assessment_words(parse_profile(doc)) == ""
    doc["assessment"] = {"assessor": "dana Reyes", "date": TODAY, "review_date": date(2027, 5, 27)}
    assert assessment_words(parse_profile(doc)) == (
        "Assessed by dana Reyes on 2026-11-27; review by 2027-05-27."
    )


def test_the_warning_signs_are_in_the_summary() -> None:
    assert symptoms_summary(Symptoms(pain_at_night=True)) == "Pain at night."
    both = Symptoms(neck_12_months=True, neck_kept_from_work=True, numbness_tingling=True)
    assert symptoms_summary(both) == "Neck (kept from work); also numbness or tingling."
