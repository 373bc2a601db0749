"""`newsgraph extract`, `schema`, `settings` and `demo`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.api import Extractor
from newsgraph.cli.app import app
from newsgraph.cli.render import render_article
from newsgraph.errors import NewsgraphError
from newsgraph.model import json_schema
from newsgraph.settings import Settings, load_settings, settings_help

ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="TOML settings file (see `newsgraph settings`)")
]


class OutputFormat(StrEnum):
    """How `extract` writes articles."""

    json = "json"
    jsonl = "jsonl"
    pretty = "pretty"


def error_line(message: str) -> None:
    """One clear line on stderr."""
    typer.echo(f"newsgraph: error: {message}", err=True)


def build_settings(config: Path | None, **overrides: object) -> Settings:
    """Settings from file + environment + flags, with config errors as one line and exit 2."""
    try:
        return load_settings(config, overrides=overrides)
    except NewsgraphError as error:
        error_line(str(error))
        raise typer.Exit(2) from error


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="files, directories, or - for stdin")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json, jsonl or pretty")
    ] = OutputFormat.json,
    config: ConfigOption = None,
    stages: Annotated[
        str | None, typer.Option(help="comma-separated stage names to run (default: all)")
    ] = None,
    strict: Annotated[bool, typer.Option(help="stop at the first stage failure")] = False,
) -> None:
    """Extract clean text, metadata, entities, quotes, times and events; print them to stdout.

    Failures are reported one line each on stderr; the exit code is non-zero only when no input
    could be processed.
    """
    stage_list = [s.strip() for s in stages.split(",")] if stages else None
    settings = build_settings(config, stages=stage_list, strict=strict or None)
    try:
        extractor = Extractor(settings)
    except NewsgraphError as error:
        error_line(str(error))
        raise typer.Exit(2) from error
    console = Console()
    processed = 0
    collected: list[str] = []
    for outcome in extractor.extract_paths(paths):
        if outcome.failure is not None:
            error_line(str(outcome.failure))
            continue
        article = outcome.article
        assert article is not None
        processed += 1
        for failure in article.failures:
            error_line(f"{article.meta.input_path}: {failure.message}")
        if output_format is OutputFormat.pretty:
            render_article(console, article)
        elif output_format is OutputFormat.jsonl:
            sys.stdout.write(article.to_json(indent=None) + "\n")
        else:
            collected.append(article.to_json())
    if output_format is OutputFormat.json and collected:
        body = collected[0] if len(collected) == 1 else "[\n" + ",\n".join(collected) + "\n]"
        sys.stdout.write(body + "\n")
    if processed == 0:
        raise typer.Exit(1)


@app.command()
def schema(config: ConfigOption = None) -> None:
    """Print the JSON Schema of the Article record."""
    build_settings(config)
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@app.command("settings")
def show_settings(config: ConfigOption = None) -> None:
    """List every setting with its current value, default and help (env: NEWSGRAPH_<NAME>)."""
    from newsgraph.stages.nlp import language_support

    current = build_settings(config)
    for name, default, help_text in settings_help():
        typer.echo(f"{name} = {getattr(current, name)!r}   (default {default}) — {help_text}")
    typer.echo("\nlanguage support (names from the nlp stage; see docs/models.md):")
    for lang in current.languages:
        typer.echo("  " + language_support(lang, current))


def sample_corpus() -> Path:
    """Folder of the bundled sample articles."""
    return Path(str(resources.files("newsgraph").joinpath("samples")))


@app.command()
def demo(
    db: Annotated[str, typer.Option(help="archive to fill (SQLite path)")] = "demo.db",
    config: ConfigOption = None,
) -> None:
    """Process the bundled sample corpus into a local archive and print a readable summary."""
    from newsgraph.cli.showcase import run_demo

    settings = build_settings(config, database=db)
    run_demo(settings, sample_corpus(), Console())
