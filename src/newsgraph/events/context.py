"""Where and when an event happened, as far as its own sentence tells.

Date: the time expression governing the trigger (same clause first, then nearest in the sentence).
A relational expression ("siden 2018", "shortly before the war") or one the times stage could not
anchor leaves the event undated and blocks every fallback; so do background cues ("siden den gang",
"a series of") and the perfect tense. The article-level fallbacks (paragraph date, a related
event's date, the publication date for events reported as happening now) live in the coder.

Place: the first place candidate of the trigger's arguments, geocoded from its entity or, failing
that, through the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.events.actors import ActorMention
from newsgraph.events.clauses import Clauses
from newsgraph.events.geo import Geo
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.triggers import TriggerMatch
from newsgraph.events.words import WORD_RE, SentenceView, Word
from newsgraph.model import Article, Location, TimeExpr

CONCRETE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?(T.*)?$")
DATING_TYPES = ("DATE", "TIME")
PERFECT_WINDOW = 4
BACKGROUND_WINDOW = 6
VERB_POS = ("VERB", "AUX")


@dataclass(frozen=True)
class TimeReading:
    """What the sentence says about an event's time."""

    date: str | None = None
    blocked: bool = False
    background: bool = False
    present: bool = False


def concrete_date(expression: TimeExpr) -> str | None:
    """The calendar value of an anchored date/time expression (a datetime keeps its date only)."""
    if expression.type not in DATING_TYPES or not expression.anchored:
        return None
    if not CONCRETE.match(expression.value):
        return None
    return expression.value.split("T")[0]


def is_relational(view: SentenceView, lexicon: Lexicon, first_word: int) -> bool:
    """Whether a time expression is introduced by "siden", "since", "before", ... ."""
    relational = lexicon.cue("time_relational")
    for back in (1, 2):
        index = first_word - back
        if index >= 0:
            found = relational.starts_at(view.words, index)
            if found is not None and found[-1] == first_word - 1:
                return True
    return relational.starts_at(view.words, first_word) is not None


def relational_before(text: str, start: int, lexicon: Lexicon) -> bool:
    """Whether the words just before offset `start` are a relational time word ("siden", "since")."""
    pieces = list(WORD_RE.finditer(text, max(0, start - 30), start))[-2:]
    words = [
        Word(index=n, start=m.start(), end=m.end(), text=m.group(), lower=m.group().lower())
        for n, m in enumerate(pieces)
    ]
    relational = lexicon.cue("time_relational")
    for index in range(len(words)):
        found = relational.starts_at(words, index)
        if found is not None and found[-1] == len(words) - 1:
            return True
    return False


def outside_quote(quoted: Sequence[tuple[int, int]], offset: int, trigger: int) -> bool:
    """Whether a time expression at `offset` may date a trigger at `trigger`: a time inside a
    quotation dates only what the quotation itself reports ("'… how many kids did you kill
    today?'" does not date the protest around it)."""
    return not any(lo <= offset < hi and not lo <= trigger < hi for lo, hi in quoted)


def _times_in(
    article: Article, view: SentenceView, quoted: Sequence[tuple[int, int]], trigger: int
) -> list[tuple[int, TimeExpr]]:
    found = []
    for expression in (t for t in article.times if t.in_body):
        if not outside_quote(quoted, expression.start, trigger):
            continue
        if view.start <= expression.start < view.end and expression.type in DATING_TYPES:
            index = view.word_at(expression.start)
            if index is None:
                words = view.words_in(expression.start, expression.end)
                index = words[0] if words else None
            if index is not None:
                found.append((index, expression))
    return found


