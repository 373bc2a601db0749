"""HTTP API benchmark: latency of list/search endpoints and pages, and a bounded load test.

1. A synthetic archive of --articles (default 100,000) fully layered articles, written by the
   archive benchmark's generator (benchmarks/archive.py: Pools, fill_synthetic); --archive PATH
   keeps it for the next run.
2. `newsgraph serve` on a loopback port in its own process (one uvicorn worker, the default
   reader pool).
3. Latency, one request at a time: every list/search endpoint on several parameter sets and the
   UI pages, after a warm-up; median, p95 and max in ms, measured at the client (so an upper
   bound of the server's time). Reference: /api/v1/health in the same run; each p95 is also
   given as a ratio to it.
4. Load: --clients (default 50) concurrent clients on loopback for --seconds (default 60),
   each cycling through a mix of list and search requests; requests, errors (any non-2xx or
   transport error), throughput and latency percentiles.

Run: .venv/bin/python benchmarks/api.py [--articles N] [--archive PATH] [--clients N] [--seconds S]
Writes benchmarks/results/api.json. The machine's load is recorded: on a shared machine the
timings are upper bounds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from archive import COUNTRIES, Pools, fill_synthetic, machine

from newsgraph.archive import open_archive
from newsgraph.web.server import free_port

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "api.json"
TARGET_P95_MS = 100.0
TARGET_PAGE_MS = 500.0
REPEAT = 5


def build_archive(path: Path, articles: int, workers: int) -> dict[str, Any]:
    """Fill a synthetic archive unless `path` already holds one of that size."""
    with open_archive(path) as archive:
        stored = int(archive.stats().counts.get("articles", 0))
        if stored >= articles:
            return {"articles": stored, "reused": True}
        began = time.perf_counter()
        fill_synthetic(archive, stored, articles, workers)
        seconds = time.perf_counter() - began
        return {"articles": articles, "reused": False, "fill_seconds": round(seconds, 1)}


def start_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    """`newsgraph serve` on 127.0.0.1:port, waiting until /api/v1/health answers."""
    command = [str(Path(sys.executable).with_name("newsgraph")), "serve", "--db", str(path)]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start")


def parameter_sets(client: httpx.Client, pools: Pools) -> dict[str, list[str]]:
    """The endpoints to time, each with several realistic queries."""
    rng = random.Random(11)
    words = [w for w, _ in Counter(pools.words).most_common()[100:1000]]
    people = [pools.people[rank] for rank in (0, 1, 4, 20, 100)]
    article = client.get("/api/v1/articles", params={"limit": 1}).json()["items"][0]
    story = client.get("/api/v1/events", params={"limit": 1}).json()["items"][0]
    since = "2024-06-01"
    return {
        "health": ["/api/v1/health"],
        "articles": [
            "/api/v1/articles",
            "/api/v1/articles?lang=en",
            f"/api/v1/articles?since={since}&until=2024-06-30",
            "/api/v1/articles?offset=5000",
            f"/api/v1/articles?country={COUNTRIES[3]}",
        ],
        "search": [f"/api/v1/search?q={rng.choice(words)}+{rng.choice(words)}" for _ in range(3)]
        + [f"/api/v1/search?q={rng.choice(words)}" for _ in range(2)],
        "events": [
            f"/api/v1/events?dyad={COUNTRIES[0]}-{COUNTRIES[1]}&category=CONSULT&since={since}",
            f"/api/v1/events?country={COUNTRIES[2]}&since=2024-01",
            "/api/v1/events?category=14&reports=false",
            "/api/v1/events?lang=en&limit=20",
            f"/api/v1/events?entity={people[1]}",
        ],
        "quotes": [f"/api/v1/quotes?speaker={name}" for name in people[:3]] + ["/api/v1/quotes"],
        "entities": ["/api/v1/entities", "/api/v1/entities?name=ka", "/api/v1/entities?type=PER"],
        "entity": [f"/api/v1/entities/{name}" for name in people[:3]],
        "duplicates": ["/api/v1/duplicates", "/api/v1/duplicates?relation=translation"],
        "stats": ["/api/v1/stats"],
        "page: overview": ["/"],
        "page: stories": ["/stories", f"/stories/{story['story_id']}"],
        "page: article": [f"/articles/{article['article_id']}"],
        "page: timeline": [f"/timeline?dyad={COUNTRIES[0]}-{COUNTRIES[1]}"],
        "page: map": ["/map"],
        "page: network": ["/network"],
        "page: search": [f"/search?q={words[0]}"],
        "page: quotes": ["/quotes"],
    }


def percentiles(samples: list[float]) -> dict[str, float]:
    """Median, p95 and max of millisecond samples."""
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2),
        "max_ms": round(ordered[-1], 2),
        "requests": len(ordered),
    }


def latency(client: httpx.Client, sets: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    """Sequential latency of each endpoint group; every answer must be a 200."""
    result = {}
    for name, paths in sets.items():
        samples = []
        for path in paths:
            client.get(path)
            for _ in range(REPEAT):
                began = time.perf_counter()
                response = client.get(path)
                samples.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
        result[name] = percentiles(samples)
    reference = result["health"]["p95_ms"] or 1.0
    for numbers in result.values():
        numbers["p95_vs_health"] = round(numbers["p95_ms"] / reference, 1)
    return result


async def load(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """`clients` concurrent clients cycling through `paths` for `seconds`."""
    samples: list[float] = []
    errors: Counter[str] = Counter()
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def one(client: httpx.AsyncClient, offset: int) -> None:
        index = offset
        while time.monotonic() < stop:
            path = paths[index % len(paths)]
            index += 1
            began = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    errors[f"HTTP {response.status_code}"] += 1
            except httpx.HTTPError as error:
                errors[type(error).__name__] += 1
            samples.append((time.perf_counter() - began) * 1000)

    began = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        await asyncio.gather(*(one(client, i) for i in range(clients)))
    elapsed = time.perf_counter() - began
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(samples),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
        "requests_per_s": round(len(samples) / elapsed, 1),
        **percentiles(samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--archive", type=Path, help="synthetic archive to reuse or keep")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-api-bench-"))
    path = args.archive or folder / "synthetic.db"
    results: dict[str, Any] = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    results["machine"] = machine()
    try:
        results["archive"] = build_archive(path, args.articles, args.workers)
        port = free_port()
        server = start_server(path, port)
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=60) as client:
                sets = parameter_sets(client, Pools())
                results["latency"] = latency(client, sets)
            mix = [
                p
                for name in ("articles", "search", "events", "quotes", "entities")
                for p in sets[name]
            ]
            results["load"] = asyncio.run(load(base, mix, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        if args.archive is None:
            shutil.rmtree(folder, ignore_errors=True)
    results["machine"]["load_average_1m_end"] = round(os.getloadavg()[0], 2)
    results["targets"] = {
        "list_search_p95_ms": TARGET_P95_MS,
        "page_ms": TARGET_PAGE_MS,
        "load_errors": 0,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name, numbers in results["latency"].items():
        print(f"{name:18} median {numbers['median_ms']:8.1f} ms   p95 {numbers['p95_ms']:8.1f} ms")
    print("load:", {k: v for k, v in results["load"].items() if k != "error_kinds"})


if __name__ == "__main__":
    main()
