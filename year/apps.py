from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YearConfig(AppConfig):
    name = "year"
    verbose_name = _("The council's year")

    def ready(self):
        from year import audit, reminders

        audit.register()
        reminders.register()
