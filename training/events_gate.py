"""Train the event precision gate (newsgraph.events.precision_gate) on the hand-judged sheets.

    .venv/bin/python training/events_gate.py collect   # re-code the judged pages, gate off
    .venv/bin/python training/events_gate.py train [--holdout SHEET ...] [--threshold P] [--l2 C]
    .venv/bin/python training/events_gate.py curve     # gold P/R/F1 per gate threshold

Training data: the verdicts of benchmarks/data/events_*.json (our own hand labels); a sheet
marked `"test_sheet": true` (a fresh sample drawn to measure the gate) is never read. `collect`
codes every judged page again (the gate is off by default), finds each judged event among the
events coded now (same page, overlapping trigger, same category: a verdict holds only while the
category is the same; sheets without trigger offsets match on the evidence sentence) and stores
the coded pages (with their tokens) and the verdicts in training/output/events_gate/ (outside
git). Judged events the coder no longer produces are left out. Features are computed from the
stored pages at training time, so that they can change without coding the pages again.

`train` fits an L2-regularised logistic regression (plain numpy, batch gradient descent) and
reports leave-one-sheet-out figures: for each threshold, the precision of the held-out events
kept and the share of right held-out events kept (`--holdout SHEET` also reports one fixed set of
held-out sheets). The final model is trained on every sheet and written to
src/newsgraph/resources/common/event_gate.json with the chosen threshold; features seen fewer
than `MIN_COUNT` times are dropped.

`curve` codes every shared gold article once without the gate and scores the gold events kept
at each gate threshold (benchmarks/events.py score_gold), so that the threshold can be chosen
against gold recall; then the PLOVER-GSR sentences with the gate off and on (shipped threshold). Figures go to benchmarks/results/events.json, key `precision_gate`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"
OUTPUT = REPO / "training" / "output" / "events_gate"
EXAMPLES = OUTPUT / "examples.jsonl"
GSR_EXAMPLES = OUTPUT / "gsr_development.jsonl"
GSR_SHEET = "gsr_development"
MODEL = REPO / "src" / "newsgraph" / "resources" / "common" / "event_gate.json"
RESULTS = REPO / "benchmarks" / "results" / "events.json"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from newsgraph.api import Extractor  # noqa: E402
from newsgraph.errors import NewsgraphError  # noqa: E402
from newsgraph.events import precision_gate  # noqa: E402
from newsgraph.events.lexicon import load_lexicon  # noqa: E402
from newsgraph.events.words import sentence_views  # noqa: E402
from newsgraph.model import Article, Event, Token  # noqa: E402
from newsgraph.settings import load_settings  # noqa: E402

MIN_COUNT = 3
L2 = 3.0
THRESHOLDS = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def _ewt_text(page: str) -> str | None:
    """The text of one UD English-EWT document (test or dev file), one sentence a line."""
    for part in ("test", "dev"):
        path = DATASETS / "ud_english_ewt" / f"en_ewt-ud-{part}.conllu"
        sentences: list[str] = []
        inside = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newdoc id = "):
                if inside:
                    break
                inside = line[len("# newdoc id = ") :].strip() == page
            elif inside and line.startswith("# text = "):
                sentences.append(line[len("# text = ") :].strip())
        if sentences:
            return "\n".join(sentences)
    return None


def _page(extractor: Extractor, source: str, page: str, lang: str) -> Article | None:
    import events_precision  # benchmarks/events_precision.py (no package)

    if source.startswith("ewt"):
        text = _ewt_text(page)
        return extractor.extract_text(text, external_id=page, lang="en") if text else None
    found: Article | None = events_precision._judged_page_text(extractor, source, page, lang)
    return found


def _dump(article: Article) -> dict[str, Any]:
    """An article as JSON with its tokens (which the model leaves out of JSON)."""
    return {
        "article": article.model_dump(mode="json"),
        "tokens": [t.model_dump(mode="json") for t in article.tokens],
    }


def _undump(data: dict[str, Any]) -> Article:
    article = Article.model_validate(data["article"])
    article.tokens = [Token.model_validate(t) for t in data["tokens"]]
    return article


def features_of(article: Article, event: Event) -> list[str]:
    """The gate features of one event of a coded article."""
    lexicon = load_lexicon(article.lang or "en")
    return precision_gate.event_features(article, list(sentence_views(article)), event, lexicon)


def _same_events(article: Article, item: dict[str, Any]) -> list[Event]:
    """The events coded now that a judged item describes: same category and an overlapping
    trigger (or, on sheets that kept no trigger offsets, an overlapping evidence sentence)."""
    if item["trigger"]:
        t0, t1 = item["trigger"]
        return [
            e
            for e in article.events
            if e.type == item["type"] and e.trigger and e.trigger.start < t1 and t0 < e.trigger.end
        ]
    s0, s1 = item.get("sentence") or (0, 0)
    return [
        e
        for e in article.events
        if e.type == item["type"] and any(s.start < s1 and s0 < s.end for s in e.evidence[:1])
    ]


def collect() -> None:
    """Judged events coded again, with their features and verdicts."""
    extractor = Extractor()
    coded: list[dict[str, Any]] = []
    labels: list[tuple[str, str, int, str]] = []
    for path in sorted((REPO / "benchmarks" / "data").glob("events_*.json")):
        sheet = json.loads(path.read_text(encoding="utf-8"))
        if sheet.get("test_sheet"):
            continue
        pages: dict[str, list[dict[str, Any]]] = {}
        for item in sheet["sample"]:
            pages.setdefault(item["page"], []).append(item)
        found = 0
        for page, items in pages.items():
            try:
                article = _page(extractor, sheet["source"], page, items[0]["lang"])
            except NewsgraphError:
                article = None
            if article is None:
                print(f"{path.name}: page {page} cannot be read again", file=sys.stderr)
                continue
            for item in items:
                same = _same_events(article, item)
                if not same:
                    continue
                found += 1
                labels.append((path.name, page, article.events.index(same[0]), item["verdict"]))
            coded.append({"sheet": path.name, "page": page, **_dump(article)})
        print(f"{path.name}: {found} of {len(sheet['sample'])} judged events coded now")
    _write(EXAMPLES, coded, labels)
    print(f"{len(labels)} examples, {sum(v == 'correct' for *_, v in labels)} right")


def _write(
    path: Path, coded: list[dict[str, Any]], labels: list[tuple[str, str, int, str]]
) -> None:
    """Coded articles with the verdict of each judged event (sheet, page, event index)."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    verdicts: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for sheet, page, number, verdict in labels:
        verdicts.setdefault((sheet, page), []).append((number, verdict))
    with path.open("w", encoding="utf-8") as out:
        for row in coded:
            row["verdicts"] = verdicts.get((row["sheet"], row["page"]), [])
            if row["verdicts"]:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


