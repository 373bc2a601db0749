"""The engine as a whole: offsets, broken marks, bare text, token layers, arbitrary input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import Article, Token
from newsgraph.quotes import extract_quotes

from .quote_builder import Person, build, check_offsets, find, quotes_of

HANSEN = Person("p1", "Ola Hansen", ["Ola Hansen", "Hansen"])


def test_unclosed_mark_mid_paragraph_gives_no_runaway_quote() -> None:
    text = (
        "Hansen kalte det «en tabbe og gikk. Han sa at saken er over.\n\n"
        "«Nå går vi videre», sa Hansen."
    )
    quotes = quotes_of(text, "nb", HANSEN)
    check_offsets(text, quotes)
    first_paragraph_end = text.index("\n")
    assert all(q.end <= first_paragraph_end or q.start > first_paragraph_end for q in quotes)
    assert find(quotes, "går vi videre").speaker == "p1"


def test_unclosed_quote_opening_a_paragraph_ends_with_the_paragraph() -> None:
    text = "«Vi gir oss ikke. Kampen fortsetter, sa Hansen.\n\nMøtet varte i to timer."
    quotes = quotes_of(text, "nb", HANSEN)
    check_offsets(text, quotes)
    assert all(q.end <= text.index("\n") for q in quotes)


def test_mismatched_marks_do_not_crash_and_stay_in_the_text() -> None:
    text = "»Hei« sa hun. «Feil» ” “ ‘ ’ ' \" – - —\n– \n«\n»"
    quotes = quotes_of(text, "nb")
    check_offsets(text, quotes)


def test_bare_text_without_entities_or_tokens_still_finds_quotes() -> None:
    text = "«Vi er klare», sa hun.\n\nHun sa at arbeidet er i rute."
    quotes = extract_quotes(Article(text=text, lang="nb"))
    assert [q.kind for q in quotes] == ["direct", "indirect"]
    assert all(q.speaker is None for q in quotes)


def test_empty_text_has_no_quotes() -> None:
    assert extract_quotes(Article(text="", lang="en")) == []


def test_unknown_language_finds_marked_quotes_without_speakers() -> None:
    quotes = extract_quotes(Article(text="„Zvládneme to“, řekla.", lang="cs"))
    assert [q.text for q in quotes] == ["Zvládneme to"]
    assert quotes[0].speaker is None


def _tokens(text: str, deps: dict[str, tuple[str, str, str]]) -> list[Token]:
    """Regex tokens; `deps` gives word -> (pos, dep, head word) where the parse matters."""
    matches = list(re.finditer(r"\w+|[^\w\s]", text))
    index = {m.group(): i for i, m in enumerate(matches)}
    tokens = []
    for i, match in enumerate(matches):
        pos, dep, head = deps.get(match.group(), ("", "", ""))
        tokens.append(
            Token(
                i=i,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                pos=pos,
                dep=dep,
                head=index.get(head, i),
                sent=0,
            )
        )
    return tokens


def test_dependency_subject_beats_a_closer_place_name() -> None:
    text = "Hansen i Norge sa at arbeidet er ferdig."
    norway = Person("g1", "Norge", ["Norge"], type="GPE")
    article = build(text, "nb", HANSEN, norway)
    # Without a parse the place is a complement of the person before it ("Hansen i Norge").
    assert find(extract_quotes(article), "arbeidet").speaker == "p1"
    article.tokens = _tokens(
        text, {"Hansen": ("PROPN", "nsubj", "sa"), "sa": ("VERB", "ROOT", "sa")}
    )
    assert find(extract_quotes(article), "arbeidet").speaker == "p1"


def test_apposition_between_commas_is_skipped_for_the_subject() -> None:
    text = "Hansen, leder for utvalget i Norge, sa at arbeidet er ferdig."
    norway = Person("g1", "Norge", ["Norge"], type="GPE")
    assert find(quotes_of(text, "nb", HANSEN, norway), "arbeidet").speaker == "p1"


def test_source_title_the_tagger_reads_as_a_verb_still_closes_the_report() -> None:
    berg = Person("p2", "Anna Berg", ["Anna Berg"])
    text = "I natt ble luftvernet aktivert over byen, ifølge byens guvernør Anna Berg."
    article = build(text, "nb", berg)
    article.tokens = _tokens(text, {"guvernør": ("VERB", "conj", "aktivert")})
    quotes = [q for q in extract_quotes(article) if q.cue is not None and q.cue.text == "ifølge"]
    assert [q.text for q in quotes] == ["I natt ble luftvernet aktivert over byen"]


def test_tagger_saying_a_cue_form_is_a_name_rules_it_out() -> None:
    text = "Sa Pa ligger nord i Vietnam, og at byen er kald er kjent."
    article = build(text, "nb")
    article.tokens = _tokens(text, {"Sa": ("PROPN", "nsubj", "ligger")})
    assert extract_quotes(article) == []


MARKS = "«»“”„‘’‹›\"'–—-"
PIECES = [*MARKS, "a", "B", " ", ".", ",", "\n", ":", " sa", " han", " at", " Hansen", " said"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.sampled_from(["nb", "en"]))
def test_any_text_gives_quotes_inside_the_text_and_inside_one_paragraph(
    text: str, lang: str
) -> None:
    quotes = extract_quotes(Article(text=text, lang=lang))
    check_offsets(text, quotes)
    for quote in quotes:
        assert "\n" not in quote.text


MEYER = Person("p2", "Jan Meyer", ["Jan Meyer", "Meyer"])


def test_quote_after_a_document_source_goes_on_with_the_speaker_before() -> None:
    text = (
        "„Das Jahr war stark“, sagte Konzernchef Jan Meyer. Bis 2030 wachse der Markt laut "
        "Branchenstudien um ein Drittel. „Wir liefern schneller als alle anderen.“"
    )
    quotes = quotes_of(text, "de", MEYER)
    assert find(quotes, "Bis 2030").speaker is None
    assert find(quotes, "schneller als alle").speaker == "p2"


def test_quote_after_an_unnamed_spokesman_source_stays_with_him() -> None:
    text = (
        "„Das Jahr war stark“, sagte Konzernchef Jan Meyer. Der Umsatz steige laut einem "
        "Sprecher der Bahn weiter. „Wir liefern schneller als alle anderen.“"
    )
    quote = find(quotes_of(text, "de", MEYER), "schneller als alle")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert "Sprecher" in quote.speaker_description.text


def test_quote_after_a_subheading_goes_on_with_the_speaker_before_it() -> None:
    text = (
        "«Vi har aldri solgt mer», sa Ola Hansen.\n\n"
        "Nye fabrikker i nord\n\n"
        "«Neste år åpner vi to fabrikker til.»"
    )
    quote = find(quotes_of(text, "nb", HANSEN), "to fabrikker til")
    assert quote.speaker == "p1"


def test_quote_two_paragraphs_after_its_speaker_is_no_longer_his() -> None:
    text = (
        "«Vi har aldri solgt mer», sa Ola Hansen.\n\n"
        "Fabrikken ligger ved havna.\n\n"
        "«Neste år åpner vi to fabrikker til.»"
    )
    quote = find(quotes_of(text, "nb", HANSEN), "to fabrikker til")
    assert quote.speaker is None


def test_quote_set_as_a_subheading_takes_the_speaker_who_says_it_below() -> None:
    weber = Person("p3", "Tom Weber", ["Tom Weber", "Weber"])
    text = (
        "„Wir bauen eine neue Halle“, sagte Jan Meyer.\n\n"
        "„Die Halle bleibt bis Ostern geschlossen“\n\n"
        "Der Verein sucht Ersatz. „Die Halle bleibt bis Ostern geschlossen“, sagt Tom Weber."
    )
    quotes = quotes_of(text, "de", MEYER, weber)
    heading = [q for q in quotes if "bis Ostern" in q.text and q.start < text.index("Verein")]
    assert [q.speaker for q in heading] == ["p3"]


def test_short_quote_with_no_cue_does_not_take_a_speaker_by_shared_words() -> None:
    weber = Person("p3", "Tom Weber", ["Tom Weber", "Weber"])
    text = (
        "„Wir bauen eine neue Halle“, sagte Jan Meyer.\n\n"
        "„Nie wieder“\n\n"
        "Der Verein sucht Ersatz. „Nie wieder schließen wir die Halle“, sagt Tom Weber."
    )
    quotes = [q for q in quotes_of(text, "de", MEYER, weber) if q.text == "Nie wieder"]
    assert [q.speaker for q in quotes] == ["p2"]
