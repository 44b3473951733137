"""The people page and a person's page: who sees whom, and which details."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_years
from members.models import OfficeRole, RelationToWij, User
from members.people import people_overview
from members.tests.factories import OfficeFactory, TermFactory, UserFactory
from members.views import membership as membership_views

pytestmark = pytest.mark.django_db


def section(html, heading):
    """The part of the page under the <h2> `heading`, up to the next <h2>."""
    return html.split(f"{heading}</h2>", 1)[1].split("<h2", 1)[0]


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def council(personas):
    """Every persona, plus details that must only show to some."""
    lid = personas["lid"]
    lid.phone = "06 1111 2222"
    lid.expertise = "Schuldhulp en armoede"
    lid.save()
    services.person_invite(email="nieuw@example.org", name="Nienke Nieuw")
    return personas


def test_the_secretary_sees_everyone_in_their_place(client, council):
    html = page(client, council["secretaris"], reverse("members:people"))
    current = section(html, "Huidige leden")
    assert "Sander de Vries" in current
    assert "Anneke Dijkstra" in current
    assert "Fatma Yılmaz" in current
    assert "verklaring nog niet ondertekend" in current
    assert "lid@example.org" in current
    assert "06 1111 2222" in current
    assert "Laatste dag" in html
    assert "Joyce Meijer" in section(html, "Ambtelijk secretaris")
    assert "Hans Wieringa" in section(html, "Bestuur van WIJ Groningen")
    assert "Trijntje Veenstra" in section(html, "Oud-leden")
    assert "Nienke Nieuw" in section(html, "Nu geen rol in de raad")
    assert "Persoon toevoegen" in html
    assert "Bram Koster" not in html  # the technical administrator has no place here


def test_members_see_contact_data_but_no_one_without_a_place(client, council):
    html = page(client, council["lid"], reverse("members:people"))
    assert "lid@example.org" in html
    assert "Trijntje Veenstra" in html
    assert "Nienke Nieuw" not in html
    assert "Persoon toevoegen" not in html
    # Only the secretary and the chair see who has not signed.
    assert "verklaring nog niet ondertekend" not in html
    chair = page(client, council["voorzitter"], reverse("members:people"))
    assert "verklaring nog niet ondertekend" in chair


def test_the_board_sees_names_and_roles_of_current_members_only(client, council):
    html = page(client, council["bestuurder"], reverse("members:people"))
    main = html.split("<main")[1]
    assert "Sander de Vries" in main
    assert "Voorzitter" in main
    assert "Lid" in main
    for hidden in ("lid@example.org", "06 1111 2222", "Trijntje Veenstra", "Joyce Meijer"):
        assert hidden not in main
    assert reverse("members:person", args=[council["lid"].pk]) not in main
    assert "zittingstermijn 1" not in main


@pytest.mark.parametrize("persona", ["lid_ongetekend", "oud_lid", "beheerder"])
def test_the_people_page_is_closed_to(client, council, persona):
    client.force_login(council[persona])
    response = client.get(reverse("members:people"))
    assert response.status_code == 403
    hint = "Lees en onderteken de geheimhoudingsverklaring" in response.content.decode()
    assert hint == (persona == "lid_ongetekend")


def add_members(count):
    """Current members, and as many former members (with their ended terms)."""
    today = timezone.localdate()
    for _ in range(count):
        TermFactory(start=add_years(today, -1))
        TermFactory(start=add_years(today, -5))


@pytest.mark.parametrize(
    ("persona", "expected"),
    # user, roles, rules record, people + 3 prefetches (the session comes from the cache, and
    # two-step verification is read from it)
    [("secretaris", 7), ("lid", 7), ("bestuurder", 7)],
)
def test_the_people_page_has_constant_queries(
    client, council, assert_constant_queries, persona, expected
):
    client.force_login(council[persona])
    assert_constant_queries(
        lambda: client.get(reverse("members:people")), expected=expected, add_rows=add_members
    )


def test_former_members_come_a_page_at_a_time_after_the_council_of_today(client, council):
    per_page = membership_views.FORMER_PER_PAGE
    today = timezone.localdate()
    for number in range(per_page + 2):
        TermFactory(start=add_years(today, -5), person=UserFactory(name=f"Oud {number:02d}"))
    first = page(client, council["lid"], reverse("members:people"))
    # The council of today first, whole; the former members by name, a page at a time.
    assert first.index("Huidige leden</h2>") < first.index("Oud-leden</h2>")
    former = section(first, "Oud-leden")
    assert "Oud 00<" in former
    assert f"Oud {per_page + 1:02d}<" not in former
    total = len(people_overview(user=council["lid"]).former)
    assert total >= per_page + 2
    assert f"{total} oud-leden, op naam." in former
    assert 'href="?former=2#former-members"' in first
    second = client.get(reverse("members:people"), {"former": 2}).content.decode()
    assert f"Oud {per_page + 1:02d}<" in section(second, "Oud-leden")
    assert "Oud 00<" not in section(second, "Oud-leden")
    # The council of today is on every page.
    assert section(first, "Huidige leden") == section(second, "Huidige leden")
    # The board sees no former members at all, on any page.
    board = page(client, council["bestuurder"], reverse("members:people") + "?former=2")
    assert "Oud 0" not in board


# --- A person's page -----------------------------------------------------------------------------


def test_own_page_shows_everything_about_oneself(client, council):
    lid = council["lid"]
    html = page(client, lid, reverse("members:person", args=[lid.pk]))
    assert "Cliënt van WIJ" in html
    assert "Schuldhulp en armoede" in html
    assert "06 1111 2222" in html
    assert "Versie 2026-1, ondertekend op" in html
    assert "Mijn gegevens wijzigen" in html
    assert "Wat de secretaris kan doen" not in html


def test_the_chair_sees_contact_and_declaration_but_not_personal_details(client, council):
    lid = council["lid"]
    html = page(client, council["voorzitter"], reverse("members:person", args=[lid.pk]))
    assert "06 1111 2222" in html
    assert "Versie 2026-1, ondertekend op" in html
    assert "Cliënt van WIJ" not in html
    assert "Schuldhulp en armoede" not in html


def test_a_member_does_not_see_a_colleagues_declaration_or_personal_details(client, council):
    chair = council["voorzitter"]
    html = page(client, council["lid"], reverse("members:person", args=[chair.pk]))
    assert "voorzitter@example.org" in html
    assert "Voorzitter" in html
    assert "ondertekend op" not in html
    assert "Persoonlijke gegevens" not in html


def test_the_secretary_sees_the_next_steps_for_a_new_person(client, council):
    person = User.objects.get(email="nieuw@example.org")
    html = page(client, council["secretaris"], reverse("members:person", args=[person.pk]))
    assert "Benoemen als lid" in html
    assert "heeft nog geen wachtwoord gekozen" in html
    assert "Uitnodiging opnieuw sturen" in html
    lid = council["lid"]
    html = page(client, council["secretaris"], reverse("members:person", args=[lid.pk]))
    assert "Herbenoemen voor een nieuwe zittingstermijn" in html
    assert "Zittingstermijn 1 eerder beëindigen" in html


def test_after_two_terms_the_page_says_why_there_is_no_reappointment(client, council):
    chair = council["voorzitter"]
    services.term_reappoint(person=chair)
    html = page(client, council["secretaris"], reverse("members:person", args=[chair.pk]))
    assert "Herbenoemen voor" not in html
    # The second term is still to come: no third is offered either.
    assert "Zittingstermijn 2" in html
    assert "komt nog" in html


def test_a_board_user_sees_a_member_in_the_list_but_not_their_page(client, council):
    client.force_login(council["bestuurder"])
    lid = council["lid"]
    assert client.get(reverse("members:person", args=[lid.pk])).status_code == 403
    assert client.get(reverse("members:person", args=[council["oud_lid"].pk])).status_code == 404
    own = client.get(reverse("members:person", args=[council["bestuurder"].pk]))
    assert "Bestuurder" in own.content.decode()


def test_a_former_member_sees_only_their_own_page(client, council):
    client.force_login(council["oud_lid"])
    own = client.get(reverse("members:person", args=[council["oud_lid"].pk])).content.decode()
    assert "Oud-lid, lid tot en met" in own
    assert client.get(reverse("members:person", args=[council["lid"].pk])).status_code == 404


def test_the_person_page_has_constant_queries(client, council, assert_constant_queries):
    secretary = council["secretaris"]
    client.force_login(secretary)

    def add_history(count):
        first = secretary.offices.order_by("start").first().start
        for number in range(count):
            start = datetime.date(first.year - 2 * (number + 1) - 100, 1, 1)
            OfficeFactory(
                person=secretary,
                role=OfficeRole.STAFF_SECRETARY,
                start=start,
                end=start + datetime.timedelta(days=365),
            )

    # session user, roles, person + 3 prefetches, declarations, rules, invitation, withdrawals,
    # account switches
    assert_constant_queries(
        lambda: client.get(reverse("members:person", args=[secretary.pk])),
        expected=11,
        add_rows=add_history,
    )


# --- Adding and changing a person ----------------------------------------------------------------


def test_the_secretary_adds_a_person_with_details_and_goes_on_to_appoint(
    client, secretaris, django_capture_on_commit_callbacks
):
    client.force_login(secretaris)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:person_add"),
            {
                "name": "Klaas Bos",
                "email": "Klaas.Bos@example.org",
                "preferred_language": "nl",
                "phone": "050 123 4567",
                "neighbourhood": "Beijum",
                "expertise": "Wonen",
                "relation_to_wij": RelationToWij.VOLUNTEER,
            },
        )
    person = User.objects.get(email="klaas.bos@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("members:person", args=[person.pk])
    assert (person.phone, person.neighbourhood, person.relation_to_wij) == (
        "050 123 4567",
        "Beijum",
        RelationToWij.VOLUNTEER,
    )
    assert mail.outbox[0].to == ["klaas.bos@example.org"]
    html = client.get(response["Location"]).content.decode()
    assert "Klaas Bos is toegevoegd en uitgenodigd" in html
    assert "Benoemen als lid" in html


def test_adding_an_existing_address_is_refused_in_dutch(client, secretaris, lid):
    client.force_login(secretaris)
    response = client.post(
        reverse("members:person_add"),
        {"name": "Dubbel", "email": "LID@example.org", "preferred_language": "nl"},
    )
    assert response.status_code == 200
    assert "Er is al een account met dit e-mailadres." in response.content.decode()
    assert User.objects.filter(name="Dubbel").count() == 0


def test_a_wrong_phone_number_is_refused(client, secretaris):
    client.force_login(secretaris)
    response = client.post(
        reverse("members:person_add"),
        {"name": "Klaas", "email": "k@example.org", "preferred_language": "nl", "phone": "bel mij"},
    )
    assert "Vul een telefoonnummer in cijfers in" in response.content.decode()
    assert not User.objects.filter(email="k@example.org").exists()


def test_a_member_changes_their_own_details(client, lid):
    client.force_login(lid)
    url = reverse("members:person_edit", args=[lid.pk])
    response = client.post(
        url,
        {
            "name": "Sander de Vries",
            "phone": "+31 6 12345678",
            "neighbourhood": "Paddepoel",
            "expertise": "",
            "relation_to_wij": "",
        },
    )
    assert response.status_code == 302
    lid.refresh_from_db()
    assert (lid.phone, lid.neighbourhood, lid.relation_to_wij) == (
        "+31 6 12345678",
        "Paddepoel",
        RelationToWij.UNKNOWN,
    )


def test_the_edit_pages_have_constant_queries(client, secretaris, assert_constant_queries):
    client.force_login(secretaris)
    # user (the roles come from the cache; two-step verification is read from the session)
    assert_constant_queries(lambda: client.get(reverse("members:person_add")), expected=1)
    person = UserFactory()
    # user, roles, the person with terms, offices and positions
    assert_constant_queries(
        lambda: client.get(reverse("members:person_edit", args=[person.pk])),
        expected=6,
        add_rows=add_members,
    )
