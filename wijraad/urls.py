"""Root URLs. Apps are included by string, so the ground floor never imports them."""

from django.contrib import admin
from django.urls import include, path

from wijraad import views

urlpatterns = [
    path("", views.home, name="home"),
    path("over-de-wij-raad", views.about, name="about"),
    path("privacy", views.privacy, name="privacy"),
    path("toegankelijkheid", views.accessibility, name="accessibility"),
    path("contact", views.contact, name="contact"),
    path("taal/", views.set_language, name="set_language"),
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("account/", include("allauth.urls")),
    path("beheer/", admin.site.urls),
]
