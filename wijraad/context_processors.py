from django.conf import settings
from django.utils.functional import SimpleLazyObject
from rules import has_perm


def navigation(user):
    """Which menu items this person gets. Asks the apps' permissions and rules by name (the
    ground floor imports no app) and directly, so the answer costs no query beyond the roles."""
    if not user.is_authenticated:
        return {}
    return {
        "meetings": has_perm("meetings.view_meetings", user),
        "work_plan": has_perm("meetings.view_work_plan", user),
        "people": has_perm("members.view_people", user),
    }


def portal(request):
    """What the base layout needs on every page."""
    user = getattr(request, "user", None)
    return {
        "LANGUAGES": settings.LANGUAGES,
        "nav": SimpleLazyObject(lambda: navigation(user) if user is not None else {}),
    }
