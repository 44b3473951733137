"""Renewal notices (DESIGN rule 13): to the secretary and the chair, 6 and 3 months before a
term ends — reappoint when it is a first term and another is allowed, else recruit.

Registered with the delivery ledger (wijraad.deliveries) in YearConfig.ready(): the sweep calls
`find_due(now)`, the send task `build_mail_for(delivery)`. One mail per (term, recipient, kind).
A term followed directly by the same person's next term is not ending: nothing is sent, and a
notice not sent yet is skipped once the next term is recorded.

Also the messages to people without an account (see the section below): the confirmation of an
application, the kind e-mail when not selected, and the notice to the "let me know" list.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.dates import add_months
from members.models import CouncilRules, Term, User
from members.roles import roles_for
from wijraad.deliveries import Due
from wijraad.mail import absolute_url, build_mail

SIX_MONTHS = "year.term_ends_6_months"
THREE_MONTHS = "year.term_ends_3_months"
# Kind → months before the end of the term.
KINDS = {SIX_MONTHS: 6, THREE_MONTHS: 3}
# One line on the e-mail preferences page: why it comes.
KIND_EXPLANATION = _("So the council can reappoint the member in time, or find a new one.")
KIND_LABELS = {
    SIX_MONTHS: _("A term ends in six months (to the secretary and the chair)"),
    THREE_MONTHS: _("A term ends in three months (to the secretary and the chair)"),
}


def _ending_terms(today):
    """Running terms that end within six months and have no next term following directly."""
    ending = list(
        Term.objects.filter(start__lte=today, end__gt=today, end__lte=add_months(today, 6))
        .select_related("person")
        .order_by("end", "pk")
    )
    followed = set(
        Term.objects.filter(start__in={term.end for term in ending}).values_list(
            "person_id", "start"
        )
    )
    return [term for term in ending if (term.person_id, term.end) not in followed]


def kind_due(term, today):
    """The latest notice due for `term` today (three months wins over six), or None."""
    for kind in (THREE_MONTHS, SIX_MONTHS):
        if today >= add_months(term.end, -KINDS[kind]):
            return kind
    return None


def find_due(now):
    today = timezone.localdate(now)
    terms = _ending_terms(today)
    if not terms:
        return []
    recipients = set(User.objects.secretaries(today).values_list("pk", flat=True)) | set(
        User.objects.chairs(today).values_list("pk", flat=True)
    )
    due = []
    for term in terms:
        kind = kind_due(term, today)
        if kind:
            due += [Due(term, pk, kind) for pk in sorted(recipients)]
    return due


def build_mail_for(delivery):
    """The renewal notice, or None when the term is no longer ending or the recipient is no
    longer the secretary or the chair."""
    user = delivery.recipient
    roles = roles_for(user)
    today = timezone.localdate()
    if not (roles.secretary or roles.chair):
        return None
    term = next((t for t in _ending_terms(today) if str(t.pk) == delivery.object_id), None)
    if term is None:
        return None
    rules = CouncilRules.objects.in_force(today)
    return build_mail(
        user=user,
        template="year/emails/term_ending",
        context={
            "term": term,
            "months": KINDS[delivery.kind],
            "reappoint": term.ordinal < rules.max_terms,
            "person_url": absolute_url(reverse("members:person", args=[term.person_id])),
            "vacancy_url": absolute_url(reverse("year:applications")),
        },
    )


# --- Messages to applicants and to addresses on the "let me know" list ---------------------------
# They have no account, so a row has no recipient: the builder writes to the address kept with the
# application or the alert, in the language the form was filled in (as signals.reminders does for
# residents). Recorded by the services in the same transaction as the change they announce, and
# queued on commit; the sweep queues them again if the broker loses them.

APPLICATION_RECEIVED = "year.application_received"
NOT_SELECTED = "year.not_selected"
VACANCY_OPEN = "year.vacancy_open"


class Recipient:
    """Someone without an account (an address on the list) as wijraad.mail needs."""

    def __init__(self, *, email, name="", preferred_language=None):
        self.email, self.name, self.preferred_language = email, name, preferred_language


def _application(delivery):
    from year.models import Application

    return Application.objects.filter(pk=delivery.object_id).first()


def build_application_received(delivery):
    """The confirmation; None once the application is gone (deleted after its keeping time)."""
    application = _application(delivery)
    if application is None:
        return None
    return build_mail(
        user=application,
        template="year/emails/application_received",
        context={"application": application, "rules": CouncilRules.objects.in_force()},
    )


def build_not_selected(delivery):
    """The kind e-mail; None once the application is gone or no longer "not selected"."""
    from year.models import ApplicationState

    application = _application(delivery)
    if application is None or application.state != ApplicationState.NOT_SELECTED:
        return None
    return build_mail(
        user=application,
        template="year/emails/not_selected",
        context={"application": application, "rules": CouncilRules.objects.in_force()},
    )


def build_vacancy_open(delivery):
    """To an address on the list about the vacancy (the row's revision); None when the address
    was removed or the vacancy closed before the mail went out."""
    from year.models import Vacancy, VacancyAlert

    alert = VacancyAlert.objects.filter(pk=delivery.object_id).first()
    vacancy = Vacancy.objects.filter(pk=delivery.revision).first()
    if alert is None or vacancy is None or not vacancy.is_open():
        return None
    return build_mail(
        user=Recipient(email=alert.email),
        template="year/emails/vacancy_open",
        context={"vacancy": vacancy, "vacancy_url": absolute_url(reverse("year:vacancy"))},
    )


def register():
    from wijraad import deliveries

    deliveries.register_finder("year", find_due)
    for kind in KINDS:
        deliveries.register_kind(
            kind, build_mail_for, label=KIND_LABELS[kind], explanation=KIND_EXPLANATION
        )
    # To applicants and residents without an account: not on anyone's list of choices.
    deliveries.register_kind(
        APPLICATION_RECEIVED, build_application_received, name=_("Application received")
    )
    deliveries.register_kind(NOT_SELECTED, build_not_selected, name=_("Applicant not selected"))
    deliveries.register_kind(VACANCY_OPEN, build_vacancy_open, name=_("A vacancy is open"))
