"""Root URLs. Apps are included by string, so the ground floor never imports them."""

from allauth.account.views import logout as account_logout
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wijraad import views

# The admin has no login, logout or password form of its own: allauth's, so its two-step
# verification, rate limits, re-authentication and notice e-mails apply to the administrator too.
admin.site.login = views.admin_login
admin.site.logout = account_logout
admin.site.password_change = views.admin_password_change
admin.site.password_change_done = views.admin_password_change
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
    path("advies/", include("advice.urls")),
    path("signalen/", include("signals.urls")),
    path("raad/", include("year.urls")),
    path("zoeken/", include("search.urls")),
    path("beheer/", admin.site.urls),
]
