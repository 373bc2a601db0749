"""Entity resolution within one article: mentions of the same referent merge into one Entity.

Persons: a shorter form joins the full name that contains its words ("Belousov" and "minister
Belousov" join "Andrey Belousov"; the nearest earlier full name wins when several fit); the name is
the longest full form. Places: one entity per gazetteer place, named by its base form in the
article's language ("Russlands" -> Russland). Organisations: same words after the determiner and
genitive, and "Long Name (LN)" acronyms. Entity ids follow first mentions: e1, e2, ...
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.entities.document import Document, Mention
from newsgraph.gazetteer import nationality_adjectives
from newsgraph.knowledge import load_knowledge
from newsgraph.knowledge.names import fold
from newsgraph.model import Entity, Span, Title
from newsgraph.model.article import EntityType

PLACE_LABELS = frozenset({"GPE", "LOC"})
MAX_NAME_WORDS = 4
# Longest particle joined to a surname by a hyphen ("al-", "el-", "bin-").
MAX_PARTICLE_LETTERS = 3
# An acronym that is not exactly a name's initials must hold at least this many of them.
MIN_ACRONYM_INITIALS = 2
ACRONYM_AFTER = re.compile(r"\s*\(([A-ZÆØÅ]{2,12})\)")
# The language of the canonical names of pattern organisations ("Russian Foreign Ministry").
CANONICAL_LANGUAGE = "en"


@dataclass
class Cluster:
    """Mentions believed to share one referent."""

    label: str
    key: str
    words: tuple[str, ...] = ()
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        """Offset of the first mention."""
        return min(m.start for m in self.mentions)


def _fold(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _without_particles(words: tuple[str, ...]) -> tuple[str, ...]:
    """Name words without a short particle joined by a hyphen ("al-mughrabi" -> "mughrabi"),
    so that the bare surname joins the full name."""
    return tuple(
        word.split("-", 1)[1]
        if "-" in word and 0 < len(word.split("-", 1)[0]) <= MAX_PARTICLE_LETTERS
        else word
        for word in words
    )


def genitive_base(doc: Document, mention: Mention) -> str | None:
    """The mention's text without a genitive suffix, when the text around says it is one.

    A final "s" is a genitive only before a noun phrase ("Qins karriere"); "Jonas sa" keeps its s.
    """
    base = doc.lexicon.strip_genitive(mention.text)
    if base is None:
        return None
    following = doc.next_token(mention.end)
    if following is None or doc.tokens[following].pos not in ("NOUN", "ADJ", "NUM"):
        return None
    return base


def nearest_cluster(clusters: list[Cluster], offset: int) -> Cluster:
    """The cluster with the closest mention before `offset`, else the closest after."""

    def distance(cluster: Cluster) -> tuple[int, int]:
        before = [offset - m.end for m in cluster.mentions if m.end <= offset]
        if before:
            return (0, min(before))
        return (1, min(m.start - offset for m in cluster.mentions))

    return min(clusters, key=distance)


def cluster_persons(doc: Document, mentions: list[Mention]) -> list[Cluster]:
    """Group person mentions: full names first, then shorter forms into the names holding them."""
    clusters: list[Cluster] = []
    ordered = sorted(mentions, key=lambda m: (-len(m.text.split()), m.start))
    for mention in ordered:
        words = _fold(mention.text.split())
        variants = [words]
        stripped = doc.lexicon.strip_genitive(mention.text)
        if stripped:
            variants.append(_fold(stripped.split()))
        target = None
        for variant in variants:
            fits = [
                c
                for c in clusters
                if _is_subsequence(variant, c.words)
                or _is_subsequence(variant, _without_particles(c.words))
            ]
            if fits:
                target = nearest_cluster(fits, mention.start)
                break
        if target is None:
            base = genitive_base(doc, mention)
            own = _fold(base.split()) if base else words
            target = Cluster("PER", f"per:{len(clusters)}", own)
            clusters.append(target)
        target.mentions.append(mention)
    return clusters


def _org_key(doc: Document, text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in doc.lexicon.determiners:
        words = words[1:]
    return " ".join(words).casefold()


def cluster_organisations(doc: Document, mentions: list[Mention]) -> list[Cluster]:
    """Group organisation mentions by their words, genitives and acronyms."""
    keys = {_org_key(doc, m.text) for m in mentions}
    aliases: dict[str, str] = {}
    for mention in mentions:
        found = ACRONYM_AFTER.match(doc.text, mention.end)
        if found and _abbreviates(found.group(1), mention.text):
            aliases[found.group(1).casefold()] = _org_key(doc, mention.text)
    clusters: dict[str, Cluster] = {}
    for mention in mentions:
        key = _org_key(doc, mention.text)
        base = doc.lexicon.strip_genitive(key)
        if base is not None and (base in keys or base in aliases):
            key = base
        key = aliases.get(key, key)
        clusters.setdefault(key, Cluster("ORG", f"org:{key}")).mentions.append(mention)
    return _merge_heads(list(clusters.values()))


def _merge_heads(clusters: list[Cluster]) -> list[Cluster]:
    """A name that ends a longer one joins it: "the Army" after "the Indian Army"."""
    kept = []
    for cluster in clusters:
        key = cluster.key.removeprefix("org:")
        longer = [
            c
            for c in clusters
            if c is not cluster and c.key.endswith(" " + key) and c.first < cluster.first
        ]
        if longer:
            target = nearest_cluster(longer, cluster.first)
            target.mentions.extend(cluster.mentions)
        else:
            kept.append(cluster)
    return kept


def _initials(text: str) -> str:
    return "".join(word[0] for word in text.split() if word[:1].isupper())


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether an acronym in brackets after a name stands for it: the name's initials, or an
    acronym that opens with the first initial and holds all of them in order ("UNICEF" after
    "UN Children's Fund")."""
    initials = _initials(name)
    if initials == acronym:
        return True
    if len(initials) < MIN_ACRONYM_INITIALS or acronym[0] != initials[0]:
        return False
    remaining = iter(acronym)
    return all(letter in remaining for letter in initials)


