"""Registered domain of a URL (tldextract adapter, using its bundled public-suffix snapshot offline)."""

from __future__ import annotations

from functools import lru_cache

import tldextract

# No suffix-list URLs: tldextract then never fetches, it uses the snapshot shipped in the package.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def registered_domain(url: str | None) -> str | None:
    """`www.nguoiduatin.vn/...` -> `nguoiduatin.vn`; None when there is no usable host."""
    if not url:
        return None
    parts = _EXTRACT(url)
    if not parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain
