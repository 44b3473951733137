"""The technical administration shows WIJ locations only: meetings, schedules, work plans and
visit reports are council business (not for the administrator), and calendar tokens are
credentials."""

from django.contrib import admin

from meetings import services
from meetings.models import Location


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "address", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "address"]

    def save_model(self, request, obj, form, change):
        # Through the service, so coming meetings at a renamed location reach calendars again.
        services.location_save(location=obj, by=request.user)

    def has_delete_permission(self, request, obj=None):
        # Meetings keep their location; a location no longer used is marked "not in use".
        return False
