"""Sessions end by inactivity and by age; security events are logged without secrets."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from wijraad.security import JSONFormatter, address_hash
from wijraad.tests.conftest import PASSWORD


def log_in(client, email=None, password=PASSWORD):
    return client.post(
        reverse("account_login"), {"login": email or "kees@example.org", "password": password}
    )


@pytest.mark.django_db
def test_session_ends_after_thirty_minutes_without_activity(client, kees):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert log_in(client).status_code == 302
        clock.shift(timedelta(minutes=29))
        assert client.get(reverse("dashboard")).status_code == 200
        clock.shift(timedelta(minutes=29))  # activity 29 minutes ago: still fine
        assert client.get(reverse("dashboard")).status_code == 200
        clock.shift(timedelta(minutes=31))
        response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    page = client.get(response["Location"]).content.decode()
    assert "Je bent uitgelogd omdat je sessie verlopen was." in page


@pytest.mark.django_db
def test_session_ends_after_ten_hours_even_when_active(client, kees):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        log_in(client)
        for _ in range(25):
            clock.shift(timedelta(minutes=29))
            if client.get(reverse("dashboard")).status_code != 200:
                break
        elapsed = timezone.now() - start
    assert timedelta(hours=10) < elapsed <= timedelta(hours=10, minutes=29)


def test_login_cookie_lasts_no_longer_than_the_browser(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.ACCOUNT_SESSION_REMEMBER is False


@pytest.mark.django_db
def test_login_and_failed_login_are_logged_without_secrets(client, kees, caplog, security_records):
    log_in(client, password="fout-wachtwoord-123")
    log_in(client)
    events = security_records()
    failed, login = events[0], events[-1]
    assert failed["event"] == "login_failed"
    assert failed["account"] == address_hash("kees@example.org")
    assert login == {**login, "event": "login", "user_id": kees.pk}
    text = "\n".join(JSONFormatter().format(record) for record in caplog.records)
    assert "fout-wachtwoord" not in text
    assert PASSWORD not in text
    assert "kees@example.org" not in text
    assert json.loads(JSONFormatter().format(caplog.records[0]))["event"] == "login_failed"


@pytest.mark.django_db
@pytest.mark.urls("wijraad.tests.urls_files")
def test_refused_access_is_logged(client, kees, security_records):
    client.force_login(kees)
    assert client.get("/download/999999/x.pdf").status_code == 404
    assert client.get(f"/download/{kees.pk}/x.pdf").status_code == 403
    refused = [event for event in security_records() if event["event"] == "access_refused"]
    assert [(event["status"], event["user_id"], event["path"]) for event in refused] == [
        (404, kees.pk, "/download/999999/x.pdf"),
        (403, kees.pk, f"/download/{kees.pk}/x.pdf"),
    ]


@pytest.mark.django_db
def test_sign_up_is_closed_and_creates_nothing(client, django_user_model):
    page = client.get(reverse("account_signup"))
    assert "Je kunt jezelf niet aanmelden" in page.content.decode()
    client.post(
        reverse("account_signup"),
        {"email": "nieuw@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not django_user_model.objects.filter(email="nieuw@example.org").exists()


@pytest.mark.django_db
def test_admin_logs_in_through_allauth(client):
    response = client.get("/beheer/login/?next=/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_sixth_wrong_password_in_a_row_is_refused_even_when_right(client, kees):
    for _ in range(5):
        page = log_in(client, password="fout-wachtwoord-123")
        assert "e-mailadres en/of wachtwoord is niet correct" in page.content.decode()
    page = log_in(client)
    assert page.status_code == 200
    assert "Te veel inlogpogingen. Probeer het later nogmaals." in page.content.decode()
