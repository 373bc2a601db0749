"""The HTML reader: one parse, the metadata an Article keeps, the same result as trafilatura's
own metadata pass."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html as trafilatura_load_html

from newsgraph.ingest.html import extract_html, load_html

BODY = """<article><h1>{title}</h1>
<p>The new bridge over the river opened on Tuesday after four years of building work, and the
first cars crossed it at noon while a band played on the bank.</p>
<p>The mayor said the crossing would cut the drive to the hospital by twenty minutes for the
villages on the east side, where most of the town's older people live.</p>
<p>Tolls will not be charged in the first year, the council decided last month.</p>
</article>"""

PAGES = {
    "meta tags": """<!DOCTYPE html><html><head><title>Bridge opens | Town News</title>
<meta name="author" content="Kari Nordmann; Ola Hansen">
<meta property="article:published_time" content="2024-05-14T09:30:00Z">
<meta property="og:url" content="https://news.example.com/2024/05/bridge">
<meta property="article:section" content="Local">
<meta property="og:site_name" content="Town News"></head>
<body>{body}<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC</a>
<footer><a href="/category/local/">Local</a><a href="/tag/bridges/">bridges</a></footer>
</body></html>""",
    "json-ld": """<!DOCTYPE html><html><head><title>Bridge opens</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Bridge opens to traffic", "datePublished": "2023-11-02",
"author": {{"@type": "Person", "name": "Jane Roe"}}}}</script></head>
<body>{body}</body></html>""",
    "byline in the page": """<!DOCTYPE html><html><head><title>Bridge opens</title></head>
<body><div class="byline"><span class="author">By John Smith</span></div>
<time datetime="2022-03-04">4 March 2022</time>{body}</body></html>""",
    "no metadata": """<html><body>{body}</body></html>""",
}


def trafilatura_reading(html: str) -> tuple[str, dict[str, Any]]:
    """What trafilatura's own metadata pass gives with the reader's options."""
    document: Any = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True
    )
    found = document.as_dict()
    return str(found["text"] or ""), found


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_html_reader_gives_the_text_and_metadata_of_trafilaturas_own_pass(kind: str) -> None:
    html = PAGES[kind].format(body=BODY.format(title="Bridge opens to traffic"))
    text, meta = extract_html(html)
    expected_text, expected = trafilatura_reading(html)
    assert text == expected_text
    assert "first cars crossed it" in text
    assert meta.title == (expected["title"] or None)
    assert meta.published == (expected["date"] or None)
    authors = [a.strip() for a in str(expected["author"] or "").split(";") if a.strip()]
    assert meta.authors == authors
    assert meta.source_url == (expected["url"] or None)


def test_html_reader_reads_title_authors_and_date_from_meta_tags() -> None:
    html = PAGES["meta tags"].format(body=BODY.format(title="Bridge opens to traffic"))
    _, meta = extract_html(html, url="https://news.example.com/given")
    assert meta.authors == ["Kari Nordmann", "Ola Hansen"]
    assert meta.published == "2024-05-14"
    assert meta.source_url == "https://news.example.com/given"


@pytest.mark.parametrize(
    "html", ["<html><body><nav>Home</nav></body></html>", "just a line of plain text", "<p>x</p>"]
)
def test_a_page_trafilatura_finds_nothing_or_little_in_gives_what_it_gives(html: str) -> None:
    text, meta = extract_html(html, url="https://x.org/")
    document: Any = trafilatura.bare_extraction(
        html, url="https://x.org/", with_metadata=True, include_comments=False
    )
    assert text == ("" if document is None else str(document.text or ""))
    assert meta.source_url == "https://x.org/"


FORM_PAGE = """<!DOCTYPE html><html><head><title>Subscribe</title></head><body>{body}
<form action="/subscribe"><label for="mail">E-mail</label><input id="mail" name="mail">
<select name="plan"><option>weekly</option></select><textarea name="note"></textarea></form>
</body></html>"""


@pytest.mark.parametrize(
    "html",
    [
        FORM_PAGE.format(body=BODY.format(title="Bridge opens")),
        *(page.format(body=BODY.format(title="Bridge opens")) for page in PAGES.values()),
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>declared</p></body></html>',
        "<html/>\n<body><p>self-closing html</p></body>",
        "just a line of plain text",
        "<p>x</p>",
    ],
)
def test_page_tree_is_the_tree_trafilatura_loads(html: str) -> None:
    ours, theirs = load_html(html), trafilatura_load_html(html)
    if theirs is None:
        assert ours is None
    else:
        assert ours is not None
        assert etree.tostring(ours) == etree.tostring(theirs)


def test_page_tree_elements_are_plain_html_elements() -> None:
    # lxml.html's Python class lookup would make the form and its fields FormElement, InputElement ...
    tree = load_html(FORM_PAGE.format(body=BODY.format(title="Bridge opens")))
    assert tree is not None
    assert {type(element) for element in tree.iter(etree.Element)} == {HtmlElement}


# A date only dateparser reads (htmldate's own patterns do not take it), in a fresh process each
# time: what the first page that needs dateparser loads is the point.
DATEPARSER_PAGE = """<html><head><title>Bridge</title></head><body><article><h1>Bridge opens</h1>
<div class="date">November 20 15:23 2019</div>
<p>The new bridge over the river opened on Tuesday after four years of building work, and the
first cars crossed it at noon while a band played on the bank.</p>
<p>The mayor said the crossing would cut the drive to the hospital by twenty minutes for the
villages on the east side, where most of the town's older people live.</p></article></body></html>"""
FRESH_READER = """
import json, sys
from dateparser.timezone_parser import _build_tz_regexes
from htmldate.extractors import get_external_parser, month_words
from newsgraph.ingest.html import extract_html, prepare_reader
def loaded():
    return [f.cache_info().currsize for f in (get_external_parser, month_words, _build_tz_regexes)]
before = loaded()
if sys.argv[1] == "prepared":
    prepare_reader()
prepared = loaded()
text, meta = extract_html(sys.argv[2])
print(json.dumps([before, prepared, text, meta.model_dump()]))
"""
SRC = Path(__file__).resolve().parents[2] / "src"


def fresh_reading(mode: str, html: str) -> list[Any]:
    """What a fresh process loads before and after `prepare_reader` (when `mode` is "prepared")
    and what it reads of `html`."""
    result = subprocess.run(
        [sys.executable, "-c", FRESH_READER, mode, html],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    found: list[Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_prepare_reader_loads_dateparser_and_month_names_before_any_page() -> None:
    before, prepared, _, _ = fresh_reading("prepared", DATEPARSER_PAGE)
    assert before == [0, 0, 0]
    assert prepared == [1, 1, 1]


def test_a_prepared_reader_reads_a_page_as_a_fresh_one_does() -> None:
    _, _, text, meta = fresh_reading("prepared", DATEPARSER_PAGE)
    _, unprepared, fresh_text, fresh_meta = fresh_reading("fresh", DATEPARSER_PAGE)
    assert unprepared == [0, 0, 0]
    assert meta["published"] == "2019-11-20"
    assert (text, meta) == (fresh_text, fresh_meta)
