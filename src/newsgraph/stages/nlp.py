"""Tokens, sentences, parts of speech, dependencies and raw NER spans from a spaCy pipeline.

This is the only module that imports spaCy. It turns a spaCy Doc into the Article's own typed layers
(`sentences`, `tokens`, `names`), so every later stage is independent of spaCy. The pipeline per
language is a setting (`models`): a package name or a path; the bundled pipelines are the default.

The dependency parser runs only over the sentences a later stage reads a parse in (`nlp_parse =
"needed"`, the default; `parse_needs` says which): every other component runs over the whole text,
sentence boundaries come from line breaks and a punctuation rule (`rule_sentence_starts`, set where
the parser would run, so the NER sees them as it saw the parser's), and each chosen sentence is
parsed as one unit from the article's own tok2vec output. Tokens of the other sentences keep their
parts of speech but no dependencies (`dep == ""`, each its own head). `nlp_parse = "all"` runs the
whole spaCy pipeline, sentence boundaries from the parser.
"""

from __future__ import annotations

import itertools
import json
import sys
import types
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from newsgraph.errors import ConfigError
from newsgraph.model import Article, NamedSpan, Span, Token
from newsgraph.settings import Settings
from newsgraph.stages.matrix import limit_blas_threads, model_ops
from newsgraph.stages.parse_needs import ParseNeeds, parse_needs
from newsgraph.stages.tokenizer_guard import guard_tokenizer

# Close relatives read well enough with a bundled pipeline; anything else gets a blank tokenizer.
MODEL_FALLBACKS = {"nn": "nb", "no": "nb", "da": "nb", "sv": "nb"}
# Modules `import spacy` imports only for `spacy.info`, the command-line `info` command.
SPACY_COMMAND_LINE = ("spacy.cli", "spacy.cli.info")


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """spaCy's `info` command, imported when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> Any:
    """spaCy, imported without its command-line interface.

    `import spacy` imports `spacy.cli` for one name, `spacy.info`, and with it typer, click,
    weasel, httpx, requests and rich: ~360 modules and about a third of a second of CPU in every
    worker, none of which loading or running a pipeline uses. While spaCy imports, placeholders
    stand in for those two modules; they are removed afterwards, so a later `import spacy.cli`
    imports the real package (and `spacy.info` calls the real command).
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    placeholders = [name for name in SPACY_COMMAND_LINE if name not in sys.modules]
    for name in placeholders:
        module = types.ModuleType(name)
        module.info = _spacy_info  # type: ignore[attr-defined]
        sys.modules[name] = module
    try:
        import spacy
    finally:
        for name in placeholders:
            sys.modules.pop(name, None)
    _group_entry_points()
    return spacy


def _group_entry_points() -> None:
    """Let spaCy's registries (catalogue) look entry points up by group.

    catalogue lists every installed entry point once, as importlib.metadata's `SelectableGroups`,
    and each registry look-up then selects its group from the whole list again: hundreds of look-
    ups while a pipeline loads, about 0.05 s each. A plain mapping of group to entry points,
    which catalogue reads with `.get`, gives the same entry points in the same order at once."""
    catalogue = sys.modules.get("catalogue")
    available = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if catalogue is None or not isinstance(available, dict) or type(available) is dict:
        return
    # dict.items: the groups as stored, without the deprecated dict interface's warning.
    grouped = dict(dict.items(available))
    catalogue.AVAILABLE_ENTRY_POINTS = grouped  # type: ignore[attr-defined]


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
    base_name = meta.get("newsgraph_base")
    if not base_name:
        return _load_stored(path)
    base_path = bundled_model_path(str(base_name))
    if base_path is None:
        raise ConfigError(f"{path}: its base pipeline {base_name!r} is not bundled")
    base = _load_stored(base_path)
    ner = _load_stored(path, vocab=base.vocab, exclude=["vocab"])
    base.remove_pipe("ner")
    base.add_pipe("ner", source=ner)
    return base


SPACY_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}
STORED_TOKENIZER = "newsgraph.StoredTokenizer.v1"


