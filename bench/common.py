"""Shared types for the benchmark harness (`bench/run.py`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One line of the bench table.

    ``value`` and ``baseline`` are in ``unit``; ``ratio`` is value / baseline
    (or whatever the goal compares); ``passed`` is None when not judged.
    """

    figure: str
    baseline_desc: str
    value: float
    baseline: float
    ratio: float
    goal_desc: str
    passed: bool | None
    unit: str
