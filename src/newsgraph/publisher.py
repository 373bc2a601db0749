"""Registered domain of a URL, by the Public Suffix List snapshot that ships with tldextract.

tldextract's own module imports `requests` (and urllib3, http.cookiejar...) for the fetching this
project never does, a fifth of a second of every worker's start-up. The rules here come from the
same bundled snapshot file, read without importing the package, and are applied the way
tldextract 5 applies them with its defaults (ICANN section only, no private domains): the same
lenient host parsing, IP addresses kept whole, punycode labels decoded for the look-up, the input's
casing kept. tests/test_publisher.py compares the two on real and generated hosts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from ipaddress import AddressValueError, IPv6Address
from pathlib import Path
from urllib.parse import scheme_chars

SNAPSHOT_PACKAGE = "tldextract"
SNAPSHOT_FILE = ".tld_set_snapshot"
PRIVATE_SECTION = "// ===BEGIN PRIVATE DOMAINS==="
# A rule is a line's first run of non-blank characters when it starts like a domain (comments
# start with "//"); "*." and "!" mark wildcards and their exceptions.
RULE = re.compile(r"^[.*!]*\w\S*", re.MULTILINE)
# The three full stops IDNA counts as dots besides ".".
DOTS = "\u3002\uff0e\uff61"
# A dotted-quad IPv4 address (ASCII digits, no leading zeros).
BYTE = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
IPV4 = re.compile(rf"(?:{BYTE}\.){{3}}{BYTE}")
SCHEME_CHARS = frozenset(scheme_chars)
END = ""  # the key that marks a node where a rule ends (no label is empty after a split match)

Node = dict[str, "Node"]


def snapshot_text() -> str:
    """The Public Suffix List as tldextract ships it (its package is located, not imported)."""
    spec = find_spec(SNAPSHOT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {SNAPSHOT_PACKAGE} package and its suffix list are not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / SNAPSHOT_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _rules() -> Node:
    """The ICANN rules as a tree of labels, last label first."""
    public = snapshot_text().partition(PRIVATE_SECTION)[0]
    root: Node = {}
    for rule in RULE.findall(public):
        node = root
        for label in reversed(rule.split(".")):
            node = node.setdefault(label, {})
        node[END] = {}
    return root


def _lookup_form(label: str) -> str:
    """A label as the rules spell it: lower case, punycode decoded when it decodes."""
    lowered = label.lower()
    if lowered.startswith("xn--"):
        import idna

        try:
            return str(idna.decode(lowered))
        except (UnicodeError, IndexError):
            pass
    return lowered


def _suffix_start(labels: list[str]) -> int | None:
    """Index of the first label of the public suffix, or None when no rule applies."""
    node = _rules()
    start = position = len(labels)
    for label in reversed(labels):
        key = _lookup_form(label)
        child = node.get(key) if key != END else None
        if child is not None:
            position -= 1
            node = child
            if END in node:
                start = position
            continue
        if "*" in node:
            # A wildcard takes this label into the suffix unless an exception names it.
            return position if "!" + key in node else position - 1
        break
    return None if start == len(labels) else start


def _host(url: str) -> str:
    """The host part of a URL or of a bare host name, its casing kept, without a port, user or
    trailing dot; an IPv6 address keeps its brackets."""
    slashes = url.find("//")
    if slashes == 0:
        rest = url[2:]
    elif slashes < 2 or url[slashes - 1] != ":" or set(url[: slashes - 1]) - SCHEME_CHARS:
        rest = url
    else:
        rest = url[slashes + 2 :]
    authority = rest.partition("/")[0].partition("?")[0].partition("#")[0]
    after_user = authority.rpartition("@")[2]
    if after_user.startswith("["):
        inside, bracket, _ = after_user.partition("]")
        if bracket:
            return inside + bracket
    return after_user.partition(":")[0].strip().rstrip("." + DOTS)


def _is_ipv6(text: str) -> bool:
    try:
        IPv6Address(text)
    except AddressValueError:
        return False
    return True


def registered_part(host: str) -> str:
    """The registered domain of a host name ('' when it is a public suffix itself): the label
    before its public suffix and the suffix; a host no rule covers is its last label, an IP
    address is itself."""
    for dot in DOTS:
        host = host.replace(dot, ".")
    if len(host) >= 4 and host[0] == "[" and host[-1] == "]" and _is_ipv6(host[1:-1]):
        return host
    labels = host.split(".")
    start = _suffix_start(labels)
    if start is None:
        if len(labels) == 4 and host[0].isdecimal() and IPV4.fullmatch(host, 0) is not None:
            return host
        return labels[-1]
    if start == 0 or not labels[start - 1]:
        return ""
    return ".".join(labels[start - 1 :])


@lru_cache(maxsize=4096)
def registered_domain(url: str | None) -> str | None:
    """`www.nguoiduatin.vn/...` -> `nguoiduatin.vn`; None when there is no usable host."""
    if not url:
        return None
    return registered_part(_host(url)) or None
