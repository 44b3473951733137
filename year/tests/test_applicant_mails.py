"""Applicants' e-mails go through the delivery ledger: recorded with the change they announce,
sent once however often the sweep runs, and sent again after a failed hand-over."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState
from year import reminders, services
from year.models import ApplicationState, VacancyAlert
from year.tests.factories import ApplicationFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def sweep_and_send(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        ids = deliveries.sweep()
    for pk in ids:
        deliveries.deliver(pk)


def later(minutes):
    return timezone.now() + datetime.timedelta(minutes=minutes)


def test_the_confirmation_is_recorded_with_the_application_and_sent_once(
    private_root, pdf_upload, django_capture_on_commit_callbacks
):
    vacancy = VacancyFactory()
    with django_capture_on_commit_callbacks(execute=False):
        application = services.application_submit(
            vacancy=vacancy,
            name="Anna de Vries",
            email="anna@example.org",
            cv=pdf_upload("cv.pdf"),
            letter=pdf_upload("brief.pdf"),
        )
    row = Delivery.objects.about(application).get()
    assert (row.kind, row.recipient, row.state) == (
        reminders.APPLICATION_RECEIVED,
        None,
        DeliveryState.PENDING,
    )
    # The broker lost the task: the sweep hands the row over again, twice — one mail.
    with mock.patch("django.utils.timezone.now", return_value=later(10)):
        sweep_and_send(django_capture_on_commit_callbacks)
        sweep_and_send(django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.extra_headers["Message-ID"] == Delivery.objects.get().message_id
    assert Delivery.objects.get().state == DeliveryState.SENT


def test_a_failed_hand_over_is_retried_and_sent_once(
    private_root, django_capture_on_commit_callbacks, voorzitter
):
    application = ApplicationFactory(name="Bert", email="bert@example.org")
    services.application_transition(
        application=application, to_state=ApplicationState.NOT_SELECTED, by=voorzitter
    )
    row = Delivery.objects.about(application).get(kind=reminders.NOT_SELECTED)
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=OSError("mail server down"),
    ):
        assert deliveries.deliver(row.pk) == DeliveryState.FAILED
    row.refresh_from_db()
    assert (row.state, row.attempts, mail.outbox) == (DeliveryState.PENDING, 1, [])
    assert "mail server down" in row.last_error
    with mock.patch("django.utils.timezone.now", return_value=later(10)):
        sweep_and_send(django_capture_on_commit_callbacks)
        sweep_and_send(django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == ["bert@example.org"]
    assert "teleurstelling" in message.body


def test_nothing_is_sent_for_an_application_deleted_before_its_mail_went_out(private_root):
    application = ApplicationFactory(state=ApplicationState.CALL_PLANNED)
    services.application_transition(application=application, to_state="not_selected")
    row = Delivery.objects.about(application).get()
    services.application_delete(application=application)
    assert deliveries.deliver(row.pk) == DeliveryState.SKIPPED
    assert mail.outbox == []


def test_the_let_me_know_list_is_told_once_and_then_forgotten(
    django_capture_on_commit_callbacks,
):
    VacancyAlert.objects.create(email="inwoner@example.org")
    with django_capture_on_commit_callbacks(execute=False):
        vacancy = services.vacancy_open(title="Lid van de WIJ-raad")
    alert = VacancyAlert.objects.get()
    assert alert.notified_at is not None
    # Until the mail is out the address stays: without it the mail could not be sent.
    assert services.retention_run()["alerts"] == 0
    with mock.patch("django.utils.timezone.now", return_value=later(10)):
        sweep_and_send(django_capture_on_commit_callbacks)
        sweep_and_send(django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == ["inwoner@example.org"]
    row = Delivery.objects.about(alert).get()
    assert (row.revision, row.state) == (vacancy.pk, DeliveryState.SENT)
    assert services.retention_run()["alerts"] == 1
    assert not VacancyAlert.objects.exists()


def test_the_mails_give_the_keeping_times_of_the_rules_in_force(private_root):
    from django.contrib.contenttypes.models import ContentType

    from members.models import CouncilRules
    from year.models import Application

    CouncilRules.objects.create(
        valid_from=timezone.localdate(),
        applicant_retention_weeks=2,
        applicant_retention_consent_months=6,
    )
    kept = ApplicationFactory(keep_consent=True, preferred_language="nl")
    gone = ApplicationFactory(state=ApplicationState.NOT_SELECTED, preferred_language="nl")
    for application, build, expected in (
        (kept, reminders.build_application_received, "hooguit 6 maanden te bewaren"),
        (gone, reminders.build_application_received, "uw sollicitatie 2 weken na het einde"),
        (gone, reminders.build_not_selected, "uw sollicitatie over 2 weken"),
        (kept, reminders.build_not_selected, None),
    ):
        delivery = Delivery(
            content_type=ContentType.objects.get_for_model(Application),
            object_id=str(application.pk),
        )
        message = build(delivery)
        if expected is None:
            assert message is None  # still running: no "not selected" mail
            continue
        assert expected in message.body
        assert expected in message.alternatives[0][0]
