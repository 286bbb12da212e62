"""The sources advice lines cite, named once (ergonomics.md lists them all)."""

from __future__ import annotations

ANSI_HFES = "ANSI/HFES 100-2007 §8.3.3.1: seat height = popliteal height + shoe allowance"
HFES_ENVELOPE = "HFES postural envelope (elbow 70–135°); OSHA workstation checklist item 7"
OSHA = "OSHA Computer Workstations eTool, workstation checklist"
OSHA_FEET = "OSHA workstation checklist item 12; HSE DSE checklist (furniture)"
OSHA_THIGHS = "OSHA workstation checklist item 9; HSE DSE checklist"
OSHA_LEGROOM = "OSHA workstation checklist items 10–11"
OSHA_BACK = "OSHA workstation checklist item 4"
OSHA_MONITOR = "OSHA eTool, Cal/OSHA, JNIOSH: top of the screen at or slightly below eye level"
BIFOCAL = "OSHA, Cal/OSHA, Mayo Clinic: lower the screen for bifocal and progressive lenses"
ROSA = "Sonne, Villalta & Andrews (2012), ROSA, Applied Ergonomics 43:98–108"
CORNELL = "Cornell University Ergonomics Web: chair first, then desk, then footrest"
CORNELL_BREAKS = "Cornell University Ergonomics Web: 20-8-2 (sit 20, stand 8, move 2 minutes)"
DIN_4556 = "DIN 4556 footrests: plate ≥ 45 × 35 cm, height to ≥ 11 cm, tilt 5–15°"
JUNG_2020 = "Jung et al. (2020), cross-legged sitting and low back pain, IJERPH 17:4621"
BIFMA = "ANSI/BIFMA G1: lumbar support 15–25 cm above the seat"
ANSUR = "ANSUR II (Gordon et al. 2014): body estimates from stature and sex"
FAA_CHARACTERS = "FAA rule of thumb: characters at least 1/200 of the viewing distance tall"
OUR_RULE = "deskfit rule: a product decision made from the sources above"
KUORINKA_1987 = (
    "Kuorinka et al. (1987), Nordic Musculoskeletal Questionnaire, Applied Ergonomics 18:233–237"
)
HSE_DSE_HEALTH = (
    "HSE L26, Work with display screen equipment: guidance on the Regulations (users who "
    "report symptoms are referred for medical advice)"
)
NICE_NG59 = "NICE NG59 (2016, updated 2020), Low back pain and sciatica: assess for red flags"
OSHA_ARMRESTS = (
    "OSHA Computer Workstations eTool, chairs: armrests must not keep you from getting close "
    "to the workstation"
)
HSE_LAPTOPS = (
    "HSE INDG36, Working with display screen equipment: for prolonged laptop use, a separate "
    "keyboard and mouse and a raised screen"
)
CORNELL_LAPTOPS = (
    "Cornell University Ergonomics Web, laptop computers: raise the screen, use an external "
    "keyboard and mouse"
)
OSHA_SCREENS = (
    "OSHA Computer Workstations eTool, monitors: a main screen in front and a second beside "
    "it; two used equally with the join in front; tops at the same height"
)
CSA_Z412 = "CSA Z412-17, Office ergonomics: a sit-stand workstation is set for each posture"
CCOHS_STANDING = (
    "CCOHS, Working in a standing position: anti-fatigue mats and footwear for standing work"
)
OSHA_KEYBOARD_TRAYS = (
    "OSHA Computer Workstations eTool, keyboards and pointer/mouse: a keyboard tray large "
    "enough for the keyboard and the pointing device, or a mouse platform beside it"
)
