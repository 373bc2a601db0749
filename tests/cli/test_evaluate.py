import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import newsgraph.cli.evaluate as evaluate_cli
from newsgraph.cli import app, register_commands
from newsgraph.evaluate import GoldDoc, evaluate_gold_dir
from newsgraph.model import Article, Entity, Span

TEXT = "Kari Holm visited Bergen on Friday."


def _gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "holm.txt").write_text(TEXT, encoding="utf-8")
    gold = {
        "doc": "corpus/holm.txt",
        "lang": "en",
        "meta": {"text_starts_with": "Kari Holm"},
        "entities": [
            {"name": "Kari Holm", "aliases": [], "type": "PER", "country": "NOR"},
            {"name": "Bergen", "aliases": [], "type": "GPE", "country": "NOR"},
        ],
    }
    folder = tmp_path / "gold" / "en"
    folder.mkdir(parents=True)
    (folder / "holm.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path / "gold"


def _extract(doc: GoldDoc) -> Article:
    holm = Entity(
        id="e1",
        name="Kari Holm",
        type="PER",
        country="NOR",
        mentions=[Span(start=0, end=9, text="Kari Holm")],
    )
    return Article(text=doc.text.strip(), lang="en", entities=[holm])


@pytest.fixture(autouse=True)
def _fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        evaluate_cli, "evaluate_gold_dir", partial(evaluate_gold_dir, extract=_extract)
    )


register_commands()


def _invoke(*args: str) -> Any:
    return CliRunner().invoke(app, ["evaluate", *args])


def test_evaluate_prints_layer_table(tmp_path: Path) -> None:
    result = _invoke("--gold", str(_gold_dir(tmp_path)), "--per-file")
    assert result.exit_code == 0, result.output
    assert "entities" in result.output
    assert "GPE Bergen" in result.output  # the per-file view lists the miss


def test_evaluate_json_output_and_json_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = _invoke("--gold", str(_gold_dir(tmp_path)), "--format", "json", "--json-out", str(out))
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["overall"]["layers"]["entities"]["recall"] == 0.5
    assert printed["overall"]["meta"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    assert json.loads(out.read_text(encoding="utf-8")) == printed


def test_evaluate_with_missing_gold_folder_fails_with_a_message(tmp_path: Path) -> None:
    result = _invoke("--gold", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert "no such gold folder" in " ".join(result.output.split())


def test_default_gold_dir_is_found_next_to_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "shared" / "gold").mkdir(parents=True)
    (tmp_path / "repo").mkdir()
    assert evaluate_cli.default_gold_dir(tmp_path / "repo") == (tmp_path / "shared" / "gold")
