"""HTML pages: main text and metadata through trafilatura and its date reader htmldate (the only
module importing them).

The page is parsed once. Its metadata is read as `trafilatura.metadata.extract_metadata` reads
it, less what an Article does not keep (site name, categories, tags, licence: half the cost of
the metadata on news pages); then `bare_extraction` takes the main text from a copy of the
tree, as it would after its own metadata pass (which reads the tree without changing it).
"""

from __future__ import annotations

import contextlib
from typing import Any

import trafilatura
from htmldate import find_date
from trafilatura import metadata as page_metadata
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

from newsgraph.errors import InputError
from newsgraph.model import Meta


def extraction_options(url: str | None, with_metadata: bool) -> Extractor:
    """trafilatura's options for an article: main text and tables, no comments."""
    return Extractor(
        output_format="python", comments=False, tables=True, url=url, with_metadata=with_metadata
    )


def read_metadata(tree: Any, options: Extractor) -> Any:
    """`extract_metadata(tree, options.url, options.date_params, options.fast)` as
    `bare_extraction` calls it, without the fields an Article does not keep (site name,
    categories, tags, licence): title, author, url and date come out the same."""
    date_config = {**options.date_params}
    metadata = page_metadata.examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    # trafilatura's JSON-LD reader fails on some pages; extract_metadata goes on without it.
    with contextlib.suppress(Exception):
        metadata = page_metadata.extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = page_metadata.extract_title(tree)
    if not metadata.author:
        metadata.author = page_metadata.extract_author(tree)
    if not metadata.url:
        metadata.url = page_metadata.extract_url(tree, options.url)
    date_config["url"] = metadata.url
    metadata.date = find_date(tree, **date_config)
    metadata.clean_and_trim()
    return metadata


def extract_html(html: str, url: str | None = None, where: str = "<html>") -> tuple[str, Meta]:
    """Main text and metadata of an HTML page; empty text when the page holds no article.

    A page trafilatura cannot parse raises InputError naming `where` and trafilatura's error.
    """
    try:
        return _extract(html, url)
    except RecursionError as error:
        raise InputError(where, "HTML nested too deeply to extract") from error
    except Exception as error:
        raise InputError(
            where, f"HTML extraction failed ({type(error).__name__}: {error})"
        ) from error


def _extract(html: str, url: str | None) -> tuple[str, Meta]:
    nothing = "", Meta(source_url=url)
    options = extraction_options(url, with_metadata=True)
    tree = load_html(html, options.max_file_size)
    if tree is None:
        return nothing
    try:
        found = read_metadata(tree, options)
    except (TypeError, ValueError):  # where bare_extraction gives up on a page: no article
        return nothing
    document: Any = trafilatura.bare_extraction(
        tree, options=extraction_options(url, with_metadata=False)
    )
    if document is None:
        return nothing
    text = str(document.text or "")
    authors = [a.strip() for a in str(found.author or "").split(";") if a.strip()]
    meta = Meta(
        title=found.title or None,
        published=found.date or None,
        published_from="metadata" if found.date else None,
        authors=authors,
        source_url=url or found.url or None,
    )
    return text, meta
