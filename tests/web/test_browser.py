"""The web UI in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`)
driven by Selenium, against the app served on a loopback port.

Skipped when the browser is not installed, unless NEWSGRAPH_REQUIRE_BROWSER is set (CI sets it,
after `.ci/run` installs the packages). With NEWSGRAPH_SCREENSHOTS=<folder> every page is saved
as a PNG there (docs/screenshots/ in the README come from that).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from newsgraph.service import ArchiveService
from newsgraph.settings import Settings
from newsgraph.web.app import create_app
from newsgraph.web.server import BackgroundServer, free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
REQUIRED = bool(os.environ.get("NEWSGRAPH_REQUIRE_BROWSER"))
if not (CHROMIUM and DRIVER) and not REQUIRED:
    pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as expected  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

PAGES = {
    "overview": "/",
    "stories": "/stories",
    "timeline": "/timeline?dyad=CHN-RUS",
    "map": "/map",
    "network": "/network",
    "quotes": "/quotes",
    "entities": "/entities",
    "entity": "/entities/Dong%20Jun",
    "search": "/search?q=Beijing",
    "articles": "/articles",
}


@pytest.fixture(scope="module")
def site(service: ArchiveService) -> Iterator[str]:
    """The app on a loopback port."""
    with BackgroundServer(create_app(service, token="browser-token"), free_port()) as server:
        yield server.url


@pytest.fixture(scope="module")
def pages_site(site: str) -> Iterator[str]:
    """The archive named by NEWSGRAPH_UI_ARCHIVE (e.g. the demo's), else the test archive."""
    other = os.environ.get("NEWSGRAPH_UI_ARCHIVE")
    if not other:
        yield site
        return
    with (
        ArchiveService(Settings(database=other)) as service,
        BackgroundServer(create_app(service), free_port()) as server,
    ):
        yield server.url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium with its console log readable."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or "chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1366,900",
        "--no-first-run",
        "--disable-extensions",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER or "chromedriver"))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def problems(driver: Any) -> list[str]:
    """Console errors of the page (a CSP violation or a script error shows here)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_every_page_opens_without_console_errors(browser: Any, pages_site: str) -> None:
    shots = os.environ.get("NEWSGRAPH_SCREENSHOTS")
    story = re.search(r'href="(/stories/[0-9a-f]+)"', httpx.get(pages_site + "/stories").text)
    assert story
    article = re.search(r'href="(/articles/[^"#]+)', httpx.get(pages_site + story.group(1)).text)
    assert article
    for name, path in {**PAGES, "story": story.group(1), "article": article.group(1)}.items():
        browser.get(pages_site + path)
        assert browser.find_element(By.TAG_NAME, "h1").text, name
        assert problems(browser) == [], name
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            browser.save_screenshot(str(Path(shots) / f"{name}.png"))


def test_api_docs_render_the_openapi_document(browser: Any, site: str) -> None:
    browser.get(site + "/docs")
    WebDriverWait(browser, 20).until(
        lambda driver: driver.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")
    )
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert "/api/v1/events" in {p.replace("\u200b", "") for p in paths}
    assert problems(browser) == []
    if os.environ.get("NEWSGRAPH_SCREENSHOTS"):
        browser.save_screenshot(str(Path(os.environ["NEWSGRAPH_SCREENSHOTS"]) / "api-docs.png"))


def test_story_to_article_shows_the_evidence_highlighted(browser: Any, site: str) -> None:
    browser.get(site + "/stories")
    browser.find_element(By.CSS_SELECTOR, "ol.stories li a").click()
    WebDriverWait(browser, 10).until(expected.url_contains("/stories/"))
    browser.find_element(By.CSS_SELECTOR, "a.report").click()
    WebDriverWait(browser, 10).until(expected.url_contains("/articles/"))
    assert "/articles/" in browser.current_url and "#event-" in browser.current_url
    evidence = browser.find_elements(By.CSS_SELECTOR, "#article-text .evidence")
    assert evidence, "no evidence highlighted"
    colour = evidence[0].value_of_css_property("background-color")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert problems(browser) == []


def test_search_from_the_keyboard(browser: Any, site: str) -> None:
    browser.get(site + "/")
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    active = browser.switch_to.active_element
    assert active.get_attribute("name") == "q"
    active.send_keys("Beijing", Keys.ENTER)
    WebDriverWait(browser, 10).until(expected.url_contains("/search"))
    hits = browser.find_elements(By.CSS_SELECTOR, "ol.hits li a")
    assert hits and "/search" in browser.current_url


def test_first_tab_reaches_the_skip_link(browser: Any, site: str) -> None:
    browser.get(site + "/stories")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("class") == "skip"


def test_timeline_filter_narrows_the_stories(browser: Any, site: str) -> None:
    browser.get(site + "/timeline")
    everything = len(browser.find_elements(By.CSS_SELECTOR, "ol.stories li"))
    field = browser.find_element(By.NAME, "dyad")
    field.send_keys("Norway-China", Keys.ENTER)
    WebDriverWait(browser, 10).until(expected.url_contains("dyad=Norway-China"))
    narrowed = browser.find_elements(By.CSS_SELECTOR, "ol.stories li")
    assert 0 < len(narrowed) < everything
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")


def test_hostile_article_runs_nothing(browser: Any, site: str) -> None:
    browser.get(site + "/search?q=Oslo")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Talks in Oslo").click()
    WebDriverWait(browser, 10).until(expected.url_contains("/articles/"))
    text = browser.find_element(By.ID, "article-text")
    assert "<script>window.pwned = 1</script>" in text.text
    assert 'onerror="window.pwned = 2"' in text.text
    for element in browser.find_elements(By.CSS_SELECTOR, "#article-text a, #article-text mark"):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover'))", element)
    assert browser.execute_script("return window.pwned === undefined")
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert not browser.find_elements(By.CSS_SELECTOR, "img, a[href^='javascript:']")


def test_write_without_token_is_refused_from_the_page(browser: Any, site: str) -> None:
    browser.get(site + "/")
    status = browser.execute_async_script(
        "const done = arguments[0];"
        "fetch('/api/v1/articles', {method: 'POST', headers: {'Content-Type': 'application/json'},"
        " body: JSON.stringify({text: 'A minister spoke.'})}).then(r => done(r.status));"
    )
    assert status == 401


def test_entity_link_opens_the_page_keyed_by_canonical_id(browser: Any, site: str) -> None:
    problems(browser)  # reading the log empties it: earlier tests' entries are gone
    browser.get(site + "/entities")
    browser.find_element(By.CSS_SELECTOR, "table tbody a").click()
    WebDriverWait(browser, 10).until(expected.presence_of_element_located((By.ID, "entity-id")))
    shown = browser.find_element(By.ID, "entity-id").text
    assert shown
    assert httpx.URL(browser.current_url).path == "/entities/" + shown
    assert browser.find_element(By.ID, "sector").text
    assert problems(browser) == []
