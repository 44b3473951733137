"""Recruitment through HTTP: the public vacancy page, applying, the "let me know" list, the
procedure for the secretary and the chair, and files that are checked by their bytes."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Term
from members.tests.factories import TermFactory
from wijraad.models import DownloadLog
from wijraad.testing.files import close_download
from wijraad.testing.mail import assert_mail
from year import services
from year.models import Application, ApplicationNote, ApplicationState, Vacancy, VacancyAlert
from year.tests.factories import ApplicationFactory, VacancyFactory


@pytest.fixture(autouse=True)
def dutch(client):
    client.cookies["django_language"] = "nl"


def test_without_a_vacancy_the_page_says_so_and_offers_to_let_you_know(db, client, solved):
    response = client.get(reverse("year:vacancy"))
    assert "Er is nu geen vacature." in response.text
    assert "Profielschets" in response.text
    assert "dinsdag om 17.30" in response.text
    assert client.get(reverse("year:apply")).status_code == 302

    refused = client.post(reverse("year:alert"), {"email": "inwoner@example.org"})
    assert refused.status_code == 400  # no consent, nothing kept
    assert not VacancyAlert.objects.exists()
    response = client.post(
        reverse("year:alert"),
        {"email": "Inwoner@Example.org", "consent": "on", "altcha": solved()},
        follow=True,
    )
    assert "We sturen je een e-mail als er een vacature is." in response.text
    assert VacancyAlert.objects.get().email == "inwoner@example.org"


def test_opening_a_vacancy_tells_the_list_and_forgets_it(
    db, login, secretaris, django_capture_on_commit_callbacks, send_now
):
    VacancyAlert.objects.create(email="inwoner@example.org")
    client = login(secretaris)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("year:vacancy_open"), {"title": "Lid van de WIJ-raad", "seats": 2, "note": ""}
        )
    assert response.status_code == 302
    assert Vacancy.objects.get().is_open()
    (message,) = mail.outbox
    assert message.to == ["inwoner@example.org"]
    assert_mail(message, "vacature")
    services.retention_run()  # the address told goes once its mail is out
    assert not VacancyAlert.objects.exists()
    # A second vacancy while one is open is refused.
    again = client.post(reverse("year:vacancy_open"), {"title": "Nog een", "seats": 1})
    assert again.status_code == 400
    assert "Er is al een vacature open." in again.text
    client.post(reverse("year:vacancy_close", args=[Vacancy.objects.get().pk]))
    assert not Vacancy.objects.get().is_open()


def test_a_resident_applies_and_gets_a_confirmation(
    db, client, private_root, pdf_upload, django_capture_on_commit_callbacks, send_now, solved
):
    VacancyFactory()
    page = client.get(reverse("year:apply"))
    for field in ("bsn", "photo", "health", "birth"):
        assert f'name="{field}' not in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("year:apply"),
            {
                "name": "Anna de Vries",
                "email": "anna@example.org",
                "phone": "050 123 4567",
                "cv": pdf_upload("cv.pdf"),
                "letter": pdf_upload("motivatie.pdf"),
                "keep_consent": "on",
                "altcha": solved(),
            },
        )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.keep_consent
    assert application.state == ApplicationState.RECEIVED
    assert (private_root / application.cv.name).exists()
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert_mail(message, "Beste Anna de Vries", "ontvangen")


def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_kept(
    db, client, private_root, pdf_upload, solved
):
    VacancyFactory()
    response = client.post(
        reverse("year:apply"),
        {
            "name": "Anna",
            "email": "anna@example.org",
            "cv": pdf_upload("cv.pdf", b"<html><script>x</script></html>"),
            "letter": pdf_upload("brief.pdf"),
            "altcha": solved(),
        },
    )
    assert response.status_code == 400
    assert "Dit soort bestand is niet toegestaan" in response.text
    assert not Application.objects.exists()
    assert not any(p.is_file() for p in private_root.rglob("*"))


def test_the_secretary_appoints_through_the_procedure(
    db, login, secretaris, voorzitter, private_root, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(name="Anna de Vries", email="anna@example.org")
    client = login(secretaris)
    url = reverse("year:application_move", args=[application.pk])
    start = timezone.localdate() + datetime.timedelta(days=14)
    client.post(url, {"to_state": "call_planned", "note": "Bel met Piet"})
    client.post(reverse("year:note_add", args=[application.pk]), {"text": "Goed gesprek"})
    login(voorzitter).post(url, {"to_state": "proposed"})
    with django_capture_on_commit_callbacks(execute=True):
        response = login(secretaris).post(
            url, {"to_state": "appointed", "start": start.isoformat()}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == ApplicationState.APPOINTED
    person = application.person
    assert person.email == "anna@example.org"
    assert not person.has_usable_password()
    assert Term.objects.get(person=person).start == start
    assert any(m.to == ["anna@example.org"] for m in mail.outbox)  # the invitation
    note = ApplicationNote.objects.get()
    assert (note.state, note.author) == (ApplicationState.CALL_PLANNED, secretaris)
    page = client.get(reverse("year:application", args=[application.pk]))
    assert "Goed gesprek" in page.text
    assert "Bel met Piet" in page.text


def test_appointing_past_the_seats_appoints_nobody(db, login, secretaris, private_root):
    TermFactory.create_batch(13, start=timezone.localdate() - datetime.timedelta(days=10))
    application = ApplicationFactory(state=ApplicationState.PROPOSED, email="anna@example.org")
    response = login(secretaris).post(
        reverse("year:application_move", args=[application.pk]),
        {"to_state": "appointed", "start": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.state == ApplicationState.PROPOSED
    assert application.person is None
    from members.models import User

    assert not User.objects.filter(email="anna@example.org").exists()


def test_a_former_member_who_applies_again_is_appointed_on_their_own_account(
    db, login, secretaris, oud_lid, private_root, django_capture_on_commit_callbacks
):
    from members.models import Invitation, User

    application = ApplicationFactory(
        state=ApplicationState.PROPOSED, name="T. Veenstra", email="Oud-Lid@Example.org"
    )
    start = timezone.localdate() + datetime.timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(secretaris).post(
            reverse("year:application_move", args=[application.pk]),
            {"to_state": "appointed", "start": start.isoformat()},
            follow=True,
        )
    assert response.status_code == 200
    assert "Trijntje Veenstra had al een account met dit adres" in response.text
    application.refresh_from_db()
    assert application.state == ApplicationState.APPOINTED
    assert application.person == oud_lid
    assert User.objects.filter(email__iexact="oud-lid@example.org").count() == 1
    terms = list(Term.objects.filter(person=oud_lid).order_by("start"))
    assert [term.ordinal for term in terms] == [1, 2]
    assert terms[-1].start == start
    oud_lid.refresh_from_db()
    assert oud_lid.name == "Trijntje Veenstra"  # the account's details stay
    assert not Invitation.objects.filter(person=oud_lid).exists()  # they log in as before


def test_an_applicant_who_had_both_terms_is_not_appointed(db, login, secretaris, private_root):
    first = TermFactory(start=datetime.date(2015, 1, 1), person__email="twee@example.org")
    TermFactory(person=first.person, ordinal=2, start=datetime.date(2018, 1, 1))
    application = ApplicationFactory(state=ApplicationState.PROPOSED, email="twee@example.org")
    response = login(secretaris).post(
        reverse("year:application_move", args=[application.pk]),
        {"to_state": "appointed", "start": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert (application.state, application.person) == (ApplicationState.PROPOSED, None)
    assert Term.objects.filter(person=first.person).count() == 2


def test_an_applicant_whose_account_is_switched_off_is_not_appointed(
    db, login, secretaris, oud_lid, private_root
):
    oud_lid.is_active = False
    oud_lid.save()
    application = ApplicationFactory(state=ApplicationState.PROPOSED, email=oud_lid.email)
    response = login(secretaris).post(
        reverse("year:application_move", args=[application.pk]),
        {"to_state": "appointed", "start": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    assert "hoort bij een account dat uitgezet is" in response.text
    application.refresh_from_db()
    assert application.state == ApplicationState.PROPOSED
    assert Term.objects.filter(person=oud_lid).count() == 1


def test_not_selected_gets_a_kind_mail(
    db, login, voorzitter, private_root, django_capture_on_commit_callbacks, send_now
):
    application = ApplicationFactory(name="Bert", email="bert@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        login(voorzitter).post(
            reverse("year:application_move", args=[application.pk]),
            {"to_state": "not_selected"},
        )
    (message,) = mail.outbox
    assert message.to == ["bert@example.org"]
    assert_mail(message, "Beste Bert", "teleurstelling")


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anoniem", 302),
        ("lid", 404),
        ("lid_ongetekend", 404),
        ("oud_lid", 404),
        ("bestuurder", 404),
        ("beheerder", 404),
        ("voorzitter", 200),
        ("secretaris", 200),
    ],
)
def test_the_application_files_download_for_secretary_and_chair_only(
    db, client, personas, private_root, persona, expected
):
    application = ApplicationFactory()
    if personas[persona] is not None:
        client.force_login(personas[persona])
    response = client.get(reverse("year:application_file", args=[application.pk, "letter"]))
    assert response.status_code == expected
    if expected == 200:
        other = client.get(reverse("year:application_file", args=[application.pk, "foto"]))
        assert other.status_code == 404
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        close_download(response)
        assert DownloadLog.objects.get().file_name == "brief.pdf"


def test_the_list_asks_the_same_number_of_queries(
    db, login, secretaris, private_root, assert_constant_queries
):
    client = login(secretaris)
    vacancy = VacancyFactory()
    # One of them reads the keeping times from the rules in force.
    assert_constant_queries(
        lambda: client.get(reverse("year:applications")),
        expected=4,
        add_rows=lambda n: ApplicationFactory.create_batch(n, vacancy=vacancy),
    )


def test_an_application_page_asks_the_same_number_of_queries(
    db, login, secretaris, private_root, assert_constant_queries
):
    client = login(secretaris)
    application = ApplicationFactory()

    def add_notes(n):
        for i in range(n):
            ApplicationNote.objects.create(
                application=application, state="received", text=f"n{i}", author=secretaris
            )

    # One of them reads the keeping times from the rules in force (also for a running procedure).
    assert_constant_queries(
        lambda: client.get(reverse("year:application", args=[application.pk])),
        expected=5,
        add_rows=add_notes,
    )