def collect_gsr() -> None:
    """The development part of the PLOVER-GSR sentences (benchmarks/events.py; the held-out part
    is never read): each sentence coded on its own, gate off; its top event (highest confidence,
    as the benchmark scores it) is right when its category is the gold one. These are short
    political reports whose verbal acts ("vowed it will", "urged X to") carry modal words."""
    import events as event_benchmark  # benchmarks/events.py (no package)

    extractor = Extractor()
    records = json.loads((event_benchmark.GSR / "PLOVER_GSR_CAMEO.json").read_text("utf-8"))
    mapping, ontology = event_benchmark.legacy_map(), event_benchmark.load_ontology()
    coded: list[dict[str, Any]] = []
    labels: list[tuple[str, str, int, str]] = []
    for record in records:
        if record.get("event") == "DOCUMENT":
            continue
        if event_benchmark.gsr_part(record["id"]) != event_benchmark.DEVELOPMENT:
            continue
        gold = mapping.get(record["event"], ontology.canonical(record["event"]) or record["event"])
        article = extractor.extract_text(record["text"], external_id=record["id"], lang="en")
        if not article.events:
            continue
        top = max(range(len(article.events)), key=lambda n: article.events[n].confidence)
        verdict = "correct" if article.events[top].type == gold else "wrong"
        labels.append((GSR_SHEET, record["id"], top, verdict))
        coded.append({"sheet": GSR_SHEET, "page": record["id"], **_dump(article)})
    _write(GSR_EXAMPLES, coded, labels)
    print(
        f"{len(labels)} GSR development examples, {sum(v == 'correct' for *_, v in labels)} right"
    )


