"""Translation provenance: does an article's text show signs of being a translation, from what?

Pure logic over the cleaned article; the language of a single line is asked of a callable (the
language stage passes its lingua adapter), so this module imports no NLP library. The thresholds
and language groups are data: resources/common/translation.toml.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.entities.actors import load_rules as actor_rules
from newsgraph.model import Article, Translation
from newsgraph.publisher import registered_domain
from newsgraph.resources import COMMON, load_resource

# (line) -> (ISO 639-1 code or None, confidence)
LineLanguage = Callable[[str], tuple[str | None, float]]


@dataclass(frozen=True)
class TranslationRules:
    """resources/common/translation.toml."""

    min_evidence: int
    candidates: tuple[str, ...]
    close: tuple[frozenset[str], ...]
    min_words: int
    max_chars: int
    min_confidence: float
    artefacts: tuple[tuple[str, re.Pattern[str]], ...] = ()


@lru_cache(maxsize=1)
def load_rules() -> TranslationRules:
    """The translation rules, read once."""
    table: dict[str, Any] = load_resource(COMMON, "translation")
    return TranslationRules(
        min_evidence=int(table.get("min_evidence", 2)),
        candidates=tuple(str(c) for c in table.get("candidates", [])),
        close=tuple(frozenset(str(c) for c in group) for group in table.get("close", [])),
        min_words=int(table.get("min_words", 4)),
        max_chars=int(table.get("max_chars", 300)),
        min_confidence=float(table.get("min_confidence", 0.9)),
        artefacts=tuple(
            (str(entry["name"]), re.compile(str(entry["pattern"])))
            for entry in table.get("artefacts", [])
        ),
    )


def _base(lang: str) -> str:
    return lang.split("-")[0].casefold()


def same_language(first: str, second: str) -> bool:
    """The same language, or two of one group the identifier cannot tell apart on a line."""
    a, b = _base(first), _base(second)
    return a == b or any(a in group and b in group for group in load_rules().close)


def domain_country(url: str | None) -> str | None:
    """ISO alpha-3 of the country of a URL's domain: a known outlet or a country-code domain."""
    domain = registered_domain(url)
    if not domain:
        return None
    rules = actor_rules()
    domain = domain.casefold()
    if domain in rules.publishers:
        return rules.publishers[domain]
    suffix = domain.rsplit(".", 1)[-1]
    return rules.tld.get(suffix) or (rules.alpha2.get(suffix) if len(suffix) == 2 else None)


def country_language(country: str) -> str | None:
    """The main language of a country as actors.toml names it (the first, when its languages are
    all of one close group such as nb/nn); None when it names none or unrelated ones."""
    found = list(
        dict.fromkeys(
            _base(lang) for lang, code in actor_rules().languages.items() if code == country
        )
    )
    if not found:
        return None
    if all(same_language(found[0], other) for other in found[1:]):
        return found[0]
    return None


def _lines(article: Article) -> Iterable[str]:
    """Candidate leftover lines: the title, short body lines and removed page leftovers."""
    if article.meta.title:
        yield article.meta.title
    yield from article.text.splitlines()
    for removed in article.meta.removed:
        yield from removed.text.splitlines()


def foreign_lines(article: Article, line_language: LineLanguage) -> list[tuple[str, str]]:
    """(language, line) of each short line written in another language than the article."""
    rules = load_rules()
    lang = article.lang or ""
    found: list[tuple[str, str]] = []
    for raw in dict.fromkeys(line.strip() for line in _lines(article)):
        if not raw or len(raw) > rules.max_chars or len(raw.split()) < rules.min_words:
            continue
        code, confidence = line_language(raw)
        if code and confidence >= rules.min_confidence and not same_language(code, lang):
            found.append((code, raw))
    return found


def detect_translation(article: Article, line_language: LineLanguage) -> Translation | None:
    """The signs that `article` is a translation (None when fewer than the rules require)."""
    if not article.lang:
        return None
    rules = load_rules()
    evidence: list[str] = []
    languages: Counter[str] = Counter()
    meta = article.meta
    for url in dict.fromkeys(u for u in (meta.source_url, meta.page_url) if u):
        country = domain_country(url)
        if country is None:
            continue
        spoken = country_language(country)
        if spoken and not same_language(spoken, article.lang):
            evidence.append(
                f"source address {url} is in {country} ({spoken}), the text is {article.lang}"
            )
            languages[spoken] += 1
    signs = 1 if evidence else 0
    artefacts: list[str] = []
    for name, pattern in rules.artefacts:
        found = [
            article.text[max(0, m.start() - 30) : m.end()].split("\n")[-1]
            for m in pattern.finditer(article.text)
        ]
        if found:
            context = ", ".join(repr(f) for f in found[:3])
            artefacts.append(f"translation artefact, {name} ({len(found)}×): {context}")
    signs += 1 if artefacts else 0
    # Identifying leftover lines is the costly sign (lingua on every short line): it is only
    # worth it when the cheap signs leave it able to reach the threshold.
    leftovers: list[tuple[str, str]] = []
    if signs + 1 >= rules.min_evidence:
        leftovers = foreign_lines(article, line_language)
    for code, line in leftovers:
        evidence.append(f"untranslated {code} line: {line[:120]}")
        languages[code] += 1
    # Leftover lines are one sign however many there are (one quoted foreign title can repeat).
    signs += 1 if leftovers else 0
    evidence.extend(artefacts)
    if signs < rules.min_evidence:
        return None
    original = languages.most_common(1)[0][0] if languages else None
    return Translation(original_lang=original, evidence=evidence)
