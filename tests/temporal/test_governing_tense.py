"""A partial date takes the tense of the verb it attaches to, not of another clause's verb.

The parses are written by hand (UD relations as the nlp stage gives them), so the tests check the
resolution logic, not a model."""

from __future__ import annotations

from newsgraph.model import Article, Meta, Span, Token
from newsgraph.temporal import find_times

# A Wednesday late in November: "12 November" is 13 days back, "Monday" two days back.
PUBLISHED = "2026-11-25"

Parse = list[tuple[str, str, str, int]]  # word, UPOS, relation, head index


def _article(text: str, lang: str, parse: Parse | None) -> Article:
    tokens: list[Token] = []
    offset = 0
    for i, (word, pos, dep, head) in enumerate(parse or []):
        start = text.index(word, offset)
        offset = start + len(word)
        tokens.append(
            Token(
                i=i,
                start=start,
                end=offset,
                text=word,
                lemma=word.lower(),
                pos=pos,
                dep=dep,
                head=head,
                sent=0,
            )
        )
    return Article(
        text=text,
        lang=lang,
        meta=Meta(published=PUBLISHED),
        sentences=[Span(start=0, end=len(text), text=text)],
        tokens=tokens,
    )


def _values(text: str, lang: str, parse: Parse | None = None) -> dict[str, str]:
    return {time.text: time.value for time in find_times(_article(text, lang, parse))}


def test_english_past_verb_governs_the_date_not_the_later_future() -> None:
    text = "The ministry announced on November 12 that aid will be provided."
    parse: Parse = [
        ("The", "DET", "det", 1),
        ("ministry", "NOUN", "nsubj", 2),
        ("announced", "VERB", "ROOT", 2),
        ("on", "ADP", "case", 4),
        ("November", "PROPN", "nmod", 5),
        ("12", "NUM", "obl", 2),
        ("that", "SCONJ", "mark", 10),
        ("aid", "NOUN", "nsubj:pass", 10),
        ("will", "AUX", "aux", 10),
        ("be", "AUX", "aux:pass", 10),
        ("provided", "VERB", "ccomp", 2),
        (".", "PUNCT", "punct", 2),
    ]
    assert _values(text, "en", parse) == {"November 12": "2026-11-12"}
    # without a parse the nearest verb decides, and it is the same one
    assert _values(text, "en") == {"November 12": "2026-11-12"}


def test_future_verb_of_the_date_still_looks_ahead() -> None:
    text = "The summit will be held on November 12, officials said."
    parse: Parse = [
        ("The", "DET", "det", 1),
        ("summit", "NOUN", "nsubj:pass", 4),
        ("will", "AUX", "aux", 4),
        ("be", "AUX", "aux:pass", 4),
        ("held", "VERB", "ccomp", 10),
        ("on", "ADP", "case", 6),
        ("November", "PROPN", "nmod", 7),
        ("12", "NUM", "obl", 4),
        (",", "PUNCT", "punct", 10),
        ("officials", "NOUN", "nsubj", 10),
        ("said", "VERB", "ROOT", 10),
        (".", "PUNCT", "punct", 10),
    ]
    assert _values(text, "en", parse) == {"November 12": "2027-11-12"}
    assert _values(text, "en") == {"November 12": "2027-11-12"}


def test_weekday_said_on_monday_that_it_will() -> None:
    text = "Officials said on Monday that they will reopen the border."
    parse: Parse = [
        ("Officials", "NOUN", "nsubj", 1),
        ("said", "VERB", "ROOT", 1),
        ("on", "ADP", "case", 3),
        ("Monday", "PROPN", "obl", 1),
        ("that", "SCONJ", "mark", 7),
        ("they", "PRON", "nsubj", 7),
        ("will", "AUX", "aux", 7),
        ("reopen", "VERB", "ccomp", 1),
        ("the", "DET", "det", 9),
        ("border", "NOUN", "obj", 7),
        (".", "PUNCT", "punct", 1),
    ]
    assert _values(text, "en", parse) == {"Monday": "2026-11-23"}


