"""Downloads of dossier documents and of the committee's replacement consent: who gets the file
(each response read and closed), and every download logged."""

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.urls import reverse

from advice.models import DossierKind, DossierState
from advice.tests.factories import (
    AdoptedAdviceFactory,
    DossierDocumentFactory,
    DossierFactory,
    ReplacementConsentFactory,
)
from wijraad.models import DownloadLog, Visibility
from wijraad.testing.matrix import LOGIN, logged_in

BOARD_AND_COUNCIL = logged_in(404, lid=200, voorzitter=200, secretaris=200, bestuurder=200)


def fetch(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if response.streaming:
        # Read and close the file as the test client would, without ending the test's database
        # connection (closing a response sends request_finished).
        b"".join(response.streaming_content)
        request_finished.disconnect(close_old_connections)
        try:
            response.close()
        finally:
            request_finished.connect(close_old_connections)
    return response


def outcome(response):
    if response.status_code == 302 and "/account/login" in response.headers["Location"]:
        return LOGIN
    return response.status_code


@pytest.mark.django_db
def test_a_dossier_document(client, personas, advice_root):
    document = DossierDocumentFactory(dossier__state=DossierState.RECEIVED)
    url = reverse("advice:document", args=[document.pk])
    got = {name: outcome(fetch(client, user, url)) for name, user in personas.items()}
    assert got == BOARD_AND_COUNCIL
    assert DownloadLog.objects.count() == 4


@pytest.mark.django_db
def test_a_council_document_of_a_board_request_is_not_the_boards(
    client, bestuurder, lid, advice_root
):
    document = DossierDocumentFactory(visibility=Visibility.COUNCIL)
    url = reverse("advice:document", args=[document.pk])
    assert outcome(fetch(client, bestuurder, url)) == 404
    assert outcome(fetch(client, lid, url)) == 200


@pytest.mark.django_db
def test_the_replacement_consent(client, personas, advice_root):
    advice = AdoptedAdviceFactory(
        dossier__kind=DossierKind.CONSENT, dossier__state=DossierState.SENT, consent="refused"
    )
    ReplacementConsentFactory(dossier=advice.dossier)
    url = reverse("advice:replacement_document", args=[advice.dossier.pk])
    got = {name: outcome(fetch(client, user, url)) for name, user in personas.items()}
    assert got == BOARD_AND_COUNCIL


@pytest.mark.django_db
def test_no_replacement_consent_is_404(client, lid):
    dossier = DossierFactory()
    url = reverse("advice:replacement_document", args=[dossier.pk])
    assert outcome(fetch(client, lid, url)) == 404
