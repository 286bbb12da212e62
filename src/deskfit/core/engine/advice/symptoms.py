"""What the reported symptoms change in the advice: its order, a reason, and when to see a
health professional.

Advice that is for a body region the person reported trouble in moves up within its
severity and says so; the regions each line is for follow the body areas of the OSHA
Computer Workstations eTool and ROSA's sections (chair: back and legs; monitor and phone:
neck; mouse and keyboard: shoulders, elbows, wrists). Red flags (numbness or tingling,
pain spreading down a limb, pain at night, trouble for more than 12 weeks, trouble that
kept the person from work) bring one plain line: see a health professional. deskfit
diagnoses nothing and claims no cure.
"""

from __future__ import annotations

from dataclasses import replace

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import AdviceLine, Writer
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.model.profile import Profile
from deskfit.core.model.symptoms import REGION_BY_KEY, Symptoms

SEE_A_PROFESSIONAL = "see-a-health-professional"

_LEGS = ("hips_thighs", "knees", "ankles_feet")
_ARMS = ("shoulders", "neck", "elbows", "wrists_hands")
_BACK = ("lower_back", "upper_back")

# Which regions each advice line is for (a line not named here is for none).
REGIONS_FOR: dict[str, tuple[str, ...]] = {
    "seat-height": _LEGS,
    "seat-cushion": _LEGS,
    "seat-depth": ("lower_back", "hips_thighs", "knees"),
    "chair-too-low-for-desk": _ARMS,
    "lumbar-support": _BACK,
    "backrest-recline": _BACK,
    "armrest-height": ("shoulders", "neck", "elbows"),
    "armrest-surface": ("elbows", "wrists_hands"),
    "legroom": ("hips_thighs", "knees"),
    "thigh-room": ("hips_thighs", "knees"),
    "desk-height": _ARMS,
    "surface-at-lowest": _ARMS,
    "desk-too-low": _ARMS,
    "keyboard-tray": _ARMS,
    "keyboard-tray-height": _ARMS,
    "standing-height": ("shoulders", "wrists_hands", "lower_back"),
    "standing-mat": ("lower_back", *_LEGS),
    # The seed advice: a footstool and uncrossed legs for the lower back (Jung et al. 2020)
    "footstool-height": ("lower_back", *_LEGS),
    "footstool-not-needed": _LEGS,
    "footstool-second-position": ("lower_back", *_LEGS),
    "crossing-legs": ("lower_back", *_LEGS),
    "breaks": ("lower_back", "upper_back", "neck", "shoulders"),
    "wrists-straight": ("wrists_hands",),
    "wrists-deviate": ("wrists_hands", "elbows"),
    "mouse-size": ("wrists_hands",),
    "palm-rest": ("wrists_hands",),
    "mouse-position": ("shoulders", "wrists_hands"),
    "mouse-same-surface": ("shoulders", "wrists_hands"),
    "mouse-platform": ("shoulders", "wrists_hands"),
    "overhead-reach": ("shoulders", "neck", "upper_back"),
    "monitor-height": ("neck", "shoulders", "upper_back", "eyes"),
    "monitor-distance": ("eyes", "neck"),
    "monitor-in-front": ("neck", "shoulders"),
    "laptop-keyboard": ("neck", "shoulders", "upper_back", "wrists_hands"),
    "second-screen": ("neck", "shoulders", "upper_back"),
    "second-screen-distance": ("eyes", "neck"),
    "standing-screen": ("neck", "shoulders", "upper_back", "eyes"),
    "glare": ("eyes",),
    "document-holder": ("neck",),
    "phone-neck-hold": ("neck", "shoulders"),
    "phone-headset": ("neck", "shoulders"),
    "phone-reach": ("neck", "shoulders"),
}


def words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def reported_for(line: AdviceLine, symptoms: Symptoms) -> tuple[str, ...]:
    """The regions this line is for that the person reported trouble in."""
    return tuple(r for r in REGIONS_FOR.get(line.id, ()) if symptoms.trouble(r))


def with_reason(line: AdviceLine, symptoms: Symptoms) -> AdviceLine:
    """The line with the reported regions it is for, and a sentence saying so."""
    regions = reported_for(line, symptoms)
    if not regions:
        return line
    names = words([REGION_BY_KEY[r].label.lower() for r in regions])
    return replace(
        line,
        reported=regions,
        text=f"This is advice for the {names}, where you reported trouble. {line.text}",
    )


def advise_health(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    flags = p.symptoms.red_flags()
    if not flags:
        return
    w.add(
        SEE_A_PROFESSIONAL,
        "high",
        "health",
        "See a doctor or physiotherapist",
        f"You reported {words(flags)}. Please see a doctor or physiotherapist about it. "
        "A better set-up can make work more comfortable, but it is not a treatment.",
        src.HSE_DSE_HEALTH,
        src.NICE_NG59,
    )
