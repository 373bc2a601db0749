"""Load the temporal grammar of a language from resources/<lang>/time.toml (plus common/time.toml).

A grammar is data: word tables (`[words.month]`, `[words.unit]`, ...), regex classes, settings and
`[[rules]]`. A rule's pattern is a regular expression with placeholders: `{slot}` or
`{slot=class|class}` becomes a named group whose alternatives are the listed word tables or regex
classes, and whose text fills the `TimeSpec` field of that name. This module compiles the rules and
turns a match into a spec; it holds no knowledge of any particular language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.resources import COMMON, base_language, load_resource
from newsgraph.resources.compiled import compiled
from newsgraph.resources.patterns import compile_patterns
from newsgraph.temporal.prefilter import OpeningIndex, openings
from newsgraph.temporal.spec import TimeSpec

# Regex classes every grammar may use; a language file can add or override classes.
BUILTIN_CLASSES: dict[str, str] = {
    "int": r"\d+",
    "num": r"(?:\d+/\d+|\d+(?:[.,]\d+)?)",
    "day": r"(?:0?[1-9]|[12]\d|3[01])",
    "month_num": r"(?:0?[1-9]|1[0-2])",
    "year4": r"(?:1\d{3}|20\d\d|21\d\d)",
    "year2": r"\d\d",
    "news_year": r"(?:19\d\d|20\d\d|2100)",
    "hour": r"(?:[01]?\d|2[0-4])",
    "hour2": r"(?:[01]\d|2[0-3])",
    "minute": r"[0-5]\d",
    "second": r"[0-5]\d",
    "week": r"(?:0?[1-9]|[1-4]\d|5[0-3])",
    "quarter": r"[1-4]",
    "decade": r"(?:1[5-9]|20)\d0",
}
_PLACEHOLDER = re.compile(r"\{(:?)([a-z_0-9]+)(?:#(\d))?(?:=([a-z_0-9|]+))?\}")
_SPEC_FIELDS = {f.name for f in fields(TimeSpec)}
# Slots that are read in a special way rather than copied into the spec field of the same name.
_SPECIAL_SLOTS = {
    "t",
    "deictic",
    "yearref",
    "weekrel",
    "monthrel",
    "rel_back",
    "minute_to",
    "mult",
    "approx",
    "half",
}


@dataclass(frozen=True)
class Rule:
    """One compiled pattern with the kind of spec it builds and the fixed slot values it sets."""

    name: str
    kind: str
    regex: re.Pattern[str]
    priority: int
    fixed: dict[str, Any]
    classes: dict[str, tuple[str, ...]]
    examples: tuple[str, ...] = ()
    only_joined: bool = False


@dataclass(frozen=True)
class Grammar:
    """The compiled temporal grammar of one language."""

    lang: str
    rules: tuple[Rule, ...]
    words: dict[str, dict[str, Any]]
    settings: dict[str, Any]
    tense: dict[str, Any]
    document_date: dict[str, Any] = field(default_factory=dict)
    merge_gap: re.Pattern[str] = re.compile(r"^\s*$")
    # Where each rule can start (see prefilter.py); None scans every rule everywhere.
    index: OpeningIndex | None = None

    def setting(self, name: str, default: Any) -> Any:
        """A value of the grammar's [settings] table."""
        return self.settings.get(name, default)


def _word_key(text: str) -> str:
    """How a word table is keyed: lowercase, single spaces, no trailing full stop."""
    return re.sub(r"\s+", " ", text.strip().lower()).rstrip(".") or text.strip().lower()


