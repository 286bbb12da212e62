"""The core and the non-interactive commands work without textual (and never import it).

Both checks run in a fresh interpreter: this test process may well have textual loaded
by other tests already.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from deskfit.core.model.validation import parse_profile


@pytest.fixture
def profile_file(tmp_path: Path, valid_document: Any, write_profile: Any) -> Path:
    path = write_profile(tmp_path / "profiles", valid_document(), "office-desk.toml")
    parse_profile(valid_document())  # the file is valid, so any failure is the import's
    return path


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DESKFIT_PROFILES_DIR"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=env,
    )


def test_core_and_cli_work_with_textual_blocked(tmp_path: Path, profile_file: Path) -> None:
    code = f"""
        import importlib
        import importlib.abc
        import json
        import pkgutil
        import sys

        class BlockTextual(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name == "textual" or name.startswith("textual"):
                    raise ImportError(f"textual is blocked in this test: {{name}}")
                return None

        sys.meta_path.insert(0, BlockTextual())
        for name in [m for m in sys.modules if m.startswith("textual")]:
            del sys.modules[name]

        import deskfit.core
        imported = []
        for info in pkgutil.walk_packages(deskfit.core.__path__, "deskfit.core."):
            importlib.import_module(info.name)
            imported.append(info.name)
        assert len(imported) >= 10, imported

        import deskfit.cli
        from click.testing import CliRunner

        folder = {str(profile_file.parent)!r}
        runner = CliRunner()
        for args in (
            ["export", "Office desk", "--format", "json"],
            ["export", "Office desk", "--format", "text"],
            ["export", "Office desk", "--format", "md"],
            ["show", "Office desk"],
            ["list"],
            ["check", {str(profile_file)!r}],
        ):
            result = runner.invoke(deskfit.cli.cli, ["--profiles-dir", folder, *args])
            assert result.exit_code == 0, (args, result.output, repr(result.exception))
            assert "textual" not in result.output.lower(), (args, result.output)
        data = json.loads(
            runner.invoke(
                deskfit.cli.cli, ["--profiles-dir", folder, "export", "Office desk", "--format", "json"]
            ).stdout
        )
        assert data["name"] == "Office desk"
        assert not [m for m in sys.modules if m.startswith("textual")]
        print("ok", len(imported))
    """
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("ok ")


def test_export_does_not_import_textual(tmp_path: Path, profile_file: Path) -> None:
    code = f"""
        import sys
        from deskfit.cli import main

        try:
            main(["--profiles-dir", {str(profile_file.parent)!r}, "export", "Office desk",
                  "--format", "json", "-o", "advice.json"])
        except SystemExit as exc:
            assert exc.code in (0, None), exc.code
        loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        assert "textual" not in sys.modules, loaded[:10]
        assert not [m for m in sys.modules if m.startswith("deskfit.tui")]
        print("ok")
    """
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "ok"
    assert (tmp_path / "advice.json").read_text(encoding="utf-8").startswith("{")
