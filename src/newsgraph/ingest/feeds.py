"""RSS and Atom feeds and XML sitemaps (lxml adapter; no entity expansion, no network).

A feed item that carries its article (RSS `content:encoded` or `description`, Atom `content` or
`summary`) becomes an Article with the item's link, date and title. A sitemap only lists
addresses: `parse_sitemap` gives them to `newsgraph follow`; read as a file it is a failure that
says so. A sitemap index lists further sitemaps (entries marked `sitemap`), which `follow` reads in
turn. Relative links are resolved against the feed's own address (and Atom's `xml:base`) when it
is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from newsgraph.errors import InputError

FEED_SUFFIXES = (".rss", ".atom", ".xml")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed or sitemap: its address, and what the feed says about it."""

    url: str | None
    title: str | None = None
    published: str | None = None
    body: str | None = None
    # True for an entry of a sitemap index: the address of another sitemap, not of a page.
    sitemap: bool = False


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment from a feed item, one paragraph per block element."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n\n" + (block.tail or "")
    return "".join(root.itertext()).strip()


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


def feed_kind(data: bytes) -> str | None:
    """'rss', 'atom' or 'sitemap' when the bytes start like one, else None."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith((b"<?xml", b"<rss", b"<feed", b"<urlset", b"<sitemapindex")):
        return None
    if b"<rss" in head or b"<rdf:rdf" in head:
        return "rss"
    if b"<feed" in head:
        return "atom"
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    return None


def _date(text: str | None) -> str | None:
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return text


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    value = "".join(element.itertext()).strip()
    return value or None


def _root(data: bytes, where: str, base: str | None = None) -> etree._Element:
    try:
        return etree.fromstring(data, _parser(), base_url=base)
    except etree.XMLSyntaxError as error:
        raise InputError(where, f"invalid XML ({error})") from error


def _absolute(link: str | None, element: etree._Element, base: str | None) -> str | None:
    """A link resolved against the element's base (xml:base, else the document's address)."""
    if not link or base is None:
        return link
    return urljoin(element.base or base, link)


def parse_feed(data: bytes, where: str, base: str | None = None) -> list[FeedEntry]:
    """The items of an RSS or Atom feed, in feed order; links resolved against `base`."""
    root = _root(data, where, base)
    entries = []
    for item in root.iter("item", "{http://purl.org/rss/1.0/}item"):
        body = _text(item.find(CONTENT)) or _text(item.find("description"))
        entries.append(
            FeedEntry(
                url=_absolute(_text(item.find("link")), item, base),
                title=_text(item.find("title")),
                published=_date(_text(item.find("pubDate"))),
                body=body,
            )
        )
    for entry in root.iter(f"{ATOM}entry"):
        link = next(
            (
                _absolute(str(node.get("href")), node, base)
                for node in entry.iter(f"{ATOM}link")
                if node.get("rel") in (None, "alternate") and node.get("href")
            ),
            None,
        )
        published = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
        body = _text(entry.find(f"{ATOM}content")) or _text(entry.find(f"{ATOM}summary"))
        entries.append(
            FeedEntry(
                url=link, title=_text(entry.find(f"{ATOM}title")), published=published, body=body
            )
        )
    return entries


def parse_sitemap(data: bytes, where: str, base: str | None = None) -> list[FeedEntry]:
    """The pages (or, in a sitemap index, the sitemaps) a sitemap lists."""
    root = _root(data, where, base)
    entries = []
    # Some sites leave out the sitemap namespace: its elements are read without it too.
    for node in root.iter(f"{SITEMAP}url", f"{SITEMAP}sitemap", "url", "sitemap"):
        namespace = SITEMAP if node.tag.startswith(SITEMAP) else ""
        news = node.find(f"{NEWS}news")
        published = _text(node.find(f"{namespace}lastmod"))
        title = None
        if news is not None:
            published = _text(news.find(f"{NEWS}publication_date")) or published
            title = _text(news.find(f"{NEWS}title"))
        entries.append(
            FeedEntry(
                url=_absolute(_text(node.find(f"{namespace}loc")), node, base),
                title=title,
                published=published,
                sitemap=node.tag == f"{namespace}sitemap",
            )
        )
    return entries
