import json
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.evaluate import GoldDoc, evaluate_gold_dir
from newsgraph.evaluate.runner import runnable_settings
from newsgraph.model import Article, Entity, Span
from newsgraph.settings import Settings

TEXT = "Kari Holm visited Bergen."


def _setup(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [
        {"id": "nb1", "url": None, "published": None, "text": TEXT},
        {"id": "en1", "url": None, "published": None, "text": TEXT},
    ]
    (corpus / "dev.jsonl").write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for record in records:
        lang = record["id"][:2]
        gold = {
            "doc": f"corpus/dev.jsonl#{record['id']}",
            "lang": lang,
            "entities": [{"name": "Kari Holm", "aliases": [], "type": "PER", "country": None}],
        }
        (gold_dir / f"{record['id']}.gold.json").write_text(json.dumps(gold), "utf-8")
    (gold_dir / "broken.gold.json").write_text(
        json.dumps({"doc": "corpus/missing.txt", "lang": "nb", "entities": []}), "utf-8"
    )
    return gold_dir


def _extract(doc: GoldDoc) -> Article:
    if doc.external_id == "en1":
        return Article(text=doc.text, lang="en")
    holm = Entity(
        id="e1", name="Kari Holm", type="PER", mentions=[Span(start=0, end=9, text="Kari Holm")]
    )
    return Article(text=doc.text, lang=doc.lang, entities=[holm])


def test_evaluate_gold_dir_scores_each_file_and_sums_per_language(tmp_path: Path) -> None:
    report = evaluate_gold_dir(_setup(tmp_path), extract=_extract)
    assert [f.gold_file for f in report.files] == [
        "broken.gold.json",
        "en1.gold.json",
        "nb1.gold.json",
    ]
    assert report.files[0].error is not None
    assert report.by_language["nb"].layers["entities"].tp == 1
    assert report.by_language["en"].layers["entities"].fn == 1
    assert report.overall.layers["entities"].recall == 0.5
    assert json.loads(json.dumps(report.to_dict()))["by_language"].keys() == {"en", "nb"}


def test_evaluate_gold_dir_filters_languages(tmp_path: Path) -> None:
    report = evaluate_gold_dir(_setup(tmp_path), extract=_extract, languages=["en"])
    assert [f.lang for f in report.files] == ["en"]


def test_extraction_failure_scores_the_file_as_empty(tmp_path: Path) -> None:
    def failing(doc: GoldDoc) -> Article:
        raise InputError(str(doc.path), "unreadable")

    report = evaluate_gold_dir(_setup(tmp_path), extract=failing)
    assert all(f.error for f in report.files)
    assert report.overall.layers["entities"].fn == 2


def test_runnable_settings_leave_out_stages_that_are_not_installed() -> None:
    settings, missing = runnable_settings(Settings(stages=["clean", "no-such-stage"]))
    assert missing == ["no-such-stage"]
    assert "no-such-stage" not in settings.stages
