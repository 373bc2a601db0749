"""Registered domains by the bundled Public Suffix List, the same as tldextract's."""

from __future__ import annotations

import subprocess
import sys

import pytest
import tldextract
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.publisher import _rules, registered_domain

EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def by_tldextract(url: str | None) -> str | None:
    """What the adapter over tldextract returned before."""
    if not url:
        return None
    parts = EXTRACT(url)
    if not parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.example.co.uk/news/a-story?id=3#top", "example.co.uk"),
        ("http://Nyheter.Example.NO:8080/x", "Example.NO"),
        ("//cdn.example.com.au/img.png", "example.com.au"),
        ("user:secret@mail.example.org", "example.org"),
        ("http://192.168.10.4/feed", "192.168.10.4"),
        ("http://[2001:db8::1]:80/", "[2001:db8::1]"),
        ("http://localhost:8000/", "localhost"),
        ("https://co.uk/", None),
        ("https://www.city.kawasaki.jp/", "city.kawasaki.jp"),
        ("https://a.b.kawasaki.jp/", "a.b.kawasaki.jp"),
        ("http://www.example.com./", "example.com"),
        ("", None),
        (None, None),
    ],
)
def test_registered_domain_of_urls(url: str | None, domain: str | None) -> None:
    assert registered_domain(url) == domain
    assert by_tldextract(url) == domain


# Two-label rules of the list (wildcards and exceptions among them) and some one-label ones.
TWO_LABEL_RULES = sorted(
    f"{second}.{first}" for first, node in _rules().items() for second in node if second
)
SUFFIXES = [*TWO_LABEL_RULES[:400], "com", "no", "uk", "jp", "ck", "xn--p1ai", "рф", "bd"]
LABEL = st.text(alphabet="abcXYZ019-_é.", min_size=0, max_size=8)


@st.composite
def urls(draw: st.DrawFn) -> str:
    labels = draw(st.lists(LABEL, min_size=0, max_size=3))
    suffix = draw(st.sampled_from(SUFFIXES))
    if draw(st.booleans()):
        suffix = suffix.upper()
    host = ".".join([*labels, suffix]) + draw(st.sampled_from(["", ".", "\u3002", ":443"]))
    prefix = draw(st.sampled_from(["", "http://", "https://", "//", "ftp://u@", "x y://"]))
    path = draw(st.sampled_from(["", "/", "/a/b?c=1", "#f", "?q"]))
    return prefix + host + path


@settings(max_examples=600, deadline=None)
@given(urls())
def test_the_same_domain_as_tldextract_on_generated_urls(url: str) -> None:
    assert registered_domain(url) == by_tldextract(url)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_the_same_domain_as_tldextract_on_any_text(url: str) -> None:
    assert registered_domain(url) == by_tldextract(url)


def test_finding_a_domain_imports_no_http_client() -> None:
    script = (
        "import sys\n"
        "from newsgraph.publisher import registered_domain\n"
        "assert registered_domain('https://www.example.co.uk/') == 'example.co.uk'\n"
        "print(sorted(m for m in ('requests', 'tldextract', 'urllib3') if m in sys.modules))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"