def _is_perfect(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    perfect = lexicon.cue("perfect")
    lo = max(0, match.first - PERFECT_WINDOW)
    for index in range(lo, match.first):
        if not perfect.matches_word(view.words[index]):
            continue
        following = view.words[index + 1 : match.first + 1]
        if any(w.pos == "VERB" for w in following[:2]):
            return True
        if not view.has_deps and len(following) == 1:
            return True
    return False


def _is_present(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    lo, hi = clauses.span_of(match.anchor)
    if lexicon.cue("present").spans(view.words, lo, hi):
        return True
    verbs = lexicon.cue("present_verbs")
    for index in range(max(lo, match.first - 2), match.last + 1):
        word = view.words[index]
        if word.pos in VERB_POS and verbs.matches_word(word):
            return True
    return False


def read_time(
    article: Article,
    view: SentenceView,
    clauses: Clauses,
    lexicon: Lexicon,
    match: TriggerMatch,
    quoted: Sequence[tuple[int, int]] = (),
) -> TimeReading:
    """The event's date according to its own sentence, and whether fallbacks may date it."""
    lo, hi = clauses.span_of(match.anchor)
    near_lo, near_hi = (
        max(lo, match.first - BACKGROUND_WINDOW),
        min(hi, match.last + BACKGROUND_WINDOW),
    )
    background = bool(lexicon.cue("background").spans(view.words, near_lo, near_hi))
    background = background or _is_perfect(view, lexicon, match)
    present = _is_present(view, clauses, lexicon, match)
    candidates = _times_in(article, view, quoted, view.words[match.anchor].start)
    if not candidates:
        return TimeReading(background=background, present=present)
    anchor = match.anchor
    candidates.sort(key=lambda item: (not lo <= item[0] < hi, abs(item[0] - anchor)))
    index, expression = candidates[0]
    if not lo <= index < hi:
        # A time of another clause dates that clause's event, not an earlier one it looks back
        # on: "On Friday officials said the military had moved troops", "said Saturday …, after
        # Islamabad moved troops".
        if _is_perfect(view, lexicon, match):
            return TimeReading(background=True, present=present)
        if lexicon.cue("time_relational").starts_at(view.words, lo) is not None:
            return TimeReading(blocked=True, background=background)
    if is_relational(view, lexicon, index):
        return TimeReading(blocked=True, background=True)
    date = concrete_date(expression)
    if date is None:
        return TimeReading(blocked=True, background=background)
    return TimeReading(date=date, background=background, present=present)


def locate(article: Article, view: SentenceView, mention: ActorMention, geo: Geo) -> Location:
    """Geocode a place mention: its entity's coordinates and country, else the gazetteer's."""
    entity = article.entity(mention.entity)
    text = article.text[view.words[mention.first].start : view.words[mention.last].end]
    name = entity.name if entity is not None else text
    location = Location(
        name=name,
        country=mention.countries[0] if mention.countries else None,
        lat=entity.lat if entity is not None else None,
        lon=entity.lon if entity is not None else None,
        entity=mention.entity,
    )
    if location.lat is None or location.country is None:
        found = geo.place(name) or geo.place(text)
        if found is not None:
            location = location.model_copy(
                update={
                    "lat": location.lat if location.lat is not None else found.lat,
                    "lon": location.lon if location.lon is not None else found.lon,
                    "country": location.country or found.country,
                }
            )
    return location


# "SINGAPORE (Reuters) - …", "OSLO (NTB): …", "BEIJING, Oct 14 (Reuters) – …": an upper-case
# place opening the text, then an optional date and agency, then a dash or colon.
DATELINE = re.compile(
    r"^\s*([A-ZÆØÅÄÖÜ][A-ZÆØÅÄÖÜ .'\-]{1,40}?)(?:,[^()\n]{0,30})?\s*(?:\([^()\n]{1,40}\))?\s*[-–—:]\s"
)


def dateline_name(text: str) -> str | None:
    """The place of a dateline opening the text, in title case ("SINGAPORE" -> "Singapore")."""
    found = DATELINE.match(text[:120])
    if found is None:
        return None
    return " ".join(part.capitalize() for part in found.group(1).split())


def place_from_name(name: str, geo: Geo, article: Article) -> Location | None:
    """Geocode a bare place name such as a dateline, linking the article's entity of that name."""
    entity = next(
        (
            e
            for e in article.entities
            if e.type in ("GPE", "LOC")
            and name.casefold() in {e.name.casefold(), *(m.text.casefold() for m in e.mentions)}
        ),
        None,
    )
    found = geo.place(name)
    if entity is None and found is None:
        return None
    return Location(
        name=entity.name if entity is not None else name,
        country=(entity.country if entity is not None else None)
        or (found.country if found else None),
        lat=(entity.lat if entity is not None else None) or (found.lat if found else None),
        lon=(entity.lon if entity is not None else None) or (found.lon if found else None),
        entity=entity.id if entity is not None else None,
    )
