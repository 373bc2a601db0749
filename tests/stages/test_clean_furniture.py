"""Page furniture the rules and shape checks remove, and outlets credited around the body."""

from __future__ import annotations

import re

import pytest

from newsgraph.stages.boilerplate import find_boilerplate
from newsgraph.stages.clean import _alternation, clean_text, text_credits

PROSE = [
    "The harbour authority said on Tuesday that the new ferry route would open in the spring.",
    "Local fishermen welcomed the plan but asked for more berths close to the old market hall.",
    "The council will vote on the budget for the pier at its next meeting in the town hall.",
]
NB_PROSE = [
    "Kommunestyret vedtok tirsdag å bygge en ny kai ved det gamle fiskemottaket i sentrum.",
    "Ordføreren sier at arbeidet skal være ferdig før sommeren, og at prisen er innenfor budsjett.",
]


def reasons(raw: str) -> dict[str, str]:
    return {r.text: r.reason for r in clean_text(raw).removed}


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "• Hopp til hovedinnhold",
        "Zum Inhalt springen",
        "Hoppa till huvudinnehåll",
        "Filed Under: Harbour news",
        "Latest update : 2019-05-04",
        "Last modified on Wed 4 May 2011 10.15 BST",
        "custom ad",
        "in Bergen",
        "(* The foregoing is a provisional translation of the original release in Dutch.)",
    ],
)
def test_page_furniture_lines_are_removed_with_a_reason(line: str) -> None:
    result = clean_text("\n\n".join([PROSE[0], line, PROSE[1]]))
    assert line.strip() not in result.text
    assert any(r.text == line.strip() for r in result.removed)


def test_a_body_sentence_about_an_update_stays() -> None:
    line = "Updated guidelines were issued in 2020 after the storm."
    assert line in clean_text("\n\n".join([PROSE[0], line, PROSE[1]])).text


def test_section_name_glued_to_a_date_is_a_dateline() -> None:
    result = clean_text("\n\n".join(["HarbourMay 4, 2019", PROSE[0], PROSE[1]]))
    assert "HarbourMay" not in result.text
    assert result.text_dates == ["May 4, 2019"]


def test_date_then_byline_gives_the_author() -> None:
    result = clean_text("\n\n".join(["4. mai 2019 By Redaksjonen", NB_PROSE[0], NB_PROSE[1]]))
    assert result.authors == ["Redaksjonen"]
    assert "Redaksjonen" not in result.text
    assert clean_text("The rate rose to 5 percent by March\n" + PROSE[0]).authors == []


def test_javascript_notice_is_cut_out_of_a_paragraph() -> None:
    line = "Ferjen la til kai klokken ti. Du trenger javascript for å se video. Mannskapet var fornøyd."
    result = clean_text("\n\n".join([NB_PROSE[0], line]))
    assert "javascript" not in result.text
    assert "Ferjen la til kai klokken ti. Mannskapet var fornøyd." in result.text


def test_leaked_date_label_is_cut_from_the_line_start() -> None:
    result = clean_text("date 2019-05-04 The mayor opened the new pier on Saturday morning.")
    assert result.text == "The mayor opened the new pier on Saturday morning."


@pytest.mark.parametrize("credit", ["NTB", "© AFP", "(AP)", "The Associated Press", "– TT"])
def test_agency_credit_line_is_removed_and_credited(credit: str) -> None:
    result = clean_text("\n\n".join([NB_PROSE[0], credit, NB_PROSE[1]]))
    assert credit not in result.text
    name = credit.strip("©()– ")
    assert name in result.credited_sources


def test_agency_list_line_gives_every_agency() -> None:
    result = clean_text("\n\n".join([PROSE[0], PROSE[1], "AFP/Reuters"]))
    assert result.credited_sources == ["AFP", "Reuters"]


@pytest.mark.parametrize(
    ("sentence", "outlets"),
    [
        ("The minister told the Associated Press that talks would go on.", ["Associated Press"]),
        ("According to Reuters, the ship left port at dawn.", ["Reuters"]),
        ("– Vi er glade, sier ordføreren til NTB.", ["NTB"]),
        ("Det skriver ukrainske Suspilne fredag.", ["Suspilne"]),
        ("AFP- The border stayed closed on Sunday, officials said.", ["AFP"]),
        ("Ferjen er innstilt resten av uken (NTB)", ["NTB"]),
    ],
)
def test_outlets_credited_in_the_text_are_recorded(sentence: str, outlets: list[str]) -> None:
    assert text_credits(sentence) == outlets


