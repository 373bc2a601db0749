"""The quotation lexicons: resource files per language, forms by tense, fallbacks."""

from __future__ import annotations

import pytest

from newsgraph.quotes.lexicon import load_quote_lexicon
from newsgraph.resources import resource_languages


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_lexicon_every_language_has_marks_verbs_and_pronouns(lang: str) -> None:
    lexicon = load_quote_lexicon(lang)
    assert lexicon.mark_pairs
    assert lexicon.verb_forms
    assert lexicon.person_subject
    assert lexicon.complementizers
    assert lexicon.attribution_phrases


def test_lexicon_verb_forms_carry_their_tenses() -> None:
    lexicon = load_quote_lexicon("nb")
    said = lexicon.verb("sa")
    assert said is not None and said.verb.lemma == "si" and said.tenses == ("past",)
    says = lexicon.verb("Sier")
    assert says is not None and says.tenses == ("present",)


def test_lexicon_english_participle_is_marked() -> None:
    adding = load_quote_lexicon("en").verb("adding")
    assert adding is not None and adding.participle


def test_lexicon_flags_telling_naming_and_particle_verbs() -> None:
    nb = load_quote_lexicon("nb")
    told = nb.verb("fortalte")
    named = nb.verb("kalte")
    added = nb.verb("la")
    assert told is not None and told.verb.tell
    assert named is not None and named.verb.naming
    assert added is not None and added.verb.particle == "til"


def test_lexicon_nynorsk_reads_the_bokmal_files() -> None:
    assert load_quote_lexicon("nn").verb("sa") is not None


def test_lexicon_language_without_files_still_knows_quote_marks() -> None:
    lexicon = load_quote_lexicon("pl")
    assert ("„", "“") in lexicon.mark_pairs
    assert not lexicon.verb_forms


def test_lexicon_definite_noun_bases() -> None:
    bases = load_quote_lexicon("nb").noun_bases("forsvarsministeren")
    assert "forsvarsminister" in bases


def test_lexicon_resources_of_each_language_load() -> None:
    for lang in resource_languages():
        load_quote_lexicon(lang)
