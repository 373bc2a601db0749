"""Evaluate a folder of gold files: extract each article with the full pipeline and score it."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Collection
from functools import partial
from pathlib import Path
from typing import Any, cast

from newsgraph.errors import ConfigError, NewsgraphError
from newsgraph.evaluate.gold import DocResolver, GoldDoc, find_gold_files, read_gold
from newsgraph.evaluate.score import score_article
from newsgraph.evaluate.scores import FileScore, Report
from newsgraph.model import Article
from newsgraph.pipeline import available_stages
from newsgraph.settings import Settings, load_settings

Extractor = Callable[[GoldDoc], Article]


def _text_extractor(settings: Settings | None) -> Callable[..., Any]:
    """`extract_text` of a pipeline built once (`api.Extractor`), else the one-off function."""
    try:
        api = importlib.import_module("newsgraph.api")
    except ImportError as error:
        message = f"newsgraph.api cannot be imported, so nothing is extracted ({error})"
        raise ConfigError(message) from error
    if hasattr(api, "Extractor"):
        return cast(Callable[..., Any], api.Extractor(settings).extract_text)
    if hasattr(api, "extract_text"):
        return partial(api.extract_text, settings=settings)
    raise ConfigError("newsgraph.api offers no extract_text, so nothing is extracted")


def runnable_settings(settings: Settings | None) -> tuple[Settings, list[str]]:
    """Settings without the configured stages that are not installed, and the names left out.

    While the project grows, a layer whose stage does not exist yet must score 0 rather than
    keep every other layer from being measured.
    """
    base = settings or load_settings()
    known = set(available_stages())
    missing = [name for name in base.stages if name not in known]
    kept = [name for name in base.stages if name in known]
    return base.model_copy(update={"stages": kept}), missing


def pipeline_extractor(settings: Settings | None = None) -> Extractor:
    """An extractor running the default pipeline on each gold document's text."""
    extract_text = _text_extractor(settings)

    def extract(doc: GoldDoc) -> Article:
        article = extract_text(
            doc.text,
            source_url=doc.source_url,
            published=doc.published,
            external_id=doc.external_id,
            path=str(doc.path),
        )
        if not isinstance(article, Article):
            raise ConfigError("newsgraph.api extract_text did not return an Article")
        return article

    return extract


def evaluate_gold_dir(
    gold_dir: Path | str,
    *,
    extract: Extractor | None = None,
    settings: Settings | None = None,
    languages: Collection[str] | None = None,
) -> Report:
    """Score every gold file under `gold_dir`; docs resolve against the folder's parent.

    A file whose article cannot be read or extracted is scored as an empty article (every gold
    item missed) and carries the error, so a broken stage lowers the score instead of hiding.
    """
    folder = Path(gold_dir)
    skipped: list[str] = []
    if extract is None:
        settings, skipped = runnable_settings(settings)
        extract = pipeline_extractor(settings)
    resolver = DocResolver(folder.resolve().parent)
    report = Report(gold_dir=str(folder), skipped_stages=skipped)
    for gold_file in find_gold_files(folder):
        gold = read_gold(gold_file)
        if languages and gold.get("lang") not in languages:
            continue
        report.files.append(_evaluate_file(gold_file, gold, resolver, extract, folder))
    return report


def _evaluate_file(
    gold_file: Path,
    gold: dict[str, object],
    resolver: DocResolver,
    extractor: Extractor,
    folder: Path,
) -> FileScore:
    name = str(gold_file.relative_to(folder))
    lang = str(gold.get("lang") or "?")
    started = time.perf_counter()
    try:
        doc = resolver.resolve(gold_file, dict(gold))
        article = extractor(doc)
    except NewsgraphError as error:
        return FileScore(
            gold_file=name,
            doc=str(gold.get("doc")),
            lang=lang,
            result=score_article(Article(), gold),
            error=str(error),
            seconds=time.perf_counter() - started,
        )
    return FileScore(
        gold_file=name,
        doc=doc.doc,
        lang=lang,
        result=score_article(article, gold),
        predicted_lang=article.lang,
        error="; ".join(f"{f.stage}: {f.message}" for f in article.failures) or None,
        seconds=time.perf_counter() - started,
    )
