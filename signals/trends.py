"""Counts of signals by theme, location and month for a period, with small groups merged.

Groups of fewer than `SIGNAL_MIN_GROUP` (5) signals are merged into "other" so that nobody can be
recognised; a month has no "other", so a month under the threshold shows "fewer than 5". The
same numbers feed the page's table (the source), its chart (a picture of the table) and the CSV
export. Three aggregate queries, whatever the number of signals.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from members.dates import add_months
from signals.models import Signal


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
    """The counts between `start` and `end` (inclusive) by theme, location and month."""
    threshold = settings.SIGNAL_MIN_GROUP
    signals = Signal.objects.filter(received_on__gte=start, received_on__lte=end)
    by_theme = signals.values_list("theme__name").annotate(n=Count("pk")).order_by()
    by_location = signals.values_list("location__name").annotate(n=Count("pk")).order_by()
    by_month = (
        signals.annotate(month=TruncMonth("received_on"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    no_location = _("No location given")
    months = {
        (month.date() if isinstance(month, datetime.datetime) else month): n
        for month, n in by_month
    }
    month_rows = []
    day = start.replace(day=1)
    while day <= end:
        count = months.get(day, 0)
        month_rows.append(
            Row(day.strftime("%Y-%m"), count if count == 0 or count >= threshold else None)
        )
        day = add_months(day, 1)
    themes = _merge_small(list(by_theme), threshold)
    return {
        "threshold": threshold,
        "themes": themes,
        "locations": _merge_small([(name or no_location, n) for name, n in by_location], threshold),
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
