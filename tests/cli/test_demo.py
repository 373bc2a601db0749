"""`newsgraph demo` runs the bundled samples end to end into an archive."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.archive import open_archive
from newsgraph.cli import app, register_commands

register_commands()


@pytest.mark.models
def test_demo_fills_the_archive_and_prints_queries(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "newsgraph quotes --speaker" in result.stdout
    with open_archive(db) as archive:
        assert archive.stats().counts["articles"] == 3
