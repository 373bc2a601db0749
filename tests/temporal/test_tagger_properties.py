"""Properties of the tagger over any anchor: relative phrases round-trip, values are valid TIMEX3."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.temporal import Anchor, is_valid_timex, normalise_phrase, tag

ANCHORS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
COUNTS = st.integers(min_value=2, max_value=60)
PHRASES = {
    "nb": [
        "i går",
        "i dag",
        "i morgen",
        "forrige måned",
        "neste uke",
        "i fjor",
        "i år",
        "mandag",
        "fredag morgen",
        "14. oktober",
        "i august",
        "tidlig april",
        "for tre år siden",
        "i vår",
        "i kveld",
        "tre tiår",
        "neste år",
        "i forrige uke",
        "Tidligere denne måneden",
        "kl. 15",
        "hver uke",
        "om to uker",
        "julaften",
        "siste mandag i mars",
        "forrige helg",
    ],
    "en": [
        "yesterday",
        "today",
        "tomorrow",
        "last month",
        "next week",
        "last year",
        "this year",
        "on Tuesday",
        "Monday morning",
        "3 March",
        "March 3",
        "in August",
        "early July",
        "two years ago",
        "this summer",
        "tonight",
        "three decades",
        "earlier this month",
        "3pm",
        "every week",
        "in two weeks",
        "Christmas",
        "last Monday of March",
        "last weekend",
    ],
}


@settings(max_examples=60, deadline=None)
@given(ANCHORS, COUNTS)
def test_days_ago_round_trip(anchor: dt.date, count: int) -> None:
    found = normalise_phrase(f"for {count} dager siden", "nb", Anchor(anchor))
    assert found is not None
    assert dt.date.fromisoformat(found.value) == anchor - dt.timedelta(days=count)


@settings(max_examples=60, deadline=None)
@given(ANCHORS, COUNTS)
def test_months_ago_round_trip(anchor: dt.date, count: int) -> None:
    found = normalise_phrase(f"{count} months ago", "en", Anchor(anchor))
    assert found is not None and len(found.value) == 7
    year, month = int(found.value[:4]), int(found.value[5:])
    assert (anchor.year * 12 + anchor.month) - (year * 12 + month) == count


@settings(max_examples=60, deadline=None)
@given(ANCHORS, COUNTS)
def test_years_from_now_round_trip(anchor: dt.date, count: int) -> None:
    found = normalise_phrase(f"om {count} år", "nb", Anchor(anchor))
    assert found is not None and found.value == f"{anchor.year + count:04d}"


@settings(max_examples=60, deadline=None)
@given(ANCHORS, COUNTS)
def test_weeks_ahead_round_trip(anchor: dt.date, count: int) -> None:
    found = normalise_phrase(f"in {count} weeks", "en", Anchor(anchor))
    assert found is not None
    year, week = int(found.value[:4]), int(found.value[6:])
    monday = dt.date.fromisocalendar(year, week, 1)
    assert (monday - (anchor - dt.timedelta(days=anchor.isoweekday() - 1))).days == 7 * count


@settings(max_examples=40, deadline=None)
@given(ANCHORS, st.sampled_from(["nb", "en"]), st.sampled_from([None, "past", "future"]))
def test_every_value_is_valid_timex(anchor: dt.date, lang: str, tense: str | None) -> None:
    for phrase in PHRASES[lang]:
        found = normalise_phrase(phrase, lang, Anchor(anchor), tense)  # type: ignore[arg-type]
        assert found is not None, phrase
        assert is_valid_timex(found.value), (phrase, found.value)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["nb", "en"]))
def test_unanchored_values_are_valid_timex(lang: str) -> None:
    for phrase in PHRASES[lang]:
        found = normalise_phrase(phrase, lang, None)
        assert found is not None and is_valid_timex(found.value), phrase


@settings(max_examples=60, deadline=None)
@given(ANCHORS)
def test_last_month_is_always_a_month(anchor: dt.date) -> None:
    for phrase, lang in (("forrige måned", "nb"), ("last month", "en")):
        found = normalise_phrase(phrase, lang, Anchor(anchor))
        assert found is not None and len(found.value) == 7 and found.value[4] == "-"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 .,:/-abcdeijklmnorstuvæøå"), max_size=40))
def test_arbitrary_text_never_breaks_the_tagger(text: str) -> None:
    for found in tag(text, "nb", Anchor(dt.date(2024, 10, 14))):
        assert text[found.start : found.end] == found.text
        assert is_valid_timex(found.value)
