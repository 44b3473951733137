"""One access helper per type: `<thing>_for(request, pk, perm=None)` (404 when not visible, then
403 when `perm` does not hold)."""

from signals.models import Signal, SignalTheme
from wijraad.access import object_for, require


def signal_for(request, pk, perm=None):
    signals = Signal.objects.visible_to(request.user).select_related(
        "theme", "location", "recorded_by", "merged_into", "visit_report__meeting"
    )
    return object_for(request, signals, pk, perm)


def theme_for(request, pk, perm=None):
    if perm is not None:
        require(request, perm)
    return object_for(request, SignalTheme.objects.all(), pk)
