"""Where it hurts: the Nordic Musculoskeletal Questionnaire's nine regions, the eyes, and
the signs that call for a health professional rather than a better chair.

The regions and the three questions for each follow the NMQ (Kuorinka et al. 1987,
Applied Ergonomics 18:233–237): trouble (ache, pain, discomfort, numbness) at any time in
the last 12 months; if so, in the last 7 days, and whether it kept the person from their
normal work. Keys are ``<region>_12_months``, ``<region>_7_days`` and
``<region>_kept_from_work``. deskfit records these to order its advice and to show change
over time; it diagnoses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deskfit.core.model.applies import yes
from deskfit.core.model.fields import yes_no
from deskfit.core.model.section import Section


@dataclass(frozen=True)
class Region:
    key: str
    label: str  # as a heading: "Wrists or hands"
    name: str  # inside a sentence: "wrist or hand" (trouble)


REGIONS: tuple[Region, ...] = (
    Region("neck", "Neck", "neck"),
    Region("shoulders", "Shoulders", "shoulder"),
    Region("upper_back", "Upper back", "upper back"),
    Region("elbows", "Elbows", "elbow"),
    Region("wrists_hands", "Wrists or hands", "wrist or hand"),
    Region("lower_back", "Lower back", "lower back"),
    Region("hips_thighs", "Hips or thighs", "hip or thigh"),
    Region("knees", "Knees", "knee"),
    Region("ankles_feet", "Ankles or feet", "ankle or foot"),
)
EYES = Region("eyes", "Eyes", "eye")
REGION_BY_KEY: dict[str, Region] = {r.key: r for r in (*REGIONS, EYES)}

_TROUBLE = "Ache, pain, discomfort or numbness"


def _year(key: str) -> Any:
    r = REGION_BY_KEY[key]
    return yes_no(
        f"{r.label}: any trouble in the last 12 months?",
        f"{_TROUBLE} in the {r.name.split(' or ')[0]} area at any time in the last year, "
        "whether or not you think it comes from work.",
        default=False,
    )


def _week(key: str) -> Any:
    r = REGION_BY_KEY[key]
    return yes_no(
        f"{r.label}: trouble in the last 7 days?",
        f"{_TROUBLE} there at any time in the last week.",
        default=False,
        when=yes(f"{key}_12_months", f"because you had {r.name} trouble this year"),
    )


def _kept(key: str) -> Any:
    r = REGION_BY_KEY[key]
    return yes_no(
        f"{r.label}: has it kept you from your normal work?",
        "At any time in the last 12 months: work at home or away from home.",
        default=False,
        when=yes(f"{key}_12_months", f"because you had {r.name} trouble this year"),
    )


class Symptoms(Section):
    neck_12_months: bool = _year("neck")
    neck_7_days: bool = _week("neck")
    neck_kept_from_work: bool = _kept("neck")
    shoulders_12_months: bool = _year("shoulders")
    shoulders_7_days: bool = _week("shoulders")
    shoulders_kept_from_work: bool = _kept("shoulders")
    upper_back_12_months: bool = _year("upper_back")
    upper_back_7_days: bool = _week("upper_back")
    upper_back_kept_from_work: bool = _kept("upper_back")
    elbows_12_months: bool = _year("elbows")
    elbows_7_days: bool = _week("elbows")
    elbows_kept_from_work: bool = _kept("elbows")
    wrists_hands_12_months: bool = _year("wrists_hands")
    wrists_hands_7_days: bool = _week("wrists_hands")
    wrists_hands_kept_from_work: bool = _kept("wrists_hands")
    lower_back_12_months: bool = _year("lower_back")
    lower_back_7_days: bool = _week("lower_back")
    lower_back_kept_from_work: bool = _kept("lower_back")
    hips_thighs_12_months: bool = _year("hips_thighs")
    hips_thighs_7_days: bool = _week("hips_thighs")
    hips_thighs_kept_from_work: bool = _kept("hips_thighs")
    knees_12_months: bool = _year("knees")
    knees_7_days: bool = _week("knees")
    knees_kept_from_work: bool = _kept("knees")
    ankles_feet_12_months: bool = _year("ankles_feet")
    ankles_feet_7_days: bool = _week("ankles_feet")
    ankles_feet_kept_from_work: bool = _kept("ankles_feet")
    eye_strain: bool = yes_no(
        "Eyes: tired, sore, dry or blurred after screen work?",
        "Eye strain at the end of a working day, in the last 12 months.",
        default=False,
    )
    headaches: bool = yes_no(
        "Headaches during or after screen work?",
        "In the last 12 months.",
        default=False,
    )
    numbness_tingling: bool = yes_no(
        "Numbness, tingling or pins and needles in an arm, hand, leg or foot?",
        "Now or often in the last weeks. This is a reason to see a health professional.",
        default=False,
    )
    pain_spreading: bool = yes_no(
        "Pain that spreads down an arm or a leg?",
        "Pain that travels from the neck or back into a limb.",
        default=False,
    )
    pain_at_night: bool = yes_no(
        "Pain at night, or pain that wakes you?",
        "Pain that does not ease with rest.",
        default=False,
    )
    longer_than_12_weeks: bool = yes_no(
        "Has any trouble lasted more than 12 weeks?",
        "Trouble that has gone on for three months or more without a break.",
        default=False,
    )

    def trouble(self, region: str, period: str = "12_months") -> bool:
        """Whether the person reported trouble there ("eyes": strain or headaches)."""
        if region == EYES.key:
            return self.eye_strain or self.headaches
        if period != "12_months" and not self.trouble(region):
            return False  # a 7-day answer left over from a year answered no counts for nothing
        return bool(getattr(self, f"{region}_{period}"))

    def reported(self) -> list[Region]:
        """The regions with trouble in the last 12 months, the eyes last."""
        return [r for r in (*REGIONS, EYES) if self.trouble(r.key)]

    def signs(self) -> list[str]:
        """The warning signs answered yes, in words (trouble that kept the person from
        work is the other red flag, said with its regions)."""
        signs = [
            (self.numbness_tingling, "numbness or tingling"),
            (self.pain_spreading, "pain spreading down an arm or a leg"),
            (self.pain_at_night, "pain at night"),
            (self.longer_than_12_weeks, "trouble for more than 12 weeks"),
        ]
        return [words for raised, words in signs if raised]

    def red_flags(self) -> list[str]:
        """The answers that call for a health professional, in words."""
        kept = [r.name for r in REGIONS if self.trouble(r.key, "kept_from_work")]
        if not kept:
            return self.signs()
        joined = kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + " and " + kept[-1]
        return [*self.signs(), f"{joined} trouble that kept you from work"]
