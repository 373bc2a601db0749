"""The page's own date, for articles whose metadata has none."""

from __future__ import annotations

from newsgraph.temporal import find_document_date, locate_document_date


def test_dateline_with_cue_and_clock_time() -> None:
    text = "Nyheter\nPublisert 14.10.2024 kl. 10:15\n\nRegjeringen la fram budsjettet i går."
    assert find_document_date(text, "nb") == "2024-10-14"


def test_cue_beats_an_earlier_date_in_the_body() -> None:
    text = (
        "The treaty signed on 3 May 2001 was discussed again.\n"
        "Updated: March 5, 2024 09:12 GMT\n"
        "Ministers met in Geneva."
    )
    found = locate_document_date(text, "en")
    assert found is not None and found.value == "2024-03-05"
    assert "dateline cue" in found.reason


def test_dated_caption() -> None:
    body = "Lang tekst om forhandlingene. " * 30
    text = body + "\nStatsministeren i Oslo 2. februar 2023. Foto: NTB\n" + body
    assert find_document_date(text, "nb") == "2023-02-02"


def test_a_date_deep_in_the_body_is_news_not_the_page_date() -> None:
    body = "Forhandlingene fortsatte hele uken uten at partene kom nærmere. " * 20
    text = body + "Avtalen fra 24. februar 2022 ble nevnt i debatten." + body
    assert find_document_date(text, "nb") is None


def test_dates_without_a_year_are_not_page_dates() -> None:
    assert find_document_date("Publisert 14. oktober kl. 10:15", "nb") is None


def test_no_date_at_all() -> None:
    assert find_document_date("Ingen dato her.", "nb") is None
