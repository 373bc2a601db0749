"""A report dated by its own sentence to a week after the article's publication ("next week",
"neste uke", "om ei veke") has not happened yet: it is coded as a plan, like one with a day date
after publication (newsgraph.events.coder.EventCoder._dated_plan).

Sentences are written for these tests and run through the whole pipeline with the shipped models.
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor

PUBLISHED = "2024-05-06"


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Prime Minister meets the Russian president next week in Moscow."),
        ("nb", "Statsministeren møter den russiske presidenten i Moskva neste uke."),
        ("nb", "Om en uke arrangerer fagforbundet en stor demonstrasjon foran Stortinget."),
    ],
)
def test_an_act_dated_to_a_later_week_is_planned(
    extractor: Extractor, lang: str, text: str
) -> None:
    events = extractor.extract_text(text, lang=lang, published=PUBLISHED).events
    assert events
    assert all(event.factuality == "planned" for event in events)


@pytest.mark.models
def test_an_act_dated_to_an_earlier_week_stays_a_fact_en(extractor: Extractor) -> None:
    events = extractor.extract_text(
        "The Prime Minister met the Russian president last week in Moscow.",
        lang="en",
        published=PUBLISHED,
    ).events
    assert events
    assert all(event.factuality == "asserted" for event in events)
