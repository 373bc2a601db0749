"""Typed settings: defaults < a TOML file < NEWSGRAPH_* environment variables < explicit overrides.

One Settings object is built once and passed explicitly; nothing reads module-level mutable state.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsgraph.errors import ConfigError

ENV_PREFIX = "NEWSGRAPH_"
IDENTIFIED_LANGUAGES = [
    "nb",
    "nn",
    "en",
    "da",
    "sv",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "fi",
    "pl",
    "ru",
    "uk",
    "vi",
    "zh",
    "ja",
    "ko",
    "ar",
    "tr",
    "id",
]
DEFAULT_STAGES = ["clean", "language", "nlp", "entities", "times", "quotes", "events"]


class Settings(BaseModel):
    """Every knob of newsgraph, each with a default and a help string."""

    model_config = ConfigDict(extra="forbid")

    stages: list[str] = Field(
        default_factory=lambda: list(DEFAULT_STAGES),
        description="ordered names of the pipeline stages to run",
    )
    languages: list[str] = Field(
        default_factory=lambda: list(IDENTIFIED_LANGUAGES),
        description="languages the language identifier chooses among (ISO 639-1)",
    )
    default_language: str | None = Field(
        default=None, description="language to assume when identification is unsure"
    )
    min_language_confidence: float = Field(
        default=0.3, description="below this lingua confidence the language is unknown"
    )
    models: dict[str, str] = Field(
        default_factory=dict,
        description="spaCy pipeline per language (package name or path); bundled ones otherwise",
    )
    nlp_batch_size: int = Field(
        default=32, description="articles per batch through the stages and through spaCy"
    )
    nlp_parse: str = Field(
        default="needed",
        pattern="^(needed|all)$",
        description=(
            "sentences the dependency parser reads: 'needed' (those with a speech verb, attribution"
            " phrase or event trigger; the rest get punctuation-rule sentences) or 'all'"
        ),
    )
    nlp_matrix: str = Field(
        default="numpy",
        pattern="^(numpy|blis)$",
        description=(
            "library the spaCy models multiply matrices with: 'numpy' (numpy's BLAS) or 'blis'"
            " (thinc's default); the same annotation, numpy's is faster on common x86 CPUs"
        ),
    )
    nlp_blas_threads: int = Field(
        default=1, ge=1, description="BLAS threads a pipeline process uses (workers: one a core)"
    )
    preload_languages: list[str] = Field(
        default_factory=lambda: ["nb", "en"],
        description="languages whose models and lexicons load at start-up (others on first use)",
    )
    max_input_bytes: int = Field(
        default=20_000_000, description="inputs larger than this are refused as not an article"
    )
    database: str = Field(
        default="newsgraph.db", description="archive: SQLite path or postgresql:// URL"
    )
    statement_timeout_s: float = Field(
        default=300.0,
        description="PostgreSQL cancels a statement running longer than this (0: never)",
    )
    workers: int = Field(default=0, description="ingest worker processes (0: one per core)")
    batch_size: int = Field(default=50, description="articles per archive transaction")
    archive_writers: int = Field(
        default=0,
        description="bulk-load writer connections (0: the single writer, or 4 on PostgreSQL"
        " with --runner ray); SQLite takes one",
    )
    article_time_budget_s: float = Field(
        default=60.0,
        description="an article still in the pipeline after this long is a failure (0: no limit)",
    )
    malloc_mmap_threshold_kb: int = Field(
        default=2048,
        ge=0,
        description="glibc: heap blocks from this many KiB up are mapped alone and go back to the"
        " system when freed (a worker's peak memory; 0: glibc's adaptive threshold)",
    )
    worker_memory_mb: int = Field(
        default=0,
        description="address-space cap per ingest worker; past it an article fails (0: no cap)",
    )
    strict: bool = Field(default=False, description="raise on the first stage failure")
    dedup_threshold: float = Field(
        default=0.4, description="MinHash Jaccard similarity above which articles are near-copies"
    )
    dedup_shingle_words: int = Field(default=3, description="words per shingle for near-copies")
    dedup_permutations: int = Field(default=128, description="MinHash permutations per article")
    cluster_window_days: int = Field(
        default=3, description="reports of one event may date it this many days apart"
    )
    cluster_min_similarity: float = Field(
        default=0.3,
        description=(
            "evidence overlap two reports need to be one story (twice that when they share"
            " countries but no named actor)"
        ),
    )
    event_gate: bool = Field(
        default=False,
        description=(
            "drop coded events the trained precision gate finds unlikely (general news: fewer"
            " wrong events, also fewer right ones; docs/events.md, 'Precision gate')"
        ),
    )
    translation_min_entity_overlap: float = Field(
        default=0.5,
        description="share of entities two reports in different languages need to be translations",
    )


def _coerce(name: str, raw: str) -> Any:
    """Turn an environment string into the type of the setting called `name`.

    Lists and tables are read as JSON (`["en","nb"]`, `{"nb": "path"}`) or as commas
    (`en,nb`, `nb=path,en=other`).
    """
    annotation = Settings.model_fields[name].annotation
    text = str(annotation)
    if ("list" in text or "dict" in text) and raw.strip().startswith(("[", "{")):
        try:
            return json.loads(raw)
        except json.JSONDecodeError as error:
            key = ENV_PREFIX + name.upper()
            raise ConfigError(f"{key} is not valid JSON ({error.msg})") from error
    if annotation is bool:
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if "list" in text:
        return [item.strip() for item in raw.split(",") if item.strip()]
    if "dict" in text:
        pairs = (item.split("=", 1) for item in raw.split(",") if "=" in item)
        return {key.strip(): value.strip() for key, value in pairs}
    return raw


def load_settings(
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build Settings from defaults, a TOML file, the environment and explicit overrides."""
    values: dict[str, Any] = {}
    if config_file is not None:
        try:
            values.update(tomllib.loads(config_file.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{config_file}: cannot read settings ({error})") from error
    env = os.environ if environ is None else environ
    for name in Settings.model_fields:
        key = ENV_PREFIX + name.upper()
        if key in env:
            values[name] = _coerce(name, env[key])
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"invalid setting {where}: {first['msg']}") from error


def settings_help() -> list[tuple[str, str, str]]:
    """(name, default, help) of every setting, for generated CLI help and docs."""
    rows = []
    defaults = Settings()
    for name, field in Settings.model_fields.items():
        rows.append((name, repr(getattr(defaults, name)), field.description or ""))
    return rows
