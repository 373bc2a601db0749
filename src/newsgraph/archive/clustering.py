"""Story-level events: reports of the same real-world happening, across articles and languages.

A report joins a story only when everything an analyst would check agrees with the story's first
report (its anchor):

- the PLOVER category;
- the dyad: when both reports say who acted on whom, the initiators share an actor or a country
  and so do the recipients (either way round for categories without a direction, such as
  CONSULT); when either report has only one side, they must share the same set of actor
  countries (one report's may be part of the other's when the same named initiator is in both)
  and preferably a named actor, since a country alone is shared by every domestic story of a
  week;
- the place, where both give a country for it;
- the date: the two date ranges lie within a window of days, and both are precise (an event dated
  only to a month or year could be any meeting in it);
- the words: the evidence sentences must tell the same thing, measured on two token sets: names
  and numbers (language-neutral: entity keys are canonical names, so "Russland" and "Russia"
  meet) and, for two reports in one language, content words. Either set's overlap coefficient
  must reach the rule's threshold. A meeting between the same named parties on one day needs no
  shared words, only evidence that does not disagree.

Comparing with the anchor rather than the growing story keeps stories from drifting one small step
at a time into something else. Every merge keeps its reason: which of these held, and how well.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
WORD = re.compile(r"\w+")
# An event dated only to a month or a year could be any meeting in it: it gets a story of its own.
MAX_ANCHOR_DAYS = 7
# Content words: long enough to skip most function words of nb and en, cut to a common stem so
# "sanctions"/"sanctioned" and "sanksjonene"/"sanksjoner" meet.
MIN_WORD = 5
STEM = 6
# Initiator and recipient may swap between reports of these categories ("A met B", "B hosted A").
UNDIRECTED = frozenset({"CONSULT", "AGREE", "COOPERATE"})
COUNTRY_MARK = "@"
MIN_SHARED = 2
# Content-word stems are shared by unrelated sentences on one topic more often than names and
# numbers are ("investigation", "impeachment"): their overlap must be this much higher.
WORDS_MARGIN = 0.1
# A surname alone stands for a full name only when it is this long ("Li" names too many people).
MIN_SURNAME = 4


@dataclass(frozen=True)
class ClusterRule:
    """The knobs of the merge rule."""

    window_days: int = 3
    min_similarity: float = 0.3


@dataclass(frozen=True)
class EventSignature:
    """What the rule looks at in one reported event.

    `source` and `target` hold the keys of each side (actor keys and `@` + country code),
    `others` those of actors on no side;
    `names` the language-neutral tokens of the evidence, `words` its content-word stems.
    """

    type: str
    countries: frozenset[str]
    actors: frozenset[str]
    start: date | None
    end: date | None
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    place: str | None = None
    names: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    lang: str | None = None
    others: frozenset[str] = frozenset()

    @property
    def participants(self) -> frozenset[str]:
        """Keys of every side, and of actors on no side."""
        return self.source | self.target | self.others

    @property
    def directed(self) -> bool:
        """Whether the report says both who acted and on whom."""
        return bool(self.source) and bool(self.target)


@dataclass(frozen=True)
class StoryAnchor:
    """A story as the rule sees it: the signature of its first report."""

    story_id: str
    signature: EventSignature


@dataclass(frozen=True)
class Decision:
    """Where an event goes: an existing story (with the reason) or a new one."""

    story_id: str | None
    reason: str
    score: float = 0.0


def date_range(value: str | None) -> tuple[date, date] | None:
    """First and last day a TIMEX3 value covers (day, week, month, year); None otherwise."""
    if not value:
        return None
    try:
        if match := DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return day, day
        if match := MONTH.match(value):
            first = date(int(match[1]), int(match[2]), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if match := WEEK.match(value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + timedelta(days=6)
        if match := YEAR.match(value):
            year = int(match[1])
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def days_apart(first: EventSignature, second: EventSignature) -> int | None:
    """Days between two date ranges (0 when they overlap); None when either has no date."""
    if first.start is None or first.end is None or second.start is None or second.end is None:
        return None
    if first.start <= second.end and second.start <= first.end:
        return 0
    gap = second.start - first.end if first.end < second.start else first.start - second.end
    return gap.days


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard overlap of two sets; 0 when either is empty."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def overlap_coefficient(first: frozenset[str], second: frozenset[str]) -> float:
    """Shared share of the smaller set (Szymkiewicz-Simpson); 0 when either is empty."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def country_key(country: str) -> str:
    """The side key that stands for a country."""
    return f"{COUNTRY_MARK}{country}"