def test_norwegian_perfect_counts_as_past() -> None:
    # "vil" is nearer to the date than "har", but belongs to the subordinate clause
    text = "Departementet har kunngjort 12. desember at det vil komme mer hjelp."
    parse: Parse = [
        ("Departementet", "NOUN", "nsubj", 2),
        ("har", "AUX", "aux", 2),
        ("kunngjort", "VERB", "ROOT", 2),
        ("12.", "ADJ", "amod", 4),
        ("desember", "NOUN", "obl", 2),
        ("at", "SCONJ", "mark", 8),
        ("det", "PRON", "expl", 8),
        ("vil", "AUX", "aux", 8),
        ("komme", "VERB", "ccomp", 2),
        ("mer", "ADJ", "amod", 10),
        ("hjelp", "NOUN", "obj", 8),
        (".", "PUNCT", "punct", 2),
    ]
    assert _values(text, "nb", parse) == {"12. desember": "2025-12-12"}
    # without a parse "at" is no boundary, but the perfect is not read either: nearest "vil"
    assert _values(text, "nb") == {"12. desember": "2026-12-12"}


def test_norwegian_fronted_date_takes_the_main_verb() -> None:
    text = "Mandag sa statsministeren at regjeringen vil sende flere soldater."
    parse: Parse = [
        ("Mandag", "NOUN", "obl", 1),
        ("sa", "VERB", "ROOT", 1),
        ("statsministeren", "NOUN", "nsubj", 1),
        ("at", "SCONJ", "mark", 6),
        ("regjeringen", "NOUN", "nsubj", 6),
        ("vil", "AUX", "aux", 6),
        ("sende", "VERB", "ccomp", 1),
        ("flere", "ADJ", "amod", 8),
        ("soldater", "NOUN", "obj", 6),
        (".", "PUNCT", "punct", 1),
    ]
    assert _values(text, "nb", parse) == {"Mandag": "2026-11-23"}


def test_german_perfect_with_hat() -> None:
    text = "Das Ministerium hat am 30. November angekündigt, dass es Hilfe geben wird."
    parse: Parse = [
        ("Das", "DET", "det", 1),
        ("Ministerium", "NOUN", "nsubj", 6),
        ("hat", "AUX", "aux", 6),
        ("am", "ADP", "case", 5),
        ("30.", "ADJ", "amod", 5),
        ("November", "NOUN", "obl", 6),
        ("angekündigt", "VERB", "ROOT", 6),
        (",", "PUNCT", "punct", 11),
        ("dass", "SCONJ", "mark", 11),
        ("es", "PRON", "nsubj", 11),
        ("Hilfe", "NOUN", "obj", 11),
        ("geben", "VERB", "ccomp", 6),
        ("wird", "AUX", "aux", 11),
        (".", "PUNCT", "punct", 6),
    ]
    assert _values(text, "de", parse)["am 30. November"] == "2025-11-30"


def test_french_passe_compose_with_a() -> None:
    text = "Le ministère a annoncé le 30 novembre que l'aide sera fournie."
    parse: Parse = [
        ("Le", "DET", "det", 1),
        ("ministère", "NOUN", "nsubj", 3),
        ("a", "AUX", "aux", 3),
        ("annoncé", "VERB", "ROOT", 3),
        ("le", "DET", "det", 6),
        ("30", "NUM", "nummod", 6),
        ("novembre", "NOUN", "obl", 3),
        ("que", "SCONJ", "mark", 11),
        ("l'", "DET", "det", 9),
        ("aide", "NOUN", "nsubj:pass", 11),
        ("sera", "AUX", "aux:pass", 11),
        ("fournie", "VERB", "ccomp", 3),
        (".", "PUNCT", "punct", 3),
    ]
    found = _values(text, "fr", parse)
    assert next(value for key, value in found.items() if "30 novembre" in key) == "2025-11-30"


