"""The Django admin is for the administrator: themes only. Signals and residents' contact details
are never shown there (DESIGN.md, "Decisions already made")."""

from django.contrib import admin

from signals.models import SignalTheme


@admin.register(SignalTheme)
class SignalThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active"]
