"""Entities: mentions from the NER and the gazetteer, roles and titles, resolution, linking.

`find_entities(article)` builds the entity layer from the article's tokens and raw NER spans;
`resolve_role_noun`, `last_person_before` and `entity_at` let later stages link pronouns and role
nouns to those entities.
"""

from __future__ import annotations

from newsgraph.entities.actors import resolve_actors
from newsgraph.entities.document import Document
from newsgraph.entities.evidence import drop_false_names, harmonise_labels
from newsgraph.entities.lexicon import load_lexicon
from newsgraph.entities.linking import entity_at, last_person_before, resolve_role_noun
from newsgraph.entities.mentions import (
    gazetteer_mentions,
    locate_organisations,
    merge_pattern_organisations,
    model_mentions,
    organisation_mentions,
    type_with_gazetteer,
)
from newsgraph.entities.merge import PLACE_LABELS, cluster_entity, cluster_mentions
from newsgraph.entities.repeats import add_repeated_mentions
from newsgraph.entities.retype import (
    extend_to_heads,
    knowledge_organisations,
    merge_known_organisations,
    retype_mentions,
)
from newsgraph.entities.roles import find_roles
from newsgraph.entities.sources import (
    institution_mentions,
    media_mentions,
    source_mentions,
    speaker_name_mentions,
)
from newsgraph.gazetteer import load_gazetteer
from newsgraph.model import Article, Entity

__all__ = ["entity_at", "find_entities", "last_person_before", "resolve_role_noun"]


def find_entities(article: Article) -> list[Entity]:
    """The article's entities, merged over mentions, with ids e1, e2, ... by first mention."""
    doc = Document(article, load_gazetteer(article.lang), load_lexicon(article.lang))
    mentions = drop_false_names(doc, model_mentions(doc))
    type_with_gazetteer(doc, mentions)
    retype_mentions(doc, mentions)
    institution_mentions(doc, mentions)
    mentions += media_mentions(doc, mentions)
    mentions += source_mentions(doc, mentions)
    mentions += speaker_name_mentions(doc, mentions)
    mentions.sort(key=lambda m: m.start)
    harmonise_labels(mentions)
    extend_to_heads(doc, mentions)
    organisations = merge_known_organisations(
        organisation_mentions(doc), knowledge_organisations(doc)
    )
    mentions = merge_pattern_organisations(mentions, organisations)
    mentions += gazetteer_mentions(doc, mentions)
    locate_organisations(doc, mentions)
    mentions += find_roles(doc, mentions)
    clusters = cluster_mentions(doc, mentions)
    add_repeated_mentions(doc, clusters)
    clusters.sort(key=lambda c: c.first)
    entities = [cluster_entity(doc, c, f"e{n}") for n, c in enumerate(clusters, start=1)]
    place_keys = {
        entity.id: cluster.key
        for entity, cluster in zip(entities, clusters, strict=True)
        if cluster.label in PLACE_LABELS and not cluster.key.startswith("text:")
    }
    resolve_actors(doc, entities, place_keys)
    return entities
