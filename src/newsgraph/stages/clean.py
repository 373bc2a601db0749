"""Clean scraped text: remove page leftovers (each recorded with its reason) and lift metadata lines.

The rules are data (resources/common/cleaning.toml and resources/<lang>/cleaning.toml). Language is
not known yet when cleaning runs, so the rules of every language folder apply; they are anchored on
whole lines or explicit phrases, which keeps them from touching body text in another language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any, ClassVar

from newsgraph.model import Article, Caption, Meta, Removed, article_id
from newsgraph.pipeline import PerArticle
from newsgraph.publisher import registered_domain
from newsgraph.resources import COMMON, load_resource, resource_languages, resource_version
from newsgraph.resources.patterns import compile_patterns
from newsgraph.settings import Settings
from newsgraph.stages.boilerplate import SiteTemplates, body_span, find_boilerplate
from newsgraph.temporal import find_document_date
from newsgraph.temporal.tagger import tag
from newsgraph.text.needles import NeedleIndex, Words, fold, may_hold, required_words

# Repeated headlines/teasers are leftovers; a repeated full paragraph may be the article's own
# (a refrain, a Q&A question), so only short heading-like repeats or back-to-back copies go.
MIN_REPEATED_LINE = 20
MAX_REPEATED_HEADING = 200
SENTENCE_END = (".", "!", "?", "»", '"', "”", ":")
# How much of the body top is searched for a dateline.
BODY_DATE_CHARS = 500
# A caption longer than this is a body paragraph that happens to mention a photo credit.
MAX_CAPTION = 400
# An author credit repeated as its own line: the name, then at most an outlet ("Kari Dahl, NRK").
MAX_AUTHOR_LINE = 80
MAX_AUTHOR_LINE_TAIL_WORDS = 3
# Source, byline and dateline lines are short; a longer line is body text and is never matched
# against their patterns (which are superlinear on long runs of spaces or dots).
MAX_LIFTED_LINE = 1000
SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\bog\b|\band\b|\bund\b|\boch\b|\bvà\b)\s*")
NUMERIC_DATE = re.compile(
    r"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)\d{2})\b"
)
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")


@dataclass(frozen=True)
class Rule:
    """One compiled cleaning rule; `words`: one of them is in every text it matches (lower-cased,
    see newsgraph.text.needles), or None."""

    kind: str
    name: str
    pattern: re.Pattern[str]
    within: re.Pattern[str] | None = None
    words: Words | None = None

    def may_match(self, folded: str | None) -> bool:
        """Whether a text (`fold`ed) may match: False says its regex need not run."""
        return may_hold(self.words, folded)


@dataclass
class CleanResult:
    """What cleaning found: the body lines kept and everything lifted or removed."""

    text: str
    meta_updates: dict[str, Any] = field(default_factory=dict)
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    credited_sources: list[str] = field(default_factory=list)
    text_dates: list[str] = field(default_factory=list)


RULE_KINDS = (
    "line",
    "inline",
    "source",
    "byline",
    "caption",
    "dateline",
    "dateline_prefix",
    "url_date",
    "teaser_heading",
    "credit",
    "credit_line",
)
# Line rules whose lines are site navigation (a page header sits between such lines).
NAVIGATION_RULES = {"skip link"}
# Rule kinds whose patterns name outlets through placeholders, matched on every line of the body.
CREDIT_KINDS = ("credit", "credit_line")


def _rule_patterns(
    kind: str, entry: dict[str, Any]
) -> tuple[tuple[str, int], tuple[str, int] | None]:
    """(pattern, flags) of a rule and of its `within` pattern, if it has one."""
    flags = 0 if entry.get("case") else re.IGNORECASE
    pattern = str(entry["pattern"])
    pattern = expand_outlets(pattern)
    if kind in CREDIT_KINDS:
        flags |= re.MULTILINE
    within = entry.get("within")
    return (pattern, flags), ((str(within), 0) if within else None)


def _alternation(names: list[str]) -> str:
    """Names as one regex alternation, longest first (so "Associated Press" wins over "AP").

    The names are grouped by their first letter, each group in that order ("(?:(?:AFP|AP)|...)"):
    the regex engine tries a group only where its letter stands instead of trying every name at
    every word, and matches the same. Two names in different groups cannot both match at one
    place, so the order across groups does not matter; within a group it is kept. Grouping by
    the lower-cased letter keeps that true under IGNORECASE, where each ASCII letter matches one
    lower-case ASCII letter; a list with a name that opens with anything else stays flat."""
    unique = sorted(set(names), key=lambda name: (-len(name), name))
    if not all(name[:1].isascii() and name[:1].isalnum() for name in unique):
        return "(?:" + "|".join(re.escape(name) for name in unique) + ")"
    groups: dict[str, list[str]] = {}
    for name in unique:
        groups.setdefault(name[0].lower(), []).append(name)
    return (
        "(?:"
        + "|".join("(?:" + "|".join(re.escape(n) for n in group) + ")" for group in groups.values())
        + ")"
    )


@lru_cache(maxsize=1)
def outlet_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Names of the outlets in resources/common/media.toml, and the wire codes of the cleaning rules."""
    outlets = [
        str(name)
        for outlet in load_resource(COMMON, "media").get("outlets", [])
        for name in outlet.get("names", [])
    ]
    codes = load_resource(COMMON, "cleaning").get("credits", {}).get("wire_codes", [])
    return tuple(outlets), tuple(str(code) for code in codes)


