"""Dashboard panel: open signals by state, for the council (constant queries: one aggregate)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from signals.models import Signal, SignalState
from wijraad.access import allowed
from wijraad.dashboard import Panel


def open_signals_context(request):
    counts = dict(
        Signal.objects.visible_to(request.user)
        .open()
        .values_list("state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        "rows": [
            (state.label, counts.get(state.value, 0))
            for state in SignalState
            if state in SignalState.open()
        ],
        "can_triage": allowed(request.user, "signals.triage_signal"),
    }


PANELS = [
    Panel(
        key="signals.open",
        title=_("Residents' signals"),
        template="signals/panels/open.html",
        visible=lambda user: allowed(user, "signals.view_signals"),
        context=open_signals_context,
        order=40,
    ),
]
