"""Quotes benchmark: detection P/R/F1 and attribution accuracy per language on the shared gold,
and textacy's `direct_quotations` on the same English articles.

1. Every gold file under ../shared/gold runs through clean, language, nlp, entities and quotes
   (the shipped pipelines, else training/output/<lang>/model-best), and its quote layer is scored
   with newsgraph.evaluate's rules (gold/README.md): a prediction matches a gold quote when either
   text contains the other; one-to-one matching; predictions matching `optional_quotes` are
   neither rewarded nor counted as false positives. Reported per language: all quotes, and direct
   quotes alone (the issue's target: F1 >= 0.95; gold quotes of other kinds excuse a direct
   prediction that matches them); attribution = speaker accuracy over matched quotes (target
   >= 0.90), addressee and kind accuracy.
2. textacy 0.13 `extract.triples.direct_quotations` on the same clean English texts, parsed by the
   same English pipeline (benchmarks/quotes_textacy.py, run by --compare-python, a venv that has
   textacy, so textacy never enters the project). It finds direct quotes only and names the
   speaker as words, so its attribution counts as right when the speaker words are one of the
   gold speaker's names (or end with one: "the Indian Army"). textacy has no Norwegian.

Run: .venv/bin/python benchmarks/quotes.py [--gold DIR] [--compare-python PATH]
Writes benchmarks/results/quotes.json and prints rich tables.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsgraph.evaluate.gold import DocResolver, find_gold_files, read_gold
from newsgraph.evaluate.layers import score_quotes
from newsgraph.evaluate.matching import match_items
from newsgraph.evaluate.names import GoldNames, normalise
from newsgraph.evaluate.result import LayerResult
from newsgraph.evaluate.scores import AttributeScore, LayerScore
from newsgraph.ingest import article_from_text
from newsgraph.model import Article, Meta
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.stages.nlp import bundled_model_path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RESULTS = REPO / "benchmarks" / "results" / "quotes.json"
STAGES = ["clean", "language", "nlp", "entities", "quotes"]
ATTRIBUTES = ("quote_speaker", "quote_addressee", "quote_kind")


def model_path(lang: str) -> str | None:
    """The shipped pipeline of a language, else the training run's best snapshot."""
    shipped = bundled_model_path(lang)
    if shipped is not None:
        return str(shipped)
    trained = REPO / "training" / "output" / lang / "model-best"
    return str(trained) if (trained / "meta.json").is_file() else None


def extract(gold_dir: Path) -> list[tuple[str, dict[str, Any], Article]]:
    """(gold file name, gold, article) for every gold file, through the quotes pipeline."""
    models = {lang: path for lang in ("nb", "en") if (path := model_path(lang))}
    pipeline = Pipeline.from_settings(Settings(models=models, stages=STAGES))
    resolver = DocResolver(gold_dir.resolve().parent)
    extracted = []
    for gold_file in find_gold_files(gold_dir):
        gold = read_gold(gold_file)
        doc = resolver.resolve(gold_file, gold)
        meta = Meta(source_url=doc.source_url, published=doc.published)
        article = pipeline.run(article_from_text(doc.text, meta, str(doc.path), "text"))
        extracted.append((gold_file.name, gold, article))
    return extracted


