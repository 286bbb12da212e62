"""Check deskfit's body estimates against the ANSUR II public data.

    python scripts/validate_body.py [DATA_DIR]

DATA_DIR defaults to ``shared/data/ansur2`` beside the repository. For every estimated
dimension and every sex ("unspecified" over men and women pooled) it prints n, the RMSE of
``deskfit.core.engine.body.estimate`` (the shipped coefficients, not a refit) and the share of
people inside its 90 % band. Standard library only, so it runs wherever deskfit does.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

try:
    from deskfit.core.engine.body import DIMENSIONS, estimate
except ModuleNotFoundError:  # a checkout without `pip install -e .`: use its src/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from deskfit.core.engine.body import DIMENSIONS, estimate

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "ansur2"

# File and encoding per sex, as the data's README says (the men's file is Latin-1).
FILES: dict[str, tuple[str, str]] = {
    "male": ("ANSUR_II_MALE_Public.csv", "latin-1"),
    "female": ("ANSUR_II_FEMALE_Public.csv", "utf-8"),
}

# ANSUR II columns (mm) for each deskfit dimension. ANSUR II has no standing elbow height;
# ergonomics.md's "elbow height standing (radiale)" is the shoulder (acromion) height minus
# the acromion-to-radiale length, i.e. the height of the elbow joint. Refitting it on
# stature reproduces the printed 0.6898·H − 10.59 (men) and 0.6673·H − 6.28 (women).
COLUMNS: dict[str, tuple[str, ...]] = {
    "popliteal_height": ("poplitealheight",),
    "elbow_rest_height": ("elbowrestheight",),
    "eye_height_sitting": ("eyeheightsitting",),
    "buttock_popliteal_length": ("buttockpopliteallength",),
    "elbow_height_standing": ("acromialheight", "-acromionradialelength"),
    "thigh_clearance": ("thighclearance",),
    # the eye standing: as far below the top of the head as sitting (docs/workstations.md §3)
    "eye_height_standing": ("stature", "-sittingheight", "eyeheightsitting"),
}


@dataclass(frozen=True)
class Row:
    dimension: str
    sex: str
    n: int
    rmse_cm: float
    coverage: float  # share of people inside the 90 % band, 0..1


@dataclass(frozen=True)
class Person:
    sex: str
    stature_cm: float
    dims_cm: dict[str, float]


def _value_cm(record: dict[str, str], columns: tuple[str, ...]) -> float:
    # A leading "-" subtracts the column: radiale height = acromial height − arm segment.
    total = 0.0
    for col in columns:
        sign, name = (-1.0, col[1:]) if col.startswith("-") else (1.0, col)
        total += sign * float(record[name])
    return total / 10.0  # mm -> cm


def load(data_dir: Path) -> list[Person]:
    """Everyone in both files, in cm. Raises FileNotFoundError naming what is missing."""
    if not data_dir.is_dir():
        raise FileNotFoundError(f"ANSUR II data directory not found: {data_dir}")
    people: list[Person] = []
    for sex, (name, encoding) in FILES.items():
        path = data_dir / name
        if not path.is_file():
            raise FileNotFoundError(f"ANSUR II file not found: {path}")
        with path.open(newline="", encoding=encoding) as f:
            for line, record in enumerate(csv.DictReader(f), start=2):
                try:
                    people.append(
                        Person(
                            sex=sex,
                            stature_cm=_value_cm(record, ("stature",)),
                            dims_cm={d: _value_cm(record, COLUMNS[d]) for d in DIMENSIONS},
                        )
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    raise ValueError(f"{path}:{line}: unreadable value ({exc!r})") from exc
    return people


def _row(dimension: str, sex: str, people: list[Person]) -> Row:
    sq_err = 0.0
    inside = 0
    for p in people:
        est = estimate(dimension, p.stature_cm, sex)
        actual = p.dims_cm[dimension]
        sq_err += (est.value - actual) ** 2
        inside += est.low <= actual <= est.high
    n = len(people)
    return Row(dimension, sex, n, math.sqrt(sq_err / n), inside / n)


def validate(data_dir: Path) -> list[Row]:
    """One row per dimension and sex; "unspecified" is scored on everyone pooled."""
    people = load(data_dir)
    groups = {
        "male": [p for p in people if p.sex == "male"],
        "female": [p for p in people if p.sex == "female"],
        "unspecified": people,
    }
    return [_row(d, sex, group) for d in DIMENSIONS for sex, group in groups.items()]


def format_table(rows: Sequence[Row]) -> str:
    lines = [f"{'dimension':<26} {'sex':<12} {'n':>5} {'RMSE cm':>8} {'in 90% band':>12}"]
    lines.append("-" * len(lines[0]))
    lines += [
        f"{r.dimension:<26} {r.sex:<12} {r.n:>5} {r.rmse_cm:>8.2f} {r.coverage:>11.1%}"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help=f"folder with the ANSUR II CSVs (default: {DEFAULT_DATA_DIR})",
    )
    args = parser.parse_args(argv)
    try:
        rows = validate(args.data_dir)
    except (FileNotFoundError, ValueError) as exc:
        print(f"validate_body: {exc}", file=sys.stderr)
        return 2
    print(f"deskfit body estimates vs ANSUR II ({args.data_dir})")
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
