"""Counts of signals by theme, location and month for a period, with small groups merged.

Groups of fewer than `SIGNAL_MIN_GROUP` (5) signals are merged into "other" so that nobody can be
recognised; a month has no "other", so a month under the threshold shows "fewer than 5". The
same numbers feed the page's table (the source), its chart (a picture of the table) and the CSV
export. Three aggregate queries, whatever the number of signals.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import Location
from members.dates import add_months
from signals.models import LocationMonthCount, ThemeMonthCount


@dataclass(frozen=True)
class Row:
    label: str
    count: int | None  # None: fewer than the threshold, not shown
    other: bool = False

    @property
    def shown(self):
        return self.count if self.count is not None else 0


def default_period(today=None):
    today = today or timezone.localdate()
    start = add_months(today.replace(day=1), -11)
    return start, today


def _merge_small(pairs, threshold):
    """[(label, count)] → rows; the groups under the threshold merged into one "other" row,
    which itself is hidden when it is under the threshold too."""
    rows, other = [], 0
    for label, count in sorted(pairs, key=lambda pair: (-pair[1], str(pair[0]))):
        if count >= threshold:
            rows.append(Row(str(label), count))
        else:
            other += count
    if other:
        label = _("Other (groups under %(n)d)") % {"n": threshold}
        rows.append(Row(label, other if other >= threshold else None, other=True))
    return rows


def trends(start, end):
    """The counts of the whole months from `start`'s month to `end`'s month, by theme, location
    and month. Read from the monthly counts (signals.models.tallies): four small queries, the same
    for 500 signals as for 50,000."""
    threshold = settings.SIGNAL_MIN_GROUP
    first, last = start.replace(day=1), end.replace(day=1)
    themes = ThemeMonthCount.objects.filter(month__gte=first, month__lte=last)
    by_theme = list(
        themes.values_list("theme__name").annotate(n=Sum("count")).filter(n__gt=0).order_by()
    )
    by_month = dict(themes.values_list("month").annotate(n=Sum("count")).order_by())
    by_location = list(
        LocationMonthCount.objects.filter(month__gte=first, month__lte=last)
        .values_list("location_key")
        .annotate(n=Sum("count"))
        .filter(n__gt=0)
        .order_by()
    )
    # All of them (ten or so): one query, whatever the period holds.
    names = dict(Location.objects.values_list("pk", "name"))
    no_location = _("No location given")
    month_rows = []
    day = first
    while day <= last:
        count = by_month.get(day, 0)
        month_rows.append(
            Row(day.strftime("%Y-%m"), count if count == 0 or count >= threshold else None)
        )
        day = add_months(day, 1)
    locations = [(names.get(key, no_location) if key else no_location, n) for key, n in by_location]
    return {
        "threshold": threshold,
        "themes": _merge_small(by_theme, threshold),
        "locations": _merge_small(locations, threshold),
        "months": month_rows,
        "total": sum(n for _name, n in by_theme),
    }


def bars(rows, *, width=600, bar=22, gap=8, label_width=0):
    """Horizontal bars for a server-rendered SVG: (row, y, length) with the scale of the
    largest count. Rows not shown (under the threshold) get no bar."""
    largest = max((row.shown for row in rows), default=0) or 1
    result = []
    for index, row in enumerate(rows):
        length = round((width - label_width) * row.shown / largest)
        result.append({"row": row, "y": index * (bar + gap), "length": length, "height": bar})
    return {"bars": result, "height": max(len(rows) * (bar + gap), bar), "width": width}
