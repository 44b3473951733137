"""Hiring panels through HTTP: the chair records a request and moves it through its steps
(accepted with the members who take part, took place with the outcome, closed), each step in the
history on the panel's page; a member who takes part reads it, others do not; the list's and the
page's query counts do not grow with the rows."""

import pytest
from django.urls import reverse

from year.models import HiringPanel, HiringPanelState
from year.services import hiring_panel_transition


@pytest.fixture(autouse=True)
def dutch(client):
    client.cookies["django_language"] = "nl"


def test_the_chair_walks_a_panel_through_its_steps(db, client, voorzitter, lid):
    client.force_login(voorzitter)
    response = client.post(
        reverse("year:panel_new"),
        {
            "position": "Teamleider WIJ Vinkhuizen",
            "requested_on": "2026-02-03",
            "request": "Doet een lid mee aan de gesprekken?",
        },
    )
    panel = HiringPanel.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("year:panel", args=[panel.pk])
    assert panel.state == HiringPanelState.REQUESTED
    move = reverse("year:panel_move", args=[panel.pk])
    # Accepting without naming a member, or naming someone who is no member, is refused.
    assert client.post(move, {"to_state": "accepted"}).status_code == 400
    refused = client.post(move, {"to_state": "accepted", "participants": [voorzitter.pk + 999]})
    assert refused.status_code == 400
    client.post(move, {"to_state": "accepted", "participants": [lid.pk], "note": "Lid doet mee"})
    assert client.post(move, {"to_state": "took_place"}).status_code == 400
    client.post(move, {"to_state": "took_place", "outcome": "Kandidaat aangenomen."})
    client.post(move, {"to_state": "closed"})
    panel.refresh_from_db()
    assert panel.state == HiringPanelState.CLOSED
    assert list(panel.participants.all()) == [lid]
    page = client.get(reverse("year:panel", args=[panel.pk]))
    history = [c.to_state for c in page.context["history"]]
    assert history == ["requested", "accepted", "took_place", "closed"]
    for text in ("Lid doet mee", "Kandidaat aangenomen.", lid.name, "Afgesloten"):
        assert text in page.text
    assert "Teamleider WIJ Vinkhuizen" in client.get(reverse("year:panels")).text


def test_who_takes_part_reads_the_panel_and_changes_nothing(
    db, client, secretaris, lid, voorzitter, personas
):
    panel = HiringPanel.objects.create(position="Teamleider Noord")
    other = HiringPanel.objects.create(position="Teamleider Zuid")
    hiring_panel_transition(panel=panel, to_state="accepted", participants=[lid], by=secretaris)
    client.force_login(lid)
    assert client.get(reverse("year:panel", args=[panel.pk])).status_code == 200
    assert client.get(reverse("year:panel", args=[other.pk])).status_code == 404
    listed = client.get(reverse("year:panels")).text
    assert "Teamleider Noord" in listed
    assert "Teamleider Zuid" not in listed
    assert "Verzoek vastleggen" not in listed
    moved = client.post(
        reverse("year:panel_move", args=[panel.pk]), {"to_state": "took_place", "outcome": "x"}
    )
    assert moved.status_code == 403
    assert client.get(reverse("year:panel_edit", args=[panel.pk])).status_code == 403
    panel.refresh_from_db()
    assert panel.state == HiringPanelState.ACCEPTED
    # Someone holding a seat who does not take part does not see it.
    client.force_login(personas["lid_ongetekend"])
    assert client.get(reverse("year:panel", args=[panel.pk])).status_code == 404


def test_the_details_change_and_who_takes_part_only_while_accepted(
    db, client, secretaris, lid, voorzitter
):
    client.force_login(secretaris)
    panel = HiringPanel.objects.create(position="Teamleider")
    edit = reverse("year:panel_edit", args=[panel.pk])
    assert "id_participants" not in client.get(edit).text
    hiring_panel_transition(panel=panel, to_state="accepted", participants=[lid], by=secretaris)
    response = client.post(
        edit,
        {
            "position": "Teamleider Oost",
            "requested_on": "2026-02-03",
            "participants": [voorzitter.pk],
        },
    )
    assert response.status_code == 302
    panel.refresh_from_db()
    assert panel.position == "Teamleider Oost"
    assert list(panel.participants.all()) == [voorzitter]


def test_the_list_and_the_page_ask_the_same_number_of_queries(
    db, client, secretaris, lid, assert_constant_queries
):
    client.force_login(secretaris)

    def add(n):
        for i in range(n):
            HiringPanel.objects.create(position=f"Functie {i}").participants.add(lid)

    assert_constant_queries(lambda: client.get(reverse("year:panels")), expected=3, add_rows=add)
    panel = HiringPanel.objects.create(position="Teamleider")

    def steps(n):
        for _ in range(n):
            panel.state_changes.create(to_state="requested", by=secretaris, note="opnieuw")
            panel.participants.add(lid)

    assert_constant_queries(
        lambda: client.get(reverse("year:panel", args=[panel.pk])), expected=5, add_rows=steps
    )


