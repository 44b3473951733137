"""The council's address list (name, role, e-mail, phone) as a page to print and as CSV: the
people with a place today, only for those who may see their contact details; never a former
member. The term schedule prints without the menu (print CSS, no inline styles)."""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from members.tests.factories import TermFactory, UserFactory

pytestmark = pytest.mark.django_db


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_a_member_prints_the_address_list_of_the_people_with_a_place_today(
    client, lid, voorzitter, secretaris, bestuurder, oud_lid, lid_ongetekend
):
    lid.phone = "050 123 4567"
    lid.save()
    client.force_login(lid)
    html = client.get(reverse("members:addresses")).content.decode()
    for person in (lid, voorzitter, secretaris, bestuurder, lid_ongetekend):
        assert person.email in html
    assert "050 123 4567" in html
    assert "Voorzitter" in html
    assert "Ambtelijk secretaris" in html
    assert oud_lid.name not in html  # a former member's contact details are not shown
    assert 'class="no-print"' in html
    assert "style=" not in html  # strict CSP: print layout from the stylesheet


def test_the_csv_has_the_same_rows_and_defuses_formulas(client, secretaris, lid, oud_lid):
    TermFactory(person=UserFactory(name="=HYPERLINK(1)", phone="+31 6 12345678"))
    client.force_login(secretaris)
    response = client.get(reverse("members:addresses_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["Naam", "Rol", "E-mailadres", "Telefoonnummer"]
    names = [row[0] for row in rows[1:]]
    assert "Sander de Vries" in names
    assert "'=HYPERLINK(1)" in names
    assert "'+31 6 12345678" in [row[3] for row in rows[1:]]
    assert oud_lid.name not in names
    assert ["Sander de Vries", "Lid", "lid@example.org", ""] in rows


@pytest.mark.parametrize("name", ["members:addresses", "members:addresses_csv"])
@pytest.mark.parametrize("persona", ["bestuurder", "lid_ongetekend", "oud_lid", "beheerder"])
def test_others_do_not_get_the_list(client, personas, persona, name):
    client.force_login(personas[persona])
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", ["members:addresses", "members:addresses_csv"])
def test_the_list_has_constant_queries(client, lid, assert_constant_queries, name):
    client.force_login(lid)

    def add_members(count):
        TermFactory.create_batch(count, start=lid.terms.get().start)

    # user, roles (each added term changes roles: no cache), the people with terms, offices and
    # positions (and whether signed)
    assert_constant_queries(lambda: client.get(reverse(name)), expected=6, add_rows=add_members)


def test_the_term_schedule_prints_without_the_menu(client, lid):
    client.force_login(lid)
    html = client.get(reverse("members:term_schedule")).content.decode()
    assert "Afgedrukt uit het portaal van de WIJ-raad" in html
    assert "style=" not in html
    css = Path(finders.find("css/wijraad.css")).read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    for selector in (".site-header", ".no-print", "thead"):
        assert selector in print_rules
