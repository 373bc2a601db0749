"""Trigger lexicons: pattern syntax, resource files of every language, cue lists."""

from __future__ import annotations

import pytest

from newsgraph.events import load_lexicon
from newsgraph.events.arguments import FRAME_READERS
from newsgraph.events.lexicon import FRAMES, PhraseSet, compile_pattern
from newsgraph.events.words import Word
from newsgraph.resources import resource_languages


def words(text: str) -> list[Word]:
    return [
        Word(index=n, start=0, end=0, text=piece, lower=piece.lower())
        for n, piece in enumerate(text.split())
    ]


def test_pattern_with_gap_matches_words_in_between_and_anchors_on_marked_word() -> None:
    pattern = compile_pattern("ankom … =besøk*", max_gap=4)
    found = list(pattern.find(words("Hun ankom Oslo i går for besøket")))
    assert found == [[1, 6]]
    assert pattern.anchor == 1


def test_pattern_gap_is_bounded() -> None:
    pattern = compile_pattern("ankom … besøk", max_gap=2)
    assert list(pattern.find(words("ankom a b c besøk"))) == []


def test_alternatives_and_globs_match_inflections() -> None:
    pattern = compile_pattern("visit|visited *øvelse*")
    assert list(pattern.find(words("visited fellesøvelsene"))) == [[0, 1]]


def test_lemma_is_matched_as_well_as_the_form() -> None:
    word = Word(index=0, start=0, end=5, text="møtte", lower="møtte", lemma="møte")
    assert compile_pattern("møte").match_at([word], 0) == [0]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_language_lexicon_loads_with_rules_for_every_category(lang: str) -> None:
    lexicon = load_lexicon(lang)
    categories = {rule.category for rule in lexicon.rules}
    assert len(categories) == 16
    for cue in ("negation", "irrealis", "speech", "clause_breaks", "pronouns", "background"):
        assert lexicon.cue(cue).patterns, f"{lang} has no {cue} cues"
    for role in ("with", "between", "agent", "to", "place"):
        assert lexicon.preposition(role).patterns


def test_every_resource_language_has_a_loadable_events_lexicon() -> None:
    for lang in resource_languages():
        load_lexicon(lang)


def test_nynorsk_uses_the_bokmaal_lexicon() -> None:
    assert load_lexicon("nn").lang == "nb"


def test_language_without_an_events_file_gets_an_empty_lexicon() -> None:
    assert load_lexicon("xx").rules == ()


def test_every_frame_a_trigger_file_may_name_has_a_reader() -> None:
    assert set(FRAMES) == set(FRAME_READERS)


def test_globs_of_every_shape_match_like_fnmatch() -> None:
    pattern = compile_pattern("møte|m?tt[ae]|*avtale*|besøk*")
    for form in ("møte", "møtte", "fiskeriavtalen", "besøket"):
        assert pattern.match_at(words(form), 0) == [0], form
    for form in ("møter", "mttx", "avtal", "besø"):
        assert pattern.match_at(words(form), 0) is None, form


def test_phrase_set_finds_matches_by_pattern_then_position_within_bounds() -> None:
    phrases = PhraseSet((compile_pattern("ikke"), compile_pattern("aldri … mer")))
    found = phrases.spans(words("ikke aldri ikke mer aldri"), 0, 4)
    assert found == [[0], [2], [1, 3]]
    assert phrases.starts_at(words("aldri mer"), 0) == [0, 1]
    assert phrases.matches_word(words("ikke")[0])
    assert not phrases.matches_word(words("aldri")[0])


def test_a_name_is_matched_once_however_often_it_is_asked() -> None:
    phrases = PhraseSet((compile_pattern("ministry"), compile_pattern("armed forces")))
    assert phrases.in_name("Ministry of Defence")
    assert phrases.in_name("Sri Lankan Armed-Forces")
    assert not phrases.in_name("Acme Ministries Ltd")
    for _ in range(1000):
        phrases.in_name("Ministry of Defence")
    assert sorted(phrases.name_hits) == [
        "Acme Ministries Ltd",
        "Ministry of Defence",
        "Sri Lankan Armed-Forces",
    ]


def test_elements_of_one_alternative_kind_accept_only_their_words() -> None:
    exact, prefix, glob = (compile_pattern(p).elements[0] for p in ("møte", "besøk*", "m?tte"))
    assert exact.accepts_text("møte") and not exact.accepts_text("møter")
    assert prefix.accepts_text("besøket") and not prefix.accepts_text("møte")
    assert glob.accepts_text("møtte") and not glob.accepts_text("møte")


def test_a_gap_match_takes_the_nearest_word_and_fails_past_the_sentence_end() -> None:
    pattern = compile_pattern("ankom … besøk", max_gap=6)
    assert pattern.match_at(words("ankom x besøk besøk"), 0) == [0, 2]
    assert pattern.match_at(words("ankom x y"), 0) is None
    assert pattern.match_at(words("ankom"), 0) is None


