from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language

from wijraad import dashboard


@require_GET
def home(request):
    return render(request, "wijraad/pages/home.html")


@require_GET
def about(request):
    return render(request, "wijraad/pages/about.html")


@require_GET
def privacy(request):
    return render(request, "wijraad/pages/privacy.html")


@require_GET
def accessibility(request):
    return render(request, "wijraad/pages/accessibility.html")


@require_GET
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
