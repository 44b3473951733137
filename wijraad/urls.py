"""Root URLs. Apps are included by string, so the ground floor never imports them."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wijraad import views

# The admin logs in through allauth, so its MFA and rate limits apply to the administrator too.
admin.site.login = login_required(admin.site.login, login_url=settings.LOGIN_URL)
admin.site.site_header = _("WIJ-raad – technical administration")
admin.site.site_title = _("WIJ-raad administration")

urlpatterns = [
    path("", views.home, name="home"),
    path("over-de-wij-raad", views.about, name="about"),
    path("privacy", views.privacy, name="privacy"),
    path("toegankelijkheid", views.accessibility, name="accessibility"),
    path("contact", views.contact, name="contact"),
    path("taal/", views.set_language, name="set_language"),
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("account/", include("allauth.urls")),
    path("leden/", include("members.urls")),
    path("vergaderingen/", include("meetings.urls")),
    path("beheer/", admin.site.urls),
]
