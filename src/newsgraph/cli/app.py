"""The Typer application every CLI module registers its commands on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsgraph",
    help="Turn raw news articles into structured, evidence-linked intelligence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
