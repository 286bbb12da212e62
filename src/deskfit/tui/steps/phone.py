"""Step 7: the phone; nothing more is asked of someone who takes no calls."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from deskfit.tui.state import HiddenRule
from deskfit.tui.steps.base import StepScreen


def _phone(answers: Mapping[str, Any]) -> set[str]:
    if answers.get("use") == "none":
        return {"within_reach", "neck_shoulder_hold", "hours_per_day"}
    return set()


class PhoneStep(StepScreen):
    STEP_TITLE = "Phone"
    SECTIONS = ("phone",)
    HIDDEN: ClassVar[dict[str, HiddenRule]] = {"phone": _phone}
