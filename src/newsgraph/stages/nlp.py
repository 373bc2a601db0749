"""Tokens, sentences, parts of speech, dependencies and raw NER spans from a spaCy pipeline.

This is the only module that imports spaCy. It turns a spaCy Doc into the Article's own typed layers
(`sentences`, `tokens`, `names`), so every later stage is independent of spaCy. The pipeline per
language is a setting (`models`): a package name or a path; the bundled pipelines are the default.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from newsgraph.errors import ConfigError
from newsgraph.model import Article, NamedSpan, Span, Token
from newsgraph.settings import Settings
from newsgraph.stages.tokenizer_guard import guard_tokenizer

# Close relatives read well enough with a bundled pipeline; anything else gets a blank tokenizer.
MODEL_FALLBACKS = {"nn": "nb", "no": "nb", "da": "nb", "sv": "nb"}


def bundled_model_path(lang: str) -> Path | None:
    """Folder of the bundled pipeline for a language, if one ships."""
    folder = resources.files("newsgraph").joinpath("models", lang)
    path = Path(str(folder))
    return path if (path / "meta.json").is_file() else None


def model_name(lang: str) -> str:
    """Which bundled pipeline serves a language: its own when one ships, else a close relative's."""
    if bundled_model_path(lang) is not None:
        return lang
    return MODEL_FALLBACKS.get(lang, "")


def _load_bundled(path: Path, meta: dict[str, Any]) -> Any:
    """Load a bundled pipeline; one with `newsgraph_base` is an NER that runs inside the base
    language's pipeline (its tokenizer, tagger, parser and static vectors) in place of its NER."""
    import spacy

    base_name = meta.get("newsgraph_base")
    if not base_name:
        return spacy.load(path)
    base_path = bundled_model_path(str(base_name))
    if base_path is None:
        raise ConfigError(f"{path}: its base pipeline {base_name!r} is not bundled")
    base = spacy.load(base_path)
    ner = spacy.load(path, vocab=base.vocab, exclude=["vocab"])
    base.remove_pipe("ner")
    base.add_pipe("ner", source=ner)
    return base


def language_support(lang: str, settings: Settings) -> str:
    """One line on what reads names in a language and which layers its resources give, without
    loading any model."""
    from newsgraph.resources.profile import language_profile

    profile = language_profile(lang)
    if profile.folder is None:
        lexicons = (
            "no language resources: common cleaning, numeric dates and times and gazetteer "
            "countries and cities only (no quotes, time words or events)"
        )
    else:
        enabled = [layer for layer, on in profile.layers().items() if on]
        lexicons = f"resources/{profile.folder}: {', '.join(enabled) or 'no layers'}"
    if lang in settings.models:
        return f"{lang}: configured pipeline {settings.models[lang]!r}; {lexicons}"
    name = model_name(lang)
    path = bundled_model_path(name) if name else None
    if path is None:
        return f"{lang}: no trained model (tokens and sentences only, no NER); {lexicons}"
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    if name != lang:
        kind = f"the {name} pipeline of a close relative"
    elif meta.get("newsgraph_base"):
        kind = f"its own NER model inside the {meta['newsgraph_base']} pipeline"
    elif "parser" in meta.get("pipeline", []):
        kind = "its own pipeline (tagger, parser, NER)"
    else:
        kind = "its own NER model (no tagger or parser)"
    return f"{lang}: {kind}; {lexicons}"


PARAGRAPH_COMPONENT = "newsgraph_line_breaks"


def _register_line_breaks() -> None:
    """A component that makes every line break a sentence boundary before the parser runs.

    In news text a line break ends a headline, caption or paragraph; the parser honours boundaries
    set before it, so it never joins two paragraphs into one sentence.
    """
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def line_breaks(doc: Any) -> Any:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text or "\n" in previous.whitespace_:
                token.is_sent_start = True
        return doc


def _with_line_breaks(nlp: Any) -> Any:
    _register_line_breaks()
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        anchor = next((n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None)
        if anchor is not None:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before=anchor)
    return nlp


def load_pipeline(lang: str, settings: Settings) -> tuple[Any, str]:
    """Load (spaCy Language, description) for a language."""
    nlp, description = _load_spacy(lang, settings)
    return guard_tokenizer(_with_line_breaks(nlp)), description