def test_a_party_abbreviation_is_not_an_agency() -> None:
    assert text_credits("Statsministeren (Ap) sier at saken er løst.") == []
    assert text_credits("He met AP students at the fair on Sunday.") == []


def test_teaser_block_with_read_more_labels_before_the_body_goes_even_if_a_title_asks() -> None:
    teasers = [
        "Don't miss",
        "Harbour tolls go up again next year",
        "Read more",
        "Why do ferry prices keep rising every single winter on the coast?",
        "Read more",
        "New pier opens in the old town",
        "Read more",
    ]
    result = clean_text("\n\n".join([*teasers, *PROSE]))
    assert result.text == "\n\n".join(PROSE)
    assert {r.text for r in result.removed} >= set(teasers)


def test_teaser_heading_takes_the_headlines_after_it_not_the_next_paragraph() -> None:
    raw = "\n\n".join(
        [
            *NB_PROSE,
            "Mest lest",
            "Ny kai åpnet i sentrum",
            "Brann i båthavna natt til søndag",
            NB_PROSE[0].replace("tirsdag", "onsdag"),
        ]
    )
    found = reasons(raw)
    assert found["Mest lest"] == "teaser block heading"
    assert found["Ny kai åpnet i sentrum"].startswith("teaser headline")
    assert NB_PROSE[0].replace("tirsdag", "onsdag") in clean_text(raw).text


def test_headline_run_after_the_body_is_related_articles_but_one_closing_line_stays() -> None:
    related = [
        "Harbour tolls go up again next year",
        "New pier opens in the old town",
        "Fishermen protest against quota cuts",
    ]
    lines = [*PROSE, *related]
    found = find_boilerplate(lines)
    assert [found.get(i) for i in range(3, 6)] == ["related headlines after the body"] * 3
    assert find_boilerplate([*PROSE, "Photos by the harbour office"]) == {}


def test_site_name_and_tagline_between_skip_links_and_menu_are_page_header() -> None:
    raw = "\n\n".join(
        [
            "• Skip to content",
            "Harbour Herald",
            "News from the coast",
            "• Home",
            "• News",
            "• Sport",
            "Ferry route opens in spring",
            *PROSE,
        ]
    )
    found = reasons(raw)
    assert found["Harbour Herald"] == "page header (between navigation lines)"
    assert found["News from the coast"] == "page header (between navigation lines)"
    assert clean_text(raw).text.startswith("Ferry route opens in spring")


def test_last_line_announcing_a_missing_list_goes_but_one_inside_the_body_stays() -> None:
    lines = [PROSE[0], "The mayor listed three reasons:", PROSE[1], PROSE[2], "Read also:"]
    assert find_boilerplate(lines) == {4: "heading with nothing under it (end of the page)"}


def test_agency_credit_with_editor_initials() -> None:
    result = clean_text("\n\n".join([PROSE[0], PROSE[1], "kos/PAP"]))
    assert result.credited_sources == ["PAP"]
    assert "kos/PAP" not in result.text


def test_consent_placeholder_is_removed() -> None:
    line = "Wir würden hier gerne ein Video zeigen. Leider haben Sie uns hierfür keine Zustimmung gegeben."
    assert line not in clean_text("\n\n".join([PROSE[0], line, PROSE[1]])).text


def test_a_list_of_dates_or_prices_after_the_body_is_the_articles_own() -> None:
    tour = [
        "June 9 – Bergen, Grieghallen",
        "June 10 – Oslo, Spektrum",
        "June 12 – Trondheim, Olavshallen",
    ]
    prices = ["VIP : 600 kr", "Front row : 500 kr", "Standing : 400 kr"]
    assert find_boilerplate([*PROSE, *tour]) == {}
    assert find_boilerplate([*PROSE, *prices]) == {}


def test_an_address_alone_before_the_body_goes_but_one_after_it_stays() -> None:
    url = "https://harbour.example.org/news/ferry-route-opens"
    found = find_boilerplate([url, *PROSE, url])
    assert found == {0: "link line (an address alone before the body)"}


