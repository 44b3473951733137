"""The council's side through HTTP: the list, a signal's page, recording, triage, themes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.tests.factories import DossierFactory
from meetings.tests.factories import AgendaItemFactory, MeetingFactory, WorkVisitReportFactory
from signals.models import ContactView, Signal, SignalChannel, SignalState, SignalTheme
from signals.tests.factories import SignalContactFactory, SignalFactory
from wijraad.models import Visibility

pytestmark = pytest.mark.django_db


def test_the_list_shows_open_signals_with_constant_queries(client, lid, assert_constant_queries):
    SignalFactory(story="x", state=SignalState.CLOSED, reference="S-CLOSED01")
    client.force_login(lid)
    response = assert_constant_queries(
        lambda: client.get(reverse("signals:list")),
        expected=5,
        add_rows=lambda n: SignalFactory.create_batch(n),
    )
    html = response.content.decode()
    assert "50 signalen" in html
    assert "S-CLOSED01" not in html
    assert "S-CLOSED01" in client.get(reverse("signals:list") + "?state=closed").content.decode()


def test_members_see_the_story_never_the_contact_details(client, lid):
    contact = SignalContactFactory(name="Mevrouw Geheim", email="geheim@example.net")
    client.force_login(lid)
    html = client.get(reverse("signals:detail", args=[contact.signal.pk])).content.decode()
    assert contact.signal.story in html
    assert "Mevrouw Geheim" not in html
    assert "geheim@example.net" not in html
    assert reverse("signals:contact", args=[contact.signal.pk]) not in html
    assert client.get(reverse("signals:contact", args=[contact.signal.pk])).status_code == 403


def test_every_view_of_contact_details_is_logged(client, secretaris, security_records):
    contact = SignalContactFactory(name="Mevrouw Geheim", email="geheim@example.net")
    client.force_login(secretaris)
    detail = client.get(reverse("signals:detail", args=[contact.signal.pk])).content.decode()
    assert "geheim@example.net" not in detail  # only on the page that logs
    assert not ContactView.objects.exists()
    html = client.get(reverse("signals:contact", args=[contact.signal.pk])).content.decode()
    assert "geheim@example.net" in html
    client.get(reverse("signals:contact", args=[contact.signal.pk]))
    assert ContactView.objects.filter(signal=contact.signal, viewer=secretaris).count() == 2
    assert [r for r in security_records() if r["event"] == "signals.contact_viewed"]


def test_the_signal_page_has_constant_queries(client, secretaris, assert_constant_queries):
    signal = SignalFactory()
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=10))

    def add(n):
        for _ in range(n):
            signal.agenda_items.add(AgendaItemFactory(meeting=meeting))
            SignalFactory(merged_into=signal, state=SignalState.MERGED)

    client.force_login(secretaris)
    assert_constant_queries(
        lambda: client.get(reverse("signals:detail", args=[signal.pk])), expected=12, add_rows=add
    )


def test_the_secretary_triages_links_an_agenda_item_and_a_dossier_then_closes(client, secretaris):
    signal = SignalFactory()
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=10))
    item = AgendaItemFactory(meeting=meeting, title="Bereikbaarheid")
    dossier = DossierFactory(visibility=Visibility.COUNCIL)
    client.force_login(secretaris)
    url = reverse("signals:detail", args=[signal.pk])
    client.post(reverse("signals:transition", args=[signal.pk]), {"to": "triage"})
    client.post(reverse("signals:link", args=[signal.pk]), {"agenda_item": item.pk})
    signal.refresh_from_db()
    assert signal.state == SignalState.DISCUSSION
    assert list(signal.agenda_items.all()) == [item]
    client.post(reverse("signals:link_dossier", args=[signal.pk]), {"dossier": dossier.pk})
    signal.refresh_from_db()
    assert signal.state == SignalState.ADVICE
    assert list(item.signals.all()) == [signal]
    assert list(dossier.signals.all()) == [signal]
    html = client.get(url).content.decode()
    assert "Bereikbaarheid" in html
    assert dossier.reference in html
    # From the dossier the council sees the signals behind it.
    dossier_page = client.get(reverse("advice:detail", args=[dossier.pk])).content.decode()
    assert signal.reference in dossier_page
    refused = client.post(reverse("signals:transition", args=[signal.pk]), {"to": "closed"})
    assert refused.status_code == 302
    signal.refresh_from_db()
    assert signal.state == SignalState.ADVICE  # no outcome: refused
    client.post(
        reverse("signals:transition", args=[signal.pk]),
        {"to": "closed", "outcome": "WIJ neemt het advies over."},
    )
    signal.refresh_from_db()
    assert (signal.state, signal.outcome) == (SignalState.CLOSED, "WIJ neemt het advies over.")


def test_linking_what_the_secretary_cannot_see_is_refused(client, secretaris):
    signal = SignalFactory()
    client.force_login(secretaris)
    client.post(reverse("signals:link", args=[signal.pk]), {"agenda_item": 999999})
    client.post(reverse("signals:link_dossier", args=[signal.pk]), {"dossier": 999999})
    signal.refresh_from_db()
    assert signal.state == SignalState.NEW
    assert not signal.agenda_items.exists()
    assert not signal.dossiers.exists()


def test_merging_by_reference(client, secretaris):
    main, duplicate = SignalFactory(), SignalFactory()
    client.force_login(secretaris)
    response = client.post(
        reverse("signals:merge", args=[duplicate.pk]), {"into": main.reference.lower()}
    )
    assert response["Location"] == reverse("signals:detail", args=[main.pk])
    duplicate.refresh_from_db()
    assert duplicate.merged_into == main
    unknown = SignalFactory()
    client.post(reverse("signals:merge", args=[unknown.pk]), {"into": "S-NIETBEST"})
    unknown.refresh_from_db()
    assert unknown.state == SignalState.NEW


def test_a_member_records_signals_from_a_work_visit_report(client, lid, theme):
    visit = MeetingFactory(
        kind="work_visit", date=timezone.localdate() - datetime.timedelta(days=2)
    )
    report = WorkVisitReportFactory(meeting=visit)
    client.force_login(lid)
    page = client.get(reverse("signals:record") + f"?verslag={report.pk}")
    assert 'name="email"' not in page.content.decode()  # members record no contact details
    for story in ("Lange wachttijd", "Loket dicht op vrijdag"):
        response = client.post(
            reverse("signals:record"),
            {
                "channel": "work_visit",
                "received_on": visit.date.isoformat(),
                "theme": theme.pk,
                "story": story,
                "visit_report": report.pk,
            },
        )
        assert response.status_code == 302
    signals = Signal.objects.filter(visit_report=report)
    assert signals.count() == 2
    assert {s.recorded_by for s in signals} == {lid}
    assert {s.channel for s in signals} == {SignalChannel.WORK_VISIT}


def test_the_secretary_records_a_phone_call_with_contact_details(client, secretaris, theme):
    client.force_login(secretaris)
    response = client.post(
        reverse("signals:record"),
        {
            "channel": "phone",
            "received_on": timezone.localdate().isoformat(),
            "theme": theme.pk,
            "story": "Belde over de wachttijd.",
            "phone": "050 123 45 67",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.contact.phone == "050 123 45 67"


def test_the_secretary_keeps_the_themes(client, secretaris):
    client.force_login(secretaris)
    response = client.post(reverse("signals:themes"), {"name": "Vervoer", "is_active": "on"})
    assert response.status_code == 302
    theme = SignalTheme.objects.get(name="Vervoer")
    client.post(reverse("signals:theme_edit", args=[theme.pk]), {"name": "Vervoer en reizen"})
    theme.refresh_from_db()
    assert (theme.name, theme.is_active) == ("Vervoer en reizen", False)
    assert "Vervoer en reizen" not in client.get(reverse("signals:submit")).content.decode()


def test_the_board_sees_no_signals_behind_a_dossier(client, bestuurder):
    from advice.models import DossierState

    dossier = DossierFactory(state=DossierState.SENT, visibility=Visibility.BOARD)
    signal = SignalFactory()
    signal.dossiers.add(dossier)
    client.force_login(bestuurder)
    page = client.get(reverse("advice:detail", args=[dossier.pk]))
    assert page.status_code == 200
    assert signal.reference not in page.content.decode()
