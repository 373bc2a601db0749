"""Language identification: lingua for the article, py3langid for single short lines (the only
modules importing either); both ship their models in the wheel."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.pipeline import PerArticle
from newsgraph.provenance import detect_translation, load_rules
from newsgraph.resources import load_typed
from newsgraph.resources.compiled import compiled, mapped_array
from newsgraph.resources.schemas import Identification
from newsgraph.settings import Settings

# Enough text to decide; more only costs time.
SAMPLE_CHARS = 3000
# lingua's minimum distance between the best two languages' scores for a decision.
MIN_RELATIVE_DISTANCE = 0.05
# On a text with fewer letters than about 120, lingua's high-accuracy mode reads 1- to 5-grams,
# whose models weigh ~15 MB a language (~380 MB for the configured ones); on longer texts trigrams,
# about 1 MB a language. The margin keeps every text that could load them on the short path.
SHORT_TEXT_LETTERS = 150
# A short text is read again in high-accuracy mode among the languages that lead its trigram
# ranking: the 1- to 5-gram models of only those languages load (on 2,192 short lines and
# sentences it agrees with the full set on 97.4% and is right on more known-language sentences).
SHORT_TEXT_CANDIDATES = 5
# Short-text detectors kept built (they share lingua's loaded models; building one is cheap).
SHORT_TEXT_DETECTORS = 64
# A Latin-script text of well over SHORT_TEXT_LETTERS letters: scoring it loads the trigram models
# of the Latin-script languages (lingua leaves out languages of another script).
WARM_UP_TEXT = " ".join(["language identification loads its models before the first article"] * 4)
# A long sample is taken to be in a language when at least COMMON_WORDS_SHARE of its words are
# that language's common words (resources/<lang>/identification.toml), at least
# COMMON_WORDS_PART_SHARE of the words of each of its COMMON_WORDS_PARTS parts, and at most
# COMMON_WORDS_FOREIGN_SHARE of its words hold a letter outside ASCII and the language's own
# letters. A page partly in another language must not pass (lingua calls some samples of 70-80 %
# English and 20-30 % Polish text Polish). On the 499 pages of benchmarks/language.py and the dev
# corpus, English pages hold 0.09-0.32 English common words and other pages at most 0.034 (German
# pages 0.06-0.33 German ones, others at most 0.044); 404 pages pass, each with lingua's answer
# and confidence, and so do 2,595 of 18,000 samples made of two pages in different languages (the
# first one 50-98 % of the sample), none against lingua's answer.
COMMON_WORDS_MIN_WORDS = 90
COMMON_WORDS_SHARE = 0.1
COMMON_WORDS_PART_SHARE = 0.05
COMMON_WORDS_PARTS = 4
COMMON_WORDS_FOREIGN_SHARE = 0.01
# Letters and runs of them; a letter outside the Latin script (Cyrillic, Greek, Arabic, CJK, ...):
# such a sample goes to lingua (Chinese and Japanese write no spaces, so a run of letters there is
# no word).
LETTERS = re.compile(r"[^\W\d_]+")
NON_LATIN_LETTER = re.compile(r"[^\W\d_\x00-\u024f\u1e00-\u1eff]")
# py3langid names Norwegian "no" besides "nb" and "nn"; the article layer uses "nb".
LINE_ALIASES = {"no": "nb"}


def _lingua_language(code: str) -> Any:
    from lingua import IsoCode639_1, Language

    iso = getattr(IsoCode639_1, code.upper(), None)
    if iso is None:
        return None
    return Language.from_iso_code_639_1(iso)


@lru_cache(maxsize=SHORT_TEXT_DETECTORS)
def _high_accuracy_detector(languages: frozenset[Any]) -> Any:
    from lingua import LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE)
        .build()
    )


class CommonWords:
    """A first reading of a long sample: the language whose common words (resources/<lang>/
    identification.toml) fill it throughout, or None. Where it names one, lingua names the same
    with confidence 1.0 (see COMMON_WORDS_SHARE), for a fifth of lingua's CPU (~0.6 ms a page
    instead of ~3.5)."""

    def __init__(self, codes: list[str]) -> None:
        self.words: dict[str, frozenset[str]] = {}
        self.letters: dict[str, frozenset[str]] = {}
        for code in dict.fromkeys(codes):
            known = load_typed(code, "identification", Identification)
            if known.common_words:
                self.words[code] = frozenset(known.common_words)
                self.letters[code] = frozenset(known.letters)

    def language_of(self, sample: str) -> str | None:
        """The one language the sample's common words show, or None."""
        if not self.words or NON_LATIN_LETTER.search(sample):
            return None
        words = LETTERS.findall(sample.lower())
        if len(words) < COMMON_WORDS_MIN_WORDS:
            return None
        size = len(words) // COMMON_WORDS_PARTS
        parts = [words[start : start + size] for start in range(0, size * COMMON_WORDS_PARTS, size)]
        found = [
            code
            for code, common in self.words.items()
            if _share(words, common) >= COMMON_WORDS_SHARE
            and all(_share(part, common) >= COMMON_WORDS_PART_SHARE for part in parts)
            and _foreign_share(words, self.letters[code]) <= COMMON_WORDS_FOREIGN_SHARE
        ]
        return found[0] if len(found) == 1 else None


def _share(words: list[str], common: frozenset[str]) -> float:
    """Share of `words` in `common`."""
    return sum(1 for word in words if word in common) / len(words)


def _foreign_share(words: list[str], letters: frozenset[str]) -> float:
    """Share of `words` with a letter that is neither ASCII nor one of `letters`."""
    foreign = sum(
        1
        for word in words
        if not word.isascii() and not all(ch.isascii() or ch in letters for ch in word)
    )
    return foreign / len(words)