def expand_outlets(pattern: str) -> str:
    """Fill the outlet placeholders of a credit pattern ({outlets}, {agencies}, {agency_list})."""
    outlets, codes = outlet_names()
    named = _alternation(list(outlets))
    agencies = _alternation([*outlets, *codes])
    one = rf"(?:[Tt]he\s+)?{agencies}"
    listed = rf"{one}(?:\s*(?:,|/|&|\band\b|\bog\b|\bund\b|\boch\b)\s*{one})*"
    return (
        pattern.replace("{agency_list}", listed)
        .replace("{agencies}", agencies)
        .replace("{outlets}", named)
    )


def split_credits(value: str) -> list[str]:
    """The outlets of a credit list ("AFP/Reuters", "NTB og AP")."""
    return [
        part for part in re.split(r"\s*(?:,|/|&|\band\b|\bog\b|\bund\b|\boch\b)\s*", value) if part
    ]


def text_credits(text: str) -> list[str]:
    """Outlets credited in the body ("according to Reuters", "(NTB)"), each once, in order."""
    found: list[tuple[int, str]] = []
    folded = fold(text)
    for rule in _rules("credit"):
        if not rule.may_match(folded):
            continue
        for match in rule.pattern.finditer(text):
            for group, value in match.groupdict().items():
                if group.startswith("source") and value:
                    found.append((match.start(group), value.strip()))
    return list(dict.fromkeys(name for _, name in sorted(found)))


def teaser_heading(line: str) -> bool:
    """A heading that opens a teaser block ("Most read", "Les også")."""
    candidates = _candidate_rules("teaser_heading", fold(line))
    return any(rule.pattern.match(line) for rule in candidates)


def line_rule_reason(line: str) -> str | None:
    """The reason a whole-line rule removes this line, if one does."""
    candidates = _candidate_rules("line", fold(line))
    return next((rule.name for rule in candidates if rule.pattern.match(line)), None)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """Every cleaning rule of the common folder and of each language folder (their compiled
    regexes kept in the resource cache)."""
    entries: list[tuple[str, dict[str, Any]]] = []
    for folder in (COMMON, *resource_languages()):
        table = load_resource(folder, "cleaning")
        for kind in RULE_KINDS:
            entries.extend((kind, entry) for entry in table.get(kind, []))
    patterns = [_rule_patterns(kind, entry) for kind, entry in entries]
    wanted = [pattern for main, within in patterns for pattern in (main, within) if pattern]
    compiled = iter(compile_patterns("cleaning", COMMON, wanted))
    rules: list[Rule] = []
    for (kind, entry), (_, within) in zip(entries, patterns, strict=True):
        regex = next(compiled)
        rules.append(
            Rule(
                kind=kind,
                name=str(entry.get("name", kind)),
                pattern=regex,
                within=next(compiled) if within else None,
                words=required_words(regex.pattern, regex.flags),
            )
        )
    return tuple(rules)


@lru_cache(maxsize=len(RULE_KINDS))
def _rules(kind: str) -> tuple[Rule, ...]:
    """The rules of one kind, grouped once (every line of every article asks for them)."""
    return tuple(rule for rule in load_rules() if rule.kind == kind)


