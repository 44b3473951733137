"""The year app's part of the permission matrix (see wijraad.testing.matrix).

The vacancy page, applying and the "let me know" list are for everyone. Applications are the
secretary's and the chair's only: anyone else gets 404 for one (its existence is not revealed)
and 403 for the list; only the secretary opens and closes vacancies.
"""

import datetime

from django.utils import timezone

from wijraad.testing.matrix import ALLOWED, Route, everyone, logged_in
from year.models import (
    AllowanceRates,
    AllowanceStatement,
    AnnualReport,
    Application,
    ApplicationNote,
    HiringPanel,
    TaxFreeLimit,
    Training,
    Vacancy,
)
from year.tests.factories import ApplicationFactory, VacancyFactory

APPLICANT = "Matrix-sollicitant"
PANEL = "Matrix-teamleider"
PROCEDURE = logged_in(403, secretaris=200, voorzitter=200)
APPLICATION = logged_in(404, secretaris=200, voorzitter=200)
APPLICATION_POST = logged_in(404, secretaris=ALLOWED, voorzitter=ALLOWED)
REPORT_READERS = {"secretaris": 200, "voorzitter": 200}


def objects(personas, made):
    vacancy = VacancyFactory()
    # An annual report not published yet: the secretary's and the chair's only.
    report = AnnualReport.objects.create(year=timezone.localdate().year - 1)
    return {
        "vacancy": vacancy,
        "application": ApplicationFactory(vacancy=vacancy, name=APPLICANT),
        "report": report,
        "panel": HiringPanel.objects.create(position=PANEL),
        "statement": AllowanceStatement.objects.create(
            person=personas["lid"],
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 4, 1),
            meetings=3,
            work_visits=1,
            months=3,
            amount=95,
        ),
    }


def year_of(o):
    return {"year": o["report"].year}


def pk_of(key):
    return lambda o: {"pk": o[key].pk}


def application_state(o):
    return Application.objects.values_list("state", "person").get(pk=o["application"].pk)


