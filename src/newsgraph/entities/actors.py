"""Actor resolution: countries, sectors and canonical ids for the article's entities.

Runs after mentions are merged. Each entity's country keeps the first source that gives one,
recorded in `country_from`:

- `title`: the person's title names the country ("Russlands forsvarsminister Belousov");
- `text`: other words of the text name it (a country word in an organisation's name, a
  nationality word the mention carries);
- `gazetteer`: a place's own country;
- `knowledge`: the actor knowledge (resources/common/actors.json.gz, see newsgraph.knowledge)
  or a language's table of national institutions ("Forsvaret");
- `home`: the outlet's country, for a person whose only clue is a national title written
  without a country ("statsministeren") and whom the knowledge does not know.

What the text states is never replaced by a lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.entities.document import Document
from newsgraph.entities.mentions import leading_country
from newsgraph.gazetteer.isocodes import iso_countries
from newsgraph.knowledge import Actor, ActorKnowledge, Resolution, load_knowledge
from newsgraph.knowledge.names import fold
from newsgraph.model import Article, Entity
from newsgraph.publisher import registered_domain
from newsgraph.resources import COMMON, base_language, load_resource

ROYAL_TITLES = ("King", "Queen", "Crown Prince", "Crown Princess", "Prince", "Princess")
SECTOR_ORDER = ("MIL", "JUD", "LEG", "PTY", "GOV", "MED")


@dataclass(frozen=True)
class ActorRules:
    """The shared rules of resources/common/actors.toml."""

    tld: dict[str, str]
    publishers: dict[str, str]
    languages: dict[str, str]
    national_titles: frozenset[str]
    sectors: tuple[tuple[str, tuple[str, ...]], ...]
    alpha2: dict[str, str]


@lru_cache(maxsize=1)
def load_rules() -> ActorRules:
    """resources/common/actors.toml, read once."""
    table: dict[str, Any] = load_resource(COMMON, "actors")
    home = table.get("home", {})
    sectors = table.get("sectors", {})
    return ActorRules(
        tld={str(k): str(v) for k, v in home.get("tld", {}).items()},
        publishers={str(k): str(v) for k, v in home.get("publishers", {}).items()},
        languages={str(k): str(v) for k, v in home.get("languages", {}).items()},
        national_titles=frozenset(str(t).casefold() for t in home.get("national_titles", [])),
        sectors=tuple(
            (code, tuple(str(w) for w in sectors.get(code, []))) for code in SECTOR_ORDER
        ),
        alpha2={c.alpha2.casefold(): c.alpha3 for c in iso_countries()},
    )


def home_country(doc: Document) -> str | None:
    """The outlet's country: publisher domain, then dateline, then the language's main country."""
    rules = load_rules()
    meta = doc.article.meta
    domain = meta.publisher or registered_domain(meta.source_url)
    if domain:
        domain = domain.casefold()
        if domain in rules.publishers:
            return rules.publishers[domain]
        suffix = domain.rsplit(".", 1)[-1]
        found = rules.tld.get(suffix) or (rules.alpha2.get(suffix) if len(suffix) == 2 else None)
        if found:
            return found
    if meta.dateline:
        match = doc.gazetteer.best(meta.dateline, ("name",))
        if match is not None and match.place.country:
            return match.place.country
    lang = (doc.article.lang or "").split("-")[0]
    return rules.languages.get(lang)


def title_sector(words: list[str]) -> str | None:
    """Sector of an actor from its canonical title or name words."""
    text = " " + " ".join(words).casefold() + " "
    for code, keys in load_rules().sectors:
        if any(f" {key} " in text for key in keys):
            return code
    return None


def article_day(article: Article) -> str | None:
    """The article's publication day (ISO), when known."""
    published = article.meta.published
    return published[:10] if published and len(published) >= 10 else None


def _key(prefix: str, name: str) -> str:
    return f"{prefix}:" + fold(name).replace(" ", "-")


def royal_titles(lang: str | None) -> dict[str, str]:
    """The language's royal title words ("kong" -> "King") from resources/<lang>/actors.toml."""
    table = load_resource(base_language(lang), "actors").get("royal_titles", {})
    return {str(word).casefold(): str(title) for word, title in table.items()}


def _royal_title_before(doc: Document, entity: Entity) -> list[str]:
    """Canonical royal titles written right before the entity's mentions ("kong Harald")."""
    words = royal_titles(doc.article.lang)
    found = []
    for mention in entity.mentions:
        before = doc.text[max(0, mention.start - 40) : mention.start].split()
        for size in (2, 1):
            phrase = " ".join(before[-size:]).casefold()
            if len(before) >= size and phrase in words:
                found.append(words[phrase])
                break
    return found


def _person_resolution(
    doc: Document, knowledge: ActorKnowledge, entity: Entity, day: str | None
) -> Resolution | None:
    found = knowledge.person(entity.name, day)
    if found is not None:
        return found
    if " " in entity.name.strip():
        return None
    titles = [t.canonical for t in entity.titles if t.canonical in ROYAL_TITLES]
    for title in [*titles, *_royal_title_before(doc, entity)]:
        royal = knowledge.royal(title, entity.name)
        if royal is not None:
            return royal
    found = knowledge.surname(entity.name, day)
    if found is not None:
        return found
    return knowledge.titled_surname(entity.name, [t.canonical or t.text for t in entity.titles])


