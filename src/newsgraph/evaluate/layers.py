"""Scoring of the entity, quote and time layers against gold, by the rules of gold/README.md."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsgraph.evaluate.matching import match_items
from newsgraph.evaluate.names import (
    GoldNames,
    entities_names,
    entity_names,
    normalise,
    normalise_all,
)
from newsgraph.evaluate.result import LayerResult
from newsgraph.model import Article, Entity, Quote, TimeExpr

Gold = Mapping[str, Any]


def gold_items(gold: Gold, key: str) -> list[Any]:
    """The list under `key`, empty when absent or not a list."""
    value = gold.get(key)
    return list(value) if isinstance(value, list) else []


def gold_names(gold: Gold) -> GoldNames:
    """The alias expander of a gold file's entities."""
    return GoldNames(gold_items(gold, "entities"))


def _contains_either_way(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    return bool(a and b) and (a in b or b in a)


# ---- entities -------------------------------------------------------------------------------


def _title_found(title: str, entity: Entity) -> bool:
    wanted = normalise(title)
    pattern = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
    forms = normalise_all(form for t in entity.titles for form in (t.text, t.canonical))
    return any(pattern.search(form) for form in forms)


def score_entities(article: Article, gold: Gold) -> LayerResult:
    """Entities match on a shared name (name, aliases, mention texts) and an equal type."""
    result = LayerResult()
    wanted = gold_items(gold, "entities")
    predicted = article.entities
    wanted_names = [normalise_all([g.get("name"), *g.get("aliases", [])]) for g in wanted]
    predicted_names = [entity_names(entity) for entity in predicted]

    def quality(g: int, p: int) -> float | None:
        gold_type = wanted[g].get("type")
        if gold_type and predicted[p].type != gold_type:
            return None
        if not wanted_names[g] & predicted_names[p]:
            return None
        exact = normalise(predicted[p].name) in wanted_names[g]
        same_country = predicted[p].country == wanted[g].get("country")
        return int(exact) + int(same_country)

    matched = match_items(len(wanted), len(predicted), quality)
    optional = normalise_all(gold_items(gold, "optional_entities"))
    excused = {p for p, names in enumerate(predicted_names) if names & optional}
    result.tally(
        len(wanted),
        matched,
        excused,
        [f"{g.get('type')} {g.get('name')}" for g in wanted],
        [f"{e.type} {e.name}" for e in predicted],
    )
    for g, p in matched.items():
        _score_entity_attributes(result, wanted[g], predicted[p])
    return result


def _score_entity_attributes(result: LayerResult, gold: Gold, entity: Entity) -> None:
    if "country" in gold:
        right = entity.country == gold["country"]
        result.attribute("entity_country").record(right)
        if not right:
            result.wrong.append(f"{gold['name']}: country {gold['country']}, got {entity.country}")
    for title in gold.get("titles", []):
        found = _title_found(title, entity)
        result.attribute("entity_titles").record(found)
        if not found:
            got = [t.text for t in entity.titles]
            result.wrong.append(f"{gold['name']}: title {title!r} missing, got {got}")


# ---- quotes ---------------------------------------------------------------------------------


def _role_correct(article: Article, names: GoldNames, wanted: str | None, got: str | None) -> bool:
    if wanted is None:
        return got is None
    return names.matches(wanted, entities_names(article, [got]))


def _describe_quote(quote: Quote, article: Article) -> str:
    speaker = article.entity(quote.speaker)
    return f"{quote.kind} {quote.text[:80]!r} (speaker {speaker.name if speaker else None})"


def score_quotes(article: Article, gold: Gold) -> LayerResult:
    """Quotes match when the predicted text contains the gold `contains` or lies within it."""
    result = LayerResult()
    names = gold_names(gold)
    wanted = gold_items(gold, "quotes")
    predicted = article.quotes

    def speaker_ok(g: int, p: int) -> bool:
        return _role_correct(article, names, wanted[g].get("speaker"), predicted[p].speaker)

    def quality(g: int, p: int) -> float | None:
        if not _contains_either_way(predicted[p].text, wanted[g].get("contains", "")):
            return None
        return 2 * int(speaker_ok(g, p)) + int(predicted[p].kind == wanted[g].get("kind"))

    matched = match_items(len(wanted), len(predicted), quality)
    optional = gold_items(gold, "optional_quotes")
    excused = {
        p
        for p, quote in enumerate(predicted)
        if any(_contains_either_way(quote.text, text) for text in optional)
    }
    result.tally(
        len(wanted),
        matched,
        excused,
        [f"{g.get('kind')} {g.get('contains')!r} ({g.get('speaker')})" for g in wanted],
        [_describe_quote(quote, article) for quote in predicted],
    )
    for g, p in matched.items():
        _score_quote_attributes(result, article, names, wanted[g], predicted[p])
    return result


def _score_quote_attributes(
    result: LayerResult, article: Article, names: GoldNames, gold: Gold, quote: Quote
) -> None:
    label = repr(str(gold.get("contains", ""))[:50])
    if "speaker" in gold:
        right = _role_correct(article, names, gold["speaker"], quote.speaker)
        result.attribute("quote_speaker").record(right)
        if not right:
            got = article.entity(quote.speaker)
            result.wrong.append(
                f"{label}: speaker {gold['speaker']}, got {got.name if got else None}"
            )
    if "addressee" in gold:
        right = _role_correct(article, names, gold["addressee"], quote.addressee)
        result.attribute("quote_addressee").record(right)
        if not right:
            got = article.entity(quote.addressee)
            result.wrong.append(
                f"{label}: addressee {gold['addressee']}, got {got.name if got else None}"
            )
    if "kind" in gold:
        right = quote.kind == gold["kind"]
        result.attribute("quote_kind").record(right)
        if not right:
            result.wrong.append(f"{label}: kind {gold['kind']}, got {quote.kind}")


# ---- times ----------------------------------------------------------------------------------


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    words = phrase.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def _time_overlaps(article: Article, time: TimeExpr, phrase: str) -> bool:
    if _contains_either_way(time.text, phrase):
        return True
    return any(
        start < time.end and time.start < end for start, end in _occurrences(article.text, phrase)
    )


def score_times(article: Article, gold: Gold) -> LayerResult:
    """Times match when the texts overlap (substring either way, or overlapping offsets)."""
    result = LayerResult()
    wanted = gold_items(gold, "times")
    predicted = article.times

    def quality(g: int, p: int) -> float | None:
        phrase = str(wanted[g].get("text", ""))
        if not _time_overlaps(article, predicted[p], phrase):
            return None
        same_text = normalise(predicted[p].text) == normalise(phrase)
        return 2 * int(predicted[p].value == wanted[g].get("value")) + int(same_text)

    matched = match_items(len(wanted), len(predicted), quality)
    optional = [str(text) for text in gold_items(gold, "optional_times")]
    excused = {
        p
        for p, time in enumerate(predicted)
        if any(_time_overlaps(article, time, text) for text in optional)
    }
    result.tally(
        len(wanted),
        matched,
        excused,
        [f"{g.get('text')!r}={g.get('value')}" for g in wanted],
        [f"{t.text!r}={t.value}" for t in predicted],
    )
    for g, p in matched.items():
        right = predicted[p].value == wanted[g].get("value")
        result.attribute("time_value").record(right)
        if not right:
            result.wrong.append(
                f"{wanted[g].get('text')!r}: value {wanted[g].get('value')}, "
                f"got {predicted[p].value} ({predicted[p].text!r})"
            )
    return result
