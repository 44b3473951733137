"""Signing the confidentiality declaration: the text, its version, a confirmation; after signing
the member sees the council's content, before it nothing confidential."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.dates import add_months
from members.models import ConfidentialityDeclaration
from members.tests.factories import DocumentFactory, TermFactory, UserFactory
from wijraad.models import Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]


def test_an_unsigned_member_is_asked_to_sign_on_the_dashboard(client, lid_ongetekend):
    client.force_login(lid_ongetekend)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Onderteken de geheimhoudingsverklaring" in html
    assert reverse("members:declaration") in html


def test_the_page_shows_the_text_and_its_version(client, lid_ongetekend):
    client.force_login(lid_ongetekend)
    html = client.get(reverse("members:declaration")).content.decode()
    assert "De tekst, versie 2026-1 (geldig vanaf 1 januari 2026)" in html
    assert "Ik ben lid van de WIJ-raad, de cliëntenraad van WIJ Groningen." in html
    assert "Ik heb de geheimhoudingsverklaring gelezen en ik houd me eraan." in html


def test_signing_needs_the_confirmation(client, lid_ongetekend):
    client.force_login(lid_ongetekend)
    response = client.post(reverse("members:declaration"), {})
    assert response.status_code == 200
    assert "Zet een vinkje om te laten zien dat je akkoord bent." in response.content.decode()
    assert not ConfidentialityDeclaration.objects.filter(person=lid_ongetekend).exists()


def test_after_signing_the_member_sees_the_councils_content(client, lid_ongetekend):
    DocumentFactory(title="Huishoudelijk reglement", visibility=Visibility.COUNCIL)
    client.force_login(lid_ongetekend)
    documents = client.get(reverse("members:documents")).content.decode()
    assert "Huishoudelijk reglement" not in documents
    assert "Lees en onderteken de geheimhoudingsverklaring" in documents
    assert client.get(reverse("members:people")).status_code == 403

    response = client.post(reverse("members:declaration"), {"confirm": "on"})
    assert response["Location"] == reverse("dashboard")
    declaration = ConfidentialityDeclaration.objects.get(person=lid_ongetekend)
    assert declaration.version == "2026-1"
    dashboard = client.get(response["Location"]).content.decode()
    assert "Bedankt voor het ondertekenen van de geheimhoudingsverklaring." in dashboard
    assert "Onderteken de geheimhoudingsverklaring" not in dashboard
    assert "Huishoudelijk reglement" in dashboard  # recent documents
    assert "Huishoudelijk reglement" in client.get(reverse("members:documents")).content.decode()
    assert client.get(reverse("members:people")).status_code == 200


def test_someone_who_signed_sees_when_and_cannot_sign_again(client, lid):
    client.force_login(lid)
    html = client.get(reverse("members:declaration")).content.decode()
    assert "Je hebt ondertekend" in html
    assert "Versie 2026-1, op" in html
    assert 'name="confirm"' not in html
    assert client.post(reverse("members:declaration"), {"confirm": "on"}).status_code == 403
    assert ConfidentialityDeclaration.objects.filter(person=lid).count() == 1


# The staff secretary (`secretaris`) signs too: members/tests/test_security.py.
@pytest.mark.parametrize("persona", ["bestuurder", "beheerder"])
def test_others_may_read_but_not_sign(client, personas, persona):
    client.force_login(personas[persona])
    html = client.get(reverse("members:declaration")).content.decode()
    assert "versie 2026-1" in html
    assert (
        "Alleen wie benoemd is in de raad, of de ambtelijk secretaris, ondertekent deze "
        "verklaring." in html
    )
    assert client.post(reverse("members:declaration"), {"confirm": "on"}).status_code == 403
    assert not ConfidentialityDeclaration.objects.filter(person=personas[persona]).exists()


def test_someone_appointed_for_a_coming_term_signs_before_it_starts(client):
    person = UserFactory()
    TermFactory(person=person, start=add_months(timezone.localdate(), 2))
    client.force_login(person)
    assert (
        "Onderteken de geheimhoudingsverklaring"
        in client.get(reverse("dashboard")).content.decode()
    )
    response = client.post(reverse("members:declaration"), {"confirm": "on"})
    assert response.status_code == 302
    assert person.declarations.count() == 1


def test_a_refusal_shows_the_way_to_sign_only_to_the_unsigned(client, lid_ongetekend, oud_lid):
    client.force_login(lid_ongetekend)
    refused = client.get(reverse("members:term_schedule"))
    assert refused.status_code == 403
    assert "Lees en onderteken de geheimhoudingsverklaring" in refused.content.decode()
    client.force_login(oud_lid)
    refused = client.get(reverse("members:term_schedule"))
    assert refused.status_code == 403
    assert "onderteken" not in refused.content.decode().lower()


@pytest.mark.parametrize("persona", ["lid_ongetekend", "lid"])
def test_the_page_has_constant_queries(client, personas, assert_constant_queries, persona):
    client.force_login(personas[persona])
    # user, the text in force, the person's signatures (the roles come from the cache)
    assert_constant_queries(lambda: client.get(reverse("members:declaration")), expected=3)