def _register_stored_tokenizer() -> None:
    """A tokenizer factory that builds an empty tokenizer, for pipelines that load theirs from
    disk: spaCy's own builds the language's default one first (thousands of special cases, its
    affix patterns), which loading the stored tokenizer then resets and replaces."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    if STORED_TOKENIZER in registry.tokenizers:
        return

    def stored_tokenizer() -> Any:
        def create(nlp: Any) -> Any:
            return Tokenizer(nlp.vocab)

        return create

    registry.tokenizers.register(STORED_TOKENIZER, func=stored_tokenizer)


def _load_stored(path: Path, **options: Any) -> Any:
    """`spacy.load(path, **options)` of a bundled pipeline, without the vocabulary's stored
    strings (`_without_stored_strings`). For one saved with spaCy's tokenizer the tokenizer
    starts empty and gets all of its state (rules, affixes, URL and token matches) from the saved
    one, as spaCy's would (about a tenth of a second less for each pipeline). The config keeps
    naming spaCy's tokenizer, so the pipeline's config is as if `spacy.load` loaded it."""
    spacy = import_spacy()
    from spacy.util import load_config

    options["exclude"] = [*options.get("exclude", ()), STORED_STRINGS]
    config = load_config(path / "config.cfg")
    if config["nlp"].get("tokenizer") != SPACY_TOKENIZER or not (path / "tokenizer").is_file():
        return _without_stored_strings(spacy.load(path, **options))
    _register_stored_tokenizer()
    nlp = spacy.load(path, config={"nlp.tokenizer": {"@tokenizers": STORED_TOKENIZER}}, **options)
    restored = nlp.config
    restored["nlp"]["tokenizer"] = dict(SPACY_TOKENIZER)
    nlp.config = restored
    return _without_stored_strings(nlp)


# What `Vocab.from_disk` skips when excluded: vocab/strings.json, every string seen in training.
STORED_STRINGS = "strings"


def _without_stored_strings(nlp: Any) -> Any:
    """A pipeline loaded without its stored strings, with its components' labels added.

    A bundled pipeline's strings.json holds every string its training saw (147,000 for de: 27 MB
    resident; 70,000 for nb), and a Doc reads none of them: the tokenizer adds each token's text
    and the forms derived from it as it meets them, and the components add their labels as they
    load (added again here, for a component that would not). Annotation and every string read
    back are the same (`benchmarks/same_output.py`); a worker starts ~50 MB smaller."""
    strings = nlp.vocab.strings
    for _, component in nlp.pipeline:
        for label in getattr(component, "labels", None) or ():
            strings.add(label)
    return nlp


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
    import_spacy()
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def line_breaks(doc: Any) -> Any:
        from spacy.attrs import ORTH, SENT_START

        # Columns in and out, no Token objects: `Token.is_sent_start = True` checks the whole
        # Doc for dependencies each time (there are none yet: this runs before the parser).
        array = doc.to_array([ORTH, SENT_START])
        starts = line_break_starts(_strings(doc, array[:, 0].tolist()))
        if starts:
            column = array[:, 1].copy()
            column[starts] = 1
            doc.from_array([SENT_START], column)
        return doc


def line_break_starts(texts: Sequence[str]) -> list[int]:
    """The tokens that follow a token holding a line break ("\\n", "\\n\\n").

    A token's trailing whitespace is one space or none (spaCy makes any other whitespace a token
    of its own), so a line break is always inside a token's text."""
    return [index + 1 for index, text in enumerate(texts[:-1]) if "\n" in text]


def _with_line_breaks(nlp: Any) -> Any:
    _register_line_breaks()
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        anchor = next((n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None)
        if anchor is not None:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before=anchor)
    return nlp


def load_pipeline(lang: str, settings: Settings) -> tuple[Any, str]:
    """Load (spaCy Language, description) for a language, its models multiplying matrices with
    the library `nlp_matrix` names and `nlp_blas_threads` BLAS threads (`newsgraph.stages.matrix`)."""
    import_spacy()
    limit_blas_threads(settings.nlp_blas_threads)
    with model_ops(settings.nlp_matrix):
        nlp, description = _load_spacy(lang, settings)
    return guard_tokenizer(_with_line_breaks(nlp)), description


