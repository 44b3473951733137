"""Dashboard panels of the year app; each context runs a fixed number of queries."""

from django.utils.translation import gettext_lazy as _

from wijraad.access import allowed
from wijraad.dashboard import Panel
from year.models import AllowanceStatement

SHOWN = 3


def allowance_context(request):
    """The member's latest approved allowance statements."""
    return {
        "statements": list(
            AllowanceStatement.objects.filter(person=request.user).order_by("-period_start")[:SHOWN]
        )
    }


PANELS = [
    Panel(
        key="year.allowance",
        title=_("My volunteer allowance"),
        template="year/panels/allowance.html",
        visible=lambda user: allowed(user, "year.view_own_allowance"),
        context=allowance_context,
        order=55,
    ),
]
