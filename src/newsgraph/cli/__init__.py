"""Command-line interface: thin commands over the same Python API users import."""

from __future__ import annotations

import importlib

from newsgraph.cli.app import app

COMMAND_MODULES = ("extract", "evaluate", "archive", "serve", "continuous")


def register_commands() -> None:
    """Import every command module so its commands register on the app."""
    for module in COMMAND_MODULES:
        name = f"newsgraph.cli.{module}"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


def main() -> None:
    """Entry point of the `newsgraph` command."""
    register_commands()
    app()


__all__ = ["app", "main", "register_commands"]