def _alternation(entries: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace.

    Phrases of one length come in alphabetical order, so that a grammar's regexes are the same
    text in every process (the resource cache keeps their compiled programs by that text)."""
    unique = {entry.strip() for entry in entries if entry.strip()}
    phrases = sorted(unique, key=lambda phrase: (-len(phrase), phrase))
    parts = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _merge(common: dict[str, Any], specific: dict[str, Any]) -> dict[str, Any]:
    """Language data on top of the common data: tables merge, rules add up."""
    merged: dict[str, Any] = {key: value for key, value in common.items() if key != "rules"}
    for key, value in specific.items():
        if key == "rules":
            continue
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            inner = dict(merged[key])
            for sub, subvalue in value.items():
                if isinstance(subvalue, dict) and isinstance(inner.get(sub), dict):
                    inner[sub] = {**inner[sub], **subvalue}
                else:
                    inner[sub] = subvalue
            merged[key] = inner
        else:
            merged[key] = value
    merged["rules"] = list(common.get("rules", [])) + list(specific.get("rules", []))
    return merged


def _class_regex(name: str, words: dict[str, Any], classes: dict[str, str], lang: str) -> str:
    if name in classes:
        return "(?:" + classes[name] + ")"
    if name in words:
        table = words[name]
        entries = list(table) if isinstance(table, (dict, list)) else []
        return _alternation([str(entry) for entry in entries])
    if name in BUILTIN_CLASSES:
        return BUILTIN_CLASSES[name]
    raise ConfigError(f"resources/{lang}/time.toml: unknown word table or class {{{name}}}")


def _expand(
    pattern: str, words: dict[str, Any], classes: dict[str, str], lang: str
) -> tuple[str, dict[str, tuple[str, ...]]]:
    """Replace placeholders by named groups; remember which tables each group draws on."""
    group_classes: dict[str, tuple[str, ...]] = {}

    def replace(match: re.Match[str]) -> str:
        bare, slot, index, spec = match.groups()
        names = tuple((spec or slot).split("|"))
        # Phrases of all listed word tables form one alternation, longest first, so that
        # "i morgen tidlig" wins over "i morgen" whichever table each is in.
        tables = [name for name in names if name in words and name not in classes]
        phrases = [str(entry) for name in tables for entry in words[name]]
        parts = [_alternation(phrases)] if tables else []
        parts += [_class_regex(name, words, classes, lang) for name in names if name not in tables]
        inner = "|".join(parts)
        if bare:
            return f"(?:{inner})"
        group = slot if index is None else f"{slot}__{index}"
        group_classes[group] = names
        return f"(?P<{group}>{inner})"

    return _PLACEHOLDER.sub(replace, pattern), group_classes


def _rule_name(raw: dict[str, Any], position: int) -> str:
    return str(raw.get("name", f"rule {position}"))


def _rule_regex(
    raw: dict[str, Any], data: dict[str, Any], lang: str
) -> tuple[str, int, dict[str, tuple[str, ...]]]:
    """A rule's regex text and flags, and the classes of its named groups."""
    words = data.get("words", {})
    classes = {key: str(value) for key, value in data.get("classes", {}).items()}
    expanded, group_classes = _expand(str(raw.get("pattern", "")), words, classes, lang)
    flags = re.IGNORECASE if not raw.get("case_sensitive", False) else 0
    # Whole words only, and not the first part of a compound ("2018-valget", "vinter- og").
    return r"(?<![\w])" + expanded + r"(?![\w]|-[^\W\d_]|-\s)", flags, group_classes


def _compile_rule(raw: dict[str, Any], position: int, data: dict[str, Any], lang: str) -> Rule:
    pattern, flags, group_classes = _rule_regex(raw, data, lang)
    try:
        regex = re.compile(pattern, flags)
    except re.error as error:
        raise ConfigError(
            f"resources/{lang}/time.toml: rule {_rule_name(raw, position)!r} does not compile "
            f"({error})"
        ) from error
    return _rule(raw, position, regex, group_classes, lang)


def _rule(
    raw: dict[str, Any],
    position: int,
    regex: re.Pattern[str],
    group_classes: dict[str, tuple[str, ...]],
    lang: str,
) -> Rule:
    name = _rule_name(raw, position)
    fixed = dict(raw.get("set", {}))
    unknown = set(fixed) - _SPEC_FIELDS - {"hour_shift"}
    if unknown:
        raise ConfigError(
            f"resources/{lang}/time.toml: rule {name!r} sets unknown fields {unknown}"
        )
    return Rule(
        name=name,
        kind=str(raw.get("kind", "calendar")),
        regex=regex,
        priority=int(raw.get("priority", 0)),
        fixed=fixed,
        classes=group_classes,
        examples=tuple(str(example) for example in raw.get("examples", [])),
        only_joined=bool(raw.get("only_joined", False)),
    )


def _compile_rules(data: dict[str, Any], lang: str) -> tuple[Rule, ...]:
    """Every rule of a grammar; the regexes' programs come from the resource cache."""
    expanded = [_rule_regex(raw, data, lang) for raw in data["rules"]]
    try:
        regexes = compile_patterns(
            "time", lang, [(pattern, flags) for pattern, flags, _ in expanded]
        )
    except re.error:  # the rule at fault is named below
        return tuple(_compile_rule(raw, i, data, lang) for i, raw in enumerate(data["rules"]))
    return tuple(
        _rule(raw, i, regex, group_classes, lang)
        for i, (raw, regex, (_, _, group_classes)) in enumerate(
            zip(data["rules"], regexes, expanded, strict=True)
        )
    )


@lru_cache(maxsize=32)
def load_grammar(lang: str | None) -> Grammar:
    """The compiled grammar of a language (its own rules on top of the common numeric ones)."""
    code = base_language(lang)
    specific = load_resource(code, "time")
    data = _merge(load_resource(COMMON, "time"), specific)
    rules = _compile_rules(data, code)
    settings = dict(data.get("settings", {}))
    gap = str(settings.get("merge_gap", r"^\s*,?\s*$"))
    words = {
        name: {_word_key(str(k)): v for k, v in table.items()}
        if isinstance(table, dict)
        else {_word_key(str(k)): True for k in table}
        for name, table in data.get("words", {}).items()
    }
    return Grammar(
        lang=code,
        rules=rules,
        words=words,
        settings=settings,
        tense=dict(data.get("tense", {})),
        document_date=dict(data.get("document_date", {})),
        merge_gap=re.compile(gap, re.IGNORECASE),
        # Working out the openings walks every rule's parsed pattern: seconds per language,
        # so the index built from them goes into the resource cache with the grammar's files
        # and code.
        index=compiled(
            "time-index", code, lambda: OpeningIndex([openings(rule.regex) for rule in rules])
        ),
    )


def has_grammar(lang: str | None) -> bool:
    """Whether a language has its own time.toml (the common numeric rules work for any language)."""
    return bool(load_resource(base_language(lang), "time"))


class SlotError(ValueError):
    """A matched group whose text cannot fill its slot (a word missing from its table)."""


def _lookup(grammar: Grammar, names: tuple[str, ...], text: str) -> Any:
    key = _word_key(text)
    fraction = re.fullmatch(r"(\d+)\s*/\s*(\d+)", text.strip())
    if fraction and int(fraction.group(2)):
        return int(fraction.group(1)) / int(fraction.group(2))
    for name in names:
        table = grammar.words.get(name)
        if table is not None and key in table:
            return table[key]
    digits = re.sub(r"[^\d.,]", "", text).replace(",", ".").strip(".")
    if digits and re.fullmatch(r"\d+(?:\.\d+)?", digits):
        number = float(digits)
        return int(number) if number.is_integer() else number
    raise SlotError(f"{text!r} is not in {', '.join(names)}")


def _year(text: str) -> int:
    digits = re.sub(r"\D", "", text)
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 50 else 2000
    return year


def build_spec(grammar: Grammar, rule: Rule, match: re.Match[str]) -> TimeSpec:
    """Turn a rule's match into a spec; raises SlotError when a group's text fits no table."""
    values: dict[str, Any] = {"kind": rule.kind}
    hour_shift = 0
    for key, value in rule.fixed.items():
        if key == "hour_shift":
            hour_shift = int(value)
        else:
            values[key] = value
    for group, names in rule.classes.items():
        text = match.group(group)
        if text is None or "__" in group:
            continue
        hour_shift += _fill_slot(grammar, group, names, text, values)
    if hour_shift and values.get("hour") is not None:
        values["hour"] = int(values["hour"]) + hour_shift
    if values.get("kind") == "relative" and "rel" in values and "offset" not in rule.fixed:
        values["offset"] = int(values.pop("rel"))
    if values.get("kind") == "offset" and "amount" not in values:
        values["amount"] = 1
    twelve_hour = grammar.setting("clock", "24h") == "12h" and "clock12" not in rule.fixed
    if twelve_hour and values.get("hour") is not None:
        values["clock12"] = True
    return TimeSpec(**values)


def _fill_slot(
    grammar: Grammar, slot: str, names: tuple[str, ...], text: str, values: dict[str, Any]
) -> int:
    """Copy one group into the spec values; returns an hour shift (for "kvart på 12")."""
    if slot == "t":
        return 0
    if slot == "year":
        values["year"] = _year(text)
        return 0
    if slot == "decade":
        values["decade"] = _year(re.sub(r"\D", "", text)) // 10
        return 0
    value = _lookup(grammar, names, text)
    if slot == "deictic":
        if not isinstance(value, dict):
            raise SlotError(f"deictic {text!r} needs a table value")
        values.update({k: v for k, v in value.items() if k in _SPEC_FIELDS})
    elif slot == "yearref":
        values["year_offset"] = int(value)
    elif slot == "weekrel":
        values["week_offset"] = int(value)
    elif slot == "monthrel":
        values["month_offset"] = int(value)
    elif slot == "rel_back":
        values["rel"] = -int(value)
    elif slot == "minute_to":
        values["minute"] = 60 - int(value)
        return -1
    elif slot in ("mult", "amount", "approx"):
        values["amount"] = None if value == "X" else float(value)
    elif slot == "half":
        if values.get("amount") is not None:
            values["amount"] = float(values["amount"]) + float(value)
    elif slot in _SPEC_FIELDS:
        values[slot] = value
    else:
        raise SlotError(f"unknown slot {slot!r}")
    return 0
