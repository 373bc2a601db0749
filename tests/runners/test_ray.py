"""The Ray runner on a real local Ray cluster: the same archive as the local runner, any way."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import ray
from archive.conftest import UrlFactory

from newsgraph.archive import Repository, open_archive
from newsgraph.archive.store import SqlRepository
from newsgraph.ingest import read_paths
from newsgraph.runners import layers, ray_runner
from newsgraph.runners.local import ingest
from newsgraph.runners.policy import IngestReport
from newsgraph.settings import Settings

from .test_local import STAGES, article_text, write_inputs

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A local two-CPU Ray cluster whose workers know the fake stage; yields the die marker."""
    marker = tmp_path_factory.mktemp("ray") / "died"
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    runtime_env = {
        "env_vars": {
            "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)]),
            "FAKE_STAGE_DIE_MARKER": str(marker),
        },
        "worker_process_setup_hook": "fake_stage.load_in_worker",
    }
    for attempt in range(3):
        try:
            ray.init(
                **ray_runner.local_cluster_options(2),
                include_dashboard=False,
                runtime_env=runtime_env,
                log_to_driver=False,
                configure_logging=False,
            )
            break
        except Exception:
            # Ray gives its raylet 30 s to register, which a loaded machine can miss.
            ray.shutdown()
            if attempt == 2:
                raise
    try:
        yield marker
    finally:
        ray.shutdown()


def test_a_local_clusters_workers_run_at_the_drivers_priority(cluster: Path) -> None:
    # Ray's default (nice 15 on top of the driver's) starves actors on a shared machine.
    @ray.remote(num_cpus=1)
    def niceness() -> int:
        return os.nice(0)

    assert ray.get(niceness.remote()) == os.nice(0)


def ray_settings(url: str) -> Settings:
    return Settings(database=url, stages=STAGES, workers=2, batch_size=4, nlp_batch_size=3)


def write_corpus(folder: Path) -> Path:
    """Texts with near-copies, a retold meeting, a JSON Lines file and an empty file."""
    write_inputs(folder, count=10, empty=1)
    # A near-copy of article 2 under another name, and a second report of article 0's meeting.
    (folder / "copy-2.txt").write_text(
        article_text(2) + " The agency contributed to this report.", encoding="utf-8"
    )
    (folder / "retold-0.txt").write_text(
        "Kari Holm met Li Wei in Oslo on 1 October. The fisheries talks in Oslo went on late, "
        '"We made real progress on fisheries," Kari Holm said.',
        encoding="utf-8",
    )
    lines = [
        json.dumps({"text": article_text(20 + n), "url": f"https://example.org/{n}"})
        for n in range(6)
    ]
    lines.insert(3, "{not json")
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def local_archive(url: str, folder: Path) -> Repository:
    archive = open_archive(url, ray_settings(url))
    settings = ray_settings(url).model_copy(update={"workers": 1})
    ingest(read_paths([folder]), archive, settings)
    return archive


def test_ray_runner_builds_the_archive_the_local_runner_builds(
    cluster: Path, tmp_path: Path, new_url: UrlFactory
) -> None:
    folder = write_corpus(tmp_path / "in")
    with local_archive(new_url(), folder) as local:
        expected = local.snapshot()
    url = new_url()
    # Small shards: the JSON Lines file is read in byte ranges by several readers.
    report = ray_runner.ingest_paths([folder], ray_settings(url), shard_bytes=300)
    assert (report.processed, report.failed) == (18, 2)
    with open_archive(url, ray_settings(url)) as remote:
        got = remote.snapshot()
        assert {d.relation for d in remote.duplicates()} >= {"copy"}
        assert remote.stats().counts.get("merged_stories", 0) >= 1
    assert got == expected


def test_a_killed_ray_job_rerun_gives_the_same_archive(
    cluster: Path, tmp_path: Path, new_url: UrlFactory
) -> None:
    folder = write_corpus(tmp_path / "in")
    with local_archive(new_url(), folder) as local:
        expected = local.snapshot()

    def stop_after_two_batches(report: IngestReport) -> None:
        if report.batches >= 2:
            raise KeyboardInterrupt

    url = new_url()
    first = ray_runner.ingest_paths([folder], ray_settings(url), stop_after_two_batches)
    assert first.interrupted and 0 < first.stored.written < 18
    second = ray_runner.ingest_paths([folder], ray_settings(url))
    assert second.skipped == first.stored.written
    assert second.processed == 18 - first.stored.written
    with open_archive(url, ray_settings(url)) as resumed:
        assert resumed.snapshot() == expected


