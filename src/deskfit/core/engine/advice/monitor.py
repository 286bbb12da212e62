"""The monitor: height for the seat as set, distance, position, glare, documents."""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import Writer, severity_of_change
from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.plan import Step
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.engine.targets import MONITOR_TOLERANCE, VIEWING_DISTANCE
from deskfit.core.model.profile import Profile

MONITOR_DISTANCE = "monitor-distance"
SECOND_SCREEN_DISTANCE = "second-screen-distance"
CHARACTER_HEIGHT_RATIO = 200  # characters at least distance/200 tall (FAA rule of thumb)


def advise_monitor(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    mon = p.monitor
    _laptop_keyboard(w, p)
    _height(w, p, body)
    s = w.plan.step("monitor.distance_cm")
    if s is not None and s.from_cm is not None:
        _distance(
            w,
            s,
            MONITOR_DISTANCE,
            "screen",
            f"lets you read without leaning in: move it to {w.cm(s.to_cm)}. Text should be at "
            f"least {w.fine(s.to_cm / CHARACTER_HEIGHT_RATIO)} tall at {w.cm(s.to_cm)}: "
            "enlarge it rather than lean in.",
            src.OSHA,
            src.ROSA,
            src.FAA_CHARACTERS,
        )
    _second_screen(w, p)
    if not mon.directly_in_front:
        two = mon.second_screen != "none"
        equal = two and mon.screens_use == "equal"
        w.add(
            "monitor-in-front",
            "medium",
            "monitor",
            "Put the join between the screens in front of you"
            if equal
            else "Put the screen straight in front of you",
            "Turning your head more than 30° to see the screen strains the neck all day. "
            + (
                "You use both screens about equally: put them side by side with the join "
                "in front of your nose, both angled in towards you, and the keyboard centred "
                "on the join."
                if equal
                else "Centre the main screen on your keyboard, with the second beside it, "
                "angled towards you."
                if two
                else "Centre the screen you use most on your keyboard."
            ),
            src.OSHA_MONITOR,
            *((src.OSHA_SCREENS,) if two else ()),
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
    ("laptop", True): "Put the laptop on a laptop stand, or on a stack of books.",
    ("laptop", False): "Lower the laptop's stand.",
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
    laptop = p.monitor.kind == "laptop" and p.monitor.mount == "desk"
    how = _HOW[("laptop" if laptop else p.monitor.mount, delta > 0)]
    keys = w.plan.step("keyboard.home_row_above_surface_cm")
    if keys is not None and p.monitor.kind == "laptop" and delta > 0:
        how += f" You type on the separate keyboard from step {keys.number}, so the keys stay down."
    move = w.move(s.from_cm, s.to_cm)
    w.add(
        "monitor-height",
        severity_of_change(delta, MONITOR_TOLERANCE),
        "monitor",
        f"{'Raise' if delta > 0 else 'Lower'} the screen's top edge to {w.cm(s.to_cm)}",
        f"{w.step_of(s)}. {carried}{move if carried else move.capitalize()} to "
        f"{w.cm(s.to_cm)}: the top of the picture belongs {where} (your eyes are at "
        f"{w.cm(eye)} sitting at {w.cm(sitting)}). {how}",
        *((src.OSHA_MONITOR, src.BIFOCAL) if progressive else (src.OSHA_MONITOR,)),
    )


def _laptop_keyboard(w: Writer, p: Profile) -> None:
    """Typing on a laptop's own keys: a separate keyboard and mouse come first, and every
    height after is set for them (docs/workstations.md §1)."""
    s = w.plan.step("keyboard.home_row_above_surface_cm")
    if s is None:
        return
    role = "your main screen" if p.monitor.kind == "laptop" else "your second screen"
    w.add(
        "laptop-keyboard",
        "high",
        "keyboard",
        "Use a separate keyboard and mouse with the laptop",
        f"{w.step_of(s)}. The laptop is {role}, and its keys are joined to it: with its "
        "screen at eye level the keys are far above your elbows, and with the keys at your "
        "elbows the screen is far below your eyes. Plug in a separate keyboard and mouse; "
        f"the heights in this plan are for a standard keyboard, whose home row sits about "
        f"{w.cm(s.to_cm)} above what it stands on. Then the laptop's screen can go where your eyes "
        "need it.",
        src.HSE_LAPTOPS,
        src.CORNELL_LAPTOPS,
    )


def _second_screen(w: Writer, p: Profile) -> None:
    """The second screen: beside the main one, its top level with the main one's as set,
    at the same distance band (docs/workstations.md §2)."""
    mon = p.monitor
    s = w.plan.step("monitor.second_top_height_cm")
    main = w.plan.end.monitor_top_height_cm
    what = "laptop" if mon.second_screen == "laptop" else "second screen"
    if s is not None and s.advice_id == "second-screen" and s.from_cm is not None:
        delta = s.to_cm - s.from_cm
        below = mon.second_position == "below"
        level = f"level with the main screen's top ({w.cm(main)})"
        if below:
            title = f"Move the {what} from below the main screen to beside it"
            did = (
                "A screen below the main one bends your neck down each time you look at it. "
                f"Put it beside the main screen with its top at {w.cm(s.to_cm)}, {level}"
            )
        else:
            title = f"{'Raise' if delta > 0 else 'Lower'} the {what}'s top edge to {w.cm(s.to_cm)}"
            did = f"{w.move(s.from_cm, s.to_cm)} to {w.cm(s.to_cm)}, {level}"
        if s.carried_cm:
            went = "brought it down" if s.carried_cm < 0 else "took it up"
            did = f"The desk move {went} to {w.cm(s.from_cm)}; {did[0].lower()}{did[1:]}"
        use = (
            "you use both about equally, so put them side by side with the join in front of "
            "your nose"
            if mon.screens_use == "equal"
            else "the main screen stays straight in front of you and this one goes beside it, "
            "angled towards you"
        )
        w.add(
            "second-screen",
            "high" if below or s.buy else severity_of_change(delta, MONITOR_TOLERANCE),
            "monitor",
            title,
            f"{w.step_of(s)}. {did[0].upper()}{did[1:]}, so your eyes move level between them: "
            f"{use}. {_second_how(s, mon.second_screen == 'laptop', mon.mount)}",
            src.OSHA_SCREENS,
            src.OSHA_MONITOR,
        )
    d = w.plan.step("monitor.second_distance_cm")
    if d is not None and d.from_cm is not None:
        _distance(
            w,
            d,
            SECOND_SCREEN_DISTANCE,
            what,
            f"suits it as it does the main screen: move it to {w.cm(d.to_cm)}.",
            src.OSHA_SCREENS,
            src.ROSA,
        )


def _distance(w: Writer, s: Step, advice_id: str, what: str, why: str, *sources: str) -> None:
    """A screen to move into the 50–75 cm band (§2): closer when it is too far, which
    ROSA counts, else further away."""
    assert s.from_cm is not None
    far = s.from_cm > VIEWING_DISTANCE[2]
    w.add(
        advice_id,
        "medium" if far else "low",
        "monitor",
        f"Move the {what} {'closer' if far else 'further away'}, to {w.cm(s.to_cm)}",
        f"{w.step_of(s)}. The {what} is {w.cm(s.from_cm)} from your eyes; "
        f"{w.span(VIEWING_DISTANCE[1], VIEWING_DISTANCE[2])}, about arm's length, {why}",
        *sources,
    )


def _second_how(s: Step, laptop: bool, mount: str) -> str:
    if s.buy == "laptop stand":
        return "A laptop stand raises it; a stack of books does too."
    if s.buy == "monitor riser":
        return "A monitor riser raises it; a stack of books does too."
    if s.from_cm is not None and s.to_cm < s.from_cm:
        return "Lower its stand." if not laptop else "Take it off what raises it."
    if laptop:
        return "A book or two under the laptop raises it."
    return "Raise its arm." if mount == "arm" else "Raise its stand."