ROUTES = [
    Route("year:vacancy", get=everyone(200)),
    Route("year:apply", get=everyone(200), post=everyone(ALLOWED)),
    Route("year:applied", get=everyone(200)),
    Route("year:alert", get=everyone(405), post=everyone(ALLOWED)),
    Route(
        "year:applications",
        get=PROCEDURE,
        absent={"bestuurder": lambda o: APPLICANT},
        present={"secretaris": lambda o: APPLICANT, "voorzitter": lambda o: APPLICANT},
    ),
    Route(
        "year:vacancy_open",
        get=logged_in(403, secretaris=200),
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"title": "Matrix", "seats": 1},
        snapshot=lambda o: Vacancy.objects.count(),
    ),
    Route(
        "year:vacancy_close",
        kwargs=pk_of("vacancy"),
        get=logged_in(405),
        post=logged_in(403, secretaris=ALLOWED),
        snapshot=lambda o: Vacancy.objects.values_list("closed_on").get(pk=o["vacancy"].pk),
    ),
    Route("year:application", kwargs=pk_of("application"), get=APPLICATION),
    Route(
        "year:application_move",
        kwargs=pk_of("application"),
        get=logged_in(405),
        post=APPLICATION_POST,
        data=lambda o: {"to_state": "not_selected"},
        snapshot=application_state,
    ),
    Route(
        "year:note_add",
        kwargs=pk_of("application"),
        get=logged_in(405),
        post=APPLICATION_POST,
        data=lambda o: {"text": "Matrix"},
        snapshot=lambda o: ApplicationNote.objects.count(),
    ),
    # A download: the answers per persona are in year/tests/test_views.py, which closes the files.
    Route("year:application_file", kwargs=lambda o: {"pk": o["application"].pk, "which": "cv"}),
    Route("year:published_reports", get=everyone(200)),
    Route("year:reports", get=logged_in(403, secretaris=200, voorzitter=200)),
    Route(
        "year:report_new",
        get=logged_in(403, secretaris=200),
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"year": o["report"].year - 1, "introduction": "Matrix"},
        snapshot=lambda o: AnnualReport.objects.count(),
    ),
    Route("year:report", kwargs=year_of, get=everyone(404) | REPORT_READERS),
    Route("year:report_pdf", kwargs=year_of, get=everyone(404) | REPORT_READERS),
    Route(
        "year:report_edit",
        kwargs=year_of,
        get=logged_in(403, secretaris=200),
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"introduction": "Matrix"},
        snapshot=lambda o: AnnualReport.objects.values_list("introduction").get(pk=o["report"].pk),
    ),
    Route(
        "year:report_publish",
        kwargs=year_of,
        get=logged_in(405),
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"publish": "1"},
        snapshot=lambda o: AnnualReport.objects.values_list("published_at").get(pk=o["report"].pk),
    ),
    # Hiring panels: the secretary and the chair see every request; a member only the panels
    # they take part in (year/tests/test_panels.py), so not this one.
    Route(
        "year:panels",
        get=logged_in(403, secretaris=200, voorzitter=200, lid=200),
        absent={"lid": lambda o: PANEL, "bestuurder": lambda o: PANEL},
        present={"secretaris": lambda o: PANEL},
    ),
    Route("year:panel", kwargs=pk_of("panel"), get=APPLICATION),
    Route(
        "year:panel_new",
        get=PROCEDURE,
        post=logged_in(403, secretaris=ALLOWED, voorzitter=ALLOWED),
        data=lambda o: {"position": "Matrix", "requested_on": "2026-01-05"},
        snapshot=lambda o: HiringPanel.objects.count(),
    ),
    Route(
        "year:panel_edit",
        kwargs=pk_of("panel"),
        get=APPLICATION,
        post=APPLICATION_POST,
        data=lambda o: {"position": "Anders", "requested_on": "2026-01-05"},
        snapshot=lambda o: HiringPanel.objects.values_list("position").get(pk=o["panel"].pk),
    ),
    Route(
        "year:panel_move",
        kwargs=pk_of("panel"),
        get=logged_in(405),
        post=APPLICATION_POST,
        data=lambda o: {"to_state": "declined"},
        snapshot=lambda o: HiringPanel.objects.values_list("state").get(pk=o["panel"].pk),
    ),
    Route("year:trainings", get=PROCEDURE),
    Route(
        "year:training_add",
        get=logged_in(403, secretaris=200),
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"title": "Matrix", "date": "2026-01-05", "hours": "2"},
        snapshot=lambda o: Training.objects.count(),
    ),
    Route("year:allowance", get=logged_in(403, secretaris=200)),
    Route(
        "year:allowance_rates",
        get=logged_in(403, secretaris=200),
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"valid_from": "2026-01-01", "per_meeting": "10"},
        snapshot=lambda o: AllowanceRates.objects.count(),
    ),
    Route(
        "year:allowance_limit",
        get=logged_in(403, secretaris=200),
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"year": 2026, "per_month": "1", "per_year": "1"},
        snapshot=lambda o: TaxFreeLimit.objects.count(),
    ),
    Route(
        "year:statement_new",
        get=logged_in(403, secretaris=200),
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {
            "person": o["statement"].person_id,
            "start": "2025-01-01",
            "end": "2025-02-01",
        },
        snapshot=lambda o: AllowanceStatement.objects.count(),
    ),
    # A statement is its member's own (here lid's) and the secretary's; anyone else 404.
    Route("year:statement", kwargs=pk_of("statement"), get=logged_in(404, secretaris=200, lid=200)),
    # Their own statements: whoever holds or held a seat.
    Route(
        "year:my_allowance",
        get=logged_in(403, lid=200, lid_ongetekend=200, oud_lid=200, voorzitter=200),
        absent={"voorzitter": lambda o: "€ 95,00", "oud_lid": lambda o: "€ 95,00"},
        present={"lid": lambda o: "€ 95,00"},
    ),
]
