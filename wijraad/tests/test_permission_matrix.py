"""Every URL × every persona, from the hand-written tables in each app's tests/matrix.py.

- A URL name that no table covers fails the suite; so does a table entry for a URL that is gone.
- Each persona GETs each URL and gets exactly the answer the table names.
- POSTs a persona may not make are sent anyway; the answer is checked and nothing changed.
- List pages: what a persona must not see is absent, and what it must see is present.
- Users of the roles that need two-step verification but have no authenticator are sent to set
  it up from every URL; those who have one but did not use it in this session are logged out.
"""

import datetime
from fnmatch import fnmatch
from importlib import import_module
from importlib.util import find_spec

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from members import services
from members.middleware import EXEMPT_URL_NAMES
from members.models import BoardPositionKind, OfficeRole
from members.tests.factories import PASSWORD, DeclarationTextFactory, UserFactory
from wijraad.testing.files import close_download
from wijraad.testing.matrix import ALLOWED, LOGIN, PERSONAS


def matrix_modules():
    modules = []
    for app in ("wijraad", "members", "meetings", "advice", "signals", "year", "search"):
        name = f"{app}.tests.matrix"
        if find_spec(f"{app}.tests") and find_spec(name):
            modules.append(import_module(name))
    return modules


MODULES = matrix_modules()
ROUTES = [route for module in MODULES for route in module.ROUTES]
# The pages a user must reach to set up two-step verification or to log out.
MFA_ROUTES = [
    route
    for route in ROUTES
    if not (({name for name, _kwargs in route.sample} | {route.name}) & EXEMPT_URL_NAMES)
]


def url_names(patterns=None, namespace=None, prefix=""):
    """(name, route) of every URL pattern; unnamed ones as (None, route)."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_names(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield name, prefix + str(pattern.pattern)


def covered(name):
    return any(fnmatch(name, route.name) for route in ROUTES)


def test_every_url_is_in_the_matrix():
    missing = sorted(
        f"{name or '(unnamed)'}  {route}"
        for name, route in url_names()
        if not (name and covered(name)) and not route.startswith("beheer/")
    )
    assert not missing, "URLs without a row in the permission matrix:\n" + "\n".join(missing)


def test_every_row_of_the_matrix_is_a_url():
    names = {name for name, _route in url_names() if name}
    stale = [r.name for r in ROUTES if not any(fnmatch(name, r.name) for name in names)]
    assert not stale, f"Rows for URLs that do not exist: {stale}"


def test_every_route_names_every_persona():
    for route in ROUTES:
        for table in (route.get, route.post):
            assert table is None or set(table) == set(PERSONAS), route.name


@pytest.fixture
def made(personas):
    """The objects every table needs, floor by floor."""
    made = {}
    for module in MODULES:
        made.update(module.objects(personas, dict(made)) or {})
    return made


def finish(response):
    """Read a streamed answer (a download) and close it as the test client does: without ending
    the test's database connection."""
    if response.streaming:
        b"".join(response.streaming_content)
        close_download(response)
    return response


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def check(response, expected):
    if expected == LOGIN:
        location = response.headers.get("Location", "")
        return response.status_code == 302 and (
            location.startswith(reverse("account_login"))
            or location.startswith(reverse("admin:login"))
        )
    return response.status_code == expected


def describe(response):
    location = response.headers.get("Location")
    return f"{response.status_code}" + (f" → {location}" if location else "")


def urls_of(route, made):
    if route.sample:
        return [reverse(name, kwargs=kwargs(made)) for name, kwargs in route.sample]
    return [reverse(route.name, kwargs=route.kwargs(made)) + route.query]


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.name)
def test_each_persona_gets_what_the_table_says(route, personas, made):
    wrong = []
    for url in urls_of(route, made):
        for persona in PERSONAS:
            user = personas[persona]
            if route.get is not None:
                response = client_for(user).get(url)
                if not check(response, route.get[persona]):
                    wrong.append(
                        f"GET {url} as {persona}: {describe(response)}, want {route.get[persona]}"
                    )
                elif response.status_code == 200 and not response.streaming:
                    page = response.content.decode()
                    if persona in route.absent and route.absent[persona](made) in page:
                        wrong.append(
                            f"GET {url} as {persona} shows {route.absent[persona](made)!r}"
                        )
                    if persona in route.present and route.present[persona](made) not in page:
                        wrong.append(
                            f"GET {url} as {persona} lacks {route.present[persona](made)!r}"
                        )
            if route.post is not None and route.post[persona] != ALLOWED:
                before = route.snapshot(made)
                response = finish(client_for(user).post(url, route.data(made)))
                after = route.snapshot(made)
                if not check(response, route.post[persona]):
                    wrong.append(
                        f"POST {url} as {persona}: {describe(response)}, want {route.post[persona]}"
                    )
                if after != before:
                    wrong.append(f"POST {url} as {persona} changed {before!r} into {after!r}")
    assert not wrong, "\n".join(wrong)


@pytest.fixture
def without_mfa(voorzitter):
    """A secretary, a chair, a board user, an administrator and a staff account (it reaches the
    admin) who have not set up two-step verification. (One chair at a time: the persona's
    authenticator goes.)"""
    Authenticator.objects.filter(user=voorzitter).delete()
    chair = voorzitter
    secretary = UserFactory(email="secretaris-zonder@example.org")
    services.office_grant(
        person=secretary, office=OfficeRole.STAFF_SECRETARY, start=datetime.date(2020, 1, 1)
    )
    # Signed: an unsigned staff secretary has no secretary's rights (members.roles).
    DeclarationTextFactory()
    services.declaration_sign(person=secretary)
    board = UserFactory(email="bestuurder-zonder@example.org")
    services.board_position_grant(
        person=board, kind=BoardPositionKind.DIRECTOR, start=datetime.date(2020, 1, 1)
    )
    admin = UserFactory(email="beheerder-zonder@example.org", is_staff=True, is_superuser=True)
    staff = UserFactory(email="medewerker-zonder@example.org", is_staff=True)
    return {
        "voorzitter": chair,
        "secretaris": secretary,
        "bestuurder": board,
        "beheerder": admin,
        "medewerker": staff,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("route", MFA_ROUTES, ids=lambda route: route.name)
def test_roles_that_need_mfa_are_sent_to_set_it_up_from_every_url(
    route, personas, made, without_mfa
):
    setup = reverse("mfa_activate_totp")
    wrong = []
    for url in urls_of(route, made):
        for persona, user in without_mfa.items():
            response = finish(client_for(user).get(url))
            if response.status_code != 302 or response["Location"] != setup:
                wrong.append(f"GET {url} as {persona} without MFA: {describe(response)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_a_session_that_skipped_two_step_verification_ends_on_every_url(personas, made):
    """Fail closed: a person whose role needs two-step verification and who has an
    authenticator, logged in by password alone (as Django's own login form did), is logged out
    at the first request, whatever the URL: the middleware ends the session before any view."""
    login = reverse("account_login")
    wrong = []
    for persona in ("voorzitter", "secretaris", "bestuurder", "beheerder"):
        user = personas[persona]
        for route in ROUTES:
            for url in urls_of(route, made):
                client = Client()
                assert client.login(email=user.email, password=PASSWORD)
                response = client.get(url)
                if response.status_code != 302 or not response["Location"].startswith(login):
                    wrong.append(f"GET {url} as {persona} by password only: {describe(response)}")
                elif "_auth_user_id" in client.session:
                    wrong.append(f"GET {url} as {persona} by password only: still logged in")
    assert not wrong, "\n".join(wrong)