class LanguageIdentifier:
    """Chooses among the configured languages; None when the text does not decide."""

    def __init__(self, codes: list[str], min_confidence: float) -> None:
        from lingua import LanguageDetectorBuilder

        languages = [lang for lang in (_lingua_language(c) for c in codes) if lang is not None]
        self.min_confidence = min_confidence
        self.min_relative_distance = MIN_RELATIVE_DISTANCE
        self.common_words = CommonWords(codes)
        # On long texts high-accuracy mode loads only trigram models; `identify` gives this
        # detector no short text, so it never loads the others.
        self.detector = (
            LanguageDetectorBuilder.from_languages(*languages)
            .with_minimum_relative_distance(self.min_relative_distance)
            .build()
        )
        # Ranks a short text by trigrams only, to choose the few languages to read it again.
        self.trigrams = (
            LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
        )

    def load(self) -> None:
        """Load the trigram models of the Latin-script languages now rather than on the first
        text (lingua loads a language's models when it first scores a text in it)."""
        self.detector.compute_language_confidence_values(WARM_UP_TEXT)

    def identify(self, text: str) -> tuple[str | None, float]:
        """(ISO 639-1 code or None, confidence); a long sample that `CommonWords` decides gets
        confidence 1.0 without lingua."""
        sample = text[:SAMPLE_CHARS]
        if sum(map(str.isalpha, sample)) < SHORT_TEXT_LETTERS:
            ranked = self._rank_short(sample)
        elif (known := self.common_words.language_of(sample)) is not None:
            return known, 1.0
        else:
            ranked = self.detector.compute_language_confidence_values(sample)
        language, confidence = decide(ranked, self.min_relative_distance)
        if language is None:
            return None, 0.0
        if confidence < self.min_confidence:
            return None, confidence
        return str(language.iso_code_639_1.name).lower(), confidence

    def _rank_short(self, text: str) -> list[Any]:
        """lingua's high-accuracy ranking among the few languages its trigram ranking leads with."""
        ranked: list[Any] = self.trigrams.compute_language_confidence_values(text)
        leading = [s.language for s in ranked[:SHORT_TEXT_CANDIDATES] if s.value > 0.0]
        if len(leading) > 1:
            detector = _high_accuracy_detector(frozenset(leading))
            ranked = detector.compute_language_confidence_values(text)
        return ranked


def _line_model(model: tuple[Any, ...], wanted: frozenset[str]) -> tuple[Any, ...]:
    """py3langid's model restricted to the wanted languages' columns (the full table, ~30 MB,
    is dropped), without its tokenizer's state table: (ptc, pc, classes, row, output)."""
    import numpy

    ptc, pc, classes, _, row, output = model
    columns = [i for i, label in enumerate(classes) if label in wanted]
    return (
        numpy.ascontiguousarray(numpy.asarray(ptc)[:, columns]),
        numpy.asarray(pc)[columns],
        [classes[i] for i in columns],
        row,
        output,
    )


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

    py3langid (langid.py's naive Bayes over byte n-grams): ~60 MB and ~1 s to load, 0.2 ms a line.
    lingua, which identifies the article, needs its 1- to 5-gram models on lines this short (its
    trigram-only mode calls many English headlines Danish or Indonesian with confidence 0.9+), and
    those weigh ~380 MB for these languages and took ~5 s to load. On 5,520 leftover lines of real
    pages in 12 languages both call almost the same lines foreign (3 and 2); on 900 known-language
    sentences py3langid is sure and right on 690 (lingua 497), and sure and wrong on none
    (benchmarks/language.py).
    """

    def __init__(self, codes: list[str]) -> None:
        self.codes = list(dict.fromkeys(codes))
        self._model: Any = None

    def load(self) -> None:
        """Load the model now rather than on the first line."""
        if self._model is None:
            self._model = self._load()

    def _load(self) -> Any:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier, _load_model_file

        wanted = sorted(
            set(self.codes) | {alias for alias, code in LINE_ALIASES.items() if code in self.codes}
        )
        # Decompressing the model takes about a second; its columns for these languages come
        # back from the resource cache in a fraction of that, and its tokenizer's state table
        # (a 40 MB array, the same for every language set) is memory-mapped from there.
        key = hashlib.sha256(" ".join(wanted).encode()).hexdigest()[:12]
        # Built from py3langid's data alone: keyed by its version and this module's code, not
        # by the resource files, so editing a lexicon does not store another copy.
        inputs = (
            f"py3langid={metadata.version('py3langid')}|"
            + hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
        )
        decompressed: list[tuple[Any, ...]] = []

        def model() -> tuple[Any, ...]:
            if not decompressed:
                decompressed.append(tuple(_load_model_file(MODEL_DIR / MODEL_FILE)))
            return decompressed[0]

        ptc, pc, classes, row, output = compiled(
            "langid", key, lambda: _line_model(model(), frozenset(wanted)), inputs
        )
        nextmove = mapped_array("langid-states", "all", lambda: model()[3], inputs)
        return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)

    def __call__(self, line: str) -> tuple[str | None, float]:
        """(ISO 639-1 code or None, confidence)."""
        self.load()
        code, confidence = self._model.classify(line)
        if not code:
            return None, 0.0
        return LINE_ALIASES.get(str(code), str(code)), float(confidence)


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
        """Build the identifiers and load their models (lingua's trigram models and py3langid's:
        ~1 s and ~95 MB) before the first article, where a forked worker
        shares them instead of loading its own."""
        self.identifier = LanguageIdentifier(
            self.settings.languages, self.settings.min_language_confidence
        )
        self.identifier.load()
        self.lines = LineIdentifier([*self.settings.languages, *load_rules().candidates])
        self.lines.load()

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
