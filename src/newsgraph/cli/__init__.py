"""Command-line interface: thin commands over the same Python API users import."""

from __future__ import annotations

import importlib

from newsgraph.cli.app import app

COMMAND_MODULES = ("extract", "evaluate", "archive")


def main() -> None:
    """Entry point of the `newsgraph` command."""
    for module in COMMAND_MODULES:
        importlib.import_module(f"newsgraph.cli.{module}")
    app()


__all__ = ["app", "main"]
