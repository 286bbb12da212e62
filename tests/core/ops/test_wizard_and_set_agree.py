"""The wizard and ``deskfit set`` save the same profile for the same answers (issue: a
question is defined once). Over generated answer sequences: each answer is to a question
the wizard shows at that moment, typed as a person would; the wizard takes them one by
one, ``deskfit set`` takes them as KEY=VALUE. Both must succeed with byte-identical TOML,
or both refuse."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import make_valid_document

from deskfit.core.files.store import render_toml
from deskfit.core.model.profile import SECTION_NAMES, Profile
from deskfit.core.model.questions import PROFILE, Question, questions
from deskfit.core.model.reading import read_answer
from deskfit.core.model.validation import ProfileInvalid, field_info, parse_profile
from deskfit.core.ops.changes import set_answers
from deskfit.core.session.state import WizardState

BASE = parse_profile(make_valid_document())
WORDS = {True: ["yes", "y", "true", "on", "1"], False: ["no", "n", "false", "off", "0"]}


def _bounds(q: Question) -> tuple[float, float]:
    info = field_info(q.section, q.field)
    lo = next((m.ge for m in info.metadata if hasattr(m, "ge")), 0.0)
    hi = next((m.le for m in info.metadata if hasattr(m, "le")), 200.0)
    return float(lo), float(hi)


@st.composite
def typed(draw: st.DrawFn, q: Question) -> str:
    """What a person might type for ``q``: mostly sensible, sometimes out of range or odd."""
    if q.kind == "yesno":
        return draw(st.sampled_from(WORDS[draw(st.booleans())]))
    if q.kind == "choice":
        value = draw(st.sampled_from(sorted(q.choices)))
        return draw(st.sampled_from([value, q.choices[value], value.upper()]))
    if q.kind == "text":
        return draw(st.sampled_from(["Office", "Sam at home", "Zoë", "Дмитрий"]))
    lo, hi = _bounds(q)
    number = draw(
        st.one_of(
            st.floats(lo, hi, allow_nan=False).map(lambda x: round(x * 2) / 2),
            st.floats(lo - 50, hi + 50, allow_nan=False).map(lambda x: round(x)),
        )
    )
    if q.kind == "integer":
        number = round(number)
    text = f"{number:g}"
    if q.kind == "length":
        return draw(st.sampled_from([text, f"{text} cm", f"{number * 10:g}mm"]))
    return draw(st.sampled_from([text, f"{text} {q.unit}" if q.unit == "h" else text]))


def visible(state: WizardState) -> list[Question]:
    out = [q for q in questions(PROFILE) if q.field == "name"]
    for section in SECTION_NAMES:
        out += state.visible(section)
    return out


@st.composite
def sequences(draw: st.DrawFn) -> list[tuple[Question, str]]:
    """Answers in the order a person gives them, each to a question shown at that moment,
    each question at most once (``set`` takes a key once per command)."""
    state = WizardState.from_profile(BASE)
    done: set[str] = set()
    out: list[tuple[Question, str]] = []
    for _ in range(draw(st.integers(1, 12))):
        shown = [q for q in visible(state) if q.key not in done]
        if not shown:
            break
        q = draw(st.sampled_from(shown))
        text = draw(typed(q))
        answer_in_wizard(state, q, text)
        done.add(q.key)
        out.append((q, text))
    return out


def answer_in_wizard(state: WizardState, q: Question, text: str) -> None:
    if q.kind in ("yesno", "choice"):  # a switch or a radio button: the value itself
        value, _ = read_answer(q, text, state.units)
        state.set_value(q.section, q.field, value)
    elif q.section == PROFILE:
        state.set_value(q.section, q.field, text)
    else:
        state.set_text(q.section, q.field, text)


def outcome_of_wizard(answers: list[tuple[Question, str]]) -> Profile | None:
    state = WizardState.from_profile(BASE)
    for q, text in answers:
        answer_in_wizard(state, q, text)
    try:
        return state.profile()
    except ProfileInvalid:
        return None


def outcome_of_set(answers: list[tuple[Question, str]]) -> Profile | None:
    assignments = [f"{q.field if q.section == PROFILE else q.key}={text}" for q, text in answers]
    try:
        profile, _ = set_answers(BASE, assignments)
    except ProfileInvalid:
        return None
    return profile


def toml(profile: Profile | None) -> Any:
    """The TOML a save writes, before the save stamps ``updated`` (both saves stamp it)."""
    return None if profile is None else render_toml(profile.model_copy(update={"updated": None}))


@settings(
    max_examples=int(os.environ.get("DESKFIT_AGREE_CASES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(sequences())
def test_the_wizard_and_set_save_the_same_profile(answers: list[tuple[Question, str]]) -> None:
    wizard = outcome_of_wizard(answers)
    command = outcome_of_set(answers)
    assert (wizard is None) == (command is None), (toml(wizard), toml(command))
    assert toml(wizard) == toml(command)


def test_turning_off_an_adjustable_chair_saves_the_same_profile() -> None:
    """The issue's example: `set chair.height_adjustable=no` kept a range of 42/55."""
    q = next(q for q in questions("chair") if q.field == "height_adjustable")
    answers = [(q, "no")]
    wizard, command = outcome_of_wizard(answers), outcome_of_set(answers)
    assert wizard is not None and command is not None
    assert command.chair.seat_height_min_cm is None
    assert toml(wizard) == toml(command)
