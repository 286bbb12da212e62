"""The monitor: height for the seat as set, distance, position, glare, documents."""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import Writer, severity_of_change
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.engine.targets import LAPTOP_HOME_ROW, MONITOR_TOLERANCE, VIEWING_DISTANCE
from deskfit.core.model.profile import Profile

CHARACTER_HEIGHT_RATIO = 200  # characters at least distance/200 tall (FAA rule of thumb)


def advise_monitor(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    mon = p.monitor
    _height(w, p, body)
    s = w.plan.step("monitor.distance_cm")
    if s is not None and s.from_cm is not None:
        far = s.from_cm > VIEWING_DISTANCE[2]
        w.add(
            "monitor-distance",
            "medium" if far else "low",
            "monitor",
            f"Move the screen {'closer' if far else 'further away'}, to {w.cm(s.to_cm)}",
            f"{w.step_of(s)}. The screen is {w.cm(s.from_cm)} from your eyes; "
            f"{w.span(VIEWING_DISTANCE[1], VIEWING_DISTANCE[2])}, about arm's length, lets "
            f"you read without leaning in: move it to {w.cm(s.to_cm)}. Text should be at least "
            f"{w.fine(s.to_cm / CHARACTER_HEIGHT_RATIO)} tall at {w.cm(s.to_cm)}: enlarge it "
            "rather than lean in.",
            src.OSHA,
            src.ROSA,
            src.FAA_CHARACTERS,
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


_HOW = {
    ("desk", True): "Use a monitor riser or a stack of books.",
    ("desk", False): "Lower the stand or take the screen off its riser.",
    ("arm", True): "Raise the monitor arm.",
    ("arm", False): "Lower the monitor arm.",
    ("independent", True): "Raise its stand or mount.",
    ("independent", False): "Lower its stand or mount.",
}


def _height(w: Writer, p: Profile, body: BodyDimensions) -> None:
    """The screen's top edge for the eyes on the seat as set (§3 step 7), from where the
    desk move left it (§3.1)."""
    plan = w.plan
    s = plan.step("monitor.top_height_cm")
    if s is None or s.from_cm is None or s.advice_id != "monitor-height":
        return
    progressive = p.body.lenses == "progressive"
    below = 10.0 if progressive else 5.0
    where = (
        f"{w.cm(below)} below your eyes, since progressive lenses need you to look down "
        "through them"
        if progressive
        else f"a little below eye level ({w.cm(below)} below), so you look slightly down"
    )
    sitting = plan.end.sitting_height_cm
    eye = sitting + body.eye_height_sitting.value
    delta = s.to_cm - s.from_cm
    carried = ""
    if s.carried_cm:
        desk = plan.step("desk.height_cm")
        carried = (
            f"The desk move{f' (step {desk.number})' if desk else ''} "
            f"{'brought it down' if s.carried_cm < 0 else 'took it up'} to {w.cm(s.from_cm)}; "
        )
    laptop = (
        " If this is a laptop, it needs a stand and a separate keyboard and mouse."
        if p.keyboard.home_row_above_surface_cm <= LAPTOP_HOME_ROW and delta > 0
        else ""
    )
    move = w.move(s.from_cm, s.to_cm)
    w.add(
        "monitor-height",
        severity_of_change(delta, MONITOR_TOLERANCE),
        "monitor",
        f"{'Raise' if delta > 0 else 'Lower'} the screen's top edge to {w.cm(s.to_cm)}",
        f"{w.step_of(s)}. {carried}{move if carried else move.capitalize()} to "
        f"{w.cm(s.to_cm)}: the top of the picture belongs {where} (your eyes are at "
        f"{w.cm(eye)} sitting at {w.cm(sitting)}). {_HOW[(p.monitor.mount, delta > 0)]}{laptop}",
        *((src.OSHA_MONITOR, src.BIFOCAL) if progressive else (src.OSHA_MONITOR,)),
    )
