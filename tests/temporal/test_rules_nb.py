"""Norwegian rule families, resolved against a Monday anchor (2024-10-14) unless stated."""

from __future__ import annotations

import pytest

from newsgraph.temporal import Anchor, normalise_phrase, tag

ANCHOR = "2024-10-14"


def value(phrase: str, tense: str | None = None, anchor: str | None = ANCHOR) -> str | None:
    found = normalise_phrase(phrase, "nb", anchor, tense)  # type: ignore[arg-type]
    return found.value if found else None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("14. oktober 2024", "2024-10-14"),
        ("den 3. mars 2015", "2015-03-03"),
        ("tirsdag 5. november 2024", "2024-11-05"),
        ("14.04.2015", "2015-04-14"),
        ("2015-03-03", "2015-03-03"),
        ("31.10.74", "1974-10-31"),
    ],
)
def test_full_dates(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


def test_day_and_month_take_the_year_from_the_tense() -> None:
    assert value("2. desember", "past") == "2023-12-02"
    assert value("2. desember", "future") == "2024-12-02"
    assert value("14. oktober", "past") == "2024-10-14"


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("i august", "past", "2024-08"),
        ("i august", "future", "2025-08"),
        ("i mars", None, "2025-03"),
        ("tidlig april", "past", "2024-04"),
        ("i slutten av november", "future", "2024-11"),
        ("august 2020", None, "2020-08"),
        ("i mai i fjor", None, "2023-05"),
        ("neste mars", None, "2025-03"),
    ],
)
def test_months(phrase: str, tense: str | None, expected: str) -> None:
    assert value(phrase, tense) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("forrige måned", "2024-09"),
        ("Tidligere denne måneden", "2024-10"),
        ("neste uke", "2024-W43"),
        ("i forrige uke", "2024-W41"),
        ("dette kvartalet", "2024-Q4"),
        ("neste år", "2025"),
        ("i fjor", "2023"),
        ("i år", "2024"),
        ("forrige helg", "2024-W41-WE"),
        ("i slutten av måneden", "2024-10"),
    ],
)
def test_units_counted_from_the_anchor_keep_their_granularity(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("i dag", "2024-10-14"),
        ("i går", "2024-10-13"),
        ("i morgen", "2024-10-15"),
        ("i forgårs", "2024-10-12"),
        ("i kveld", "2024-10-14TEV"),
        ("i går kveld", "2024-10-13TEV"),
        ("i morgen tidlig", "2024-10-15TMO"),
    ],
)
def test_deictic_days(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("torsdag", "past", "2024-10-10"),
        ("torsdag", "future", "2024-10-17"),
        ("mandag", "past", "2024-10-14"),
        ("fredag morgen", "past", "2024-10-11TMO"),
        ("forrige søndag", None, "2024-10-13"),
        ("neste tirsdag", None, "2024-10-15"),
        ("onsdag neste uke", None, "2024-10-23"),
    ],
)
def test_weekdays_follow_the_tense(phrase: str, tense: str | None, expected: str) -> None:
    assert value(phrase, tense) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("for tre år siden", "2021"),
        ("to måneder siden", "2024-08"),
        ("for 10 dager siden", "2024-10-04"),
        ("om to uker", "2024-W44"),
        ("for flere år siden", "PAST_REF"),
    ],
)
def test_offsets_are_written_at_the_unit_the_text_names(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected_type", "expected"),
    [
        ("tre tiår", "DURATION", "P30Y"),
        ("15 dager", "DURATION", "P15D"),
        ("flere måneder", "DURATION", "PXM"),
        ("en halv time", "DURATION", "PT0.5H"),
        ("de siste tre årene", "DURATION", "P3Y"),
        ("annethvert år", "SET", "P2Y"),
        ("hver uke", "SET", "P1W"),
        ("hver mandag", "SET", "XXXX-WXX-1"),
    ],
)
def test_durations_and_sets(phrase: str, expected_type: str, expected: str) -> None:
    found = normalise_phrase(phrase, "nb", ANCHOR)
    assert found is not None and (found.type, found.value) == (expected_type, expected)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("kl. 15", "2024-10-14T15:00"),
        ("klokken 10.25", "2024-10-14T10:25"),
        ("10.25", "2024-10-14T10:25"),
        ("kvart over 15", "2024-10-14T15:15"),
        ("kvart på 12", "2024-10-14T11:45"),
        ("i morgen klokken 17", "2024-10-15T17:00"),
    ],
)
def test_clock_times(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("i vår", "past", "2024-SP"),
        ("i vinter", "future", "2025-WI"),
        ("sommeren 2023", None, "2023-SU"),
        ("høsten i fjor", None, "2023-FA"),
        ("neste sommer", None, "2025-SU"),
        ("1990-tallet", None, "199"),
        ("tredje kvartal", None, "2024-Q3"),
        ("uke 42", None, "2024-W42"),
        ("julaften", "future", "2024-12-24"),
        ("andre påskedag 2024", None, "2024-04-01"),
        ("siste mandag i mars", "past", "2024-03-25"),
    ],
)
def test_seasons_decades_quarters_weeks_holidays(
    phrase: str, tense: str | None, expected: str
) -> None:
    assert value(phrase, tense) == expected


