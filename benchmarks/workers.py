"""Memory and start-up of `newsgraph ingest` workers, forked (shared pages) or spawned.

    .venv/bin/python benchmarks/workers.py [--limit N] [--workers W] [--start fork|spawn]

Ingests the first N full-length pages (../shared/datasets/article_extraction_benchmark) into a
temporary SQLite archive with W worker processes. A sampler process (not a thread: a thread would
make the runner spawn instead of fork) reads /proc/PID/smaps_rollup of every worker twice a
second and keeps each one's peak resident (RSS), proportional (PSS: shared pages split among
the processes sharing them) and unique (USS: private pages) memory. Also recorded: the parent's
peak RSS, the seconds until the workers were ready and the wall time after that. Appends to
benchmarks/results/workers.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO.parent / "shared" / "datasets" / "article_extraction_benchmark" / "html"
RESULTS = REPO / "benchmarks" / "results" / "workers.json"
sys.path.insert(0, str(REPO / "src"))

from newsgraph.archive import open_archive  # noqa: E402
from newsgraph.ingest import read_paths  # noqa: E402
from newsgraph.runners import local  # noqa: E402
from newsgraph.settings import load_settings  # noqa: E402

SAMPLER = r"""
import json, os, sys, time
parent, out = int(sys.argv[1]), sys.argv[2]
peaks = {}
def children(pid):
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            found += [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
        except OSError:
            pass
    return found
while os.path.exists(f"/proc/{parent}"):
    for pid in children(parent):
        try:
            fields = {}
            for line in open(f"/proc/{pid}/smaps_rollup"):
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit():
                    fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
        except OSError:
            continue
        uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
        peak = peaks.setdefault(pid, {"rss_mb": 0, "pss_mb": 0, "uss_mb": 0})
        for key, value in (("rss_mb", fields.get("Rss", 0)), ("pss_mb", fields.get("Pss", 0)), ("uss_mb", uss)):
            peak[key] = max(peak[key], round(value, 1))
    with open(out, "w") as stream:
        json.dump(peaks, stream)
    time.sleep(0.5)
"""


def main() -> None:
    """Measure one ingest run and append it to the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=24, help="pages to ingest")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--start", choices=["fork", "spawn"], default="fork")
    args = parser.parse_args()
    if args.start == "spawn":
        local.can_fork = lambda: False  # type: ignore[method-assign]
    settings = load_settings()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "pages"
        root.mkdir()
        for path in sorted(PAGES.glob("*.html.gz"))[: args.limit]:
            (root / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))
        run_settings = settings.model_copy(
            update={"workers": args.workers, "database": str(Path(folder) / "bench.db")}
        )
        peaks_file = Path(folder) / "peaks.json"
        sampler = subprocess.Popen(
            [sys.executable, "-c", SAMPLER, str(os.getpid()), str(peaks_file)]
        )
        started = time.perf_counter()
        with open_archive(run_settings.database, run_settings) as repository:
            report = local.ingest(read_paths([root]), repository, run_settings)
        wall = time.perf_counter() - started
        time.sleep(1.0)
        sampler.terminate()
        sampler.wait()
        peaks: dict[str, Any] = json.loads(peaks_file.read_text()) if peaks_file.exists() else {}
    workers = sorted(peaks.values(), key=lambda p: -p["rss_mb"])[: args.workers]
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "code": subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip(),
        "start": args.start,
        "workers": args.workers,
        "pages": args.limit,
        "articles": report.processed,
        "setup_s": round(getattr(report, "setup_s", 0.0) or 0.0, 1),
        "wall_s": round(wall, 1),
        "articles_per_s_after_setup": round(report.articles_per_second, 2),
        "parent_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_peaks": workers,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result, indent=2))
    earlier = json.loads(RESULTS.read_text()) if RESULTS.exists() else []
    RESULTS.write_text(json.dumps([*earlier, result], indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