def _load_spacy(lang: str, settings: Settings) -> tuple[Any, str]:
    import spacy

    configured = settings.models.get(lang)
    if configured:
        try:
            return spacy.load(configured), configured
        except OSError as error:
            raise ConfigError(
                f"cannot load the spaCy pipeline {configured!r} configured for {lang!r}: {error}"
            ) from error
    name = model_name(lang)
    path = bundled_model_path(name) if name else None
    if path is None:
        code = blank_language(lang)
        blank = spacy.blank(code)
        blank.add_pipe("sentencizer")
        return blank, f"blank:{code} (no pipeline for this language: tokens and sentences only)"
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    return _load_bundled(path, meta), f"newsgraph-{name}-{meta.get('version', '0')}"


def doc_to_layers(doc: Any, article: Article) -> None:
    """Copy a spaCy Doc's annotation into the article's layers."""
    sentence_of: dict[int, int] = {}
    article.sentences = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while end > start and article.text[end - 1].isspace():
            end -= 1
        while start < end and article.text[start].isspace():
            start += 1
        if start == end:
            continue
        article.sentences.append(Span(start=start, end=end, text=article.text[start:end]))
        for token in sent:
            sentence_of[token.i] = len(article.sentences) - 1
    # Whitespace tokens ("\n\n") carry no meaning for later stages: drop them and renumber.
    kept = [token for token in doc if not token.is_space]
    renumber = {token.i: new for new, token in enumerate(kept)}
    # spaCy's attributes already have the record's types: construct without validating (a third
    # of this function's cost on full pages, for ~750 tokens an article).
    article.tokens = [
        Token.model_construct(
            i=renumber[token.i],
            start=token.idx,
            end=token.idx + len(token.text),
            text=token.text,
            lemma=token.lemma_ or token.lower_,
            pos=token.pos_ or token.tag_,
            dep=token.dep_,
            head=renumber.get(token.head.i, renumber[token.i]),
            sent=sentence_of.get(token.i, 0),
        )
        for token in kept
    ]
    article.names = [
        NamedSpan(start=ent.start_char, end=ent.end_char, text=ent.text, label=ent.label_)
        for ent in doc.ents
    ]


def blank_language(lang: str) -> str:
    """The spaCy language whose blank tokenizer serves a language without a pipeline: its own
    where newsgraph has resources for it ("qu'il", "l'AFP", "a-t-il" split the French way),
    else the multi-language one."""
    from spacy.util import get_lang_class

    from newsgraph.resources import resource_languages

    if lang not in resource_languages():
        return "xx"
    try:
        get_lang_class(lang)
    except ImportError:
        return "xx"
    return lang


def pipeline_key(lang: str, settings: Settings) -> str:
    """What identifies the pipeline a language is served by (languages may share one)."""
    configured = settings.models.get(lang)
    if configured:
        return f"configured:{configured}"
    name = model_name(lang)
    if name and bundled_model_path(name):
        return f"bundled:{name}"
    code = blank_language(lang)
    return "blank" if code == "xx" else f"blank:{code}"


class NlpStage:
    """Runs each language's spaCy pipeline over batches of articles (`nlp.pipe`)."""

    name: ClassVar[str] = "nlp"
    requires: ClassVar[tuple[str, ...]] = ("text", "lang")
    provides: ClassVar[tuple[str, ...]] = ("sentences", "tokens", "names")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loaded: dict[str, tuple[Any, str]] = {}

    def setup(self) -> None:
        """Load the pipeline of every preloaded language that has one, each pipeline once."""
        for lang in self.settings.preload_languages:
            if not pipeline_key(lang, self.settings).startswith("blank"):
                self.pipeline(lang)

    def pipeline(self, lang: str) -> tuple[Any, str]:
        """The loaded pipeline for a language (loaded on first use when setup skipped it)."""
        key = pipeline_key(lang, self.settings)
        if key not in self.loaded:
            self.loaded[key] = load_pipeline(lang, self.settings)
        return self.loaded[key]

    def __call__(self, article: Article) -> Article:
        """Tokenise, tag, parse and find names in one article."""
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Tokenise, tag, parse and find names, batching each language through `nlp.pipe`."""
        batch = list(articles)
        by_pipeline: dict[str, list[int]] = {}
        for index, article in enumerate(batch):
            key = pipeline_key(article.lang or "xx", self.settings)
            by_pipeline.setdefault(key, []).append(index)
        batch_size = max(1, self.settings.nlp_batch_size)
        for indices in by_pipeline.values():
            lang = batch[indices[0]].lang or "xx"
            nlp, description = self.pipeline(lang)
            texts = (batch[index].text for index in indices)
            for index, doc in zip(indices, nlp.pipe(texts, batch_size=batch_size), strict=True):
                article = batch[index]
                doc_to_layers(doc, article)
                article.provenance.models[f"nlp:{article.lang}"] = description
        yield from batch
