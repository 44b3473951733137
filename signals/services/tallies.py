"""The monthly counts behind the trends (signals.models.tallies).

`tally_add` moves a count by one with a conditional UPDATE (and an INSERT in a savepoint the first
time), so two signals stored at once both count. `tallies_rebuild` recounts everything from the
signals, after bulk inserts that bypass the services.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.db.models.functions import TruncMonth

from signals.models import LocationMonthCount, Signal, ThemeMonthCount


def _bump(model, key, delta):
    if model.objects.filter(**key).update(count=F("count") + delta):
        return
    if delta < 0:
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, count=delta)
    except IntegrityError:  # made at the same moment by another signal
        model.objects.filter(**key).update(count=F("count") + delta)


def tally_add(*, received_on, theme_id, location_id, delta=1):
    month = received_on.replace(day=1)
    _bump(ThemeMonthCount, {"month": month, "theme_id": theme_id}, delta)
    _bump(LocationMonthCount, {"month": month, "location_key": location_id or 0}, delta)


def tallies_rebuild():
    """Recount every month from the signals (after bulk inserts)."""
    signals = Signal.objects.annotate(month=TruncMonth("received_on"))
    by_theme = signals.values_list("month", "theme").annotate(n=Count("pk")).order_by()
    by_location = signals.values_list("month", "location").annotate(n=Count("pk")).order_by()
    with transaction.atomic():
        ThemeMonthCount.objects.all().delete()
        LocationMonthCount.objects.all().delete()
        ThemeMonthCount.objects.bulk_create(
            [ThemeMonthCount(month=_day(m), theme_id=t, count=n) for m, t, n in by_theme],
            batch_size=2000,
        )
        LocationMonthCount.objects.bulk_create(
            [
                LocationMonthCount(month=_day(m), location_key=loc or 0, count=n)
                for m, loc, n in by_location
            ],
            batch_size=2000,
        )


def _day(month):
    return month.date() if hasattr(month, "date") and callable(month.date) else month
