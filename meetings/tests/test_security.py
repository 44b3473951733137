"""Security review (issue 12), the meetings app's part, through HTTP.

M2: the audit log in the admin shows that minutes changed, by whom and when, never their text, nor
the name of the meeting (a council meeting is not for the administrator)."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.urls import reverse

from meetings import agenda_services
from meetings.models import MeetingKind
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

DRAFT = "De voorzitter stelt voor de wethouder niet meer uit te nodigen."
TITLE = "Geheim overleg over de reorganisatie"


def test_the_audit_log_shows_no_text_of_the_minutes(client, beheerder, secretaris):
    meeting = MeetingFactory(kind=MeetingKind.COUNCIL, date=datetime.date(2026, 3, 10), title=TITLE)
    # Minutes are written once the meeting has begun: a week after it.
    with time_machine.travel(meeting.ends_at + datetime.timedelta(days=7), tick=False):
        minutes = agenda_services.minutes_save(meeting=meeting, by=secretaris, general=DRAFT)
        agenda_services.minutes_save(meeting=meeting, by=secretaris, general=DRAFT + " Aangenomen.")
    client.force_login(beheerder)
    entries = LogEntry.objects.get_for_object(minutes)
    assert entries.count() == 3  # made, and written twice
    pages = [client.get(reverse("admin:auditlog_logentry_changelist"))]
    pages += [
        client.get(reverse("admin:auditlog_logentry_change", args=[entry.pk])) for entry in entries
    ]
    for page in pages:
        assert page.status_code == 200
        html = page.content.decode()
        assert "wethouder" not in html
        assert TITLE not in html
    changed = entries.order_by("pk").last()
    assert changed.changes_dict["general"] == ["********", "********"]
    assert changed.object_repr == f"minutes {minutes.pk}"
