"""The Article record: clean text plus typed layers of spans, and its JSON (de)serialisation.

Pure data: no I/O and no NLP imports. Every offset is a Python string index into `Article.text`
unless a field's description says otherwise (captions and removed leftovers point into the raw input).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["PER", "ORG", "GPE", "LOC", "PROD", "EVT", "DRV"]
QuoteKind = Literal["direct", "partial", "indirect"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
PublishedFrom = Literal["metadata", "url", "text", "caption"]
ConfidenceLevel = Literal["low", "medium", "high"]
CountryFrom = Literal["text", "title", "knowledge", "home", "gazetteer"]


class Record(BaseModel):
    """Base of every record: strict fields, no free-form extras."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Record):
    """A stretch of `Article.text`: `text == article.text[start:end]`."""

    start: int = Field(ge=0, description="offset of the first character")
    end: int = Field(ge=0, description="offset after the last character")
    text: str


class Caption(Record):
    """A photo/video caption lifted out of the body (offsets into the raw input)."""

    text: str
    credit: str | None = None
    start: int = Field(ge=0, description="offset into the raw input")
    end: int = Field(ge=0, description="offset into the raw input")


class Removed(Record):
    """A page leftover removed from the body, with the rule that removed it."""

    text: str
    reason: str
    start: int | None = Field(default=None, description="offset into the raw input")
    end: int | None = Field(default=None, description="offset into the raw input")


class Translation(Record):
    """Signs that the text is a (machine) translation of an original in another language."""

    original_lang: str | None = Field(
        default=None, description="ISO 639-1 of the original, when the evidence names one"
    )
    evidence: list[str] = Field(default_factory=list, description="each sign, in words")


class Meta(Record):
    """Article metadata: given by the caller, read from the page, or inferred."""

    external_id: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date or datetime")
    published_from: PublishedFrom | None = None
    authors: list[str] = Field(default_factory=list)
    credited_sources: list[str] = Field(default_factory=list)
    source_url: str | None = Field(default=None, description="the original article's address")
    page_url: str | None = Field(
        default=None, description="address the page was read from, when it differs from source_url"
    )
    dateline: str | None = Field(default=None, description="place named in the dateline")
    publisher: str | None = Field(default=None, description="registered domain of the source")
    captions: list[Caption] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    input_path: str | None = Field(default=None, description="file the article was read from")
    input_format: str | None = None
    encoding: str | None = None
    language_confidence: float | None = None
    translation: Translation | None = Field(
        default=None, description="set when the text shows signs of being a translation"
    )


class Token(Record):
    """One token of the NLP layer (Universal POS and dependencies where the model gives them)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""
    dep: str = ""
    head: int = Field(description="index of the head token (itself for a root)")
    sent: int = Field(description="index into Article.sentences")


class NamedSpan(Span):
    """A named-entity mention as the NER model (or gazetteer) found it, before resolution."""

    label: str
    source: str = Field(default="model", description="model or gazetteer")


class Title(Record):
    """A role or title of a person, as written and in canonical English."""

    text: str
    canonical: str | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3 of the affiliation")
    start: int | None = None
    end: int | None = None


class Entity(Record):
    """One real-world referent of the article, merged over all its mentions."""

    id: str
    name: str
    type: EntityType
    country: str | None = Field(default=None, description="ISO 3166 alpha-3")
    titles: list[Title] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    canonical: str | None = Field(default=None, description="language-neutral name, e.g. English")
    country_from: CountryFrom | None = Field(
        default=None,
        description="where the country came from: text, title, knowledge, home (the outlet's "
        "country for a bare national title) or gazetteer",
    )
    canonical_id: str | None = Field(
        default=None,
        description="stable id of the real-world actor across articles and languages: a "
        "Wikidata QID when known, else a normalised key (country:RUS, per:jonas-gahr-store)",
    )
    sector: str | None = Field(
        default=None,
        description="CAMEO-style sector: GOV, MIL, LEG, JUD, PTY, IGO, NGO, MED, REB or BUS",
    )


class SpeakerDescription(Record):
    """Who spoke when no entity names the speaker: the describing words ("a military spokesman",
    "le porte-parole du ministère"), with the role's canonical title and a country they name."""

    text: str
    title: str | None = Field(default=None, description="canonical English title of the role")
    country: str | None = Field(default=None, description="ISO 3166 alpha-3 named in the words")


