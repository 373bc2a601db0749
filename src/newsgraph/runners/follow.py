"""`newsgraph follow FEED_URL…`: poll RSS/Atom feeds and sitemaps, fetch new pages, archive them.

Each round asks every feed for changes (a conditional GET: an unchanged feed is a 304), fetches
the pages it lists that this follower has not fetched yet, keeps every fetched page raw in a WARC
file (so it can be re-processed later) and ingests it with the feed's date and title. State lives
in `state_dir/state.json` (ETag/Last-Modified per feed, the pages done), written after every
stored batch: a restarted follower neither refetches nor duplicates. Pages that failed are
retried in a later round.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.archive import open_archive
from newsgraph.errors import InputError
from newsgraph.ingest import InputFailure, article_from_text
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.feeds import FeedEntry, feed_kind, parse_feed, parse_sitemap
from newsgraph.ingest.http import Disallowed, Fetcher
from newsgraph.ingest.warc import append_response
from newsgraph.model import Article, Meta
from newsgraph.runners.local import IngestReport, ingest
from newsgraph.settings import Settings

STATE_FILE = "state.json"


@dataclass
class FollowState:
    """What survives a restart: validators per feed and the pages already stored."""

    feeds: dict[str, dict[str, str]] = field(default_factory=dict)
    done: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, folder: Path) -> FollowState:
        """The state saved in `folder`, or an empty one."""
        path = folder / STATE_FILE
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(feeds=dict(data.get("feeds", {})), done=set(data.get("done", [])))

    def save(self, folder: Path) -> None:
        """Write the state atomically (a crash leaves the old or the new file, never half)."""
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / (STATE_FILE + ".tmp")
        data = {"feeds": self.feeds, "done": sorted(self.done)}
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        temporary.replace(folder / STATE_FILE)


@dataclass
class Follower:
    """One follower: feeds, fetcher, state folder, archive settings."""

    feeds: list[str]
    settings: Settings
    state_dir: Path
    fetcher: Fetcher
    state: FollowState = field(init=False)
    reports: list[IngestReport] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.state = FollowState.load(self.state_dir)

    @property
    def warc_path(self) -> Path:
        """Today's WARC file of raw pages."""
        return self.state_dir / f"pages-{time.strftime('%Y%m%d')}.warc.gz"

    def entries(self, feed: str) -> Iterator[FeedEntry | InputFailure]:
        """New entries of one feed (none when it has not changed since the last round)."""
        validators = self.state.feeds.get(feed, {})
        try:
            answer = self.fetcher.get(feed, validators.get("etag"), validators.get("modified"))
        except InputError as error:
            yield InputFailure(error.path, error.reason)
            return
        if answer.body is None:
            return
        kind = feed_kind(answer.body)
        try:
            if kind == "sitemap":
                found = parse_sitemap(answer.body, feed)
            elif kind is not None:
                found = parse_feed(answer.body, feed)
            else:
                raise InputError(feed, "not an RSS/Atom feed or a sitemap")
        except InputError as error:
            yield InputFailure(error.path, error.reason)
            return
        self.state.feeds[feed] = {
            key: value
            for key, value in (
                ("etag", answer.header("ETag")),
                ("modified", answer.header("Last-Modified")),
            )
            if value
        }
        for entry in found:
            if entry.url and entry.url not in self.state.done:
                yield entry

    def page(self, entry: FeedEntry) -> tuple[Article | InputFailure, bool]:
        """Fetch one page, keep it raw in the WARC file and turn it into an Article; the flag
        says whether the page is done (stored, or refused for good by robots.txt)."""
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
        except Disallowed as error:
            return InputFailure(error.path, error.reason), True
        except InputError as error:
            return InputFailure(error.path, error.reason), False

    def round(self) -> IngestReport:
        """One pass over every feed: fetch what is new, store it, save the state."""
        items: list[Article | InputFailure] = []
        urls: list[str] = []
        for feed in self.feeds:
            failed = False
            for entry in self.entries(feed):
                if isinstance(entry, InputFailure):
                    items.append(entry)
                    failed = True
                    continue
                item, done = self.page(entry)
                items.append(item)
                failed = failed or not done
                if done and entry.url:
                    urls.append(entry.url)
            if failed:
                # Forget the validators so the next round reads the feed again and retries.
                self.state.feeds.pop(feed, None)
        with open_archive(self.settings.database, self.settings) as repository:
            report = ingest(items, repository, self.settings)
        if not report.interrupted:
            self.state.done.update(urls)
        self.state.save(self.state_dir)
        self.reports.append(report)
        return report


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
) -> Follower:
    """Follow `feeds` every `interval_s` until stopped (or for `rounds` rounds)."""
    stop = stop or threading.Event()
    fetcher = Fetcher(delay_s=delay_s, max_bytes=settings.max_input_bytes)
    follower = Follower(feeds, settings, state_dir, fetcher)
    try:
        done = 0
        while not stop.is_set():
            report = follower.round()
            if on_report is not None:
                on_report(report)
            done += 1
            if report.interrupted or (rounds is not None and done >= rounds):
                break
            stop.wait(interval_s)
    finally:
        fetcher.close()
    return follower
