"""The event coder: an Article's sentences in, PLOVER events with evidence out.

Per sentence: triggers, actor mentions, arguments, the sentence's own time and place. Then, over
the article in text order: dates and places the sentence did not give are filled from the
paragraph's date, from an earlier report of the same kind sharing an actor, from the publication
date for events reported as happening now, and from the dateline; visits and exercises gain their
host country from their place; reports of the same event are merged; ids are given in text order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from newsgraph.entities.actors import load_rules
from newsgraph.events.actors import ActorMention, actor_mentions, country_lists, national_home
from newsgraph.events.arguments import (
    Arguments,
    after_place_noun,
    attributive,
    border_country,
    extract_arguments,
    names_place,
    other_words_place,
    preposition_before,
    subtree,
    town_qualifying_another_noun,
)
from newsgraph.events.clauses import Clauses, segment
from newsgraph.events.context import (
    TimeReading,
    concrete_date,
    dateline_name,
    locate,
    place_from_name,
    read_time,
    relational_before,
)
from newsgraph.events.generic import generic_report
from newsgraph.events.geo import Geo
from newsgraph.events.grounding import Grounding
from newsgraph.events.grounding_confidence import GroundingConfidence
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.merging import (
    Candidate,
    evidence_span,
    fold_announcements,
    merge_across,
    merge_in_sentence,
    merge_occasions,
)
from newsgraph.events.modals import demand_modal, modal_subjects
from newsgraph.events.names import in_event_or_work_name
from newsgraph.events.ontology import load_ontology
from newsgraph.events.precision_gate import PrecisionGate
from newsgraph.events.sense import Sense
from newsgraph.events.triggers import PROMISABLE, VERBAL, TriggerMatch, find_triggers
from newsgraph.events.trust import confidence_level, event_facts, indirect
from newsgraph.events.words import (
    WORD_RE,
    SentenceView,
    Word,
    headline_case,
    paragraph_starts,
    quoted_ranges,
    sentence_views,
)
from newsgraph.model import Article, Entity, Event, Location
from newsgraph.text.coref import PronounResolver

HOST_FRAMES = ("visit", "reception", "joint")
TARGET_HOST_FRAMES = ("visit", "reception")
MAX_CONFIDENCE = 0.95
SUBORDINATE_PENALTY = 0.2
PHRASE_PENALTY = 0.1
# A report that is not a plain fact (negated, conditional, claimed in a quote) counts for less than
# one that is, so a sentence's factual event leads. A planned event is coded as the intention
# (AGREE, THREATEN) that its announcement is, and keeps its weight.
NON_FACT_PENALTY = 0.25
UNCERTAIN = ("negated", "conditional", "claimed")
# A trigger verb in an infinitive or after a preposition ("began a hunger strike to demand …",
# "joined demonstrators in demanding …") is the purpose or manner of the sentence's main event.
COMPLEMENT_PENALTY = 0.15
SUBJECT_REACH = 5
# How far into a sentence a place phrase may end and still open it ("In Amsterdam, in the
# Netherlands, police said …").
FRONTED_REACH = 3
# Paragraphs that make up an article's lead (a title or teaser line, then the first paragraph).
LEAD_PARAGRAPHS = 2
# Length of an ISO day ("2024-05-14"): only a day compares with the publication day.
DAY_LENGTH = 10
# An ISO week as the times stage writes it ("2024-W20").
ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
# How many words (determiners, adjectives, numbers, "of") may stand between a setting phrase and
# the trigger noun it introduces.
SETTING_REACH = 4
SETTING_POS = ("DET", "ADJ", "NUM", "NOUN", "PROPN")
# How many words of a noun phrase may stand between a concessive word and the trigger noun it
# governs ("despite President Smith's repeated vows"), and their tags.
CONCESSION_REACH = 5
CONCESSION_POS = ("DET", "ADJ", "NUM", "NOUN", "PROPN", "PART")
# An attack in words (an interview, a speech, a post) is criticism, not violence.
VIOLENCE = "ASSAULT"
VERBAL_ATTACK = ("ACCUSE", "disapprove")


@dataclass
class SentenceContext:
    """What the coder computed once for one sentence view."""

    view: SentenceView
    clauses: Clauses
    mentions: list[ActorMention]
    off_topic_page: bool = False
    topic_sentence: bool = False
    quoted: tuple[tuple[int, int], ...] = ()
    # A sentence next to it speaks of sport (newsgraph.events.sense.Sense.sport_context).
    sport_near: bool = False
    # The outlet's home country (newsgraph.events.actors.national_home).
    home: str | None = None


def _ids(mentions: list[ActorMention]) -> list[str]:
    return list(dict.fromkeys(m.entity for m in mentions if m.entity))


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _countries(mentions: list[ActorMention]) -> list[str]:
    return list(dict.fromkeys(c for m in mentions for c in m.countries))


class EventCoder:
    """Codes the events of articles in one language."""

    def __init__(self, lexicon: Lexicon, geo: Geo, gate: bool = False) -> None:
        self.lexicon = lexicon
        self.geo = geo
        self.ontology = load_ontology()
        self.grounding = Grounding(lexicon)
        self.sense = Sense(lexicon)
        self.confidence = GroundingConfidence(lexicon)
        # The trained precision gate (newsgraph.events.precision_gate), on with `gate`.
        self.gate = PrecisionGate(lexicon, enabled=gate)

    def code(self, article: Article) -> list[Event]:
        """Every event the article reports, merged, with ids ev1, ev2, ... in text order."""
        quoted = quoted_ranges(article, self.lexicon.dash_quotes)
        persons = PronounResolver.for_article(article, quoted)
        candidates: list[Candidate] = []
        lead_dates: dict[str, str] = {}
        # The article's lists of countries ("the countries" refers back to them): read once, and
        # only for an article with a trigger.
        antecedents: list[tuple[int, tuple[str, ...]]] | None = None
        home = national_home(
            article, load_rules().languages.get((article.lang or "").split("-")[0])
        )
        views = list(sentence_views(article))
        # Whether the page is off topic and which sentences have sport next door: read every
        # sentence's cues, so only once a sentence holds a trigger (most pages of no events never
        # need it).
        off_topic_page: bool | None = None
        sport_near: list[bool] | None = None
        for number, view in enumerate(views):
            if self.grounding.off_topic(view) or self.sense.link_line(view):
                continue
            clauses = segment(view, self.lexicon)
            matches = [
                replace(m, factuality=self._factuality(view, quoted, m))
                for m in find_triggers(view, clauses, self.lexicon)
            ]
            if not matches:
                continue
            if view.paragraph < LEAD_PARAGRAPHS:
                self._note_lead_dates(article, view, clauses, matches, quoted, lead_dates)
            if antecedents is None:
                antecedents = country_lists(article, self.lexicon, self.geo)
            mentions = actor_mentions(
                article, view, self.lexicon, self.geo, persons, antecedents, home
            )
            topic = self.grounding.configured and self.sense.topic_sentence(view)
            if off_topic_page is None:
                off_topic_page = self._off_topic_page(article, views)
            if sport_near is None:
                sport_near = self.sense.sport_context(views)
            context = SentenceContext(
                view,
                clauses,
                mentions,
                off_topic_page,
                topic,
                tuple(quoted),
                sport_near[number],
                home,
            )
            found = [c for m in matches if (c := self._candidate(article, context, m))]
            candidates += merge_in_sentence(found)
        self._fill_gaps(article, candidates, lead_dates)
        kept = [c for c in candidates if self._add_host(article, c)]
        merged = merge_occasions(merge_across(fold_announcements(kept)))
        events = [c.event for c in merged if self.confidence.keep(c.event.confidence)]
        events = self.gate.filter(article, views, events)
        for event in events:
            if len(event.evidence) > 1 and "repeated" not in event.confidence_reasons:
                event.confidence_reasons.append("repeated")
            event.confidence_level = confidence_level(event.confidence_reasons)
        for number, event in enumerate(sorted(events, key=lambda e: e.start), start=1):
            event.id = f"ev{number}"
        return sorted(events, key=lambda e: e.start)

    def _off_topic_page(self, article: Article, views: list[SentenceView]) -> bool:
        """Whether the page's topic cues or its address put it outside public affairs."""
        return self.grounding.configured and (
            self.sense.page_off_topic(views)
            or self.sense.section_off_topic((article.meta.source_url, article.meta.page_url))
        )

    def _factuality(
        self, view: SentenceView, quoted: list[tuple[int, int]], match: TriggerMatch
    ) -> str:
        """A plain report inside quotation marks is a claim; one in a question is no fact, unless
        the question takes it as given (`_named_in_question`)."""
        if (
            view.words
            and view.words[-1].text == "?"
            and match.factuality != "negated"
            and not (match.factuality == "asserted" and self._named_in_question(view, match))
        ):
            return "conditional"
        if match.factuality == "asserted" and _inside(quoted, view.words[match.anchor].start):
            return "claimed"
        return match.factuality

    def _named_in_question(self, view: SentenceView, match: TriggerMatch) -> bool:
        """A parsed trigger noun after a name or a definite determiner, past at most one adjective,
        names an act the question takes as given ("Var USAs invasjon i Irak …?", "Kva tenkjer du
        om den siste fangeutvekslinga?"; `[cues].definite_determiners`)."""
        word = view.words[match.anchor]
        if len(match.words) != 1 or word.pos != "NOUN" or match.first == 0:
            return False
        before = view.words[match.first - 1]
        if before.pos == "ADJ" and match.first > 1:
            before = view.words[match.first - 2]
        definite = self.lexicon.cue("definite_determiners")
        return before.pos == "PROPN" or (before.pos == "DET" and definite.matches_word(before))

    def _candidate(
        self, article: Article, context: SentenceContext, match: TriggerMatch
    ) -> Candidate | None:
        view, clauses = context.view, context.clauses
        args = extract_arguments(view, clauses, self.lexicon, context.mentions, match)
        self._leave_out_other_places(view, match, args)
        # A news outlet that reports or quotes the event is a source of the news, never its actor.
        outlets = [m for m in args.source if self._news_outlet(article, m)]
        args.source = [m for m in args.source if m not in outlets]
        # Nor the outlet credited beside it ("Reuters Det bekreftet …").
        args.target = [m for m in args.target if not self._news_outlet(article, m)]
        args.others = [m for m in args.others if not self._news_outlet(article, m)]
        # An outlet that meets or visits someone is interviewing them ("Magasinet møter henne").
        if outlets and not args.source and match.category == "CONSULT":
            return None
        rule = match.rule
        if rule.actor_types and not any(m.kind in rule.actor_types for m in args.source):
            return None
        if self._unclaimed_demand(view, match, args) or self._own_side_obligation(
            article, view, match, args
        ):
            return None
        if (
            self._in_name(article, view, match)
            or self._in_title(article, view, match)
            or not self._sensible(context, match)
        ):
            return None
        if in_event_or_work_name(
            article,
            view,
            match,
            self.lexicon.cue("document_nouns"),
            self.lexicon.cue("determiners"),
        ):
            return None
        quoted = _inside(list(context.quoted), view.words[match.anchor].start)
        if generic_report(article, view, clauses, self.lexicon, match, args, quoted):
            return None
        if self._sport_or_private(context, match, args) or self._conceded(view, match):
            return None
        if not self._grounded(article, context, match, args):
            return None
        if context.off_topic_page and not self._public_affairs(context, match):
            return None
        if (context.off_topic_page or context.topic_sentence) and not self._each_side_political(
            article, context, match, args
        ):
            return None
        if not self._political_visitor(article, context, match, args):
            return None
        if match.rule.political_doer and not self._political_doer(article, context, match, args):
            return None
        if self._aid_in_general(view, match, args):
            return None
        time = read_time(article, view, clauses, self.lexicon, match, context.quoted)
        match = self._dated_plan(article, view, match, time.date)
        category, mode = self._recode(view, match, args)
        first, last = view.words[match.first], view.words[match.last]
        event = Event(
            id="",
            type=category,
            mode=mode,
            factuality=match.factuality,
            actors=_ids(args.actors),
            source=_ids(args.source),
            target=[t for t in _ids(args.target) if t not in _ids(args.source)],
            countries=self._event_countries(context, match, args),
            location=self._place(article, context, match, args),
            date=time.date,
            start=view.start,
            end=view.end,
            trigger=evidence_span(article.text, first.start, last.end),
            evidence=[evidence_span(article.text, view.start, view.end)],
            confidence=self._grounded_confidence(
                article,
                context,
                match,
                args,
                self._confidence(rule.weight, args, time, self._subordinate(context, match))
                - PHRASE_PENALTY * self._in_phrase(context, match)
                - NON_FACT_PENALTY * (match.factuality in UNCERTAIN)
                - COMPLEMENT_PENALTY * self._in_complement(view, match),
            ),
            confidence_reasons=self._trust_facts(article, context, match, args),
        )
        return Candidate(
            event,
            time,
            rule.frame,
            view.paragraph,
            view.index,
            intended=match.intended,
            stateless_actor=self._stateless_actor(article, args),
        )

    def _leave_out_other_places(
        self, view: SentenceView, match: TriggerMatch, args: Arguments
    ) -> None:
        """A town that only says where or whence another word is takes no part
        (arguments.other_words_place); a national capital may speak for its state ("agreed to
        postpone the rally in Baku") and stays."""
        elsewhere = [
            m
            for m in args.actors
            if (
                other_words_place(view, self.lexicon, m, match)
                and not self.geo.capital(" ".join(w.text for w in view.words[m.first : m.last + 1]))
            )
            or border_country(view, self.lexicon, m, match)
            or town_qualifying_another_noun(view, self.lexicon, m, match)
        ]
        args.source = [m for m in args.source if m not in elsewhere]
        args.target = [m for m in args.target if m not in elsewhere]
        args.others = [m for m in args.others if m not in elsewhere]

    def _grounded_confidence(
        self,
        article: Article,
        context: SentenceContext,
        match: TriggerMatch,
        args: Arguments,
        base: float,
    ) -> float:
        """The coder's confidence with what the parse says about the actors' part in the act
        (newsgraph.events.grounding_confidence)."""
        view = context.view
        political_source = any(
            self._political_mention(article, view, match, m) for m in args.source
        )
        quoted = match.factuality == "claimed"
        anchor = match.anchor
        if self._speaker_allegation(match):
            # An allegation is the speaker's act: the speaker stands next to the speech verb, not
            # to the violation it reports.
            anchor = max((i for i in context.clauses.speech if i < match.first), default=anchor)
        score = base + self.confidence.adjustment(
            view, anchor, args.actors, quoted, political_source
        )
        return round(max(0.0, min(MAX_CONFIDENCE, score)), 3)

    def _trust_facts(
        self, article: Article, context: SentenceContext, match: TriggerMatch, args: Arguments
    ) -> list[str]:
        """The reason codes of the report's confidence level (newsgraph.events.trust)."""
        view = context.view
        return event_facts(
            view,
            match.anchor,
            factuality=match.factuality,
            verbal=self.ontology.categories[match.category].quad.startswith("verbal"),
            source=args.source,
            target=args.target,
            actors=args.actors,
            political_source=any(
                self._political_mention(article, view, match, m) for m in args.source
            ),
            political_target=any(
                self._political_mention(article, view, match, m) for m in args.target
            ),
            political_participant=any(
                self._political_mention(article, view, match, m) for m in args.actors
            ),
            indirect_mentions=[self._indirect(article, context, m) for m in args.actors],
            subordinate=self._subordinate(context, match),
            lead=view.paragraph < LEAD_PARAGRAPHS,
        )

    @staticmethod
    def _indirect(article: Article, context: SentenceContext, mention: ActorMention) -> bool:
        """The participant is not named in the sentence's words: a resolved pronoun, a list of
        countries named earlier ("landene"), or a national institution or person whose country is
        only the outlet's home country."""
        entity = article.entity(mention.entity)
        home = (entity is not None and entity.country_from == "home") or (
            entity is None
            and context.home is not None
            and mention.kind in ("ORG", "GROUP")
            and (mention.kind == "GROUP" or mention.countries == (context.home,))
        )
        return indirect(context.view, mention, home)

    def _news_outlet(self, article: Article, mention: ActorMention) -> bool:
        """A news outlet: the actor knowledge's media sector, or an organisation whose name holds a
        word that names newspapers or broadcasters (`[cues].outlet_words`: "Süddeutsche Zeitung",
        "Berlingske Tidende", "The Wall Street Journal")."""
        entity = article.entity(mention.entity)
        if entity is None:
            return False
        if entity.sector == "MED":
            return True
        words = self.lexicon.cue("outlet_words")
        names = (entity.name, entity.canonical or "", *(m.text for m in entity.mentions))
        return mention.kind == "ORG" and any(name and words.in_name(name) for name in names)

    def _unclaimed_demand(self, view: SentenceView, match: TriggerMatch, args: Arguments) -> bool:
        """A noun that names a requirement as well as a demand (`[cues].requirement_nouns`:
        "kravet", "krav") with nobody making it ("kravet om kirkemedlemskap for statsrådene",
        "kravet om ei melding til Stortinget kvart fjerde år") is a rule: no actor asks an
        addressable party for anything."""
        return (
            match.category == "REQUEST"
            and match.recoded is None
            and view.words[match.anchor].pos == "NOUN"
            and self.lexicon.cue("requirement_nouns").matches_word(view.words[match.anchor])
            and not args.source
        )

    def _dated_plan(
        self, article: Article, view: SentenceView, match: TriggerMatch, date: str | None
    ) -> TriggerMatch:
        """A report dated by its own sentence, with a day number, to a day after the article's
        publication has not happened yet ("the summit on 14 May" in a paper of 2 May, "møtes 14.
        mai"): an announcement, coded as the intention PLOVER codes a plan
        with (AGREE for cooperation, THREATEN for conflict), like one with "will". Verbal acts
        other than support and concessions keep their category, as a future tense leaves them
        (newsgraph.events.triggers.is_future)."""
        published = (article.meta.published or "")[:10]
        if match.factuality != "asserted" or match.recoded is not None:
            return match
        if not date or len(published) != DAY_LENGTH or match.rule.category in VERBAL - PROMISABLE:
            return match
        week = ISO_WEEK.fullmatch(date)
        if week is not None:
            # A week after the publication's ("next week", "om en uke", "neste uke") is read
            # from the words, not from the tense: the report is a plan.
            first_day = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
            return self._planned(match) if first_day > published else match
        if len(date) != len(published) or date <= published:
            return match
        # Only a date written with its day number: a weekday ("am Montag") is placed before or
        # after the publication by the tense the times stage reads, which it misreads where there
        # is no parse ("demonstrierten am Montag" read as the coming Monday).
        if not any(
            view.start <= t.start < view.end
            and t.value.startswith(date)
            and any(c.isdigit() for c in t.text)
            for t in article.times
        ):
            return match
        return self._planned(match)

    def _planned(self, match: TriggerMatch) -> TriggerMatch:
        """The act as announced: coded as the intention PLOVER codes a plan with."""
        category = match.rule.category
        return replace(
            match,
            recoded=(self.ontology.intent(category), None),
            intended=category,
            factuality="planned",
        )

    def _own_side_obligation(
        self, article: Article, view: SentenceView, match: TriggerMatch, args: Arguments
    ) -> bool:
        """A modal of necessity ("må", "must"; `[cues].demand_modals`) is a demand only when it
        lays the obligation on a political actor other than the speaker and the speaker's own
        country: "Kina sier at USA må betale" is China's demand of the USA and "rebels said
        President Kagame must agree" one of the rebels, but "USA må gå fremover, sier Obama"
        (the speaker's own country) and "lærerne må arbeide hardere, sier OECD" (no political
        addressee) state an obligation, no request."""
        if match.category != "REQUEST" or match.recoded is not None:
            return False
        if not demand_modal(view, self.lexicon, match.anchor):
            return False
        addressees = [m for m in args.target if self._political_mention(article, view, match, m)]
        if not addressees:
            # A political body named by a common noun as the modal's subject ("US and British
            # forces must ensure …") is an addressee the roles may have missed.
            # Where the parse gives the modal no subject, the word right before it is read.
            nouns = (self.lexicon.cue("political_nouns"), self.lexicon.cue("political_orgs"))
            subjects = modal_subjects(view, match.anchor) or list(
                view.words[max(0, match.anchor - 1) : match.anchor]
            )
            # A subject inside the speaker's own name is the speaker ("the Hungarian government
            # must respect …", the government speaking).
            speaker_words = {i for m in args.source for i in range(m.first, m.last + 1)}
            return not any(
                cue.matches_word(word)
                for word in subjects
                if word.index not in speaker_words
                for cue in nouns
            )
        speakers = {m.entity for m in args.source if m.entity}
        own = {c for m in args.source for c in m.countries}
        return all(
            (m.entity is not None and m.entity in speakers)
            or (self._state_mention(view, m, article) and own & set(m.countries))
            for m in addressees
        )

    @staticmethod
    def _speaker_allegation(match: TriggerMatch) -> bool:
        """An accusation read from a reported statement ("Minh said there were activities that
        violated …"): the speaker's statement is the act, its content the clause below it."""
        return match.rule.frame == "allegation" and match.category == "ACCUSE"

    @staticmethod
    def _in_title(article: Article, view: SentenceView, match: TriggerMatch) -> bool:
        """A trigger inside a person's title names an office, not an act ("FNs nødhjelpssjef",
        "the sanctions coordinator", "fredsmekler")."""
        start, end = view.words[match.first].start, view.words[match.last].end
        return any(
            title.start <= start and end <= title.end
            for entity in article.entities
            for title in entity.titles
            if title.start is not None and title.end is not None
        )

    def _in_name(self, article: Article, view: SentenceView, match: TriggerMatch) -> bool:
        """A capitalised trigger word that is part of a name is no trigger ("Asia-Pacific
        Economic Cooperation", "the Popular Protest Committee"): it lies inside a longer entity
        mention, a capitalised word that is no name of its own follows it, or it ends a name
        joined by one of `[cues].name_links` ("the Court of Appeal in Santa Ana"). Not in a
        headline, where the other words are capitalised too."""
        words = [view.words[i] for i in match.words]
        if not all(w.text[:1].isupper() for w in words):
            return False
        start, end = words[0].start, words[-1].end
        spans = [span for entity in article.entities for span in entity.mentions]
        if any(s.start <= start and end <= s.end and s.end - s.start > end - start for s in spans):
            return True

        def named(word: Word) -> bool:
            return any(s.start <= word.start and word.end <= s.end for s in spans)

        free = [w for w in view.words[1:] if w.index not in match.words and not named(w)]
        if headline_case(free):
            return False
        # A name goes on after the trigger ("the Popular Protest Committee") or is followed by
        # its acronym ("Economic Cooperation (APEC)"); a trigger at a name's end may still name
        # the act ("extended Emergency Grant Aid").
        after = view.words[match.last + 1 : match.last + 3]
        if after and after[0].text[:1].isupper() and after[0].text.isalpha():
            return not named(after[0])
        if self._name_link_before(view, match):
            return True
        return (
            len(after) == 2
            and after[0].text == "("
            and after[1].text.isupper()
            and view.words[match.first - 1].text[:1].isupper()
            and match.first > 1
        )

    def _name_link_before(self, view: SentenceView, match: TriggerMatch) -> bool:
        """Whether a capitalised word that does not open the sentence and a link word
        (`[cues].name_links`: "of", "for") stand right before the trigger: "Court of Appeal"."""
        if match.first < 3:
            return False
        link, head = view.words[match.first - 1], view.words[match.first - 2]
        return (
            self.lexicon.cue("name_links").matches_word(link)
            and head.text[:1].isupper()
            and head.text.isalpha()
        )

    def _grounded(
        self, article: Article, context: SentenceContext, match: TriggerMatch, args: Arguments
    ) -> bool:
        """Whether a political actor takes part (newsgraph.events.grounding): a named participant,
        a political common noun in the sentence, a named office holder or political body elsewhere
        in it, or an act that is political in itself. A town is no political actor ("Columbus beat
        Montreal"), nor is a country or nationality word qualifying a non-political noun ("U.S.
        dollars", "Ukrainian companies")."""
        category = self.ontology.categories[match.category]
        if category.political_act or not self.grounding.configured:
            return True
        # Arrests, charges, sentences and shootings reported by the police are crime news unless
        # a political actor other than the police, a court or a prosecutor takes part.
        law = self.grounding.law_sensitive(match.category)
        # An appeal to the public, health advice or a grounded aircraft type by the police or an
        # agency alone is administration, not politics.
        civil = self.grounding.civil_sensitive(match.category)
        for mention in args.actors:
            if law and self._where_or_whence(context.view, match, mention):
                continue
            if self._political_mention(article, context.view, match, mention, law, civil):
                return True
        if any(self._speaks_for_state(context.view, match, m) for m in args.source):
            return True
        if self.grounding.political_noun(context.view, 0, len(context.view.words), law, civil):
            return True
        if args.actors or args.own_phrase:
            # The roles name who takes part and none of them is political ("the company
            # canceled …", "a civic group endorsed …", "Magasinet møter henne hos
            # Afghanistankomiteen"), or the act is a noun whose own phrase names no political
            # side ("shortly after the arrest, Senator X said …"): an office holder or political
            # body named elsewhere in the sentence does not make it a political act.
            return False
        # Roles are read from the trigger's clause and miss actors elsewhere in the sentence
        # ("… threatened a strike unless the Prime Minister resigned"): a named office holder or
        # political body anywhere in it grounds the report too; a country alone does not.
        return any(
            mention.kind in ("PER", "ORG")
            and mention.first not in context.clauses.excluded
            and self._political_mention(article, context.view, match, mention, law, civil)
            for mention in context.mentions
        )

    def _where_or_whence(
        self, view: SentenceView, match: TriggerMatch, mention: ActorMention
    ) -> bool:
        """Whether a country is named only as where an arrest, a charge or a shooting happened
        (after a place preposition: "kritiserte i Tyskland", "arrested in Spain") or where a
        person or a thing came from (after a from preposition that follows another noun than the
        trigger: "tre menn fra Litauen", "veksthormon frå Kina"): the state takes no part in a
        crime report (`law_enforcement_categories`), unlike a state that acts ("Egyptian
        police", "arrested by North Korea") or the patient of the act ("the invasion of Iraq").
        """
        if mention.kind != "GPE":
            return False
        role = preposition_before(view, self.lexicon, mention.first)
        if role == "place":
            return True
        if role != "from":
            return False
        index = mention.first - 1
        while index >= 0 and view.words[index].pos in ("ADP", "DET", "ADJ", "NUM", "CCONJ"):
            index -= 1
        # Without a parse every word is untagged: the word before the preposition is read as a noun.
        return index >= 0 and index not in match.words and view.words[index].pos in ("NOUN", "")

    def _sensible(self, context: SentenceContext, match: TriggerMatch) -> bool:
        """The trigger's subject can act and its object is one the rule's sense needs
        (newsgraph.events.sense)."""
        view, mentions = context.view, context.mentions
        if self.sense.modifier_only(view, match.words, match.category):
            return False
        if self.sense.describes_noun(view, match.words, match.rule.category):
            return False
        if self.sense.noun_for_verb(view, match.words, match.rule):
            return False
        if (
            self.sense.adverbial(view, match.words)
            or self.sense.impersonal(view, match.anchor, match.rule.category, mentions)
            or self.sense.danger_noun(view, match.words)
            or self.sense.disaster_response(view, match.words)
            or self.sense.animal_party(view, match.anchor)
            or (match.factuality != "claimed" and self.sense.writer_opinion(view, match.anchor))
        ):
            return False
        # What a speaker says violated a right is accused, whatever it is ("unilateral activities
        # that violated the sovereignty …"): an allegation's own subject need not be an actor.
        acts = self._speaker_allegation(match) or self.sense.subject_acts(
            view, match.anchor, match.rule.category, mentions
        )
        return acts and self.sense.object_fits(view, match.anchor, match.rule, mentions)

    def _sport_or_private(
        self, context: SentenceContext, match: TriggerMatch, args: Arguments
    ) -> bool:
        """With no political noun in its sentence ("troops", "police", "the government"), a
        meeting, attack or threat next to sport talk, or in a sentence with a word of matches or
        films (`[cues].sport_senses`), is a match or a plot, and an event whose every named
        party is a firm, a museum, a university or a sports body is none of politics' business
        (newsgraph.events.sense)."""
        view = context.view
        if self.grounding.political_noun(view, 0, len(view.words)):
            return False
        sporty = context.sport_near or self.sense.sport_sentence(view)
        if sporty and self.sense.sport_vetoes(match.category):
            return True
        return self.sense.nonpolitical_parties(view, args.actors)

    def _public_affairs(self, context: SentenceContext, match: TriggerMatch) -> bool:
        """On a page about sport, business, science or entertainment an event needs a political
        noun in its sentence ("troops", "regjeringen", "sanctions"). A country named there is
        no sign of public affairs: teams, markets and products are named by their country
        ("Fredag møter Norge Montenegro", "the U.S. had won all previous meetings"), and bodies
        such as a space agency act there as firms do."""
        view = context.view
        law = self.grounding.law_sensitive(match.category)
        civil = self.grounding.civil_sensitive(match.category)
        return self.grounding.political_noun(view, 0, len(view.words), law, civil)

    def _each_side_political(
        self, article: Article, context: SentenceContext, match: TriggerMatch, args: Arguments
    ) -> bool:
        """On a sport, culture, business or science page, or in a sentence speaking of companies,
        research or health, an event needs a clearly political actor on each side it names: a
        political source and, where there is a target, a political target ("the company offered
        NASA a lander", "forhandlinger mellom kunstliv og næringsliv i Norge" report nothing). With
        no named side, a political noun in the sentence grounds it."""
        view = context.view
        law = self.grounding.law_sensitive(match.category)
        civil = self.grounding.civil_sensitive(match.category)
        sides = [side for side in (args.source, args.target) if side]
        if not sides:
            return self.grounding.political_noun(view, 0, len(view.words), law, civil)
        # A town on a side is a place, not a participant ("reiste til Shanghai for å møte …").
        return all(
            any(
                self._political_mention(article, view, match, m, law, civil)
                or (side is args.source and self._speaks_for_state(view, match, m))
                for m in side
            )
            or all(m.kind in ("GPE", "LOC") for m in side)
            for side in sides
        )

    def _political_doer(
        self, article: Article, context: SentenceContext, match: TriggerMatch, args: Arguments
    ) -> bool:
        """For a rule of an everyday act (`political_doer` in resources/<lang>/events.toml: a
        phone call, an offer), a doer the roles name must be political: "Olav Johansen ringte
        Forsvaret" is a private person's call, "Delta Air Lines offered the Pentagon a deal" a
        sale. Whom the call or offer reaches is not tested (a foreign leader the actor knowledge
        does not know stays a party), and a report naming no doer is left to the other tests."""
        if not args.source:
            return True
        view = context.view
        law = self.grounding.law_sensitive(match.category)
        civil = self.grounding.civil_sensitive(match.category)
        return all(m.kind in ("GPE", "LOC") for m in args.source) or any(
            self._titled(article, m)
            or self._political_mention(article, view, match, m, law, civil)
            or self._speaks_for_state(view, match, m)
            for m in args.source
        )

    def _aid_in_general(self, view: SentenceView, match: TriggerMatch, args: Arguments) -> bool:
        """A trigger noun of a `recipient_categories` category (AID) with no recipient named
        and no sum in its own phrase: aid as a kind of spending or a background fact ("norsk
        bistand tapte tre milliarder", "the peacekeeping force"), not one act; "en
        ekstrabevilgning på 380 millioner kroner" is one grant. Only where the parse tells nouns
        from verbs."""
        if args.target or not self.grounding.needs_recipient(match.category):
            return False
        words = [view.words[i] for i in match.words]
        if not any(w.pos == "NOUN" for w in words) or any(w.pos in ("VERB", "AUX") for w in words):
            return False
        return not any(view.words[i].pos == "NUM" for i in subtree(view, match.anchor))

    @staticmethod
    def _titled(article: Article, mention: ActorMention) -> bool:
        """Whether the text gives a person a title of office (resources/<lang>/titles.toml), as
        for a traveller: "Le président Emmanuel Macron a appelé …"."""
        entity = article.entity(mention.entity)
        return mention.kind == "PER" and entity is not None and bool(entity.titles)

    def _political_visitor(
        self, article: Article, context: SentenceContext, match: TriggerMatch, args: Arguments
    ) -> bool:
        """A trip ("ankom", "reiste til", "arrived in": the visit rules that need a person) is a
        political visit only when a political actor travels: a private person's trip to a country
        ("Turen til Colombia hadde gitt ham en infeksjon") is none, although the country is a
        state. Being visited is no act of the host: with no named traveller, a visit is political
        only when a political noun or a named office holder or political body in the sentence may
        be the traveller ("the delegation's visit to Canada"), not when the place visited is the
        only political name ("overstaying a three-month visit to Canada", "never visited the
        US"). A trip for a private purpose (`[cues].private_purposes`) is no visit."""
        if match.rule.frame != "visit":
            return True
        if self.lexicon.cue("private_purposes").any_span(context.view.words):
            # A trip for a medical examination or a holiday is a private journey, whoever makes
            # it ("reist til Frankrike for en legeundersøkelse", "a trip to the hospital for a
            # quick exam"; `[cues].private_purposes`).
            return False
        if not args.source:
            view = context.view
            return self.grounding.political_noun(view, 0, len(view.words)) or any(
                mention.kind in ("PER", "ORG")
                and mention not in args.target
                and self._political_mention(article, view, match, mention)
                for mention in context.mentions
            )
        if not match.rule.actor_types:
            return True
        for mention in args.source:
            entity = article.entity(mention.entity)
            # A traveller with a title of office (resources/<lang>/titles.toml) is an official.
            if (entity is not None and entity.titles) or self._political_mention(
                article, context.view, match, mention
            ):
                return True
        return False

    def _political_mention(
        self,
        article: Article,
        view: SentenceView,
        match: TriggerMatch,
        mention: ActorMention,
        law: bool = False,
        civil: bool = False,
    ) -> bool:
        entity = article.entity(mention.entity)
        if mention.kind in ("GPE", "NAT") and not self._heads_political(view, match, mention):
            return False
        is_country = self._is_country(view, mention, entity)
        return self.grounding.is_political(mention, entity, is_country, law, civil)

    def _speaks_for_state(
        self, view: SentenceView, match: TriggerMatch, mention: ActorMention
    ) -> bool:
        """Whether the mention is a capital doing a verbal act as its government."""
        return self._state_capital(view, match, mention) is not None

    def _state_capital(
        self, view: SentenceView, match: TriggerMatch, mention: ActorMention
    ) -> str | None:
        """The country whose capital the mention is, when the capital does a verbal act as that
        country's government. A national capital doing a verbal act stands for its government ("Beijing condemned
        …", "Moskva advarte …", "Washington a averti Téhéran"): statements, demands and threats
        come from governments, not from towns. Only the doer of a verbal act is read this way: a
        town that "beat" another is a team, and sport and weather sentences are left out before
        this; a capital qualifying a noun ("Paris traders") is no doer."""
        # The tagger often takes a capital opening a sentence for a person ("Washington said"):
        # a one-word name of no known country is read as the capital too.
        misread = mention.kind == "PER" and mention.first == mention.last and not mention.countries
        if not (mention.kind == "GPE" or misread) or not self._heads_political(
            view, match, mention
        ):
            return None
        # A speech act as worded, not as recoded: a deed or a protest announced for later ("soll
        # bei einer Demonstration in der Hauptstadt …") is coded as a threat or promise but was
        # not said by the town where it happens; a protest (PLOVER's verbal conflict) is no
        # statement of a government.
        if match.rule.category not in VERBAL:
            return None
        text = " ".join(w.text for w in view.words[mention.first : mention.last + 1])
        return self.geo.capital(text)

    def _capital_countries(
        self, view: SentenceView, match: TriggerMatch, args: Arguments
    ) -> list[str]:
        """The countries of the capitals that do a verbal act as their government."""
        return [
            country
            for mention in args.source
            if (country := self._state_capital(view, match, mention))
        ]

    def _heads_political(
        self, view: SentenceView, match: TriggerMatch, mention: ActorMention
    ) -> bool:
        """Whether a country or nationality word stands for the state: on its own ("Russia said",
        "the Russians"), or qualifying an event noun or a political noun ("Israel's bombardment",
        "a US offer", "Israeli airstrikes", "US forces"); not when it qualifies anything else ("U.S. dollars",
        "Ukrainian companies", "America's demographics")."""
        head = mention.last + 1
        if head >= len(view.words):
            return True
        word = view.words[head]
        if head in match.words or not word.text[:1].isalpha() or word.text[:1].isupper():
            return True
        if self.lexicon.trigger_starts.starting(word):
            # An event noun of its own: "a US offer", "Russian demands", "Kinas protest".
            return True
        if word.pos in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "ADV"):
            return True
        if self.lexicon.cue("time_nouns").matches_word(word):
            # "Pakistan today threatened …": a time word is no noun the country qualifies.
            return True
        attributive = mention.modifier or mention.kind == "NAT" or word.pos in ("NOUN", "ADJ")
        if not attributive:
            return True
        if self.lexicon.cue("state_sides").matches_word(word):
            # "fra norsk side", "the Chinese side": the diplomatic idiom names the state.
            return True
        # "US forces", "Israeli security forces": the political noun may follow one adjective.
        return self.grounding.political_noun(view, head, min(len(view.words), head + 2))

    def _stateless_actor(self, article: Article, args: Arguments) -> bool:
        """Whether a named political participant has no country (an IGO such as the UN)."""
        return any(
            mention.kind == "ORG"
            and not mention.countries
            and self.grounding.is_political(mention, article.entity(mention.entity), False)
            for mention in args.actors
        )

    def _in_complement(self, view: SentenceView, match: TriggerMatch) -> bool:
        """Whether the trigger verb stands in an infinitive ("to demand") or after a preposition
        ("in demanding")."""
        if match.first == 0:
            return False
        word, before = view.words[match.first], view.words[match.first - 1]
        if self.lexicon.cue("infinitive").matches_word(before):
            return word.pos in ("VERB", "")
        return word.pos == "VERB" and before.pos == "ADP"

    def _state_mention(self, view: SentenceView, mention: ActorMention, article: Article) -> bool:
        """Whether a mention names a state: a country or a nationality word."""
        return mention.kind == "NAT" or self._is_country(
            view, mention, article.entity(mention.entity)
        )

    def _is_country(self, view: SentenceView, mention: ActorMention, entity: Entity | None) -> bool:
        """Whether a place mention names a country (a state), not a town or region."""
        if mention.kind != "GPE":
            return False
        if entity is None:
            return True
        if entity.country and entity.lat is None:
            # The entities stage geocodes towns; a GPE with a country and no point is the country.
            return True
        text = " ".join(w.text for w in view.words[mention.first : mention.last + 1])
        names = (text, entity.name, entity.canonical or "")
        return any(name and self.geo.country(name) for name in names)

    def _recode(
        self, view: SentenceView, match: TriggerMatch, args: Arguments
    ) -> tuple[str, str | None]:
        """An attack in words is criticism; a joint-activity trigger with one state actor and no
        sign of partners is unilateral."""
        rule = match.rule
        if match.category == VIOLENCE and (
            self.sense.verbal_attack(view, match.words)
            or self.sense.criticism_attack(view, match.words)
        ):
            return VERBAL_ATTACK
        if rule.unilateral is None or match.recoded is not None:
            return match.category, match.mode
        countries = _countries(args.actors)
        joint = self.lexicon.cue("joint").any_span(view.words)
        if len(countries) == 1 and len(_ids(args.actors)) <= 1 and not joint:
            return rule.unilateral
        return match.category, match.mode

    def _place(
        self, article: Article, context: SentenceContext, match: TriggerMatch, args: Arguments
    ) -> Location | None:
        """The trigger's own place, else a place in its clause or in a relative clause right after
        it ("militærøvelsen …, som skal pågå i Troms"). Statements happen where people are, so
        verbal events take towns and countries, not seas ("denounced activities in the East Sea")."""
        verbal = self.ontology.categories[match.category].quad.startswith("verbal")
        usable = [m for m in args.places if m.kind == "GPE" or not verbal]
        if usable:
            return locate(article, context.view, usable[0], self.geo)
        view = context.view
        place_nouns = self.lexicon.cue("place_nouns")
        lo, hi = context.clauses.span_of(match.anchor)
        hi = self._relative_clause_end(view, context.clauses, hi)
        places = [
            m
            for m in context.mentions
            if lo <= m.first < hi
            and m.first not in context.clauses.excluded
            and not attributive(view, m, place_nouns, self.lexicon.cue("time_nouns"))
            and (m.kind == "GPE" or not verbal)
            and (
                m.kind == "LOC"
                or (m.is_place and self._after_place_preposition(view, m))
                or (m.is_place and names_place(view, m, place_nouns))
            )
        ]
        if not places:
            fronted = self._fronted_place(context, match)
            return locate(article, view, fronted, self.geo) if fronted else None
        nearest = min(places, key=lambda m: abs(m.first - match.anchor))
        return locate(article, view, nearest, self.geo)

    def _after_place_preposition(self, view: SentenceView, mention: ActorMention) -> bool:
        """A place preposition governs the name, directly or through a town the NER missed that
        the name locates ("at an air base in Fairford, England")."""
        if preposition_before(view, self.lexicon, mention.first) == "place":
            return True
        town = mention.first - 2
        return (
            town > 0
            and view.words[mention.first - 1].text == ","
            and view.words[town].text[:1].isupper()
            and view.words[town].pos in ("PROPN", "")
            and preposition_before(view, self.lexicon, town) == "place"
        )

    def _fronted_place(self, context: SentenceContext, match: TriggerMatch) -> ActorMention | None:
        """A place phrase opening the sentence ("In Amsterdam, police said about 25,000 marched")
        sets the scene for every event the sentence reports when their own clause names none."""
        view = context.view
        verbal = self.ontology.categories[match.category].quad.startswith("verbal")
        for mention in context.mentions:
            if mention.first > FRONTED_REACH or mention.first >= match.first:
                return None
            if (
                mention.is_place
                and (mention.kind == "GPE" or not verbal)
                and preposition_before(view, self.lexicon, mention.first) == "place"
                and self._closes_phrase(view, mention)
            ):
                return mention
        return None

    @staticmethod
    def _closes_phrase(view: SentenceView, mention: ActorMention) -> bool:
        """The fronted phrase ends at a comma after the name (or after its apposition)."""
        following = view.words[mention.last + 1 : mention.last + 2]
        return bool(following) and following[0].text == ","

    def _relative_clause_end(self, view: SentenceView, clauses: Clauses, hi: int) -> int:
        """End of the relative clause that directly follows a clause ending at `hi`, else `hi`."""
        if hi < len(view.words) and self.lexicon.cue("relativizers").matches_word(view.words[hi]):
            return clauses.span_of(hi)[1]
        if (
            hi + 1 < len(view.words)
            and view.words[hi].text == ","
            and self.lexicon.cue("relativizers").matches_word(view.words[hi + 1])
        ):
            return clauses.span_of(hi + 1)[1]
        return hi

    @staticmethod
    def _confidence(weight: float, args: Arguments, time: TimeReading, subordinate: bool) -> float:
        """The rule's weight, raised by each argument found; a report in a subordinate or
        relative clause is background to the sentence's main event and counts for less."""
        score = weight + 0.1 * bool(args.source) + 0.1 * bool(args.target or args.others)
        score += 0.05 * bool(time.date) + 0.05 * bool(args.places)
        score -= SUBORDINATE_PENALTY * subordinate
        return round(max(0.05, min(MAX_CONFIDENCE, score)), 3)

    def _event_countries(
        self, context: SentenceContext, match: TriggerMatch, args: Arguments
    ) -> list[str]:
        """The participants' countries; with no named doer, also the country of a place in the
        subject's phrase ("Demonstrators in Baghdad blocked a road to protest US policy")."""
        countries = _countries(args.actors)
        # A capital speaking for its government stands for its country, even where the name is
        # also a region's ("Washington warned Pyongyang …").
        countries = list(
            dict.fromkeys([*self._capital_countries(context.view, match, args), *countries])
        )
        if args.source and countries:
            return countries
        # With no named doer, a town a place noun names is where the unnamed doer acted: its
        # country stays the event's, though the town is no side ("a roadside bombing near the
        # town of Samarra killed a U.S. soldier": Iraq and the USA).
        towns = [
            country
            for place in args.places
            if not args.source and after_place_noun(context.view, self.lexicon, place)
            for country in place.countries
        ]
        return list(dict.fromkeys([*countries, *self._subject_place(context, match, args), *towns]))

    @staticmethod
    def _subject_place(context: SentenceContext, match: TriggerMatch, args: Arguments) -> list[str]:
        """ "Opposition groups in Zimbabwe are demanding …": with no named actor, a country in the
        subject's own phrase (a place right at the start of the clause) tells whose people act."""
        lo, _ = context.clauses.span_of(match.anchor)
        for place in args.places:
            if (
                place.kind == "GPE"
                and place.last < match.first
                and place.first - lo <= SUBJECT_REACH
            ):
                return list(place.countries)
        return []

    def _in_phrase(self, context: SentenceContext, match: TriggerMatch) -> bool:
        """A trigger noun inside a prepositional phrase ("on the eve of a visit") is a setting."""
        view = context.view
        return (
            match.anchor == match.first
            and view.words[match.anchor].pos in ("NOUN", "")
            and preposition_before(view, self.lexicon, match.first) is not None
        )

    def _subordinate(self, context: SentenceContext, match: TriggerMatch) -> bool:
        """Whether the trigger stands in a clause opened by a subordinator or relative pronoun, is
        a participle describing a noun ("weapons seized last year", "West Africans ordered out of
        Nigeria") or a noun naming the setting of the sentence's event ("on the eve of a visit",
        "following a government offensive")."""
        words = context.view.words
        if self._speaker_allegation(match):
            # The speaker's statement is the act; its content always stands in a clause below it
            # ("said there were activities that violated …").
            return False
        if words[match.anchor].dep == "acl" or self._setting(context.view, match):
            return True
        lo, _ = context.clauses.span_of(match.anchor)
        if lo == 0:
            return False
        opener = lo + 1 if words[lo].text == "," and lo + 1 < len(words) else lo
        return bool(
            self.lexicon.cue("clause_breaks").starts_at(words, opener)
            or self.lexicon.cue("relativizers").matches_word(words[opener])
        )

    def _setting(self, view: SentenceView, match: TriggerMatch) -> bool:
        """A trigger noun in a phrase that sets the time or cause of another event ("on the eve
        of a visit", "following a government offensive", "despite hours of negotiations")."""
        for found in self.lexicon.cue("settings").spans(view.words, 0, match.first):
            between = view.words[found[-1] + 1 : match.first]
            if len(between) <= SETTING_REACH and all(
                w.pos in SETTING_POS or w.lower == "of" for w in between
            ):
                return True
        return False

    def _conceded(self, view: SentenceView, match: TriggerMatch) -> bool:
        """A trigger noun in a "despite" phrase (`[cues].concessions`: "despite the attack on the
        embassy", "til tross for angrepet", "trotz des Angriffs", "malgré l'attaque") is the
        background the sentence's news happened against, not a new act: no event of its own.
        The phrase runs from the concessive word to the trigger over words of a noun phrase
        (`CONCESSION_POS`), at most CONCESSION_REACH of them."""
        words = view.words
        if words[match.anchor].pos in ("VERB", "AUX"):
            return False
        determiners = self.lexicon.cue("determiners")

        def in_phrase(word: Word) -> bool:
            if not view.has_deps:
                # Without a parse only determiners are known to stay in the phrase.
                return determiners.matches_word(word)
            return (word.pos in CONCESSION_POS and word.text.isalnum()) or word.text in (
                "'s",
                "’s",
            )

        lo = max(0, match.first - CONCESSION_REACH - 3)
        return self.lexicon.cue("concessions").leads_to(
            words, lo, match.first, CONCESSION_REACH, in_phrase
        )

    def _note_lead_dates(
        self,
        article: Article,
        view: SentenceView,
        clauses: Clauses,
        matches: list[TriggerMatch],
        quoted: list[tuple[int, int]],
        lead_dates: dict[str, str],
    ) -> None:
        """The day the lead gives for each kind of event it reports ("Tens of thousands marched
        … Saturday"), whether or not the lead's own report is kept."""
        for match in matches:
            if match.factuality != "asserted" or match.category in lead_dates:
                continue
            time = read_time(article, view, clauses, self.lexicon, match, quoted)
            if time.date and not time.background:
                lead_dates[match.category] = time.date

    def _fill_gaps(
        self, article: Article, candidates: list[Candidate], lead_dates: dict[str, str]
    ) -> None:
        """Dates and places from the paragraph, a related earlier report, the lead's day for a
        report of the same kind, the publication date (events happening now) and the dateline, in
        that order; never for background events."""
        starts = paragraph_starts(article.text)
        published = (article.meta.published or "").split("T")[0] or None
        dateline_text = article.meta.dateline or dateline_name(article.text)
        dateline = place_from_name(dateline_text, self.geo, article) if dateline_text else None
        done: list[Candidate] = []
        for candidate in sorted(candidates, key=lambda c: c.event.start):
            event, time = candidate.event, candidate.time
            settled = time.blocked or time.background
            if event.date is None and not settled:
                related = self._related(candidate, done, lambda e: e.date is not None)
                event.date = (
                    self._paragraph_date(article, starts, candidate)
                    or (related.event.date if related else None)
                    or self._lead_date(candidate, lead_dates)
                    or (published if time.present else None)
                )
            if event.location is None and not time.background:
                related = self._related(candidate, done, lambda e: e.location is not None)
                event.location = (
                    (related.event.location if related else None)
                    or self._paragraph_place(article, starts, candidate)
                    or dateline
                )
            done.append(candidate)

    @staticmethod
    def _lead_date(candidate: Candidate, lead_dates: dict[str, str]) -> str | None:
        """A factual report after the lead, of the kind the lead dates, with no time of its own,
        tells more about the lead's happening: news leads give the day, the body the details
        ("Police said 30,000 people marched in Bern" after "… marched … Saturday")."""
        if candidate.event.factuality != "asserted":
            return None
        return lead_dates.get(candidate.event.type)

    @staticmethod
    def _related(
        candidate: Candidate, earlier: list[Candidate], usable: Callable[[Event], bool]
    ) -> Candidate | None:
        """The latest earlier report of the same category sharing a named actor that has what is
        wanted (a date, a place)."""
        for other in reversed(earlier):
            if other.event.type != candidate.event.type or not usable(other.event):
                continue
            if other.entity_actors & candidate.entity_actors:
                return other
        return None

    def _paragraph_date(
        self, article: Article, starts: list[int], candidate: Candidate
    ) -> str | None:
        """The latest anchored date named earlier in the same paragraph."""
        paragraph_start = starts[candidate.paragraph] if candidate.paragraph < len(starts) else 0
        best: str | None = None
        for expression in sorted((t for t in article.times if t.in_body), key=lambda t: t.start):
            if not paragraph_start <= expression.start < candidate.event.start:
                continue
            date = concrete_date(expression)
            if date and not relational_before(article.text, expression.start, self.lexicon):
                best = date
        return best

    def _paragraph_place(
        self, article: Article, starts: list[int], candidate: Candidate
    ) -> Location | None:
        """For material events, the latest place named (after a place preposition) earlier in the
        same paragraph: "Paradene fortsatte etter trening på Ba Dinh-plassen. Blant dem deltok …"."""
        if self.ontology.categories[candidate.event.type].quad.startswith("verbal"):
            return None
        lo = starts[candidate.paragraph] if candidate.paragraph < len(starts) else 0
        place = self.lexicon.preposition("place")
        best: tuple[int, Entity] | None = None
        for entity in article.entities:
            if entity.type not in ("GPE", "LOC"):
                continue
            for mention in entity.mentions:
                if not lo <= mention.start < candidate.event.start:
                    continue
                before = [
                    m.group()
                    for m in WORD_RE.finditer(
                        article.text, max(0, mention.start - 20), mention.start
                    )
                ]
                word = (
                    Word(index=0, start=0, end=0, text=before[-1], lower=before[-1].lower())
                    if before
                    else None
                )
                if (
                    word is not None
                    and place.matches_word(word)
                    and (best is None or mention.start > best[0])
                ):
                    best = (mention.start, entity)
        if best is None:
            return None
        return place_from_name(best[1].name, self.geo, article)

    def _add_host(self, article: Article, candidate: Candidate) -> bool:
        """Give visits and exercises their host country, attacks the country they hit. False when
        no participant is known by country or as a political body without one (an IGO): such a
        record says nothing about who acted."""
        event = candidate.event
        place = event.location
        if place is not None and place.country and place.country not in event.countries:
            unknown = bool(event.actors) and len(event.countries) < len(event.actors)
            hosted = candidate.frame in HOST_FRAMES or (candidate.frame == "meet" and unknown)
            category = self.ontology.categories[event.type]
            hit = category.place_target and not event.target
            local = category.place_source and not event.countries
            if hosted or hit or local:
                event.countries.append(place.country)
                host = self._country_entity(article, place.country)
                directed = candidate.frame in TARGET_HOST_FRAMES or hit
                if directed and host and host not in event.target:
                    event.target.append(host)
                    event.actors = list(dict.fromkeys([*event.actors, host]))
        if candidate.frame == "visit" and self._domestic_trip(article, event):
            return False
        return bool(event.countries) or candidate.stateless_actor

    @staticmethod
    def _domestic_trip(article: Article, event: Event) -> bool:
        """A trip by visitors of the place's own country to a named place, with no one to meet
        there but the place itself ("went to the hospital", "besøkte Kazan"), is no
        consultation."""
        place = event.location
        if place is None or len(set(event.countries)) > 1 or place.entity in event.source:
            return False
        visitors = [article.entity(i) for i in event.source]
        homes = {entity.country for entity in visitors if entity is not None}
        if homes != {place.country}:
            # A visitor of unknown country may well have come from abroad.
            return False
        others = [article.entity(i) for i in event.actors if i not in event.source]
        return all(
            entity is not None and entity.type == "GPE" and entity.lat is not None
            for entity in others
        )

    def _country_entity(self, article: Article, country: str) -> str | None:
        for entity in article.entities:
            if (
                entity.type == "GPE"
                and entity.country == country
                and self.geo.country(entity.name) == country
            ):
                return entity.id
        return None
