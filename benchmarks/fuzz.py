"""Long fuzz run: mutated real and hand-written pages through every reader and the pipeline.

Seeds are the hand-written pages of tests/fuzz/mutations.py plus every text of the shared corpus
(../shared/corpus, read in place, never copied). Each input is a seed mutated the ways real
inputs break (cut, spliced, repeated, runs of quotes/dashes/capitals/digits/spaces, NUL bytes),
encoded in a random encoding, maybe put in JSON Lines, gzip/bzip2/xz or zip, maybe with damaged
bytes, and written to a file that `read_paths` reads. Every article it yields goes through
cleaning, the tokenizer guard and quote extraction (`--pipeline`: the whole shipped pipeline).

Counted: inputs tried, crashes (an exception escaping a reader or a stage's error policy),
hangs (an input still running after `--hang-s`, stopped by an alarm so the run goes on), inputs
over 10 s, stage failures recorded on articles (not crashes, but listed), and the slowest input
with the seed that rebuilds it. No article time budget is applied, so a slow input shows as slow.
Each input's wall time and CPU time are both kept: on a shared machine the wall time of one input
can grow with other load, its CPU time cannot.

Run: nice -n 10 .venv/bin/python benchmarks/fuzz.py --minutes 10 [--pipeline] [--seed 0]
Writes benchmarks/results/fuzz.json.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.mutations import (  # noqa: E402
    SEED_TEXTS,
    containers,
    damage_bytes,
    jsonl_records,
    mutate,
)

from newsgraph.ingest import InputFailure, read_paths  # noqa: E402
from newsgraph.model import Article  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "benchmarks" / "results" / "fuzz.json"
SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".rss", ".xml", ""]
SLOW_S = 10.0
CHECKPOINT_S = 300.0


class Hang(BaseException):
    """An input ran past the hang limit (a BaseException: no stage's error policy swallows it)."""


def _on_alarm(signum: int, frame: object) -> None:
    raise Hang


def corpus_seeds() -> list[str]:
    """Texts of the shared corpus (plain files and JSON Lines records), when it is there."""
    texts: list[str] = []
    if not CORPUS.is_dir():
        return texts
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                body = record.get("text") or record.get("html")
                if isinstance(body, str):
                    texts.append(body)
    return texts


def make_input(seeds: list[str], rng: random.Random) -> tuple[str, bytes]:
    """A file name and the damaged content to write under it."""
    suffix = rng.choice(SUFFIXES)
    text = mutate(rng.choice(seeds), rng, steps=rng.randrange(1, 8))
    encoding = rng.choice(["utf-8", "utf-8", "utf-16", "cp1252", "latin-1"])
    data = text.encode(encoding, errors="replace")
    if suffix == ".jsonl":
        data = jsonl_records([text, mutate(text, rng)], rng)
    name, data = containers(f"input{suffix}", data, rng)
    if rng.random() < 0.3:
        data = damage_bytes(data, rng)
    return name, data


class Processor:
    """What runs on each article: light (cleaning, tokenizer guard, quotes) or the pipeline."""

    def __init__(self, pipeline: bool, warm_texts: list[str]) -> None:
        self.pipeline: Any = None
        if pipeline:
            from newsgraph.pipeline import Pipeline
            from newsgraph.settings import load_settings

            self.pipeline = Pipeline.from_settings(load_settings())
            self.pipeline.setup()
        else:
            import spacy

            from newsgraph.stages.tokenizer_guard import BoundedTokenizer

            nlp = spacy.blank("xx")
            self.guard = BoundedTokenizer(nlp.tokenizer, nlp.vocab)
        # Models, lexicons and gazetteers load on first use (per language): not part of any
        # input's time, so every seed (every language of the corpus) runs once first.
        for text in warm_texts:
            self(Article(raw=text))

    def __call__(self, article: Article) -> list[str]:
        """Run on one article; return the stage failures it recorded."""
        if self.pipeline is not None:
            done = self.pipeline.run(article)
            return [failure.message for failure in done.failures]
        from newsgraph.quotes import extract_quotes
        from newsgraph.stages.clean import clean_text

        text = clean_text(article.raw).text
        self.guard(text)
        for lang in ("nb", "en"):
            extract_quotes(Article(id="fuzz", lang=lang, text=text))
        return []


def run(
    minutes: float,
    seed: int,
    pipeline: bool,
    hang_s: float = 60.0,
    save: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Fuzz until the time is up; the figures for fuzz.json (also given to `save` every few
    minutes, marked unfinished, so a run cut short still leaves its figures)."""
    seeds = SEED_TEXTS + corpus_seeds()
    processor = Processor(pipeline, seeds)
    master = random.Random(seed)
    deadline = time.monotonic() + minutes * 60
    tried = articles = input_failures = 0
    crashes: list[dict[str, Any]] = []
    stage_failures: list[dict[str, Any]] = []
    slow: list[dict[str, Any]] = []
    hangs: list[dict[str, Any]] = []
    slowest: dict[str, Any] = {"seconds": 0.0}
    slowest_cpu: dict[str, Any] = {"cpu_seconds": 0.0}

    def summary(finished: bool) -> dict[str, Any]:
        return {
            "mode": "pipeline" if pipeline else "readers+clean+tokenizer+quotes",
            "minutes": minutes,
            "finished": finished,
            "seed": seed,
            "seed_texts": len(seeds),
            "inputs_tried": tried,
            "articles_processed": articles,
            "input_failures": input_failures,
            "crashes": len(crashes),
            "crash_examples": crashes[:20],
            "hang_limit_s": hang_s,
            "hangs": len(hangs),
            "hang_examples": hangs[:20],
            "over_10_s": sum(1 for record in slow if record["seconds"] > SLOW_S),
            "over_10_s_cpu": sum(1 for record in slow if record["cpu_seconds"] > SLOW_S),
            "over_10_s_examples": slow[:20],
            "stage_failures": len(stage_failures),
            "stage_failure_examples": [f for f in stage_failures if "message" in f][:20],
            "slowest_input": slowest,
            "slowest_input_cpu": slowest_cpu,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "rebuild": "make_input(seeds, random.Random(seed)) in benchmarks/fuzz.py",
        }

    signal.signal(signal.SIGALRM, _on_alarm)
    next_save = time.monotonic() + CHECKPOINT_S
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        while time.monotonic() < deadline:
            input_seed = master.randrange(2**32)
            rng = random.Random(input_seed)
            name, data = make_input(seeds, rng)
            target = folder / name
            target.write_bytes(data)
            started = time.perf_counter()
            cpu_started = time.process_time()
            signal.setitimer(signal.ITIMER_REAL, hang_s)
            try:
                for item in read_paths([target], max_bytes=2_000_000):
                    if isinstance(item, InputFailure):
                        input_failures += 1
                        continue
                    articles += 1
                    for message in processor(item):
                        if len(stage_failures) < 20:
                            stage_failures.append({"seed": input_seed, "message": message[:300]})
                        else:
                            stage_failures.append({"seed": input_seed})
                signal.setitimer(signal.ITIMER_REAL, 0)
            except Hang:
                hangs.append({"seed": input_seed, "file": name, "bytes": len(data)})
            except Exception as error:
                crashes.append(
                    {
                        "seed": input_seed,
                        "file": name,
                        "error": f"{type(error).__name__}: {error}"[:300],
                        "where": traceback.format_exc().strip().splitlines()[-3][:300],
                    }
                )
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            tried += 1
            record = {"seconds": round(elapsed, 3), "cpu_seconds": round(cpu, 3)}
            record.update({"seed": input_seed, "file": name, "bytes": len(data)})
            if elapsed > SLOW_S or cpu > SLOW_S:
                slow.append(record)
            if elapsed > slowest["seconds"]:
                slowest = record
            if cpu > slowest_cpu["cpu_seconds"]:
                slowest_cpu = record
            target.unlink()
            if save is not None and time.monotonic() > next_save:
                save(summary(finished=False))
                next_save = time.monotonic() + CHECKPOINT_S
    return summary(finished=True)


def save(result: dict[str, Any]) -> None:
    """Write one mode's figures into fuzz.json, keeping the other mode's."""
    existing: dict[str, Any] = {}
    if RESULTS.exists():
        existing = json.loads(RESULTS.read_text(encoding="utf-8"))
    existing[result["mode"]] = result
    RESULTS.write_text(json.dumps(existing, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    """Parse arguments, fuzz, write fuzz.json (one entry per mode) and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pipeline", action="store_true", help="run the whole shipped pipeline")
    parser.add_argument("--hang-s", type=float, default=60.0, help="an input this long is a hang")
    args = parser.parse_args()
    result = run(args.minutes, args.seed, args.pipeline, args.hang_s, save)
    save(result)
    summary = {
        k: result[k]
        for k in ("mode", "inputs_tried", "crashes", "hangs", "over_10_s", "over_10_s_cpu")
    }
    print(json.dumps({**summary, "slowest": result["slowest_input"]}, indent=2))


if __name__ == "__main__":
    main()
