"""The advice pages through HTTP: the board's request, the council's drafts, adopting, sending,
the board's answer, the letter and its PDF, the public page; bad input refused in Dutch."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from advice.models import BoardAnswer, Dossier, DossierState, DraftVersion, Topic
from advice.tests.factories import (
    AdoptedAdviceFactory,
    DossierFactory,
    DraftVersionFactory,
)
from meetings.models import MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory

SCRIPT = '<script>alert("x")</script><b>vet</b>'


@pytest.fixture
def dutch(client):
    client.cookies["django_language"] = "nl"
    return client


def test_the_board_submits_a_request_with_a_document(
    db, login, bestuurder, topic, advice_root, pdf_upload
):
    client = login(bestuurder)
    response = client.post(
        reverse("advice:submit"),
        {
            "kind": "requested",
            "title": "Nieuwe openingstijden",
            "topic": topic.pk,
            "board_question": "Wat vindt de raad?",
            "intended_decision": "Korter open.",
            "decision_planned_on": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(),
            "upload": pdf_upload("notitie.pdf"),
            "document_title": "Notitie",
        },
    )
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert dossier.requested_by == bestuurder
    assert dossier.documents.get().title == "Notitie"
    page = client.get(reverse("advice:detail", args=[dossier.pk])).content.decode()
    assert dossier.reference in page
    assert reverse("advice:drafts", args=[dossier.pk]) not in page


def test_a_disguised_upload_is_refused_and_nothing_made(
    db, login, bestuurder, topic, advice_root, pdf_upload, dutch
):
    client = login(bestuurder)
    response = client.post(
        reverse("advice:submit"),
        {
            "kind": "consent",
            "title": "Kwaliteitsbeleid",
            "topic": topic.pk,
            "board_question": "Geeft de raad instemming?",
            "intended_decision": "Vaststellen.",
            "upload": pdf_upload("virus.pdf", b"MZ\x90\x00 not a pdf at all"),
        },
    )
    assert response.status_code == 400
    assert not Dossier.objects.exists()


def test_a_deadline_before_the_request_is_refused_in_dutch(db, login, secretaris, topic, dutch):
    client = login(secretaris)
    response = client.post(
        reverse("advice:register"),
        {
            "kind": "requested",
            "title": "Per brief",
            "topic": topic.pk,
            "board_question": "Vraag",
            "intended_decision": "Besluit",
            "requested_on": "2026-03-10",
            "advice_due": "2026-03-01",
        },
    )
    assert response.status_code == 400
    assert (
        "De termijn voor het advies kan niet vóór de aanvraag liggen." in response.content.decode()
    )
    assert not Dossier.objects.exists()


def test_a_stale_draft_form_changes_nothing(db, login, lid):
    version = DraftVersionFactory(number=1)
    dossier = version.dossier
    stale = dossier.revision
    dossier.revision += 1
    dossier.save()
    response = login(lid).post(
        reverse("advice:drafts", args=[dossier.pk]), {"text": "Nieuw", "revision": stale}
    )
    assert response.status_code == 400
    assert DraftVersion.objects.count() == 1


def test_html_in_texts_stays_inert(db, login, lid):
    first = DraftVersionFactory(number=1, text="Eerste regel")
    second = DraftVersionFactory(dossier=first.dossier, number=2, text=SCRIPT)
    client = login(lid)
    for url in (
        reverse("advice:version", args=[second.pk]),
        reverse("advice:diff", args=[second.pk, first.pk]),
    ):
        page = client.get(url).content.decode()
        assert SCRIPT not in page
        assert "&lt;script&gt;" in page


def test_the_board_is_stopped_when_deviating_without_a_consultation(db, login, bestuurder, dutch):
    advice = AdoptedAdviceFactory(dossier__state=DossierState.SENT, dossier__sent_at=timezone.now())
    dossier = advice.dossier
    url = reverse("advice:answer", args=[dossier.pk])
    response = login(bestuurder).post(url, {"position": "not_follows", "text": "Nee"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "overlegvergadering" in page
    assert "redenen" in page
    assert not BoardAnswer.objects.exists()


def test_the_letter_and_its_pdf_hold_the_reference(db, login, bestuurder, voorzitter):
    advice = AdoptedAdviceFactory(
        dossier__state=DossierState.SENT,
        dossier__sent_at=timezone.now(),
        text=f"Ons advies {SCRIPT}",
    )
    reference = advice.dossier.reference
    client = login(bestuurder)
    page = client.get(reverse("advice:letter", args=[advice.dossier.pk])).content.decode()
    assert reference in page
    assert SCRIPT not in page
    response = client.get(reverse("advice:letter_pdf", args=[advice.dossier.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert reference in text
    assert "Anneke Dijkstra" in text  # the chair signs
    assert '<script>alert("x")</script>' in text  # shown as text, never run


def test_adopting_in_the_meeting_and_sending(db, login, voorzitter, secretaris):
    version = DraftVersionFactory(number=1)
    dossier = version.dossier
    meeting = MeetingFactory(
        kind=MeetingKind.COUNCIL, date=timezone.localdate() + datetime.timedelta(days=5)
    )
    client = login(secretaris)
    client.post(reverse("advice:agenda", args=[dossier.pk]), {"meeting": meeting.pk})
    meeting.state = MeetingState.HELD
    meeting.date = timezone.localdate() - datetime.timedelta(days=1)
    meeting.save()
    client = login(voorzitter)
    response = client.post(
        reverse("advice:adopt", args=[dossier.pk]),
        {
            "version": version.pk,
            "meeting": meeting.pk,
            "reasons": "Omdat",
            "summary": "Kort",
            "revision": Dossier.objects.get().revision,
        },
    )
    assert response.status_code == 302
    client.post(reverse("advice:send", args=[dossier.pk]))
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SENT


def test_the_public_page_shows_summaries_only(db, client, voorzitter):
    advice = AdoptedAdviceFactory(
        dossier__state=DossierState.SENT,
        dossier__sent_at=timezone.now(),
        dossier__published_at=timezone.now(),
        text="Vertrouwelijke tekst",
        summary="Samenvatting voor iedereen",
    )
    page = client.get(reverse("advice:published")).content.decode()
    assert "Samenvatting voor iedereen" in page
    assert "Vertrouwelijke tekst" not in page
    assert advice.dossier.title in page


def test_the_list_asks_the_same_queries_for_5_and_50(db, login, lid, assert_constant_queries):
    client = login(lid)
    assert_constant_queries(
        lambda: client.get(reverse("advice:list")),
        expected=QUERIES_LIST,
        add_rows=lambda n: DossierFactory.create_batch(n),
    )


def test_the_public_page_asks_the_same_queries_for_5_and_50(db, client, assert_constant_queries):
    def add(n):
        for _ in range(n):
            AdoptedAdviceFactory(
                dossier__state=DossierState.SENT,
                dossier__sent_at=timezone.now(),
                dossier__published_at=timezone.now(),
            )

    assert_constant_queries(
        lambda: client.get(reverse("advice:published")), expected=QUERIES_PUBLIC, add_rows=add
    )


QUERIES_LIST = 3  # session user, the page of dossiers, their count (roles: cached)
QUERIES_PUBLIC = 2


def test_the_home_page_shows_the_latest_published_advice(db, client):
    AdoptedAdviceFactory(
        dossier__title="Betere ontvangst op de locaties",
        dossier__state=DossierState.SENT,
        dossier__sent_at=timezone.now(),
        dossier__published_at=timezone.now(),
        summary="Meer tijd voor inwoners aan de balie.",
    )
    AdoptedAdviceFactory(dossier__title="Nog niet openbaar", dossier__state=DossierState.SENT)
    page = client.get(reverse("home")).content.decode()
    assert "Ons laatste advies" in page
    assert "Meer tijd voor inwoners aan de balie." in page
    assert "Nog niet openbaar" not in page


def test_a_dossier_page_asks_the_same_queries_however_long_its_history(
    db, login, lid, assert_constant_queries
):
    advice = AdoptedAdviceFactory(dossier__state=DossierState.SENT, dossier__sent_at=timezone.now())
    dossier = advice.dossier
    client = login(lid)

    def add(n):
        from advice.tests.factories import DraftCommentFactory

        for _ in range(n):
            dossier.state_changes.create(to_state=DossierState.SENT, by=lid)
            DraftCommentFactory(version=advice.version)

    assert_constant_queries(
        lambda: client.get(reverse("advice:detail", args=[dossier.pk])),
        expected=QUERIES_DETAIL,
        add_rows=add,
    )


# One of them is the signals behind the dossier (the signals app holds the link).
QUERIES_DETAIL = 8


def test_the_agenda_item_shows_its_dossier(db, login, secretaris, lid):
    dossier = DossierFactory(state=DossierState.RECEIVED)
    meeting = MeetingFactory(
        kind=MeetingKind.COUNCIL, date=timezone.localdate() + datetime.timedelta(days=5)
    )
    login(secretaris).post(reverse("advice:agenda", args=[dossier.pk]), {"meeting": meeting.pk})
    page = login(secretaris).get(reverse("meetings:agenda", args=[meeting.pk])).content.decode()
    assert f"Adviesdossier {dossier.reference}" in page
    assert dossier.get_absolute_url() in page


def stored(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_a_too_large_upload_is_refused_before_the_disk(
    db, login, secretaris, advice_root, pdf_upload, settings, dutch
):
    settings.MAX_UPLOAD_SIZE = 64 * 1024
    dossier = DossierFactory()
    big = pdf_upload("groot.pdf", b"%PDF-1.7\n" + b"0" * (settings.MAX_UPLOAD_SIZE * 3))
    response = login(secretaris).post(
        reverse("advice:document_add", args=[dossier.pk]), {"upload": big, "visibility": "board"}
    )
    assert response.status_code == 400
    assert "Dit bestand is te groot" in response.content.decode()
    assert not dossier.documents.exists()
    assert stored(advice_root) == []


def test_answering_a_dossier_not_sent_to_the_board(db, login, bestuurder):
    internal = DossierFactory(kind="unrequested", visibility="council", state="in_preparation")
    own_request = DossierFactory(state=DossierState.IN_PREPARATION)
    client = login(bestuurder)
    data = {"position": "follows", "text": "Ja"}
    assert client.post(reverse("advice:answer", args=[internal.pk]), data).status_code == 404
    assert client.post(reverse("advice:answer", args=[own_request.pk]), data).status_code == 403
    assert client.get(reverse("advice:letter", args=[own_request.pk])).status_code == 403
    assert not BoardAnswer.objects.exists()


def test_the_menu_leads_to_advice(db, login, client, lid, oud_lid):
    assert 'href="/advies/gepubliceerd/"' in client.get(reverse("home")).content.decode()
    assert 'href="/advies/"' in login(lid).get(reverse("dashboard")).content.decode()
    assert 'href="/advies/"' not in login(oud_lid).get(reverse("dashboard")).content.decode()


def test_the_secretary_keeps_the_topics(db, login, secretaris, topic, dutch):
    client = login(secretaris)
    client.post(reverse("advice:topics"), {"name": "Wachttijden"})
    response = client.post(reverse("advice:topics"), {"name": "privacy"})
    assert "Dit onderwerp staat al op de lijst." in response.content.decode()
    client.post(reverse("advice:topics"), {"toggle": topic.pk})
    topic.refresh_from_db()
    assert not topic.is_active
    assert Topic.objects.filter(name="Wachttijden").exists()
    assert Topic.objects.filter(name__iexact="privacy").count() == 1


def test_the_list_goes_by_pages_newest_first(db, login, lid):
    oldest = DossierFactory(title="Het oudste dossier", number=1)
    DossierFactory.create_batch(50)
    client = login(lid)
    first = client.get(reverse("advice:list")).content.decode()
    assert "Het oudste dossier" not in first
    assert "Pagina 1 van 2" in first
    second = client.get(reverse("advice:list") + "?page=2").content.decode()
    assert oldest.title in second