@lru_cache(maxsize=len(RULE_KINDS))
def _needle_index(kind: str) -> NeedleIndex:
    """The required words of the rules of one kind, indexed once."""
    return NeedleIndex([rule.words for rule in _rules(kind)])


def _candidate_rules(kind: str, folded: str | None) -> list[Rule]:
    """The rules of one kind, in order, that may match a text (`fold`ed; `Rule.may_match`): the
    others' regexes need not run."""
    rules = _rules(kind)
    return [rules[number] for number in _needle_index(kind).candidates(folded)]


def split_names(value: str) -> list[str]:
    """Split a list of names ("A, B og C") into its items."""
    return [part.strip(" .") for part in SPLIT_NAMES.split(value) if part.strip(" .")]


def numeric_date(text: str) -> str | None:
    """First numeric calendar date (14.04.2015, 2015-04-14) in a text, as ISO."""
    for pattern in (ISO_DATE, NUMERIC_DATE):
        match = pattern.search(text)
        if match:
            try:
                day = date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue
            return day.isoformat()
    return None


def url_date(url: str | None) -> str | None:
    """Publication date encoded in a URL, by the url_date rules."""
    if not url:
        return None
    path = url.split("://", 1)[-1][:MAX_LIFTED_LINE]
    for rule in _rules("url_date"):
        regions = [m.group(0) for m in rule.within.finditer(path)] if rule.within else [path]
        for region in regions:
            for start in range(len(region)):
                match = rule.pattern.match(region, start)
                if match and (found := _date_from_groups(match.groupdict())):
                    return found
    return None


def _date_from_groups(groups: dict[str, str | None]) -> str | None:
    year = int(groups.get("year") or 0) or 2000 + int(groups.get("yy") or 0)
    try:
        stamp = datetime(
            year,
            int(groups["month"] or 0),
            int(groups["day"] or 0),
            int(groups.get("hour") or 0),
            int(groups.get("minute") or 0),
            int(groups.get("second") or 0),
        )
    except ValueError:
        return None
    if stamp > datetime.now() or stamp.year < 1990:
        return None
    return stamp.date().isoformat()


