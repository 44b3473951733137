"""Demo data for the council's year, on whatever day it is loaded:

- an open vacancy (opened three weeks ago) with applications at every step of the procedure:
  received, phone conversation planned, proposed, and one not selected a few days ago (demo
  addresses, example.net; no e-mails are sent for them);
- trainings of members this year and last year;
- the allowance rates (from 1 January of last year) and one approved statement: a member's last
  three whole months;
- a draft annual report of last year, not published.

Each part is made only when it is missing; dates relative to the day of loading.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from members.dates import add_months
from members.models import User
from year import services
from year.models import (
    AllowanceRates,
    AllowanceStatement,
    AnnualReport,
    Application,
    ApplicationState,
    ApplicationStateChange,
    Training,
    Vacancy,
)

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
# (name, e-mail, the steps taken after "received", days ago it came in)
APPLICANTS = [
    ("Sanne Dijkstra", "sanne.dijkstra@example.net", (), 2),
    ("Erik Visser", "erik.visser@example.net", (ApplicationState.CALL_PLANNED,), 9),
    (
        "Fatima Yilmaz",
        "fatima.yilmaz@example.net",
        (ApplicationState.CALL_PLANNED, ApplicationState.PROPOSED),
        16,
    ),
    ("Kees de Groot", "kees.degroot@example.net", (ApplicationState.NOT_SELECTED,), 14),
]
TRAININGS = [
    ("lid@example.org", "Advies schrijven dat gelezen wordt", "LSR", 3, 40),
    ("voorzitter@example.org", "Voorzitten van een vergadering", "Movisie", 4, 120),
    ("lid@example.org", "Wet medezeggenschap cliënten zorginstellingen", "LSR", 6, 300),
]


def load(*, stdout):
    made = [
        part
        for part in (_vacancy(), _applications(), _trainings(), _allowance(), _report())
        if part  # the parts that were missing
    ]
    stdout.write(f"Year: made {', '.join(made)}." if made else "Year: made nothing (all there).")


def _secretary():
    return User.objects.filter(email="secretaris@example.org").first()


def _vacancy():
    today = timezone.localdate()
    if Vacancy.objects.open_on(today).exists():
        return ""
    Vacancy.objects.create(
        title="Lid van de WIJ-raad",
        seats=2,
        note="De kennismakingsgesprekken zijn in de komende weken.",
        opened_on=today - datetime.timedelta(days=21),
    )
    return "an open vacancy"


def _applications():
    """Applications at every step, while the open vacancy has no running procedure (the one not
    selected goes with the retention run four weeks later; the others stay while they run)."""
    vacancy = Vacancy.objects.open_on().first()
    if vacancy is None or vacancy.applications.open().exists():
        return ""
    now = timezone.now()
    by = _secretary()
    for name, email, steps, days_ago in APPLICANTS:
        came_in = now - datetime.timedelta(days=days_ago)
        application = Application.objects.create(
            vacancy=vacancy,
            name=name,
            email=email,
            phone="050 000 0000",
            cv=ContentFile(PDF, name="cv.pdf"),
            cv_name="cv.pdf",
            letter=ContentFile(PDF, name="motivatiebrief.pdf"),
            letter_name="motivatiebrief.pdf",
            submitted_at=came_in,
        )
        changes = [ApplicationStateChange(application=application, to_state="received", at=came_in)]
        state = ApplicationState.RECEIVED
        for index, step in enumerate(steps, start=1):
            at = min(came_in + datetime.timedelta(days=3 * index), now)
            changes.append(
                ApplicationStateChange(
                    application=application, from_state=state, to_state=step, by=by, at=at
                )
            )
            state = step
        ApplicationStateChange.objects.bulk_create(changes)
        application.state = state
        application.closed_at = changes[-1].at if state in ApplicationState.closed() else None
        application.save(update_fields=["state", "closed_at"])
    return "applications at every step"


def _trainings():
    if Training.objects.exists():
        return ""
    today = timezone.localdate()
    people = {user.email: user for user in User.objects.filter(email__endswith="@example.org")}
    for email, title, provider, hours, days_ago in TRAININGS:
        if email in people:
            services.training_add(
                person=people[email],
                title=title,
                provider=provider,
                hours=hours,
                date=today - datetime.timedelta(days=days_ago),
            )
    return "trainings"


def _allowance():
    made = ""
    start_of_last_year = datetime.date(timezone.localdate().year - 1, 1, 1)
    if not AllowanceRates.objects.filter(valid_from__lte=start_of_last_year).exists():
        services.allowance_rates_set(
            valid_from=start_of_last_year, per_meeting=25, per_work_visit=15, per_month=0
        )
        made = "allowance rates"
    lid = User.objects.filter(email="lid@example.org").first()
    if lid is not None and not AllowanceStatement.objects.exists():
        # The last three months that have ended, within one calendar year.
        this_month = timezone.localdate().replace(day=1)
        last_month = add_months(this_month, -1)
        start = max(add_months(this_month, -3), last_month.replace(month=1))
        services.statement_approve(
            person=lid, period_start=start, period_end=this_month, by=_secretary()
        )
        made = ", ".join(filter(None, [made, "an approved allowance statement"]))
    return made


def _report():
    last_year = timezone.localdate().year - 1
    if AnnualReport.objects.filter(year=last_year).exists():
        return ""
    services.report_create(
        year=last_year,
        introduction=(
            f"In {last_year} vergaderde de WIJ-raad over de bereikbaarheid van WIJ, de "
            "privacy van inwoners en de nieuwe locaties. Dit is een concept."
        ),
        closing="Wij danken alle inwoners die ons hun ervaringen vertelden.",
        by=_secretary(),
    )
    return f"a draft annual report of {last_year}"
