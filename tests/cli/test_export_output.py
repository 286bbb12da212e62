"""``deskfit export ... -o FILE``: one policy (core/export_target): a new file, or with
--force a regular file that is not a profile; never a link, a device, a pipe or a folder;
never into a folder that does not exist; ``-`` is standard output. New files are 0644."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from deskfit.cli import cli
from deskfit.core.files import store
from deskfit.core.files.store import atomic_write, path_for_name

Doc = Callable[[], dict[str, Any]]
pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def run(folder: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--profiles-dir", str(folder), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    """The usual umask, so that the modes below do not depend on the tester's."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def folder(tmp_path: Path, valid_document: Doc, write_profile: Any) -> Path:
    path = tmp_path / "profiles"
    doc = valid_document()
    write_profile(path, doc, path_for_name(doc["name"], path).name)
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    path = tmp_path / "out"
    path.mkdir()
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def no_temps(*folders: Path) -> bool:
    return not [p for f in folders for p in f.iterdir() if store.TEMP_MARK in p.name]


def export(folder: Path, output: Path, *more: str) -> Result:
    return run(folder, "export", "Office desk", "--format", "md", "-o", str(output), *more)


# -- plain files --------------------------------------------------------------------------


def test_a_new_file_is_0644(folder: Path, out: Path) -> None:
    target = out / "advice.md"
    result = export(folder, target)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"wrote {target}"
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert mode(target) == 0o644
    assert no_temps(out)


def test_an_existing_file_is_replaced_only_with_force(folder: Path, out: Path) -> None:
    target = out / "advice.md"
    target.write_text("old advice\n", encoding="utf-8")
    target.chmod(0o600)
    refused = export(folder, target)
    assert refused.exit_code == 1
    assert refused.stderr == f"deskfit: {target} already exists; use --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "old advice\n"
    assert export(folder, target, "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert mode(target) == 0o644


def test_a_dash_is_standard_output(folder: Path, out: Path, tmp_path: Path) -> None:
    result = run(folder, "export", "Office desk", "--format", "md", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_the_umask_still_applies(folder: Path, out: Path) -> None:
    os.umask(0o077)
    target = out / "private.md"
    assert export(folder, target).exit_code == 0
    assert mode(target) == 0o600


def test_a_missing_folder_is_an_error_naming_it(folder: Path, out: Path) -> None:
    target = out / "new" / "advice.md"
    result = export(folder, target)
    assert result.exit_code == 1
    assert result.stderr == (
        f"deskfit: cannot write {target}: the folder {out / 'new'} does not exist\n"
    )
    assert not (out / "new").exists()


# -- symbolic links -------------------------------------------------------------------------


def test_a_link_to_a_file_is_refused(folder: Path, out: Path, tmp_path: Path) -> None:
    victim = tmp_path / "important.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    link = out / "advice.md"
    link.symlink_to(victim)
    before = victim.stat()
    result = export(folder, link)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"deskfit: {link} is a symbolic link (to {victim}); an export never replaces or "
        "writes through a link: choose another file"
    ]
    assert link.is_symlink() and os.readlink(link) == str(victim)
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert victim.stat().st_mtime_ns == before.st_mtime_ns
    assert no_temps(out, tmp_path)


def test_a_dangling_link_is_refused(folder: Path, out: Path, tmp_path: Path) -> None:
    nowhere = tmp_path / "nowhere" / "x.md"
    link = out / "advice.md"
    link.symlink_to(nowhere)
    result = export(folder, link)
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert f"is a symbolic link (to {nowhere})" in result.stderr
    assert link.is_symlink() and not nowhere.exists() and not nowhere.parent.exists()


def test_force_does_not_replace_a_link_either(folder: Path, out: Path, tmp_path: Path) -> None:
    victim = tmp_path / "important.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    link = out / "advice.md"
    link.symlink_to(victim)
    result = export(folder, link, "--force")
    assert result.exit_code == 1
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "keep me\n"
    dangling = out / "other.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    assert export(folder, dangling, "--force").exit_code == 1
    assert dangling.is_symlink() and not (tmp_path / "nowhere.md").exists()
    assert no_temps(out, tmp_path)


def test_a_link_to_a_folder_is_refused(folder: Path, out: Path, tmp_path: Path) -> None:
    link = out / "advice.md"
    link.symlink_to(tmp_path)
    result = export(folder, link)
    assert result.exit_code != 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".md")]


def test_atomic_write_replaces_a_link_itself(tmp_path: Path) -> None:
    """The store's write path: the rename lands on the link's name, not its target."""
    victim = tmp_path / "victim.toml"
    victim.write_bytes(b"original\n")
    link = tmp_path / "link.toml"
    link.symlink_to(victim)
    atomic_write(link, b"new\n")
    assert not link.is_symlink()
    assert link.read_bytes() == b"new\n"
    assert mode(link) == 0o600
    assert victim.read_bytes() == b"original\n"
    dangling = tmp_path / "dangling.toml"
    dangling.symlink_to(tmp_path / "absent.toml")
    atomic_write(dangling, b"new\n", mode=0o644)
    assert dangling.read_bytes() == b"new\n" and not dangling.is_symlink()
    assert not (tmp_path / "absent.toml").exists()
    assert no_temps(tmp_path)


