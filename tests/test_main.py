"""`python -m newsgraph` runs the command-line interface."""

from __future__ import annotations

import subprocess
import sys


def test_python_m_newsgraph_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "extract" in result.stdout and "ingest" in result.stdout