def test_a_sentence_scanned_again_finds_the_same_matches_in_every_range() -> None:
    phrases = PhraseSet((compile_pattern("ikke"), compile_pattern("aldri … mer")))
    other = PhraseSet((compile_pattern("mer"),))
    sentence = tuple(words("han ikke aldri ikke mer aldri"))
    as_list = list(sentence)
    for lo, hi in ((0, None), (0, 6), (2, 5), (3, 4), (4, 6), (5, 3)):
        for _ in range(2):
            assert phrases.spans(sentence, lo, hi) == phrases.spans(as_list, lo, hi), (lo, hi)
            assert other.spans(sentence, lo, hi) == other.spans(as_list, lo, hi), (lo, hi)
    assert phrases.spans(sentence) == [[1], [3], [2, 4]]
    assert other.spans(sentence, 0, 4) == []
    assert other.spans(sentence, 4) == [[4]]


def test_words_that_start_no_pattern_are_remembered_apart() -> None:
    phrases = PhraseSet((compile_pattern("ikke"), compile_pattern("a?dri")))
    sentence = tuple(words("det regner"))
    assert phrases.spans(sentence) == []
    assert {("det", ""), ("regner", "")} <= phrases.starts.no_start
    assert phrases.spans(sentence) == []
    assert phrases.spans(tuple(words("det regner ikke"))) == [[2]]


@pytest.mark.parametrize(
    "sentence",
    ["ikke aldri ikke mer aldri", "aldri sa han mer", "aldri", "ingen treff her", ""],
)
def test_any_span_says_whether_spans_finds_a_match(sentence: str) -> None:
    phrases = PhraseSet((compile_pattern("ikke"), compile_pattern("aldri … mer", max_gap=2)))
    for view in (words(sentence), tuple(words(sentence))):
        assert phrases.any_span(view) == bool(phrases.spans(view))
    assert not PhraseSet(()).any_span(words(sentence))


def test_a_sentence_without_any_opening_word_of_plain_patterns_is_answered_at_once() -> None:
    phrases = PhraseSet((compile_pattern("ikke"), compile_pattern("aldri … mer", max_gap=2)))
    assert phrases.starts.plain_only and phrases.starts.words_only
    sentence = tuple(words("det regner"))
    assert phrases.spans(sentence) == []
    assert not phrases.any_span(sentence)
    assert phrases.starts.no_start == set()
    lemma = (Word(index=0, start=0, end=0, text="Ikkje", lower="ikkje", lemma="ikke"),)
    assert phrases.spans(lemma) == [[0]]
    assert phrases.spans(tuple(words("nei aldri sa han mer"))) == [[1, 4]]
    prefixes = PhraseSet((compile_pattern("besøk*"), compile_pattern("ikke")))
    assert prefixes.starts.plain_only and not prefixes.starts.words_only
    assert prefixes.spans(tuple(words("hun besøkte Oslo"))) == [[1]]
    assert prefixes.spans(tuple(words("hun besøk"))) == [[1]]
    assert prefixes.spans(tuple(words("hun bes om ro"))) == []
    assert not PhraseSet((compile_pattern("*"),)).starts.plain_only
    assert PhraseSet((compile_pattern("*"),)).spans(tuple(words("alt"))) == [[0]]
    assert not PhraseSet((compile_pattern("b?søk"),)).starts.plain_only


def test_words_only_lists_find_what_a_word_by_word_scan_finds() -> None:
    phrases = PhraseSet(
        (compile_pattern("ikke"), compile_pattern("aldri … mer", max_gap=3), compile_pattern("nei"))
    )
    assert phrases.starts.words_only
    lemma = Word(index=3, start=0, end=0, text="Ikkje", lower="ikkje", lemma="ikke")
    sentence = (*words("nei aldri sa"), lemma, *words("han mer ikke"))
    sentence = tuple(
        Word(index=n, start=0, end=0, text=w.text, lower=w.lower, lemma=w.lemma)
        for n, w in enumerate(sentence)
    )
    assert phrases.spans(sentence) == [[3], [6], [1, 5], [0]]
    assert phrases.spans(sentence) == [m for p in phrases.patterns for m in p.find(sentence)]
    assert phrases.spans(list(sentence)) == phrases.spans(sentence)
    assert phrases.spans(sentence, 2, 6) == [[3]]


