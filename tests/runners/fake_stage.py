"""A rule-based stand-in for the extraction stages, so runner tests need no trained models.

It fills entities, a quote and a CONSULT event from a fixed list of names, and can sleep per
article (FAKE_STAGE_DELAY seconds) so a test has time to kill an ingest midway. A text holding
REFUSE gets a quote without a kind, which the archive refuses to store; one holding CRASH gets a
quote without text, which the worker cannot even turn into rows. One holding DIE_ONCE ends its
process the first time it is seen (FAKE_STAGE_DIE_MARKER names the file that remembers it), so a
test can watch a Ray worker die and its batch be retried.
"""

from __future__ import annotations

import os
import re
import time
from typing import ClassVar

from newsgraph.model import Article, Entity, Event, Quote, Span
from newsgraph.pipeline import register_stage
from newsgraph.settings import Settings

PEOPLE = {
    "Kari Holm": "NOR",
    "Jonas Berg": "NOR",
    "Li Wei": "CHN",
    "Anna Petrova": "RUS",
    "John Carter": "USA",
    "Marie Dubois": "FRA",
}
QUOTE = re.compile(r'"([^"]+)"')
DAY = re.compile(r"\b(\d{1,2}) October\b")


def _die_once() -> None:
    marker = os.environ.get("FAKE_STAGE_DIE_MARKER", "")
    if marker and not os.path.exists(marker):
        with open(marker, "w", encoding="utf-8") as written:
            written.write(str(os.getpid()))
        os._exit(1)


@register_stage("fake_layers")
class FakeLayers:
    """Entities, quotes and events by simple rules."""

    name: ClassVar[str] = "fake_layers"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("entities", "quotes", "events")

    def __init__(self, settings: Settings) -> None:
        self.delay = float(os.environ.get("FAKE_STAGE_DELAY", "0"))

    def setup(self) -> None:
        """Nothing to load."""

    def __call__(self, article: Article) -> Article:
        time.sleep(self.delay)
        text = article.text
        if "DIE_ONCE" in text:
            _die_once()
        for index, (name, country) in enumerate(PEOPLE.items()):
            spans = [Span(start=m.start(), end=m.end(), text=name) for m in re.finditer(name, text)]
            if spans:
                article.entities.append(
                    Entity(id=f"p{index}", name=name, type="PER", country=country, mentions=spans)
                )
        people = [e.id for e in sorted(article.entities, key=lambda e: e.mentions[0].start)]
        if (quote := QUOTE.search(text)) and people:
            article.quotes.append(
                Quote(
                    text=quote[1],
                    start=quote.start(1),
                    end=quote.end(1),
                    kind="direct",
                    speaker=people[0],
                )
            )
        if "REFUSE" in text and article.quotes:
            # A broken record (assignment is not validated) that the archive's schema refuses.
            article.quotes[0].kind = None  # type: ignore[assignment]
        if "CRASH" in text and article.quotes:
            # A record so broken that turning it into rows fails in the worker.
            article.quotes[0].text = None  # type: ignore[assignment]
        if len(people) >= 2:
            day = DAY.search(text)
            countries = sorted({e.country for e in article.entities if e.country})
            first = text.split(".")[0] + "."
            article.events.append(
                Event(
                    id="ev1",
                    type="CONSULT",
                    actors=people[:2],
                    source=people[:1],
                    target=people[1:2],
                    countries=countries,
                    date=f"2024-10-{int(day[1]):02d}" if day else None,
                    start=0,
                    end=len(first),
                    evidence=[Span(start=0, end=len(first), text=first)],
                )
            )
        return article


def load_in_worker() -> None:
    """A Ray worker process setup hook: importing this module registered the stage."""
