"""Rich tables of an evaluation Report (built here, printed by the caller)."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from newsgraph.evaluate.scores import FileScore, Report, Scores


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def layers_table(title: str, groups: dict[str, Scores]) -> Table:
    """Precision/recall/F1 of each layer, one block of rows per named group (all, each language)."""
    table = Table(title=title, title_justify="left")
    for name in ("scope", "layer"):
        table.add_column(name)
    for name in ("P", "R", "F1"):
        table.add_column(name, justify="right", style="bold" if name == "F1" else None)
    for name in ("tp", "fp", "fn", "opt"):
        table.add_column(name, justify="right", style="dim")
    for group, scores in groups.items():
        for layer, score in scores.layers.items():
            table.add_row(
                group,
                layer,
                _pct(score.precision),
                _pct(score.recall),
                _pct(score.f1),
                str(score.tp),
                str(score.fp),
                str(score.fn),
                str(score.optional),
            )
        meta = scores.meta
        passed = f"{meta.correct}/{meta.total} checks"
        table.add_row(group, "meta", "", "", _pct(meta.accuracy), passed, end_section=True)
    return table


def attributes_table(title: str, groups: dict[str, Scores]) -> Table:
    """Attribute accuracies (correct/total among matched items), one column pair per group."""
    table = Table(title=title, title_justify="left")
    table.add_column("attribute")
    for name in groups:
        table.add_column(name, justify="right", style="bold")
        table.add_column("n", justify="right", style="dim")
    names = next(iter(groups.values())).attributes if groups else {}
    for attribute in names:
        row = [attribute]
        for scores in groups.values():
            score = scores.attributes[attribute]
            row += [_pct(score.accuracy) if score.total else "-", f"{score.correct}/{score.total}"]
        table.add_row(*row)
    return table


def files_table(files: list[FileScore]) -> Table:
    """One row per gold file: F1 of each layer, meta checks and any error."""
    table = Table(title="Per file (F1 %)", title_justify="left")
    table.add_column("gold file", overflow="fold")
    table.add_column("lang")
    for layer in ("entities", "quotes", "times", "events"):
        table.add_column(layer, justify="right")
    table.add_column("meta", justify="right")
    table.add_column("s", justify="right", style="dim")
    table.add_column("error", style="red")
    for file in files:
        scores = file.result.scores
        lang = (
            file.lang
            if file.predicted_lang in (None, file.lang)
            else (f"{file.lang}≠{file.predicted_lang}")
        )
        table.add_row(
            Path(file.gold_file).name.removesuffix(".gold.json"),
            lang,
            *(_pct(scores.layers[layer].f1) for layer in ("entities", "quotes", "times", "events")),
            f"{scores.meta.correct}/{scores.meta.total}",
            f"{file.seconds:.1f}",
            (file.error or "")[:60],
        )
    return table


def file_details_table(file: FileScore) -> Table:
    """What one file missed, got spurious or got wrong, layer by layer, and its failed checks."""
    table = Table(title=f"{file.gold_file}", title_justify="left", show_lines=False)
    table.add_column("layer")
    table.add_column("problem")
    table.add_column("item", overflow="fold")
    result = file.result
    for check in result.meta_checks:
        if not check.passed:
            table.add_row("meta", f"failed {check.field}", f"{check.expected!r} ≠ {check.actual!r}")
    for layer in result.missed:
        for item in result.missed[layer]:
            table.add_row(layer, "missed", item)
        for item in result.spurious.get(layer, []):
            table.add_row(layer, "spurious", item)
        for item in result.wrong.get(layer, []):
            table.add_row(layer, "wrong", item)
    return table


def report_tables(report: Report, per_file: bool = False) -> list[Table]:
    """The tables `newsgraph evaluate` prints: overall and per language, then per file if asked."""
    columns = {"all": report.overall, **report.by_language}
    tables = [
        layers_table(f"Evaluation of {len(report.files)} gold files (%)", columns),
        attributes_table("Attribute accuracy among matched items (%)", columns),
    ]
    if per_file:
        tables.append(files_table(report.files))
        tables.extend(file_details_table(file) for file in report.files)
    return tables
