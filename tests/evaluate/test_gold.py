import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate.gold import DocResolver, find_gold_files, read_gold


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_doc_path_resolves_relative_to_the_gold_folder_parent(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Holm met Berg.", encoding="utf-8")
    gold_file = _write(tmp_path / "gold" / "en" / "a.gold.json", {"doc": "corpus/a.txt"})
    doc = DocResolver(tmp_path).resolve(gold_file, read_gold(gold_file))
    assert doc.text.strip() == "Holm met Berg."
    assert doc.source_url is None


def test_jsonl_record_gives_text_and_trusted_metadata(tmp_path: Path) -> None:
    record = {"id": "r1", "url": "https://example.org/r1", "published": None, "text": "Hei."}
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "dev.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold_file = _write(tmp_path / "gold" / "r1.gold.json", {"doc": "corpus/dev.jsonl#r1"})
    doc = DocResolver(tmp_path).resolve(gold_file, read_gold(gold_file))
    assert (doc.text, doc.source_url, doc.published, doc.external_id) == (
        "Hei.",
        "https://example.org/r1",
        None,
        "r1",
    )


def test_unknown_record_id_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "dev.jsonl").write_text('{"id": "r1", "text": "x"}\n', "utf-8")
    gold_file = _write(tmp_path / "gold" / "x.gold.json", {"doc": "corpus/dev.jsonl#r2"})
    with pytest.raises(InputError, match="no record"):
        DocResolver(tmp_path).resolve(gold_file, read_gold(gold_file))


def test_gold_files_are_found_recursively_and_validated(tmp_path: Path) -> None:
    _write(tmp_path / "gold" / "nb" / "b.gold.json", {"doc": "x"})
    _write(tmp_path / "gold" / "en" / "a.gold.json", {"doc": "y"})
    bad = _write(tmp_path / "gold" / "c.gold.json", {"lang": "en"})
    files = find_gold_files(tmp_path / "gold")
    assert [f.name for f in files] == ["c.gold.json", "a.gold.json", "b.gold.json"]
    with pytest.raises(InputError, match="doc"):
        read_gold(bad)


def test_missing_gold_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        find_gold_files(tmp_path / "nowhere")
