"""The core's layers, each importing only those below it (architecture.md: a layout that
shows the design). ``tui`` and ``cli`` sit on top and may import anything; nothing in
``core`` imports them (and ``test_core_is_textual_free.py`` checks textual stays out)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "src" / "deskfit" / "core"
ORDER = ("model", "files", "engine", "present", "ops", "session")


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] == ["deskfit", "core"] and len(parts) > 2:
        return parts[2]
    if parts[:1] == ["deskfit"] and len(parts) > 1 and parts[1] in ("tui", "cli"):
        return parts[1]
    return None


def imports(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
            out += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            out += [a.name for a in node.names]
    return out


def modules() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_core_module_is_in_a_layer() -> None:
    stray = [p.name for p in modules() if p.parent == CORE and p.name != "__init__.py"]
    assert stray == []
    assert {p.relative_to(CORE).parts[0] for p in modules() if p.parent != CORE} == set(ORDER)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_a_layer_imports_only_those_below_it(path: Path) -> None:
    if path.parent == CORE:
        return
    mine = ORDER.index(path.relative_to(CORE).parts[0])
    for name in imports(path):
        other = layer_of(name)
        if other is None:
            continue
        assert other in ORDER, f"{path.name} imports {name}: the core never imports the shell"
        assert ORDER.index(other) <= mine, f"{path.name} ({ORDER[mine]}) imports {name}"
