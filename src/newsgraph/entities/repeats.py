"""Find later mentions the NER missed: a known name written again ("Dong sa ..." after "Dong Jun").

Every surface an entity already has (its mention texts, and for persons with full names each
capitalised part of the name, plain or genitive) is searched for in the untagged tokens.
"""

from __future__ import annotations

from newsgraph.entities.document import Document, Mention
from newsgraph.entities.merge import Cluster, nearest_cluster

MAX_SURFACE_TOKENS = 4
MIN_PART_LENGTH = 2


def _surfaces(doc: Document, clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    """Surface text -> clusters it may refer to."""
    table: dict[str, list[Cluster]] = {}

    def add(surface: str, cluster: Cluster) -> None:
        holders = table.setdefault(surface, [])
        if cluster not in holders:
            holders.append(cluster)

    for cluster in clusters:
        for mention in cluster.mentions:
            add(mention.text, cluster)
        if cluster.label != "PER":
            continue
        full = [m.text.split() for m in cluster.mentions if len(m.text.split()) > 1]
        for words in full:
            for word in words:
                if len(word) < MIN_PART_LENGTH or not word[:1].isupper():
                    continue
                if any(m.salient for m in doc.gazetteer.lookup(word)):
                    continue
                add(word, cluster)
                for suffix in doc.lexicon.genitive_suffixes:
                    add(word + suffix, cluster)
    return table


def add_repeated_mentions(doc: Document, clusters: list[Cluster]) -> None:
    """Attach untagged repeats of known names to their clusters."""
    table = _surfaces(doc, clusters)
    covered: set[int] = set()
    for cluster in clusters:
        for mention in cluster.mentions:
            span = doc.token_span(mention.start, mention.end)
            if span:
                covered.update(range(*span))
    index = 0
    size = len(doc)
    while index < size:
        found = _repeat_at(doc, table, covered, index)
        if found is None:
            index += 1
            continue
        last, cluster = found
        start, end = doc.tokens[index].start, doc.tokens[last - 1].end
        label = cluster.mentions[0].label
        cluster.mentions.append(Mention(start, end, doc.text[start:end], label, "repeat"))
        covered.update(range(index, last))
        index = last


def _repeat_at(
    doc: Document, table: dict[str, list[Cluster]], covered: set[int], index: int
) -> tuple[int, Cluster] | None:
    """The longest known surface starting at an untagged capitalised token."""
    if index in covered or not doc.is_capitalised(index) or doc.is_function_word(index):
        return None
    if doc.tokens[index].text.lower() in doc.lexicon.not_names:
        return None
    for last in range(min(len(doc), index + MAX_SURFACE_TOKENS), index, -1):
        if any(i in covered for i in range(index, last)) or not doc.same_sentence(index, last):
            continue
        if last < len(doc) and doc.joined(last) and doc.tokens[last].text[:1].isalnum():
            continue
        holders = table.get(doc.slice(index, last))
        if holders:
            return last, nearest_cluster(holders, doc.tokens[index].start)
    return None
