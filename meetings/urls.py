from django.urls import path

from meetings import agenda_views, minutes_views, schedule_views, views, work_plan_views

app_name = "meetings"

urlpatterns = [
    # Meetings
    path("", views.meeting_list, name="list"),
    path("jaar/<int:year>/", views.year_overview, name="year"),
    path("nieuw/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/vergadering.ics", views.meeting_ics, name="ics"),
    path("<int:pk>/wijzigen/", views.meeting_edit, name="edit"),
    path("<int:pk>/afzeggen/", views.meeting_cancel, name="cancel"),
    path("<int:pk>/status/", views.meeting_transition, name="transition"),
    path("<int:pk>/verslag/", views.visit_report, name="visit_report"),
    path("<int:pk>/e-mails/", views.meeting_deliveries, name="deliveries"),
    # The agenda, its items and papers (vergaderstukken)
    path("<int:pk>/agenda/", agenda_views.agenda, name="agenda"),
    path("<int:pk>/agenda/punt/nieuw/", agenda_views.agenda_item_add, name="agenda_item_add"),
    path("<int:pk>/agenda/volgorde/", agenda_views.agenda_reorder, name="agenda_reorder"),
    path("agendapunt/<int:pk>/wijzigen/", agenda_views.agenda_item_edit, name="agenda_item_edit"),
    path(
        "agendapunt/<int:pk>/verwijderen/",
        agenda_views.agenda_item_delete,
        name="agenda_item_delete",
    ),
    path("agendapunt/<int:pk>/stuk/nieuw/", agenda_views.document_add, name="document_add"),
    path("stuk/<int:pk>/", agenda_views.document_download, name="document_download"),
    path("stuk/<int:pk>/verwijderen/", agenda_views.document_delete, name="document_delete"),
    # Attendance
    path("<int:pk>/aanwezigheid/", agenda_views.attendance, name="attendance"),
    path(
        "<int:pk>/aanwezigheid/antwoord/",
        agenda_views.attendance_answer,
        name="attendance_answer",
    ),
    path(
        "<int:pk>/aanwezigheid/vastleggen/",
        agenda_views.attendance_record,
        name="attendance_record",
    ),
    # Minutes (notulen), action items (actiepunten) and board commitments (toezeggingen)
    path("<int:pk>/notulen/", minutes_views.minutes, name="minutes"),
    path("<int:pk>/notulen/wijzigen/", minutes_views.minutes_edit, name="minutes_edit"),
    path("<int:pk>/notulen/status/", minutes_views.minutes_transition, name="minutes_transition"),
    path("<int:pk>/notulen/vaststellen/", minutes_views.minutes_adopt, name="minutes_adopt"),
    path("<int:pk>/actiepunt/nieuw/", minutes_views.action_add, name="action_add"),
    path("actiepunten/", minutes_views.actions, name="actions"),
    path("actiepunt/<int:pk>/status/", minutes_views.action_transition, name="action_transition"),
    # WIJ locations
    path("locaties/", views.location_list, name="locations"),
    path("locaties/nieuw/", views.location_edit, name="location_create"),
    path("locaties/<int:pk>/wijzigen/", views.location_edit, name="location_edit"),
    # The yearly schedule (vergaderrooster)
    path("rooster/<int:year>/", schedule_views.schedule_detail, name="schedule"),
    path(
        "rooster/<int:year>/voorstel/", schedule_views.schedule_generate, name="schedule_generate"
    ),
    path(
        "rooster/<int:year>/toevoegen/",
        schedule_views.schedule_entry_edit,
        name="schedule_entry_add",
    ),
    path(
        "rooster/regel/<int:pk>/wijzigen/",
        schedule_views.schedule_entry_edit,
        name="schedule_entry_edit",
    ),
    path(
        "rooster/regel/<int:pk>/verwijderen/",
        schedule_views.schedule_entry_delete,
        name="schedule_entry_delete",
    ),
    path("rooster/<int:year>/vaststellen/", schedule_views.schedule_adopt, name="schedule_adopt"),
    path("rooster/<int:year>/weggooien/", schedule_views.schedule_discard, name="schedule_discard"),
    # The work plan (werkplan)
    path("werkplan/<int:year>/", work_plan_views.work_plan, name="work_plan"),
    path("werkplan/<int:year>/wijzigen/", work_plan_views.work_plan_edit, name="work_plan_edit"),
    path("werkplan/<int:year>/thema/nieuw/", work_plan_views.theme_edit, name="theme_create"),
    path("werkplan/thema/<int:pk>/wijzigen/", work_plan_views.theme_edit, name="theme_edit"),
    path("werkplan/thema/<int:pk>/verwijderen/", work_plan_views.theme_delete, name="theme_delete"),
    path(
        "werkplan/thema/<int:theme_pk>/activiteit/nieuw/",
        work_plan_views.activity_edit,
        name="activity_create",
    ),
    path(
        "werkplan/activiteit/<int:pk>/wijzigen/",
        work_plan_views.activity_edit,
        name="activity_edit",
    ),
    path(
        "werkplan/activiteit/<int:pk>/verwijderen/",
        work_plan_views.activity_delete,
        name="activity_delete",
    ),
    # Calendar: the page, making a (new) private address, stopping it, and the feed (no session).
    path("agenda/", views.calendar, name="calendar"),
    path("agenda/nieuw-adres/", views.calendar_reset, name="calendar_reset"),
    path("agenda/adres-stoppen/", views.calendar_revoke, name="calendar_revoke"),
    path("agenda/<str:token>.ics", views.feed, name="feed"),
]
