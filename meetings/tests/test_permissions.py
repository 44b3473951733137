"""The meetings part of the permission matrix covers every URL name (the central runner,
wijraad/tests/test_permission_matrix.py, checks the table), and who each permission is for."""

import pytest
from django.contrib.auth.models import AnonymousUser

from meetings import urls
from meetings.models import MeetingKind
from meetings.tests.factories import MeetingFactory
from meetings.tests.matrix import ROUTES
from wijraad.access import allowed

pytestmark = pytest.mark.django_db


def test_every_url_name_has_a_route():
    names = {f"meetings:{pattern.name}" for pattern in urls.urlpatterns}
    assert names == {route.name for route in ROUTES}


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
    holds = {
        persona for persona, user in personas.items() if allowed(user or AnonymousUser(), name)
    }
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
        assert allowed(user or AnonymousUser(), "meetings.view_meeting", meeting) == visible
