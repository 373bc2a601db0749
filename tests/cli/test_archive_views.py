"""How the CLI draws story-level events (newsgraph.cli.archive_views)."""

from __future__ import annotations

from rich.console import Console

from newsgraph.archive.records import StoryEvent, StoryReport
from newsgraph.cli.archive_views import render_events


def _report(article_id: str, event_id: str) -> StoryReport:
    return StoryReport(
        article_id=article_id,
        event_id=event_id,
        title="Ministers meet",
        lang="en",
        published="2024-10-14",
        publisher=None,
        source_url=None,
        date="2024-10-14",
        countries=["CHN", "RUS"],
        evidence="The ministers met in Beijing.",
        reason="first report",
    )


def _story(*reports: StoryReport) -> StoryEvent:
    return StoryEvent(
        story_id="s1",
        type="CONSULT",
        date_start="2024-10-14",
        date_end="2024-10-14",
        countries=["CHN", "RUS"],
        actors=["Dong Jun"],
        report_count=len(reports),
        languages=["en"],
        reports=list(reports),
    )


def _drawn(story: StoryEvent) -> str:
    console = Console(record=True, width=200)
    render_events(console, [story])
    return console.export_text()


def test_two_reports_of_one_article_say_so() -> None:
    drawn = _drawn(_story(_report("a1", "e1"), _report("a1", "e2")))
    assert "2 reports in 1 article (en)" in drawn


def test_reports_of_as_many_articles_are_counted_plainly() -> None:
    drawn = _drawn(_story(_report("a1", "e1"), _report("a2", "e1")))
    assert "2 reports (en)" in drawn and "article (" not in drawn
