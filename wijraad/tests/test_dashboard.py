from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.tests.factories import give_authenticator
from wijraad import dashboard
from wijraad.models import Heartbeat


@pytest.fixture
def someone(django_user_model):
    return django_user_model.objects.create_user("iemand@example.org", "x" * 12, name="Iemand Test")


@pytest.fixture
def administrator(django_user_model):
    # The administrator must use two-step verification (members.middleware).
    return give_authenticator(
        django_user_model.objects.create_superuser("admin@example.org", "x" * 12, name="Ada Beheer")
    )


@pytest.mark.django_db
def test_dashboard_needs_a_login(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_dashboard_greets_the_user_in_dutch(client, someone, assert_constant_queries):
    client.force_login(someone)
    # user (the session and the roles come from the cache; no permission asks the model backend)
    response = assert_constant_queries(lambda: client.get(reverse("dashboard")), expected=1)
    html = response.content.decode()
    assert "Welkom, Iemand" in html
    assert "Planner voor herinneringen" not in html


@pytest.mark.django_db
def test_administrator_is_warned_when_the_scheduler_never_ran(client, administrator):
    client.force_login(administrator)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Planner voor herinneringen" in html
    assert "heeft de afgelopen 5 minuten niet gedraaid" in html


@pytest.mark.django_db
def test_administrator_sees_a_fresh_heartbeat(client, administrator, assert_constant_queries):
    Heartbeat.beat("scheduler")
    client.force_login(administrator)
    # user, the heartbeat (the session and the roles come from the cache; two-step
    # verification is read from the session)
    response = assert_constant_queries(lambda: client.get(reverse("dashboard")), expected=2)
    html = response.content.decode()
    assert "De planner draait; herinneringen gaan weg." in html
    assert "Laatste teken van leven" in html


@pytest.mark.django_db
def test_an_old_heartbeat_is_stale(client, administrator):
    Heartbeat.objects.create(name="scheduler", last_seen=timezone.now() - timedelta(minutes=6))
    client.force_login(administrator)
    assert "niet gedraaid" in client.get(reverse("dashboard")).content.decode()


@pytest.fixture
def extra_panel():
    panel = dashboard.register(
        dashboard.Panel(
            key="tests.only_for_kees",
            title="Paneel voor Kees",
            template="wijraad/dashboard/scheduler.html",
            visible=lambda user: user.email == "kees@example.org",
            context=lambda request: {"stale": False},
            order=1,
        )
    )
    yield panel
    dashboard._panels.pop(panel.key)


@pytest.mark.django_db
def test_apps_add_panels_shown_only_to_whom_they_choose(
    client, someone, django_user_model, extra_panel
):
    kees = django_user_model.objects.create_user("kees@example.org", "x" * 12, name="Kees")
    client.force_login(kees)
    assert "Paneel voor Kees" in client.get(reverse("dashboard")).content.decode()
    client.force_login(someone)
    assert "Paneel voor Kees" not in client.get(reverse("dashboard")).content.decode()