def test_a_sentence_asked_again_gets_the_same_answer_from_the_memory() -> None:
    phrases = PhraseSet((compile_pattern("ikke"), compile_pattern("aldri … mer", max_gap=2)))
    hit, miss = tuple(words("han kommer aldri mer")), tuple(words("han kommer"))
    for _ in range(3):
        assert phrases.any_span(hit)
        assert not phrases.any_span(miss)
    assert {key: answer for key, (_, answer) in phrases.sentence_hits.items()} == {
        id(hit): True,
        id(miss): False,
    }
    # An equal sentence that is another tuple is read for itself, and a list never remembered.
    assert phrases.any_span(tuple(words("han kommer aldri mer")))
    assert phrases.any_span(list(hit))
    assert len(phrases.sentence_hits) == 3


def test_match_after_tries_only_the_elements_after_an_accepted_first_word() -> None:
    pattern = compile_pattern("=besøk* … Oslo", max_gap=2)
    sentence = tuple(words("hun besøkte igjen Oslo"))
    assert pattern.match_after(sentence, 1) == pattern.match_at(sentence, 1) == [1, 3]
    # The first word is taken as accepted: only a candidate of the StartIndex may be given.
    assert pattern.match_at(sentence, 2) is None
    assert pattern.match_after(sentence, 2) == [2, 3]
    single = compile_pattern("besøk*")
    assert single.match_after(sentence, 1) == [1]
    phrases = PhraseSet((pattern, single))
    assert phrases.spans(sentence) == [m for p in phrases.patterns for m in p.find(sentence)]
    assert phrases.starts_at(sentence, 1) == [1, 3]


def test_joined_cue_lists_match_where_one_of_them_matches() -> None:
    lexicon = load_lexicon("en")
    names = ("sport", "business")
    joined = lexicon.any_cue(names)
    assert lexicon.any_cue(names) is joined
    assert len(joined.patterns) == sum(len(lexicon.cue(name).patterns) for name in names)
    for text in ("the match ended in a draw", "the company shares fell", "the minister resigned"):
        sentence = tuple(words(text))
        assert joined.any_span(sentence) == any(
            lexicon.cue(name).any_span(sentence) for name in names
        )
    assert not lexicon.any_cue(("no such cue list",)).any_span(tuple(words("anything")))


def test_later_elements_accept_the_form_or_the_lemma_by_word_prefix_or_glob() -> None:
    pattern = compile_pattern("ikke møte|besøk*|m?tt … nå", max_gap=1)
    assert len(pattern.steps) == 2
    lemma = Word(index=1, start=0, end=0, text="Møtte", lower="møtte", lemma="møte")
    for second in (*words("møte besøket mett"), lemma):
        sentence = (*words("ikke"), second, *words("nå"))
        assert pattern.match_after(sentence, 0) == [0, 1, 2], second
    assert pattern.match_after(words("ikke møter nå"), 0) is None
    assert pattern.match_after(words("ikke møte x nå"), 0) == [0, 1, 3]
    assert pattern.match_after(words("ikke møte x y nå"), 0) is None


@pytest.mark.parametrize(
    "sentence",
    ["nei aldri sa han mer", "aldri sa han noe", "hun besøkte Oslo", "han mett", "", "mer ikke"],
)
def test_any_match_finds_a_match_where_the_candidates_find_one(sentence: str) -> None:
    for patterns in (
        ("ikke", "aldri … mer"),
        ("besøk* Oslo", "aldri … mer"),
        ("m?tt", "nei aldri"),
    ):
        phrases = PhraseSet(tuple(compile_pattern(p, max_gap=3) for p in patterns))
        for view in (words(sentence), tuple(words(sentence))):
            expected = bool(phrases.spans(view))
            assert phrases.starts.any_match(phrases.patterns, view) == expected, patterns


def test_a_plain_list_looks_up_only_the_words_with_an_opening_form_lemma_or_prefix() -> None:
    phrases = PhraseSet((compile_pattern("besøk* … Oslo", max_gap=6), compile_pattern("ikke")))
    starts = phrases.starts
    assert starts.plain_only and not starts.words_only
    looked_up: list[str] = []
    word_starting = starts.word_starting

    def counted(word: Word) -> tuple[int, ...]:
        looked_up.append(word.lower)
        return word_starting(word)

    starts.word_starting = counted  # type: ignore[method-assign]
    lemma = Word(index=4, start=0, end=0, text="Ikkje", lower="ikkje", lemma="ikke")
    sentence = (*words("hun besøkte ikke byen"), lemma, *words("bes Oslo"))
    assert phrases.spans(sentence) == [[1, 6], [2], [4]]
    assert phrases.any_span(sentence)
    assert phrases.spans(sentence, 3) == [[4]]
    assert sorted(set(looked_up)) == ["besøkte", "ikke", "ikkje"]
    assert starts.no_start == set()


def test_not_event_anchors_are_read_per_category() -> None:
    anchors = load_lexicon("en").not_event_anchors
    assert set(anchors) == {"REQUEST"}
    assert anchors["REQUEST"].in_name("investigation")