def _load_spacy(lang: str, settings: Settings) -> tuple[Any, str]:
    spacy = import_spacy()

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


RULE_SENTENCES = "newsgraph_rule_sentences"
# Sentence ends for the sentences the parser does not read: a final mark, then (after closing
# quotes or brackets) a word that opens a sentence.
SENTENCE_FINAL = frozenset(".!?…")
SENTENCE_CLOSERS = frozenset("»”\"')]’›")
SENTENCE_OPENERS = frozenset('«“"„‹–—-([')


def _opens_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in SENTENCE_OPENERS


def rule_sentence_starts(
    texts: Sequence[str], spaces: Sequence[bool], starts: Sequence[int]
) -> list[int]:
    """Sentence starts (1 start, -1 not) by punctuation, keeping the starts already set (1).

    `spaces[i]` says whether whitespace follows token i. A token starts a sentence after a
    sentence-final mark (". ! ? …", optionally followed by closing quotes or brackets written
    against it) when it opens like a sentence: an upper-case letter, a digit, an opening quote or
    a dash. Whitespace tokens ("\\n\\n") never start one.
    """
    result = [-1] * len(texts)
    ended = False
    for index, text in enumerate(texts):
        if not text.strip():
            continue
        if index == 0 or starts[index] == 1:
            result[index] = 1
        else:
            attached = not spaces[index - 1] and bool(texts[index - 1].strip())
            if ended and attached and all(char in SENTENCE_CLOSERS for char in text):
                continue
            if ended and _opens_sentence(text):
                result[index] = 1
        ended = text[-1] in SENTENCE_FINAL and not text[0].isalnum()
    if texts:
        result[0] = 1
    return result


def _set_rule_sentences(doc: Any) -> Any:
    """Set every token's sentence start by `rule_sentence_starts` (line breaks kept)."""
    import numpy
    from spacy.attrs import ORTH, SENT_START, SPACY

    if len(doc) == 0:
        return doc
    # One read of the columns, no Token objects (SPACY: whether a space follows the token).
    array = doc.to_array([ORTH, SPACY, SENT_START])
    starts = rule_sentence_starts(
        _strings(doc, array[:, 0].tolist()),
        array[:, 1].astype(bool).tolist(),
        array[:, 2].view("int64").tolist(),
    )
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").view("uint64"))
    return doc


@dataclass
class Parse:
    """Dependencies and sentence starts of a Doc, by token index: what `doc_to_layers` reads.

    A token outside every parsed sentence has `dep == ""` and is its own head."""

    heads: list[int]
    deps: list[str]
    starts: list[bool]

    @classmethod
    def of_doc(cls, doc: Any) -> Parse:
        """The Doc's own annotation (a parser or sentencizer ran over all of it)."""
        heads, deps = dependencies(doc)
        return cls(heads, deps, sentence_starts(doc))


def _strings(doc: Any, hashes: list[int]) -> list[str]:
    """The strings of hashes, each distinct hash looked up in the vocabulary once."""
    strings = doc.vocab.strings
    names = {value: strings[value] for value in set(hashes)}
    return [names[value] for value in hashes]


def sentence_starts(doc: Any) -> list[bool]:
    """Whether each token starts a sentence (`Token.is_sent_start`; the first token always)."""
    from spacy.attrs import SENT_START

    starts = [value > 0 for value in doc.to_array(SENT_START).view("int64").tolist()]
    if starts:
        starts[0] = True
    return starts


