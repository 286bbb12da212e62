"""Finding a profile by its NAME (the name inside it) or its PATH (issue: one way to find)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import make_valid_document, write_document

from deskfit.core.files import finding
from deskfit.core.files.store import unique_path

REPO = Path(__file__).resolve().parents[3]


def named(folder: Path, name: str, file: str | None = None) -> Path:
    doc = make_valid_document()
    doc["name"] = name
    return write_document(folder, doc, file or unique_path(name, folder).name)


def test_names_without_latin_letters_get_their_own_files_and_are_found(tmp_path: Path) -> None:
    dmitry = named(tmp_path, "Дмитрий")
    alexey = named(tmp_path, "Алексей")
    smile = named(tmp_path, "😀")
    other_smile = named(tmp_path, "🙂")
    assert dmitry.name == "dmitrii.toml"
    assert alexey.name == "aleksei.toml"
    assert {smile.name, other_smile.name} == {"profile.toml", "profile-2.toml"}
    assert finding.find("Алексей", tmp_path) == alexey
    assert finding.find("Дмитрий", tmp_path) == dmitry
    assert finding.find("😀", tmp_path) == smile
    with pytest.raises(finding.NotFound):
        finding.find("Иван", tmp_path)


def test_a_name_is_matched_exactly_first_then_loosely(tmp_path: Path) -> None:
    sam = named(tmp_path, "Sam")
    assert finding.find("Sam", tmp_path) == sam
    assert finding.find("sam", tmp_path) == sam  # case does not count
    zoe = named(tmp_path, "Zoë at home")
    assert finding.find("zoe  at HOME", tmp_path) == zoe  # nor accents, nor runs of spaces
    with pytest.raises(finding.NotFound) as caught:
        finding.find("SAM!", tmp_path)  # another name, not a spelling of this one
    assert caught.value.suggestions == ["Sam"]
    assert "did you mean 'Sam'" in str(caught.value)


def test_several_loose_matches_are_an_error_listing_each_file(tmp_path: Path) -> None:
    upper = named(tmp_path, "Sam", "one.toml")
    lower = named(tmp_path, "sam", "two.toml")
    assert finding.find("Sam", tmp_path) == upper  # exact wins
    assert finding.find("sam", tmp_path) == lower
    with pytest.raises(finding.Ambiguous) as caught:
        finding.find("SAM", tmp_path)
    text = str(caught.value)
    assert "one.toml" in text and "two.toml" in text
    assert [p for _, p in caught.value.matches] == [upper, lower]


def test_the_examples_are_found_by_the_names_list_shows(tmp_path: Path) -> None:
    for example in (REPO / "profiles").glob("*.toml"):
        shutil.copy(example, tmp_path / example.name)
    assert finding.find("Sam at the office", tmp_path).name == "crossed-legs-fixed-desk.toml"
    found = finding.entries(tmp_path)
    shown = finding.display_names(found)
    for entry in found:
        assert finding.find(shown[entry.path], tmp_path) == entry.path


def test_a_renamed_profile_is_found_by_its_new_name_and_its_file_stem(tmp_path: Path) -> None:
    path = named(tmp_path, "Renamed since", "old-name.toml")
    assert finding.find("Renamed since", tmp_path) == path
    assert finding.find("old-name", tmp_path) == path


def test_only_what_looks_like_a_path_is_a_path(tmp_path: Path) -> None:
    assert not finding.looks_like_path("profiles")  # a folder of that name must not shadow it
    assert not finding.looks_like_path("Sam at home")
    assert finding.looks_like_path("./profiles")
    assert finding.looks_like_path("mine.toml")
    assert finding.looks_like_path("a/b")
    assert finding.resolve("mine.toml", tmp_path) == Path("mine.toml")
    assert finding.resolve("mine", tmp_path, as_file=True) == Path("mine")


def test_list_shows_the_file_for_a_name_two_profiles_share(tmp_path: Path) -> None:
    one = named(tmp_path, "Desk", "a.toml")
    two = named(tmp_path, "Desk", "b.toml")
    three = named(tmp_path, "Chair", "c.toml")
    shown = finding.display_names(finding.entries(tmp_path))
    assert shown == {one: str(one), two: str(two), three: "Chair"}


def test_new_profiles_never_take_another_persons_file(tmp_path: Path) -> None:
    first = named(tmp_path, "Sam")
    second = unique_path("SAM!", tmp_path)
    assert first.name == "sam.toml"
    assert second.name == "sam-2.toml"
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere")
    assert unique_path("dangling", tmp_path).name == "dangling-2.toml"
