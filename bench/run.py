"""`make bench`: every figure of issue 7 in one table (value, baseline, ratio, goal, result).

    python bench/run.py           # the full run (10,000 profiles, make test once)
    python bench/run.py --quick   # a smoke run: fewer repetitions, 2,000 profiles, no make test

How each figure is measured is in bench/README.md. Benchmarks are not tests: nothing
here runs under pytest.
"""

from __future__ import annotations

import argparse
import math
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `import bench...`

from bench.common import Row


def _num(x: float) -> str:
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def table(rows: list[Row]) -> str:
    head = ("figure", "value", "baseline", "ratio", "goal", "result")
    body = [
        (
            r.figure,
            f"{_num(r.value)} {r.unit}",
            "—" if math.isnan(r.baseline) else f"{_num(r.baseline)} {r.unit} ({r.baseline_desc})",
            "—" if math.isnan(r.ratio) else f"{r.ratio:.2f}×",
            r.goal_desc,
            "-" if r.passed is None else "pass" if r.passed else "FAIL",
        )
        for r in rows
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines)


def _collect(name: str, get: Callable[[], list[Row]]) -> list[Row]:
    try:
        return get()
    except Exception:  # one broken part must not hide the other figures
        traceback.print_exc()
        return [Row(f"{name}: could not run", "-", 0.0, 0.0, 0.0, "-", False, "")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions, 2,000 profiles, no make test"
    )
    args = parser.parse_args(argv)

    from bench.cli_bench import cli_rows

    def wizard() -> list[Row]:
        from bench.wizard_bench import wizard_rows

        return wizard_rows(args.quick)

    rows = _collect("wizard (1, 5, 6)", wizard) + _collect(
        "command line (2, 3, 4, 7)", lambda: cli_rows(args.quick)
    )
    rows.sort(key=lambda r: r.figure)
    print(table(rows))
    return 0 if all(r.passed is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
