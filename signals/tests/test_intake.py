"""The public form: a signal stored once, abuse held off, the confirmation page and e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from signals.models import Signal, SignalContact
from wijraad import deliveries
from wijraad.models import Delivery

pytestmark = pytest.mark.django_db
URL = reverse("signals:submit")


def test_the_form_needs_no_login_and_warns_about_names(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "geen namen van andere mensen" in html
    assert 'name="website"' in html  # the honeypot
    assert "data-challenge=" in html
    assert "js/challenge.js" in html


def test_a_signal_without_contact_details(client, form_data):
    response = client.post(URL, form_data())
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.channel == "form"
    assert not SignalContact.objects.exists()
    assert signal.status_selector is None
    page = client.get(response["Location"])
    assert signal.reference in page.content.decode()
    assert "e-mail" not in page.content.decode().split(signal.reference)[1].split("</main>")[0]


def test_with_an_e_mail_address_the_resident_gets_the_reference_and_a_private_link(
    client, form_data, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            form_data(name="Anna", email="anna@example.net", consent="on"),
        )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.contact.email == "anna@example.net"
    deliveries.sweep()
    for delivery in Delivery.objects.filter(state="pending"):
        deliveries.deliver(delivery.pk)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert signal.reference in message.subject
    token = signal.status_token()
    assert token not in (signal.status_hash, signal.status_selector)
    link = reverse("signals:status", args=[token])
    assert link in message.body
    assert link in message.alternatives[0][0]
    assert message.to == ["anna@example.net"]
    # Only the hash of the secret half is stored.
    assert token[16:] not in str(Signal.objects.values().get())


def test_contact_details_need_the_consent_box(client, form_data):
    response = client.post(URL, form_data(email="anna@example.net"))
    assert response.status_code == 400
    assert "Vink het vakje aan" in response.content.decode()
    assert not Signal.objects.exists()


def test_a_double_post_stores_one_signal(client, form_data):
    data = form_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert Signal.objects.count() == 1


def test_a_replayed_challenge_is_refused(client, form_data):
    data = form_data()
    client.post(URL, data)
    replay = client.post(URL, {**data, "intake_key": "5f0c6a4e-6a0e-4a51-9b52-2b8f3e3f2a10"})
    assert replay.status_code == 400
    assert "controle of je een mens bent" in replay.content.decode()
    assert Signal.objects.count() == 1


@pytest.mark.parametrize("payload", ["", "bm9uc2Vuc2U=", "x" * 3000])
def test_a_failed_challenge_is_refused(client, form_data, payload):
    response = client.post(URL, form_data(altcha=payload))
    assert response.status_code == 400
    assert "controle of je een mens bent" in response.content.decode()
    assert not Signal.objects.exists()


def test_the_honeypot(client, form_data):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not Signal.objects.exists()


def test_the_rate_limit_per_address(client, form_data, settings):
    settings.SIGNAL_RATE_LIMITS = [(2, 600)]
    assert client.post(URL, form_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(URL, form_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    refused = client.post(URL, form_data(), REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert "later opnieuw" in refused.content.decode()
    assert client.post(URL, form_data(), REMOTE_ADDR="10.0.0.2").status_code == 302
    assert Signal.objects.count() == 3


def test_a_flood_costs_no_database_query(client, form_data, settings, django_assert_num_queries):
    settings.SIGNAL_RATE_LIMITS = [(1, 600)]
    client.post(URL, form_data())
    data = form_data()
    with django_assert_num_queries(0):
        refused = client.post(URL, data)
    assert refused.status_code == 429


def test_the_form_in_english(client):
    client.cookies["django_language"] = "en"
    html = client.get(URL).content.decode()
    assert "Tell us what you experienced" in html
    assert "Please do not write names of other people" in html


def test_the_client_address_follows_the_trusted_proxy_rule(client, form_data, settings):
    settings.SIGNAL_RATE_LIMITS = [(1, 600)]
    settings.TRUSTED_PROXY_COUNT = 1
    first = client.post(URL, form_data(), HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.9")
    other = client.post(URL, form_data(), HTTP_X_FORWARDED_FOR="5.6.7.8", REMOTE_ADDR="10.0.0.9")
    again = client.post(URL, form_data(), HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.9")
    assert (first.status_code, other.status_code, again.status_code) == (302, 302, 429)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"story": ""}, "Vertel ons wat er gebeurde."),
        ({"story": "x" * 100_000}, "Je verhaal is te lang"),
        ({"theme": "999999"}, "Kies een van de thema"),
        ({"location": "999999"}, "Kies een van de WIJ-locaties"),
        ({"email": "geen-adres", "consent": "on"}, "geldig e-mailadres"),
        ({"phone": "<script>", "consent": "on"}, "alleen met cijfers"),
    ],
)
def test_bad_input_gets_a_clear_dutch_message(client, form_data, overrides, message):
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Signal.objects.exists()


def test_scripts_in_every_field_are_inert(client, form_data, secretaris):
    script = '<script>alert("x")</script>'
    client.post(
        URL,
        form_data(
            story=script, neighbourhood=script, name=script, email="a@example.net", consent="on"
        ),
    )
    signal = Signal.objects.get()
    confirmation = client.get(reverse("signals:submitted"))
    assert script not in confirmation.content.decode()
    client.force_login(secretaris)
    for url in (
        reverse("signals:detail", args=[signal.pk]),
        reverse("signals:contact", args=[signal.pk]),
        reverse("signals:list"),
    ):
        html = client.get(url).content.decode()
        assert script not in html
    detail = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert "&lt;script&gt;" in detail


def test_the_confirmation_page_without_a_submission_goes_to_the_form(client):
    response = client.get(reverse("signals:submitted"))
    assert response.status_code == 302
    assert response["Location"] == URL
