"""``deskfit check`` on every kind of bad file (issue 5): exit 1, one line per problem, each
starting with the path, never a traceback or an "internal error"."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from click.testing import CliRunner, Result

from deskfit.cli import cli
from deskfit.core.files import store
from deskfit.core.model.validation import MAX_PROBLEMS, printable

SUMMARY = re.compile(r"\d+ of \d+ invalid")


def check(*paths: Path) -> Result:
    result = CliRunner().invoke(cli, ["check", *(str(p) for p in paths)])
    output = result.output + result.stderr
    assert "Traceback" not in output
    assert "internal error" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def problem_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if not SUMMARY.fullmatch(line)]


def assert_refused(result: Result, path: Path) -> list[str]:
    assert result.exit_code == 1, result.output
    lines = problem_lines(result)
    assert lines, result.stderr
    for line in lines:
        assert line.startswith(printable(str(path)) + ":"), line
        assert line.isprintable(), line
    assert result.stderr.splitlines()[-1] == "1 of 1 invalid"
    return lines


def toml(doc: dict[str, Any]) -> bytes:
    return tomli_w.dumps(doc).encode()


def text_with(valid: dict[str, Any], old: str, new: str) -> bytes:
    text = tomli_w.dumps(valid)
    assert old in text
    return text.replace(old, new, 1).encode()


# Each kind: the bytes of a bad file, from the valid example.
BYTES: dict[str, Callable[[dict[str, Any]], bytes]] = {
    "empty": lambda d: b"",
    "whitespace": lambda d: b" \n\t\r\n  ",
    "bom_only": lambda d: b"\xef\xbb\xbf",
    "random_bytes": lambda d: bytes(range(256)) * 3,
    "nul_bytes": lambda d: b"\x00" * 64,
    "utf16_bom": lambda d: tomli_w.dumps(d).encode("utf-16"),
    "utf16_no_bom": lambda d: tomli_w.dumps(d).encode("utf-16-le"),
    "utf32_bom": lambda d: tomli_w.dumps(d).encode("utf-32"),
    "utf32_no_bom": lambda d: tomli_w.dumps(d).encode("utf-32-be"),
    "latin1": lambda d: tomli_w.dumps(d | {"name": "Bürotisch"}).encode("latin-1"),
    "truncated": lambda d: toml(d)[:100],
    "broken_toml": lambda d: text_with(d, "glare = false", "glare = fals"),
    "error_at_end": lambda d: toml(d) + b"x = [1,",
    "duplicate_key": lambda d: text_with(d, 'sex = "female"', 'sex = "female"\nsex = "male"'),
    "duplicate_table": lambda d: toml(d) + b"\n[chair]\n",
    "deep_arrays": lambda d: text_with(d, 'sex = "female"', "sex = " + "[" * 10_000 + "]" * 10_000),
    "deep_tables": lambda d: text_with(
        d, 'sex = "female"', "sex = " + "{a = " * 10_000 + "1" + "}" * 10_000
    ),
    "deep_dotted_key": lambda d: toml(d) + (".".join(["a"] * 50_000) + " = 1\n").encode(),
    "huge_int": lambda d: text_with(d, "seat_height_cm = 48.0", "seat_height_cm = 1" + "0" * 400),
    "huge_int_in_int_field": lambda d: text_with(
        d, "longest_stretch_min = 90", "longest_stretch_min = " + "9" * 400
    ),
    "int_of_5000_digits": lambda d: text_with(
        d, "longest_stretch_min = 90", "longest_stretch_min = " + "9" * 5000
    ),
    "hex_schema_version": lambda d: text_with(
        d, "schema_version = 1", "schema_version = 0x" + "f" * 20_000
    ),
    "nan": lambda d: text_with(d, "distance_cm = 65.0", "distance_cm = nan"),
    "infinity": lambda d: text_with(d, "distance_cm = 65.0", "distance_cm = -inf"),
    "tiny": lambda d: text_with(d, "distance_cm = 65.0", "distance_cm = 5e-324"),
    "wrong_type": lambda d: text_with(d, "glare = false", 'glare = "no"'),
    "control_chars_in_key": lambda d: toml(d | {"body": d["body"] | {"se\nx\x1b[2J": 1}}),
    "control_chars_in_value": lambda d: toml(d | {"name": "Office\n\x1b[31mdesk"}),
    "long_key": lambda d: toml(d | {"chair": d["chair"] | {"k" * 100_000: 1}}),
    "long_value": lambda d: toml(d | {"units": "m" * 100_000}),
    "many_stray_keys": lambda d: "".join(f"k{i} = 1\n" for i in range(5000)).encode(),
    "over_1_mib": lambda d: toml(d) + b"#" * store.MAX_FILE_BYTES,
}


@pytest.mark.parametrize("kind", sorted(BYTES))
def test_check_refuses_each_bad_file_on_lines_of_its_own(
    tmp_path: Path, valid_document: Callable[[], dict[str, Any]], kind: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(BYTES[kind](valid_document()))
    lines = assert_refused(check(path), path)
    assert len(lines) <= MAX_PROBLEMS + 1
    assert all(len(line) < 500 + len(str(path)) for line in lines), max(lines, key=len)[:300]


def _special(kind: str, folder: Path, valid: bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    (folder / "real.toml").write_bytes(valid)
    (folder / "dir").mkdir()
    path = folder / "special.toml"
    if kind == "folder":
        return folder / "dir"
    if kind == "link_to_folder":
        path.symlink_to("dir")
    elif kind == "link_dangling":
        path.symlink_to("nowhere.toml")
    elif kind == "link_loop":
        path.symlink_to("loop.toml")
        (folder / "loop.toml").symlink_to(path.name)
    elif kind == "link_to_dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        monkeypatch.setattr(store, "FIFO_WAIT_SECONDS", 0.2)
        os.mkfifo(path)
    elif kind == "dev_null":
        return Path("/dev/null")
    elif kind == "missing":
        pass
    elif kind == "not_a_folder":
        return folder / "real.toml" / "inner.toml"
    elif kind == "newline_in_name":
        path = folder / "bad\nname.toml"
        path.write_bytes(b"")
    elif kind == "permission_denied":
        path.write_bytes(valid)
        path.chmod(0)
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # chmod does not stop root
            real_open = os.open

            def fake_open(name: Any, *args: Any, **kwargs: Any) -> int:
                if Path(name) == path:
                    raise PermissionError(errno.EACCES, "Permission denied", str(name))
                return real_open(name, *args, **kwargs)

            monkeypatch.setattr(os, "open", fake_open)
    return path


SPECIAL = [
    "folder",
    "link_to_folder",
    "link_dangling",
    "link_loop",
    "link_to_dev_zero",
    "fifo",
    "dev_null",
    "missing",
    "not_a_folder",
    "newline_in_name",
    "permission_denied",
]


@pytest.mark.skipif(os.name != "posix", reason="POSIX special files")
@pytest.mark.parametrize("kind", SPECIAL)
def test_check_refuses_special_files(
    tmp_path: Path,
    valid_document: Callable[[], dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    path = _special(kind, tmp_path, toml(valid_document()), monkeypatch)
    lines = assert_refused(check(path), path)
    assert len(lines) == 1, lines


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_check_follows_a_link_to_a_profile(
    tmp_path: Path, valid_document: Callable[[], dict[str, Any]]
) -> None:
    (tmp_path / "real.toml").write_bytes(toml(valid_document()))
    (tmp_path / "link.toml").symlink_to("real.toml")
    result = check(tmp_path / "link.toml")
    assert result.exit_code == 0
    assert result.stdout == f"{tmp_path / 'link.toml'}: ok\n"


def test_check_reports_each_of_several_bad_files(
    tmp_path: Path, valid_document: Callable[[], dict[str, Any]]
) -> None:
    good = tmp_path / "good.toml"
    good.write_bytes(toml(valid_document()))
    bad = [tmp_path / f"bad{i}.toml" for i in range(3)]
    bad[0].write_bytes(b"\xff\xfe\x00\x00")
    bad[1].write_bytes(b"[" * 5000)
    bad[2].mkdir()
    result = check(bad[0], good, bad[1], bad[2])
    assert result.exit_code == 1
    assert result.stdout == f"{good}: ok\n"
    lines = problem_lines(result)
    assert [line.split(":", 1)[0] for line in lines] == [str(p) for p in bad]
    assert result.stderr.splitlines()[-1] == "3 of 4 invalid"
