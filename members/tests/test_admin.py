"""The Django admin: membership records are read-only there; the rules are editable."""

import datetime
import re

import pytest
from django.urls import reverse

from members import services
from members.models import CouncilRules
from members.tests.factories import TermFactory

pytestmark = pytest.mark.django_db

READ_ONLY = ["term", "office", "boardposition", "confidentialitydeclaration"]


@pytest.fixture
def admin_client(client, beheerder):
    client.force_login(beheerder)
    return client


@pytest.mark.parametrize("model", READ_ONLY)
def test_membership_records_cannot_be_added_in_the_admin(admin_client, model):
    assert admin_client.get(reverse(f"admin:members_{model}_add")).status_code == 403
    assert admin_client.get(reverse(f"admin:members_{model}_changelist")).status_code == 200


def test_a_term_can_be_viewed_but_not_changed_or_deleted(admin_client):
    term = TermFactory(start=datetime.date(2025, 1, 1))
    change_url = reverse("admin:members_term_change", args=[term.pk])
    page = admin_client.get(change_url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    refused = admin_client.post(change_url, {"start": "2020-01-01"})
    assert refused.status_code == 403
    assert admin_client.get(reverse("admin:members_term_delete", args=[term.pk])).status_code == 403
    term.refresh_from_db()
    assert term.start == datetime.date(2025, 1, 1)


def test_the_account_page_shows_the_person_and_their_terms_read_only(admin_client, voorzitter):
    page = admin_client.get(reverse("admin:members_user_change", args=[voorzitter.pk]))
    assert page.status_code == 200
    assert b'name="name"' in page.content
    assert b'name="terms-0-start"' not in page.content


def test_the_admin_shows_no_personal_details(admin_client, voorzitter):
    voorzitter.expertise = "Schuldhulp"
    voorzitter.save()
    page = admin_client.get(reverse("admin:members_user_change", args=[voorzitter.pk]))
    for field in ("phone", "neighbourhood", "expertise", "relation_to_wij"):
        assert f'name="{field}"'.encode() not in page.content
    assert "Schuldhulp" not in page.content.decode()
    changelist = admin_client.get(reverse("admin:members_user_changelist")).content.decode()
    assert "relation_to_wij" not in changelist


def test_the_rules_are_editable(admin_client):
    rules = CouncilRules.objects.get()
    page = admin_client.get(reverse("admin:members_councilrules_change", args=[rules.pk]))
    assert page.status_code == 200
    assert admin_client.get(reverse("admin:members_councilrules_add")).status_code == 200
    data = {
        field.name: getattr(rules, field.name)
        for field in CouncilRules._meta.concrete_fields
        if field.name != "id"
    }
    data.update(valid_from="2027-01-01", max_seats=11, note="Kleiner bestuur")
    response = admin_client.post(reverse("admin:members_councilrules_add"), data)
    assert response.status_code == 302
    assert CouncilRules.objects.in_force(datetime.date(2027, 1, 1)).max_seats == 11


def test_people_who_are_not_staff_do_not_get_into_the_admin(client, lid):
    client.force_login(lid)
    response = client.get(reverse("admin:members_term_changelist"))
    assert response.status_code == 302


def test_the_account_can_be_saved_with_its_read_only_records(admin_client, voorzitter):
    url = reverse("admin:members_user_change", args=[voorzitter.pk])
    data = {
        "email": voorzitter.email,
        "name": voorzitter.name,
        "preferred_language": "en",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    for prefix, count in [
        ("terms", 1),
        ("offices", 1),
        ("board_positions", 0),
        ("declarations", 1),
    ]:
        data.update({f"{prefix}-TOTAL_FORMS": count, f"{prefix}-INITIAL_FORMS": count})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    voorzitter.refresh_from_db()
    assert voorzitter.preferred_language == "en"
    assert voorzitter.terms.count() == 1


def test_the_audit_log_can_be_searched_by_the_actor(admin_client, secretaris, lid):
    changelist = reverse("admin:auditlog_logentry_changelist")

    def found(query):
        page = admin_client.get(changelist, {"q": query})
        assert page.status_code == 200
        return int(re.search(r"(\d+) resulta", page.content.decode()).group(1))

    before = found("Joyce Meijer"), found("secretaris@example.org")
    services.person_update(person=lid, by=secretaris, phone="06 1234 5678")
    assert (found("Joyce Meijer"), found("secretaris@example.org")) == (
        before[0] + 1,
        before[1] + 1,
    )
    assert found("Niemand Bekend") == 0
