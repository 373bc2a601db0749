"""`newsgraph follow FEED_URL…`: poll RSS/Atom feeds and sitemaps, fetch new pages, archive them.

Each round asks every feed for changes (a conditional GET: an unchanged feed is a 304), fetches
the pages it lists that this follower has not fetched yet, keeps every fetched page raw in a WARC
file (so it can be re-processed later) and ingests it with the feed's date and title. A sitemap
index is followed into the sitemaps it lists (each asked for conditionally too); relative links
are resolved against the feed's address; a gzipped sitemap (`sitemap.xml.gz`) is unpacked.

State lives in `state_dir/state.json` (ETag/Last-Modified per feed and sitemap, the sitemaps an
index lists, the pages done) and is written atomically after every stored batch of pages. A
feed's new validators are kept only once every page it listed is done, so a follower stopped or
killed midway (Ctrl-C, SIGTERM, `kill -9`) lists the feed again when restarted, fetches only the
pages not done, and the archive skips anything it already holds: nothing is fetched twice that
was stored, and nothing is stored twice. Pages that failed for a reason that may pass (network,
HTTP 5xx/408/429) are retried in a later round; pages refused for good (robots.txt, HTTP 4xx, no
article text) are recorded as failures once.
"""

from __future__ import annotations

import gzip
import io
import json
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.archive import open_archive
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest import InputFailure, article_from_text
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.feeds import FeedEntry, feed_kind, parse_feed, parse_sitemap
from newsgraph.ingest.http import Fetcher, Transient
from newsgraph.ingest.warc import append_response
from newsgraph.model import Article, Meta
from newsgraph.runners.local import IngestReport, ingest
from newsgraph.settings import Settings

STATE_FILE = "state.json"
# Pages fetched before they are stored and the state is saved: what a kill can cost.
PAGES_PER_BATCH = 50
# A sitemap index may list further indexes; deeper than this is a loop or a mistake.
MAX_SITEMAP_DEPTH = 3
GZIP_MAGIC = b"\x1f\x8b"

Validators = dict[str, str]


class StateError(NewsgraphError):
    """The follow state file cannot be read."""


@dataclass
class FollowState:
    """What survives a restart: validators per feed, sitemap children, the pages done."""

    feeds: dict[str, Validators] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    done: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, folder: Path) -> FollowState:
        """The state saved in `folder`, or an empty one; a damaged file is a StateError."""
        path = folder / STATE_FILE
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                feeds={str(k): dict(v) for k, v in data.get("feeds", {}).items()},
                children={str(k): list(v) for k, v in data.get("children", {}).items()},
                done=set(data.get("done", [])),
            )
        except (OSError, ValueError, AttributeError, TypeError) as error:
            raise StateError(
                f"{path}: cannot read the follow state ({type(error).__name__}: {error}); "
                "move it away to start over (pages already stored are not stored again)"
            ) from error

    def save(self, folder: Path) -> None:
        """Write the state atomically (a crash leaves the old or the new file, never half)."""
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / (STATE_FILE + ".tmp")
        data = {"feeds": self.feeds, "children": self.children, "done": sorted(self.done)}
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        temporary.replace(folder / STATE_FILE)


@dataclass(frozen=True)
class Listed:
    """A page to fetch and the feed or sitemap that listed it."""

    entry: FeedEntry
    listing: str


def _unpacked(body: bytes, where: str, limit: int) -> bytes:
    """A gzipped sitemap's content (bounded), or the body as it is."""
    if not body.startswith(GZIP_MAGIC):
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            data = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(where, f"cannot unpack gzipped feed ({error})") from error
    if len(data) > limit:
        raise InputError(where, "unpacked feed larger than the size limit")
    return data