def direct_only(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold with only its direct quotes to find; the others excuse what matches them."""
    quotes = gold.get("quotes", [])
    others = [q.get("contains", "") for q in quotes if q.get("kind") != "direct"]
    return {
        **gold,
        "quotes": [q for q in quotes if q.get("kind") == "direct"],
        "optional_quotes": [*gold.get("optional_quotes", []), *others],
    }


class Tally:
    """Summed counts and attribute accuracies of one system on one language."""

    def __init__(self) -> None:
        self.counts = LayerScore()
        self.attributes: dict[str, AttributeScore] = defaultdict(AttributeScore)

    def add(self, result: LayerResult) -> None:
        """Add one file's result."""
        self.counts.add(result.counts)
        for name, score in result.attributes.items():
            self.attributes[name].correct += score.correct
            self.attributes[name].total += score.total

    def row(self) -> dict[str, Any]:
        """Counts, P/R/F1 and accuracies as a JSON-ready dict."""
        return {
            **self.counts.to_dict(),
            **{
                name: {
                    "correct": score.correct,
                    "total": score.total,
                    "accuracy": round(score.correct / score.total, 4) if score.total else None,
                }
                for name, score in sorted(self.attributes.items())
            },
        }


def score_textacy(found: list[dict[str, Any]], gold: dict[str, Any]) -> LayerResult:
    """textacy's quotes against the direct gold quotes, by the same matching rules."""
    result = LayerResult()
    names = GoldNames(gold.get("entities", []))
    wanted = gold["quotes"]

    def contains(a: str, b: str) -> bool:
        a, b = normalise(a.strip("\"'“”‘’«» ")), normalise(b)
        return bool(a and b) and (a in b or b in a)

    def speaker_ok(g: int, p: int) -> bool:
        said = normalise(found[p]["speaker"])
        aliases = names.expand(wanted[g].get("speaker", ""))
        return any(said == alias or said.endswith(" " + alias) for alias in aliases)

    def quality(g: int, p: int) -> float | None:
        if not contains(found[p]["content"], wanted[g].get("contains", "")):
            return None
        return float(speaker_ok(g, p))

    matched = match_items(len(wanted), len(found), quality)
    optional = gold.get("optional_quotes", [])
    excused = {p for p, q in enumerate(found) if any(contains(q["content"], o) for o in optional)}
    result.tally(
        len(wanted),
        matched,
        excused,
        [str(g.get("contains")) for g in wanted],
        [str(q["content"])[:80] for q in found],
    )
    for g, p in matched.items():
        result.attribute("quote_speaker").record(speaker_ok(g, p))
    return result


def run_textacy(
    python: Path, english: list[tuple[str, dict[str, Any], Article]]
) -> dict[str, Any] | str:
    """textacy's quotations per gold file name, or why they could not be had."""
    model = model_path("en")
    if not python.is_file():
        return f"not run: no interpreter at {python} (see benchmarks/quotes_textacy.py)"
    if model is None:
        return "not run: no English pipeline"
    with tempfile.TemporaryDirectory() as folder:
        inputs, output = Path(folder) / "in.json", Path(folder) / "out.json"
        items = [{"id": name, "text": article.text} for name, _, article in english]
        inputs.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        helper = REPO / "benchmarks" / "quotes_textacy.py"
        command = [str(python), str(helper), model, str(inputs), str(output)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return f"not run: textacy helper failed ({done.stderr.strip()[-300:]})"
        results: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
        return results


def textacy_version(python: Path) -> str | None:
    """The installed textacy version of the comparison interpreter."""
    if not python.is_file():
        return None
    done = subprocess.run(
        [str(python), "-c", "import textacy; print(textacy.__version__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or None


def print_tables(console: Console, report: dict[str, Any]) -> None:
    """The per-language table and the comparison table."""
    table = Table(title="newsgraph quotes on the shared gold")
    for column in ("lang", "quotes", "gold", "P", "R", "F1", "speaker", "addressee", "kind"):
        table.add_column(column)
    for lang, block in report["newsgraph"].items():
        for scope in ("all", "direct"):
            row = block[scope]
            table.add_row(
                lang,
                scope,
                str(row["tp"] + row["fn"]),
                f"{row['precision']:.3f}",
                f"{row['recall']:.3f}",
                f"{row['f1']:.3f}",
                *(_accuracy(row.get(name)) for name in ATTRIBUTES),
            )
    console.print(table)
    comparison = Table(title="Direct quotes, English: newsgraph vs textacy direct_quotations")
    for column in ("system", "P", "R", "F1", "speaker"):
        comparison.add_column(column)
    for system, row in report["comparison_en_direct"].items():
        if isinstance(row, str):
            comparison.add_row(system, row, "", "", "")
            continue
        comparison.add_row(
            system,
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['f1']:.3f}",
            _accuracy(row.get("quote_speaker")),
        )
    console.print(comparison)
    for name, row in report["files"].items():
        console.print(f"{name}: {row}")


def _accuracy(score: dict[str, Any] | None) -> str:
    if not score or not score["total"]:
        return "-"
    return f"{score['accuracy']:.3f} ({score['correct']}/{score['total']})"


def main() -> None:
    """Run the benchmark and write its results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    parser.add_argument("--compare-python", type=Path, default=Path("/tmp/qvenv/bin/python"))
    args = parser.parse_args()
    console = Console()
    extracted = extract(args.gold)
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: {"all": Tally(), "direct": Tally()})
    files: dict[str, Any] = {}
    for name, gold, article in extracted:
        lang = str(gold.get("lang"))
        every, direct = (
            score_quotes(article, gold),
            score_quotes(_directs(article), direct_only(gold)),
        )
        tallies[lang]["all"].add(every)
        tallies[lang]["direct"].add(direct)
        files[name] = {
            "lang": lang,
            "tp": every.counts.tp,
            "fp": every.counts.fp,
            "fn": every.counts.fn,
            "missed": every.missed,
            "spurious": every.spurious,
            "wrong": every.wrong,
        }
    english = [item for item in extracted if item[1].get("lang") == "en"]
    found = run_textacy(args.compare_python, english)
    ours_en, theirs_en = Tally(), Tally()
    for name, gold, article in english:
        ours_en.add(score_quotes(_directs(article), direct_only(gold)))
        if isinstance(found, dict):
            quotes = found.get(name, [])
            theirs_en.add(
                score_textacy(quotes if isinstance(quotes, list) else [], direct_only(gold))
            )
    comparison: dict[str, Any] = {"newsgraph": ours_en.row()}
    comparison["textacy"] = theirs_en.row() if isinstance(found, dict) else found
    report = {
        "gold_dir": _shown(args.gold),
        "models": {
            lang: _shown(Path(p)) if (p := model_path(lang)) else None for lang in ("nb", "en")
        },
        "newsgraph": {
            lang: {k: t.row() for k, t in block.items()} for lang, block in tallies.items()
        },
        "comparison_en_direct": comparison,
        "textacy": {
            "version": textacy_version(args.compare_python),
            "function": "textacy.extract.triples.direct_quotations",
            "errors": {k: v["error"] for k, v in found.items() if isinstance(v, dict)}
            if isinstance(found, dict)
            else {},
            "norwegian": "not supported: textacy's reporting-verb lexicon is English only",
        },
        "files": files,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_tables(console, report)


def _shown(path: Path) -> str:
    """A path relative to the repository's parent where it lies under it (no machine paths)."""
    try:
        return str(path.resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)


def _directs(article: Article) -> Article:
    return article.model_copy(update={"quotes": [q for q in article.quotes if q.kind == "direct"]})


if __name__ == "__main__":
    main()
