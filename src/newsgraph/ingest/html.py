"""HTML pages: main text and metadata through trafilatura (the only module importing it)."""

from __future__ import annotations

from typing import Any

import trafilatura

from newsgraph.errors import InputError
from newsgraph.model import Meta


def extract_html(html: str, url: str | None = None, where: str = "<html>") -> tuple[str, Meta]:
    """Main text and metadata of an HTML page; empty text when the page holds no article.

    A page trafilatura cannot parse raises InputError naming `where` and trafilatura's error.
    """
    try:
        document: Any = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
        )
    except RecursionError as error:
        raise InputError(where, "HTML nested too deeply to extract") from error
    except Exception as error:
        raise InputError(
            where, f"HTML extraction failed ({type(error).__name__}: {error})"
        ) from error
    if document is None:
        return "", Meta(source_url=url)
    document = document.as_dict()
    text = str(document.get("text") or "")
    authors = [a.strip() for a in str(document.get("author") or "").split(";") if a.strip()]
    meta = Meta(
        title=document.get("title") or None,
        published=document.get("date") or None,
        published_from="metadata" if document.get("date") else None,
        authors=authors,
        source_url=url or document.get("url") or None,
    )
    return text, meta
