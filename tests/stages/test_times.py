"""The times stage on hand-built articles: with and without tokens, with and without a date."""

from __future__ import annotations

from newsgraph.model import Article, Meta, Span, Token
from newsgraph.pipeline import available_stages, create_stage
from newsgraph.settings import Settings
from newsgraph.stages.times import TimesStage


def _article(text: str, lang: str, published: str | None) -> Article:
    return Article(
        text=text,
        lang=lang,
        meta=Meta(published=published),
        sentences=[Span(start=0, end=len(text), text=text)],
    )


def _run(article: Article) -> Article:
    stage = TimesStage(Settings())
    stage.setup()
    return stage(article)


def test_times_stage_is_registered_with_its_layers() -> None:
    assert "times" in available_stages()
    stage = create_stage("times", Settings())
    assert stage.requires == ("text", "lang", "sentences")
    assert stage.provides == ("times",)


def test_times_stage_anchors_on_the_publication_date_without_tokens() -> None:
    text = "Forrige måned møtte statsministeren partiledere, og i august sa hun nei."
    article = _run(_article(text, "nb", "2024-10-14"))
    assert [(t.text, t.value, t.type) for t in article.times] == [
        ("Forrige måned", "2024-09", "DATE"),
        ("i august", "2024-08", "DATE"),
    ]
    assert all(t.anchored for t in article.times)
    assert all(text[t.start : t.end] == t.text for t in article.times)


def test_times_stage_reads_the_tense_of_each_sentence() -> None:
    text = "Ministeren reiste til Paris torsdag. Hun skal møte kollegaen torsdag."
    article = Article(
        text=text,
        lang="nb",
        meta=Meta(published="2024-10-14"),
        sentences=[
            Span(start=0, end=36, text=text[:36]),
            Span(start=37, end=len(text), text=text[37:]),
        ],
    )
    values = [t.value for t in _run(article).times]
    assert values == ["2024-10-10", "2024-10-17"]


def test_times_stage_uses_token_verbs_when_present() -> None:
    text = "Styret godkjente planen fredag."
    words = [
        ("Styret", "styre", "NOUN"),
        ("godkjente", "godkjenne", "VERB"),
        ("planen", "plan", "NOUN"),
        ("fredag", "fredag", "NOUN"),
    ]
    tokens = []
    offset = 0
    for i, (word, lemma, pos) in enumerate(words):
        start = text.index(word, offset)
        tokens.append(
            Token(
                i=i,
                start=start,
                end=start + len(word),
                text=word,
                lemma=lemma,
                pos=pos,
                head=1,
                sent=0,
            )
        )
        offset = start + len(word)
    article = _article(text, "nb", "2024-10-14")
    article.tokens = tokens
    assert [t.value for t in _run(article).times] == ["2024-10-11"]


def test_times_stage_keeps_relative_values_without_a_date() -> None:
    text = "On Tuesday the minister said prices rose last month, the first rise since 2018."
    article = _run(_article(text, "en", None))
    got = {t.text: (t.value, t.anchored) for t in article.times}
    assert got["Tuesday"] == ("XXXX-WXX-2", False)
    assert got["last month"] == ("PAST_REF", False)
    assert got["2018"] == ("2018", True)


def test_times_stage_works_without_sentences() -> None:
    article = Article(
        text="Yesterday the talks ended.", lang="en", meta=Meta(published="2019-08-03")
    )
    assert [t.value for t in _run(article).times] == ["2019-08-02"]


def test_times_stage_records_the_grammar_version() -> None:
    article = _run(_article("I dag.", "nb", "2024-10-14"))
    assert article.provenance.lexicons["time.nb"] not in ("", "absent")


def test_times_stage_on_a_language_without_a_grammar_still_reads_numeric_dates() -> None:
    article = _run(_article("Posiedzenie: 14.10.2024, 15:30.", "pl", None))
    assert [t.value for t in article.times] == ["2024-10-14T15:30"]


def test_times_in_photo_captions_point_into_the_caption() -> None:
    from newsgraph.model import Caption

    article = _article("Ministeren kom i går.", "nb", "2024-03-05")
    caption = Caption(text="Ministeren i Bergen 4. mars 2024", credit="NTB", start=0, end=40)
    article.meta.captions.append(caption)
    found = _run(article)
    [in_caption] = [t for t in found.times if t.caption == 0]
    assert in_caption.value == "2024-03-04"
    assert caption.text[in_caption.start : in_caption.end] == in_caption.text
    assert all(t.in_body for t in found.times if t is not in_caption)


def test_setup_compiles_only_the_preloaded_languages() -> None:
    from newsgraph.temporal.grammar import load_grammar

    load_grammar.cache_clear()
    TimesStage(Settings(languages=["nb", "en", "de", "fr"], preload_languages=["en"])).setup()
    assert load_grammar.cache_info().currsize == 1
    article = _run(_article("Am 3. März 2024 sprach er.", "de", "2024-03-10"))
    assert [t.value for t in article.times] == ["2024-03-03"]
