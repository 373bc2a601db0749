"""Language identification with lingua (the only module importing it); its models ship in the wheel."""

from __future__ import annotations

from typing import Any, ClassVar

from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.pipeline import PerArticle
from newsgraph.provenance import detect_translation, load_rules
from newsgraph.settings import Settings

# Enough text to decide; more only costs time.
SAMPLE_CHARS = 3000
# lingua's minimum distance between the best two languages' scores for a decision.
MIN_RELATIVE_DISTANCE = 0.05


def _lingua_language(code: str) -> Any:
    from lingua import IsoCode639_1, Language

    iso = getattr(IsoCode639_1, code.upper(), None)
    if iso is None:
        return None
    return Language.from_iso_code_639_1(iso)


class LanguageIdentifier:
    """Chooses among the configured languages; None when the text does not decide."""

    def __init__(self, codes: list[str], min_confidence: float) -> None:
        from lingua import LanguageDetectorBuilder

        languages = [lang for lang in (_lingua_language(c) for c in codes) if lang is not None]
        self.min_confidence = min_confidence
        self.min_relative_distance = MIN_RELATIVE_DISTANCE
        self.detector = (
            LanguageDetectorBuilder.from_languages(*languages)
            .with_minimum_relative_distance(self.min_relative_distance)
            .build()
        )

    def identify(self, text: str) -> tuple[str | None, float]:
        """(ISO 639-1 code or None, confidence)."""
        ranked = self.detector.compute_language_confidence_values(text[:SAMPLE_CHARS])
        language, confidence = decide(ranked, self.min_relative_distance)
        if language is None:
            return None, 0.0
        if confidence < self.min_confidence:
            return None, confidence
        return str(language.iso_code_639_1.name).lower(), confidence


def decide(ranked: list[Any], min_relative_distance: float) -> tuple[Any, float]:
    """(language, confidence) from lingua's ranked confidence values, or (None, 0.0).

    One pass over the text instead of two (`detect_language_of`, then
    `compute_language_confidence`), with lingua's own rule for `detect_language_of`: no language
    when none scores, or when the best two are closer than the minimum relative distance.
    """
    if not ranked or ranked[0].value <= 0.0:
        return None, 0.0
    best = ranked[0]
    if len(ranked) > 1:
        second = ranked[1].value
        if best.value == second or best.value - second < min_relative_distance:
            return None, 0.0
    return best.language, float(best.value)


class LineIdentifier:
    """Language of one short line among the configured and the candidate original languages.

    High-accuracy mode on purpose: on lines under 120 characters lingua then reads 1- to 5-grams,
    and its trigram-only mode calls many English headlines Danish or Indonesian with confidence
    0.9+ (45 of 3,117 leftover lines of the extraction benchmark's pages, none in this mode). The
    price is memory: the first line loads those models for every candidate language (~400 MB,
    ~4 s), which is why the provenance check runs only when another sign already points to a
    translation.
    """

    def __init__(self, codes: list[str]) -> None:
        from lingua import LanguageDetectorBuilder

        found = {lang for lang in (_lingua_language(c) for c in codes) if lang is not None}
        self.detector = LanguageDetectorBuilder.from_languages(*found).build()

    def __call__(self, line: str) -> tuple[str | None, float]:
        """(ISO 639-1 code or None, confidence)."""
        language = self.detector.detect_language_of(line)
        if language is None:
            return None, 0.0
        confidence = float(self.detector.compute_language_confidence(line, language))
        return str(language.iso_code_639_1.name).lower(), confidence


class LanguageStage(PerArticle):
    """Sets `article.lang` (nb for Bokmål, nn for Nynorsk) and `meta.translation` when the text
    shows signs of being a translation (newsgraph.provenance)."""

    name: ClassVar[str] = "language"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("lang",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.identifier: LanguageIdentifier | None = None
        self.lines: LineIdentifier | None = None

    def setup(self) -> None:
        """Build the detector once."""
        self.identifier = LanguageIdentifier(
            self.settings.languages, self.settings.min_language_confidence
        )
        self.lines = LineIdentifier([*self.settings.languages, *load_rules().candidates])

    def __call__(self, article: Article) -> Article:
        """Identify the language unless the caller gave it."""
        if self.identifier is None or self.lines is None:
            self.setup()
        assert self.identifier is not None and self.lines is not None
        if not article.lang:
            self._identify(article)
        article.meta.translation = detect_translation(article, self.lines)
        return article

    def _identify(self, article: Article) -> None:
        assert self.identifier is not None
        code, confidence = self.identifier.identify(article.text)
        article.meta.language_confidence = round(confidence, 3)
        if code is None:
            code = self.settings.default_language
        if code is None:
            where = article.meta.input_path or article.meta.external_id or article.id
            raise InputError(where, "language could not be identified (too short or mixed)")
        article.lang = code
