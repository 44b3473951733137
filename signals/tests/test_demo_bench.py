"""The demo signals (idempotent, every state) and the bench volume (bulk, rules kept)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from signals import bench
from signals.models import Signal, SignalContact, SignalState

pytestmark = pytest.mark.django_db


def test_the_demo_has_signals_in_every_state_and_loads_once(settings):
    settings.DEBUG = True
    call_command("demo_data", stdout=StringIO())
    states = set(Signal.objects.values_list("state", flat=True))
    assert states == set(SignalState.values)
    assert SignalContact.objects.count() == 2
    count = Signal.objects.count()
    out = StringIO()
    call_command("demo_data", stdout=out)
    assert Signal.objects.count() == count
    assert "Signals: made nothing" in out.getvalue()


def test_the_bench_volume_keeps_the_retention_rules(client, lid):
    bench.load(stdout=StringIO(), years=1)
    assert Signal.objects.count() == bench.SIGNALS_PER_YEAR
    today = timezone.localdate()
    old = today - datetime.timedelta(days=365)
    assert not Signal.objects.filter(received_on__lt=old).exists()
    # Nothing the retention job would still have to do.
    from signals import services

    assert services.retention_run(dry_run=True) == {"contacts": 0, "anonymised": 0}
    # Nor messages that would all go out at the first sweep.
    from signals import reminders

    assert reminders.find_due(timezone.now()) == []
    client.force_login(lid)
    assert client.get(reverse("signals:trends")).status_code == 200
