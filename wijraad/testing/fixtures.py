"""Fixtures every app's tests use: query counts that do not grow with the data."""

import os

import pytest


@pytest.fixture
def assert_constant_queries(django_assert_num_queries):
    """Assert a page runs exactly `expected` queries, with few rows and with many.

        assert_constant_queries(
            lambda: client.get(url),          # the request to measure
            expected=7,                        # exact number of queries
            add_rows=lambda n: DocumentFactory.create_batch(n),
        )

    `add_rows(n)` adds n more rows of what the page lists; the page is measured with 5 rows and
    again with 50, and must run exactly `expected` queries both times. Leave `add_rows` out for
    pages that list nothing. Returns the last response.
    """

    def check(request, *, expected, add_rows=None):
        if add_rows is None:
            with django_assert_num_queries(expected):
                return request()
        add_rows(5)
        with django_assert_num_queries(expected):
            request()
        add_rows(45)
        with django_assert_num_queries(expected):
            return request()

    return check


REQUIRED_MARKERS = {"browser": "REQUIRE_BROWSER", "services": "REQUIRE_SERVICES"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a skipped browser or service test is a failure: it proved nothing."""
    outcome = yield
    report = outcome.get_result()
    if not report.skipped:
        return
    for marker, variable in REQUIRED_MARKERS.items():
        if item.get_closest_marker(marker) and os.environ.get(variable) == "1":
            report.outcome = "failed"
            report.longrepr = f"{marker} test skipped although {variable}=1: {report.longrepr}"
            return


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and cached values live in the cache: every test starts with an empty one."""
    from django.core.cache import cache

    cache.clear()
