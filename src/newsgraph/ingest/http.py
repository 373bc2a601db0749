"""HTTP fetching for `newsgraph follow` (httpx adapter: the only module importing httpx).

Polite by construction: robots.txt is read once per host and obeyed, requests to one host are
spaced by a minimum delay, a host that fails is backed off (doubling up to a cap), and feeds are
asked for with the ETag/Last-Modified of the previous answer so an unchanged feed costs a 304.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from newsgraph import __version__
from newsgraph.errors import InputError

USER_AGENT = f"newsgraph/{__version__} (+https://github.com/newsgraph)"
MAX_BACKOFF_S = 300.0


class Disallowed(InputError):
    """robots.txt forbids the address: not retried."""


class Transient(InputError):
    """A failure worth retrying later: the network, a server error (5xx), 408 or 429."""


RETRY_STATUSES = frozenset({408, 429})


@dataclass
class Response:
    """A fetched page: status, headers and raw body (None body for 304 Not Modified)."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes | None
    http_version: str = "HTTP/1.1"

    def header(self, name: str) -> str | None:
        """The first value of a header, case-insensitively."""
        lower = name.lower()
        return next((value for key, value in self.headers if key.lower() == lower), None)


@dataclass
class HostState:
    """Per host: when the next request may go, the current back-off, its robots rules."""

    next_at: float = 0.0
    backoff_s: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None


@dataclass
class Fetcher:
    """Fetches with a per-host delay, robots.txt and back-off; errors become InputError."""

    delay_s: float = 1.0
    timeout_s: float = 30.0
    max_bytes: int = 20_000_000
    sleep: Callable[[float], None] = time.sleep
    hosts: dict[str, HostState] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=self.timeout_s,
            follow_redirects=True,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    def _host(self, url: str) -> tuple[str, HostState]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(url, "not an http(s) address")
        key = f"{parts.scheme}://{parts.netloc}"
        return key, self.hosts.setdefault(key, HostState())

    def _wait_turn(self, state: HostState) -> None:
        pause = state.next_at - time.monotonic()
        if pause > 0:
            self.sleep(pause)
        state.next_at = time.monotonic() + max(self.delay_s, state.backoff_s)

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets newsgraph fetch `url` (no robots.txt: yes)."""
        key, state = self._host(url)
        if state.robots is None:
            robots = urllib.robotparser.RobotFileParser()
            try:
                answer = self._get(key + "/robots.txt", {}, state)
            except InputError:
                answer = None
            if answer is not None and answer.status == 200 and answer.body is not None:
                robots.parse(answer.body.decode("utf-8", errors="replace").splitlines())
            else:
                robots.parse([])
            state.robots = robots
        return state.robots.can_fetch(USER_AGENT, url)

    def _get(self, url: str, headers: dict[str, str], state: HostState) -> Response:
        self._wait_turn(state)
        try:
            with self.client.stream("GET", url, headers=headers) as answer:
                body = bytearray()
                for chunk in answer.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.max_bytes:
                        raise InputError(url, "response larger than the size limit")
                headers_out = [(k, v) for k, v in answer.headers.multi_items()]
                version = answer.http_version or "HTTP/1.1"
                response = Response(str(answer.url), answer.status_code, headers_out, bytes(body))
                response.http_version = version
        except httpx.HTTPError as error:
            self._failed(state)
            raise Transient(url, f"fetch failed ({type(error).__name__}: {error})") from error
        if response.status >= 500 or response.status in RETRY_STATUSES:
            self._failed(state)
        else:
            state.backoff_s = 0.0
        return response

    def _failed(self, state: HostState) -> None:
        state.backoff_s = min(MAX_BACKOFF_S, max(2 * state.backoff_s, 2 * self.delay_s, 1.0))
        state.next_at = time.monotonic() + state.backoff_s

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Response:
        """GET `url` (conditional when etag/modified are given); robots.txt is obeyed."""
        _, state = self._host(url)
        if not self.allowed(url):
            raise Disallowed(url, "disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        response = self._get(url, headers, state)
        if response.status == 304:
            response.body = None
        elif response.status >= 500 or response.status in RETRY_STATUSES:
            raise Transient(url, f"HTTP {response.status}")
        elif response.status >= 400:
            raise InputError(url, f"HTTP {response.status}")
        return response
