"""The wizard's steps, as data: which sections each asks, in the order a person adjusts
things, with its title and introduction. The questions themselves, and when each applies,
are declared on the model's fields (``profile.py``, read through ``questions.py``); this
is the one place that says where they are asked and under which title.
"""

from __future__ import annotations

from dataclasses import dataclass

from deskfit.core.model.questions import PROFILE


@dataclass(frozen=True)
class Step:
    title: str
    sections: tuple[str, ...]
    short_title: str = ""  # for the step list, when the title is long
    intro: str = ""

    @property
    def label(self) -> str:
        return self.short_title or self.title


STEPS: tuple[Step, ...] = (
    Step(
        "You",
        (PROFILE, "body"),
        intro=(
            "Your height and sex are enough to start. The optional measurements make the "
            "advice fit you rather than an average body: the elbow rest height matters most."
        ),
    ),
    Step("Chair", ("chair",)),
    Step("Desk", ("desk",)),
    Step(
        "Footstool",
        ("footstool",),
        intro="No footstool? Say so: the advice tells you whether you need one, and how high.",
    ),
    Step("Monitor", ("monitor",)),
    Step("Keyboard and mouse", ("keyboard", "mouse"), short_title="Keys & mouse"),
    Step("Phone", ("phone",)),
    Step("Habits", ("habits",)),
    Step(
        "Symptoms",
        ("symptoms",),
        intro=(
            "Where have you had trouble (ache, pain, discomfort or numbness)? These are the "
            "Nordic questionnaire's nine body regions. The advice for the places you name "
            "comes first, and a second assessment can show what changed. deskfit does not "
            "diagnose: anything that worries you is for a health professional."
        ),
    ),
)
REVIEW_TITLE = "Review"

# A section's title where it is shown on its own (a step with several, ``deskfit show``,
# comparisons): the step's title when the section has a step to itself.
SECTION_TITLES: dict[str, str] = (
    {PROFILE: "This profile"}
    | {
        "body": "You",
        "keyboard": "Keyboard",
        "mouse": "Mouse",
    }
    | {s.sections[0]: s.title for s in STEPS if len(s.sections) == 1}
)


def step_of(section: str) -> int:
    """The index of the step that asks a section's questions."""
    for index, step in enumerate(STEPS):
        if section in step.sections:
            return index
    raise KeyError(section)
