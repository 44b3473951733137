"""Hiring panels through HTTP: the chair records a request, who took part and the outcome; the
list stays the secretary's and the chair's; its query count does not grow with the rows."""

import datetime

import pytest
from django.urls import reverse

from year.models import HiringPanel


@pytest.fixture(autouse=True)
def dutch(client):
    client.cookies["django_language"] = "nl"


def test_the_chair_records_a_panel_with_its_participants(db, client, voorzitter, lid):
    client.force_login(voorzitter)
    response = client.post(
        reverse("year:panel_new"),
        {
            "position": "Teamleider WIJ Vinkhuizen",
            "requested_on": "2026-02-03",
            "request": "Doet een lid mee aan de gesprekken?",
            "participants": [lid.pk],
            "outcome": "Kandidaat aangenomen.",
        },
    )
    assert response.status_code == 302
    panel = HiringPanel.objects.get()
    assert list(panel.participants.all()) == [lid]
    assert panel.requested_on == datetime.date(2026, 2, 3)
    page = client.get(reverse("year:panels"))
    assert "Teamleider WIJ Vinkhuizen" in page.text
    assert lid.name in page.text
    # Only members can take part.
    refused = client.post(
        reverse("year:panel_edit", args=[panel.pk]),
        {"position": "X", "requested_on": "2026-02-03", "participants": [voorzitter.pk + 999]},
    )
    assert refused.status_code == 400


def test_the_list_asks_the_same_number_of_queries(
    db, client, secretaris, lid, assert_constant_queries
):
    client.force_login(secretaris)

    def add(n):
        for i in range(n):
            HiringPanel.objects.create(position=f"Functie {i}").participants.add(lid)

    assert_constant_queries(lambda: client.get(reverse("year:panels")), expected=3, add_rows=add)
