"""Papers after the fact: a new version replaces a paper (the old one stays as an
earlier version), a paper gets another visibility, and a paper added after the agenda went out is
marked "new" and announced by e-mail to whoever may see it — once."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings import reminders
from meetings.models import AgendaDocument, MeetingState
from meetings.tests.factories import PDF, AgendaDocumentFactory, AgendaItemFactory, MeetingFactory
from wijraad import deliveries
from wijraad.models import Delivery, Visibility
from wijraad.testing.files import close_download
from wijraad.testing.mail import assert_mail

pytestmark = pytest.mark.django_db

COUNCIL_AUDIENCE = ["lid@example.org", "secretaris@example.org", "voorzitter@example.org"]


@pytest.fixture
def item(db):
    meeting = MeetingFactory(
        date=timezone.localdate() + datetime.timedelta(days=10), title="Raad april"
    )
    return AgendaItemFactory(meeting=meeting, title="Privacybeleid")


def publish(meeting):
    meeting.state = MeetingState.AGENDA_PUBLISHED
    meeting.agenda_published_at = timezone.now()
    meeting.save()


def send_all(django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False):
        ids = deliveries.sweep()
    for pk in ids:
        deliveries.deliver(pk)
    return sorted(message.to[0] for message in mail.outbox if "stuk" in message.subject)


def upload(client, item, name="beleid.pdf", visibility="council"):
    return client.post(
        reverse("meetings:document_add", args=[item.pk]),
        {"upload": SimpleUploadedFile(name, PDF), "title": "", "visibility": visibility},
    )


def test_a_paper_added_after_the_agenda_went_out_is_new_and_announced_once(
    client, personas, secretaris, item, papers_root, django_capture_on_commit_callbacks
):
    client.force_login(secretaris)
    upload(client, item, name="voor.pdf")  # before the agenda went out: not new, no mail
    publish(item.meeting)
    upload(client, item, name="na.pdf")
    assert set(Delivery.objects.values_list("kind", flat=True)) == {reminders.PAPER}
    assert send_all(django_capture_on_commit_callbacks) == COUNCIL_AUDIENCE
    message = next(m for m in mail.outbox if m.to == ["lid@example.org"])
    assert message.subject == "Nieuw stuk voor Raad april: na.pdf"
    assert_mail(message, 'Het stuk "na.pdf" is na het versturen van de agenda toegevoegd')
    assert send_all(django_capture_on_commit_callbacks) == []
    client.force_login(personas["lid"])
    page = client.get(reverse("meetings:agenda", args=[item.meeting_id])).content.decode()
    before, after = page.index("voor.pdf"), page.index("na.pdf")
    assert page.count(">nieuw</span>") == 1
    assert before < after < page.index(">nieuw</span>")


def test_a_restricted_late_paper_goes_to_the_chair_and_the_secretary_only(
    client, secretaris, personas, item, papers_root, django_capture_on_commit_callbacks
):
    publish(item.meeting)
    client.force_login(secretaris)
    upload(client, item, name="geheim.pdf", visibility="restricted")
    assert send_all(django_capture_on_commit_callbacks) == [
        "secretaris@example.org",
        "voorzitter@example.org",
    ]


def test_a_new_version_replaces_the_paper_and_keeps_the_old_one(
    client, secretaris, personas, item, papers_root, django_capture_on_commit_callbacks
):
    old = AgendaDocumentFactory(agenda_item=item, title="Begroting")
    publish(item.meeting)
    client.force_login(secretaris)
    url = reverse("meetings:document_edit", args=[old.pk])
    assert 'value="Begroting"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "Begroting (versie 2)",
            "visibility": "council",
            "upload": SimpleUploadedFile("begroting-v2.pdf", PDF),
        },
    )
    assert response["Location"] == reverse("meetings:agenda", args=[item.meeting_id])
    new = AgendaDocument.objects.get(previous=old)
    old.refresh_from_db()
    assert old.superseded_at is not None
    assert new.title == "Begroting (versie 2)"
    assert send_all(django_capture_on_commit_callbacks) == COUNCIL_AUDIENCE
    assert_mail(mail.outbox[0], 'Er is een nieuwe versie van het stuk "Begroting (versie 2)"')
    client.force_login(personas["lid"])
    page = client.get(reverse("meetings:agenda", args=[item.meeting_id])).content.decode()
    earlier = page.index("Eerdere versies")
    assert page.index("Begroting (versie 2)") < earlier < page.index(">Begroting</a>")
    # The earlier version can still be read (and its download is logged).
    download = client.get(reverse("meetings:document_download", args=[old.pk]))
    assert download.status_code == 200
    close_download(download)
    # An earlier version is not replaced again: the newest is.
    client.force_login(secretaris)
    assert client.get(url).status_code == 403


def test_another_visibility_for_a_paper(client, secretaris, personas, item, papers_root):
    paper = AgendaDocumentFactory(agenda_item=item, title="Notitie")
    publish(item.meeting)
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:document_edit", args=[paper.pk]),
        {"title": "Notitie", "visibility": Visibility.RESTRICTED},
    )
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.visibility == Visibility.RESTRICTED
    assert LogEntry.objects.get_for_object(paper).order_by("-pk").first().actor == secretaris
    client.force_login(personas["lid"])
    page = client.get(reverse("meetings:agenda", args=[item.meeting_id])).content.decode()
    assert "Notitie" not in page
    download = client.get(reverse("meetings:document_download", args=[paper.pk]))
    assert download.status_code == 404


def test_the_agenda_with_versions_runs_constant_queries(
    client, lid, item, papers_root, assert_constant_queries
):
    publish(item.meeting)
    client.force_login(lid)

    def add_rows(n):
        for _ in range(n):
            old = AgendaDocumentFactory(agenda_item=item, superseded_at=timezone.now())
            AgendaDocumentFactory(agenda_item=item, previous=old)

    assert_constant_queries(
        lambda: client.get(reverse("meetings:agenda", args=[item.meeting_id])),
        expected=6,
        add_rows=add_rows,
    )
