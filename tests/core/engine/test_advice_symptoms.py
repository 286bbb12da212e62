"""Reported symptoms reorder the advice within its severity and say why; red flags bring
one line to see a health professional (core/engine/advice/symptoms.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.core.conftest import profile_doc_strategy, with_symptoms

from deskfit.core.engine.advice import SEVERITIES, advise
from deskfit.core.engine.advice.measure import is_measure_first
from deskfit.core.engine.advice.symptoms import REGIONS_FOR, SEE_A_PROFESSIONAL
from deskfit.core.model.symptoms import REGIONS, Symptoms
from deskfit.core.model.validation import parse_profile

ROOT = Path(__file__).resolve().parents[3]
SAM = ROOT / "profiles" / "crossed-legs-fixed-desk.toml"
FLAGS = ("numbness_tingling", "pain_spreading", "pain_at_night", "longer_than_12_weeks")


def sam(**symptoms: bool) -> Any:
    doc = tomllib.loads(SAM.read_text(encoding="utf-8"))
    doc["symptoms"] = symptoms
    return advise(parse_profile(doc))


def test_lower_back_trouble_and_crossed_legs_put_the_footstool_and_legs_first() -> None:
    advice = sam(lower_back_12_months=True)
    first, second = advice.lines[:2]
    assert [first.id, second.id] == ["footstool-height", "crossing-legs"]
    for line in (first, second):
        assert line.reported == ("lower_back",)
        assert line.text.startswith("This is advice for the lower back, where you reported")
    # crossing the legs often is medium; with low back trouble one more (Jung et al. 2020)
    assert second.severity == "high"
    assert not any(line.id == SEE_A_PROFESSIONAL for line in advice.lines)


def test_without_symptoms_the_order_is_the_plans() -> None:
    ids = [line.id for line in sam().lines]
    assert ids[:3] == ["seat-height", "footstool-height", "monitor-height"]
    crossing = next(line for line in sam().lines if line.id == "crossing-legs")
    assert crossing.severity == "medium" and crossing.reported == ()
    assert "reported" not in crossing.text


def test_a_red_flag_brings_one_line_first() -> None:
    advice = sam(pain_at_night=True, numbness_tingling=True, knees_12_months=True,
                 knees_kept_from_work=True)  # fmt: skip
    flagged = [line for line in advice.lines if line.id == SEE_A_PROFESSIONAL]
    assert len(flagged) == 1 and advice.lines[0] is flagged[0]
    text = flagged[0].text
    assert text.startswith(
        "You reported numbness or tingling, pain at night and knee trouble that kept you "
        "from work. Please see a doctor or physiotherapist"
    )
    assert flagged[0].severity == "high"


def test_kept_from_work_left_over_from_a_year_answered_no_is_no_flag() -> None:
    assert Symptoms(neck_kept_from_work=True).red_flags() == []
    assert Symptoms(neck_12_months=True, neck_kept_from_work=True).red_flags() == [
        "neck trouble that kept you from work"
    ]


def test_every_region_has_advice_for_it() -> None:
    covered = {r for regions in REGIONS_FOR.values() for r in regions}
    assert covered == {r.key for r in REGIONS} | {"eyes"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=with_symptoms(profile_doc_strategy()), flags=st.sets(st.sampled_from(FLAGS)))
def test_symptoms_change_the_order_and_words_never_the_plan(
    doc: dict[str, Any], flags: set[str]
) -> None:
    doc.setdefault("symptoms", {}).update(dict.fromkeys(flags, True))
    advice = advise(parse_profile(doc))
    without = advise(parse_profile({k: v for k, v in doc.items() if k != "symptoms"}))
    assert advice.plan == without.plan
    assert advice.rosa == without.rosa and advice.rosa_after == without.rosa_after
    ids = {line.id for line in advice.lines} - {SEE_A_PROFESSIONAL}
    assert ids == {line.id for line in without.lines}
    assert (advice.lines[0].id == SEE_A_PROFESSIONAL) == bool(advice.profile.symptoms.red_flags())
    rest = [
        line
        for line in advice.lines
        if line.id != SEE_A_PROFESSIONAL and not is_measure_first(line)
    ]
    keys = [(SEVERITIES.index(line.severity), not line.reported) for line in rest]
    assert keys == sorted(keys), "by severity, and within it the reported regions first"
    for line in advice.lines:
        assert bool(line.reported) == line.text.startswith("This is advice for the")
