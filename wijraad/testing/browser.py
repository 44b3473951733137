"""Browser fixtures: real Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Every page a test opens is guarded: a request to anything but this machine, an error on the
console (CSP violations are reported there) or an uncaught script error fails the test.
Playwright's own browser downloads are never used.

Without Chromium the browser tests are skipped with a clear reason; with REQUIRE_BROWSER=1 (CI)
they fail instead.
"""

import os
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def browser_required():
    return os.environ.get("REQUIRE_BROWSER") == "1"


def is_loopback(url):
    parsed = urlparse(url)
    if parsed.scheme in {"data", "blob", "about"}:
        return True
    host = (parsed.hostname or "").lower()
    return host in LOOPBACK_HOSTS or host.startswith("127.")


class PageGuard:
    """Collects what must never happen on a page of the portal."""

    def __init__(self):
        self.problems = []

    def attach(self, context, page):
        self.page = page
        context.route("**/*", self._route)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def _route(self, route):
        url = route.request.url
        if is_loopback(url):
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort()

    def _console(self, message):
        if message.type != "error":
            return
        if message.text.startswith("Failed to load resource") and (
            message.location.get("url") == self.page.url
        ):
            # The page itself answered with an error status (a 404 or 410 page the test
            # asked for); the test checks that status. A failing image or script still counts.
            return
        self.problems.append(f"console error: {message.text}")


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        reason = (
            f"Browser tests need Debian's Chromium at {CHROMIUM} "
            "(`apt-get install chromium`, which `make test` does when run as root)."
        )
        if browser_required():
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def new_page(browser):
    """A factory of guarded pages: new_page(base_url) -> (page, guard). Closed at teardown."""
    contexts = []

    def make(base_url=None, **context_options):
        context = browser.new_context(base_url=base_url, **context_options)
        context.set_default_timeout(10_000)
        page = context.new_page()
        guard = PageGuard()
        guard.attach(context, page)
        contexts.append(context)
        return page, guard

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page, live_server):
    """A guarded page on the live server; the test fails on any problem the guard saw."""
    page, guard = new_page(live_server.url)
    yield page
    if guard.problems:
        pytest.fail("The browser saw problems:\n" + "\n".join(guard.problems))


def check_accessibility(page):
    """Run axe-core (WCAG 2.1 A and AA, no rules disabled) on the page; return the results."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})


def assert_accessible(page):
    results = check_accessibility(page)
    assert results.violations_count == 0, (
        f"axe found {results.violations_count} violation(s) on {page.url}:\n"
        + results.generate_report()
    )


@pytest.fixture
def login_as(page, live_server):
    """Log a user into the browser page, as if they had logged in: login_as(user)."""
    from django.conf import settings
    from django.test import Client

    def log_in(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
        return page

    return log_in
