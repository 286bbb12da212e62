"""The wizard's steps in the order a person adjusts things, ending with the review."""

from __future__ import annotations

from deskfit.tui.state import HiddenRule
from deskfit.tui.steps.base import StepScreen, WizardScreen
from deskfit.tui.steps.chair import ChairStep
from deskfit.tui.steps.desk import DeskStep
from deskfit.tui.steps.footstool import FootstoolStep
from deskfit.tui.steps.habits import HabitsStep
from deskfit.tui.steps.keyboard_mouse import KeyboardMouseStep
from deskfit.tui.steps.monitor import MonitorStep
from deskfit.tui.steps.phone import PhoneStep
from deskfit.tui.steps.review import ReviewScreen
from deskfit.tui.steps.you import YouStep

STEPS: list[type[WizardScreen]] = [
    YouStep,
    ChairStep,
    DeskStep,
    FootstoolStep,
    MonitorStep,
    KeyboardMouseStep,
    PhoneStep,
    HabitsStep,
    ReviewScreen,
]
REVIEW = len(STEPS) - 1

# section -> which of its questions do not apply, from every step's rules
HIDDEN_RULES: dict[str, HiddenRule] = {
    section: rule
    for step in STEPS
    if issubclass(step, StepScreen)
    for section, rule in step.HIDDEN.items()
}
