from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijraadConfig(AppConfig):
    name = "wijraad"
    verbose_name = _("Portal")

    def ready(self):
        from wijraad import dashboard, public_pages, receivers  # noqa: F401 (connects the receivers)

        dashboard.register_core_panels()
        public_pages.connect()
