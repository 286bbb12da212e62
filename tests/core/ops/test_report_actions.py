"""``deskfit report`` follows up the actions: over 2,000 generated profiles with random
statuses, dates and owners, the open and overdue actions, the late reviews and the owners
it counts are those worked out here, line by line, from each profile's advice."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from tests.conftest import load_script

from deskfit.core.engine.advice import advise
from deskfit.core.engine.advice.symptoms import REGIONS_FOR
from deskfit.core.model.validation import parse_profile
from deskfit.core.ops.report import PROBLEM_TITLES, Report, stream
from deskfit.core.ops.report_render import render_report

REPO = Path(__file__).resolve().parents[3]
COUNT = 2000
STATUSES = ("todo", "done", "declined", "not_possible", "not possible")
OWNERS = ("Facilities", "Sam", "IT", "Zoë")
IDS = sorted(set(PROBLEM_TITLES) | set(REGIONS_FOR) | {"see-a-health-professional"})


def _record(rng: random.Random, today: date) -> tuple[dict[str, Any], dict[str, Any]]:
    actions: dict[str, Any] = {}
    for advice_id in rng.sample(IDS, rng.randint(0, 8)):
        action: dict[str, Any] = {"status": rng.choice(STATUSES)}
        if rng.random() < 0.7:
            action["date"] = today + timedelta(days=rng.randint(-60, 60))
        if rng.random() < 0.6:
            action["owner"] = rng.choice(OWNERS)
        actions[advice_id] = action
    assessment: dict[str, Any] = {}
    if rng.random() < 0.6:
        assessment["review_date"] = today + timedelta(days=rng.randint(-30, 30))
    return actions, assessment


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("actions")
    make_document = load_script("make_profiles").make_document
    rng = random.Random(13)
    today = date.today()
    documents = []
    for n in range(1, COUNT + 1):
        document = make_document(n, rng)
        actions, assessment = _record(rng, today)
        if actions:
            document["actions"] = actions
        if assessment:
            document["assessment"] = assessment
        (folder / f"p{n:05d}.toml").write_text(tomli_w.dumps(document), encoding="utf-8")
        documents.append(document)
    return folder, documents


@pytest.fixture(scope="module")
def report(generated: tuple[Path, list[dict[str, Any]]]) -> Report:
    folder, _ = generated
    with stream([folder], jobs=2) as result:  # the streamed report, as deskfit report reads it
        return Report(list(result.rows), result.summary, list(result.errors))


def _expected(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """Open: an advised line (not a note) with no action or one to do; overdue: open with
    a date before today; a late review: a review date before today."""
    today = date.today()
    out: dict[str, Any] = {"open": 0, "overdue": 0, "with_open": 0, "late": 0}
    owners: Counter[str] = Counter()
    for document in documents:
        advice = advise(parse_profile(document))
        actions = document.get("actions", {})
        here = 0
        for line in advice.lines:
            if line.severity == "info":
                continue
            action = actions.get(line.id)
            if action is not None and action["status"] != "todo":
                continue
            here += 1
            owners[(action or {}).get("owner", "(no owner)")] += 1
            if action is not None and action.get("date", today) < today:
                out["overdue"] += 1
        out["open"] += here
        out["with_open"] += here > 0
        out["late"] += document.get("assessment", {}).get("review_date", today) < today
    out["owners"] = dict(owners)
    return out


def test_report_counts_open_and_overdue_actions(
    report: Report, generated: tuple[Path, list[dict[str, Any]]]
) -> None:
    _, documents = generated
    assert not report.errors
    assert report.summary.profiles == COUNT
    expected = _expected(documents)
    actions = report.summary.actions
    assert actions.open == expected["open"] > 0
    assert actions.overdue == expected["overdue"] > 0
    assert actions.profiles_with_open == expected["with_open"]
    assert actions.reviews_overdue == expected["late"] > 0
    assert dict(actions.owners) == expected["owners"]
    assert sum(row.open_actions for row in report.rows) == actions.open


def test_every_format_says_the_follow_up(report: Report) -> None:
    a = report.summary.actions
    text = render_report(report, "text")
    assert f"{a.open} open actions in {a.profiles_with_open} profiles, {a.overdue} overdue" in (
        " ".join(text.split())
    )
    jsonl = render_report(report, "jsonl").splitlines()
    assert f'"open": {a.open}' in jsonl[-1]
    assert "open_actions,overdue_actions,review_date" in render_report(report, "csv")


def test_a_purchase_done_or_declined_leaves_the_shopping_list(tmp_path: Path) -> None:
    from deskfit.core.ops.report import build

    sam = (REPO / "profiles" / "crossed-legs-fixed-desk.toml").read_text(encoding="utf-8")
    (tmp_path / "a.toml").write_text(sam, encoding="utf-8")
    done = sam + '\n[actions.footstool-height]\nstatus = "done"\n'
    (tmp_path / "b.toml").write_text(done, encoding="utf-8")
    todo = sam + '\n[actions.footstool-height]\nstatus = "todo"\n'
    (tmp_path / "c.toml").write_text(todo, encoding="utf-8")
    shopping = {item.what: item for item in build([tmp_path]).summary.shopping}
    assert shopping["footstools"].count == 2  # a and c: b's is bought
    assert shopping["monitor risers"].count == 3  # its line has no action in any
