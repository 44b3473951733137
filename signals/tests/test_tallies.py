"""The monthly counts behind the trends follow the services and equal a recount."""

import datetime

import pytest

from meetings.tests.factories import LocationFactory
from signals import services
from signals.models import LocationMonthCount, ThemeMonthCount
from signals.tests.factories import SignalThemeFactory

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(ThemeMonthCount.objects.filter(count__gt=0).values_list("month", "theme", "count")),
        sorted(
            LocationMonthCount.objects.filter(count__gt=0).values_list(
                "month", "location_key", "count"
            )
        ),
    )


def test_the_counts_follow_recording_and_triage_and_equal_a_recount(secretaris):
    one, two = SignalThemeFactory(name="Een"), SignalThemeFactory(name="Twee")
    place = LocationFactory(name="WIJ Telwijk")
    day = datetime.date(2026, 5, 4)
    signals = [
        services.signal_record(
            by=secretaris, theme=one, story="x", channel="phone", received_on=day, location=place
        )
        for _ in range(3)
    ]
    services.signal_submit(theme=two, story="y")
    services.signal_update(signal=signals[0], by=secretaris, theme=two, location=None)
    counted = snapshot()
    assert (datetime.date(2026, 5, 1), one.pk, 2) in counted[0]
    assert (datetime.date(2026, 5, 1), two.pk, 1) in counted[0]
    assert (datetime.date(2026, 5, 1), 0, 1) in counted[1]
    assert (datetime.date(2026, 5, 1), place.pk, 2) in counted[1]
    services.tallies_rebuild()
    assert snapshot() == counted
