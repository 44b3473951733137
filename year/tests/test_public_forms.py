"""The application form and the "let me know" form hold abuse off before anything is stored:
a rate limit per client address, a honeypot and a proof-of-work challenge (wijraad.public_forms).
"""

import pytest
from django.urls import reverse

from year.models import Application, VacancyAlert
from year.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db
ALERT = reverse("year:alert")
APPLY = reverse("year:apply")


@pytest.fixture(autouse=True)
def dutch(client):
    client.cookies["django_language"] = "nl"


def alert_data(solved, **overrides):
    return {"email": "inwoner@example.org", "consent": "on", "altcha": solved(), **overrides}


def application_data(solved, pdf_upload, **overrides):
    data = {
        "name": "Anna de Vries",
        "email": "anna@example.org",
        "cv": pdf_upload("cv.pdf"),
        "letter": pdf_upload("brief.pdf"),
        "altcha": solved(),
    }
    return {**data, **overrides}


def test_both_forms_carry_the_challenge_and_the_honeypot(client):
    html = client.get(reverse("year:vacancy")).text
    for marker in ('name="website"', "data-challenge=", "js/challenge.js"):
        assert marker in html
    VacancyFactory()
    html = client.get(APPLY).text
    for marker in ('name="website"', "data-challenge=", "js/challenge.js"):
        assert marker in html


def test_too_many_addresses_from_one_connection_are_refused(client, solved, settings):
    settings.RECRUITMENT_RATE_LIMITS = [(2, 600)]
    for n in range(2):
        data = alert_data(solved, email=f"inwoner{n}@example.org")
        assert client.post(ALERT, data, REMOTE_ADDR="10.0.0.1").status_code == 302
    refused = client.post(ALERT, alert_data(solved), REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert "Probeer het later opnieuw" in refused.text
    assert "niet bewaard" in refused.text
    assert VacancyAlert.objects.count() == 2
    assert client.post(ALERT, alert_data(solved), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_too_many_applications_are_refused_and_nothing_is_kept(
    client, solved, pdf_upload, private_root, settings, django_assert_num_queries
):
    settings.RECRUITMENT_RATE_LIMITS = [(1, 600)]
    VacancyFactory()
    assert client.post(APPLY, application_data(solved, pdf_upload)).status_code == 302
    data = application_data(solved, pdf_upload, email="bot@example.org")
    # One query finds the open vacancy; the flood costs nothing more.
    with django_assert_num_queries(1):
        refused = client.post(APPLY, data)
    assert refused.status_code == 429
    assert "Probeer het later opnieuw" in refused.text
    assert list(Application.objects.values_list("email", flat=True)) == ["anna@example.org"]
    assert len([p for p in private_root.rglob("*") if p.is_file()]) == 2


@pytest.mark.parametrize("payload", ["", "bm9uc2Vuc2U=", "x" * 3000])
def test_a_bot_failing_the_challenge_stores_nothing(
    client, solved, pdf_upload, private_root, payload
):
    refused = client.post(ALERT, alert_data(solved, altcha=payload))
    assert refused.status_code == 400
    assert "controle of je een mens bent" in refused.text
    assert not VacancyAlert.objects.exists()
    VacancyFactory()
    refused = client.post(APPLY, application_data(solved, pdf_upload, altcha=payload))
    assert refused.status_code == 400
    assert "controle of je een mens bent" in refused.text
    assert not Application.objects.exists()
    assert not any(p.is_file() for p in private_root.rglob("*"))


def test_a_replayed_challenge_is_refused(client, solved):
    data = alert_data(solved)
    assert client.post(ALERT, data).status_code == 302
    replay = client.post(ALERT, {**data, "email": "ander@example.org"})
    assert replay.status_code == 400
    assert VacancyAlert.objects.count() == 1


def test_the_honeypot(client, solved, pdf_upload, private_root):
    assert client.post(ALERT, alert_data(solved, website="http://spam.example")).status_code == 400
    assert not VacancyAlert.objects.exists()
    VacancyFactory()
    data = application_data(solved, pdf_upload, website="http://spam.example")
    assert client.post(APPLY, data).status_code == 400
    assert not Application.objects.exists()