def test_image_credit_line_is_a_caption_credit() -> None:
    result = clean_text("\n\n".join([*PROSE, "Main image credit: Harbour Office"]))
    assert [c.credit for c in result.captions] == ["Harbour Office"]


@pytest.mark.parametrize(
    "line",
    [
        "This article contains affiliate links, so we may earn a commission on purchases.",
        "Dieser Artikel kann Links zu Anbietern enthalten, von denen wir eine Provision erhalten.",
        "Klicken Sie auf den unteren Button, um den Inhalt von karten.example.org zu laden.",
    ],
)
def test_affiliate_and_consent_notices_are_removed(line: str) -> None:
    assert line not in clean_text("\n\n".join([PROSE[0], PROSE[1], line])).text


def test_headings_repeating_inside_the_body_are_a_plan_not_leftovers() -> None:
    day = ["Before the morning shift", PROSE[0], "After the evening shift", PROSE[1]]
    result = clean_text("\n\n".join([*day, *day, PROSE[2]]))
    assert result.text.count("Before the morning shift") == 2
    title = "Ferry route opens in the spring"
    assert clean_text("\n\n".join([title, title, *PROSE])).text.count(title) == 1


def test_a_standfirst_between_two_ad_markers_is_not_a_page_header() -> None:
    raw = "\n\n".join(["Annonse", "Ny kai åpner i sentrum", "Annonse", *NB_PROSE])
    assert "Ny kai åpner i sentrum" in clean_text(raw).text


def test_a_menu_in_another_script_inside_a_latin_article_goes_a_lone_name_stays() -> None:
    menu = "新闻 体育 财经 娱乐"
    lines = [PROSE[0], menu, PROSE[1], "東京", PROSE[2]]
    found = find_boilerplate(lines)
    assert found == {1: "line in another script (CJK) than the article (Latin)"}


def test_closing_heading_with_headlines_to_the_end_of_the_page_is_a_teaser_block() -> None:
    closing = [
        "Read more on this:",
        "Harbour tolls rose in 2018 and again this year",
        "New pier opens in town",
    ]
    found = find_boilerplate([*PROSE, *closing])
    assert sorted(found) == [3, 4, 5]
    results = ["Results:", "1. Anna Berg 2:03,5", "2. Kari Lie 2:04,1"]
    assert find_boilerplate([*PROSE, *results]) == {}


def test_bulleted_lists_code_and_long_colon_lines_after_the_body_stay() -> None:
    demands = [
        "- Lower harbour tolls for local boats",
        "- More berths near the market hall",
        "- A new ferry to the islands",
    ]
    code = [
        "route = Route(name, stops)",
        "print route summary now please",
        "return the ferry schedule list",
    ]
    assert find_boilerplate([*PROSE, *demands]) == {}
    assert "related headlines after the body" not in find_boilerplate([*PROSE, *code]).values()
    assert find_boilerplate([*PROSE, "The full report from the harbour office is here:"]) == {}


def _flat(names: list[str]) -> str:
    unique = sorted(set(names), key=lambda name: (-len(name), name))
    return "(?:" + "|".join(re.escape(name) for name in unique) + ")"


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_outlet_alternation_grouped_by_letter_matches_like_the_flat_one(flags: int) -> None:
    names = ["AP", "AFP", "Associated Press", "apa", "NTB", "NRK", "N", "Reuters", "dpa", "DPA"]
    text = (
        "AP and AFP wrote; apa, APA and Associated Press too. NTB, NRK and N said. "
        "dpa/DPA and Reuters -- Apathy, Napoleon, Assoc"
    )
    for template in (r"\b(?P<source>{})\b", r"(?P<source>{})\s+(?:and|said|too)"):
        grouped = re.compile(template.format(_alternation(names)), flags)
        flat = re.compile(template.format(_flat(names)), flags)
        found = [(m.span(), m.group("source")) for m in grouped.finditer(text)]
        assert found == [(m.span(), m.group("source")) for m in flat.finditer(text)]
        assert found


def test_outlet_alternation_with_a_name_opening_with_a_non_ascii_letter_stays_flat() -> None:
    names = ["Østlendingen", "AP"]
    assert _alternation(names) == _flat(names)
    assert _alternation(["AP", "AFP", "NTB"]) == "(?:(?:AFP|AP)|(?:NTB))"