@dataclass
class TokenColumns:
    """What `doc_to_layers` and `parsed_units` read of each token, read column by column."""

    idx: list[int]
    text: list[str]
    lemma: list[str]
    lower: list[str]
    pos: list[str]
    tag: list[str]
    is_space: list[bool]
    space_after: list[bool]

    @classmethod
    def of_doc(cls, doc: Any) -> TokenColumns:
        """The columns of a Doc (as `Token.idx`, `.text`, `.lemma_`, `.lower_`, `.pos_`, `.tag_`
        and `.is_space` give them, and whether whitespace follows, `bool(Token.whitespace_)`)."""
        from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER, ORTH, POS, SPACY, TAG
        from spacy.parts_of_speech import NAMES

        # One read, transposed by numpy: a list of Python ints per attribute.
        array = doc.to_array([IDX, ORTH, LEMMA, LOWER, POS, TAG, IS_SPACE, SPACY])
        idx, orth, lemma, lower, pos, tag = array[:, :6].T.tolist()
        return cls(
            idx=idx,
            text=_strings(doc, orth),
            lemma=_strings(doc, lemma),
            lower=_strings(doc, lower),
            pos=[NAMES[value] for value in pos],
            tag=_strings(doc, tag),
            is_space=array[:, 6].astype(bool).tolist(),
            space_after=array[:, 7].astype(bool).tolist(),
        )


TOKEN_FIELDS = ("i", "start", "end", "text", "lemma", "pos", "dep", "head", "sent")
# `Token.model_construct` spends most of its time matching keyword arguments to fields (aliases,
# defaults); with every field given, setting the instance's attributes directly makes the same
# record at a third of the cost. Only while Token stays a plain record (these fields, no
# private attributes, no post-init hook); otherwise model_construct does it.
_PLAIN_TOKEN = (
    tuple(Token.model_fields) == TOKEN_FIELDS
    and not Token.__private_attributes__
    and not Token.__pydantic_post_init__
)


def trusted_token(fields: dict[str, Any]) -> Token:
    """A Token from values of the right types for every field (in TOKEN_FIELDS order), not
    validated: what `Token.model_construct(**fields)` gives."""
    return trusted_tokens([fields])[0]


# Each token gets its own copy (pydantic adds to the set when a field is assigned).
_ALL_TOKEN_FIELDS = set(TOKEN_FIELDS)


def trusted_tokens(rows: Iterable[dict[str, Any]]) -> list[Token]:
    """`trusted_token` of each row, with the names it needs looked up once for all of them
    (~750 tokens a full page)."""
    if not _PLAIN_TOKEN:
        return [Token.model_construct(**fields) for fields in rows]
    new, cls, set_attribute, all_fields = (
        Token.__new__,
        Token,
        object.__setattr__,
        _ALL_TOKEN_FIELDS,
    )
    tokens = []
    for fields in rows:
        token = new(cls)
        set_attribute(token, "__dict__", fields)
        set_attribute(token, "__pydantic_fields_set__", all_fields.copy())
        set_attribute(token, "__pydantic_extra__", None)
        set_attribute(token, "__pydantic_private__", None)
        tokens.append(token)
    return tokens


def doc_to_layers(
    doc: Any, article: Article, parse: Parse | None = None, columns: TokenColumns | None = None
) -> None:
    """Copy a spaCy Doc's annotation (and, when given, a partial parse and the Doc's columns)
    into the article."""
    parse = parse or Parse.of_doc(doc)
    columns = columns or TokenColumns.of_doc(doc)
    idx, texts = columns.idx, columns.text
    text = article.text
    sentence_of: list[int] = [0] * len(doc)
    article.sentences = []
    bounds = [index for index, start in enumerate(parse.starts) if start] or [0]
    bounds.append(len(doc))
    for lo, hi in itertools.pairwise(bounds):
        if lo >= hi:
            continue
        start = idx[lo]
        end = idx[hi - 1] + len(texts[hi - 1])
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if start == end:
            continue
        article.sentences.append(Span(start=start, end=end, text=text[start:end]))
        sentence_of[lo:hi] = [len(article.sentences) - 1] * (hi - lo)
    # Whitespace tokens ("\n\n") carry no meaning for later stages: drop them and renumber.
    kept = [i for i, space in enumerate(columns.is_space) if not space]
    renumber = {i: new for new, i in enumerate(kept)}
    heads, deps = parse.heads, parse.deps
    lemmas, lowers, pos, tags = columns.lemma, columns.lower, columns.pos, columns.tag
    # spaCy's attributes already have the record's types: construct without validating (a third
    # of this function's cost on full pages, for ~750 tokens an article).
    article.tokens = trusted_tokens(
        {
            "i": new,
            "start": idx[i],
            "end": idx[i] + len(texts[i]),
            "text": texts[i],
            "lemma": lemmas[i] or lowers[i],
            "pos": pos[i] or tags[i],
            "dep": deps[i],
            "head": renumber.get(heads[i], new),
            "sent": sentence_of[i],
        }
        for new, i in enumerate(kept)
    )
    article.names = [
        NamedSpan(start=ent.start_char, end=ent.end_char, text=ent.text, label=ent.label_)
        for ent in doc.ents
    ]


