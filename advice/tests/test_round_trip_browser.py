"""In real Chromium, the whole round trip of an advice: the board asks, the secretary puts it on
a council agenda, the working group drafts, a member comments, the chair records the adoption in
the meeting and sends it; the board tries not to follow it and is stopped until it gives reasons
and a consultation with the dossier on its agenda was held; the council sees the answer. Then
unrequested advice, and a consent request ending in replacement consent. Every page checked
with axe."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import BoardAnswer, ConsentOutcome, Dossier, DossierKind, DossierState
from advice.tests.conftest import PDF
from advice.tests.factories import AdoptedAdviceFactory, TopicFactory
from meetings.models import Meeting, MeetingKind, MeetingState
from meetings.tests.factories import LocationFactory, MeetingFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(page, url):
    page.goto(url)
    assert_accessible(page)


def hold(meeting):
    """The meeting took place yesterday."""
    Meeting.objects.filter(pk=meeting.pk).update(
        state=MeetingState.HELD, date=timezone.localdate() - datetime.timedelta(days=1)
    )


def as_user(page, login_as, user):
    page.context.clear_cookies()
    login_as(user)


def put_on_agenda(page, dossier, meeting):
    visit(page, reverse("advice:agenda", args=[dossier.pk]))
    page.select_option("#id_meeting", str(meeting.pk))
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")


def test_requested_advice_round_trip(
    page, login_as, bestuurder, secretaris, lid, voorzitter, advice_root
):
    TopicFactory(name="Privacy")
    coming = timezone.localdate() + datetime.timedelta(days=10)
    location = LocationFactory(name="WIJ Vinkhuizen")
    council = MeetingFactory(kind=MeetingKind.COUNCIL, date=coming, location=location)
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION,
        date=coming,
        location=location,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
    )

    # The board asks.
    login_as(bestuurder)
    visit(page, reverse("advice:submit"))
    page.check("#id_kind_0")
    page.fill("#id_title", "Nieuw privacybeleid")
    page.select_option("#id_topic", label="Privacy")
    page.fill("#id_board_question", "Wat vindt de raad van het nieuwe privacybeleid?")
    page.fill("#id_intended_decision", "Het beleid per 1 juli vaststellen.")
    page.set_input_files(
        "#id_upload", files=[{"name": "beleid.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Aanvraag versturen").click()
    dossier = Dossier.objects.get()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    assert_accessible(page)
    assert dossier.reference in page.content()

    # The secretary puts it on a council agenda and names the working group.
    as_user(page, login_as, secretaris)
    put_on_agenda(page, dossier, council)
    visit(page, reverse("meetings:agenda", args=[council.pk]))
    page.get_by_role("link", name=f"Adviesdossier {dossier.reference}").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    visit(page, reverse("advice:working_group", args=[dossier.pk]))
    page.get_by_label(lid.name).check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")

    # The working group drafts; a member comments.
    as_user(page, login_as, lid)
    visit(page, reverse("advice:drafts", args=[dossier.pk]))
    page.fill("#id_text", "De raad adviseert het beleid.\nMet meer uitleg aan inwoners.")
    page.get_by_role("button", name="Bewaren als nieuwe versie").click()
    page.wait_for_url("**/versie/*/")
    assert_accessible(page)
    page.fill("#id_text", "Graag ook in eenvoudige taal.")
    page.get_by_role("button", name="Reactie toevoegen").click()
    page.wait_for_url("**/versie/*/")
    assert "Graag ook in eenvoudige taal." in page.content()
    visit(page, reverse("advice:drafts", args=[dossier.pk]))
    page.fill("#id_text", "De raad adviseert het beleid.\nMet uitleg in eenvoudige taal.")
    page.get_by_role("button", name="Bewaren als nieuwe versie").click()
    page.wait_for_url("**/versie/*/")
    page.get_by_role("link", name="versie 1").click()
    page.wait_for_url("**/verschil/*/")
    assert_accessible(page)

    # The council decided in its meeting: the chair records it and sends it.
    hold(council)
    as_user(page, login_as, voorzitter)
    visit(page, reverse("advice:adopt", args=[dossier.pk]))
    page.select_option("#id_meeting", str(council.pk))
    page.fill("#id_reasons", "Inwoners moeten weten wat er met hun gegevens gebeurt.")
    page.fill("#id_summary", "De raad vindt het beleid goed, als WIJ het duidelijk uitlegt.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    page.get_by_role("button", name="Advies naar het bestuur sturen").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    assert_accessible(page)
    assert Dossier.objects.get().state == DossierState.SENT
    visit(page, reverse("advice:letter", args=[dossier.pk]))

    # The board tries not to follow it: stopped, and told what is missing.
    as_user(page, login_as, bestuurder)
    visit(page, reverse("dashboard"))
    assert "Nieuw privacybeleid" in page.content()
    visit(page, reverse("advice:answer", args=[dossier.pk]))
    page.get_by_label("Volgt het advies niet").check()
    page.fill("#id_text", "Het bestuur volgt het advies niet.")
    page.get_by_role("button", name="Antwoord versturen").click()
    assert_accessible(page)
    assert "er moet een overlegvergadering gehouden zijn" in page.content()
    page.fill("#id_reasons", "Uitleg in eenvoudige taal kost te veel tijd.")
    page.get_by_role("button", name="Antwoord versturen").click()
    assert "er moet een overlegvergadering gehouden zijn" in page.content()
    assert not BoardAnswer.objects.exists()

    # The consultation with the dossier on its agenda is held; now the board may deviate.
    as_user(page, login_as, secretaris)
    put_on_agenda(page, dossier, consultation)
    hold(consultation)
    as_user(page, login_as, bestuurder)
    visit(page, reverse("advice:answer", args=[dossier.pk]))
    page.get_by_label("Volgt het advies niet").check()
    page.fill("#id_text", "Het bestuur volgt het advies niet.")
    page.fill("#id_reasons", "Uitleg in eenvoudige taal kost te veel tijd.")
    page.select_option("#id_consultation", str(consultation.pk))
    page.get_by_role("button", name="Antwoord versturen").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    assert Dossier.objects.get().state == DossierState.ANSWERED

    # The council sees the answer; its dashboard has nothing left to prepare.
    as_user(page, login_as, lid)
    visit(page, reverse("advice:detail", args=[dossier.pk]))
    assert "Volgt het advies niet" in page.content()
    visit(page, reverse("dashboard"))
    assert "Geen advies voor te bereiden." in page.content()


def test_unrequested_advice_is_opened_by_the_council(page, login_as, voorzitter, bestuurder):
    TopicFactory(name="Locatie en ontvangst")
    login_as(voorzitter)
    visit(page, reverse("advice:open"))
    page.fill("#id_title", "Wachtruimte in Beijum")
    page.select_option("#id_topic", label="Locatie en ontvangst")
    page.fill("#id_board_question", "Inwoners vinden de wachtruimte te open.")
    page.get_by_role("button", name="Opslaan").click()
    dossier = Dossier.objects.get()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    assert_accessible(page)
    assert dossier.kind == DossierKind.UNREQUESTED
    as_user(page, login_as, bestuurder)
    response = page.request.get(reverse("advice:detail", args=[dossier.pk]))
    assert response.status == 404


def test_a_consent_request_ends_in_replacement_consent(page, login_as, bestuurder, advice_root):
    advice = AdoptedAdviceFactory(
        dossier__kind=DossierKind.CONSENT,
        dossier__state=DossierState.SENT,
        dossier__sent_at=timezone.now() - datetime.timedelta(days=5),
        dossier__year=timezone.localdate().year,
        consent=ConsentOutcome.REFUSED,
    )
    dossier = advice.dossier
    login_as(bestuurder)
    visit(page, reverse("advice:carried_out", args=[dossier.pk]))
    page.get_by_role("button", name="Opslaan").click()
    assert "vervangende instemming" in page.content()
    assert_accessible(page)
    visit(page, reverse("advice:replacement_consent", args=[dossier.pk]))
    page.fill("#id_decided_on", timezone.localdate().isoformat())
    page.set_input_files(
        "#id_upload", files=[{"name": "besluit.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    page.get_by_role("link", name=re.compile("Besluit als uitgevoerd markeren")).click()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    assert_accessible(page)
    assert Dossier.objects.get().state == DossierState.CLOSED
