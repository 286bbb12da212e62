"""The phone: hands-free, within reach, never cradled."""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import Writer
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.model.profile import Profile


def advise_phone(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    phone = p.phone
    if phone.use == "none":
        return
    if phone.asks("neck_shoulder_hold") and phone.neck_shoulder_hold:
        w.add(
            "phone-neck-hold",
            "high",
            "phone",
            "Never cradle the phone on your shoulder",
            "Holding the phone between ear and shoulder bends the neck sideways for the whole "
            "call. Use a headset or the speaker.",
            src.OSHA,
            src.ROSA,
        )
    if phone.use == "handset" and phone.hours_per_day >= 1:
        w.add(
            "phone-headset",
            "medium",
            "phone",
            "Use a headset for calls",
            f"About {phone.hours_per_day:g} h a day on a handset keeps one hand and the neck "
            "busy; a headset frees both.",
            src.OSHA,
            src.ROSA,
        )
    if phone.asks("within_reach") and not phone.within_reach:
        w.add(
            "phone-reach",
            "low",
            "phone",
            "Keep the phone within 30 cm",
            "Reaching for a phone further away twists the trunk; keep it within easy reach.",
            src.OSHA,
            src.ROSA,
        )
