"""Fixtures for the wizard's tests: a profiles folder per test, no cursor blink, UTC dates."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input


@pytest.fixture(autouse=True)
def _frozen_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cursor never blinks, so screenshots do not depend on timing."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates are shown in local time: make local time UTC for every test."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def profiles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    return folder


FIXED_NOW = datetime(2026, 11, 23, 19, 5, tzinfo=UTC)


@pytest.fixture
def clock() -> object:
    return lambda: FIXED_NOW
