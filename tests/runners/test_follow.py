"""`follow` end to end against a feed server on 127.0.0.1: conditional GET, robots.txt, back-off
after errors, raw pages in WARC, and a restart that neither refetches nor duplicates."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from newsgraph.archive import open_archive
from newsgraph.ingest.http import Fetcher
from newsgraph.runners.follow import follow
from newsgraph.settings import Settings

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>The council approved the {title} plan on Monday after a long debate in the hall.</p>"
    "<p>The mayor said the work would start in spring and end before the next winter.</p>"
    "</article></body></html>"
)


class FeedServer:
    """A small news site: a feed, robots.txt, pages; counts requests and conditional hits."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.not_modified = 0
        self.broken = {"/flaky.html"}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests[self.path] += 1
                if self.path == "/robots.txt":
                    self.reply(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                elif self.path == "/feed.rss":
                    if self.headers.get("If-None-Match") == '"v1"':
                        server.not_modified += 1
                        self.send_response(304)
                        self.end_headers()
                    else:
                        self.reply(200, server.feed().encode(), "application/rss+xml", '"v1"')
                elif self.path in server.broken:
                    self.reply(500, b"oops", "text/plain")
                elif self.path.endswith(".html"):
                    title = self.path.strip("/").split("/")[-1].removesuffix(".html")
                    self.reply(200, PAGE.format(title=title).encode(), "text/html")
                else:
                    self.reply(404, b"", "text/plain")

            def reply(self, status: int, body: bytes, kind: str, etag: str | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{name}</title><link>{self.base}/{path}</link>"
            "<pubDate>Mon, 01 Apr 2024 08:00:00 +0000</pubDate></item>"
            for name, path in [
                ("Harbour", "harbour.html"),
                ("Bridge", "bridge.html"),
                ("Secret", "private/secret.html"),
                ("Flaky", "flaky.html"),
            ]
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def site() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


def settings(tmp_path: Path) -> Settings:
    return Settings(database=str(tmp_path / "a.db"), stages=["clean"], workers=1)


def run_once(site: FeedServer, tmp_path: Path) -> None:
    follow([f"{site.base}/feed.rss"], settings(tmp_path), tmp_path / "state", delay_s=0, rounds=1)


def test_follow_stores_pages_obeys_robots_and_keeps_raw_pages(
    site: FeedServer, tmp_path: Path
) -> None:
    run_once(site, tmp_path)
    with open_archive(tmp_path / "a.db") as archive:
        assert archive.stats().counts["versions"] == 2
        reasons = {f.input_path: f.reason for f in archive.failures()}
    assert reasons[f"{site.base}/private/secret.html"] == "disallowed by robots.txt"
    assert reasons[f"{site.base}/flaky.html"] == "HTTP 500"
    assert site.requests["/private/secret.html"] == 0
    assert site.requests["/robots.txt"] == 1
    [warc] = (tmp_path / "state").glob("*.warc.gz")
    with warc.open("rb") as stream:
        urls = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)]
    assert sorted(urls) == sorted(f"{site.base}/{p}" for p in ("harbour.html", "bridge.html"))


def test_restart_neither_refetches_nor_duplicates_and_retries_failures(
    site: FeedServer, tmp_path: Path
) -> None:
    run_once(site, tmp_path)
    site.broken.clear()
    run_once(site, tmp_path)
    assert site.requests["/harbour.html"] == 1
    assert site.requests["/flaky.html"] == 2
    with open_archive(tmp_path / "a.db") as archive:
        assert archive.stats().counts["versions"] == 3
    run_once(site, tmp_path)
    assert site.not_modified == 1
    assert site.requests["/harbour.html"] == 1 and site.requests["/flaky.html"] == 2
    with open_archive(tmp_path / "a.db") as archive:
        assert archive.stats().counts["versions"] == 3


def test_a_failing_host_is_backed_off(site: FeedServer) -> None:
    pauses: list[float] = []
    fetcher = Fetcher(delay_s=0.01, sleep=pauses.append)
    for _ in range(3):
        with pytest.raises(Exception, match="HTTP 500"):
            fetcher.get(f"{site.base}/flaky.html")
    fetcher.close()
    assert len(pauses) >= 2 and pauses[-1] > pauses[0] > 0