@dataclass
class Follower:
    """One follower: feeds, fetcher, state folder, archive settings."""

    feeds: list[str]
    settings: Settings
    state_dir: Path
    fetcher: Fetcher
    on_report: Callable[[IngestReport], None] | None = None
    state: FollowState = field(init=False)
    reports: list[IngestReport] = field(default_factory=list)
    # Validators and children seen this round, kept once the listing's pages are all done.
    _fresh: dict[str, Validators] = field(default_factory=dict, init=False)
    _fresh_children: dict[str, list[str]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.state = FollowState.load(self.state_dir)

    @property
    def warc_path(self) -> Path:
        """Today's WARC file of raw pages."""
        return self.state_dir / f"pages-{time.strftime('%Y%m%d')}.warc.gz"

    def entries(self, feed: str, depth: int = 0) -> Iterator[Listed | InputFailure]:
        """New pages of one feed or sitemap (none when it has not changed since the last round);
        a sitemap index is followed into its sitemaps."""
        validators = self.state.feeds.get(feed, {})
        try:
            answer = self.fetcher.get(feed, validators.get("etag"), validators.get("modified"))
        except InputError as error:
            yield InputFailure(error.path, error.reason)
            return
        if answer.body is None:
            # Unchanged: its pages are done, but the sitemaps an index lists may have changed.
            for child in self.state.children.get(feed, []):
                yield from self._child(child, depth)
            return
        try:
            body = _unpacked(answer.body, feed, self.fetcher.max_bytes)
            kind = feed_kind(body)
            if kind == "sitemap":
                found = parse_sitemap(body, feed, base=answer.url)
            elif kind is not None:
                found = parse_feed(body, feed, base=answer.url)
            else:
                raise InputError(feed, "not an RSS/Atom feed or a sitemap")
        except InputError as error:
            yield InputFailure(error.path, error.reason)
            return
        self._fresh[feed] = {
            key: value
            for key, value in (
                ("etag", answer.header("ETag")),
                ("modified", answer.header("Last-Modified")),
            )
            if value
        }
        children = [entry.url for entry in found if entry.sitemap and entry.url]
        self._fresh_children[feed] = children
        for child in children:
            yield from self._child(child, depth)
        for entry in found:
            if not entry.sitemap and entry.url and entry.url not in self.state.done:
                yield Listed(entry, feed)

    def _child(self, sitemap: str, depth: int) -> Iterator[Listed | InputFailure]:
        if depth + 1 > MAX_SITEMAP_DEPTH:
            yield InputFailure(sitemap, "sitemap indexes nested too deeply; not followed")
            return
        yield from self.entries(sitemap, depth + 1)

    def page(self, entry: FeedEntry) -> tuple[Article | InputFailure, bool]:
        """Fetch one page, keep it raw in the WARC file and turn it into an Article; the flag
        says whether the page is done (read, or refused for a reason that will not pass)."""
        url = entry.url or ""
        try:
            answer = self.fetcher.get(url)
            body = answer.body or b""
            append_response(
                self.warc_path, url, answer.status, answer.headers, body, answer.http_version
            )
            html, encoding = decode_bytes(body, url)
            meta = Meta(
                source_url=url,
                title=entry.title,
                published=entry.published,
                published_from="metadata" if entry.published else None,
            )
            article = article_from_text(html, meta, url, "html")
            article.meta.encoding = encoding
            return article, True
        except Transient as error:
            return InputFailure(error.path, error.reason), False
        except InputError as error:
            return InputFailure(error.path, error.reason), True

    def _store(self, items: list[Article | InputFailure], urls: list[str]) -> bool:
        """Store a batch, mark its pages done, save the state; False when interrupted."""
        with open_archive(self.settings.database, self.settings) as repository:
            report = ingest(items, repository, self.settings)
        self.reports.append(report)
        if self.on_report is not None:
            self.on_report(report)
        if report.interrupted:
            return False
        self.state.done.update(urls)
        self.state.save(self.state_dir)
        return True

    def round(self) -> bool:
        """One pass over every feed: fetch what is new, store it in batches, save the state.
        Returns False when the ingest was interrupted (the state then keeps the old validators)."""
        self._fresh, self._fresh_children = {}, {}
        items: list[Article | InputFailure] = []
        urls: list[str] = []
        retry: set[str] = set()
        seen: set[str] = set()
        for feed in self.feeds:
            for listed in self.entries(feed):
                if isinstance(listed, InputFailure):
                    items.append(listed)
                    continue
                url = listed.entry.url or ""
                if url in seen:
                    continue
                seen.add(url)
                item, done = self.page(listed.entry)
                items.append(item)
                if done:
                    urls.append(url)
                else:
                    retry.add(listed.listing)
                if len(items) >= PAGES_PER_BATCH:
                    if not self._store(items, urls):
                        return False
                    items, urls = [], []
        if items and not self._store(items, urls):
            return False
        # Every page listed is done, or its listing is forgotten so the next round lists it again.
        for listing, validators in self._fresh.items():
            if listing in retry:
                self.state.feeds.pop(listing, None)
            else:
                self.state.feeds[listing] = validators
        for listing in retry:
            self.state.feeds.pop(listing, None)
        self.state.children.update(self._fresh_children)
        self.state.save(self.state_dir)
        return True


def follow(
    feeds: list[str],
    settings: Settings,
    state_dir: Path,
    *,
    interval_s: float = 300.0,
    delay_s: float = 1.0,
    rounds: int | None = None,
    stop: threading.Event | None = None,
    on_report: Callable[[IngestReport], None] | None = None,
    fetcher: Fetcher | None = None,
) -> Follower:
    """Follow `feeds` every `interval_s` until stopped (or for `rounds` rounds)."""
    stop = stop or threading.Event()
    fetcher = fetcher or Fetcher(delay_s=delay_s, max_bytes=settings.max_input_bytes)
    follower = Follower(feeds, settings, state_dir, fetcher, on_report=on_report)
    try:
        done = 0
        while not stop.is_set():
            finished = follower.round()
            done += 1
            if not finished or (rounds is not None and done >= rounds):
                break
            stop.wait(interval_s)
    finally:
        fetcher.close()
    return follower
