from django.urls import path

from meetings.views import agenda, meetings, minutes, public, schedule, work_plan

app_name = "meetings"

urlpatterns = [
    # Meetings
    path("", meetings.meeting_list, name="list"),
    path("jaar/<int:year>/", meetings.year_overview, name="year"),
    # The public side: for everyone, logged in or not
    path("openbaar/", public.public_calendar, name="public"),
    path("openbaar/<int:pk>/", public.public_agenda, name="public_agenda"),
    path("openbaar/stuk/<int:pk>/", public.public_paper, name="public_paper"),
    path("nieuw/", meetings.meeting_create, name="create"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/vergadering.ics", meetings.meeting_ics, name="ics"),
    path("<int:pk>/wijzigen/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/afzeggen/", meetings.meeting_cancel, name="cancel"),
    path("<int:pk>/status/", meetings.meeting_transition, name="transition"),
    path("<int:pk>/verslag/", meetings.visit_report, name="visit_report"),
    path("<int:pk>/e-mails/", meetings.meeting_deliveries, name="deliveries"),
    # The agenda, its items and papers (vergaderstukken)
    path("<int:pk>/agenda/", agenda.agenda, name="agenda"),
    path("<int:pk>/agenda/punt/nieuw/", agenda.agenda_item_add, name="agenda_item_add"),
    path("<int:pk>/agenda/volgorde/", agenda.agenda_reorder, name="agenda_reorder"),
    path("agendapunt/<int:pk>/wijzigen/", agenda.agenda_item_edit, name="agenda_item_edit"),
    path(
        "agendapunt/<int:pk>/verwijderen/",
        agenda.agenda_item_delete,
        name="agenda_item_delete",
    ),
    path("agendapunt/<int:pk>/stuk/nieuw/", agenda.document_add, name="document_add"),
    path("stuk/<int:pk>/", agenda.document_download, name="document_download"),
    path("stuk/<int:pk>/verwijderen/", agenda.document_delete, name="document_delete"),
    path("stuk/<int:pk>/wijzigen/", agenda.document_edit, name="document_edit"),
    # Attendance
    path("<int:pk>/aanwezigheid/", agenda.attendance, name="attendance"),
    path(
        "<int:pk>/aanwezigheid/antwoord/",
        agenda.attendance_answer,
        name="attendance_answer",
    ),
    path(
        "<int:pk>/aanwezigheid/vastleggen/",
        agenda.attendance_record,
        name="attendance_record",
    ),
    # Minutes (notulen), action items (actiepunten) and board commitments (toezeggingen)
    path("<int:pk>/notulen/", minutes.minutes, name="minutes"),
    path("<int:pk>/notulen/wijzigen/", minutes.minutes_edit, name="minutes_edit"),
    path("<int:pk>/notulen/status/", minutes.minutes_transition, name="minutes_transition"),
    path("<int:pk>/notulen/vaststellen/", minutes.minutes_adopt, name="minutes_adopt"),
    path("<int:pk>/actiepunt/nieuw/", minutes.action_add, name="action_add"),
    path("actiepunten/", minutes.actions, name="actions"),
    path("besluiten/", minutes.decisions, name="decisions"),
    path("actiepunt/<int:pk>/status/", minutes.action_transition, name="action_transition"),
    path("actiepunt/<int:pk>/wijzigen/", minutes.action_edit, name="action_edit"),
    path("actiepunt/<int:pk>/verwijderen/", minutes.action_delete, name="action_delete"),
    # WIJ locations
    path("locaties/", meetings.location_list, name="locations"),
    path("locaties/nieuw/", meetings.location_edit, name="location_create"),
    path("locaties/<int:pk>/wijzigen/", meetings.location_edit, name="location_edit"),
    # The yearly schedule (vergaderrooster)
    path("rooster/<int:year>/", schedule.schedule_detail, name="schedule"),
    path("rooster/<int:year>/voorstel/", schedule.schedule_generate, name="schedule_generate"),
    path(
        "rooster/<int:year>/toevoegen/",
        schedule.schedule_entry_edit,
        name="schedule_entry_add",
    ),
    path(
        "rooster/regel/<int:pk>/wijzigen/",
        schedule.schedule_entry_edit,
        name="schedule_entry_edit",
    ),
    path(
        "rooster/regel/<int:pk>/verwijderen/",
        schedule.schedule_entry_delete,
        name="schedule_entry_delete",
    ),
    path("rooster/<int:year>/vaststellen/", schedule.schedule_adopt, name="schedule_adopt"),
    path("rooster/<int:year>/weggooien/", schedule.schedule_discard, name="schedule_discard"),
    # The work plan (werkplan)
    path("werkplan/<int:year>/", work_plan.work_plan, name="work_plan"),
    path("werkplan/<int:year>/wijzigen/", work_plan.work_plan_edit, name="work_plan_edit"),
    path("werkplan/<int:year>/thema/nieuw/", work_plan.theme_edit, name="theme_create"),
    path("werkplan/thema/<int:pk>/wijzigen/", work_plan.theme_edit, name="theme_edit"),
    path("werkplan/thema/<int:pk>/verwijderen/", work_plan.theme_delete, name="theme_delete"),
    path(
        "werkplan/thema/<int:theme_pk>/activiteit/nieuw/",
        work_plan.activity_edit,
        name="activity_create",
    ),
    path(
        "werkplan/activiteit/<int:pk>/wijzigen/",
        work_plan.activity_edit,
        name="activity_edit",
    ),
    path(
        "werkplan/activiteit/<int:pk>/verwijderen/",
        work_plan.activity_delete,
        name="activity_delete",
    ),
    # Calendar: the page, making a (new) private address, stopping it, and the feed (no session).
    path("agenda/", meetings.calendar, name="calendar"),
    path("agenda/nieuw-adres/", meetings.calendar_reset, name="calendar_reset"),
    path("agenda/adres-stoppen/", meetings.calendar_revoke, name="calendar_revoke"),
    path("agenda/<str:token>.ics", meetings.feed, name="feed"),
]
