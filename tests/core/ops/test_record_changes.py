"""``deskfit set`` for the assessment and the actions, and the same entries set on the
wizard's review (``WizardState.set_record``) save the same file."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import make_valid_document

from deskfit.core.files.store import render_toml
from deskfit.core.model.validation import ProfileInvalid, parse_profile
from deskfit.core.ops.changes import set_answers
from deskfit.core.ops.record_changes import read_record_value
from deskfit.core.session.state import WizardState

BASE = parse_profile(make_valid_document())


def test_set_an_action_and_the_assessment() -> None:
    profile, changes = set_answers(
        BASE,
        [
            "actions.footstool-height.status=not possible",
            "actions.footstool-height.date=2026-12-03",
            "actions.footstool-height.owner=Facilities",
            "assessment.review_date=2027-05-27",
        ],
    )
    action = profile.actions["footstool-height"]
    assert (action.status, action.date, action.owner) == (
        "not_possible",
        date(2026, 12, 3),
        "Facilities",
    )
    assert profile.assessment.review_date == date(2027, 5, 27)
    assert len(changes) == 4
    cleared, _ = set_answers(profile, ["actions.footstool-height.owner="])
    assert cleared.actions["footstool-height"].owner is None
    removed, changes = set_answers(profile, ["actions.footstool-height="])
    assert removed.actions == {} and [c.key for c in changes] == ["actions.footstool-height"]


@pytest.mark.parametrize(
    ("arg", "words"),
    [
        ("actions.footstool-height.status=maybe", "a status is todo, done, declined"),
        ("actions.footstool-height.date=soon", "is not a date"),
        ("actions.Foot.status=done", "an advice id is lower-case"),
        ("actions.footstool-heigth.status=done", "did you mean footstool-height?"),
        ("actions.nothing-like-it.status=done", "no advice line has the id 'nothing-like-it'"),
        ("actions.footstool-height=done", "only removed, with nothing after ="),
        ("actions.footstool-height.x.status=done", "an action is actions.<advice id>.<key>"),
        ("actions.footstool-height.colour=red", "an action's keys are status, date"),
        ("assessment.reviewer=Dana", "the assessment's keys are assessor, manager"),
        ("assessment.assessor=" + "x" * 121, "too long: at most 120"),
    ],
)
def test_bad_entries_are_refused_in_words(arg: str, words: str) -> None:
    with pytest.raises(ProfileInvalid) as caught:
        set_answers(BASE, [arg])
    assert words in caught.value.problems[0].message


def test_a_review_before_the_assessment_is_refused() -> None:
    with pytest.raises(ProfileInvalid) as caught:
        set_answers(BASE, ["assessment.date=2026-11-27", "assessment.review_date=2026-01-01"])
    assert caught.value.problems[0].key == "assessment.review_date"


STATUS = st.sampled_from(["todo", "done", "declined", "not_possible", "not possible"])
DAY = st.dates(date(2020, 1, 1), date(2030, 12, 31))
NAME = st.sampled_from(["Facilities", "Sam", "Zoë", "O'Neil & Sons"])
ACTION = st.fixed_dictionaries(
    {"status": STATUS}, optional={"date": DAY, "owner": NAME, "note": NAME}
)
IDS = st.sampled_from(["footstool-height", "crossing-legs", "seat-height", "glare"])


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


@settings(max_examples=150, deadline=None)
@given(
    actions=st.dictionaries(IDS, ACTION, max_size=3),
    assessment=st.fixed_dictionaries({}, optional={"assessor": NAME, "date": DAY}),
)
def test_the_review_and_set_save_the_same_file(
    actions: dict[str, dict[str, Any]], assessment: dict[str, Any]
) -> None:
    args = [f"actions.{i}.{k}={_text(v)}" for i, a in actions.items() for k, v in a.items()]
    args += [f"assessment.{k}={_text(v)}" for k, v in assessment.items()]
    by_set, _ = set_answers(BASE, args)
    state = WizardState.from_profile(BASE)
    for advice_id, action in actions.items():
        # what the review's dialog hands over: each value as the shared reader reads it
        read = {
            k: read_record_value(f"actions.{advice_id}", k, _text(v))[0] for k, v in action.items()
        }
        state.set_record(advice_id, read)
    if assessment:
        state.set_record(
            None,
            {k: read_record_value("assessment", k, _text(v))[0] for k, v in assessment.items()},
        )
    by_review = state.profile()
    stamp = {"created": BASE.created, "updated": BASE.updated}
    assert render_toml(by_review.model_copy(update=stamp)) == render_toml(
        by_set.model_copy(update=stamp)
    )
