"""Does a change leave every layer as it was? Every article's full record, this checkout against
another, on full-length pages and the dev corpus.

    .venv/bin/python benchmarks/same_output.py --baseline CHECKOUT [--limit N] [--keep DIR]

Material (read from ../shared at run time, never copied): the HTML pages of
datasets/article_extraction_benchmark (read as `newsgraph ingest` reads them) and the records of
corpus/dev.jsonl. Each checkout runs in a fresh process of its own (`--dump`, with that
checkout's `src/` first on the path), every language preloaded, and writes each article as
`Article.to_json(full=True)` (all layers, tokens and metadata included), one line an article; the
two files are compared line by line. For a speed change the answer should be "identical"; a
difference names the article and the top-level fields (and the fields of `meta`) that differ.
Exits 1 when any article differs. Writes no results file: the answer is the check.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PAGES = SHARED / "datasets" / "article_extraction_benchmark" / "html"
DEV = SHARED / "corpus" / "dev.jsonl"


def dump(output: Path, limit: int | None) -> None:
    """Every article's full record, one JSON line each, from the newsgraph on the path."""
    import newsgraph.ingest as reader
    from newsgraph.ingest import read_bytes, record_to_article
    from newsgraph.pipeline import Pipeline
    from newsgraph.settings import load_settings

    settings = load_settings()
    preload = settings.model_copy(update={"preload_languages": list(settings.languages)})
    pipeline = Pipeline.from_settings(preload)
    pipeline.setup()
    # The reader prepared as `newsgraph ingest` prepares it (a checkout without the step reads
    # without it).
    prepare = getattr(reader, "prepare_reader", None)
    if prepare is not None:
        prepare()
    articles = []
    lines: list[str] = []
    for path in sorted(PAGES.glob("*.html.gz"))[:limit]:
        try:
            articles.append(read_bytes(gzip.decompress(path.read_bytes()), path.name))
        except Exception as error:  # a page one side refuses is a difference too
            lines.append(json.dumps({"read_failure": [path.name, repr(error)]}))
    if DEV.exists():
        records = [line for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        for number, line in enumerate(records[:limit], start=1):
            articles.append(record_to_article(json.loads(line), f"dev:{number}", 20_000_000))
    lines += [article.to_json(indent=None, full=True) for article in pipeline.run_many(articles)]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_dump(checkout: Path, output: Path, limit: int | None) -> None:
    """`dump` in a fresh process running `checkout`'s code."""
    command = [sys.executable, __file__, "--dump", str(output)]
    if limit is not None:
        command += ["--limit", str(limit)]
    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    subprocess.run(command, check=True, env=env)


def differences(before: str, after: str) -> list[str] | None:
    """The differing fields of one article's two records (None when equal)."""
    if before == after:
        return None
    old: dict[str, Any] = json.loads(before)
    new: dict[str, Any] = json.loads(after)
    fields = sorted(key for key in set(old) | set(new) if old.get(key) != new.get(key))
    old_meta, new_meta = old.get("meta") or {}, new.get("meta") or {}
    meta = sorted(k for k in set(old_meta) | set(new_meta) if old_meta.get(k) != new_meta.get(k))
    return [field if field != "meta" else f"meta ({', '.join(meta)})" for field in fields]


def compare(before: Path, after: Path) -> int:
    """Print the differing articles; the number of them."""
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        print(f"different numbers of records: {len(old)} before, {len(new)} after")
        return max(len(old), len(new))
    differing = 0
    for line_before, line_after in zip(old, new, strict=True):
        fields = differences(line_before, line_after)
        if fields is not None:
            differing += 1
            record = json.loads(line_before)
            where = (record.get("meta") or {}).get("input_path") or record.get("id")
            print(f"{where}: {', '.join(fields)}")
    print(f"{len(old)} articles, {differing} differing")
    return differing


def main() -> None:
    """Dump both checkouts and compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="the other checkout (its src/ is run)")
    parser.add_argument("--limit", type=int, default=None, help="first N pages and N records")
    parser.add_argument("--keep", type=Path, default=None, help="keep both dumps in this folder")
    parser.add_argument("--dump", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump is not None:
        dump(args.dump, args.limit)
        return
    if args.baseline is None:
        parser.error("--baseline CHECKOUT is required")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        before, after = folder / "before.jsonl", folder / "after.jsonl"
        run_dump(args.baseline.resolve(), before, args.limit)
        run_dump(REPO, after, args.limit)
        sys.exit(1 if compare(before, after) else 0)


if __name__ == "__main__":
    main()
