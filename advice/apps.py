from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviceConfig(AppConfig):
    name = "advice"
    verbose_name = _("Advice")

    def ready(self):
        from advice import audit, reminders
        from advice.panels import PANELS
        from wijraad import dashboard, home

        audit.register()
        reminders.register()
        for panel in PANELS:
            dashboard.register(panel)
        home.register(
            home.Section(
                key="advice.latest",
                template="advice/home_latest.html",
                context=latest_published,
            )
        )


def latest_published(request):
    from advice.models import Dossier

    return {
        "latest_advice": list(
            Dossier.objects.published().select_related("topic", "advice").order_by("-sent_at")[:3]
        )
    }
