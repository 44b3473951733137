"""The dashboard shell: apps contribute panels; the ground floor never imports an app.

An app registers a panel in its AppConfig.ready():

    dashboard.register(Panel(
        key="members.seats", title=_("Seats"), template="members/panels/seats.html",
        visible=lambda user: allowed(user, "members.view_seats"), context=seats_context,
        order=10,
    ))

`visible(user)` decides who sees it; `context(request)` returns the panel's template context
and must run a fixed number of queries, whatever the amount of data.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijraad.access import allowed


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    template: str
    visible: Callable = field(default=lambda user: True)
    context: Callable = field(default=lambda request: {})
    order: int = 100


_panels: dict[str, Panel] = {}


def register(panel):
    """Add a panel; registering the same key again replaces it (apps may refine a panel)."""
    _panels[panel.key] = panel
    return panel


def panels_for(request):
    """The panels this user may see, in order, each with its rendered context."""
    shown = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key)):
        if panel.visible(request.user):
            shown.append({"panel": panel, "context": panel.context(request)})
    return shown


def per_request(request, key, compute):
    """`compute()` once per request, for what several panels read (the council's rules, the
    heartbeats): later panels of the same request get the same answer without a query."""
    kept = request.__dict__.setdefault("_wijraad_per_request", {})
    if key not in kept:
        kept[key] = compute()
    return kept[key]


def _heartbeats(request):
    """Every heartbeat, read once per request (the scheduler and the sweep panels share it)."""
    from wijraad.models import Heartbeat

    return per_request(
        request, "wijraad.heartbeats", lambda: {row.name: row for row in Heartbeat.objects.all()}
    )


def scheduler_context(request):
    heartbeat = _heartbeats(request).get("scheduler")
    return {
        "heartbeat": heartbeat,
        "stale": heartbeat is None or heartbeat.is_stale(timezone.now()),
        "stale_after_minutes": settings.HEARTBEAT_STALE_AFTER_SECONDS // 60,
    }


def sweep_context(request):
    from wijraad.deliveries import SWEEP_HEARTBEAT

    run = _heartbeats(request).get(SWEEP_HEARTBEAT)
    stale_after = settings.DELIVERY_SWEEP_STALE_AFTER_SECONDS
    return {
        "last_run": run.last_seen if run else None,
        "stale": run is None or (timezone.now() - run.last_seen).total_seconds() > stale_after,
        "stale_after_minutes": stale_after // 60,
    }


def register_core_panels():
    register(
        Panel(
            key="wijraad.scheduler",
            title=_("Reminders scheduler"),
            template="wijraad/dashboard/scheduler.html",
            visible=lambda user: allowed(user, "wijraad.view_scheduler_status"),
            context=scheduler_context,
            order=900,
        )
    )
    register(
        Panel(
            key="wijraad.deliveries",
            title=_("Reminders by e-mail"),
            template="wijraad/dashboard/deliveries.html",
            visible=lambda user: allowed(user, "wijraad.view_scheduler_status"),
            context=sweep_context,
            order=901,
        )
    )
