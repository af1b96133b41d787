"""The pages in a real browser: headless Chromium (Debian's, installed by .ci/run) driven by Playwright, against a
real server on a free port. Screenshots go to build/test-output/screenshots/."""

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from claimgraph.web import create_app

CHROMIUM = next((p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium") or "") if p and Path(p).exists()),
                None)
SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "test-output" / "screenshots"
if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("CI must run the browser tests: .ci/run installs Chromium (apt-get install chromium)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium: `apt-get install chromium` (.ci/run does)")


@pytest.fixture(scope="module")
def server(demo_db):
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    opened = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    opened.close()


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_wagner_page_timeline_event_claims_and_as_of(server, page):
    page.goto(f"{server}/")
    page.fill("#q", "Wagner")
    page.press("#q", "Enter")
    page.click("ul.entities a:text('Wagner Group')")
    assert page.inner_text("#entity-name") == "Wagner Group"
    assert page.locator("#timeline svg circle").count() >= 5
    _shot(page, "entity-wagner")

    page.locator("table.events a[href^='/event/']").filter(has_text="AID").first.click()
    claims = page.locator("article.claim")
    claims.first.wait_for()  # count() does not wait: on a busy machine the event page was still loading
    assert claims.count() >= 5 and page.locator("mark.evidence").count() >= 1
    assert page.locator("#claims-2 article.claim").count() >= 1  # the denials, beside the assertions
    _shot(page, "event")
    dates = sorted(t.split("·")[1].strip()[:10] for t in claims.locator(".meta").all_inner_texts())
    before = dates[0]

    page.fill("#as-of", before)
    page.click("#as-of-apply")
    assert page.locator("#as-of-notice").is_visible()
    shown = page.locator("article.claim .meta").all_inner_texts()
    assert 0 < len(shown) < len(dates)
    assert all(t.split("·")[1].strip()[:10] <= before for t in shown)
    _shot(page, "event-as-of")


def test_timeline_network_and_disputes_views(server, page):
    page.goto(f"{server}/timeline?entity=Wagner%20Group")
    assert page.locator("#timeline svg circle").count() >= 5
    assert page.locator("#timeline svg line.fulfils").count() >= 1  # a plan joined to its deed
    _shot(page, "timeline")
    page.goto(f"{server}/network")
    assert page.locator("#network svg line.edge").count() >= 3
    _shot(page, "network")
    page.goto(f"{server}/disputes")
    assert page.locator("section.dispute .side.denied p").count() >= 1
    _shot(page, "disputes")


def test_a_hostile_report_shows_as_plain_text_and_runs_nothing(server, page):
    page.goto(f"{server}/report/%3Cb%3Ehostile%3C/b%3E")
    text = page.inner_text("#report-text")
    assert "<script>window.__pwned=1;alert(1)</script>" in text
    assert "<script>" in page.inner_text("#report-title")
    assert page.evaluate("document.querySelectorAll('script, img, main a[href^=\"javascript:\"]').length") == 0
    page.goto(f"{server}/?q=sanctions")
    page.goto(f"{server}/entity/Russia")
    assert page.evaluate("window.__pwned === undefined") and page.dialogs == []
    _shot(page, "hostile-report")
