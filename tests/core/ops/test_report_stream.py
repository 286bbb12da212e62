"""core/report.stream: the same report as build, from a spill file (issue 7)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from tests.conftest import load_script

from deskfit.core.files import store
from deskfit.core.model.validation import parse_profile
from deskfit.core.ops.report import SortKey, build, stream
from deskfit.core.ops.report_render import REPORT_FORMATS, iter_report, render_report

NAMES = ("Sam", "sam", "Sam", "SAM", "Åsa", "åsa", "a", "ab", "A b", "Zoë", "zoe", "", "Sam")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Profiles whose names tie in every way the sort must settle."""
    make_document = load_script("make_profiles").make_document
    path = tmp_path_factory.mktemp("ties")
    rng = random.Random(3)
    for n, name in enumerate(NAMES):
        document = make_document(n + 1, rng)
        document["name"] = name or "x"
        text = store.render_toml(parse_profile(document))
        (path / f"p{n:02d}.toml").write_text(text, encoding="utf-8")
    (path / "zz-broken.toml").write_text("name = [\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("sort", ["rosa", "name"])
@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_stream_renders_as_build(folder: Path, sort: str, fmt: str) -> None:
    by: SortKey = "name" if sort == "name" else "rosa"
    expected = render_report(build([folder], sort=by), fmt)
    with stream([folder], sort=by) as s:
        got = "".join(iter_report(s.rows, s.count, s.summary, s.errors, fmt))
    assert got == expected


def test_a_pool_gives_the_same_rows(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("deskfit.core.ops.report.POOL_MIN_FILES", 2)
    one = build([folder])
    two = build([folder], jobs=2)
    assert one == two