def _examples(path: Path) -> list[dict[str, Any]]:
    """One row per judged event of a collected file: sheet, page, verdict and its features
    (computed now, so that features can change without coding the pages again)."""
    rows = []
    if not path.is_file():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        article = _undump(data)
        for number, verdict in data["verdicts"]:
            features = features_of(article, article.events[number])
            rows.append(
                {
                    "sheet": data["sheet"],
                    "page": data["page"],
                    "verdict": verdict,
                    "lang": article.lang,
                    "features": features,
                }
            )
    return rows


def _load() -> list[dict[str, Any]]:
    return _examples(EXAMPLES)


def fit(rows: list[dict[str, Any]], l2: float = L2) -> tuple[dict[str, float], float]:
    """Weights and bias of an L2-regularised logistic regression over the rows' features."""
    counts = Counter(f for r in rows for f in set(r["features"]))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: n for n, f in enumerate(vocabulary)}
    x = np.zeros((len(rows), len(vocabulary)))
    for n, row in enumerate(rows):
        for feature in set(row["features"]):
            if feature in index:
                x[n, index[feature]] = 1.0
    y = np.array([r["verdict"] == "correct" for r in rows], dtype=float)
    total = float(len(rows))
    w, b = np.zeros(len(vocabulary)), 0.0
    for _ in range(3000):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = p - y
        w -= 0.5 * ((x.T @ error) / total + l2 * w / total)
        b -= 0.5 * float(error.sum() / total)
    return {f: round(float(w[n]), 4) for n, f in enumerate(vocabulary) if abs(w[n]) > 1e-4}, b


def _probability(weights: dict[str, float], bias: float, features: list[str]) -> float:
    model = precision_gate.GateModel(weights, bias)
    return model.probability(features)


def _held_out(rows: list[dict[str, Any]], held: set[str], l2: float) -> list[tuple[str, float]]:
    weights, bias = fit([r for r in rows if r["sheet"] not in held], l2)
    return [
        (r["verdict"], _probability(weights, bias, r["features"]))
        for r in rows
        if r["sheet"] in held
    ]


def _table(scored: list[tuple[str, float]]) -> list[dict[str, Any]]:
    right = sum(v == "correct" for v, _ in scored)
    table = []
    for threshold in THRESHOLDS:
        kept = [v for v, p in scored if p >= threshold]
        good = kept.count("correct")
        table.append(
            {
                "threshold": threshold,
                "kept": len(kept),
                "right_kept": good,
                "precision": round(good / len(kept), 3) if kept else 0.0,
                "right_recall": round(good / right, 3) if right else 0.0,
            }
        )
    return table


