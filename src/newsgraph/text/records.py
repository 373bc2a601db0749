"""Frozen records made in bulk: one instance per token of an article."""

from __future__ import annotations

from typing import Any, TypeVar

Record = TypeVar("Record")

_new_object = object.__new__


def filled(cls: type[Record], /, **fields: Any) -> Record:
    """An instance of the frozen dataclass `cls` with `fields` set, equal to `cls(**fields)`
    when `fields` names every field.

    Every token of an article becomes such a record (the event coder's and the quote engine's
    words): a frozen dataclass's __init__ sets each field through object.__setattr__, filling
    the instance's dict at once costs a third of that. The class must keep a __dict__ (no
    slots) and run no __post_init__."""
    record: Record = _new_object(cls)
    record.__dict__.update(fields)
    return record
