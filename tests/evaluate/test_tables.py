from rich.console import Console

from newsgraph.evaluate import FileScore, Report, score_article
from newsgraph.evaluate.tables import report_tables

from .builders import HOLM, article

GOLD = {"lang": "en", "entities": [{"name": "Jonas Berg", "aliases": [], "type": "PER"}]}


def test_report_tables_show_layers_languages_and_per_file_problems() -> None:
    file = FileScore(
        "en/x.gold.json", "corpus/x.txt", "en", score_article(article(entities=[HOLM]), GOLD)
    )
    console = Console(record=True, width=160)
    for table in report_tables(Report(gold_dir="gold", files=[file]), per_file=True):
        console.print(table)
    text = console.export_text()
    assert "entities" in text and "en/x.gold.json" in text
    assert "PER Jonas Berg" in text  # missed
    assert "PER Kari Holm" in text  # spurious
