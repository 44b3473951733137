"""One access helper per type (see advice.access)."""

from wijraad.access import object_for
from year.models import AllowanceStatement, Application, HiringPanel


def application_for(request, pk, perm=None):
    """An application: 404 for whoever may not see applications, 403 when `perm` does not hold."""
    applications = Application.objects.visible_to(request.user).select_related("vacancy", "person")
    return object_for(request, applications, pk, perm)


def approved_statement_for(request, pk):
    """An approved allowance statement: the member's own, or any for the secretary; anyone
    else 404 (whose statements exist is not revealed)."""
    statements = AllowanceStatement.objects.visible_to(request.user).select_related(
        "person", "approved_by"
    )
    return object_for(request, statements, pk)


def hiring_panel_for(request, pk, perm=None):
    """A hiring panel: 404 for whoever may not see it (HiringPanel.visible_to), 403 when `perm`
    does not hold."""
    return object_for(request, HiringPanel.objects.visible_to(request.user), pk, perm)
