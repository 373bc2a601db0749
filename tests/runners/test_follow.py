"""`follow` end to end against a feed server on 127.0.0.1: conditional GET, robots.txt, back-off
after errors, raw pages in WARC, and a restart that neither refetches nor duplicates."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from newsgraph.archive import open_archive
from newsgraph.cli import app, register_commands
from newsgraph.ingest.http import Fetcher
from newsgraph.runners.follow import follow
from newsgraph.settings import Settings

register_commands()
CHILD = Path(__file__).resolve().parent / "follow_child.py"
PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>The council approved the {title} plan on Monday after a long debate in the hall.</p>"
    "<p>The mayor said the work would start in spring and end before the next winter.</p>"
    "</article></body></html>"
)


class FeedServer:
    """A small news site: feeds and sitemaps (answered conditionally by ETag), robots.txt and
    pages; counts requests and 304 answers per path."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.broken = {"/flaky.html"}
        self.listings: dict[str, tuple[bytes, str]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests[self.path] += 1
                listing = server.listing(self.path)
                if self.path == "/robots.txt":
                    self.reply(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                elif listing is not None:
                    body, kind = listing
                    etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        server.not_modified[self.path] += 1
                        self.send_response(304)
                        self.end_headers()
                    else:
                        self.reply(200, body, kind, etag)
                elif self.path in server.broken:
                    self.reply(500, b"oops", "text/plain")
                elif self.path.startswith("/gone"):
                    self.reply(404, b"", "text/plain")
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

    def listing(self, path: str) -> tuple[bytes, str] | None:
        if path == "/feed.rss":
            return self.feed().encode(), "application/rss+xml"
        return self.listings.get(path)

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{name}</title><link>{self.base}/{path}</link>"
            "<pubDate>Mon, 01 Apr 2024 08:00:00 +0000</pubDate></item>"
            for name, path in [
                ("Harbour", "harbour.html"),
                ("Bridge", "bridge.html"),
                ("Secret", "private/secret.html"),
                ("Flaky", "flaky.html"),
                ("Gone", "gone.html"),
            ]
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def urlset(locations: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{location}</loc></url>" for location in locations)
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>"
    ).encode()


def sitemap_index(locations: list[str]) -> bytes:
    maps = "".join(f"<sitemap><loc>{location}</loc></sitemap>" for location in locations)
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{maps}</sitemapindex>"
    ).encode()


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
    assert reasons[f"{site.base}/gone.html"] == "HTTP 404"
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
    assert site.not_modified["/feed.rss"] == 1
    assert site.requests["/harbour.html"] == 1 and site.requests["/flaky.html"] == 2
    assert site.requests["/gone.html"] == 1
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


def page_urls(tmp_path: Path) -> list[str]:
    """The pages kept raw in the follower's WARC files, in fetch order."""
    urls = []
    for warc in sorted((tmp_path / "state").glob("*.warc.gz")):
        with warc.open("rb") as stream:
            urls += [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)]
    return urls


def versions(tmp_path: Path) -> int:
    if not (tmp_path / "a.db").exists():
        return 0
    with open_archive(tmp_path / "a.db") as archive:
        return archive.stats().counts.get("versions", 0)


def follow_once(site: FeedServer, tmp_path: Path, *paths: str) -> None:
    feeds = [f"{site.base}{path}" for path in paths]
    follow(feeds, settings(tmp_path), tmp_path / "state", delay_s=0, rounds=1)


def test_relative_links_are_resolved_against_the_feed_and_xml_base(
    site: FeedServer, tmp_path: Path
) -> None:
    site.listings["/feeds/local.rss"] = (
        b'<?xml version="1.0"?><rss version="2.0"><channel>'
        b"<item><title>Rooted</title><link>/news/rooted.html</link></item>"
        b"<item><title>Beside</title><link>beside.html</link></item>"
        b"</channel></rss>",
        "application/rss+xml",
    )
    site.listings["/feeds/local.atom"] = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="/atom/">'
        b'<entry><title>Based</title><link href="based.html"/></entry></feed>',
        "application/atom+xml",
    )
    follow_once(site, tmp_path, "/feeds/local.rss", "/feeds/local.atom")
    expected = ["/news/rooted.html", "/feeds/beside.html", "/atom/based.html"]
    assert page_urls(tmp_path) == [f"{site.base}{path}" for path in expected]
    assert all(site.requests[path] == 1 for path in expected)
    assert versions(tmp_path) == 3