def blank_language(lang: str) -> str:
    """The spaCy language whose blank tokenizer serves a language without a pipeline: its own
    where newsgraph has resources for it ("qu'il", "l'AFP", "a-t-il" split the French way),
    else the multi-language one."""
    import_spacy()
    from spacy.util import get_lang_class

    from newsgraph.resources import resource_languages

    if lang not in resource_languages():
        return "xx"
    try:
        get_lang_class(lang)
    except ImportError:
        return "xx"
    return lang


def parsed_units(
    doc: Any, needs: ParseNeeds, columns: TokenColumns | None = None
) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the rule sentences holding a cue, without outer whitespace."""
    if needs.empty or len(doc) == 0:
        return []
    columns = columns or TokenColumns.of_doc(doc)
    lowers, space = columns.lower, columns.is_space
    lemmas = [lemma.lower() or lower for lemma, lower in zip(columns.lemma, lowers, strict=True)]
    flags = needs.cue_words(lowers, lemmas)
    units = []
    for sent in doc.sents:
        lo, hi = sent.start, sent.end
        while lo < hi and space[lo]:
            lo += 1
        while hi > lo and space[hi - 1]:
            hi -= 1
        if lo < hi and any(flags[lo:hi]):
            units.append((lo, hi))
    return units


def _sub_doc(doc: Any, lo: int, hi: int, columns: TokenColumns) -> Any:
    """A Doc of the one sentence [lo, hi), which the parser may not split, with the parent's
    tok2vec output, so a parser listening to the shared tok2vec reads the article's context.
    `columns`: the parent's."""
    from spacy.tokens import Doc

    starts: list[bool | int | None] = [True]
    starts += [False] * (hi - lo - 1)
    sub = Doc(
        doc.vocab,
        words=columns.text[lo:hi],
        spaces=columns.space_after[lo:hi],
        sent_starts=starts,
    )
    if doc.tensor is not None and doc.tensor.size:
        sub.tensor = doc.tensor[lo:hi]
    return sub


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
    """Runs each language's spaCy pipeline over batches of articles, the parser over the sentences
    that need it (`nlp_parse`)."""

    name: ClassVar[str] = "nlp"
    requires: ClassVar[tuple[str, ...]] = ("text", "lang")
    provides: ClassVar[tuple[str, ...]] = ("sentences", "tokens", "names")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loaded: dict[str, tuple[Any, str]] = {}

    def setup(self) -> None:
        """Load the pipeline of every preloaded language, each pipeline once, and the cue words
        that choose the sentences to parse."""
        for lang in self.settings.preload_languages:
            nlp, _ = self.pipeline(lang)
            if self.settings.nlp_parse != "all" and "parser" in nlp.pipe_names:
                parse_needs(lang)

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
            texts = [batch[index].text for index in indices]
            columns: list[TokenColumns] = []
            if self.settings.nlp_parse == "all" or "parser" not in nlp.pipe_names:
                docs = list(run_components(nlp, texts, batch_size, parser=True))
                parses: list[Parse | None] = [None] * len(docs)
            else:
                docs = list(run_components(nlp, texts, batch_size, parser=False))
                # The parser sets no token attribute the columns hold: read them once.
                columns = [TokenColumns.of_doc(doc) for doc in docs]
                parses = list(parse_needed(nlp, docs, [batch[i] for i in indices], columns))
                description += PARSED_NOTE
            for number, (index, doc, parse) in enumerate(zip(indices, docs, parses, strict=True)):
                article = batch[index]
                doc_to_layers(doc, article, parse, columns[number] if columns else None)
                article.provenance.models[f"nlp:{article.lang}"] = description
        yield from batch


