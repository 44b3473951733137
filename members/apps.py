from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from members import audit, preferences, receivers  # noqa: F401 (connects the receivers)
        from members.panels import PANELS
        from wijraad import dashboard

        audit.register()
        preferences.register()
        for panel in PANELS:
            dashboard.register(panel)
