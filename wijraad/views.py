import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language

from wijraad import dashboard
from wijraad import privacy as privacy_data
from wijraad.home import sections_for as home_sections
from wijraad.public_pages import public_page


@require_GET
@public_page
def home(request):
    return render(request, "wijraad/pages/home.html", {"sections": home_sections(request)})


@require_GET
@public_page
def about(request):
    return render(request, "wijraad/pages/about.html")


@require_GET
@public_page
def privacy(request):
    """The statement lists what every app declares it keeps (wijraad.privacy)."""
    return render(
        request, "wijraad/pages/privacy.html", {"declarations": privacy_data.declarations()}
    )


# The day the accessibility statement was last drawn up (the model statement asks for it).
ACCESSIBILITY_STATEMENT_DATE = datetime.date(2026, 12, 3)


@require_GET
@public_page
def accessibility(request):
    return render(
        request,
        "wijraad/pages/accessibility.html",
        {"statement_date": ACCESSIBILITY_STATEMENT_DATE},
    )


@require_GET
@public_page
def contact(request):
    return render(request, "wijraad/pages/contact.html")


@require_POST
def set_language(request):
    """Django's language switch; a logged-in person's choice is also kept on the account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    user = request.user
    if (
        user.is_authenticated
        and language in dict(user.LANGUAGES)
        and user.preferred_language != language
    ):
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return response


@login_required
@require_GET
def dashboard_view(request):
    return render(request, "wijraad/dashboard.html", {"panels": dashboard.panels_for(request)})


def admin_login(request, extra_context=None):
    """The Django admin's login page, which never logs anyone in.

    Logging in is allauth's, with its two-step verification and rate limits; Django's own
    LoginView (a password form without either) is never shown or accepted. Not logged in → the
    portal's login page; logged in without admin rights → 403; with them → on to the admin.
    """
    wanted = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        wanted = ""
    if not request.user.is_authenticated:
        return redirect_to_login(wanted or reverse("admin:index"), settings.LOGIN_URL)
    if not admin.site.has_permission(request):
        raise PermissionDenied
    return redirect(wanted or "admin:index")


def admin_password_change(request, extra_context=None):
    """The admin's own password change would skip allauth's re-authentication and notice
    e-mail: the portal's page is the one way to change a password."""
    return redirect("account_change_password")
