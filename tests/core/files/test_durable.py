"""Syncing the draft from a thread (``core/files/durable.py``)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from deskfit.core.files import durable
from deskfit.core.files.durable import Syncer


def _wait(what: str, ready: object, seconds: float = 5.0) -> None:
    end = time.monotonic() + seconds
    while not ready():  # type: ignore[operator]
        if time.monotonic() > end:
            raise AssertionError(f"waited {seconds:g} s for {what}")
        time.sleep(0.01)


def test_a_burst_of_writes_is_synced_once_after_the_delay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[Path] = []
    monkeypatch.setattr(durable, "sync_file", synced.append)
    path = tmp_path / "draft.toml"
    syncer = Syncer(delay=0.2)
    started = time.monotonic()
    for _ in range(50):  # fifty keys in a row
        syncer.soon(path)
    _wait("the sync", lambda: synced)
    assert time.monotonic() - started >= 0.2  # not before the delay
    time.sleep(0.3)
    assert synced == [path]  # one sync for the burst


def test_flush_syncs_what_waits_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[Path] = []
    monkeypatch.setattr(durable, "sync_file", synced.append)
    syncer = Syncer(delay=60)
    syncer.soon(tmp_path / "a.toml")
    syncer.soon(tmp_path / "b.toml")
    syncer.flush()
    assert sorted(p.name for p in synced) == ["a.toml", "b.toml"]
    syncer.flush()
    assert len(synced) == 2  # nothing left waiting


def test_syncing_fsyncs_the_file_and_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "draft.toml"
    path.write_text("x")
    seen: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (seen.append(fd), real(fd)))
    durable.sync_file(path)
    assert len(seen) == 2
    durable.sync_file(tmp_path / "gone.toml")  # deleted meanwhile: nothing to do, no error
