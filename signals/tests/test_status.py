"""The resident's private status page: a token link, only its hash stored."""

import pytest
from django.urls import reverse

from signals import services
from signals.models import SignalState
from signals.services import triage
from signals.tests.factories import SignalFactory, signal_with_email

pytestmark = pytest.mark.django_db


def test_the_status_page_shows_the_state_and_the_outcome(client, secretaris):
    signal, token = signal_with_email(state=SignalState.TRIAGE)
    url = reverse("signals:status", args=[token])
    page = client.get(url)
    assert page.status_code == 200
    assert "Wordt bekeken" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    services.signal_transition(
        signal=signal, to=SignalState.CLOSED, by=secretaris, outcome="WIJ belt voortaan terug."
    )
    html = client.get(url).content.decode()
    assert "WIJ belt voortaan terug." in html
    assert "Afgesloten" in html


def test_a_merged_signal_shows_the_outcome_of_the_one_it_went_into(client, secretaris):
    signal, token = signal_with_email()
    main = SignalFactory(state=SignalState.TRIAGE)
    services.signal_merge(signal=signal, into=main, by=secretaris)
    services.signal_transition(
        signal=main, to=SignalState.NOT_FOR_COUNCIL, by=secretaris, referral="Bel de gemeente."
    )
    html = client.get(reverse("signals:status", args=[token])).content.decode()
    assert "Bel de gemeente." in html


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-1] + ("0" if token[-1] != "0" else "1"),  # one character off
        lambda token: token[:16],  # the selector alone
        lambda token: "0" * 48,
        lambda token: "x",
        lambda token: token + "a",
    ],
)
def test_a_forged_token_is_404(client, forge):
    _signal, token = signal_with_email()
    assert client.get(reverse("signals:status", args=[forge(token)])).status_code == 404


def test_an_old_token_of_an_anonymised_signal_is_404(client):
    signal, token = signal_with_email()
    signal.anonymised_at = signal.created_at
    signal.save()
    assert client.get(reverse("signals:status", args=[token])).status_code == 404


def test_a_wrong_token_costs_what_a_right_one_costs(monkeypatch):
    """The same work either way: one lookup by selector and one constant-time compare of hashes
    (a wrong selector is compared against a dummy hash)."""
    _signal, token = signal_with_email()
    compares = []
    original = triage.hmac.compare_digest

    def counting(a, b):
        compares.append((len(a), len(b)))
        return original(a, b)

    monkeypatch.setattr(triage.hmac, "compare_digest", counting)
    assert services.status_lookup(token) is not None
    assert services.status_lookup("f" * 16 + token[16:]) is None
    assert services.status_lookup(token[:16] + "0" * 32) is None
    assert compares == [(64, 64)] * 3


def test_the_token_is_not_stored(db):
    signal, token = signal_with_email()
    signal.refresh_from_db()
    assert token[16:] not in (signal.status_hash, signal.status_selector)
    assert len(signal.status_hash) == 64


def test_the_status_page_and_the_form_have_constant_queries(client, assert_constant_queries):
    from signals.models import SignalStateChange
    from signals.tests.factories import SignalThemeFactory

    signal, token = signal_with_email()

    def add(n):
        SignalStateChange.objects.bulk_create(
            SignalStateChange(signal=signal, from_state="new", to_state="triage") for _ in range(n)
        )
        SignalThemeFactory.create_batch(n)

    assert_constant_queries(
        lambda: client.get(reverse("signals:status", args=[token])), expected=2, add_rows=add
    )
    # The form: themes, locations and the retention period in force that its consent box names.
    assert_constant_queries(lambda: client.get(reverse("signals:submit")), expected=3, add_rows=add)
