"""Temporal tagging and normalisation: find date and time expressions and give each a TIMEX3 value
anchored on the article's publication date.

    grammar.py   loads resources/<lang>/time.toml (words, patterns) into compiled rules
    tagger.py    runs the rules over text, keeps the best non-overlapping matches
    spec.py      what an expression states (TimeSpec), independent of language
    resolve.py   places a spec on the calendar given an anchor and a direction
    normalise.py pure date arithmetic and TIMEX3 value formatting
    tense.py     the verb tense around an expression, which picks past or future readings
    docdate.py   the page's own date from datelines, for articles without metadata
    article.py   all of the above over an Article
"""

from __future__ import annotations

from newsgraph.temporal.article import find_times
from newsgraph.temporal.docdate import DocumentDate, find_document_date, locate_document_date
from newsgraph.temporal.normalise import Anchor, is_valid_timex
from newsgraph.temporal.tagger import Tagged, normalise_phrase, tag

__all__ = [
    "Anchor",
    "DocumentDate",
    "Tagged",
    "find_document_date",
    "find_times",
    "is_valid_timex",
    "locate_document_date",
    "normalise_phrase",
    "tag",
]
