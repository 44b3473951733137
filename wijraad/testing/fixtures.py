"""Fixtures every app's tests use: query counts that do not grow with the data."""

import logging
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

    The page is asked once before it is measured, as a running server has been: the person's
    roles of the day are in the cache then (members.roles). Rows added by `add_rows` that change
    someone's roles (terms, offices, ...) drop that cache, for both measurements alike.
    """

    def check(request, *, expected, add_rows=None):
        request()
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

    from wijraad import public_pages

    cache.clear()
    public_pages.forget_all()


def _log_in_with_code(original):
    """Client.force_login as the real login leaves the session: a person who has an
    authenticator app logged in with password *and* code, so the session carries allauth's
    "mfa" record that members.middleware.RequireMFAMiddleware asks for. (Pages that ask for
    the password again still do: only allauth's re-authentication records count for those.)

    A session made with the password alone, e.g. through Django's own login form, is what
    `client.login(email=..., password=...)` makes: it has no such record.
    """

    def force_login(self, user, backend=None):
        import time

        from allauth.account.internal.flows.login import (
            _AUTHENTICATION_METHODS_USER_SESSION_KEY,
            AUTHENTICATION_METHODS_SESSION_KEY,
        )
        from allauth.account.internal.userkit import user_id_to_str
        from allauth.mfa.models import Authenticator

        original(self, user, backend)
        authenticator = (
            Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).only("pk").first()
        )
        if authenticator is None:
            return
        at = time.time()
        session = self.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": at, "email": user.email},
            {"method": "mfa", "at": at, "id": authenticator.pk, "type": "totp"},
        ]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
        session.save()

    return force_login


@pytest.fixture(autouse=True)
def _force_login_passes_two_step_verification(monkeypatch):
    from django.test.client import ClientMixin

    monkeypatch.setattr(ClientMixin, "force_login", _log_in_with_code(ClientMixin.force_login))


@pytest.fixture
def security_records(caplog):
    """The security logger does not propagate (it has its own JSON handler); listen to it."""
    logger = logging.getLogger("wijraad.security")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="wijraad.security")
    yield lambda: [r.security for r in caplog.records if hasattr(r, "security")]
    logger.removeHandler(caplog.handler)
