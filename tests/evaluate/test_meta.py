from newsgraph.evaluate.meta import check_meta
from newsgraph.model import Article, Caption, Meta, Removed

BODY = "Kari Holm met Jonas Berg in Oslo.\n\nThe talks go on in March."


def _article() -> Article:
    meta = Meta(
        published="2024-03-04T09:30:00+01:00",
        source_url="https://news.example.org/a/1",
        publisher="example.org",
        authors=["Ola Nordmann"],
        credited_sources=["NTB"],
        captions=[
            Caption(
                text="Holm in Oslo. Photo: Per Foto / NTB", credit="Per Foto / NTB", start=0, end=10
            )
        ],
        removed=[Removed(text="Read more: other news", reason="link line")],
    )
    return Article(text=BODY, lang="en", meta=meta)


def test_every_meta_field_and_list_item_is_one_check() -> None:
    gold = {
        "lang": "en",
        "meta": {
            "published": "2024-03-04",
            "source_url": "https://news.example.org/a/1/",
            "publisher": "Example.org",
            "authors": ["Ola Nordmann", "Kari Nordmann"],
            "credited_sources": ["NTB"],
            "caption_credits": ["Per Foto / NTB"],
            "removed": ["Read more:"],
            "text_starts_with": "Kari Holm met",
            "text_ends_with": "in March.",
            "text_excludes": ["Read more", "Oslo"],
        },
    }
    checks = check_meta(_article(), gold)
    failed = [(c.field, c.expected) for c in checks if not c.passed]
    assert len(checks) == 13
    assert failed == [("authors", "Kari Nordmann"), ("text_excludes", "Oslo")]


def test_wrong_language_and_missing_date_fail() -> None:
    article = Article(text=BODY, lang="nb")
    checks = check_meta(article, {"lang": "en", "meta": {"published": "2024-03-04"}})
    assert [c.passed for c in checks] == [False, False]


def test_text_checks_ignore_line_breaks() -> None:
    gold = {"meta": {"text_starts_with": "Kari Holm met Jonas Berg in Oslo. The talks"}}
    assert all(check.passed for check in check_meta(_article(), gold))