class LineCleaner:
    """Walks the raw lines once, deciding for each: keep, remove, or lift into metadata."""

    def __init__(
        self, raw: str, site_lines: set[str] | None = None, authors: Sequence[str] = ()
    ) -> None:
        self.raw = raw
        self.site_lines = site_lines
        self.authors = list(authors)
        self.boilerplate: dict[int, str] = {}
        self.result = CleanResult(text="")
        self.kept: list[str] = []
        self.seen: set[str] = set()
        self.blank_run: list[int] = []
        self.body: tuple[int, int] = (0, -1)
        self.line_reasons: list[str | None] = []

    def run(self) -> CleanResult:
        """Clean all lines and build the body text."""
        offset = 0
        lines = self.raw.splitlines(keepends=True)
        bare = [line.rstrip("\r\n") for line in lines]
        # Each line's whole-line rule, read once: the navigation lines here, the removals in visit.
        self.line_reasons = [line_rule_reason(line.strip()) for line in bare]
        navigation = {i for i, reason in enumerate(self.line_reasons) if reason in NAVIGATION_RULES}
        self.boilerplate = find_boilerplate(
            bare, self.site_lines, known=navigation, is_teaser_heading=teaser_heading
        )
        self.body = body_span(
            [line if i not in self.boilerplate else "" for i, line in enumerate(bare)]
        )
        for index, line in enumerate(lines):
            self.visit(line.rstrip("\r\n"), offset, index)
            offset += len(line)
        self.flush_blanks(final=True)
        self.result.text = "\n".join(self.kept).strip()
        self.read_dateline_prefix()
        self.result.credited_sources.extend(text_credits(self.result.text))
        return self.result

    def read_dateline_prefix(self) -> None:
        """Place, agency and date of a wire dateline opening the body (the text stays as it is)."""
        first = next((line for line in self.kept if line), "")[:MAX_LIFTED_LINE]
        for rule in _rules("dateline_prefix"):
            if match := rule.pattern.match(first):
                place = match["place"]
                # Wire datelines shout the place ("SINGAPORE"); store the name as names are written.
                self.result.meta_updates["dateline"] = place.title() if place.isupper() else place
                self.result.credited_sources.append(match["source"].strip())
                if match["date"]:
                    self.result.text_dates.append(match["date"])
                return

    def remove(self, text: str, reason: str, start: int) -> None:
        """Record a removal."""
        self.result.removed.append(
            Removed(text=text, reason=reason, start=start, end=start + len(text))
        )

    def flush_blanks(self, final: bool = False) -> None:
        """A run of blank lines becomes one paragraph break (longer runs are recorded)."""
        if not self.blank_run:
            return
        count = len(self.blank_run)
        if count > 1:
            reason = "trailing blank lines" if final else f"run of {count} blank lines"
            self.remove("\n" * count, reason, self.blank_run[0])
        if self.kept and not final and self.kept[-1] != "":
            self.kept.append("")
        self.blank_run = []

    def visit(self, line: str, start: int, index: int = -1) -> None:
        """Classify one line (index: its number in the raw text, for the shape checks)."""
        stripped = line.strip()
        if not stripped:
            self.blank_run.append(start)
            return
        lead = start + line.index(stripped[0])
        if self.lift(stripped, lead):
            return
        known = 0 <= index < len(self.line_reasons)
        if reason := self.line_reasons[index] if known else line_rule_reason(stripped):
            self.remove(stripped, reason, lead)
            return
        if reason := self.boilerplate.get(index):
            self.remove(stripped, reason, lead)
            return
        if self.names_an_author(stripped):
            self.remove(stripped, "author name line (in meta.authors)", lead)
            return
        if self.is_repeat(stripped, inside=self.body[0] <= index <= self.body[1]):
            self.remove(stripped, "repeated line", lead)
            return
        stripped = self.cut_inline(stripped, lead)
        self.flush_blanks()
        self.seen.add(stripped)
        self.kept.append(stripped)

    def names_an_author(self, line: str) -> bool:
        """A line holding only the name of an author the page already credits (from its metadata
        or a byline lifted above), perhaps with an outlet after a comma ("Kari Dahl, NRK")."""
        if len(line) > MAX_AUTHOR_LINE or line.endswith(SENTENCE_END):
            return False
        name, _, tail = line.partition(",")
        if len(name.split()) < 2 or len(tail.split()) > MAX_AUTHOR_LINE_TAIL_WORDS:
            return False
        known = {author.casefold() for author in (*self.authors, *self.result.authors)}
        return name.strip().casefold() in known

    def is_repeat(self, line: str, inside: bool = False) -> bool:
        """A heading-like line seen before (outside the body: a repeated title or teaser; inside it
        the headings of a schedule or plan repeat by design), or a copy of the line just kept."""
        if len(line) < MIN_REPEATED_LINE or line not in self.seen:
            return False
        heading = len(line) <= MAX_REPEATED_HEADING and not line.endswith(SENTENCE_END)
        previous = next((kept for kept in reversed(self.kept) if kept), None)
        return (heading and not inside) or previous == line

    def cut_inline(self, line: str, lead: int) -> str:
        """Cut inline leftovers (recorded) out of a kept line."""
        folded = fold(line)
        for rule in _rules("inline"):
            if not rule.may_match(folded):
                continue
            match = rule.pattern.search(line)
            while match:
                self.remove(match.group(0).strip(), rule.name, lead + match.start())
                line = line[: match.start()] + " " + line[match.end() :]
                folded = fold(line)
                match = rule.pattern.search(line)
        return re.sub(r" {2,}", " ", line).strip()

    def lift(self, line: str, lead: int) -> bool:
        """Move a metadata line (source, byline, caption, dateline) out of the body."""
        result = self.result
        if len(line) > MAX_LIFTED_LINE:
            return False
        folded = fold(line)
        for rule in _candidate_rules("source", folded):
            if match := rule.pattern.match(line):
                result.meta_updates["source_url"] = match["url"].rstrip(").,;")
                self.remove(line, "source line (lifted to meta.source_url)", lead)
                return True
        for rule in _candidate_rules("credit_line", folded):
            if match := rule.pattern.match(line):
                result.credited_sources.extend(split_credits(match["sources"]))
                self.remove(line, f"{rule.name} (lifted to meta.credited_sources)", lead)
                return True
        for rule in _candidate_rules("byline", folded):
            if match := rule.pattern.match(line):
                groups = match.groupdict()
                # "By Ann Lee, BBC News": an outlet listed with the authors is a credited source.
                outlets = set(outlet_names()[0])
                names = split_names(groups.get("authors") or "")
                result.authors.extend(name for name in names if name not in outlets)
                result.credited_sources.extend(name for name in names if name in outlets)
                result.credited_sources.extend(split_names(groups.get("sources") or ""))
                if groups.get("date"):
                    result.text_dates.append(groups["date"])
                self.remove(line, f"{rule.name} (lifted to meta)", lead)
                return True
        captions = _candidate_rules("caption", folded) if len(line) <= MAX_CAPTION else []
        for rule in captions:
            if match := rule.pattern.match(line):
                credit = match["credit"].strip()
                result.captions.append(
                    Caption(
                        text=match["caption"].strip(),
                        credit=credit,
                        start=lead,
                        end=lead + len(line),
                    )
                )
                self.remove(line, "caption (kept in meta.captions)", lead)
                return True
        for rule in _candidate_rules("dateline", folded):
            if match := rule.pattern.match(line):
                result.text_dates.append(match["date"])
                self.remove(line, "dateline (lifted to meta.published)", lead)
                return True
        return False