def test_sitemap_index_is_followed_and_a_restart_fetches_nothing_again(
    site: FeedServer, tmp_path: Path
) -> None:
    site.listings["/sitemap.xml"] = (
        sitemap_index([f"{site.base}/maps/one.xml", "/maps/two.xml.gz"]),
        "application/xml",
    )
    site.listings["/maps/one.xml"] = (urlset([f"{site.base}/a/quay.html"]), "application/xml")
    two = gzip.compress(urlset(["/b/pier.html", "/b/dock.html"]))
    site.listings["/maps/two.xml.gz"] = (two, "application/x-gzip")
    follow_once(site, tmp_path, "/sitemap.xml")
    pages = ["/a/quay.html", "/b/pier.html", "/b/dock.html"]
    assert sorted(page_urls(tmp_path)) == sorted(f"{site.base}{path}" for path in pages)
    assert versions(tmp_path) == 3
    follow_once(site, tmp_path, "/sitemap.xml")
    assert [
        site.not_modified[p] for p in ("/sitemap.xml", "/maps/one.xml", "/maps/two.xml.gz")
    ] == [
        1,
        1,
        1,
    ]
    assert all(site.requests[path] == 1 for path in pages)
    # A page added to one sitemap is found although the index itself has not changed.
    site.listings["/maps/one.xml"] = (
        urlset([f"{site.base}/a/quay.html", f"{site.base}/a/lock.html"]),
        "application/xml",
    )
    follow_once(site, tmp_path, "/sitemap.xml")
    assert site.not_modified["/sitemap.xml"] == 2
    assert site.requests["/a/lock.html"] == 1 and site.requests["/a/quay.html"] == 1
    assert versions(tmp_path) == 4


def test_a_damaged_state_file_is_one_clear_error(site: FeedServer, tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / "state.json").write_text('{"done": 5', encoding="utf-8")
    url = f"{site.base}/feed.rss"
    args = ["follow", url, "--db", str(tmp_path / "a.db"), "--state-dir", str(state), "--once"]
    result = CliRunner().invoke(app, [*args, "--stages", "clean"])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "state.json: cannot read the follow state" in line
    assert site.requests["/feed.rss"] == 0


def run_follow(site: FeedServer, tmp_path: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(CHILD), "follow", f"{site.base}/sitemap.xml"]
    command += ["--db", str(tmp_path / "a.db"), "--state-dir", str(tmp_path / "state")]
    command += ["--stages", "clean", "--workers", "1", *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(condition, what: str, process: subprocess.Popen[bytes]) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 120
    while not condition():
        assert process.poll() is None, f"follow ended before {what}"
        assert time.monotonic() < deadline, f"no {what} in time"
        time.sleep(0.05)


def done_pages(tmp_path: Path) -> set[str]:
    path = tmp_path / "state" / "state.json"
    if not path.exists():
        return set()
    return set(json.loads(path.read_text(encoding="utf-8"))["done"])


def test_follow_killed_midway_resumes_without_refetching_or_duplicating(
    site: FeedServer, tmp_path: Path
) -> None:
    pages = [f"/news/story-{number}.html" for number in range(8)]
    site.listings["/sitemap.xml"] = (urlset(pages), "application/xml")
    child = run_follow(site, tmp_path, "--delay", "0.3", "--once")
    try:
        wait_for(lambda: len(done_pages(tmp_path)) >= 2, "two pages stored", child)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    before = done_pages(tmp_path)
    assert 2 <= len(before) < len(pages)
    again = run_follow(site, tmp_path, "--delay", "0", "--once")
    assert again.wait(timeout=120) == 0, again.stderr.read() if again.stderr else ""
    assert done_pages(tmp_path) == {f"{site.base}{path}" for path in pages}
    for url in before:
        assert site.requests[url.removeprefix(site.base)] == 1
    assert versions(tmp_path) == len(pages)


def test_follow_command_stops_on_sigterm_with_a_summary(site: FeedServer, tmp_path: Path) -> None:
    site.listings["/sitemap.xml"] = (urlset(["/news/one.html", "/news/two.html"]), "text/xml")
    child = run_follow(site, tmp_path, "--delay", "0", "--interval", "3600")
    try:
        wait_for(lambda: len(done_pages(tmp_path)) == 2, "pages stored", child)
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == 130
    finally:
        if child.poll() is None:
            child.kill()
    stderr = child.stderr.read().decode() if child.stderr else ""
    assert "Traceback" not in stderr
    assert "interrupted: 2 stored, rerun to resume" in stderr
    again = run_follow(site, tmp_path, "--delay", "0", "--once")
    assert again.wait(timeout=120) == 0
    assert site.requests["/news/one.html"] == 1 and site.not_modified["/sitemap.xml"] == 1
    assert versions(tmp_path) == 2