def cluster_places(doc: Document, mentions: list[Mention]) -> list[Cluster]:
    """One cluster per gazetteer place; unknown places by their text without genitive."""
    texts = {m.text for m in mentions}
    clusters: dict[str, Cluster] = {}
    for mention in mentions:
        if mention.place is not None:
            key = mention.place.place.key
        else:
            base = doc.lexicon.strip_genitive(mention.text)
            key = "text:" + (base if base in texts else mention.text).casefold()
        clusters.setdefault(key, Cluster(mention.label, key)).mentions.append(mention)
    return list(clusters.values())


def cluster_others(mentions: list[Mention]) -> list[Cluster]:
    """Products and events: same text, same referent."""
    clusters: dict[str, Cluster] = {}
    for mention in mentions:
        key = f"{mention.label}:{mention.text.casefold()}"
        clusters.setdefault(key, Cluster(mention.label, key)).mentions.append(mention)
    return list(clusters.values())


def relabel_name_parts(doc: Document, mentions: list[Mention]) -> None:
    """Mentions the NER mistyped but that share a person's name become persons.

    A one-word mention that is part of a person's full name ("Belousov" typed ORG); a known
    surname the NER ran into the next word ("Ding tirsdag"); a full name whose first or last word
    is elsewhere a one-word person ("Qin Gang" typed ORG, "Qins karriere" a person).
    """
    persons = [m for m in mentions if m.label == "PER"]
    parts = {w.casefold() for m in persons if len(m.text.split()) > 1 for w in m.text.split()}
    singles = set()
    for person in persons:
        if " " not in person.text:
            singles.add(person.text.casefold())
            base = doc.lexicon.strip_genitive(person.text)
            singles.update({base.casefold()} if base else set())
    for mention in mentions:
        if _small_town_name_part(mention, parts):
            mention.label, mention.place, mention.country = "PER", None, None
            continue
        untyped = mention.label in ("ORG", "GPE", "LOC", "PROD", "EVT") and mention.place is None
        if not untyped or mention.source != "model" or mention.country is not None:
            continue
        first, *rest = mention.text.split()
        if first.casefold() in parts and all(word.islower() for word in rest):
            mention.end = mention.start + len(first)
            mention.text = first
            mention.label = "PER"
        elif (
            1 <= len(rest) < MAX_NAME_WORDS
            and all(w[:1].isupper() for w in rest)
            and (first.casefold() in singles or rest[-1].casefold() in singles)
        ):
            mention.label = "PER"


def _small_town_name_part(mention: Mention, parts: set[str]) -> bool:
    """A one-word place reading of a town that is also part of a person's name in the article
    ("Durham" after "John Durham"): the person, since small towns seldom share a news story."""
    place = mention.place
    if place is None or place.salient or place.place.kind != "city" or " " in mention.text:
        return False
    base = place.base if place.form == "genitive" else mention.text
    return mention.source == "model" and base.casefold() in parts


