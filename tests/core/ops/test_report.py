"""core/ops/report.py and core/ops/report_render.py: rows, summary, shopping list, formats."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from collections import Counter
from pathlib import Path

import pytest
from tests.conftest import load_script

from deskfit.core.engine.advice import advise
from deskfit.core.files import store
from deskfit.core.ops.report import Report, Row, build, scan, size_bin
from deskfit.core.ops.report_render import CSV_HEADER, WIDTH, render_report

REPO = Path(__file__).resolve().parents[3]
# the generated profiles, and the examples and situations: laptops, second screens and
# sit-stand desks, whose purchases the generator does not make
EXAMPLES = [
    *sorted((REPO / "profiles").glob("*.toml")),
    *sorted((REPO / "tests" / "core" / "present" / "situations").glob("*.toml")),
    *sorted((REPO / "tests" / "core" / "engine" / "ranges").glob("*.toml")),
]
GENERATED = 200
COUNT = GENERATED + len(EXAMPLES)
BROKEN = {
    "broken-toml.toml": "name = 'x'\nnot toml [[[\n",
    "broken-seat.toml": None,  # a valid profile with a seat of 480 (millimetres)
    "empty.toml": "",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("profiles")
    load_script("make_profiles").make_profiles(GENERATED, path, seed=11)
    for example in EXAMPLES:
        shutil.copy(example, path / f"profile-{example.stem}.toml")
    for name, text in BROKEN.items():
        if text is None:
            good = (path / "profile-00001.toml").read_text(encoding="utf-8")
            text = good.replace("[chair]\nseat_height_cm = ", "[chair]\nseat_height_cm = 480 #")
        (path / name).write_text(text, encoding="utf-8")
    (path / "notes.txt").write_text("not a profile", encoding="utf-8")
    (path / "sub").mkdir()
    (path / "sub" / "deeper.toml").write_text("not scanned", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(folder: Path) -> Report:
    return build([folder])


def test_scan_is_flat_sorted_and_takes_files_as_given(folder: Path) -> None:
    found = list(scan([folder]))
    assert found == sorted(found)
    assert all(p.suffix == ".toml" and p.parent == folder for p in found)
    assert len(found) == COUNT + len(BROKEN)
    single = folder / "profile-00003.toml"
    assert list(scan([single, folder / "missing.toml"])) == [single, folder / "missing.toml"]


def test_report_lists_every_profile_and_the_broken_files(report: Report, folder: Path) -> None:
    assert len(report.rows) == COUNT
    assert report.summary.profiles == COUNT and report.summary.invalid == len(BROKEN)
    errors = {Path(e.file).name: e.message for e in report.errors}
    assert set(errors) == set(BROKEN)
    assert all("\n" not in m for m in errors.values())
    assert "not valid TOML" in errors["broken-toml.toml"]
    assert "480" in errors["broken-seat.toml"] and "millimetres" in errors["broken-seat.toml"]
    assert "is empty" in errors["empty.toml"]


def test_a_missing_file_is_an_error_not_a_crash(folder: Path) -> None:
    result = build([folder / "profile-00002.toml", folder / "nope.toml"])
    assert len(result.rows) == 1
    assert [Path(e.file).name for e in result.errors] == ["nope.toml"]
    assert "no such file" in result.errors[0].message


def test_progress_counts_every_file(folder: Path) -> None:
    seen: list[int] = []
    build([folder], progress=seen.append)
    assert seen == list(range(1, COUNT + len(BROKEN) + 1))


def test_rows_are_compact_and_hold_the_settings(report: Report) -> None:
    row = report.rows[0]
    assert isinstance(row, Row)
    assert not hasattr(row, "__dict__")  # slots: nothing else is kept
    for field in (row.name, row.file, *row.top_advice, *row.problems):
        assert isinstance(field, str)
    by_file = {r.file: r for r in report.rows}
    for path in sorted(by_file)[:20]:
        advice = advise(store.load_profile(path).profile)
        r, s = by_file[path], advice.settings
        assert r.rosa == advice.rosa.final and r.rosa_after == advice.rosa_after.final
        assert r.band == advice.rosa.band
        assert r.top_advice == tuple(line.title for line in advice.lines[:3])
        assert r.seat_cm == round(s.seat_height_cm, 1)
        assert r.surface_cm == round(s.work_surface_height_cm, 1)
        assert r.surface == ("tray" if s.keyboard_tray_height_cm is not None else "desk")
        assert r.footstool_cm == round(s.footstool_height_cm, 1)
        assert r.monitor_top_cm == round(s.monitor_top_height_cm, 1)


def test_sorted_worst_rosa_first_ties_by_name(report: Report, folder: Path) -> None:
    keys = [(-r.rosa, r.name.casefold()) for r in report.rows]
    assert keys == sorted(keys)
    assert report.rows[0].rosa >= report.rows[-1].rosa
    by_name = build([folder], sort="name")
    names = [r.name.casefold() for r in by_name.rows]
    assert names == sorted(names)
    assert sorted(by_name.rows, key=lambda r: r.file) == sorted(report.rows, key=lambda r: r.file)


def test_summary_bands_and_problems(report: Report) -> None:
    s = report.summary
    assert sum(s.bands.values()) == COUNT == sum(s.bands_after.values())
    now = Counter(r.band for r in report.rows)
    assert s.bands == {b: now[b] for b in ("low", "moderate", "assess further")}
    counts = [n for _, _, n in s.problems]
    assert counts == sorted(counts, reverse=True) and len(counts) <= 10
    for advice_id, title, n in s.problems:
        assert n == sum(advice_id in r.problems for r in report.rows)
        assert title and not any(ch.isdigit() for ch in title)


def test_shopping_list_matches_the_advice_recomputed(report: Report, folder: Path) -> None:
    """Recompute every count from advise() on each profile, independently of the rows."""
    stools: Counter[str] = Counter()
    cushions: Counter[str] = Counter()
    monitors: Counter[str] = Counter()
    desks: Counter[str] = Counter()
    trays = chairs = 0
    bought: Counter[str] = Counter()
    for path in sorted(folder.glob("profile-*.toml")):
        profile = store.load_profile(path).profile
        advice = advise(profile)
        to, now, plan = advice.settings, advice.current, advice.plan
        f = plan.findings
        stool = plan.step("footstool.height_cm")
        if (
            stool is not None
            and stool.to_cm > 0
            and (
                not profile.footstool.owned
                or (not profile.footstool.adjustable and not f.footstool_reused)
            )
        ):
            low = math.floor(round(stool.to_cm, 1))
            stools[f"{low}–{low + 1} cm"] += 1
        tray = plan.step("desk.keyboard_tray_height_cm")
        trays += tray is not None and tray.from_cm is None
        cushion = plan.step("chair.cushion_cm")
        bought_cushion = cushion is not None and cushion.to_cm > (cushion.from_cm or 0)
        chairs += bool(
            f.home_row_high_cm or f.seat_low_cm or f.tray_route_why == "chair" or bought_cushion
        )
        if bought_cushion:
            assert cushion is not None
            cushions[size_bin(round(cushion.to_cm, 1))] += 1
        screen = plan.step("monitor.top_height_cm")
        external = profile.monitor.kind == "external"
        on_desk = profile.monitor.mount == "desk"
        if screen is not None and screen.from_cm is not None and on_desk and external:
            rise = screen.to_cm - screen.from_cm
            if rise >= 5:
                monitors[size_bin(round(rise, 1))] += 1
        desk = plan.step("desk.height_cm")
        if desk is not None and desk.from_cm is not None and not profile.desk.height_adjustable:
            desks[size_bin(round(desk.to_cm - desk.from_cm, 1))] += 1
        _ = (to, now)
        keyboard = plan.step("keyboard.home_row_above_surface_cm")
        bought["keyboards and mice"] += keyboard is not None
        for key, laptop in (
            ("monitor.top_height_cm", profile.monitor.kind == "laptop" and on_desk),
            ("monitor.second_top_height_cm", profile.monitor.second_screen == "laptop"),
        ):
            step = plan.step(key)
            rise = step.to_cm - step.from_cm if step and step.from_cm is not None else 0.0
            bought["laptop stands"] += laptop and rise >= 5
        arm = plan.step("desk.standing_screen_top_cm")
        bought["monitor arms"] += arm is not None and profile.monitor.mount != "arm"
        bought["mouse platforms"] += any(line.id == "mouse-platform" for line in advice.lines)
    shop = {item.what: item for item in report.summary.shopping}
    assert dict(shop["footstools"].sizes) == stools
    assert shop["footstools"].count == sum(stools.values()) > 0
    assert shop["keyboard trays"].count == trays
    assert shop["chairs with a larger height range"].count == chairs
    assert dict(shop["seat cushions"].sizes) == cushions
    assert dict(shop["monitor risers"].sizes) == monitors
    assert dict(shop["desk risers"].sizes) == desks
    assert shop["seat cushions"].count == sum(cushions.values())
    for what in ("keyboards and mice", "laptop stands", "monitor arms", "mouse platforms"):
        assert shop[what].count == bought[what] > 0, what


def test_size_bins_are_whole_centimetres() -> None:
    assert size_bin(6.0) == size_bin(6.5) == size_bin(6.99) == "6–7 cm"
    assert size_bin(7.0) == "7–8 cm"
    assert size_bin(2.5) == "2–3 cm"


def test_csv_one_header_and_a_row_per_file(report: Report) -> None:
    text = render_report(report, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(CSV_HEADER)
    assert sum(r == list(CSV_HEADER) for r in rows) == 1
    data = rows[1:]
    assert len(data) == COUNT + len(BROKEN)
    assert all(len(r) == len(CSV_HEADER) for r in data)
    err = CSV_HEADER.index("error")
    assert sum(bool(r[err]) for r in data) == len(BROKEN)
    good = [r for r in data if not r[err]]
    assert all(float(r[CSV_HEADER.index("seat_cm")]) > 20 for r in good)


def test_csv_neutralises_formulas() -> None:
    from deskfit.core.ops.report_render import csv_row

    row = Row("=HYPERLINK(1)", "a.toml", 5, 3, "assess further", "moderate", ("-x",), (),
              50.0, "desk", 72.0, 0.0, 120.0)  # fmt: skip
    cells = csv_row(row)
    assert cells[0] == "'=HYPERLINK(1)" and cells[6] == "'-x"


def test_jsonl_parses_line_by_line(report: Report) -> None:
    lines = render_report(report, "jsonl").splitlines()
    objects = [json.loads(line) for line in lines]
    assert len(objects) == COUNT + len(BROKEN) + 1
    assert "summary" in objects[-1] and objects[-1]["summary"]["profiles"] == COUNT
    profiles = objects[:COUNT]
    assert [o["name"] for o in profiles] == [r.name for r in report.rows]
    assert all({"rosa", "rosa_after", "band", "advice", "settings"} <= set(o) for o in profiles)
    assert all(set(o) == {"file", "error"} for o in objects[COUNT:-1])


def test_text_wraps_at_80_and_md_uses_tables(report: Report) -> None:
    text = render_report(report, "text")
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    for needle in ("Shopping list", "footstools", "Invalid files (3)", "broken-seat.toml"):
        assert needle in text
    md = render_report(report, "md")
    assert "| name | file | ROSA |" in md and "### Shopping list" in md
    assert "## Invalid files" in md
    table = [line for line in md.splitlines() if line.startswith("| ") and ".toml" in line]
    assert len(table) == COUNT
    assert all(line.count(" | ") == 9 for line in table)  # ten cells: no stray pipes


def test_unknown_format_refused(report: Report) -> None:
    with pytest.raises(ValueError):
        render_report(report, "xml")


def test_each_row_is_in_its_profiles_units_and_one_is_singular(tmp_path: Path) -> None:
    # Jonas's profile is imperial: his advice says 20½ in, so does his row (the CSV and
    # JSON keep centimetres, as their column names say); one profile, one set of risers
    shutil.copy(REPO / "profiles" / "tall-low-desk-tray.toml", tmp_path / "jonas.toml")
    text = render_report(build([tmp_path]), "text")
    assert "1 file: 1 profile read, 0 invalid" in text
    assert "seat 20½ in · tray 29½ in · no footstool · monitor top 53½ in" in text
    assert "1  set of desk risers" in text and "1  desk risers" not in text
    assert "0  " not in text.split("Shopping list")[1]  # nothing nobody needs
    md = render_report(build([tmp_path]), "md")
    assert "| 20½ in | tray 29½ in | none | 53½ in |" in md
