"""`newsgraph evaluate`: score the extractor against the gold files of shared/gold."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli.app import app
from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import evaluate_gold_dir
from newsgraph.evaluate.tables import report_tables
from newsgraph.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[3]


class OutputFormat(StrEnum):
    """How the report is printed."""

    table = "table"
    json = "json"


def default_gold_dir(cwd: Path | None = None) -> Path | None:
    """../shared/gold from the working directory, else from the repository root."""
    here = cwd or Path.cwd()
    for candidate in (here / ".." / "shared" / "gold", REPO_ROOT / ".." / "shared" / "gold"):
        if candidate.is_dir():
            return candidate.resolve()
    return None


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="folder of *.gold.json files (default: ../shared/gold)"),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="table (rich) or json on stdout")
    ] = OutputFormat.table,
    per_file: Annotated[
        bool, typer.Option("--per-file", help="also show every file's scores and misses")
    ] = False,
    json_out: Annotated[
        Path | None, typer.Option("--json-out", help="also write the full report as JSON here")
    ] = None,
    lang: Annotated[
        list[str] | None, typer.Option("--lang", help="only gold files of this language")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="settings TOML file for the pipeline")
    ] = None,
) -> None:
    """Run the full pipeline on every gold article and print precision/recall/F1 per layer."""
    err = Console(stderr=True)
    folder = gold or default_gold_dir()
    if folder is None:
        err.print("[red]no gold folder[/]: pass --gold DIR (../shared/gold was not found)")
        raise typer.Exit(code=2)
    try:
        settings = load_settings(config_file=config)
        report = evaluate_gold_dir(folder, settings=settings, languages=lang or None)
    except NewsgraphError as error:
        err.print(f"[red]error[/]: {error}")
        raise typer.Exit(code=1) from error
    data = report.to_dict()
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    console = Console()
    if report.skipped_stages:
        missing = ", ".join(report.skipped_stages)
        err.print(f"[yellow]stages not installed, their layers score 0[/]: {missing}")
    if not report.files:
        console.print(f"no gold files in {folder}")
        return
    for table in report_tables(report, per_file=per_file):
        console.print(table)
