"""What the Ray runner relies on, without Ray: shards, the wire codec, the cluster-wide passes."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from newsgraph.archive import open_archive
from newsgraph.archive.rows import PreparedArticle
from newsgraph.archive.store import SqlRepository, deduplicator
from newsgraph.ingest import read_paths
from newsgraph.runners import passes, wire
from newsgraph.runners.local import ingest
from newsgraph.runners.policy import PipelineWorker, task_of
from newsgraph.runners.shards import plan_shards, read_shard
from newsgraph.settings import Settings

from .test_local import STAGES, article_text, write_inputs


def settings_for(url: str) -> Settings:
    return Settings(database=url, stages=STAGES, workers=1, batch_size=4)


def write_corpus(folder: Path) -> Path:
    """Texts with a near-copy, an exact copy, a retold meeting and a JSON Lines file."""
    write_inputs(folder, count=8, empty=1)
    (folder / "copy-2.txt").write_text(
        article_text(2) + " The agency contributed to this report.", encoding="utf-8"
    )
    (folder / "exact-5.txt").write_text(article_text(5), encoding="utf-8")
    (folder / "retold-0.txt").write_text(
        "Kari Holm met Li Wei in Oslo on 1 October. The fisheries talks in Oslo went on late, "
        '"We made real progress on fisheries," Kari Holm said.',
        encoding="utf-8",
    )
    lines = [json.dumps({"text": article_text(20 + n)}) for n in range(5)]
    lines.insert(2, "{not json")
    lines.insert(4, "")
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def described(items: list[object]) -> list[tuple[str, str]]:
    """Articles as (input path, text) and failures as (path, reason), comparable across readers."""
    out = []
    for item in items:
        text = getattr(item, "text", None)
        if text is not None:
            out.append((item.meta.input_path or "", text))  # type: ignore[attr-defined]
        else:
            out.append((item.path, item.reason))  # type: ignore[attr-defined]
    return out


def test_shards_in_byte_ranges_read_what_the_local_reader_reads(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in")
    shards = plan_shards([folder, tmp_path / "missing"], shard_bytes=200)
    ranges = [shard for shard in shards if shard.end >= 0]
    assert len(ranges) >= 3, "the JSON Lines file was not cut into ranges"
    assert [(r.start, r.end) for r in ranges] == sorted((r.start, r.end) for r in ranges)
    from_shards = [item for shard in shards for item in read_shard(shard, 1_000_000)]
    expected = list(read_paths([folder, tmp_path / "missing"], 1_000_000))
    assert described(from_shards) == described(expected)
    assert any(":3" in path for path, _ in described(from_shards))


def prepared(folder: Path) -> list[PreparedArticle]:
    worker = PipelineWorker(settings_for("unused"))
    items = worker.process_many([task_of(item) for item in read_paths([folder])])
    return [item for item in items if isinstance(item, PreparedArticle)]


def test_prepared_rows_travel_as_json_unchanged(tmp_path: Path) -> None:
    items = prepared(write_corpus(tmp_path / "in"))
    assert any(item.events and item.fingerprint for item in items)
    for item in items:
        encoded = wire.encode(item)
        json.loads(encoded)
        assert wire.decode(encoded) == item


def test_keyed_passes_give_the_links_and_stories_of_the_writer(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in")
    url = str(tmp_path / "archive.db")
    settings = settings_for(url)
    with open_archive(url, settings) as archive:
        ingest(read_paths([folder]), archive, settings)
        stored_links = {
            (d.article_id, d.original_id, d.relation, round(d.similarity, 4))
            for d in archive.duplicates(limit=1000)
        }
        assert isinstance(archive, SqlRepository)
        stored_stories = {
            (str(a), str(e), str(s))
            for a, e, s in archive.db.execute(
                "SELECT a.article_id, e.event_id, e.story_id FROM events e"
                " JOIN articles a ON a.seq = e.article_seq"
            )
        }
    items = passes.first_versions(prepared(folder))
    records = [passes.fingerprinted(order, item) for order, item in enumerate(items)]
    links = passes.duplicate_links(records, deduplicator(settings))
    assert {"exact", "copy"} <= {link.relation for link in links}
    assert {(k.article_id, k.original_id, k.relation, k.similarity) for k in links} == stored_links
    reports = [r for order, item in enumerate(items) for r in passes.event_reports(order, item)]
    by_type: dict[str, list[passes.EventReport]] = {}
    for report in reports:
        by_type.setdefault(report.signature.type, []).append(report)
    members = [
        member
        for group in by_type.values()
        for member in passes.category_stories(group, settings_rule(settings))
    ]
    assert len({m.story_id for m in members}) < len(members), "no story gathered two reports"
    assert {(m.article_id, m.event_id, m.story_id) for m in members} == stored_stories


def settings_rule(settings: Settings) -> passes.ClusterRule:
    return passes.ClusterRule(settings.cluster_window_days, settings.cluster_min_similarity)


def test_ray_options_without_the_ray_runner_are_a_usage_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app, register_commands

    register_commands()
    folder = write_inputs(tmp_path / "in", count=1)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--out", str(out)])
    assert result.exit_code == 2
    assert "--runner ray" in result.output
    assert not out.exists()


def test_plan_gives_every_worker_ranges_of_a_single_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": article_text(1)}) + "\n"
    path.write_text(line * (200_000 // len(line)), encoding="utf-8")
    shards = plan_shards([path], min_ranges=8)
    assert len(shards) == 8
    assert shards[0].start == 0 and shards[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in itertools.pairwise(shards))
    assert sum(1 for s in shards for _ in read_shard(s, 1_000_000)) == 200_000 // len(line)
