"""One access helper per type (see advice.access)."""

from wijraad.access import object_for
from year.models import Application


def application_for(request, pk, perm=None):
    """An application: 404 for whoever may not see applications, 403 when `perm` does not hold."""
    applications = Application.objects.visible_to(request.user).select_related("vacancy", "person")
    return object_for(request, applications, pk, perm)
