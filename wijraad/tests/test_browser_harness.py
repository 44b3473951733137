"""The browser harness itself: it launches, and it catches what it must catch."""

import pytest

from wijraad.testing.browser import check_accessibility

pytestmark = pytest.mark.browser

BROKEN_PAGE = """<!doctype html><html><head></head><body>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<a href="/x"></a>
<input type="text">
</body></html>"""


def test_chromium_launches(browser):
    assert browser.version
    page = browser.new_page()
    page.set_content("<p>hallo</p>")
    assert page.inner_text("p") == "hallo"
    page.close()


def test_axe_catches_a_broken_page(new_page):
    page, _guard = new_page()
    page.set_content(BROKEN_PAGE)
    results = check_accessibility(page)
    found = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "html-has-lang", "link-name", "label", "document-title"} <= found


def test_guard_catches_a_request_to_another_host(new_page):
    page, guard = new_page()
    page.set_content('<img alt="x" src="http://example.com/tracker.gif">')
    page.wait_for_timeout(200)
    assert any(
        "request to another host: http://example.com/tracker.gif" in p for p in guard.problems
    )


def test_guard_catches_a_csp_violation(new_page):
    page, guard = new_page()
    page.route(
        "http://127.0.0.1:9/csp",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            headers={"Content-Security-Policy": "script-src 'self'"},
            body="<!doctype html><title>t</title><script>document.title='x'</script>",
        ),
    )
    page.goto("http://127.0.0.1:9/csp")
    page.wait_for_timeout(200)
    assert any("Content Security Policy" in p for p in guard.problems), guard.problems


def test_guard_catches_a_script_error(new_page):
    page, guard = new_page()
    page.set_content("<script>undefinedFunction()</script>")
    page.wait_for_timeout(100)
    assert any("undefinedFunction" in p for p in guard.problems)
