"""Grounding confidence: parse distance, background clauses, the writer as doer, the threshold
(newsgraph.events.grounding_confidence).

Sentences are written for these tests; parses are given by hand (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.grounding_confidence import (
    UNREACHABLE,
    GroundingConfidence,
    load_confidence_settings,
    path_length,
)
from newsgraph.events.words import SentenceView, Word
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo
from .test_grounding import _parsed

RUSSIA, UKRAINE = Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def _view(parse: list[tuple[str, str, str, int | None]]) -> SentenceView:
    words, offset = [], 0
    for number, (text, pos, dep, head) in enumerate(parse):
        words.append(
            Word(number, offset, offset + len(text), text, text.lower(), "", pos, dep, head)
        )
        offset += len(text) + 1
    return SentenceView(0, 0, offset, 0, tuple(words), True)


def test_path_length_counts_arcs_through_the_nearest_common_head() -> None:
    view = _view(
        [
            ("Russia", "PROPN", "nsubj", 1),
            ("accused", "VERB", "ROOT", None),
            ("the", "DET", "det", 3),
            ("army", "NOUN", "obj", 1),
            ("of", "ADP", "case", 5),
            ("Ukraine", "PROPN", "nmod", 3),
        ]
    )
    assert path_length(view, 1, 0) == 1
    assert path_length(view, 1, 5) == 2
    assert path_length(view, 0, 5) == 3
    assert path_length(view, 2, 2) == 0


def test_words_the_parse_does_not_join_are_unreachable() -> None:
    view = _view([("Russia", "PROPN", "ROOT", None), ("attacks", "NOUN", "ROOT", None)])
    assert path_length(view, 0, 1) == UNREACHABLE


def test_writer_as_subject_of_a_controlled_clause() -> None:
    view = _view(
        [
            ("Having", "AUX", "aux", 1),
            ("visited", "VERB", "advcl", 4),
            ("Israel", "PROPN", "obj", 1),
            (",", "PUNCT", "punct", 1),
            ("say", "VERB", "ROOT", None),
            ("I", "PRON", "nsubj", 4),
        ]
    )
    scorer = GroundingConfidence(load_lexicon("en"))
    assert scorer.writer_subject(view, 1)
    other = _view([("Russia", "PROPN", "nsubj", 1), ("visited", "VERB", "ROOT", None)])
    assert not scorer.writer_subject(other, 1)


def test_relative_clause_trigger_is_background() -> None:
    view = _view(
        [
            ("the", "DET", "det", 1),
            ("land", "NOUN", "ROOT", None),
            ("that", "PRON", "obj", 4),
            ("it", "PRON", "nsubj", 4),
            ("occupies", "VERB", "acl:relcl", 1),
        ]
    )
    scorer = GroundingConfidence(load_lexicon("en"))
    assert scorer.background(view, 4)
    assert not scorer.background(view, 1)


def test_settings_load_and_lower_background_and_far_actors() -> None:
    settings = load_confidence_settings()
    assert settings.min_confidence > 0
    assert settings.background_penalty > 0 and settings.far_penalty > 0
    assert settings.far_path > settings.near_path


def test_event_in_a_relative_clause_about_a_thing_counts_for_less() -> None:
    text = "Officials photographed the village that Russia attacked in 1967."
    parse = [
        ("Officials", "NOUN", "nsubj", 1),
        ("photographed", "VERB", "ROOT", 1),
        ("the", "DET", "det", 3),
        ("village", "NOUN", "obj", 1),
        ("that", "PRON", "obj", 6),
        ("Russia", "PROPN", "nsubj", 6),
        ("attacked", "VERB", "acl:relcl", 3),
        ("in", "ADP", "case", 8),
        ("1967", "NUM", "obl", 6),
        (".", "PUNCT", "punct", 1),
    ]
    main = _view([("Russia", "PROPN", "nsubj", 1), ("attacked", "VERB", "ROOT", None)])
    relative = _view([(w, p, d, None if d == "ROOT" else h) for w, p, d, h in parse])
    scorer = GroundingConfidence(load_lexicon("en"))
    assert scorer.background(relative, 6)
    lower = scorer.adjustment(relative, 6, [], False, False)
    assert lower < scorer.adjustment(main, 1, [], False, False)
    events = code(_parsed(text, "en", [RUSSIA], parse))
    assert all(e.confidence < 0.95 for e in events)


def test_main_clause_event_with_its_actor_as_subject_is_coded() -> None:
    text = "Russia attacked the village of Ukraine in 1967."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("attacked", "VERB", "ROOT", 1),
        ("the", "DET", "det", 3),
        ("village", "NOUN", "obj", 1),
        ("of", "ADP", "case", 5),
        ("Ukraine", "PROPN", "nmod", 3),
        ("in", "ADP", "case", 7),
        ("1967", "NUM", "obl", 1),
        (".", "PUNCT", "punct", 1),
    ]
    events = code(_parsed(text, "en", [RUSSIA, UKRAINE], parse))
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].confidence >= load_confidence_settings().min_confidence


def test_the_writer_visiting_is_no_political_visit() -> None:
    text = "Having visited Russia and Ukraine, I can say that the war goes on."
    parse = [
        ("Having", "AUX", "aux", 1),
        ("visited", "VERB", "advcl", 8),
        ("Russia", "PROPN", "obj", 1),
        ("and", "CCONJ", "cc", 4),
        ("Ukraine", "PROPN", "conj", 2),
        (",", "PUNCT", "punct", 1),
        ("I", "PRON", "nsubj", 8),
        ("can", "AUX", "aux", 8),
        ("say", "VERB", "ROOT", 8),
        ("that", "SCONJ", "mark", 13),
        ("the", "DET", "det", 11),
        ("war", "NOUN", "nsubj", 12),
        ("goes", "VERB", "ccomp", 8),
        ("on", "ADP", "compound:prt", 12),
        (".", "PUNCT", "punct", 8),
    ]
    assert "CONSULT" not in [e.type for e in code(_parsed(text, "en", [RUSSIA, UKRAINE], parse))]


def test_relative_clause_set_off_by_a_comma_is_news_of_its_own() -> None:
    view = _view(
        [
            ("Hamas", "PROPN", "ROOT", None),
            (",", "PUNCT", "punct", 3),
            ("which", "PRON", "nsubj", 3),
            ("fired", "VERB", "acl:relcl", 0),
            ("rockets", "NOUN", "obj", 3),
        ]
    )
    assert not GroundingConfidence(load_lexicon("en")).background(view, 3)
