"""Language-independent boilerplate: furniture found by its shape, each removal with its reason."""

from __future__ import annotations

from newsgraph.model import Article, Meta
from newsgraph.settings import Settings
from newsgraph.stages.boilerplate import (
    SiteTemplates,
    dominant_script,
    find_boilerplate,
    is_menu_line,
    script_counts,
)
from newsgraph.stages.clean import CleanStage, clean_text

PROSE = [
    "The harbour authority said on Tuesday that the new ferry route would open in the spring.",
    "Local fishermen welcomed the plan but asked for more berths close to the old market hall.",
    "The council will vote on the budget for the pier at its next meeting in the town hall.",
]


def reasons(raw: str) -> dict[str, str]:
    return {r.text: r.reason for r in clean_text(raw).removed}


def test_breadcrumb_and_navigation_bars_are_menu_lines() -> None:
    assert is_menu_line("Home › World › Europe")
    assert is_menu_line("Nyheter | Sport | Kultur | Debatt")
    assert not is_menu_line("Prices rose 3 / 4 per cent in the year to May, the bureau said.")
    assert not is_menu_line("12 / 03 / 2024")


def test_menu_line_is_removed_with_its_reason() -> None:
    raw = "\n".join(["Forsiden » Innenriks » Politikk", *PROSE])
    assert reasons(raw)["Forsiden » Innenriks » Politikk"] == "menu or breadcrumb line"


def test_bulleted_short_links_before_the_body_are_a_menu_but_a_list_inside_it_stays() -> None:
    raw = "\n".join(
        ["• Hjem", "• Nyheter", "• Kontakt", PROSE[0], "• oats", "• barley", PROSE[1], PROSE[2]]
    )
    result = clean_text(raw)
    removed = {r.text: r.reason for r in result.removed}
    assert removed["• Hjem"] == "menu (run of short bulleted links)"
    assert "• Kontakt" in removed
    assert "• oats" in result.text and "• barley" in result.text


def test_teaser_block_goes_with_its_heading_and_the_article_stays() -> None:
    teasers = []
    for title in ("Storm closes schools", "Why are rents rising?", "Markets fall again"):
        teasers += [title, "Full story"]
    raw = "\n".join(["Also today", *teasers, *PROSE])
    result = clean_text(raw)
    removed = {r.text: r.reason for r in result.removed}
    assert removed["Why are rents rising?"].startswith("teaser headline")
    assert removed["Full story"] == "teaser link label"
    assert removed["Also today"] == "teaser block heading"
    assert result.text.splitlines() == PROSE


def test_line_in_another_script_than_the_article_is_removed() -> None:
    raw = "\n".join(["首页 新闻 国际 体育", *PROSE])
    assert dominant_script(raw) == "Latin"
    assert (
        reasons(raw)["首页 新闻 国际 体育"]
        == "line in another script (CJK) than the article (Latin)"
    )


def test_a_foreign_name_inside_a_sentence_does_not_make_a_foreign_line() -> None:
    line = "The author Lu Xun (鲁迅) wrote the story in Beijing in the winter of the year 1921."
    assert find_boilerplate([line, *PROSE]) == {}


def test_link_and_copyright_lines_are_removed() -> None:
    footer = "Example Media, editor Ann Berg, phone 12345678. Copyright Example Media"
    links = "https://example.org/a https://example.org/b"
    found = find_boilerplate([*PROSE, links, footer])
    assert found == {3: "link line", 4: "copyright line"}


def test_short_text_without_a_dominant_script_keeps_every_line() -> None:
    assert dominant_script("Hei 你好") is None
    assert find_boilerplate(["Hei", "你好"]) == {}


def test_site_template_lines_are_learnt_from_earlier_pages_of_the_same_site() -> None:
    stage = CleanStage(Settings())
    template = "Harbour Weekly, your town and your news"
    articles = [
        stage(Article(raw="\n".join([template, line]), meta=Meta(source_url=f"https://ex.org/{i}")))
        for i, line in enumerate([*PROSE, PROSE[0]])
    ]
    assert template in articles[0].text
    last = articles[-1]
    assert template not in last.text
    reasons_found = {r.text: r.reason for r in last.meta.removed}
    assert reasons_found[template] == "site template line (repeated on the site's pages)"


def test_site_templates_never_take_prose_and_keep_sites_apart() -> None:
    templates = SiteTemplates(min_pages=2)
    for _ in range(3):
        templates.record("a.org", ["Menu", PROSE[0]])
    assert templates.template_lines("a.org") == {"Menu"}
    assert templates.template_lines("b.org") == set()


def test_label_pairs_and_links_inside_the_body_are_the_articles_own() -> None:
    pairs = []
    for title in ("Before breakfast", "After training", "Late evening"):
        pairs += [title, "Protein shake"]
    lines = [PROSE[0], *pairs, "https://example.org/guide", PROSE[1], PROSE[2]]
    assert find_boilerplate(lines) == {}


def test_script_counts_count_letters_per_script_in_order_of_first_use() -> None:
    counts = script_counts("Привет, world! Мир 2024 — 你好 ok")
    assert list(counts) == ["Cyrillic", "Latin", "CJK"]
    assert counts == {"Cyrillic": 9, "Latin": 7, "CJK": 2}