def test_a_link_named_like_the_temporary_file_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """O_CREAT | O_EXCL: a link planted at the temporary name is never opened through."""
    victim = tmp_path / "victim"
    victim.write_bytes(b"original\n")
    target = tmp_path / "advice.md"
    planted = tmp_path / f".advice.md{store.TEMP_MARK}-{os.getpid()}-00000000"
    planted.symlink_to(victim)
    monkeypatch.setattr(store, "clean_stale_temps", lambda target: None)  # leave it there
    monkeypatch.setattr(os, "urandom", lambda n: b"\x00" * n)  # and pick its name
    with pytest.raises(FileExistsError):
        atomic_write(target, b"new\n")
    assert victim.read_bytes() == b"original\n"
    assert not target.exists()
    assert planted.is_symlink()


# -- other things in the way ----------------------------------------------------------------


def test_an_existing_profile_is_not_overwritten_by_accident(folder: Path) -> None:
    profile = path_for_name("Office desk", folder)
    before = profile.read_bytes()
    result = export(folder, profile)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"deskfit: {profile} holds the profile 'Office desk'; an export never replaces a "
        "profile: choose another file"
    ]
    assert profile.read_bytes() == before
    assert export(folder, profile, "--force").exit_code == 1  # not even with --force
    assert profile.read_bytes() == before
    renamed = profile.with_suffix(".md")  # a profile is known by what it holds, not its name
    profile.rename(renamed)
    assert export(folder, renamed, "--force").exit_code == 1
    assert renamed.read_bytes() == before


def test_a_toml_file_that_is_not_a_profile_is_replaced(folder: Path, out: Path) -> None:
    other = out / "notes.toml"
    other.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert export(folder, other, "--force").exit_code == 0
    assert other.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused(folder: Path, out: Path) -> None:
    fifo = out / "advice.md"
    os.mkfifo(fifo)
    for more in ((), ("--force",)):
        result = export(folder, fifo, *more)
        assert result.exit_code == 1
        assert result.stderr.strip() == (
            f"deskfit: {fifo} is a named pipe; an export only ever replaces a regular "
            "file: choose another file"
        )
        assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_force_never_replaces_a_device(folder: Path, tmp_path: Path) -> None:
    """``-o ./null --force`` over a character device: refused, the device stays."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        device = Path("/dev/null")  # not root: the real one, which must stay a device too
    result = export(folder, device, "--force")
    assert result.exit_code == 1
    assert "is a device" in result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode)


# -- the format from the file's extension, and the HTML record ------------------------------


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("advice.html", "<!DOCTYPE html>"),
        ("advice.HTM", "<!DOCTYPE html>"),
        ("advice.md", "# deskfit advice: "),
        ("advice.json", "{"),
        ("advice.txt", "deskfit advice: "),
        ("advice.out", "deskfit advice: "),  # an extension that names no format: text
    ],
)
def test_the_format_follows_the_files_extension(
    folder: Path, out: Path, name: str, starts: str
) -> None:
    target = out / name
    result = run(folder, "export", "Office desk", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(starts)
    assert mode(target) == 0o644


def test_an_extension_that_contradicts_the_format_is_a_usage_error(folder: Path, out: Path) -> None:
    target = out / "advice.html"
    result = export(folder, target)  # --format md
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "Error: --format md does not match the file's extension '.html' (which means "
        "html): change one, or leave --format out"
    )
    assert not target.exists()
    result = run(folder, "export", "Office desk", "--format", "html")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")  # to the screen, as asked


@pytest.mark.parametrize(("fmt", "name"), [("md", "advice.markdown"), ("html", "advice.HTM")])
def test_an_extension_that_agrees_with_the_format_is_fine(
    folder: Path, out: Path, fmt: str, name: str
) -> None:
    result = run(folder, "export", "Office desk", "--format", fmt, "-o", str(out / name))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out / name}\n"


@pytest.mark.parametrize("name", ["advice.out", "advice"])
def test_an_extension_that_names_no_format_gets_text_with_a_note(
    folder: Path, out: Path, name: str
) -> None:
    target = out / name
    result = run(folder, "export", "Office desk", "-o", str(target))
    assert result.exit_code == 0, result.output
    note, wrote = result.stderr.splitlines()
    assert note.startswith("deskfit: note: ")
    assert "(.txt, .md, .json, .html): writing text; --format chooses another" in note
    assert wrote == f"wrote {target}"
    assert target.read_text(encoding="utf-8").startswith("deskfit advice: ")
    # with --format, such a file takes the format asked for, without a note
    forced = run(folder, "export", "Office desk", "--format", "json", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert forced.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8").startswith("{")


def test_the_html_record_never_replaces_a_profile_or_a_link(
    folder: Path, out: Path, tmp_path: Path
) -> None:
    profile = path_for_name("Office desk", folder)
    disguised = out / "record.html"
    profile.rename(disguised)  # a profile is known by what it holds, not its extension
    before = disguised.read_bytes()
    for more in ((), ("--force",)):
        result = run(folder, "export", str(disguised), "--file", "-o", str(disguised), *more)
        assert result.exit_code == 1
        assert "an export never replaces a profile" in result.stderr
    assert disguised.read_bytes() == before
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    link = out / "link.html"
    link.symlink_to(victim)
    result = run(folder, "export", str(disguised), "--file", "-o", str(link), "--force")
    assert result.exit_code == 1
    assert "is a symbolic link" in result.stderr
    assert victim.read_text() == "keep\n" and link.is_symlink()
    existing = out / "old.html"
    existing.write_text("old\n")
    result = run(folder, "export", str(disguised), "--file", "-o", str(existing))
    assert result.exit_code == 1 and "use --force to replace it" in result.stderr
    assert existing.read_text() == "old\n"
    forced = run(folder, "export", str(disguised), "--file", "-o", str(existing), "--force")
    assert forced.exit_code == 0, forced.output
    assert existing.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert no_temps(out)
