"""The workstation profile: pydantic models that *are* the TOML schema (version 1).

Key names follow ``shared/profile-format.md`` exactly; other tools build profiles by them.
Each field carries its question (title), its help (how to measure), its unit and its
plausible range; the wizard, ``deskfit check`` and the store all derive from these.

Field-level rules (type, range, NaN) are pydantic's. Rules that tie two fields together
live in each section's ``rules()`` so that they can name the field they concern; see
``validation.py`` for how both become messages a person understands.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from deskfit.core.model.applies import either, is_not, one_of, yes
from deskfit.core.model.fields import choice, measure, yes_no
from deskfit.core.model.record import ACTION_ID_PATTERN, Action, Assessment
from deskfit.core.model.section import Rule, Section, range_rules
from deskfit.core.model.symptoms import Symptoms

SCHEMA_VERSION = 1

Units = Literal["metric", "imperial"]
Sex = Literal["female", "male", "unspecified"]
Lenses = Literal["none", "single_vision", "progressive"]
Lumbar = Literal["adjustable", "fixed", "none"]
Armrests = Literal["adjustable", "fixed", "none"]
ArmrestFit = Literal["supported", "too_high", "too_low"]
PhoneUse = Literal["none", "handset", "headset", "speaker"]
Frequency = Literal["never", "sometimes", "often"]
MonitorMount = Literal["desk", "arm", "independent"]
MonitorKind = Literal["external", "laptop"]
SecondScreen = Literal["none", "external", "laptop"]
ScreensUse = Literal["main", "equal"]
SecondPosition = Literal["side", "below"]


class Body(Section):
    stature_cm: float = measure(
        "Your height",
        "Barefoot, standing against a wall, heels together. Most people over-report their "
        "height by about 2.5 cm: measure it if you can.",
        lo=90,
        hi=250,
        range_phrase="a person's height is {lo}–{hi} {unit}",
    )
    sex: Sex = choice(
        "Sex",
        "Used only to estimate the body measurements you leave blank.",
        {"female": "Female", "male": "Male", "unspecified": "Rather not say"},
        default="unspecified",
    )
    shoe_allowance_cm: float = measure(
        "Shoe heel height",
        "Heel height of the shoes you wear at the desk: 2.5 cm for ordinary shoes, 0 barefoot "
        "or in socks, the real heel for heels.",
        lo=0,
        hi=15,
        default=2.5,
        range_phrase="a heel is {lo}–{hi} {unit}",
    )
    popliteal_height_cm: float | None = measure(
        "Popliteal height (optional)",
        "Sit with thighs level and knees at 90°, barefoot: floor to the crease behind the "
        "knee. Leave blank to estimate it from your height.",
        lo=25,
        hi=65,
        default=None,
        optional_measure=True,
    )
    elbow_rest_height_cm: float | None = measure(
        "Elbow rest height (optional, worth measuring)",
        "Sit upright, upper arm hanging, elbow bent to 90°: top of the seat to the underside "
        "of the elbow. Your height predicts this poorly (±4.6 cm), and it sets your desk "
        "height, so measure it if you can.",
        lo=10,
        hi=40,
        default=None,
        optional_measure=True,
    )
    eye_height_sitting_cm: float | None = measure(
        "Eye height sitting (optional)",
        "Sit upright: top of the seat to the inner corner of the eye.",
        lo=50,
        hi=100,
        default=None,
        optional_measure=True,
    )
    buttock_popliteal_length_cm: float | None = measure(
        "Buttock to back of knee (optional)",
        "Sitting: from the back of the buttock to the crease behind the knee.",
        lo=30,
        hi=70,
        default=None,
        optional_measure=True,
    )
    thigh_clearance_cm: float | None = measure(
        "Thigh clearance (optional)",
        "Sitting upright, thighs level: top of the seat to the highest point of your thigh. "
        "It decides whether your legs fit under the desk; leave blank to estimate it.",
        lo=8,
        hi=35,
        default=None,
        range_phrase="a thigh clearance is {lo}–{hi} {unit}",
        optional_measure=True,
    )
    elbow_height_standing_cm: float | None = measure(
        "Standing elbow height (optional)",
        "Stand barefoot, upper arm hanging, elbow bent to 90°: floor to the elbow joint (the "
        "bony point on the outside of the elbow). It sets a sit-stand desk's standing "
        "height; leave blank to estimate it from your height.",
        lo=60,
        hi=160,
        default=None,
        range_phrase="a standing elbow is {lo}–{hi} {unit} from the floor",
        optional_measure=True,
    )
    lenses: Lenses = choice(
        "Glasses at the screen",
        "Progressive or bifocal lenses need the screen lower, so you can look through the "
        "reading part without tipping your head back.",
        {"none": "None", "single_vision": "Single vision", "progressive": "Progressive / bifocal"},
        default="none",
    )


class Chair(Section):
    seat_height_cm: float = measure(
        "Seat height now",
        "Floor to the top of the seat's front edge, as the chair is set today.",
        lo=20,
        hi=100,
        range_phrase="a seat is {lo}–{hi} {unit} from the floor",
    )
    height_adjustable: bool = yes_no(
        "Can the seat height be adjusted?", "A gas lift lever under the seat.", default=False
    )
    seat_height_min_cm: float | None = measure(
        "Lowest seat height",
        "Let the seat all the way down and measure floor to the seat's front edge.",
        lo=20,
        hi=100,
        default=None,
        range_phrase="a seat is {lo}–{hi} {unit} from the floor",
        when=yes("height_adjustable", "because the seat height can be adjusted"),
    )
    seat_height_max_cm: float | None = measure(
        "Highest seat height",
        "Raise the seat all the way up and measure floor to the seat's front edge.",
        lo=20,
        hi=100,
        default=None,
        range_phrase="a seat is {lo}–{hi} {unit} from the floor",
        when=yes("height_adjustable", "because the seat height can be adjusted"),
    )
    seat_depth_cm: float | None = measure(
        "Seat depth (optional)",
        "From the backrest to the front edge of the seat.",
        lo=25,
        hi=70,
        default=None,
        range_phrase="a seat is {lo}–{hi} {unit} deep",
    )
    depth_adjustable: bool = yes_no(
        "Can the seat slide forward and back?", "A seat slider changes the depth.", default=False
    )
    seat_depth_min_cm: float | None = measure(
        "Shortest seat depth (optional)",
        "The seat slid all the way back: backrest to the seat's front edge. Leave blank if "
        "you cannot measure it; the advice then assumes the slider reaches what you need.",
        lo=25,
        hi=70,
        default=None,
        range_phrase="a seat is {lo}–{hi} {unit} deep",
        when=yes("depth_adjustable", "because the seat slides"),
        optional_when_shown=True,  # blank: the slider is taken to reach what is needed
    )
    seat_depth_max_cm: float | None = measure(
        "Deepest seat depth (optional)",
        "The seat slid all the way forward: backrest to the seat's front edge.",
        lo=25,
        hi=70,
        default=None,
        range_phrase="a seat is {lo}–{hi} {unit} deep",
        when=yes("depth_adjustable", "because the seat slides"),
        optional_when_shown=True,  # blank: the slider is taken to reach what is needed
    )
    lumbar_support: Lumbar = choice(
        "Lumbar support",
        "The bulge in the backrest that fits the small of your back.",
        {"adjustable": "Adjustable", "fixed": "Fixed", "none": "None"},
        default="none",
    )
    lumbar_in_small_of_back: bool = yes_no(
        "Does the lumbar support sit in the small of your back?",
        "Sitting back in the chair, the support should meet the inward curve just above your belt.",
        default=True,
        when=is_not("lumbar_support", "none", "because the chair has a lumbar support"),
    )
    backrest: bool = yes_no(
        "Do you lean against a backrest?",
        "No if it is a stool, or if you sit forward and never reach the backrest.",
        default=True,
    )
    backrest_recline_deg: float = measure(
        "Backrest angle",
        "The angle between seat and backrest: 90 is upright, 100–110 slightly reclined.",
        lo=60,
        hi=150,
        default=100.0,
        unit="deg",
        range_phrase="a backrest angle is {lo}–{hi}°",
        when=yes("backrest", "because you lean against a backrest"),
    )
    backrest_adjustable: bool = yes_no(
        "Can the backrest be adjusted?",
        "Its angle or its height.",
        default=False,
        when=yes("backrest", "because you lean against a backrest"),
    )
    cushion_cm: float = measure(
        "Seat cushion",
        "A firm cushion you sit on: its thickness with you sitting on it. You sit at the seat "
        "height plus the cushion. 0 for none.",
        lo=0,
        hi=20,
        default=0.0,
        range_phrase="a seat cushion is {lo}–{hi} {unit} thick",
    )
    armrests: Armrests = choice(
        "Armrests",
        "Armrests that adjust in height can support your elbows at desk height.",
        {"adjustable": "Adjustable", "fixed": "Fixed", "none": "None"},
        default="none",
    )
    armrest_fit: ArmrestFit = choice(
        "How do the armrests meet your elbows?",
        "With shoulders relaxed: do the armrests just support your elbows, push your "
        "shoulders up, or sit below your elbows?",
        {"supported": "Just supported", "too_high": "Too high", "too_low": "Too low"},
        default="supported",
        when=is_not("armrests", "none", "because the chair has armrests"),
    )
    armrest_height_min_cm: float | None = measure(
        "Armrests at their lowest (optional)",
        "Armrests all the way down: top of the seat to the top of the armrest.",
        lo=5,
        hi=45,
        default=None,
        range_phrase="an armrest is {lo}–{hi} {unit} above the seat",
        when=one_of("armrests", ("adjustable",), "because the armrests adjust"),
        optional_when_shown=True,  # blank: the armrests are taken to reach what is needed
    )
    armrest_height_max_cm: float | None = measure(
        "Armrests at their highest (optional)",
        "Armrests all the way up: top of the seat to the top of the armrest.",
        lo=5,
        hi=45,
        default=None,
        range_phrase="an armrest is {lo}–{hi} {unit} above the seat",
        when=one_of("armrests", ("adjustable",), "because the armrests adjust"),
        optional_when_shown=True,
    )
    armrests_removable: bool = yes_no(
        "Can the armrests be taken off or swung back?",
        "Screws under the seat, or armrests that flip up or swing out of the way.",
        default=False,
        when=is_not("armrests", "none", "because the chair has armrests"),
    )
    armrests_hard: bool = yes_no(
        "Are the armrests hard or damaged?",
        "A hard edge presses on the forearm.",
        default=False,
        when=is_not("armrests", "none", "because the chair has armrests"),
    )
    armrests_too_wide: bool = yes_no(
        "Are the armrests too wide apart?",
        "If you have to hold your arms out to reach them, they are too wide.",
        default=False,
        when=is_not("armrests", "none", "because the chair has armrests"),
    )

    def checks(self) -> list[Rule]:
        out: list[Rule] = []
        if self.height_adjustable:
            out += range_rules(
                self, "seat_height_min_cm", "seat_height_max_cm", "seat_height_cm", "seat height"
            )
        if self.depth_adjustable:
            out += range_rules(
                self, "seat_depth_min_cm", "seat_depth_max_cm", "seat_depth_cm", "seat depth"
            )
        if self.armrests == "adjustable":
            out += range_rules(
                self, "armrest_height_min_cm", "armrest_height_max_cm", None, "armrest height"
            )
        return out


_STANDS = (
    yes("height_adjustable", "because the desk height can be adjusted"),
    yes("sit_stand", "because you stand at the desk"),
)


class Desk(Section):
    height_cm: float = measure(
        "Desk height",
        "Floor to the top of the work surface where the keyboard sits (a sit-stand desk: as "
        "you sit at it).",
        lo=40,
        hi=150,
        range_phrase="a desk is {lo}–{hi} {unit} high",
    )
    height_adjustable: bool = yes_no(
        "Can the desk height be adjusted?", "Legs with a crank, a motor or holes.", default=False
    )
    height_min_cm: float | None = measure(
        "Lowest desk height",
        "With the desk all the way down.",
        lo=40,
        hi=150,
        default=None,
        range_phrase="a desk is {lo}–{hi} {unit} high",
        when=yes("height_adjustable", "because the desk height can be adjusted"),
    )
    height_max_cm: float | None = measure(
        "Highest desk height",
        "With the desk all the way up.",
        lo=40,
        hi=150,
        default=None,
        range_phrase="a desk is {lo}–{hi} {unit} high",
        when=yes("height_adjustable", "because the desk height can be adjusted"),
    )
    sit_stand: bool = yes_no(
        "Is it a sit-stand desk?",
        "One that rises high enough to work standing.",
        default=False,
        when=yes("height_adjustable", "because the desk height can be adjusted"),
    )
    standing_shoe_allowance_cm: float | None = measure(
        "Shoe heel height when standing (optional)",
        "If you wear other shoes to stand (or stand in socks): their heel height. Leave blank "
        "if they are the shoes you sit in.",
        lo=0,
        hi=15,
        default=None,
        range_phrase="a heel is {lo}–{hi} {unit}",
        when=_STANDS,
        optional_when_shown=True,  # blank: the same shoes as sitting
    )
    standing_mat_cm: float = measure(
        "Anti-fatigue mat",
        "The thickness of the mat you stand on, squashed under your feet; 0 for none. It "
        "raises you, so the desk and screen go up by as much.",
        lo=0,
        hi=5,
        default=0.0,
        range_phrase="a mat is {lo}–{hi} {unit} thick",
        when=_STANDS,
    )
    standing_screen_top_cm: float | None = measure(
        "Screen top when standing (optional)",
        "With the desk up as you stand: floor to the top edge of the screen's picture. Leave "
        "blank if the screen simply rises with the desk (or stays put on its own stand).",
        lo=40,
        hi=250,
        default=None,
        range_phrase="a screen's top edge is {lo}–{hi} {unit} from the floor",
        when=_STANDS,
        optional_when_shown=True,  # blank: where the desk (or its own stand) puts it
    )
    legroom_ok: bool = yes_no(
        "Is there room under the desk for your thighs and knees?",
        "No drawers, bars or boxes in the way when you sit close.",
        default=True,
    )
    thickness_cm: float = measure(
        "Desk top thickness at the front",
        "From the desk top to the lowest thing under its front edge where your thighs go: the "
        "top itself, or an apron, rail or drawer under it. About 3 cm for a plain top.",
        lo=0,
        hi=40,
        default=3.0,
        range_phrase="a desk top with what hangs under it is {lo}–{hi} {unit} thick",
    )
    keyboard_tray: bool = yes_no(
        "Do you type on a keyboard tray?",
        "A pull-out shelf under the desk top for the keyboard.",
        default=False,
    )
    keyboard_tray_height_cm: float | None = measure(
        "Keyboard tray height",
        "Floor to the top of the tray.",
        lo=40,
        hi=150,
        default=None,
        range_phrase="a keyboard tray is {lo}–{hi} {unit} high",
        when=yes("keyboard_tray", "because you use a keyboard tray"),
    )
    keyboard_tray_adjustable: bool = yes_no(
        "Can the tray height be adjusted?",
        "A lever or knob that moves the tray up and down.",
        default=False,
        when=yes("keyboard_tray", "because you use a keyboard tray"),
    )
    keyboard_tray_min_cm: float | None = measure(
        "Lowest tray height (optional)",
        "With the tray all the way down: floor to the top of the tray. Leave blank if you "
        "cannot measure it.",
        lo=40,
        hi=150,
        default=None,
        range_phrase="a keyboard tray is {lo}–{hi} {unit} high",
        when=(
            yes("keyboard_tray", "because you use a keyboard tray"),
            yes("keyboard_tray_adjustable", "because the tray height can be adjusted"),
        ),
        optional_when_shown=True,  # blank: 40 cm up to 2.5 cm under the desk top
    )
    keyboard_tray_max_cm: float | None = measure(
        "Highest tray height (optional)",
        "With the tray all the way up: floor to the top of the tray.",
        lo=40,
        hi=150,
        default=None,
        range_phrase="a keyboard tray is {lo}–{hi} {unit} high",
        when=(
            yes("keyboard_tray", "because you use a keyboard tray"),
            yes("keyboard_tray_adjustable", "because the tray height can be adjusted"),
        ),
        optional_when_shown=True,
    )
    keyboard_tray_mouse_fits: bool = yes_no(
        "Does the mouse fit on the tray beside the keyboard?",
        "No if the tray is only as wide as the keyboard and the mouse lives on the desk top.",
        default=True,
        when=yes("keyboard_tray", "because you use a keyboard tray"),
    )

    @property
    def stands(self) -> bool:
        """A sit-stand desk: one that is said to be, and whose height can be adjusted."""
        return self.sit_stand and self.height_adjustable

    def checks(self) -> list[Rule]:
        out: list[Rule] = []
        if self.height_adjustable:
            out += range_rules(self, "height_min_cm", "height_max_cm", "height_cm", "desk height")
        if self.keyboard_tray and self.keyboard_tray_adjustable:
            out += range_rules(
                self,
                "keyboard_tray_min_cm",
                "keyboard_tray_max_cm",
                "keyboard_tray_height_cm",
                "tray height",
            )
        if self.keyboard_tray:
            tray = self.keyboard_tray_height_cm
            if tray is not None and tray >= self.height_cm:
                out.append(
                    Rule(
                        "keyboard_tray_height_cm",
                        f"a keyboard tray sits below the desk top ({self.height_cm:g} cm); "
                        f"{tray:g} cm is not below it",
                    )
                )
        return out


class Footstool(Section):
    owned: bool = yes_no("Do you have a footstool?", "A footrest under the desk.", default=False)
    height_cm: float | None = measure(
        "Footstool height",
        "Floor to the top of the foot plate where your heels rest (its middle if it tilts).",
        lo=0,
        hi=40,
        default=None,
        range_phrase="a footstool is {lo}–{hi} {unit} high",
        when=yes("owned", "because you have a footstool"),
    )
    adjustable: bool = yes_no(
        "Can its height be adjusted?",
        "Legs or a slider that change its height.",
        default=False,
        when=yes("owned", "because you have a footstool"),
    )
    height_min_cm: float | None = measure(
        "Lowest footstool height",
        "With the footstool set all the way down: floor to the top of the foot plate.",
        lo=0,
        hi=40,
        default=None,
        range_phrase="a footstool is {lo}–{hi} {unit} high",
        when=(
            yes("owned", "because you have a footstool"),
            yes("adjustable", "because the footstool height can be adjusted"),
        ),
    )
    height_max_cm: float | None = measure(
        "Highest footstool height",
        "With the footstool set all the way up: floor to the top of the foot plate.",
        lo=0,
        hi=40,
        default=None,
        range_phrase="a footstool is {lo}–{hi} {unit} high",
        when=(
            yes("owned", "because you have a footstool"),
            yes("adjustable", "because the footstool height can be adjusted"),
        ),
    )
    in_use: bool | None = yes_no(
        "Are your feet on it while you work?",
        "Leave as it is if you use it; say no if it sits unused.",
        default=None,
        optional_when_shown=True,  # blank means "in use if you have one" (profile-format.md)
        when=yes("owned", "because you have a footstool"),
    )

    @model_validator(mode="after")
    def _in_use_defaults_to_owned(self) -> Footstool:
        # profile-format.md: "in_use ... default = owned"
        if self.in_use is None:
            self.in_use = self.owned
        return self

    def checks(self) -> list[Rule]:
        out: list[Rule] = []
        if self.owned and self.adjustable:
            # 0 is "put aside, feet on the floor", which a plan step may set
            # (profile-format.md: a plan step's to_cm of 0 means no footstool).
            value_key = "height_cm" if self.height_cm != 0 else None
            out += range_rules(
                self, "height_min_cm", "height_max_cm", value_key, "footstool height"
            )
        return out


_SECOND = is_not("second_screen", "none", "because you have a second screen")
_LAPTOP = either(
    (one_of("kind", ("laptop",), ""), one_of("second_screen", ("laptop",), "")),
    "because you work on a laptop",
)


class Monitor(Section):
    kind: MonitorKind = choice(
        "What is your main screen?",
        "The screen you look at most: a separate monitor, or the laptop's own screen.",
        {"external": "A monitor", "laptop": "A laptop's screen"},
        default="external",
    )
    top_height_cm: float = measure(
        "Screen top height",
        "Floor to the top edge of the main screen's picture (not the frame).",
        lo=40,
        hi=250,
        range_phrase="a screen's top edge is {lo}–{hi} {unit} from the floor",
    )
    distance_cm: float = measure(
        "Screen distance",
        "From your eyes to the screen, sitting as you work. Arm's length is about 60–70 cm.",
        lo=20,
        hi=200,
        range_phrase="a screen is {lo}–{hi} {unit} from the eyes",
    )
    mount: MonitorMount = choice(
        "What holds the screen?",
        "A screen on its own stand on the desk, a laptop on the desk, or a screen on an arm "
        "clamped to the desk rises and falls with the desk; one on a floor stand or on the "
        "wall stays where it is.",
        {"desk": "On the desk", "arm": "Arm on the desk", "independent": "Floor stand, wall"},
        default="desk",
    )
    second_screen: SecondScreen = choice(
        "A second screen?",
        "Another screen you work on at the same time: a monitor, or a laptop's screen.",
        {"none": "No", "external": "A monitor", "laptop": "A laptop's screen"},
        default="none",
    )
    screens_use: ScreensUse = choice(
        "How do you use the two screens?",
        "One main screen and the other now and then (mail, a chat), or both about equally?",
        {"main": "One main", "equal": "Both equally"},
        default="main",
        when=_SECOND,
    )
    second_position: SecondPosition = choice(
        "Where is the second screen?",
        "Beside the main screen, or below it (a laptop under a monitor)?",
        {"side": "Beside it", "below": "Below it"},
        default="side",
        when=_SECOND,
    )
    second_top_height_cm: float | None = measure(
        "Second screen top height",
        "Floor to the top edge of the second screen's picture.",
        lo=40,
        hi=250,
        default=None,
        range_phrase="a screen's top edge is {lo}–{hi} {unit} from the floor",
        when=_SECOND,
    )
    second_distance_cm: float | None = measure(
        "Second screen distance (optional)",
        "From your eyes to the second screen. Leave blank if it is as far as the main one.",
        lo=20,
        hi=200,
        default=None,
        range_phrase="a screen is {lo}–{hi} {unit} from the eyes",
        when=_SECOND,
        optional_when_shown=True,  # blank: as far as the main screen
    )
    laptop_keyboard: bool | None = yes_no(
        "Do you type on the laptop's own keyboard?",
        "Yes if the laptop's keyboard and touchpad are what you type and point with; no if "
        "you plug in a separate keyboard and mouse.",
        default=None,
        when=_LAPTOP,
    )
    directly_in_front: bool = yes_no(
        "Is the screen straight in front of you?",
        "The screen you use most, or, with two screens used about equally, the join between "
        "them: is it in front of your nose? No if you turn your head more than 30° to it.",
        default=True,
    )
    glare: bool = yes_no(
        "Is there glare or reflection on the screen?",
        "From a window or a lamp behind you.",
        default=False,
    )
    reads_documents: bool = yes_no(
        "Do you read paper documents while typing?", "Copying from paper.", default=False
    )
    document_holder: bool = yes_no(
        "Do you use a document holder?",
        "A stand that holds paper beside the screen.",
        default=False,
        when=yes("reads_documents", "because you work from documents"),
    )


class Keyboard(Section):
    home_row_above_surface_cm: float = measure(
        "Keyboard home row above the desk",
        "The height of the middle row of keys above the surface the keyboard stands on: about "
        "3 cm for a standard keyboard, 1.5 cm for a laptop or low-profile keyboard.",
        lo=0,
        hi=10,
        default=3.0,
        range_phrase="a home row is {lo}–{hi} {unit} above the surface",
    )
    wrists_straight: bool = yes_no(
        "Are your wrists straight while typing?",
        "No if your hands bend up at the wrist (keyboard feet up, or a high keyboard).",
        default=True,
    )
    wrists_deviate: bool = yes_no(
        "Do your wrists bend sideways while typing?",
        "Hands angled out towards the little finger.",
        default=False,
    )
    reaches_overhead: bool = yes_no(
        "Do you reach up to shelves above the desk while working?",
        "Files or supplies kept above shoulder height.",
        default=False,
    )


class Mouse(Section):
    in_line_with_shoulder: bool = yes_no(
        "Is the mouse in line with your shoulder?",
        "No if you reach out to the side or forward to hold it.",
        default=True,
    )
    same_surface_as_keyboard: bool = yes_no(
        "Is the mouse on the same surface as the keyboard?",
        "No if, say, the keyboard is on a tray and the mouse on the desk.",
        default=True,
    )
    pinch_grip: bool = yes_no(
        "Do you pinch the mouse with your fingertips?",
        "A mouse too small for your hand makes you pinch it.",
        default=False,
    )
    hard_palm_rest: bool = yes_no(
        "Is there a hard palm rest in front of the mouse?",
        "A hard edge under the wrist presses on the carpal tunnel.",
        default=False,
    )


class Phone(Section):
    use: PhoneUse = choice(
        "How do you take phone calls at the desk?",
        "A headset or speaker frees the neck and both hands.",
        {"none": "No calls", "handset": "Handset", "headset": "Headset", "speaker": "Speaker"},
        default="none",
    )
    # A headset goes where the head goes: its base's reach and a shoulder hold do not
    # arise, and ROSA scores a headset 1 whatever the reach (rosa_items reads these
    # conditions through ``asks``).
    within_reach: bool = yes_no(
        "Is the phone within 30 cm (12 in)?",
        "Within easy reach without stretching.",
        default=True,
        when=one_of("use", ("handset", "speaker"), "because you pick up or dial the phone"),
    )
    neck_shoulder_hold: bool = yes_no(
        "Do you hold the phone between ear and shoulder?",
        "Cradling the handset to free your hands while you talk.",
        default=False,
        when=one_of("use", ("handset",), "because you use a handset"),
    )
    hours_per_day: float = measure(
        "Hours a day on the phone",
        "A rough figure.",
        lo=0,
        hi=24,
        default=0.0,
        unit="h",
        range_phrase="a day has {lo}–{hi} hours",
        when=is_not("use", "none", "because you take calls"),
    )


class Habits(Section):
    hours_per_day: float = measure(
        "Hours a day at this desk",
        "More than 4 hours a day makes a good set-up urgent.",
        lo=0,
        hi=24,
        unit="h",
        range_phrase="a day has {lo}–{hi} hours",
    )
    longest_stretch_min: int = measure(
        "Longest time seated without getting up (minutes)",
        "The longest you usually sit before you stand up or walk about.",
        lo=0,
        hi=1440,
        unit="min",
        range_phrase="a day has {lo}–{hi} minutes",
    )
    crosses_legs: Frequency = choice(
        "Do you cross your legs while sitting?",
        "Crossing the legs twists the pelvis and loads the lower back unevenly.",
        {"never": "Never", "sometimes": "Sometimes", "often": "Often"},
        default="never",
    )


NAME_PATTERN = (
    "^[^\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*$"
)


ActionId = Annotated[str, StringConstraints(pattern=ACTION_ID_PATTERN)]


class Profile(BaseModel):
    """One person at one workstation."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)

    schema_version: int = Field(SCHEMA_VERSION, title="Schema version")
    name: str = Field(
        ...,
        title="Profile name",
        description="Shown in lists, e.g. 'Office desk'; the file name is made from it.",
        min_length=1,
        max_length=120,
        # Names are printed on terminals and in file lists: no control characters (C0, DEL,
        # C1), no bidi overrides or marks, no zero-width or line-separator characters,
        # which could hide, reorder or fake what is shown (see shown_text).
        pattern=NAME_PATTERN,
    )
    units: Units = choice(
        "Units",
        "How lengths are shown; files always store centimetres.",
        {"metric": "Metric (cm)", "imperial": "Imperial (in)"},
        default="metric",
    )
    # strict: a TOML date-time only (5 or "yesterday" is a mistake, not 1970)
    created: datetime | None = Field(None, title="Created", strict=True)
    updated: datetime | None = Field(None, title="Updated", strict=True)
    body: Body
    chair: Chair
    desk: Desk
    footstool: Footstool = Field(default_factory=lambda: Footstool())
    monitor: Monitor
    keyboard: Keyboard = Field(default_factory=lambda: Keyboard())
    mouse: Mouse = Field(default_factory=lambda: Mouse())
    phone: Phone = Field(default_factory=lambda: Phone())
    habits: Habits
    symptoms: Symptoms = Field(default_factory=lambda: Symptoms())
    # The assessment and its actions are not questions of the wizard's steps: they are
    # set on the review (or with ``deskfit set``) once the advice is known.
    assessment: Assessment = Field(default_factory=lambda: Assessment())
    actions: dict[ActionId, Action] = Field(default_factory=dict, title="Actions by advice id")
    extra: dict[str, Any] = Field(default_factory=dict, title="Free-form notes, preserved")

    @model_validator(mode="before")
    @classmethod
    def _drop_advice_snapshot(cls, data: Any) -> Any:
        # [advice] is written by deskfit on save and never read back as input.
        if isinstance(data, dict) and "advice" in data:
            data = {k: v for k, v in data.items() if k != "advice"}
        return data

    def sections(self) -> dict[str, Section]:
        return {name: getattr(self, name) for name in SECTION_NAMES}


# The profile's tables in the order a person adjusts things (also the wizard's order).
SECTION_MODELS: dict[str, type[Section]] = {
    "body": Body,
    "chair": Chair,
    "desk": Desk,
    "footstool": Footstool,
    "monitor": Monitor,
    "keyboard": Keyboard,
    "mouse": Mouse,
    "phone": Phone,
    "habits": Habits,
    "symptoms": Symptoms,
}
SECTION_NAMES: tuple[str, ...] = tuple(SECTION_MODELS)