def _plausible(
    entity: Entity, actor: Actor, context: frozenset[str | None], home: str | None, day: str | None
) -> bool:
    """Whether the article gives reason to believe a knowledge match is this actor and not a
    namesake: the actor's country is named in the article (or is the outlet's), the person
    holds a title here that the actor held, or the actor was head of state or government and,
    in a national outlet writing about a foreigner, in office on the article's day."""
    if actor.country in context or _titled_as(entity, actor):
        return True
    if not actor.prominent:
        return False
    if home is None or day is None or actor.country == home:
        return True
    return actor.in_top_office(day)


def _resolve_person(
    doc: Document, entity: Entity, home: str | None, context: frozenset[str | None]
) -> None:
    knowledge = load_knowledge()
    if entity.country is not None:
        titled = any(title.country == entity.country for title in entity.titles)
        entity.country_from = "title" if titled else "text"
    day = article_day(doc.article)
    found = _person_resolution(doc, knowledge, entity, day)
    if found is not None and (
        _contradicts(entity, found.actor)
        or (found.how == "partial" and not _titled_as(entity, found.actor))
        or (
            found.how not in ("royal", "surname")
            and not _plausible(entity, found.actor, context, home, day)
        )
    ):
        found = None
    if found is not None:
        _adopt(entity, found.actor)
        if entity.country is None and found.actor.country:
            entity.country, entity.country_from = found.actor.country, "knowledge"
    if entity.country is None and home and _national_title(entity):
        entity.country, entity.country_from = home, "home"
    words = [t.canonical or t.text for t in entity.titles]
    entity.sector = entity.sector or title_sector(words)
    entity.canonical_id = entity.canonical_id or _key("per", entity.name)


def _titled_as(entity: Entity, actor: Actor) -> bool:
    """Whether the text gives the person a title the actor held: a name that only shares its end
    with a known name ("Olav Johansen", "Bengt Olav Johansen") is the office holder only then,
    never a private namesake who would inherit the office's role."""
    return any(actor.holds_title(t.canonical or t.text) for t in entity.titles)


def _contradicts(entity: Entity, actor: Actor) -> bool:
    """Whether the text gives the entity another country than the actor's: a namesake."""
    return (
        entity.country is not None and actor.country is not None and entity.country != actor.country
    )


def _national_title(entity: Entity) -> bool:
    national = load_rules().national_titles
    return any((t.canonical or "").casefold() in national for t in entity.titles)


def _adopt(entity: Entity, actor: Actor) -> None:
    """Take the actor's id (a Wikidata QID or a `kb:` key), canonical name and sector; the
    entity's own name stays."""
    entity.canonical_id = actor.id
    if entity.type == "PER" or entity.canonical is None:
        entity.canonical = actor.name
    entity.sector = entity.sector or actor.sector


def _resolve_organisation(doc: Document, entity: Entity) -> None:
    if entity.country is not None:
        stated = any(leading_country(doc, m.text) for m in entity.mentions)
        entity.country_from = "text" if stated else "knowledge"
    names = [entity.name, *(m.text for m in entity.mentions)]
    if entity.canonical:
        names.insert(0, entity.canonical)
    knowledge = load_knowledge()
    for name in names:
        actor = knowledge.organisation(name)
        if actor is None or _contradicts(entity, actor):
            continue
        if entity.country is None and actor.country:
            entity.country, entity.country_from = actor.country, "knowledge"
        entity.sector = entity.sector or actor.sector
        # Phoenix groups several bodies under one entry (CIA and NSA under the US intelligence
        # community): only an IGO or the entry's own name links by the entry's id.
        if actor.sector == "IGO" or fold(name) == fold(actor.name):
            _adopt(entity, actor)
        break
    institution = doc.lexicon.institution(entity.name)
    if institution is not None:
        entity.sector = entity.sector or institution.sector
    entity.sector = entity.sector or title_sector([entity.canonical or "", entity.name])
    entity.canonical_id = entity.canonical_id or _key("org", entity.canonical or entity.name)


def resolve_actors(doc: Document, entities: list[Entity], place_keys: dict[str, str]) -> None:
    """Fill country (where unknown), country_from, sector and canonical_id of every entity.

    `place_keys` maps a place entity's id to its gazetteer key ("country:RUS").
    """
    home = home_country(doc)
    context = frozenset(
        {home}
        | {e.country for e in entities if e.country and e.type != "PER"}
        | {t.country for e in entities for t in e.titles if t.country}
    )
    for entity in entities:
        if entity.type == "PER":
            _resolve_person(doc, entity, home, context)
        elif entity.type == "ORG":
            _resolve_organisation(doc, entity)
        elif entity.type in ("GPE", "LOC"):
            if entity.country is not None:
                entity.country_from = "gazetteer"
            entity.canonical_id = place_keys.get(entity.id) or _key("place", entity.name)
        else:
            entity.canonical_id = _key(entity.type.lower(), entity.name)
