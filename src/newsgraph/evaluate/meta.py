"""Checks of the gold `meta` fields (and the language) against an article: each is passed or not."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from newsgraph.evaluate.events import same_date
from newsgraph.evaluate.names import normalise, normalise_all
from newsgraph.evaluate.scores import MetaCheck
from newsgraph.model import Article

Gold = Mapping[str, Any]


def _squeeze(text: str) -> str:
    """Whitespace-collapsed text: body checks ignore line breaks and spacing, not case."""
    return " ".join(text.split())


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    return [] if value is None else [str(value)]


def _check(name: str, expected: Any, actual: Any, passed: bool) -> MetaCheck:
    return MetaCheck(field=name, expected=str(expected), actual=str(actual), passed=passed)


def _single_checks(article: Article) -> dict[str, Callable[[Any], MetaCheck]]:
    meta = article.meta
    text = _squeeze(article.text)
    url = meta.source_url
    return {
        "published": lambda want: _check(
            "published", want, meta.published, same_date(str(want), meta.published)
        ),
        "source_url": lambda want: _check(
            "source_url", want, url, url is not None and url.rstrip("/") == str(want).rstrip("/")
        ),
        "publisher": lambda want: _check(
            "publisher", want, meta.publisher, normalise_all([meta.publisher]) == {normalise(want)}
        ),
        "text_starts_with": lambda want: _check(
            "text_starts_with", want, text[:80], text.startswith(_squeeze(str(want)))
        ),
        "text_ends_with": lambda want: _check(
            "text_ends_with", want, text[-80:], text.endswith(_squeeze(str(want)))
        ),
    }


def _list_checks(article: Article) -> dict[str, Callable[[str], MetaCheck]]:
    meta = article.meta
    text = _squeeze(article.text)
    authors = normalise_all(meta.authors)
    sources = normalise_all(meta.credited_sources)
    credits = normalise_all(caption.credit for caption in meta.captions)
    removed = normalise_all(item.text for item in meta.removed)
    return {
        "authors": lambda want: _check(
            "authors", want, sorted(meta.authors), normalise(want) in authors
        ),
        "credited_sources": lambda want: _check(
            "credited_sources", want, sorted(meta.credited_sources), normalise(want) in sources
        ),
        "caption_credits": lambda want: _check(
            "caption_credits",
            want,
            sorted(credits),
            any(normalise(want) in credit for credit in credits),
        ),
        "removed": lambda want: _check(
            "removed", want, len(removed), any(normalise(want) in item for item in removed)
        ),
        "text_excludes": lambda want: _check(
            "text_excludes",
            want,
            "present" if _squeeze(want) in text else "absent",
            _squeeze(want) not in text,
        ),
    }


def check_meta(article: Article, gold: Gold) -> list[MetaCheck]:
    """One check per scalar gold meta field, one per item of a list field, plus the language."""
    checks: list[MetaCheck] = []
    if gold.get("lang"):
        checks.append(_check("lang", gold["lang"], article.lang, article.lang == gold["lang"]))
    single = _single_checks(article)
    listed = _list_checks(article)
    for name, want in dict(gold.get("meta") or {}).items():
        if name in single and want is not None:
            checks.append(single[name](want))
        elif name in listed:
            checks.extend(listed[name](item) for item in _as_list(want))
        else:
            checks.append(_unknown_field(article, name, want))
    return checks


def _unknown_field(article: Article, name: str, want: Any) -> MetaCheck:
    """A gold field without its own rule compares with the Meta field of that name, if any."""
    actual = getattr(article.meta, name, None)
    if isinstance(actual, str) and want is not None:
        return _check(name, want, actual, normalise(actual) == normalise(str(want)))
    return _check(name, want, actual, actual == want)
