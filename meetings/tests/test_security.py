"""Security review (issue 12): what the meetings app answers over HTTP."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Meeting, MeetingKind
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

INJECTED = "Raadsvergadering\r\nBcc: x@example.org"


def test_a_title_with_cr_lf_is_stored_on_one_line(client, secretaris, location, soon):
    """Titles go into e-mail subjects, the calendar feed and logs: never a line break."""
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": MeetingKind.COUNCIL,
            "title": INJECTED,
            "date": soon.isoformat(),
            "start_time": "17:30",
            "end_time": "19:00",
            "location": location.pk,
            "description": "Eerst de begroting.\r\nDaarna de rondvraag.",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.title == "Raadsvergadering Bcc: x@example.org"
    # A text area keeps its line breaks.
    assert meeting.description == "Eerst de begroting.\r\nDaarna de rondvraag."


def test_agenda_items_and_cancel_reasons_lose_their_line_breaks(client, secretaris):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=30))
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:agenda_item_add", args=[meeting.pk]),
        {
            "title": INJECTED,
            "description": "Regel 1\nRegel 2",
            "kind": "decision",
            "presenter": "Voorzitter\r\n",
            "duration_minutes": 20,
            "visibility": "council",
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.title, item.presenter) == ("Raadsvergadering Bcc: x@example.org", "Voorzitter")
    assert item.description == "Regel 1\nRegel 2"

    response = client.post(
        reverse("meetings:cancel", args=[meeting.pk]), {"reason": "Te weinig\r\nleden"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.cancel_reason == "Te weinig leden"
