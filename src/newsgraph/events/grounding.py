"""Grounding: is a trigger's report a political event at all?

Trigger words are ambiguous: "Columbus beat Montreal" is sport, "avoiding personal attacks" a figure
of speech, "Apple sued Samsung" business. An event is kept only when

* its sentence is not about sport or entertainment (`sport` and `entertainment` cue lists of the
  language) and its trigger is not part of a figurative phrase (`figurative`, handled with
  `not_events` in the trigger finder), and
* at least one side is a political actor (`political_actor`): a state (a country, its nationality
  word, a named group of states), a government body, military, party, IGO or armed group (an
  organisation's sector, else words of its name), or a person holding such a role (a political
  title); or, with no named actor, a political common noun in the trigger's clause ("troops",
  "police", "rebels", "protesters"). Categories whose participants are political by the act itself
  (`grounding = "place"` in plover.toml, e.g. PROTEST) may stand on the country of their place.

What counts as political is data: canonical political titles and organisation sectors in
resources/common/grounding.toml; organisation name words and common nouns per language in
resources/<lang>/events.toml ([cues] political_orgs, political_nouns).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.events.actors import ActorMention
from newsgraph.events.lexicon import Lexicon, PhraseSet
from newsgraph.events.words import SentenceView
from newsgraph.model import Entity
from newsgraph.resources import COMMON, load_resource

STATE_KINDS = ("NAT", "GROUP")


@dataclass(frozen=True)
class PoliticalRoles:
    """Language-neutral knowledge of political roles: sectors and canonical titles."""

    sectors: frozenset[str]
    other_sectors: frozenset[str]
    titles: frozenset[str]
    law_categories: frozenset[str] = frozenset()
    law_titles: frozenset[str] = frozenset()
    civil_categories: frozenset[str] = frozenset()
    recipient_categories: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_political_roles() -> PoliticalRoles:
    """resources/common/grounding.toml, read once."""
    data = load_resource(COMMON, "grounding")
    return PoliticalRoles(
        sectors=frozenset(str(s).upper() for s in data.get("political_sectors", [])),
        other_sectors=frozenset(str(s).upper() for s in data.get("other_sectors", [])),
        titles=frozenset(str(t).casefold() for t in data.get("political_titles", [])),
        law_categories=frozenset(
            str(c).upper() for c in data.get("law_enforcement_categories", [])
        ),
        law_titles=frozenset(str(t).casefold() for t in data.get("law_enforcement_titles", [])),
        civil_categories=frozenset(
            str(c).upper() for c in data.get("civil_authority_categories", [])
        ),
        recipient_categories=frozenset(
            str(c).upper() for c in data.get("recipient_categories", [])
        ),
    )


def _political_title(entity: Entity, roles: PoliticalRoles, law: bool = False) -> bool:
    titles = roles.titles - roles.law_titles if law else roles.titles
    for title in entity.titles:
        names: set[str] = set()
        for form in (title.text, title.canonical or ""):
            words = form.casefold().split()
            if words:
                names |= {" ".join(words), words[-1]}
        if names & titles:
            return True
    return False


def _org_names(entity: Entity) -> list[str]:
    """An organisation's names, each once (a mention repeats them)."""
    names = [entity.name, *(m.text for m in entity.mentions)]
    if entity.canonical:
        names.append(entity.canonical)
    return list(dict.fromkeys(names))


