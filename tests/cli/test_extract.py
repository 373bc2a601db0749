"""The extract, schema and settings commands."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from newsgraph.cli import app, register_commands

register_commands()
runner = CliRunner()
FAST = ["--stages", "clean,language"]


def test_extract_json_of_reference_meets_meta_expectations(reference_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(reference_path), *FAST])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    meta = data["meta"]
    assert data["lang"] == "nb"
    assert meta["published"] == "2024-10-14"
    assert meta["publisher"] == "nguoiduatin.vn"
    assert meta["authors"] == ["Minh Duc"]
    assert meta["credited_sources"] == ["TASS", "Moscow Times", "Barron's"]
    assert [c["credit"] for c in meta["captions"]] == ["Det russiske forsvarsdepartementet"]
    removed = {r["text"] for r in meta["removed"]}
    assert {"[annonse_2]", "Kommentar (0)"} <= removed
    assert "Kilde:" not in data["text"]
    jsonschema.validate(data, json.loads(runner.invoke(app, ["schema"]).stdout))


def test_extract_jsonl_writes_one_line_per_article(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            "The council approved the new harbour plan on Tuesday evening.", encoding="utf-8"
        )
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl", *FAST])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 2


def test_bad_inputs_print_one_line_each_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "The council approved the new harbour plan on Tuesday evening.", encoding="utf-8"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(empty), str(good), "--format", "jsonl", *FAST])
    assert result.exit_code == 0
    assert f"newsgraph: error: {empty}: empty file" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_exit_code_is_nonzero_when_nothing_could_be_processed(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), *FAST])
    assert result.exit_code == 1
    assert "no such file or directory" in result.stderr


def test_unknown_stage_is_reported_in_one_line() -> None:
    result = runner.invoke(app, ["extract", "x.txt", "--stages", "clean,bogus"])
    assert result.exit_code == 2
    assert "unknown stage 'bogus'" in result.stderr


def test_settings_command_lists_settings_with_help() -> None:
    result = runner.invoke(app, ["settings"])
    assert "database" in result.stdout and "archive" in result.stdout


def test_extract_pretty_shows_the_provenance_chain(tmp_path: Path) -> None:
    page = tmp_path / "sak.txt"
    page.write_text(
        "Chính phủ công bố kế hoạch xây dựng cảng biển mới trên khắp cả nước\n"
        "Regjeringen i Hanoi la fram en ny plan for å bygge flere havner langs kysten, "
        "og ministeren sa at arbeidet skal starte neste år.\n"
        "Planen skal koste flere milliarder kroner, og flere selskaper har allerede vist "
        "interesse for å delta i byggingen av de nye anleggene.\n"
        "Kilde: https://tin-example.vn/cang-bien\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(page), "--format", "pretty", *FAST])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert f"read from {page}" in out
    assert "original https://tin-example.vn/cang-bien" in out
    assert "translation from vi" in out
    assert "untranslated vi line" in out