def train() -> None:
    """Held-out figures, then the final model on every sheet."""
    rows = _load()
    held = {sys.argv[n + 1] for n, a in enumerate(sys.argv[:-1]) if a == "--holdout"}
    l2 = float(sys.argv[sys.argv.index("--l2") + 1]) if "--l2" in sys.argv else L2
    sheets = sorted({r["sheet"] for r in rows})
    pooled: list[tuple[str, float]] = []
    for sheet in sheets:
        scored = _held_out(rows, {sheet}, l2)
        pooled += scored
        print(
            sheet,
            len(scored),
            [(t["threshold"], t["kept"], t["right_kept"]) for t in _table(scored)],
        )
    weights, bias = fit(rows, l2)
    gsr = [
        (r["verdict"], _probability(weights, bias, r["features"])) for r in _examples(GSR_EXAMPLES)
    ]
    print("judged news sheets, each left out in turn:")
    for row in _table(pooled):
        print(" ", row)
    print("GSR development sentences (never trained on):")
    for row in _table(gsr):
        print(" ", row)
    report: dict[str, Any] = {
        "leave_one_sheet_out": _table(pooled),
        "gsr_development": _table(gsr),
        "l2": l2,
    }
    if held:
        family = _table(_held_out(rows, held, l2))
        report["held_out"] = {"sheets": sorted(held), "rows": family}
        print("held out", sorted(held))
        for row in family:
            print(" ", row)
    threshold = (
        float(sys.argv[sys.argv.index("--threshold") + 1]) if "--threshold" in sys.argv else 0.35
    )
    model = {
        "note": "Event precision gate (newsgraph.events.precision_gate): logistic regression "
        "over binary event features, trained by training/events_gate.py on the verdicts of the "
        "hand-judged sheets benchmarks/data/events_*.json; `threshold` is the probability "
        "recommended for general news (an event below it is not coded when the gate is on: "
        "setting event_gate).",
        "examples": len(rows),
        "right": sum(r["verdict"] == "correct" for r in rows),
        "sheets": sheets,
        "l2": l2,
        "languages": ["en", "nb"],
        "threshold": threshold,
        "bias": round(bias, 4),
        "weights": dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))),
    }
    MODEL.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]
    print(f"bias {bias:.3f}; {len(weights)} weights; strongest: {top}")


class _GateExtractor:
    """Each gold article coded once with the gate off; each call keeps the events whose gate
    probability reaches `threshold`."""

    def __init__(self) -> None:
        self.extractor = Extractor()
        self.cache: dict[str, tuple[Article, list[float]]] = {}
        self.model = precision_gate.load_gate_model()
        self.threshold = 0.0

    def extract_text(self, text: str, **options: Any) -> Article:
        key = f"{options.get('external_id')}|{options.get('path')}|{text}"
        if key not in self.cache:
            article = self.extractor.extract_text(text, **options)
            scores = [self.model.probability(features_of(article, e)) for e in article.events]
            self.cache[key] = (article, scores)
        article, scores = self.cache[key]
        copy = article.model_copy(deep=False)
        copy.events = [
            e for e, p in zip(article.events, scores, strict=True) if p >= self.threshold
        ]
        return copy


def curve() -> None:
    """Gold event P/R/F1 at each gate threshold."""
    import events as event_benchmark  # benchmarks/events.py (no package)

    extractor = _GateExtractor()
    rows = []
    for threshold in THRESHOLDS:
        extractor.threshold = threshold
        scores = event_benchmark.score_gold(extractor)
        overall = {k: scores["overall"][k] for k in ("precision", "recall", "f1")}
        rows.append({"threshold": threshold, "gold": overall})
        print(threshold, overall, flush=True)
    gsr = {}
    for on in (False, True):
        outcomes = event_benchmark.code_gsr(Extractor(load_settings(overrides={"event_gate": on})))
        gsr["gate_on" if on else "gate_off"] = {
            part: {
                k: v
                for k, v in event_benchmark.gsr_scores(
                    [o for o in outcomes if o["part"] == part]
                ).items()
                if not isinstance(v, dict | list)
            }
            for part in (event_benchmark.DEVELOPMENT, event_benchmark.HELD_OUT)
        }
        print("GSR", "gate on" if on else "gate off", gsr["gate_on" if on else "gate_off"])
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    gate = results.setdefault("precision_gate", {})
    gate["gold_curve"] = rows
    gate["gsr_at_shipped_threshold"] = gsr
    gate["shipped_threshold"] = extractor.model.threshold
    report = OUTPUT / "report.json"
    if report.is_file():
        gate["judged"] = json.loads(report.read_text(encoding="utf-8"))
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    commands = {
        "collect": collect,
        "collect-gsr": collect_gsr,
        "train": train,
        "curve": curve,
    }
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]]()
