"""Training through HTTP: the secretary records a member's training; the year's overview with
its total; only members can be chosen; the query count does not grow with the rows."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from year.models import Training


@pytest.fixture(autouse=True)
def dutch(client):
    client.cookies["django_language"] = "nl"


def test_the_secretary_records_a_training(db, client, secretaris, lid, bestuurder):
    client.force_login(secretaris)
    data = {
        "person": lid.pk,
        "title": "Wmcz in de praktijk",
        "date": "2026-04-02",
        "provider": "LSR",
        "hours": "3.5",
    }
    response = client.post(reverse("year:training_add"), data)
    assert response.status_code == 302
    training = Training.objects.get()
    assert (training.person, training.hours) == (lid, Decimal("3.5"))
    page = client.get(reverse("year:trainings"), {"jaar": "2026"})
    assert "Wmcz in de praktijk" in page.text
    assert "Samen 3,5 uur." in page.text
    refused = client.post(reverse("year:training_add"), {**data, "person": bestuurder.pk})
    assert refused.status_code == 400
    zero = client.post(reverse("year:training_add"), {**data, "hours": "0"})
    assert zero.status_code == 400


def test_the_overview_asks_the_same_number_of_queries(
    db, client, secretaris, lid, assert_constant_queries
):
    client.force_login(secretaris)

    def add(n):
        for i in range(n):
            Training.objects.create(
                person=lid, title=f"Cursus {i}", date=datetime.date(2026, 3, 1), hours=2
            )

    assert_constant_queries(
        lambda: client.get(reverse("year:trainings"), {"jaar": "2026"}), expected=3, add_rows=add
    )
