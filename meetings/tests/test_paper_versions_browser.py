"""In real Chromium: after the agenda went out, the secretary puts a new version of a paper on
it; members see it marked "new", with the earlier version kept below. Checked with axe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaDocument, MeetingState
from meetings.tests.factories import PDF, AgendaDocumentFactory, AgendaItemFactory, MeetingFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_version_after_the_agenda_went_out(page, login_as, secretaris, lid, papers_root):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=9))
    item = AgendaItemFactory(meeting=meeting, title="Begroting")
    old = AgendaDocumentFactory(agenda_item=item, title="Begroting 2027")
    meeting.state = MeetingState.AGENDA_PUBLISHED
    meeting.agenda_published_at = timezone.now()
    meeting.save()
    login_as(secretaris)
    page.goto(reverse("meetings:agenda", args=[meeting.pk]))
    page.get_by_role("link", name="Begroting 2027 wijzigen").click()
    page.wait_for_url("**/wijzigen/")
    assert_accessible(page)
    page.fill("#id_title", "Begroting 2027, versie 2")
    page.set_input_files(
        "#id_upload",
        files=[{"name": "begroting-v2.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/{meeting.pk}/agenda/")
    assert "Het stuk is gewijzigd." in page.locator(".messages").inner_text()
    assert AgendaDocument.objects.get(previous=old).title == "Begroting 2027, versie 2"

    page.context.clear_cookies()
    login_as(lid)
    page.goto(reverse("meetings:agenda", args=[meeting.pk]))
    papers = page.locator(f"#item-{item.pk}")
    assert "Begroting 2027, versie 2" in papers.inner_text()
    assert "nieuw" in papers.locator(".badge").all_inner_texts()
    page.get_by_text("Eerdere versies").click()
    assert papers.get_by_role("link", name="Begroting 2027", exact=True).is_visible()
    assert_accessible(page)
