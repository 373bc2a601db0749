"""Ingest when the storage misbehaves or is shared: a full disk (a file size limit in a child
process) and a read-only database stop the run with one clear line and lose nothing stored;
concurrent writers and readers on one archive (SQLite and PostgreSQL) store each input once."""

from __future__ import annotations

import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive.conftest import UrlFactory, postgres_base, with_schema

from newsgraph.archive import open_archive
from newsgraph.errors import StorageError
from newsgraph.ingest import read_paths
from newsgraph.runners.local import ingest

from .test_local import inline_settings, run_child, stored_versions, write_inputs

CLI = "from newsgraph.cli import main; main()"


def ingest_command(folder: Path, url: str) -> list[str]:
    command = [sys.executable, "-c", CLI, "ingest", str(folder), "--db", url]
    return [*command, "--workers", "1", "--batch-size", "4", "--stages", "clean"]


def limited(megabytes_or_bytes: int):  # type: ignore[no-untyped-def]
    """A preexec function: files this process writes may grow to `limit` bytes, and a write past
    it fails with EFBIG (SIGXFSZ ignored) as it would on a full disk."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (megabytes_or_bytes, megabytes_or_bytes))

    return apply


def test_full_disk_stops_with_one_line_and_a_rerun_stores_everything(tmp_path: Path) -> None:
    folder = write_inputs(tmp_path / "in", count=40)
    whole = tmp_path / "whole.db"
    reference = subprocess.run(ingest_command(folder, str(whole)), capture_output=True)
    assert reference.returncode == 0, reference.stderr.decode()
    empty = tmp_path / "empty.db"
    with open_archive(empty):
        pass
    # Room for the empty archive and half of what the articles add: the disk fills midway.
    room = empty.stat().st_size + (whole.stat().st_size - empty.stat().st_size) // 2
    url = str(tmp_path / "a.db")
    full = subprocess.run(
        ingest_command(folder, url), capture_output=True, preexec_fn=limited(room)
    )
    assert full.returncode == 1
    [line] = full.stderr.decode().strip().splitlines()
    assert line.startswith("newsgraph: error:") and "cannot write" in line
    assert "rerun to resume" in line
    with sqlite3.connect(url) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    partial = stored_versions(url)
    assert partial < 40
    with open_archive(url) as archive:
        assert archive.failures() == [], "a full disk was recorded against articles"
    rerun = subprocess.run(ingest_command(folder, url), capture_output=True)
    assert rerun.returncode == 0, rerun.stderr.decode()
    with open_archive(url) as resumed, open_archive(whole) as first:
        assert resumed.stats().counts["versions"] == 40
        assert resumed.snapshot() == first.snapshot()


@pytest.mark.postgres
def test_read_only_postgres_is_one_clear_error_and_stores_nothing(tmp_path: Path) -> None:
    import uuid

    import psycopg

    base = postgres_base()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        url = with_schema(base, schema)
        with open_archive(url):
            pass
        read_only = url + "%20-cdefault_transaction_read_only%3Don"
        folder = write_inputs(tmp_path / "in", count=4)
        with open_archive(read_only) as archive, pytest.raises(StorageError, match="read-only"):
            ingest(read_paths([folder]), archive, inline_settings(read_only))
        assert stored_versions(url) == 0
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def test_concurrent_writers_and_a_reader_store_each_input_once(
    tmp_path: Path, new_url: UrlFactory
) -> None:
    folder = write_inputs(tmp_path / "in", count=30, empty=2)
    whole, shared = new_url(), new_url()
    with open_archive(whole) as archive:
        ingest(read_paths([folder]), archive, inline_settings(whole))
    # Two runs of the same drop folder at once (overlapping cron jobs), and a reader meanwhile.
    writers = [run_child(folder, shared), run_child(folder, shared)]
    reads = 0
    while any(writer.poll() is None for writer in writers):
        if stored_versions(shared) > 0:
            with open_archive(shared) as archive:
                archive.search("progress")
            reads += 1
        time.sleep(0.05)
    for writer in writers:
        assert writer.returncode == 0, writer.stderr.read().decode() if writer.stderr else ""
    assert reads > 0
    with open_archive(shared) as archive, open_archive(whole) as reference:
        assert archive.stats().counts["versions"] == 30
        assert archive.snapshot() == reference.snapshot()
