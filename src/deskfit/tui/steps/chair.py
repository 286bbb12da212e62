"""Step 2: the chair, adjusted first because everything else is set from the seat."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from deskfit.tui.state import HiddenRule
from deskfit.tui.steps.base import StepScreen, combine, hide_unless


def _armrests(answers: Mapping[str, Any]) -> set[str]:
    if answers.get("armrests") == "none":
        return {"armrest_fit", "armrests_hard", "armrests_too_wide"}
    return set()


def _lumbar(answers: Mapping[str, Any]) -> set[str]:
    return {"lumbar_in_small_of_back"} if answers.get("lumbar_support") == "none" else set()


class ChairStep(StepScreen):
    STEP_TITLE = "Chair"
    SECTIONS = ("chair",)
    HIDDEN: ClassVar[dict[str, HiddenRule]] = {
        "chair": combine(
            hide_unless("height_adjustable", "seat_height_min_cm", "seat_height_max_cm"),
            hide_unless("backrest", "backrest_recline_deg", "backrest_adjustable"),
            _lumbar,
            _armrests,
        )
    }
