"""Quotations: who said what, to whom — direct, partial and indirect speech.

`extract_quotes(article)` is the entry point; the stage `newsgraph.stages.quotes` wraps it. The
modules split the work: `marks` (quote marks, pure text), `document` (paragraphs, quote-aware
sentences, words), `lexicon` (the language files), `cues` (speech verbs and attribution phrases
with their speakers and addressees), `speakers` (names, pronouns and role nouns to entities),
`phrases` (speaker and addressee phrases around a verb), `direct` (quotes in marks and dash
lines), `indirect` (reported clauses) and `extract`.
"""

from newsgraph.quotes.extract import extract_quotes
from newsgraph.quotes.lexicon import QuoteLexicon, load_quote_lexicon

__all__ = ["QuoteLexicon", "extract_quotes", "load_quote_lexicon"]
