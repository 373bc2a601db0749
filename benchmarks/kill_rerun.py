"""Kill/rerun: SIGKILL an ingest at random points, rerun it, compare with an uninterrupted run.

For each backend (SQLite; PostgreSQL when NEWSGRAPH_TEST_POSTGRES names a server) and each of
`--kills` rounds: an ingest of generated articles (the rule-based stand-in stage of the runner
tests, 2 worker processes, batches of 4) is killed with SIGKILL after a random number of stored
versions, its worker processes are checked to die with it, and the same command is run again to
the end. The archive's snapshot must equal that of one uninterrupted run. At the end every
process on the machine is checked: none may still run this benchmark's ingest (no orphans,
also none that escaped the per-kill check).

Run: .venv/bin/python benchmarks/kill_rerun.py [--kills 10] [--seed 0]
Writes benchmarks/results/kill_rerun.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from runners.test_lifecycle import alive, children_of  # noqa: E402
from runners.test_local import (  # noqa: E402
    inline_settings,
    run_child,
    stored_versions,
    write_inputs,
)

from newsgraph.archive import open_archive  # noqa: E402
from newsgraph.ingest import read_paths  # noqa: E402
from newsgraph.runners.local import ingest  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "kill_rerun.json"
COUNT = 40


SCHEMAS: list[str] = []
# Every ingest process and worker seen, checked again at the end.
SEEN: set[int] = set()


def postgres_url(base: str) -> str:
    """A fresh schema on the test server (dropped again at the end)."""
    import psycopg

    schema = f"kill_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    SCHEMAS.append(schema)
    return f"{base}?options=-csearch_path%3D{schema}"


def drop_schemas(base: str) -> None:
    """Drop the schemas this run made."""
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        for schema in SCHEMAS:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def one_round(folder: Path, url: str, reference: Any, rng: random.Random) -> dict[str, Any]:
    """Kill an ingest after a random number of stored versions, rerun it, compare."""
    target = rng.randrange(1, COUNT - 4)
    child = run_child(folder, url, start_new_session=True)
    deadline = time.monotonic() + 240
    while stored_versions(url) < target and child.poll() is None:
        if time.monotonic() > deadline:
            break
        time.sleep(0.02)
    workers = children_of(child.pid) if child.poll() is None else set()
    SEEN.update({child.pid, *workers})
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    at_kill = stored_versions(url)
    wait_until = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < wait_until:
        time.sleep(0.1)
    orphans = [pid for pid in workers if alive(pid)]
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    rerun = run_child(folder, url)
    code = rerun.wait(timeout=600)
    with open_archive(url) as archive:
        identical = archive.snapshot() == reference
    return {
        "kill_after_versions": target,
        "versions_at_kill": at_kill,
        "workers_seen": len(workers),
        "orphans": len(orphans),
        "rerun_exit": code,
        "identical": identical,
    }


def run_backend(name: str, make_url: Any, kills: int, rng: random.Random) -> dict[str, Any]:
    """Every round on one backend."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = write_inputs(Path(scratch) / "in", count=COUNT, empty=2)
        whole = make_url(scratch, "whole")
        with open_archive(whole) as archive:
            ingest(read_paths([folder]), archive, inline_settings(whole))
            reference = archive.snapshot()
        rounds = [
            one_round(folder, make_url(scratch, f"r{i}"), reference, rng) for i in range(kills)
        ]
    return {
        "backend": name,
        "rounds": rounds,
        "identical": sum(r["identical"] for r in rounds),
        "orphans": sum(r["orphans"] for r in rounds),
    }


def leftover_processes() -> list[str]:
    """Processes still alive among every ingest and worker this run started or saw, and any
    process running this checkout's ingest child."""
    child = str(ROOT / "tests" / "runners" / "ingest_child.py")
    found = [f"{pid}: seen during the run" for pid in sorted(SEEN) if alive(pid)]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if child in command and alive(int(entry.name)):
            found.append(f"{entry.name}: {command[:160]}")
    return sorted(set(found))


def write(results: list[dict[str, Any]], kills: int, seed: int) -> None:
    """kill_rerun.json: the rounds per backend and the final process check."""
    document = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "kills_per_backend": kills,
        "seed": seed,
        "backends": results,
        "leftover_processes": leftover_processes(),
    }
    RESULTS.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    """Run every backend available and write kill_rerun.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    results = [run_backend("sqlite", lambda d, n: str(Path(d) / f"{n}.db"), args.kills, rng)]
    write(results, args.kills, args.seed)
    base = os.environ.get("NEWSGRAPH_TEST_POSTGRES")
    if base:
        try:
            results.append(
                run_backend("postgres", lambda d, n: postgres_url(base), args.kills, rng)
            )
        finally:
            drop_schemas(base)
        write(results, args.kills, args.seed)
    for result in results:
        print(
            f"{result['backend']}: {result['identical']}/{len(result['rounds'])} identical, "
            f"{result['orphans']} orphan workers"
        )
    print(f"processes left at the end: {len(leftover_processes())}")


if __name__ == "__main__":
    main()
