"""The meetings routes of the permission matrix, checked persona by persona (the central
matrix test runs the same table for every app)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from meetings import urls
from meetings.models import MeetingKind
from meetings.rules import RULES
from meetings.tests.factories import MeetingFactory
from meetings.tests.matrix import ROUTES, objects
from wijraad.testing.matrix import ALLOWED, LOGIN

pytestmark = pytest.mark.django_db


def test_every_url_name_has_a_route():
    names = {f"meetings:{pattern.name}" for pattern in urls.urlpatterns}
    assert names == {route.name for route in ROUTES}


def _check(response, expected, persona, route):
    if expected == LOGIN:
        assert response.status_code == 302, (persona, route.name)
        assert response["Location"].startswith(reverse("account_login")), (persona, route.name)
    else:
        assert response.status_code == expected, (persona, route.name, response.status_code)


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.name)
def test_route(route, personas, client):
    made = objects(personas, {})
    url = reverse(route.name, kwargs=route.kwargs(made)) + (
        f"?{route.query}" if route.query else ""
    )
    for persona, expected in (route.get or {}).items():
        client.logout()
        if personas[persona] is not None:
            client.force_login(personas[persona])
        response = client.get(url)
        _check(response, expected, persona, route)
        if expected == 200:
            html = response.content.decode()
            if persona in route.absent:
                assert route.absent[persona](made) not in html, (persona, route.name)
            if persona in route.present:
                assert route.present[persona](made) in html, (persona, route.name)
    for persona, expected in (route.post or {}).items():
        if expected == ALLOWED:
            continue
        client.logout()
        if personas[persona] is not None:
            client.force_login(personas[persona])
        before = route.snapshot(made)
        response = client.post(url, route.data(made))
        _check(response, expected, persona, route)
        assert route.snapshot(made) == before, (persona, route.name)


EXPECTED_RULES = {
    "meetings.view_meetings": {"lid", "voorzitter", "secretaris", "bestuurder"},
    "meetings.manage_meetings": {"secretaris"},
    "meetings.view_compliance": {"lid", "voorzitter", "secretaris"},
    "meetings.view_schedule": {"voorzitter", "secretaris"},
    "meetings.view_work_plan": {"lid", "voorzitter", "secretaris"},
    "meetings.change_work_plan": {"voorzitter", "secretaris"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED_RULES))
def test_each_rule_holds_for_exactly_its_personas(personas, name):
    holds = {persona for persona, user in personas.items() if RULES[name](user or AnonymousUser())}
    assert holds == EXPECTED_RULES[name]


@pytest.mark.parametrize(
    ("kind", "seen_by"),
    [
        (MeetingKind.COUNCIL, {"lid", "voorzitter", "secretaris"}),
        (MeetingKind.CONSULTATION, {"lid", "voorzitter", "secretaris", "bestuurder"}),
        (MeetingKind.WORK_VISIT, {"lid", "voorzitter", "secretaris"}),
        (MeetingKind.OTHER, {"lid", "voorzitter", "secretaris"}),
    ],
)
def test_who_sees_a_meeting_of_each_kind(personas, kind, seen_by):
    meeting = MeetingFactory(kind=kind, title="Iets")
    for persona, user in personas.items():
        visible = meeting in meeting.__class__.objects.visible_to(user)
        assert visible == (persona in seen_by), persona
        assert RULES["meetings.view_meeting"](user or AnonymousUser(), meeting) == visible
