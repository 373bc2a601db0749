"""Cleaning: each rule family removes or lifts what it should and records it."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Meta
from newsgraph.settings import Settings
from newsgraph.stages.clean import CleanStage, clean_text, url_date

BODY = "Statsråden besøkte verftet i Ulsteinvik onsdag.\nHun lovet mer penger til grønn skipsfart."


def clean_article(raw: str, **meta: str) -> Article:
    return CleanStage(Settings())(Article(raw=raw, meta=Meta(**meta)))


def removed_reasons(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.meta.removed}


@pytest.mark.parametrize(
    "placeholder", ["[annonse_2]", "[ad_1]", "[quangcao_2]", "[ reklame ]", "AD"]
)
def test_ad_placeholders_are_removed_and_recorded(placeholder: str) -> None:
    article = clean_article(f"{BODY}\n{placeholder}\nSiste linje i saken.")
    assert placeholder not in article.text
    assert removed_reasons(article)[placeholder].startswith("ad")
    assert article.text.endswith("Siste linje i saken.")


@pytest.mark.parametrize(
    "counter",
    [
        "Kommentar (0)",
        "Kommentarer (12)",
        "Comments (3)",
        "- 7 Kommentare",
        "• 2 comments",
        "4 kommentarer",
    ],
)
def test_comment_counters_are_removed(counter: str) -> None:
    article = clean_article(f"{BODY}\n{counter}")
    assert counter not in article.text
    assert removed_reasons(article)[counter] == "comment counter"


@pytest.mark.parametrize(
    "line",
    [
        "Les også: Slik blir været i helgen",
        "Read more: Markets fall",
        "1 min read",
        "Meld deg på nyhetsbrevet vårt",
        "SEE MORE: Floods close the coast road for a week",
    ],
)
def test_read_more_newsletter_and_reading_time_lines_are_removed(line: str) -> None:
    article = clean_article(f"{line}\n{BODY}")
    assert line not in article.text
    assert line in removed_reasons(article)


def test_source_line_sets_source_url_and_publisher() -> None:
    article = clean_article(f"{BODY}\nKilde: https://www.example.co.uk/news/ship-2023-05-17.html")
    assert article.meta.source_url == "https://www.example.co.uk/news/ship-2023-05-17.html"
    assert article.meta.publisher == "example.co.uk"
    assert "Kilde:" not in article.text


def test_source_line_overrides_page_url_which_is_kept() -> None:
    article = clean_article(
        f"{BODY}\nSource: https://original.example.org/story",
        source_url="https://mirror.example.net/x",
    )
    assert article.meta.source_url == "https://original.example.org/story"
    assert article.meta.page_url == "https://mirror.example.net/x"


def test_byline_with_credited_agencies_gives_authors_and_sources() -> None:
    article = clean_article(f"{BODY}\nKari Dahl og Per Li (ifølge NTB, Reuters og AFP)")
    assert article.meta.authors == ["Kari Dahl", "Per Li"]
    assert article.meta.credited_sources == ["NTB", "Reuters", "AFP"]
    assert "ifølge NTB" not in article.text


def test_english_byline_with_date_gives_authors_and_published() -> None:
    article = clean_article(f"By Jane Roe, Tom Poe    12.03.2024 | 08:00\n{BODY}")
    assert article.meta.authors == ["Jane Roe", "Tom Poe"]
    assert article.meta.published == "2024-03-12"
    assert article.meta.published_from == "text"


def test_reporting_credit_names_the_reporter_not_the_editor() -> None:
    article = clean_article(f"{BODY}\nReporting by Ann Lee; Editing by Bo Kim")
    assert article.meta.authors == ["Ann Lee"]


def test_body_sentence_starting_with_by_is_not_a_byline() -> None:
    article = clean_article(f"By Monday, the ferry will sail again.\n{BODY}")
    assert article.text.startswith("By Monday, the ferry")
    assert article.meta.authors == []


def test_photo_caption_is_kept_out_of_the_body_with_its_credit() -> None:
    caption = "Statsråden på verftet 3. mai. Foto: Ola Nordmann / NTB"
    raw = f"{BODY}\n{caption}\nMer tekst om saken her."
    article = clean_article(raw)
    assert caption not in article.text
    [kept] = article.meta.captions
    assert kept.credit == "Ola Nordmann / NTB"
    assert kept.text == "Statsråden på verftet 3. mai"
    assert raw[kept.start : kept.end] == caption


def test_agency_photo_credit_caption_in_english() -> None:
    caption = "The minister speaks in Oslo on Monday. REUTERS/Jane Smith"
    article = clean_article(f"{caption}\n{BODY}")
    assert article.meta.captions[0].credit == "REUTERS/Jane Smith"


def test_runs_of_blank_lines_collapse_to_one_paragraph_break() -> None:
    article = clean_article("Første avsnitt.\n\n\n\n\nAndre avsnitt.")
    assert article.text == "Første avsnitt.\n\nAndre avsnitt."
    assert any(r.reason == "run of 4 blank lines" for r in article.meta.removed)


def test_repeated_headline_is_removed_once() -> None:
    headline = "Ministeren lover grønn skipsfart i nord"
    article = clean_article(f"{headline}\n{headline}\n{BODY}")
    assert article.text.count(headline) == 1
    assert removed_reasons(article)[headline] == "repeated line"


def test_inline_fact_box_toggle_is_cut_from_the_line() -> None:
    article = clean_article("Øvelsen 2024 Ekspandér faktaboks Øvelsen varer i to uker.")
    assert article.text == "Øvelsen 2024 Øvelsen varer i to uker."
    assert "Ekspandér faktaboks" in removed_reasons(article)


def test_timestamp_dateline_sets_published() -> None:
    article = clean_article(f"09:15 04.02.2021\n{BODY}")
    assert article.meta.published == "2021-02-04"
    assert "09:15" not in article.text


def test_nothing_is_lost_every_raw_line_is_in_text_meta_or_removed() -> None:
    raw = f"{BODY}\n[annonse_3]\nTekst: Ola Hansen\nKilde: https://example.no/a\n\n\nKommentar (2)"
    article = clean_article(raw)
    for line in filter(None, (line.strip() for line in raw.splitlines())):
        assert line in article.text or any(line == r.text for r in article.meta.removed)


def test_given_metadata_date_wins_over_inferred_dates() -> None:
    article = clean_article(f"09:15 04.02.2021\n{BODY}", published="2021-02-05")
    assert article.meta.published == "2021-02-05"
    assert article.meta.published_from == "metadata"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.vn/bo-truong-den-trung-quoc-204241014210826959.htm", "2024-10-14"),
        ("https://example.com/2023/05/17/story", "2023-05-17"),
        ("https://example.com/news/20230517-story", "2023-05-17"),
        ("https://example.com/news/story-4821.html", None),
        ("https://example.com/post2149047640.html", None),
    ],
)
def test_publication_date_from_url_patterns(url: str, expected: str | None) -> None:
    assert url_date(url) == expected


def test_clean_text_keeps_body_punctuation_untouched() -> None:
    assert (
        clean_text("Han kom fra departementet .\nSlutt.").text
        == "Han kom fra departementet .\nSlutt."
    )


def test_article_id_is_stable_for_same_source_and_text() -> None:
    first = clean_article(BODY, source_url="https://example.no/a")
    second = clean_article(BODY, source_url="https://example.no/a")
    third = clean_article(BODY + " Endret.", source_url="https://example.no/a")
    assert first.id == second.id != third.id


def test_repeated_body_paragraph_far_apart_is_kept() -> None:
    paragraph = "Spørsmålet er hva som skjer med skattene neste år."
    article = clean_article(f"{paragraph}\n{BODY}\n{paragraph}")
    assert article.text.count(paragraph) == 2


def test_long_paragraph_mentioning_a_photo_credit_is_not_a_caption() -> None:
    paragraph = "Ordet brukes mye. " * 30 + "Foto: privat"
    article = clean_article(f"{BODY}\n{paragraph}")
    assert article.meta.captions == []
    assert "Foto: privat" in article.text


def test_publication_date_from_a_dated_caption_when_nothing_else_gives_one() -> None:
    article = clean_article(f"{BODY}\nStatsråden på verftet 3. mai 2023. Foto: NTB")
    assert article.meta.published == "2023-05-03"
    assert article.meta.published_from == "caption"


def test_publication_date_from_an_english_byline_with_month_name() -> None:
    article = clean_article(f"By Jane Roe    August 3, 2019 | 04:20 am PT\n{BODY}")
    assert article.meta.published == "2019-08-03"


@pytest.mark.parametrize(
    ("opening", "place", "source", "published"),
    [
        ("HAMMERFEST (NTB) – Fergen er innstilt.", "Hammerfest", "NTB", None),
        ("Lisbon, 12 March 2025 (Newswire) - The talks ended.", "Lisbon", "Newswire", "2025-03-12"),
    ],
)
def test_wire_dateline_gives_place_agency_and_date_and_keeps_the_text(
    opening: str, place: str, source: str, published: str | None
) -> None:
    article = clean_article(f"{opening}\nMer tekst.")
    assert article.text.startswith(opening)
    assert article.meta.dateline == place
    assert source in article.meta.credited_sources
    assert article.meta.published == published


def test_sentence_with_parenthesis_is_not_a_dateline() -> None:
    article = clean_article("Regjeringen (Ap og Sp) sa nei til forslaget i går.")
    assert article.meta.dateline is None


@pytest.mark.parametrize(
    "line", ["[annonse_2]", "Photo: NTB", "Min side", BODY.splitlines()[0], "Les også", ""]
)
@pytest.mark.parametrize("kind", ["line", "teaser_heading", "byline", "caption", "source"])
def test_the_rules_tried_on_a_line_are_those_whose_required_words_it_holds(
    kind: str, line: str
) -> None:
    from newsgraph.stages.clean import _candidate_rules, _rules
    from newsgraph.text.needles import fold

    folded = fold(line)
    expected = [rule for rule in _rules(kind) if rule.may_match(folded)]
    assert _candidate_rules(kind, folded) == expected
    assert len(expected) < len(_rules(kind)) or line == ""


def test_german_byline_naming_the_outlet_after_the_authors_is_lifted() -> None:
    raw = f"Von Anna Berg, Jonas Peter Falk und Lea Roth, NDR\n{BODY}"
    article = clean_article(raw)
    assert article.meta.authors == ["Anna Berg", "Jonas Peter Falk", "Lea Roth"]
    assert "NDR" in article.meta.credited_sources
    assert article.text.startswith("Statsråden")


def test_german_byline_with_a_place_after_the_names_gives_no_source() -> None:
    article = clean_article(f"Von Anna Berg, Hamburg\n{BODY}")
    assert article.meta.credited_sources == []
    assert "Von Anna Berg, Hamburg" in article.text


def test_line_holding_only_a_credited_author_is_removed() -> None:
    raw = f"{BODY}\nGRETE HOLM\nGrete Holm, NRK Vestland"
    article = CleanStage(Settings())(Article(raw=raw, meta=Meta(authors=["Grete Holm"])))
    reasons = removed_reasons(article)
    assert reasons["GRETE HOLM"] == reasons["Grete Holm, NRK Vestland"]
    assert reasons["GRETE HOLM"] == "author name line (in meta.authors)"
    assert article.text == BODY


def test_body_lines_naming_the_author_are_kept() -> None:
    raw = f"{BODY}\nGrete Holm, som leder teamet, var fornøyd med resultatet\nOle Berg"
    article = CleanStage(Settings())(Article(raw=raw, meta=Meta(authors=["Grete Holm"])))
    assert "Grete Holm, som leder teamet" in article.text
    assert article.text.endswith("Ole Berg")


def test_outlet_listed_with_the_byline_authors_is_a_credited_source() -> None:
    article = clean_article(f"By Jane Roe, BBC News\n{BODY}")
    assert article.meta.authors == ["Jane Roe"]
    assert article.meta.credited_sources == ["BBC News"]


SPANISH = "El gobierno anunció nuevas medidas el lunes.\nLas medidas entran en vigor en marzo."


@pytest.mark.parametrize(
    "line",
    [
        "PUBLICIDAD",
        "CONTINUA DEPOIS DA PUBLICIDADE",
        "Lee también: El presidente viaja a Madrid",
        "Leia também: Senado aprova a reforma",
        "Leggi anche: Il governo cade a Roma",
    ],
)
def test_spanish_portuguese_and_italian_ads_and_read_also_lines_are_removed(line: str) -> None:
    article = clean_article(f"{SPANISH}\n{line}\nEl ministro lo confirmó.")
    assert line not in article.text and line in removed_reasons(article)
    assert article.text.endswith("El ministro lo confirmó.")


def test_a_spanish_teaser_heading_goes_with_its_headlines() -> None:
    teasers = (
        "TE PUEDE INTERESAR\nEl Real Madrid gana la liga\nNuevo récord de turistas en Canarias"
    )
    article = clean_article(f"{SPANISH}\n{teasers}")
    assert article.text == SPANISH
    assert "TE PUEDE INTERESAR" in removed_reasons(article)
