"""HTML pages: main text and metadata through trafilatura and its date reader htmldate (the only
module importing them).

The page is parsed once, by trafilatura's parser settings with a faster element-class lookup
(`page_parser`). Its metadata is read as `trafilatura.metadata.extract_metadata` reads
it, less what an Article does not keep (site name, categories, tags, licence: half the cost of
the metadata on news pages); then `bare_extraction` takes the main text from a copy of the
tree, as it would after its own metadata pass (which reads the tree without changing it).
"""

from __future__ import annotations

import contextlib
from functools import lru_cache
from typing import Any

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura import metadata as page_metadata
from trafilatura.settings import Extractor
from trafilatura.utils import is_dubious_html, repair_faulty_html

from newsgraph.errors import InputError
from newsgraph.model import Meta


def extraction_options(url: str | None, with_metadata: bool) -> Extractor:
    """trafilatura's options for an article: main text and tables, no comments."""
    return Extractor(
        output_format="python", comments=False, tables=True, url=url, with_metadata=with_metadata
    )


@lru_cache(maxsize=1)
def page_parser() -> HTMLParser:
    """trafilatura's HTML parser (`trafilatura.utils.HTML_PARSER`, the same options) whose elements
    are all HtmlElement, comments HtmlComment and so on, chosen by lxml's C class lookup. lxml.html's
    own lookup is a Python method called for every element object lxml makes (~3,700 a page as
    trafilatura and htmldate walk the tree and its copies) and gives only form, input, select,
    textarea and label elements classes of their own, whose form methods neither library calls."""
    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )
    return parser


def load_html(html: str) -> HtmlElement | None:
    """The tree of a decoded page as `trafilatura.utils.load_html` makes it, with `page_parser`:
    None for a document that does not look like HTML and parses to fewer than two elements."""
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    tree: HtmlElement | None = None
    as_bytes = False
    try:
        tree = fromstring(html, parser=page_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, as_bytes = _parse_bytes(html), True
    except Exception:  # what load_html logs and goes on from
        tree = None
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _parse_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _parse_bytes(html: str) -> HtmlElement | None:
    """`trafilatura.utils.fromstring_bytes` with `page_parser`."""
    try:
        tree: HtmlElement = fromstring(html.encode("utf8", "surrogatepass"), parser=page_parser())
    except Exception:  # what fromstring_bytes logs and goes on from
        return None
    return tree


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


# A date with a time zone: dateparser reads it through its time-zone patterns.
WARM_UP_DATE = "20 November 2019 15:23 CET"


def prepare_reader() -> None:
    """Load what htmldate and dateparser otherwise load inside the first pages that need them:
    htmldate's month names of every dateparser locale, its dateparser parser and dateparser's
    time-zone patterns (~0.5 s CPU, which would land on whichever page first holds a date only
    dateparser reads). Neither keeps anything of the warm-up date that changes a later answer
    (htmldate's parser does not try previous locales first); reading works without this."""
    from htmldate.extractors import get_external_parser, month_words

    month_words()
    get_external_parser().get_date_data(WARM_UP_DATE)


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
    tree = load_html(html)
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
