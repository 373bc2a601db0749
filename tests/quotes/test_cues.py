"""Cue detection: which words are speech cues, and which are not."""

from __future__ import annotations

from newsgraph.model import Article
from newsgraph.quotes.cues import Cue, CueFinder
from newsgraph.quotes.direct import DashLines
from newsgraph.quotes.document import QuoteText
from newsgraph.quotes.lexicon import load_quote_lexicon
from newsgraph.quotes.phrases import PhraseReader
from newsgraph.quotes.speakers import EntityIndex, Salience


def cues(text: str, lang: str = "nb") -> list[tuple[str, Cue]]:
    doc = QuoteText(Article(text=text, lang=lang), load_quote_lexicon(lang))
    quoted = [(m.inner_start, m.inner_end) for m in doc.marks]
    quoted += [(s, e) for s, e, _ in DashLines(doc).find()]
    index = EntityIndex(Article(text=text, lang=lang), doc)
    found = CueFinder(PhraseReader(doc, index, Salience(index, doc, quoted), quoted)).find()
    return [(text[doc.words[c.first].start : doc.words[c.last - 1].end], c) for c in found]


def test_cues_speech_verb_inside_quote_marks_is_not_a_cue() -> None:
    assert [t for t, _ in cues("«Jeg sa nei til dem», sier Hansen.")] == ["sier"]


def test_cues_speech_verb_inside_a_dash_line_is_not_a_cue() -> None:
    assert [t for t, _ in cues("– Det har mye å si for oss, sier Hansen.")] == ["sier"]


def test_cues_particle_verb_needs_its_particle() -> None:
    assert [t for t, _ in cues("Hun la til at det haster.")] == ["la til"]
    assert cues("Hun la boka på bordet.") == []


def test_cues_attribution_phrase_of_two_words() -> None:
    found = cues("Prices rose, according to the agency.", "en")
    assert [(t, c.attribution) for t, c in found] == [("according to", True)]


def test_cues_capitalised_verb_form_inside_a_sentence_is_a_name() -> None:
    assert cues("Besøket i Sa Pa var kort.") == []


def test_cues_anaphoric_opening_is_marked() -> None:
    found = cues("Det sier Hansen til NTB.")
    assert found[0][1].anaphoric


def test_cues_participle_shares_the_subject_of_the_verb_before() -> None:
    found = cues("She said it was over, adding that talks would resume.", "en")
    assert [(t, c.shared) for t, c in found] == [("said", False), ("adding", True)]