class Quote(Record):
    """A quotation with its speaker and addressee (entity ids)."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = Field(default=None, description="entity id, null when unattributable")
    addressee: str | None = Field(default=None, description="entity id")
    cue: Span | None = Field(default=None, description="the speech verb or attribution phrase")
    speaker_mention: Span | None = None
    speaker_description: SpeakerDescription | None = Field(
        default=None, description="the unnamed speaker, when `speaker` is null"
    )


class TimeExpr(Record):
    """A temporal expression with its TIMEX3-style type and normalised value."""

    text: str
    start: int
    end: int
    type: TimeType
    value: str = Field(description="TIMEX3 value: 2024-10-14, 2024-09, 2024-W42, P3D, or relative")
    anchored: bool = Field(default=True, description="false when no anchor date was known")
    caption: int | None = Field(
        default=None,
        description="index into meta.captions when found in a caption (offsets then point into "
        "that caption's text, not into Article.text)",
    )

    @property
    def in_body(self) -> bool:
        """True when the offsets point into Article.text."""
        return self.caption is None


class Location(Record):
    """A geocoded place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    entity: str | None = Field(default=None, description="entity id")


class Event(Record):
    """A PLOVER-coded event with its participants and the text that proves it."""

    id: str
    type: str = Field(description="PLOVER category, e.g. CONSULT")
    mode: str | None = None
    factuality: Literal["asserted", "negated", "planned", "conditional", "claimed"] = Field(
        default="asserted",
        description="reported as fact, denied, announced or planned, hypothetical or conditional, "
        "or only claimed inside a quotation",
    )
    actors: list[str] = Field(default_factory=list, description="entity ids")
    source: list[str] = Field(default_factory=list, description="entity ids of the initiators")
    target: list[str] = Field(default_factory=list, description="entity ids of the recipients")
    countries: list[str] = Field(default_factory=list, description="ISO alpha-3 of the actors")
    location: Location | None = None
    date: str | None = Field(
        default=None, description="TIMEX3 value, null when the text gives none"
    )
    start: int
    end: int
    trigger: Span | None = None
    evidence: list[Span] = Field(default_factory=list, description="every sentence reporting it")
    confidence: float = Field(
        default=0.5, description="the coder's internal score (0-1); see confidence_level"
    )
    confidence_level: ConfidenceLevel | None = Field(
        default=None,
        description="how far an analyst can trust the event: high, medium or low, from the "
        "structural facts in confidence_reasons (docs/events.md, Confidence); null in records "
        "coded before levels existed",
    )
    confidence_reasons: list[str] = Field(
        default_factory=list,
        description="reason codes behind confidence_level (political_source, syntax_source, "
        "asserted, indirect_actors, ...; newsgraph.events.trust.REASONS)",
    )


class StageFailure(Record):
    """A stage that failed on this article; the article is kept."""

    stage: str
    message: str


class Provenance(Record):
    """What produced this record."""

    newsgraph_version: str = ""
    stages: list[str] = Field(default_factory=list)
    models: dict[str, str] = Field(default_factory=dict)
    lexicons: dict[str, str] = Field(default_factory=dict)


class Article(Record):
    """The central record carried through every stage."""

    id: str = ""
    lang: str | None = None
    text: str = ""
    meta: Meta = Field(default_factory=Meta)
    sentences: list[Span] = Field(default_factory=list)
    tokens: list[Token] = Field(default_factory=list, exclude=True)
    names: list[NamedSpan] = Field(default_factory=list, exclude=True)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    failures: list[StageFailure] = Field(default_factory=list)
    raw: str = Field(default="", exclude=True, description="input text before cleaning")

    def span(self, start: int, end: int) -> Span:
        """Make a Span of this article's text."""
        return Span(start=start, end=end, text=self.text[start:end])

    def entity(self, entity_id: str | None) -> Entity | None:
        """Look an entity up by id."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence that holds `offset`, if any."""
        for index, sentence in enumerate(self.sentences):
            if sentence.start <= offset < sentence.end:
                return index
        return None

    def to_json(self, indent: int | None = 2, *, full: bool = False) -> str:
        """Serialise to JSON. By default tokens, raw NER spans and the raw input are left out (the
        output people read and the archive stores); `full=True` keeps them, for a lossless record
        that `from_json` turns back into an equal Article."""
        if not full:
            return self.model_dump_json(indent=indent)
        return json.dumps(self.to_record(), ensure_ascii=False, indent=indent)

    def to_record(self) -> dict[str, Any]:
        """Every field as JSON-ready data, including tokens, names and raw (lossless)."""
        record = self.model_dump(mode="json")
        for name in EXCLUDED_LAYERS:
            value = getattr(self, name)
            record[name] = (
                [item.model_dump(mode="json") for item in value]
                if isinstance(value, list)
                else value
            )
        return record

    @classmethod
    def from_json(cls, data: str | bytes) -> Article:
        """Parse an Article from JSON."""
        return cls.model_validate_json(data)


# Fields `to_json()` leaves out by default and `to_json(full=True)` / `to_record()` keep.
EXCLUDED_LAYERS = tuple(name for name, field in Article.model_fields.items() if field.exclude)


def article_id(source: str, text: str) -> str:
    """Stable id: a hash of the source (URL or path) and the clean text."""
    digest = hashlib.sha256(f"{source}\n{text}".encode()).hexdigest()
    return digest[:16]


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of an Article."""
    schema = Article.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsgraph Article"
    return schema
