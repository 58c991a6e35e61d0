"""End-to-end harness: Debian's Chromium through Playwright, against the live server.

Every page a test visits is checked: no console error, no request to another host, no axe-core
violation of impact serious or critical, no horizontal scroll at 320 px wide (RGAA 10.11: the page is
shown at 320 CSS pixels for a moment, then back at the test's size). A failing test leaves a screenshot in var/e2e/.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

# Playwright's sync API runs an event loop in the test thread; ORM calls in the test body need this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "var" / "e2e"
BLOCKING_IMPACTS = {"serious", "critical"}
REFLOW_WIDTH = 320  # CSS pixels: 1280 px at 400 % zoom
# The widest element sticking out, to name the culprit in the failure message.
_REFLOW_SCRIPT = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  let widest = null;
  const clipped = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const scrolls = getComputedStyle(up).overflowX !== 'visible';
      if (scrolls && up.getBoundingClientRect().right <= root.clientWidth + 1) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    if (right > root.clientWidth + 1 && !clipped(el) && (!widest || right > widest.right)) {
      widest = {right, tag: el.tagName.toLowerCase(), id: el.id, cls: String(el.className).slice(0, 60)};
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest};
}"""
_axe = Axe()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_path):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}


class PageGuard:
    """Collects what must fail a test: console errors, foreign requests, accessibility violations."""

    def __init__(self, origin: str) -> None:
        self.origin = urlsplit(origin).netloc
        self.problems: list[str] = []
        self.audited: set[str] = set()

    def on_console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url', '')})")

    def on_page_error(self, error) -> None:
        self.problems.append(f"uncaught exception: {error}")

    def on_route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"} or parts.netloc == self.origin:
            route.continue_()
            return
        self.problems.append(f"request to another host: {url}")
        route.abort()

    def audit(self, page) -> None:
        """Run axe-core once per URL on the page as it is now."""
        url = page.url
        if url in self.audited or not url.startswith("http"):
            return
        self.audited.add(url)
        try:
            self.check_reflow(page, url)
            results = _axe.run(page)
        except PlaywrightError as error:
            # The test moved on (a click loaded the next page) while this page was being checked: the next page
            # gets its own check; this one is checked again on the next visit.
            if "context was destroyed" not in str(error) and "already running" not in str(error):
                raise
            self.audited.discard(url)
            return
        for violation in results.response["violations"]:
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                self.problems.append(
                    f"axe {violation['impact']} on {url}: {violation['id']} — {violation['help']} [{targets}]"
                )

    def check_reflow(self, page, url: str) -> None:
        """No horizontal scroll at REFLOW_WIDTH: the content reflows (RGAA 10.11)."""
        size = page.viewport_size
        if size is None:
            return
        if size["width"] != REFLOW_WIDTH:
            page.set_viewport_size({"width": REFLOW_WIDTH, "height": size["height"]})
        try:
            overflow = page.evaluate(_REFLOW_SCRIPT)
            if overflow:
                # Seen right after a redirect, before the stylesheets apply (the same table then fits): judge the
                # settled layout.
                page.wait_for_timeout(500)
                overflow = page.evaluate(_REFLOW_SCRIPT)
        finally:
            if size["width"] != REFLOW_WIDTH:
                page.set_viewport_size(size)
        if overflow:
            self.problems.append(f"horizontal scroll at {REFLOW_WIDTH} px on {url}: {overflow}")


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def page_guard(live_server) -> PageGuard:
    return PageGuard(live_server.url)


@pytest.fixture
def page(page, page_guard, request):
    """pytest-playwright's page, guarded; audited with axe after every load."""
    page.set_default_timeout(10_000)
    page.on("console", page_guard.on_console)
    page.on("pageerror", page_guard.on_page_error)
    page.route(re.compile(r".*"), page_guard.on_route)
    page.on("load", lambda p: page_guard.audit(p))
    yield page
    if page.url.startswith("http"):
        page_guard.audit(page)
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    if failed or page_guard.problems:
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOT_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', request.node.nodeid)}.png"
        page.screenshot(path=str(shot), full_page=True)
    assert not page_guard.problems, "\n".join(page_guard.problems) + f"\n(capture d’écran : {SCREENSHOT_DIR})"


@pytest.fixture
def login_as(page, live_server, client):
    """Log the browser in as `user` with a session cookie (the login page has its own test)."""

    def _login(user) -> None:
        client.force_login(user)
        cookie = client.cookies["sessionid"]
        page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])

    return _login