def test_a_ray_worker_that_dies_is_replaced_and_the_job_finishes(
    cluster: Path, tmp_path: Path
) -> None:
    folder = write_inputs(tmp_path / "in", count=6)
    (folder / "article-003.txt").write_text(article_text(3) + " DIE_ONCE", encoding="utf-8")
    url = str(tmp_path / "archive.db")
    report = ray_runner.ingest_paths([folder], ray_settings(url))
    assert cluster.exists(), "no worker died: the test proves nothing"
    assert (report.processed, report.failed) == (6, 0)
    with open_archive(url, ray_settings(url)) as archive:
        assert archive.stats().counts["articles"] == 6


def stored_links_and_stories(
    archive: Repository,
) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    """(newer, older, relation) of every duplicate link; (article, event, story) of every event."""
    links = {(d.article_id, d.original_id, d.relation) for d in archive.duplicates(limit=1000)}
    assert isinstance(archive, SqlRepository)
    rows = archive.db.execute(
        "SELECT a.article_id, e.event_id, e.story_id FROM events e"
        " JOIN articles a ON a.seq = e.article_seq"
    )
    return links, {(str(a), str(e), str(s)) for a, e, s in rows}


def test_out_writes_parquet_layers_and_the_passes_link_as_the_writer_does(
    cluster: Path, tmp_path: Path
) -> None:
    folder = write_corpus(tmp_path / "in")
    with local_archive(str(tmp_path / "local.db"), folder) as local:
        links, stories = stored_links_and_stories(local)
    out = tmp_path / "out"
    settings = ray_settings(str(tmp_path / "unused.db"))
    report = ray_runner.ingest_paths([folder], settings, out=out, archive=False)
    assert report.processed == 18
    files = {
        layer: sorted(p.name for p in (out / layer).glob("*.parquet")) for layer in layers.FILES
    }
    articles = layers.read_layer(out, "articles")
    assert articles.num_rows == 18 and len(set(articles.column("id").to_pylist())) == 18
    events = layers.read_layer(out, "events")
    assert events.num_rows > 0 and set(events.column("article_id").to_pylist()) <= set(
        articles.column("id").to_pylist()
    )
    failures = layers.read_layer(out, "failures").to_pylist()
    assert {f["stage"] for f in failures} == {"input"} and len(failures) == 2
    duplicates = layers.read_layer(out, "duplicates").to_pylist()
    assert {(d["article_id"], d["original_id"], d["relation"]) for d in duplicates} == links
    members = layers.read_layer(out, "stories").to_pylist()
    assert {(m["article_id"], m["event_id"], m["story_id"]) for m in members} == stories
    assert len({m["story_id"] for m in members}) < len(members)
    ray_runner.ingest_paths([folder], settings, out=out, archive=False)
    assert files == {
        layer: sorted(p.name for p in (out / layer).glob("*.parquet")) for layer in layers.FILES
    }


def test_the_rate_is_timed_from_when_the_last_actor_was_ready() -> None:
    readiness = ray_runner.Readiness(workers=2)
    # The first actor was ready at 10 and did two articles before the second was, at 14.
    for ready_at, done_at in ((10.0, 12.0), (10.0, 13.0), (14.0, 16.0), (10.0, 17.0)):
        readiness.add(ready_at, done_at)
    report = IngestReport(workers=2, processed=4, elapsed_s=12.0)
    readiness.apply(report, started_at=8.0, ended_at=20.0)
    assert (report.setup_s, report.elapsed_s, report.done_before_ready) == (6.0, 6.0, 2)
    assert report.articles_per_second == pytest.approx(2 / 6)


def test_a_job_that_kept_one_actor_of_two_busy_keeps_its_wall_rate() -> None:
    readiness = ray_runner.Readiness(workers=2)
    readiness.add(10.0, 12.0)
    report = IngestReport(workers=2, processed=1, elapsed_s=4.0)
    readiness.apply(report, started_at=8.0, ended_at=12.0)
    assert (report.setup_s, report.elapsed_s, report.articles_per_second) == (0.0, 4.0, 0.25)


def test_an_ingest_actor_loads_the_readers_tables_before_its_first_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    monkeypatch.setattr(ray_runner, "PipelineWorker", lambda settings: order.append("pipeline"))
    monkeypatch.setattr(ray_runner, "prepare_reader", lambda: order.append("reader"))
    actor = ray_runner.IngestActor(Settings().model_dump_json(), None, None)
    assert order == ["pipeline", "reader"]
    assert actor.archive is None and actor.out is None
