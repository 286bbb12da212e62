"""The printable HTML record (``present/html.py``): what it shows is what the plan says,
word for word as the other exports put it; every profile string is escaped; it loads
nothing; the action boxes and the symptoms table take what is known.

The page is read back with the standard library's HTML parser into a small tree, so the
checks look at the element that should hold a value, not just anywhere in the file.
(Whether it prints on two pages is test_html_print.py, with a real browser.)
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.files.store import load_profile
from deskfit.core.model.profile import Profile
from deskfit.core.model.validation import parse_profile
from deskfit.core.present import html
from deskfit.core.present.html import to_html
from deskfit.core.present.render import body_rows, drivers, plan_rows, render, rosa_rows

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((REPO / "profiles").glob("*.toml"))
EVIL = '<script>alert(1)</script> & "x"'
VOID = {"meta", "br", "col", "img", "input", "link", "hr", "wbr", "source", "area", "base"}


# -- the page as a tree ------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> Iterator[Element]:
        for c in self.children:
            if isinstance(c, Element):
                yield c
                yield from c.walk()

    def all(self, cls: str | None = None, tag: str | None = None) -> list[Element]:
        return [
            e
            for e in self.walk()
            if (cls is None or cls in e.classes) and (tag is None or e.tag == tag)
        ]

    def one(self, cls: str | None = None, tag: str | None = None) -> Element:
        (found,) = self.all(cls, tag)
        return found


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Element:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "an element is left open"
    return builder.root


def squash(text: str) -> str:
    return " ".join(text.split())


def example(name: str) -> Advice:
    return advise(load_profile(REPO / "profiles" / f"{name}.toml").profile)


# -- every number from the plan, every line with its sources -------------------------------


def check_record(advice: Advice) -> None:
    page = to_html(advice, datetime(2026, 11, 27, 12, 0))
    root = parse(page)
    units = advice.profile.units
    rows = plan_rows(advice, units)

    steps = [
        tuple(
            squash(li.one(cls).text())
            for cls in ("step-n", "step-what", "from", "to", "step-change")
        )
        for ol in root.all("plan", "ol")
        for li in ol.all(tag="li")
    ]
    assert steps == [(n, what, a, b, change) for n, what, a, b, change in rows if n]
    also = [squash(p.text()) for p in root.all("plan-also")]
    assert also == [f"{what}: {b} ({change})" for n, what, _, b, change in rows if not n]
    if not rows:
        assert "Nothing to set" in root.text()

    items = root.all("item", "li")
    assert len(items) == len(advice.lines)
    for n, (item, line) in enumerate(zip(items, advice.lines, strict=True), 1):
        assert item.one("item-n").text() == str(n)
        assert item.one("item-title").text() == line.title
        assert item.one("item-text").text() == line.text
        assert [s.text() for s in item.all("source")] == list(line.sources)
        assert item.one("item-sources").text() == "Sources: " + "; ".join(line.sources)
        assert item.one("sev").text() == line.severity
        action = item.one("action")
        assert [squash(c.text()) for c in action.all("choice")] == [
            "To do",
            "Done",
            "Declined",
            "Not possible",
        ]
        assert [b.text() for b in action.all("box")] == ["", "", "", ""]  # none ticked
        assert [squash(f.one("fill-label").text()) for f in action.all("fill")] == [
            "Date",
            "Owner",
            "Note",
        ]
        assert [f.one("fill-line").text() for f in action.all("fill")] == ["", "", ""]

    table = root.one("rosa-table")
    shown = [
        tuple(squash(c.text()) for c in tr.children if isinstance(c, Element))
        for tr in table.one(tag="tbody").all(tag="tr")
    ]
    assert shown[:-1] == [(label, str(a), str(b)) for label, a, b in rosa_rows(advice)]
    assert shown[-1] == (
        "Final",
        f"{advice.rosa.final} {advice.rosa.band}",
        f"{advice.rosa_after.final} {advice.rosa_after.band}",
    )
    listed = [li.text() for group in root.all("drivers-group") for li in group.all(tag="li")]
    now, after = drivers(advice.rosa), drivers(advice.rosa_after)
    assert sorted(listed) == sorted(set(now) | set(after))

    small = squash(root.one("assumptions").text())
    for label, value, source in body_rows(advice, units):
        assert f"{label} {value} ({source})" in small
    for line in advice.assumptions:
        assert line in small


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_show_the_plan_and_every_line(path: Path) -> None:
    check_record(advise(load_profile(path).profile))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(data=st.data())
def test_the_record_says_what_the_plan_says_everywhere(
    profile_docs: Any, data: st.DataObject
) -> None:
    check_record(advise(parse_profile(data.draw(profile_docs))))


def test_imperial_lengths_are_in_inches(profile: Callable[..., Profile]) -> None:
    advice = advise(profile(units="imperial", chair={"seat_height_cm": 46.0}))
    root = parse(to_html(advice))
    assert "inches" in root.one(tag="dl").text()
    assert advice.plan.steps and all(" in" in squash(s.text()) for s in root.all("to"))
    check_record(advice)


def test_a_sit_stand_desk_shows_its_standing_height() -> None:
    advice = example("sit-stand-progressive")
    (also,) = parse(to_html(advice)).all("plan-also")
    assert squash(also.text()).startswith("Standing desk height: ")


# -- who, when, and escaping ---------------------------------------------------------------


def test_the_name_is_escaped_everywhere(profile: Callable[..., Profile]) -> None:
    page = to_html(advise(profile(name=EVIL)))
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34;" in page
    root = parse(page)
    assert root.one(tag="h1").text() == EVIL
    assert root.one(tag="head").one(tag="title").text() == (
        f"Workstation assessment record: {EVIL}"
    )
    assert root.one(tag="svg").one(tag="title").text().endswith(EVIL)  # the drawing's own


def test_the_date_is_the_last_update_else_today(profile: Callable[..., Profile]) -> None:
    saved = profile(updated=datetime(2026, 3, 5, 12, 0, tzinfo=UTC))
    assert "5 March 2026" in parse(to_html(advise(saved))).one(tag="dl").text()
    never = profile()
    assert never.updated is None
    later = datetime(2027, 1, 9, 10, 30)
    assert "9 January 2027" in parse(to_html(advise(never), later)).one(tag="dl").text()


def test_it_loads_nothing() -> None:
    page = to_html(example("crossed-legs-fixed-desk"))
    for loads in ("<link", "<script", "<img", "<iframe", "<object", "@import", "url("):
        assert loads not in page.lower(), loads
    assert not re.search(r"\b(src|href)\s*=", page, re.I)
    # the only address is the SVG namespace, a name that is never fetched
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) <= {"http://www.w3.org/2000/svg"}
    assert "default-src 'none'" in page  # and the browser is told so


def test_render_html_is_the_record() -> None:
    advice = example("crossed-legs-fixed-desk")
    page = render(advice, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert parse(page).one(tag="h1").text() == "Sam at the office"
    with pytest.raises(ValueError, match="text, md, json or html"):
        render(advice, "pdf")


# -- paper and length -----------------------------------------------------------------------


def test_the_paper_is_a4_unless_letter_is_asked_for() -> None:
    advice = example("crossed-legs-fixed-desk")
    assert re.search(r"@page \{\s*size: A4;\s*margin: 12mm;", to_html(advice))
    assert re.search(r"@page \{\s*size: Letter;", to_html(advice, paper="Letter"))
    with pytest.raises(ValueError, match="A4 or Letter"):
        to_html(advice, paper="A5")  # type: ignore[arg-type]


def test_a_long_record_is_set_smaller_and_a_short_one_is_not() -> None:
    short, long = example("crossed-legs-fixed-desk"), example("short-fixed-chair")
    assert not html.is_long(short)
    assert html.is_long(long)
    assert "dense" not in parse(to_html(short)).one(tag="main").classes
    assert "dense" in parse(to_html(long)).one(tag="main").classes


# -- the places ready for what became of each line, and for symptoms ---------------------------


def _with(advice_name: str, **tables: Any) -> Any:
    """An example profile with these tables added (actions, symptoms, assessment)."""
    doc = tomllib.loads((REPO / "profiles" / f"{advice_name}.toml").read_text(encoding="utf-8"))
    doc.update(tables)
    return advise(parse_profile(doc))


def test_an_action_box_shows_what_is_known_of_a_line() -> None:
    lines = example("crossed-legs-fixed-desk").lines
    first, second = lines[0], lines[1]
    actions = {
        first.id: {
            "status": "done",
            "date": date(2026, 12, 2),
            "owner": "Facilities",
            "note": 'raised <2 cm> & "ok"',
        },
        second.id: {"owner": "Sam"},
    }
    page = to_html(_with("crossed-legs-fixed-desk", actions=actions))
    assert "<2 cm>" not in page
    items = parse(page).all("item", "li")

    def shown(item: Element) -> tuple[list[str], list[str]]:
        ticked = [squash(c.text()) for c in item.all("choice") if c.one("box").text()]
        return ticked, [f.one("fill-line").text() for f in item.all("fill")]

    assert shown(items[0]) == (["✓Done"], ["2026-12-02", "Facilities", 'raised <2 cm> & "ok"'])
    assert "ticked" in items[0].all("box")[1].classes
    assert shown(items[1]) == (["✓To do"], ["", "Sam", ""])  # an action's status: to do
    assert all(shown(item) == ([], ["", "", ""]) for item in items[2:])


def test_reported_symptoms_are_a_table_of_every_region() -> None:
    quiet = parse(to_html(example("laptop-kitchen-table")))
    assert not quiet.all("symptoms-table")
    assert "No trouble reported." in quiet.one("symptoms-summary").text()
    symptoms = {"lower_back_12_months": True, "lower_back_7_days": True, "headaches": True}
    advice = _with("crossed-legs-fixed-desk", symptoms=symptoms)
    table = parse(to_html(advice)).one("symptoms-table")
    body = table.one(tag="tbody").all(tag="tr")
    regions = [tr.one(tag="th").text() for tr in body]
    assert regions[0] == "Neck" and regions[5] == "Lower back" and len(regions) == 10
    assert regions[-1] == "Eyes (strain, headaches)"

    def ticks(tr: Element) -> list[str]:
        return [squash(c.text()) for c in tr.all("choice") if c.one("box").text()]

    # 12 months, 7 days, kept from work
    assert ticks(body[5]) == ["✓yes", "✓yes", "✓no"]
    assert ticks(body[0]) == ["✓no", "✓no", "✓no"]
    assert ticks(body[-1]) == ["✓yes"]


def test_the_assessment_fills_the_signature_block() -> None:
    assessment = {
        "assessor": "Dana <Reyes>",
        "manager": "Lee",
        "date": date(2026, 11, 27),
        "review_date": date(2027, 5, 27),
    }
    page = to_html(_with("short-fixed-chair", assessment=assessment))
    rows = parse(page).one("sign-table").one(tag="tbody").all(tag="tr")
    cells = [[td.text() for td in tr.all(tag="td")] for tr in rows]
    assert cells[1][0] == "Dana <Reyes>" and cells[1][-1] == "2026-11-27"
    assert cells[2][0] == "Lee"
    assert cells[3][0] == "2027-05-27"
    assert "<Reyes>" not in page


# -- the templates ship with the package ----------------------------------------------------------


def test_every_template_is_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["deskfit"]
    package = REPO / "src" / "deskfit"
    templates = sorted((package / "core" / "present" / "templates").iterdir())
    assert templates
    for path in templates:
        relative = path.relative_to(package)
        assert any(relative.match(p) for p in patterns), relative
    assert "jinja2>=3.1" in config["project"]["dependencies"]


def test_the_drawing_is_the_side_view_as_it_is_drawn() -> None:
    from deskfit.core.present.scene_svg import workstation_svg

    advice = example("crossed-legs-fixed-desk")
    root = parse(to_html(advice))
    figure = root.one("drawing", "figure")
    (svg,) = figure.all(tag="svg")
    assert "Now" in svg.text() and "After the plan" in svg.text()
    assert workstation_svg(advice) in to_html(advice)  # marked safe, not escaped again
