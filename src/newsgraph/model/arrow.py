"""Articles as Arrow tables: the columnar form batches travel in between processes and machines.

The Arrow schema is derived from the pydantic records, so a field added to `Entity` or `Event`
appears in it without editing this module: strings and literals become `string`, ints `int64`,
floats `float64`, lists `list`, records `struct`, string maps `map<string, string>`; a field that
may be None is nullable. Every layer is kept; the token layer only when asked (it is most of the
bytes). `articles_from_table(articles_to_table(batch))` gives back equal Articles.

This adapter imports pyarrow lazily: importing `newsgraph.model` does not load it.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from typing import Any, Literal, Union

from pydantic import BaseModel

from newsgraph.model.article import Article

TOKENS = "tokens"


def _arrow_type(annotation: Any) -> tuple[Any, bool]:
    """(Arrow type, nullable) of a field annotation."""
    import pyarrow as pa

    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(members) != 1:
            raise TypeError(f"no Arrow type for the union {annotation!r}")
        return _arrow_type(members[0])[0], True
    if origin is Literal or annotation is str:
        return pa.string(), False
    if annotation is bool:
        return pa.bool_(), False
    if annotation is int:
        return pa.int64(), False
    if annotation is float:
        return pa.float64(), False
    if origin is list:
        (item,) = typing.get_args(annotation)
        return pa.list_(_arrow_type(item)[0]), False
    if origin is dict:
        key, value = typing.get_args(annotation)
        return pa.map_(_arrow_type(key)[0], _arrow_type(value)[0]), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation)), False
    raise TypeError(f"no Arrow type for {annotation!r}")


def _fields(model: type[BaseModel], skip: Iterable[str] = ()) -> list[Any]:
    import pyarrow as pa

    left_out = set(skip)
    fields = []
    hints = typing.get_type_hints(model)
    for name in model.model_fields:
        if name in left_out:
            continue
        arrow_type, nullable = _arrow_type(hints[name])
        fields.append(pa.field(name, arrow_type, nullable=nullable))
    return fields


def article_schema(tokens: bool = False) -> Any:
    """The Arrow schema of an Article (pyarrow.Schema): every layer, tokens when asked."""
    import pyarrow as pa

    return pa.schema(_fields(Article, skip=() if tokens else (TOKENS,)))


def articles_to_table(articles: Iterable[Article], tokens: bool = False) -> Any:
    """A pyarrow.Table with one row per article."""
    import pyarrow as pa

    rows = []
    for article in articles:
        row = article.to_record()
        if not tokens:
            row.pop(TOKENS, None)
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=article_schema(tokens))


def articles_from_table(table: Any) -> list[Article]:
    """The Articles of a table written by `articles_to_table` (or read back from Parquet)."""
    rows = table.to_pylist(maps_as_pydicts="strict")
    return [Article.model_validate(row) for row in rows]
