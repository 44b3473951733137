"""Dashboard panels of the advice app; each context runs a fixed number of queries."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advice.models import Dossier, DossierState
from wijraad.access import allowed
from wijraad.dashboard import Panel

SHOWN = 6


def council_context(request):
    """The advice the council still prepares, soonest due first; for the secretary also the
    answers the board owes past their deadline."""
    today = timezone.localdate()
    dossiers = Dossier.objects.visible_to(request.user).select_related("topic")
    preparing = dossiers.filter(
        state__in=[*DossierState.preparing(), DossierState.ADOPTED]
    ).order_by("advice_due", "pk")
    late = (
        list(
            dossiers.filter(state=DossierState.SENT, answer_due__lt=today).order_by("answer_due")[
                :SHOWN
            ]
        )
        if allowed(request.user, "advice.view_late_answers")
        else []
    )
    # Open dossiers are few at any time (a council gives some tens of advice a year): one query
    # for the list and the count of those overdue.
    preparing = list(preparing)
    return {
        "preparing": preparing[:SHOWN],
        "overdue": sum(1 for dossier in preparing if dossier.advice_due < today),
        "late_answers": late,
        "today": today,
    }


def board_context(request):
    """The board's requests the council is working on, and the advice waiting for its answer."""
    dossiers = Dossier.objects.visible_to(request.user).select_related("topic")
    return {
        "requests": list(
            dossiers.filter(state__in=[*DossierState.preparing(), DossierState.ADOPTED]).order_by(
                "advice_due", "pk"
            )[:SHOWN]
        ),
        "waiting": list(dossiers.filter(state=DossierState.SENT).order_by("answer_due", "pk")),
        "today": timezone.localdate(),
    }


PANELS = [
    Panel(
        key="advice.council",
        title=_("Advice to prepare"),
        template="advice/panels/council.html",
        visible=lambda user: allowed(user, "advice.view_council_panel"),
        context=council_context,
        order=15,
    ),
    Panel(
        key="advice.board",
        title=_("Advice requests and answers"),
        template="advice/panels/board.html",
        visible=lambda user: allowed(user, "advice.view_board_panel"),
        context=board_context,
        order=15,
    ),
]
