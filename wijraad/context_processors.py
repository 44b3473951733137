from django.conf import settings
from django.utils.functional import SimpleLazyObject

from wijraad import public_pages
from wijraad.access import allowed


def navigation(user):
    """Which menu items this person gets. Asks the apps' permissions and rules by name (the
    ground floor imports no app) and directly, so the answer costs no query beyond the roles."""
    if not user.is_authenticated:
        return {}
    return {
        "meetings": allowed(user, "meetings.view_meetings"),
        "work_plan": allowed(user, "meetings.view_work_plan"),
        "advice": allowed(user, "advice.view_dossiers"),
        "people": allowed(user, "members.view_people"),
        "invitations": allowed(user, "members.invite_people"),
        "signals": allowed(user, "signals.view_signals"),
        "signal_trends": allowed(user, "signals.view_signal_trends"),
        "recruitment": allowed(user, "year.view_applications"),
        # The sign hint on the 403 page and the document library.
        "sign_declaration": allowed(user, "members.sign_declaration"),
    }


def portal(request):
    """What the base layout needs on every page."""
    user = getattr(request, "user", None)
    layout = {
        "LANGUAGES": settings.LANGUAGES,
        "nav": SimpleLazyObject(lambda: navigation(user) if user is not None else {}),
    }
    if getattr(request, public_pages.RENDERING, False):
        # A page kept for every visitor: each answer puts the visitor's own token in its place.
        layout["csrf_token"] = public_pages.CSRF_PLACEHOLDER
    return layout