def test_a_member_finds_their_panels_on_the_dashboard(
    db, client, secretaris, lid, voorzitter, assert_constant_queries
):
    client.force_login(lid)
    assert "U doet nu niet mee aan een sollicitatiecommissie." in client.get("/dashboard/").text

    def add(n):
        for i in range(n):
            panel = HiringPanel.objects.create(position=f"Functie {i}")
            hiring_panel_transition(
                panel=panel, to_state="accepted", participants=[lid], by=secretaris
            )

    response = assert_constant_queries(
        lambda: client.get(reverse("dashboard")), expected=8, add_rows=add
    )
    assert "Functie 44" in response.text
    assert "(Aangenomen: leden genoemd)" in response.text
    # In the order they were asked, and a finished one is no longer listed.
    older = HiringPanel.objects.create(position="Teamleider", requested_on="2020-01-06")
    hiring_panel_transition(panel=older, to_state="accepted", participants=[lid], by=secretaris)
    html = client.get(reverse("dashboard")).text
    assert html.index("Teamleider<") < html.index("Functie 44<")
    HiringPanel.objects.filter(pk=older.pk).update(state="closed")
    assert "Teamleider<" not in client.get(reverse("dashboard")).text
    # The chair keeps them through the menu: no such panel on her dashboard.
    client.force_login(voorzitter)
    assert "Mijn sollicitatiecommissies" not in client.get(reverse("dashboard")).text


def test_the_intro_is_in_the_readers_language(db, client, voorzitter):
    client.force_login(voorzitter)
    dutch = client.get(reverse("year:panel_new"))
    assert "WIJ heeft de raad gevraagd mee te doen" in dutch.text
    client.cookies["django_language"] = "en"
    english = client.get(reverse("year:panel_new"))
    assert "WIJ asked the council to join a selection procedure" in english.text


def _panel(client, lid, *, to):
    """A panel walked through HTTP up to state `to` (accepted, took_place or closed)."""
    client.post(
        reverse("year:panel_new"),
        {"position": "Teamleider", "requested_on": "2026-02-03", "request": "Verzoek"},
    )
    panel = HiringPanel.objects.get()
    move = reverse("year:panel_move", args=[panel.pk])
    client.post(move, {"to_state": "accepted", "participants": [lid.pk]})
    if to in ("took_place", "closed"):
        client.post(move, {"to_state": "took_place", "outcome": "Aangenomen."})
    if to == "closed":
        client.post(move, {"to_state": "closed"})
    panel.refresh_from_db()
    assert panel.state == to
    return panel


def test_a_finished_panel_is_not_changed(db, client, voorzitter, lid):
    client.force_login(voorzitter)
    panel = _panel(client, lid, to="closed")
    response = client.post(
        reverse("year:panel_edit", args=[panel.pk]),
        {"position": "Iets anders", "requested_on": "2020-01-01", "request": "Nieuw"},
    )
    assert response.status_code == 400
    assert "Deze sollicitatiecommissie is afgerond" in response.text
    after = HiringPanel.objects.get()
    assert (after.position, after.request, after.outcome, after.state) == (
        "Teamleider",
        "Verzoek",
        "Aangenomen.",
        HiringPanelState.CLOSED,
    )


def test_a_finished_panel_offers_no_form_to_change_it(db, client, voorzitter, lid):
    client.force_login(voorzitter)
    panel = _panel(client, lid, to="closed")
    response = client.get(reverse("year:panel_edit", args=[panel.pk]), follow=True)
    assert response.redirect_chain == [(reverse("year:panel", args=[panel.pk]), 302)]
    assert "Deze sollicitatiecommissie is afgerond" in response.text


def test_the_outcome_is_corrected_not_cleared(db, client, voorzitter, lid):
    client.force_login(voorzitter)
    panel = _panel(client, lid, to="took_place")
    edit = reverse("year:panel_edit", args=[panel.pk])
    fields = {"position": "Teamleider", "requested_on": "2026-02-03", "request": "Verzoek"}
    cleared = client.post(edit, {**fields, "outcome": "  "})
    assert cleared.status_code == 400
    assert HiringPanel.objects.get().outcome == "Aangenomen."
    corrected = client.post(edit, {**fields, "outcome": "Aangenomen per 1 maart."})
    assert corrected.status_code == 302
    assert HiringPanel.objects.get().outcome == "Aangenomen per 1 maart."


def test_the_state_is_never_saved_as_a_detail(db, voorzitter):
    from year.services import hiring_panel_save

    panel = hiring_panel_save(position="Teamleider", by=voorzitter)
    with pytest.raises(TypeError):
        hiring_panel_save(panel=panel, state=HiringPanelState.CLOSED, by=voorzitter)
    assert HiringPanel.objects.get().state == HiringPanelState.REQUESTED