def test_a_year_needs_a_year_context() -> None:
    text = "Det var første gang siden 2018 at 2000 soldater deltok, og 1500 mennesker så på."
    found = tag(text, "nb", Anchor.parse(ANCHOR))
    assert [(t.text, t.value) for t in found] == [("2018", "2018")]


def test_capitalised_month_and_weekday_names_mid_sentence_are_names() -> None:
    text = "Han snakket med Mai Thi og August Hansen."
    assert tag(text, "nb", Anchor.parse(ANCHOR)) == []


def test_sentence_initial_capitals_still_count() -> None:
    found = tag("Torsdag ble det kjent. I august kom svaret.", "nb", Anchor.parse(ANCHOR))
    assert [t.text for t in found] == ["Torsdag", "I august"]


def test_quantities_with_full_stops_are_not_times_or_dates() -> None:
    text = "Over 20.000 soldater og 10.000 kjøretøy, 12.5 prosent flere."
    assert tag(text, "nb", Anchor.parse(ANCHOR)) == []


def test_full_stop_ending_a_sentence_is_not_part_of_the_date() -> None:
    found = tag("Øvelsen varer til 14. mars.", "nb", Anchor.parse(ANCHOR))
    assert [t.text for t in found] == ["14. mars"]


def test_without_an_anchor_relative_values_stay_relative() -> None:
    cases = {
        "i august": "XXXX-08",
        "mandag": "XXXX-WXX-1",
        "14. mars": "XXXX-03-14",
        "i går": "PAST_REF",
        "neste uke": "FUTURE_REF",
        "kl. 15": "XXXX-XX-XXT15:00",
    }
    for phrase, expected in cases.items():
        found = normalise_phrase(phrase, "nb", None)
        assert found is not None and found.value == expected and not found.anchored, phrase


def test_without_an_anchor_absolute_values_are_kept() -> None:
    found = normalise_phrase("august 2020", "nb", None)
    assert found is not None and found.value == "2020-08" and found.anchored


def test_compounds_and_section_numbers_are_not_times() -> None:
    text = "Etter 2018-valget, i vinter- og vårmånedene, står det i punkt 11.4 Vurderinger."
    found = tag(text, "nb", Anchor.parse(ANCHOR))
    assert [(t.text, t.value) for t in found] == []


def test_decades_written_with_aarene() -> None:
    assert value("1960-årene") == "196"


def test_nynorsk_falls_back_to_bokmaal_with_its_own_forms() -> None:
    cases = {"førre veke": "2024-W41", "for tre år sidan": "2021", "i morgon": "2024-10-15"}
    for phrase, expected in cases.items():
        found = normalise_phrase(phrase, "nn", ANCHOR)
        assert found is not None and found.value == expected, phrase
