"""The events stage: registration, declared layers, fallbacks, provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from events.builders import Ent, Time, make_article

from newsgraph.api import Extractor
from newsgraph.evaluate.events import score_events
from newsgraph.pipeline import create_stage
from newsgraph.settings import Settings
from newsgraph.stages.events import EventsStage


def test_events_stage_is_registered_with_its_layers() -> None:
    stage = create_stage("events", Settings())
    assert isinstance(stage, EventsStage)
    assert stage.requires == ("text", "lang", "sentences", "tokens", "entities", "times")
    assert stage.provides == ("events",)


def test_stage_codes_events_without_tokens_and_records_the_lexicon() -> None:
    article = make_article(
        "Norway and Sweden held talks in Oslo on Monday.",
        "en",
        [Ent("Norway", "GPE", "NOR"), Ent("Sweden", "GPE", "SWE"), Ent("Oslo", "GPE", "NOR")],
        [Time("Monday", "2025-03-10")],
    )
    stage = EventsStage(Settings())
    stage.setup()
    stage(article)
    assert [(e.id, e.type, e.date) for e in article.events] == [("ev1", "CONSULT", "2025-03-10")]
    assert set(article.events[0].countries) == {"NOR", "SWE"}
    assert article.events[0].location is not None
    assert article.events[0].location.name == "Oslo"
    assert "events:en" in article.provenance.lexicons


def test_language_without_a_lexicon_gets_no_events() -> None:
    article = make_article("Norge og Sverige holdt samtaler.", "xx", [])
    EventsStage(Settings())(article)
    assert article.events == []


def test_nynorsk_article_is_coded_with_the_bokmaal_lexicon() -> None:
    article = make_article(
        "Noreg og Sverige heldt samtalar. Kina og Russland ble enige om handel.",
        "nn",
        [Ent("Kina", "GPE", "CHN"), Ent("Russland", "GPE", "RUS")],
    )
    EventsStage(Settings())(article)
    assert [e.type for e in article.events] == ["AGREE"]


def test_setting_event_gate_switches_the_precision_gate_on() -> None:
    text = "Norway has not said whether it could hold talks with Sweden, and it never held talks."
    names = [Ent("Norway", "GPE", "NOR"), Ent("Sweden", "GPE", "SWE")]
    plain, gated = make_article(text, "en", names), make_article(text, "en", names)
    EventsStage(Settings())(plain)
    EventsStage(Settings(event_gate=True))(gated)
    assert plain.events
    assert len(gated.events) < len(plain.events)


@pytest.mark.models
def test_reference_article_events_match_the_gold(shared_dir: Path) -> None:
    """Done criterion of the events issue: visit, meeting and both exercises, nothing undated
    given a date; event layer recall 1.0 and precision at least 0.8 on the reference gold."""
    gold_file = shared_dir / "gold" / "nb" / "nguoiduatin-belousov-beijing.gold.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    text = (shared_dir / gold["doc"]).read_text(encoding="utf-8")
    article = Extractor().extract_text(text, published=gold["meta"]["published"])
    counts = score_events(article, gold).counts
    assert counts.recall == 1.0
    assert counts.precision >= 0.8
    found = {(e.type, e.mode, e.date) for e in article.events}
    assert ("CONSULT", "visit", "2024-10-14") in found
    assert ("CONSULT", "meeting", "2024-10-14") in found
    assert ("COOPERATE", "military", "2024-09") in found
    assert ("COOPERATE", "military", "2024-10") in found
    for event in article.events:
        assert event.evidence
        if event.type == "CONSULT":
            assert {"RUS", "CHN"} <= set(event.countries)
            assert event.location is not None and event.location.name == "Beijing"
