"""Dashboard panels of the year app; each context runs a fixed number of queries."""

from django.utils.translation import gettext_lazy as _

from wijraad.access import allowed
from wijraad.dashboard import Panel
from year.models import AllowanceStatement, HiringPanel, HiringPanelState

SHOWN = 3


def allowance_context(request):
    """The member's latest approved allowance statements."""
    return {
        "statements": list(
            AllowanceStatement.objects.filter(person=request.user).order_by("-period_start")[:SHOWN]
        )
    }


def hiring_panels_context(request):
    """The hiring panels the member takes part in that are not finished yet."""
    return {
        "panels": list(
            HiringPanel.objects.visible_to(request.user)
            .filter(participants=request.user)
            .exclude(state__in=HiringPanelState.finished())
            .order_by("requested_on", "pk")
        )
    }


def _takes_part_in_panels(user):
    """Members who do not keep the panels themselves (the secretary and the chair reach them
    through the menu)."""
    return allowed(user, "year.view_hiring_panels") and not allowed(
        user, "year.manage_hiring_panels"
    )


PANELS = [
    Panel(
        key="year.allowance",
        title=_("My volunteer allowance"),
        template="year/panels/allowance.html",
        visible=lambda user: allowed(user, "year.view_own_allowance"),
        context=allowance_context,
        order=55,
    ),
    Panel(
        key="year.hiring_panels",
        title=_("My hiring panels"),
        template="year/panels/hiring_panels.html",
        visible=_takes_part_in_panels,
        context=hiring_panels_context,
        order=56,
    ),
]
