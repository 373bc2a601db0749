"""One event, one record: reports of the same event are merged, keeping every evidence span.

Within a sentence, triggers of the same category are one report ("ankom Beijing … for et
offisielt besøk"). Across sentences, two reports are the same event when category and mode agree,
their dates and places do not conflict, their actors stand for the same countries, and something
ties them together: a shared named actor, or the same place on the same date. Then reports of one
occasion are merged whatever their hedging or actors: same category and mode, same countries (two
or more), same place, same day (the meeting and "he hoped his talks would …").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.events.context import TimeReading
from newsgraph.events.trust import confidence_level, level_rank
from newsgraph.model import Event, Location, Span

CONFIDENCE_STEP = 0.05
DAY_LENGTH = len("2024-10-14")
MAX_CONFIDENCE = 0.99


@dataclass
class Candidate:
    """An event report before merging, with what the coder knows about how it was read.

    `stateless_actor`: a named political participant that has no country (the UN, NATO, the
    African Union), so the report stands even when no participant is known by country."""

    event: Event
    time: TimeReading
    frame: str
    paragraph: int
    sentence: int
    intended: str | None = None
    stateless_actor: bool = False
    merged: list[Candidate] = field(default_factory=list)

    @property
    def entity_actors(self) -> set[str]:
        """Entity ids of every participant."""
        return {*self.event.actors, *self.event.source, *self.event.target}


def _unique(*lists: list[str]) -> list[str]:
    return list(dict.fromkeys(item for items in lists for item in items))


def _same_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return False
    if a.entity and b.entity:
        return a.entity == b.entity
    return a.name.casefold() == b.name.casefold()


def _places_agree(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None or _same_place(a, b):
        return True
    return a.country is not None and a.country == b.country


def _modes_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def absorb(base: Candidate, other: Candidate, union_actors: bool = True) -> None:
    """Fold `other` into `base`: evidence, and (optionally) participants; dates and places fill gaps."""
    event = base.event
    if union_actors or not base.entity_actors:
        event.actors = _unique(event.actors, other.event.actors)
        event.source = _unique(event.source, other.event.source)
        event.target = [
            t for t in _unique(event.target, other.event.target) if t not in event.source
        ]
        event.countries = _unique(event.countries, other.event.countries)
    event.mode = event.mode or other.event.mode
    if "asserted" in (event.factuality, other.event.factuality):
        event.factuality = "asserted"
    event.date = event.date or other.event.date
    event.location = event.location or other.event.location
    known = {(span.start, span.end) for span in event.evidence}
    event.evidence += [s for s in other.event.evidence if (s.start, s.end) not in known]
    event.evidence.sort(key=lambda span: span.start)
    event.confidence = min(
        MAX_CONFIDENCE, max(event.confidence, other.event.confidence) + CONFIDENCE_STEP
    )
    # The event is as trustworthy as its best report: keep that report's reasons.
    if level_rank(confidence_level(other.event.confidence_reasons)) > level_rank(
        confidence_level(event.confidence_reasons)
    ):
        event.confidence_reasons = list(other.event.confidence_reasons)
    base.merged.append(other)


def merge_in_sentence(candidates: list[Candidate]) -> list[Candidate]:
    """One record per category in a sentence; the report with the most participants leads.
    Reports placed in different countries stay apart ("protesters in Paris, while demonstrators
    in Finland …" are two protests)."""
    result: list[Candidate] = []
    for candidate in sorted(
        candidates, key=lambda c: -len(c.entity_actors | set(c.event.countries))
    ):
        partner = next(
            (
                kept
                for kept in result
                if kept.event.type == candidate.event.type
                and factualities_agree(kept.event, candidate.event)
                and _dates_agree(kept.event.date, candidate.event.date)
                and _places_agree(kept.event.location, candidate.event.location)
            ),
            None,
        )
        if partner is None:
            result.append(candidate)
        else:
            absorb(partner, candidate, union_actors=False)
    result.sort(key=lambda c: c.event.start)
    return result


def factualities_agree(a: Event, b: Event) -> bool:
    """Reports of one event agree on its factuality; a fact may also be quoted as a claim."""
    pair = {a.factuality, b.factuality}
    return len(pair) == 1 or pair == {"asserted", "claimed"}


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_event(a: Candidate, b: Candidate) -> bool:
    """Whether two reports from different sentences describe one event."""
    ea, eb = a.event, b.event
    if ea.type != eb.type or ea.mode != eb.mode or not factualities_agree(ea, eb):
        return False
    if not _dates_agree(ea.date, eb.date) or not _places_agree(ea.location, eb.location):
        return False
    if ea.countries and eb.countries and set(ea.countries) != set(eb.countries):
        return False
    if a.entity_actors & b.entity_actors:
        return True
    return ea.date is not None and ea.date == eb.date and _same_place(ea.location, eb.location)


def same_occasion(a: Candidate, b: Candidate) -> bool:
    """Whether two reports of one article name the same occasion whatever their wording or
    hedging: same category and mode, the same two or more countries, the same place and the same
    day ("during a meeting with his Chinese counterpart …" and "he hoped his talks in Beijing
    would …"). A denial is never the same report as a fact."""
    ea, eb = a.event, b.event
    if ea.type != eb.type or not _modes_agree(ea.mode, eb.mode):
        return False
    if "negated" in (ea.factuality, eb.factuality) and ea.factuality != eb.factuality:
        return False
    if len(set(ea.countries)) < 2 or set(ea.countries) != set(eb.countries):
        return False
    if ea.date is None or ea.date != eb.date or len(ea.date) < DAY_LENGTH:
        return False
    return _same_place(ea.location, eb.location)


def merge_occasions(candidates: list[Candidate]) -> list[Candidate]:
    """Within one article, reports of the same occasion (same_occasion) become one event holding
    all their evidence; the earliest report leads and keeps its mode."""
    result: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.event.start):
        partner = next((kept for kept in result if same_occasion(kept, candidate)), None)
        if partner is None:
            result.append(candidate)
            continue
        # The leading report keeps its direction; the others' participants join its other side.
        lead, other = partner.event, candidate.event
        source = list(lead.source) or list(other.source)
        absorb(partner, candidate)
        lead.source = source
        lead.target = [t for t in _unique(lead.target, other.source) if t not in source]
    return result


def merge_across(
    candidates: list[Candidate], same: Callable[[Candidate, Candidate], bool] = same_event
) -> list[Candidate]:
    """Merge reports of one event from different sentences, in text order."""
    result: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.event.start):
        partner = next((kept for kept in result if same(kept, candidate)), None)
        if partner is None:
            result.append(candidate)
        else:
            absorb(partner, candidate)
    return result


def fold_announcements(candidates: list[Candidate]) -> list[Candidate]:
    """An announced event that the article also reports as happening is part of that event
    ("ankom Beijing …" + "vil føre samtaler med …"): its sentence becomes evidence, no AGREE."""
    result: list[Candidate] = []
    for candidate in candidates:
        happening = next(
            (
                other
                for other in candidates
                if candidate.intended is not None
                and other.intended is None
                and other.event.type == candidate.intended
                and other.entity_actors & candidate.entity_actors
            ),
            None,
        )
        if happening is None:
            result.append(candidate)
        else:
            absorb(happening, candidate, union_actors=False)
    return result


def evidence_span(text: str, start: int, end: int) -> Span:
    """A Span of the article text."""
    return Span(start=start, end=end, text=text[start:end])
