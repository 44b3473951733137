"""Changes to minutes are kept in the audit log, with who made them."""

import pytest
from auditlog.models import LogEntry

from meetings.models import Minutes
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_minutes_changes_are_audited():
    minutes = Minutes.objects.create(meeting=MeetingFactory())
    minutes.general = "Opening en vaststelling van de agenda."
    minutes.save()
    entries = LogEntry.objects.get_for_object(minutes)
    assert entries.count() == 2
    assert "general" in entries.first().changes_dict
