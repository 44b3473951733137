from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "signals"
    verbose_name = _("Signals")

    def ready(self):
        from signals import audit, receivers, reminders  # noqa: F401 (receivers: connects)
        from signals.panels import PANELS
        from wijraad import dashboard

        audit.register()
        reminders.register()
        for panel in PANELS:
            dashboard.register(panel)