def clean_text(
    raw: str, site_lines: set[str] | None = None, authors: Sequence[str] = ()
) -> CleanResult:
    """Clean one raw text; pure function used by the stage and the extraction benchmark.

    site_lines: lines the page's site repeats on other pages (SiteTemplates), removed as template.
    authors: the page's authors known from its metadata (a line holding only one is a credit).
    """
    return LineCleaner(raw, site_lines, authors).run()


def document_date(text: str) -> str | None:
    """A full calendar date written in a dateline, byline or caption, in any resource language."""
    for lang in resource_languages():
        for found in tag(text, lang, None):
            if FULL_DATE.match(found.value):
                return found.value[:10]
    return numeric_date(text)


def body_date(text: str) -> str | None:
    """A dateline-like full date at the top of the body (the language is not known yet: try each).

    Only the top of the page is read: datelines sit there, and scanning whole bodies with every
    language's grammar would cost more than the rest of cleaning.
    """
    head = text[:BODY_DATE_CHARS]
    for lang in resource_languages():
        if found := find_document_date(head, lang):
            return found
    return None


def choose_published(meta: Meta, result: CleanResult, text: str) -> None:
    """Publication date: metadata, else a dateline/byline date, else the URL, else a caption date."""
    if meta.published:
        meta.published_from = meta.published_from or "metadata"
        return
    candidates: list[tuple[str, str | None]] = [
        ("text", document_date(text)) for text in result.text_dates
    ]
    candidates.append(("text", body_date(text)))
    candidates.append(("url", url_date(meta.source_url) or url_date(meta.page_url)))
    candidates.extend(("caption", document_date(c.text)) for c in result.captions)
    for origin, value in candidates:
        if value:
            meta.published = value
            meta.published_from = origin  # type: ignore[assignment]
            return


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


class CleanStage(PerArticle):
    """Removes page leftovers and lifts metadata out of the body."""

    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw", "meta")
    provides: ClassVar[tuple[str, ...]] = ("text",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.templates = SiteTemplates()

    def setup(self) -> None:
        """Compile the rules once."""
        load_rules()

    def __call__(self, article: Article) -> Article:
        """Fill text and metadata from the raw input."""
        raw = article.raw or article.text
        meta = article.meta
        site = registered_domain(meta.source_url or meta.page_url)
        result = clean_text(raw, self.templates.template_lines(site), meta.authors)
        self.templates.record(site, raw.splitlines())
        if "source_url" in result.meta_updates:
            if meta.source_url and meta.source_url != result.meta_updates["source_url"]:
                meta.page_url = meta.page_url or meta.source_url
            meta.source_url = result.meta_updates["source_url"]
        meta.dateline = meta.dateline or result.meta_updates.get("dateline")
        meta.authors = _unique(meta.authors + result.authors)
        meta.credited_sources = _unique(meta.credited_sources + result.credited_sources)
        meta.captions.extend(result.captions)
        meta.removed.extend(result.removed)
        meta.publisher = meta.publisher or registered_domain(meta.source_url or meta.page_url)
        choose_published(meta, result, result.text)
        article.text = result.text
        source = meta.source_url or meta.external_id or meta.input_path or ""
        article.id = article_id(source, article.text)
        folders = [COMMON, *resource_languages()]
        article.provenance.lexicons.update(
            {f"{lang}/cleaning": resource_version(lang, "cleaning") for lang in folders}
        )
        return article