def test_swedish_and_danish_perfect_with_har() -> None:
    for lang, text, date in (
        ("sv", "Regeringen har sagt den 30 november att hjälp ska ges.", "30 november"),
        ("da", "Regeringen har sagt den 30. november, at der skal gives hjælp.", "30. november"),
    ):
        words = text.rstrip(".").replace(",", "").split()
        # Regeringen har sagt den <day> november att/at ... : the date hangs on "sagt"
        parse: Parse = [
            (words[0], "NOUN", "nsubj", 2),
            ("har", "AUX", "aux", 2),
            ("sagt", "VERB", "ROOT", 2),
            ("den", "DET", "det", 5),
            (words[4], "NUM", "nummod", 5),
            ("november", "NOUN", "obl", 2),
        ]
        found = _values(text, lang, parse)
        assert next(value for key, value in found.items() if date in key) == "2025-11-30", lang


def test_infinitive_takes_the_tense_of_its_governing_verb() -> None:
    # "arrive" has no tense of its own; "is expected to" above it is a future phrase
    text = "The delegation is expected to arrive on Monday, the embassy said."
    parse: Parse = [
        ("The", "DET", "det", 1),
        ("delegation", "NOUN", "nsubj:pass", 3),
        ("is", "AUX", "aux:pass", 3),
        ("expected", "VERB", "ccomp", 11),
        ("to", "PART", "mark", 5),
        ("arrive", "VERB", "xcomp", 3),
        ("on", "ADP", "case", 7),
        ("Monday", "PROPN", "obl", 5),
        (",", "PUNCT", "punct", 11),
        ("the", "DET", "det", 10),
        ("embassy", "NOUN", "nsubj", 11),
        ("said", "VERB", "ROOT", 11),
        (".", "PUNCT", "punct", 11),
    ]
    assert _values(text, "en", parse) == {"Monday": "2026-11-30"}


def test_fallback_prefers_a_verb_of_the_same_clause() -> None:
    # No parse: "opplyste" lies behind a comma, "skal" in the expression's own clause
    text = "Møtet skal holdes 30. november, opplyste departementet."
    assert _values(text, "nb") == {"30. november": "2026-11-30"}


def test_fallback_reads_no_plural_noun_as_a_present_verb() -> None:
    # No parse: "rockets" is no verb, so "launched" decides (and "stopped" lies behind the comma)
    text = "He said militants have launched rockets since Friday, when the army stopped firing."
    assert _values(text, "en") == {"Friday": "2026-11-20"}


def test_a_verb_behind_a_comma_does_not_override_the_own_clause() -> None:
    # The parser hangs the date on "said"; the clause of the date says "will be held"
    text = "The summit will be held on November 12, the ministry said."
    parse: Parse = [
        ("The", "DET", "det", 1),
        ("summit", "NOUN", "nsubj:pass", 4),
        ("will", "AUX", "aux", 4),
        ("be", "AUX", "aux:pass", 4),
        ("held", "VERB", "ROOT", 4),
        ("on", "ADP", "case", 7),
        ("November", "PROPN", "nmod:unmarked", 7),
        ("12", "NUM", "obl", 11),
        (",", "PUNCT", "punct", 7),
        ("the", "DET", "det", 10),
        ("ministry", "NOUN", "nsubj", 11),
        ("said", "VERB", "conj", 4),
        (".", "PUNCT", "punct", 4),
    ]
    assert _values(text, "en", parse) == {"November 12": "2027-11-12"}


def test_a_fronted_date_before_a_comma_keeps_its_verb() -> None:
    # Nothing but the comma lies between "On Monday" and its clause: "said" still decides
    text = "On Monday, officials said that they will reopen the border."
    parse: Parse = [
        ("On", "ADP", "case", 1),
        ("Monday", "PROPN", "obl", 4),
        (",", "PUNCT", "punct", 4),
        ("officials", "NOUN", "nsubj", 4),
        ("said", "VERB", "ROOT", 4),
        ("that", "SCONJ", "mark", 8),
        ("they", "PRON", "nsubj", 8),
        ("will", "AUX", "aux", 8),
        ("reopen", "VERB", "ccomp", 4),
        ("the", "DET", "det", 10),
        ("border", "NOUN", "obj", 8),
        (".", "PUNCT", "punct", 4),
    ]
    assert _values(text, "en", parse) == {"Monday": "2026-11-23"}