def fold(text: str) -> str:
    """Case-folded text without diacritics, for comparing words across spellings."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def text_tokens(
    sentences: Iterable[str], leave_out: Iterable[str] = ()
) -> tuple[frozenset[str], frozenset[str]]:
    """(names, words) of evidence sentences.

    Names are runs of capitalised words after a sentence's first word ("Fort Worth" is one name)
    and numbers; words are the stems of every word of five letters or more. Words of `leave_out`
    (names the caller compares otherwise, such as the event's actors) are left out of both.
    """
    # Compared by stem, so inflected forms ("Palestinians", "russiske") are left out too.
    skipped = {fold(token)[:STEM] for phrase in leave_out for token in WORD.findall(phrase)}
    names: set[str] = set()
    words: set[str] = set()
    for sentence in sentences:
        run: list[str] = []
        for index, match in enumerate(WORD.finditer(sentence)):
            token = match.group()
            folded = fold(token)
            capitalised = index > 0 and len(token) > 1 and token[0].isupper()
            left_out = folded[:STEM] in skipped
            if left_out or not capitalised:
                if run:
                    names.add(" ".join(run))
                run = []
            if left_out:
                continue
            if any(char.isdigit() for char in token):
                names.add("".join(char for char in token if char.isdigit()))
            elif capitalised:
                run.append(folded)
            if token.isalpha() and len(token) >= MIN_WORD:
                words.add(folded[:STEM])
        if run:
            names.add(" ".join(run))
    return frozenset(names), frozenset(words)


def similarity(first: EventSignature, second: EventSignature) -> tuple[float, str]:
    """How alike the two reports' evidence is, and which token set says so.

    A set counts only when the two reports share at least MIN_SHARED of its items: one shared
    word or place name is what unrelated reports from one country have in common.
    """
    found = [(_shared_share(first.names, second.names), "names")]
    if first.lang is not None and first.lang == second.lang:
        found.append((_shared_share(first.words, second.words), "words"))
    return max(found)


def _shared_share(first: frozenset[str], second: frozenset[str]) -> float:
    if len(first & second) < MIN_SHARED:
        return 0.0
    return overlap_coefficient(first, second)


def _named(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(key for key in keys if not key.startswith(COUNTRY_MARK))


def _same_actor(first: str, second: str) -> bool:
    """Whether two actor keys name one actor: equal, or one is the other's surname ("trump" and
    "donald trump", when an article names a person by surname only)."""
    if first == second:
        return True
    short, long = sorted((first, second), key=len)
    return " " not in short and len(short) >= MIN_SURNAME and long.endswith(" " + short)


def _shared(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """Keys of `first` that name an actor or country of `second` (surnames meet full names)."""
    exact = first & second
    named_second = _named(second)
    return exact | frozenset(
        key
        for key in _named(first) - exact
        if any(_same_actor(key, other) for other in named_second)
    )


def _side_match(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """What two reports' sides share; nothing when both name countries and none agrees.

    "Washington and the Taliban" and "the Taliban and Kabul" share an actor, but not a side.
    """
    first_countries, second_countries = first - _named(first), second - _named(second)
    if first_countries and second_countries and not first_countries & second_countries:
        return frozenset()
    return _shared(first, second)


def dyad(event: EventSignature, anchor: EventSignature) -> tuple[str, bool] | None:
    """Why the two reports have the same participants, and whether a named actor is shared.

    None when the participants differ.
    """
    if event.directed and anchor.directed:
        sources = _side_match(event.source, anchor.source)
        targets = _side_match(event.target, anchor.target)
        if not (sources and targets) and event.type in UNDIRECTED:
            sources = _side_match(event.source, anchor.target)
            targets = _side_match(event.target, anchor.source)
            arrow = "↔"
        else:
            arrow = "→"
        if not (sources and targets):
            return None
        named = bool(_named(sources) or _named(targets))
        return f"dyad {_listed(sources)} {arrow} {_listed(targets)}", named
    # One side unknown. With the same initiator named in both (a person or body, not a place),
    # one report's countries may be a part of the other's: one report names fewer of the parties
    # ("Rice met her North Korean counterpart" / "… after meeting her counterparts from China,
    # Japan, Russia and the two Koreas"; "Esper accuses China" / "Esper said … by China", where
    # the coder missed the target). Otherwise the countries must be the same (for meetings, one
    # report's may be a part of the other's), and a shared named actor is noted, since without
    # one the evidence has to carry the match alone.
    initiators = _named(_shared(event.source, anchor.source))
    undirected = event.type in UNDIRECTED
    if initiators and event.countries and anchor.countries:
        smaller, larger = sorted((event.countries, anchor.countries), key=len)
        if smaller <= larger:
            reason = f"initiator {_listed(initiators)}, actor countries {_listed(smaller)}"
            if smaller != larger:
                reason += f" within {_listed(larger)}"
            return reason, True
    if not event.countries or not anchor.countries:
        return None
    actors = _shared(_named(event.participants), _named(anchor.participants))
    if event.countries != anchor.countries:
        # A report naming no actor of its own may leave out a party ("the ASEAN meeting this
        # week" / "Minh denounced China at the ASEAN meeting"): its evidence must carry it.
        smaller, larger = sorted((event.countries, anchor.countries), key=len)
        if not undirected or not smaller <= larger:
            return None
        reason = f"actor countries {_listed(smaller)} within {_listed(larger)}"
        if actors:
            reason += f" and actors {_listed(actors)}"
        return reason, bool(actors)
    reason = f"actor countries {_listed(event.countries)}"
    if actors:
        reason += f" and actors {_listed(actors)}"
    return reason, bool(actors)


def compare(event: EventSignature, anchor: StoryAnchor, rule: ClusterRule) -> Decision | None:
    """Why `event` belongs to the story of `anchor`, or None when the rule says it does not.

    When the reports share countries but no named actor, their evidence must be twice as alike.
    """
    story = anchor.signature
    if event.type != story.type:
        return None
    gap = days_apart(event, story)
    if gap is None or gap > rule.window_days:
        return None
    if event.place and story.place and event.place != story.place:
        return None
    participants = dyad(event, story)
    if participants is None:
        return None
    reason, named = participants
    if gap and _one_side_partial(event, story):
        # The same speaker accusing, demanding or threatening again on another day is another act.
        return None
    score, kind = similarity(event, story)
    when = "overlapping dates" if gap == 0 else f"dates {gap} day{'s' if gap > 1 else ''} apart"
    place = f", place {event.place}" if event.place and story.place else ""
    needed = rule.min_similarity if named else 2 * rule.min_similarity
    if score >= needed + (WORDS_MARGIN if kind == "words" else 0.0):
        reason = f"same category {event.type}, {reason}{place}, {when}, evidence {kind} overlap"
        return Decision(
            anchor.story_id, f"{reason} {score:.2f}", score - gap / (rule.window_days + 1)
        )
    if _same_visit(event, story, gap, named):
        where = " and place" if event.place and event.place == story.place else ""
        reason = f"same category {event.type}, {reason}{place}, same day{where}"
        return Decision(anchor.story_id, reason, rule.min_similarity)
    return None


def _evidence_disagrees(event: EventSignature, story: EventSignature) -> bool:
    """Whether both evidence sentences name things of their own and none in common: they tell
    of different things ("text messages … about Burisma" / "a July 10 meeting at the White
    House"), even when the dyad and the day agree."""
    return (
        len(event.names) >= MIN_SHARED
        and len(story.names) >= MIN_SHARED
        and not event.names & story.names
    )


def _one_side_partial(event: EventSignature, story: EventSignature) -> bool:
    """Whether a directed category matched with one side unknown and fewer countries in one report."""
    return (
        event.type not in UNDIRECTED
        and not (event.directed and story.directed)
        and event.countries != story.countries
    )


def _same_visit(event: EventSignature, story: EventSignature, gap: int, named: bool) -> bool:
    """A meeting, visit or joint act on one day between the same parties is one happening,
    however differently the two reports word it ("arrived in Beijing for a visit" / "said in his
    talks in Beijing"; "his July 25 call with Zelensky" / "the call with Zelensky").

    The parties are the same when both reports say who met whom and a named actor is shared
    (the dyad check has matched both sides), or when the same initiator is named in both and
    the two places agree. The evidence may be silent but must not disagree.
    """
    if not (event.type in UNDIRECTED and named and gap == 0):
        return False
    if span_days(event) != 1 or span_days(story) != 1 or _evidence_disagrees(event, story):
        return False
    if event.directed and story.directed:
        return True
    return (
        event.place is not None
        and event.place == story.place
        and bool(_named(_shared(event.source, story.source)))
    )


def decide(event: EventSignature, candidates: Sequence[StoryAnchor], rule: ClusterRule) -> Decision:
    """The best story for `event` among `candidates`, or a new story when none fits."""
    if event.start is None or event.end is None:
        return Decision(None, "first report (no date to compare)")
    if is_vague(event):
        return Decision(None, f"first report (dated only to {span_days(event)} days)")
    best: Decision | None = None
    for anchor in candidates:
        decision = compare(event, anchor, rule)
        if decision is not None and (best is None or decision.score > best.score):
            best = decision
    if best is not None:
        return best
    return Decision(None, "first report")


def span_days(event: EventSignature) -> int:
    """How many days the event's date covers (0 when it has none)."""
    if event.start is None or event.end is None:
        return 0
    return (event.end - event.start).days + 1


def is_vague(event: EventSignature) -> bool:
    """Whether the event's date is too coarse to merge it with other reports."""
    return span_days(event) > MAX_ANCHOR_DAYS


def story_id(article_id: str, event_id: str) -> str:
    """Stable id of a story founded by one event of one article."""
    return hashlib.sha256(f"{article_id}/{event_id}".encode()).hexdigest()[:16]


def _listed(values: frozenset[str]) -> str:
    """Keys as a reason shows them: countries by their code, actors by their key."""
    return ", ".join(sorted(value.removeprefix(COUNTRY_MARK) for value in values))