def political_actor(
    kind: str,
    entity: Entity | None,
    is_country: bool,
    org_words: PhraseSet,
    roles: PoliticalRoles | None = None,
    law_words: PhraseSet | None = None,
    civil_words: PhraseSet | None = None,
) -> bool:
    """Whether one participant is a political actor.

    `kind` is the mention's kind (PER, ORG, GPE, LOC, NAT for a nationality word, GROUP for a named
    group of states); `is_country` says whether a GPE names a country (not a town: "Columbus beat
    Montreal"); `org_words` are the language's words naming government, military, party or IGO
    bodies. The entity's sector, where the knowledge layer gives one, decides first.

    With `law_words` (the language's police, court and prosecutor words) law enforcement does not
    count: an organisation whose name holds one of them ("Metropolitan Police", "Oslo tingrett"), a
    court (sector JUD) and a person whose only political titles are law-enforcement ones (judge,
    prosecutor, sheriff) are no political actors then. A state still is ("Egyptian police").

    With `civil_words` (the language's police, health, transport and other agency words) an
    organisation whose name holds one of them ("Oslo politidistrikt", "Helsedirektoratet",
    "Luftfartstilsynet") is no political actor: an agency serving the public.
    """
    roles = roles or load_political_roles()
    law = law_words is not None
    if (
        civil_words is not None
        and kind == "ORG"
        and entity is not None
        and any(civil_words.in_name(name) for name in _org_names(entity))
    ):
        return False
    if (
        law_words is not None
        and kind == "ORG"
        and entity is not None
        and (
            (entity.sector or "").upper() == "JUD"
            or any(law_words.in_name(name) for name in _org_names(entity))
        )
    ):
        return False
    # Entity.sector (GOV/MIL/LEG/JUD/PTY/IGO/NGO/MED/REB/BUS) comes from the actor knowledge.
    sector = entity.sector if entity is not None else None
    if sector:
        if sector.upper() in roles.sectors:
            return True
        if sector.upper() in roles.other_sectors and kind == "ORG":
            return False
    if kind in STATE_KINDS:
        return True
    if kind == "GPE":
        return is_country
    if entity is None:
        return False
    if kind == "PER":
        if law and (entity.sector or "").upper() == "JUD":
            return False
        return _political_title(entity, roles, law or civil_words is not None)
    if kind == "ORG":
        return any(org_words.in_name(name) for name in _org_names(entity))
    return False


@dataclass(frozen=True)
class Grounding:
    """The political-sense tests of one language."""

    lexicon: Lexicon

    @property
    def configured(self) -> bool:
        """Whether the language has grounding lists; a language without them is not filtered."""
        return bool(
            self.lexicon.cue("political_orgs").patterns
            or self.lexicon.cue("political_nouns").patterns
        )

    def off_topic(self, view: SentenceView) -> bool:
        """A sentence about sport or entertainment reports no political event."""
        words = view.words
        return self.lexicon.cue("sport").any_span(words) or self.lexicon.cue(
            "entertainment"
        ).any_span(words)

    def political_noun(
        self, view: SentenceView, lo: int, hi: int, law: bool = False, civil: bool = False
    ) -> bool:
        """A political common noun ("troops", "politiet", "opprørere") in words [lo, hi); with
        `law`, police, court and prosecutor words ("police", "authorities", "retten") do not
        count; with `civil`, police and agency words ("politiet", "helsemyndighetene") do not."""
        spans = self.lexicon.cue("political_nouns").spans(view.words, lo, hi)
        if not (law or civil):
            return bool(spans)
        names = [*(["law_enforcement"] if law else []), *(["civil_authorities"] if civil else [])]
        covered = {
            i
            for name in names
            for span in self.lexicon.cue(name).spans(view.words, lo, hi)
            for i in range(span[0], span[-1] + 1)
        }
        return any(not covered.issuperset(span) for span in spans)

    def law_sensitive(self, category: str) -> bool:
        """Whether law enforcement alone grounds no event of this category (an arrest, a charge, a
        sentence: crime news unless a political actor takes part)."""
        return category.upper() in load_political_roles().law_categories

    def civil_sensitive(self, category: str) -> bool:
        """Whether a civil authority alone grounds no event of this category (the police asking
        the public for tips, health advice, an aircraft type grounded: administration, not
        politics; `civil_authority_categories` in resources/common/grounding.toml)."""
        return category.upper() in load_political_roles().civil_categories

    def needs_recipient(self, category: str) -> bool:
        """Whether a trigger noun of this category needs a named recipient to report one act
        (`recipient_categories` in resources/common/grounding.toml: "norsk bistand", "urgent
        assistance", "the peacekeeping force" name aid in general)."""
        return category.upper() in load_political_roles().recipient_categories

    def is_political(
        self,
        mention: ActorMention,
        entity: Entity | None,
        is_country: bool,
        law: bool = False,
        civil: bool = False,
    ) -> bool:
        """`political_actor` for one actor mention of a sentence; with `law`, law enforcement does
        not count, with `civil` civil authorities do not."""
        return political_actor(
            mention.kind,
            entity,
            is_country,
            self.lexicon.cue("political_orgs"),
            law_words=self.lexicon.cue("law_enforcement") if law else None,
            civil_words=self.lexicon.cue("civil_authorities") if civil else None,
        )
