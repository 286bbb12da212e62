"""The catalogue of advice ids (actions are recorded by them) is complete."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from tests.core.conftest import profile_doc_strategy, with_symptoms

from deskfit.core.engine.advice import advise
from deskfit.core.engine.advice.ids import ADVICE_IDS
from deskfit.core.model.validation import parse_profile

ADVICE = Path(__file__).resolve().parents[3] / "src" / "deskfit" / "core" / "engine" / "advice"


def test_every_id_written_in_the_source_is_catalogued() -> None:
    written = set()
    for path in ADVICE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'w\.add\(\s*"([a-z0-9-]+)"', text))
        written |= set(re.findall(r'^[A-Z_]+ = "([a-z0-9-]+)"$', text, re.M))
    assert written and written <= ADVICE_IDS
    assert ADVICE_IDS - written == set(), "catalogued ids no advice writes"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=with_symptoms(profile_doc_strategy()))
def test_every_line_advised_has_a_catalogued_id(doc: dict[str, Any]) -> None:
    assert {line.id for line in advise(parse_profile(doc)).lines} <= ADVICE_IDS
