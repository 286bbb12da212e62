"""Write N realistic, varied, valid profiles into DIR, for load tests and `deskfit report`.

    python scripts/make_profiles.py 10000 /tmp/profiles --seed 1

Bodies are drawn from the ANSUR II distributions: stature from a normal per sex, and,
for some people, measured dimensions = the fit in ``body.FITS`` + normal(residual SD), as
a tape measure would give. Furniture comes from realistic ranges (mostly fixed desks of
68–78 cm, some adjustable 62–125 cm, some keyboard trays; mostly adjustable chairs, some
fixed; footstools sometimes), and the other answers vary. The same seed writes the same
files, byte for byte (no time stamps). Each profile is validated with ``parse_profile``
before it is written (``store.render_toml``, written plainly: no fsync), so every file loads.
Files are ``profile-00001.toml``, ``profile-00002.toml``, ...
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from deskfit.core.engine.body import FITS
from deskfit.core.files import store
from deskfit.core.model.validation import parse_profile

# Stature (cm, barefoot) in ANSUR II (Gordon et al. 2014): mean and SD per sex, computed
# from ../shared/data/ansur2 (4,082 men, 1,986 women) and hard-coded here.
STATURE: dict[str, tuple[float, float]] = {"male": (175.6, 6.9), "female": (162.8, 6.4)}
STATURE_LIMITS = (140.0, 210.0)  # clipped: the model accepts more, people rarely are

FIRST_NAMES = (
    "Ana", "Ben", "Chloé", "Dara", "Elif", "Finn", "Grace", "Hugo", "Ines", "Jonas",
    "Kemal", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomás",
    "Uma", "Viktor", "Wen", "Yara", "Zoë",
)  # fmt: skip
PLACES = ("the office", "home", "the lab", "reception", "the studio", "the library")


def _r(rng: random.Random, lo: float, hi: float, step: float = 0.5) -> float:
    """A uniform value in [lo, hi] on a grid of ``step`` (as people measure)."""
    n = round((hi - lo) / step)
    return round(lo + step * rng.randint(0, n), 1)


def _body(rng: random.Random) -> dict[str, Any]:
    sex = rng.choices(("male", "female", "unspecified"), weights=(48, 48, 4))[0]
    draw_sex = sex if sex != "unspecified" else rng.choice(("male", "female"))
    mean, sd = STATURE[draw_sex]
    stature = min(max(rng.gauss(mean, sd), STATURE_LIMITS[0]), STATURE_LIMITS[1])
    body: dict[str, Any] = {"stature_cm": round(stature, 1), "sex": sex}
    if rng.random() < 0.15:
        body["shoe_allowance_cm"] = _r(rng, 0.0, 5.0)
    if rng.random() < 0.3:  # some people measured themselves
        for dim in rng.sample(sorted(FITS), k=rng.randint(1, 4)):
            if dim == "eye_height_standing":
                continue  # not a profile key
            slope, intercept, resid = FITS[dim][draw_sex]
            value = slope * stature + intercept + rng.gauss(0.0, resid)
            body[f"{dim}_cm"] = round(value * 2) / 2
    body["lenses"] = rng.choices(("none", "single_vision", "progressive"), (60, 28, 12))[0]
    return body


def _chair(rng: random.Random) -> dict[str, Any]:
    chair: dict[str, Any] = {}
    if rng.random() < 0.8:
        lo = _r(rng, 39.0, 47.0)
        hi = lo + _r(rng, 10.0, 16.0)
        chair.update(
            seat_height_cm=_r(rng, lo, hi),
            height_adjustable=True,
            seat_height_min_cm=lo,
            seat_height_max_cm=hi,
        )
    else:
        chair.update(seat_height_cm=_r(rng, 43.0, 48.0), height_adjustable=False)
    if rng.random() < 0.6:
        chair["seat_depth_cm"] = _r(rng, 40.0, 52.0)
    chair["depth_adjustable"] = rng.random() < 0.3
    chair["lumbar_support"] = rng.choices(("adjustable", "fixed", "none"), (40, 40, 20))[0]
    if chair["lumbar_support"] != "none":
        chair["lumbar_in_small_of_back"] = rng.random() < 0.75
    chair["backrest"] = rng.random() < 0.95
    if rng.random() < 0.5:
        chair["backrest_recline_deg"] = float(rng.choice((90, 95, 100, 105, 110, 115, 120)))
    chair["backrest_adjustable"] = rng.random() < 0.6
    chair["armrests"] = rng.choices(("adjustable", "fixed", "none"), (45, 35, 20))[0]
    chair["armrest_fit"] = rng.choices(("supported", "too_high", "too_low"), (70, 20, 10))[0]
    chair["armrests_hard"] = rng.random() < 0.3
    chair["armrests_too_wide"] = rng.random() < 0.15
    return chair


def _desk(rng: random.Random) -> dict[str, Any]:
    desk: dict[str, Any] = {}
    kind = rng.random()
    if kind < 0.2:  # adjustable, often sit-stand
        lo = _r(rng, 62.0, 72.0)
        hi = _r(rng, 110.0, 125.0)
        desk.update(
            height_cm=_r(rng, lo, 80.0),
            height_adjustable=True,
            height_min_cm=lo,
            height_max_cm=hi,
            sit_stand=rng.random() < 0.7,
        )
    else:
        desk.update(height_cm=_r(rng, 68.0, 78.0), height_adjustable=False, sit_stand=False)
    desk["legroom_ok"] = rng.random() < 0.9
    if kind >= 0.2 and rng.random() < 0.12:
        desk["keyboard_tray"] = True
        desk["keyboard_tray_height_cm"] = _r(rng, 58.0, desk["height_cm"] - 4.0)
        desk["keyboard_tray_adjustable"] = rng.random() < 0.5
    else:
        desk["keyboard_tray"] = False
    return desk


def _footstool(rng: random.Random) -> dict[str, Any]:
    if rng.random() >= 0.3:
        return {"owned": False}
    if rng.random() < 0.5:
        lo = _r(rng, 3.0, 8.0)
        hi = lo + _r(rng, 5.0, 12.0)
        return {
            "owned": True,
            "height_cm": _r(rng, lo, hi),
            "adjustable": True,
            "height_min_cm": lo,
            "height_max_cm": hi,
            "in_use": rng.random() < 0.85,
        }
    return {
        "owned": True,
        "height_cm": _r(rng, 4.0, 15.0),
        "adjustable": False,
        "in_use": rng.random() < 0.85,
    }


def _rest(rng: random.Random, desk_cm: float) -> dict[str, Any]:
    laptop = rng.random() < 0.15
    reads = rng.random() < 0.3
    use = rng.choices(("none", "handset", "headset", "speaker"), (30, 35, 25, 10))[0]
    return {
        "monitor": {
            "top_height_cm": round(desk_cm + (_r(rng, 20, 32) if laptop else _r(rng, 36, 56)), 1),
            "distance_cm": _r(rng, 40.0, 95.0),
            "directly_in_front": rng.random() < 0.85,
            "glare": rng.random() < 0.2,
            "reads_documents": reads,
            "document_holder": reads and rng.random() < 0.4,
        },
        "keyboard": {
            "home_row_above_surface_cm": 1.5 if laptop else rng.choice((2.5, 3.0, 3.0, 3.5)),
            "wrists_straight": rng.random() < 0.7,
            "wrists_deviate": rng.random() < 0.2,
            "reaches_overhead": rng.random() < 0.05,
        },
        "mouse": {
            "in_line_with_shoulder": rng.random() < 0.7,
            "same_surface_as_keyboard": rng.random() < 0.85,
            "pinch_grip": rng.random() < 0.1,
            "hard_palm_rest": rng.random() < 0.15,
        },
        "phone": {
            "use": use,
            "within_reach": rng.random() < 0.8,
            "neck_shoulder_hold": use == "handset" and rng.random() < 0.3,
            "hours_per_day": 0.0 if use == "none" else _r(rng, 0.25, 3.0, 0.25),
        },
        "habits": {
            "hours_per_day": _r(rng, 2.0, 10.0),
            "longest_stretch_min": rng.choice((20, 30, 45, 60, 90, 120, 180)),
            "crosses_legs": rng.choices(("never", "sometimes", "often"), (40, 35, 25))[0],
        },
    }


def make_document(index: int, rng: random.Random) -> dict[str, Any]:
    """The raw answers of profile number ``index`` (a TOML document)."""
    desk = _desk(rng)
    return {
        "schema_version": 1,
        "name": f"{rng.choice(FIRST_NAMES)} at {rng.choice(PLACES)} {index:05d}",
        "units": "imperial" if rng.random() < 0.15 else "metric",
        "body": _body(rng),
        "chair": _chair(rng),
        "desk": desk,
        "footstool": _footstool(rng),
        **_rest(rng, desk["height_cm"]),
    }


def _write(path: Path, data: bytes) -> None:
    """A new file readable by its owner only (0600, as deskfit saves profiles).

    Not ``store.atomic_write``: its fsync per file makes 10,000 files take a minute on
    a slow disk, and a half-written generated file is simply generated again.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def make_profiles(count: int, folder: Path, seed: int = 0) -> list[Path]:
    """Write ``count`` profiles into ``folder``; the same seed gives the same files."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(1, count + 1):
        profile = parse_profile(make_document(index, rng))  # ProfileInvalid if not valid
        path = folder / f"profile-{index:05d}.toml"
        _write(path, store.render_toml(profile).encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", metavar="N", type=int, help="how many profiles")
    parser.add_argument("folder", metavar="DIR", type=Path, help="where to write them")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("N must be 0 or more")
    start = time.perf_counter()
    make_profiles(args.count, args.folder, args.seed)
    took = time.perf_counter() - start
    print(f"wrote {args.count} profiles to {args.folder} in {took:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
