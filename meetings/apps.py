from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from meetings import audit, receivers, reminders  # noqa: F401 (receivers: connects)
        from meetings.panels import PANELS
        from wijraad import dashboard

        audit.register()
        reminders.register()
        for panel in PANELS:
            dashboard.register(panel)