def _joinable(doc: Document, person: Mention, other: Mention) -> bool:
    """Whether `other` continues the person's name right after it ("Pavlo" + "Klimkin"), or
    is the second part of a hyphenated surname ("Joly" + "-" + "Gomez", whatever its label)."""
    gap = doc.text[person.end : other.start]
    if gap == "-":
        return " " not in other.text and other.text[:1].isupper() and other.text.isalpha()
    if gap != " ":
        return False
    if other.label != "PER" and (
        other.label not in ("ORG", "PROD", "EVT") or other.place or other.country
    ):
        return False
    words = f"{person.text} {other.text}".split()
    return len(words) <= MAX_NAME_WORDS and all(w[:1].isupper() for w in words)


def join_split_names(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Join a person mention and a name mention right after it: the NER or a role pattern may
    stop inside a name ("Pavlo" PER + "Klimkin" ORG is the person "Pavlo Klimkin")."""
    ordered = sorted(mentions, key=lambda m: m.start)
    kept: list[Mention] = []
    for mention in ordered:
        previous = kept[-1] if kept else None
        if previous is not None and previous.label == "PER" and _joinable(doc, previous, mention):
            previous.end = mention.end
            previous.text = doc.text[previous.start : previous.end]
            previous.titles.extend(mention.titles)
            previous.country = previous.country or mention.country
            continue
        kept.append(mention)
    for mention in kept:
        if mention.label == "PER":
            _extend_over_proper_nouns(doc, mention, kept)
    return kept


def _extend_over_proper_nouns(doc: Document, person: Mention, mentions: list[Mention]) -> None:
    """Grow a person over untagged proper nouns right after it ("Pushkar Singh" + "Dhami"), over
    the second part of a hyphenated surname ("Joly" + "-Gomez"), and, where the pipeline tags no
    parts of speech (de, fr), over one capitalised word after a known given name ("Christophe" +
    "Arend", "Richard David" + "Precht"): German capitalises every noun, so a name that already
    ends with a surname ("Olaf Scholz Journalisten") is never grown that way."""
    span = doc.token_span(person.start, person.end)
    if span is None:
        return
    first, last = span
    while last < len(doc) and last - first < MAX_NAME_WORDS and doc.same_sentence(first, last + 1):
        token = doc.tokens[last]
        gap = doc.text[doc.tokens[last - 1].end : token.start]
        if token.text == "-" and gap == "" and _hyphen_part(doc, last + 1, mentions):
            last += 2
            continue
        if not token.text.isalpha() or not doc.is_capitalised(last) or gap != " ":
            break
        if token.pos != "PROPN" and (token.pos or not _ends_with_given_name(doc, first, last)):
            break
        if any(m.overlaps(token.start, token.end) for m in mentions):
            break
        if doc.lexicon.is_calendar_word(token.text, False) or doc.gazetteer.lookup(token.text):
            break
        last += 1
    if last != span[1]:
        person.end = doc.tokens[last - 1].end
        person.text = doc.text[person.start : person.end]


def _hyphen_part(doc: Document, index: int, mentions: list[Mention]) -> bool:
    """Whether the token at `index` is a capitalised word written right after a hyphen that no
    other mention holds: the second part of a double surname."""
    if index >= len(doc):
        return False
    token = doc.tokens[index]
    return (
        doc.tokens[index - 1].end == token.start
        and token.text.isalpha()
        and doc.is_capitalised(index)
        and not any(m.overlaps(token.start, token.end) for m in mentions)
    )


def _ends_with_given_name(doc: Document, first: int, last: int) -> bool:
    """Whether a name's words so far are all given names the actor knowledge knows, so that a
    surname may still follow."""
    given = load_knowledge().given_names
    words = [doc.tokens[i].text for i in range(first, last)]
    return all(fold(w) in given for w in words if w.isalpha())


def cluster_mentions(doc: Document, mentions: list[Mention]) -> list[Cluster]:
    """All clusters of an article's mentions, in order of first mention."""
    mentions = join_split_names(doc, mentions)
    relabel_name_parts(doc, mentions)
    by_label: dict[str, list[Mention]] = {}
    for mention in mentions:
        group = "PLACE" if mention.label in PLACE_LABELS else mention.label
        by_label.setdefault(group, []).append(mention)
    clusters = [
        *cluster_persons(doc, by_label.get("PER", [])),
        *cluster_places(doc, by_label.get("PLACE", [])),
        *cluster_organisations(doc, by_label.get("ORG", [])),
        *cluster_others([m for g, ms in by_label.items() if g in ("PROD", "EVT") for m in ms]),
    ]
    return sorted(clusters, key=lambda c: c.first)


def merge_titles(titles: list[Title]) -> list[Title]:
    """One title per canonical meaning (the first, with any country seen), vaguer ones dropped."""
    chosen: dict[str, Title] = {}
    for title in titles:
        key = (title.canonical or title.text).casefold()
        known = chosen.get(key)
        if known is None:
            chosen[key] = title
        elif known.country is None and title.country:
            chosen[key] = known.model_copy(update={"country": title.country})
    keys = list(chosen)
    return [
        chosen[key]
        for key in keys
        if not any(other != key and other.endswith(" " + key) for other in keys)
    ]


def _person_entity(cluster: Cluster) -> tuple[str, str | None, list[Title]]:
    """Name (the longest full form), country and titles of a person cluster."""
    longest = max(cluster.mentions, key=lambda m: (len(m.text.split()), -m.start))
    words = longest.text.split()
    if len(words) == len(cluster.words) and _fold(words) != cluster.words:
        words[-1] = words[-1][: len(cluster.words[-1])]
    ordered = sorted(cluster.mentions, key=lambda m: m.start)
    titles = merge_titles([title for mention in ordered for title in mention.titles])
    country = next((t.country for t in titles if t.country), None)
    country = country or next((m.country for m in ordered if m.country), None)
    return " ".join(words), country, titles


def _organisation_entity(doc: Document, cluster: Cluster) -> tuple[str, str | None, str | None]:
    """Name, country and canonical name of an organisation cluster."""
    longest = max(cluster.mentions, key=lambda m: (len(m.text), -m.start))
    name = longest.text
    base = doc.lexicon.strip_genitive(name)
    if base is not None and (
        any(m.text == base for m in cluster.mentions) or genitive_base(doc, longest)
    ):
        name = base
    country = next((m.country for m in cluster.mentions if m.country), None)
    canonical = None
    for mention in cluster.mentions:
        if mention.source == "pattern" and mention.country and mention.canonical:
            adjectives = nationality_adjectives(CANONICAL_LANGUAGE, mention.country)
            if adjectives:
                canonical = f"{adjectives[0]} {mention.canonical}"
        elif mention.canonical:
            canonical = canonical or mention.canonical
    return name, country, canonical


def _place_entity(cluster: Cluster) -> tuple[str, EntityType, str | None, Mention]:
    first = min(cluster.mentions, key=lambda m: m.start)
    located = next((m for m in cluster.mentions if m.place is not None), None)
    if located is None or located.place is None:
        label = Counter(m.label for m in cluster.mentions).most_common(1)[0][0]
        return first.text, _entity_type(label), None, first
    place = located.place.place
    name = place.name if place.localised else located.place.base
    return name, place.type, place.canonical, located


def _entity_type(label: str) -> EntityType:
    types: dict[str, EntityType] = {
        "PER": "PER",
        "ORG": "ORG",
        "GPE": "GPE",
        "LOC": "LOC",
        "PROD": "PROD",
        "EVT": "EVT",
    }
    return types.get(label, "ORG")


def cluster_entity(doc: Document, cluster: Cluster, entity_id: str) -> Entity:
    """Turn a cluster into an Entity."""
    ordered = sorted(cluster.mentions, key=lambda m: m.start)
    mentions = [Span(start=m.start, end=m.end, text=m.text) for m in ordered]
    if cluster.label == "PER":
        name, country, titles = _person_entity(cluster)
        return Entity(
            id=entity_id, name=name, type="PER", country=country, titles=titles, mentions=mentions
        )
    if cluster.label == "ORG":
        name, country, canonical = _organisation_entity(doc, cluster)
        return Entity(
            id=entity_id,
            name=name,
            type="ORG",
            country=country,
            canonical=canonical,
            mentions=mentions,
        )
    if cluster.label in PLACE_LABELS:
        name, kind, canonical, located = _place_entity(cluster)
        place = located.place.place if located.place else None
        return Entity(
            id=entity_id,
            name=name,
            type=kind,
            country=place.country if place else None,
            mentions=mentions,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            canonical=canonical,
        )
    first = mentions[0]
    return Entity(
        id=entity_id, name=first.text, type=_entity_type(cluster.label), mentions=mentions
    )
