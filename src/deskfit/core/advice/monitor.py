"""The monitor: height for the seat as set, distance, position, glare, documents."""

from __future__ import annotations

from deskfit.core import sources as src
from deskfit.core.advice.lines import Severity, Writer, differs
from deskfit.core.fit import (
    VIEWING_DISTANCE,
    Fit,
)
from deskfit.core.profile import Profile
from deskfit.core.rosa import RosaItems


def advise_monitor(w: Writer, p: Profile, f: Fit, before: RosaItems) -> None:
    mon, now, to = p.monitor, f.current, f.recommended
    progressive = p.body.lenses == "progressive"
    if differs(now.monitor_top_height_cm, to.monitor_top_height_cm):
        delta = to.monitor_top_height_cm - now.monitor_top_height_cm
        sev: Severity = "high" if before.monitor >= 2 else ("medium" if abs(delta) >= 4 else "low")
        where = (
            "10 cm below your eyes, since progressive lenses need you to look down through them"
            if progressive
            else "a little below eye level, so you look slightly down"
        )
        w.add(
            "monitor-height",
            sev,
            "monitor",
            f"{'Raise' if delta > 0 else 'Lower'} the screen's top edge to {w.cm(to.monitor_top_height_cm)}",
            f"{w.move(now.monitor_top_height_cm, to.monitor_top_height_cm).capitalize()}: the top "
            f"of the picture belongs {where} (with the seat at {w.cm(to.seat_height_cm)}). "
            + (
                "Use a monitor riser or a stack of books."
                if delta > 0
                else "Lower the stand or take the screen off its riser."
            )
            + " "
            + (
                "A laptop needs a stand with a separate keyboard and mouse."
                if p.keyboard.home_row_above_surface_cm <= 2 and delta > 0
                else ""
            ),
            *((src.OSHA_MONITOR, src.BIFOCAL) if progressive else (src.OSHA_MONITOR,)),
        )
    if not VIEWING_DISTANCE[1] <= mon.distance_cm <= VIEWING_DISTANCE[2]:
        far = mon.distance_cm > VIEWING_DISTANCE[2]
        w.add(
            "monitor-distance",
            "medium" if far else "low",
            "monitor",
            f"Move the screen {'closer' if far else 'further away'} (about {w.cm(VIEWING_DISTANCE[0])})",
            f"The screen is {w.cm(mon.distance_cm)} from your eyes; "
            f"{w.cm(VIEWING_DISTANCE[1])}–{w.cm(VIEWING_DISTANCE[2])}, about arm's length, lets "
            f"you read without leaning in. Text should be at least "
            f"{w.cm(VIEWING_DISTANCE[0] / 200)} tall at {w.cm(VIEWING_DISTANCE[0])}: enlarge it "
            "rather than lean in.",
            src.OSHA,
            src.ROSA,
        )
    if not mon.directly_in_front:
        w.add(
            "monitor-in-front",
            "medium",
            "monitor",
            "Put the screen straight in front of you",
            "Turning your head more than 30° to see the screen strains the neck all day. Centre "
            "the screen you use most on your keyboard.",
            src.OSHA_MONITOR,
            src.ROSA,
        )
    if mon.glare:
        w.add(
            "glare",
            "low",
            "monitor",
            "Get rid of the glare",
            "Turn the screen side-on to windows, close blinds, or move the lamp that reflects in "
            "it; an anti-glare filter helps when nothing else can.",
            src.OSHA,
            src.ROSA,
        )
    if mon.reads_documents and not mon.document_holder:
        w.add(
            "document-holder",
            "low",
            "monitor",
            "Use a document holder",
            "Reading paper flat on the desk bends the neck down and sideways. A holder beside "
            "the screen, at the same height and distance, keeps the head level.",
            src.OSHA,
            src.ROSA,
        )
