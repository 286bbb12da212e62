"""Step 4: the footstool, which makes up for a seat raised to suit the desk."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from deskfit.tui.state import HiddenRule
from deskfit.tui.steps.base import StepScreen


def _footstool(answers: Mapping[str, Any]) -> set[str]:
    if answers.get("owned") is not True:
        return {"height_cm", "adjustable", "height_min_cm", "height_max_cm", "in_use"}
    if answers.get("adjustable") is not True:
        return {"height_min_cm", "height_max_cm"}
    return set()


class FootstoolStep(StepScreen):
    STEP_TITLE = "Footstool"
    SECTIONS = ("footstool",)
    INTRO = "No footstool? Say so: the advice tells you whether you need one, and how high."
    HIDDEN: ClassVar[dict[str, HiddenRule]] = {"footstool": _footstool}