PARSED_NOTE = " (parser over the sentences with a speech or event cue)"
# Sentences per parser batch: short docs, so many go together.
PARSE_BATCH = 256


# Tokens that go through the components together. The tok2vec keeps every layer's output of a
# batch alive until the batch is done (~34 kB a token for the bundled width-160 encoder), so 32
# full pages at once took 450-750 MB more at the peak; batches of about 2,000 tokens take ~70 MB,
# and run slightly faster (the arrays stay in cache). A longer doc goes through alone. Each doc's
# annotation does not depend on which docs it is batched with.
BATCH_TOKENS = 2000


def token_batches(
    docs: Iterable[Any], max_docs: int, max_tokens: int = BATCH_TOKENS
) -> Iterator[list[Any]]:
    """Consecutive docs in batches of at most `max_docs` docs and `max_tokens` tokens (a longer
    doc alone)."""
    batch: list[Any] = []
    tokens = 0
    for doc in docs:
        if batch and (len(batch) >= max_docs or tokens + len(doc) > max_tokens):
            yield batch
            batch, tokens = [], 0
        batch.append(doc)
        tokens += len(doc)
    if batch:
        yield batch


def run_components(
    nlp: Any, texts: Iterable[str], batch_size: int, *, parser: bool = True
) -> Iterator[Any]:
    """Docs of `texts` through every component, batch by batch (`token_batches`). Without the
    `parser`, the punctuation rule gives the sentence boundaries instead (set before the NER,
    which never lets a name cross a sentence boundary)."""
    for batch in token_batches((nlp.make_doc(text) for text in texts), batch_size):
        for name, component in nlp.pipeline:
            if name == "parser" and not parser:
                batch = [_set_rule_sentences(doc) for doc in batch]
            elif hasattr(component, "pipe"):
                batch = list(component.pipe(batch, batch_size=len(batch)))
            else:
                batch = [component(doc) for doc in batch]
        yield from batch


def parse_needed(
    nlp: Any,
    docs: Sequence[Any],
    articles: Sequence[Article],
    columns: Sequence[TokenColumns] | None = None,
) -> list[Parse]:
    """Parse the sentences of each doc that hold a cue (`parse_needs`), all docs' sentences in
    one stream through the parser; the other tokens keep no dependencies. `columns`: each
    doc's token columns, when already read."""
    parses = []
    pieces: list[Any] = []
    where: list[tuple[int, int]] = []
    for number, (doc, article) in enumerate(zip(docs, articles, strict=True)):
        parses.append(Parse(list(range(len(doc))), [""] * len(doc), sentence_starts(doc)))
        known = columns[number] if columns else TokenColumns.of_doc(doc)
        for lo, hi in parsed_units(doc, parse_needs(article.lang or "xx"), known):
            pieces.append(_sub_doc(doc, lo, hi, known))
            where.append((number, lo))
    parser = nlp.get_pipe("parser")
    for piece, (number, lo) in zip(parser.pipe(pieces, batch_size=PARSE_BATCH), where, strict=True):
        parse = parses[number]
        heads, deps = dependencies(piece)
        parse.heads[lo : lo + len(piece)] = [lo + head for head in heads]
        parse.deps[lo : lo + len(piece)] = deps
    return parses


def dependencies(doc: Any) -> tuple[list[int], list[str]]:
    """Each token's head (index in the Doc) and dependency label, read in one call."""
    from spacy.attrs import DEP, HEAD

    array = doc.to_array([HEAD, DEP])
    # Heads are stored relative to the token: signed.
    offsets = array[:, 0].view("int64").tolist()
    return [i + offset for i, offset in enumerate(offsets)], _strings(doc, array[:, 1].tolist())
