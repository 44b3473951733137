from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YearConfig(AppConfig):
    name = "year"
    verbose_name = _("The council's year")

    def ready(self):
        from wijraad import dashboard
        from year import audit, reminders
        from year.panels import PANELS

        audit.register()
        reminders.register()
        for panel in PANELS:
            dashboard.register(panel)
