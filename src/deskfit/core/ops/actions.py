"""What is still to do in one profile: its open and overdue actions, and who owns them.

An action is open while its advice line is advised and its status is to do (or it has no
status yet); "info" lines (measure your elbow height, a caveat) are not actions. An open
action is overdue once its date has passed; an assessment is overdue once its review date
has.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from deskfit.core.engine.advice import Advice

NO_OWNER = "(no owner)"


@dataclass(frozen=True, slots=True)
class ActionCounts:
    open: int
    overdue: int
    owners: tuple[tuple[str, int], ...]  # (owner, open actions), most first
    review_overdue: bool


def count_actions(advice: Advice, today: date) -> ActionCounts:
    profile = advice.profile
    open_ = overdue = 0
    owners: Counter[str] = Counter()
    for line in advice.lines:
        if line.severity == "info":
            continue
        action = profile.actions.get(line.id)
        if action is not None and not action.open:
            continue
        open_ += 1
        owners[(action.owner if action is not None else None) or NO_OWNER] += 1
        overdue += action is not None and action.overdue(today)
    ranked = tuple(sorted(owners.items(), key=lambda kv: (-kv[1], kv[0])))
    return ActionCounts(open_, overdue, ranked, profile.assessment.overdue(today))
