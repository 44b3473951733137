from django.urls import path

from members import views, views_council, views_documents, views_people

app_name = "members"

urlpatterns = [
    path("account/", views.account, name="account"),
    path("uitnodigen/", views.invite, name="invite"),
    path("uitnodigingen/", views.invitations, name="invitations"),
    path("uitnodigingen/<int:pk>/opnieuw/", views.invitation_resend, name="invitation_resend"),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation_accept"),
    # People, terms, offices and board positions.
    path("mensen/", views_people.people, name="people"),
    path("mensen/toevoegen/", views_people.person_add, name="person_add"),
    path("mensen/<int:pk>/", views_people.person, name="person"),
    path("mensen/<int:pk>/gegevens/", views_people.person_edit, name="person_edit"),
    path("mensen/<int:pk>/benoemen/", views_people.person_appoint, name="person_appoint"),
    path("mensen/<int:pk>/herbenoemen/", views_people.person_reappoint, name="person_reappoint"),
    path("mensen/<int:pk>/functie/", views_people.office_grant, name="office_grant"),
    path(
        "mensen/<int:pk>/bestuursfunctie/",
        views_people.board_position_grant,
        name="board_position_grant",
    ),
    path("termijnen/<int:pk>/beeindigen/", views_people.term_end, name="term_end"),
    path("functies/<int:pk>/beeindigen/", views_people.office_end, name="office_end"),
    path(
        "bestuursfuncties/<int:pk>/beeindigen/",
        views_people.board_position_end,
        name="board_position_end",
    ),
    # The confidentiality declaration and the term schedule.
    path("geheimhouding/", views_council.declaration, name="declaration"),
    path("rooster-van-aftreden/", views_council.term_schedule, name="term_schedule"),
    # The document library.
    path("documenten/", views_documents.documents, name="documents"),
    path("documenten/toevoegen/", views_documents.document_add, name="document_add"),
    path("documenten/<int:pk>/", views_documents.document, name="document"),
    path("documenten/<int:pk>/wijzigen/", views_documents.document_edit, name="document_edit"),
    path(
        "documenten/<int:pk>/bestand/", views_documents.document_download, name="document_download"
    ),
    path(
        "documenten/<int:pk>/verwijderen/", views_documents.document_delete, name="document_delete"
    ),
    path("documenten/<int:pk>/downloads/", views_documents.document_log, name="document_log"),
]
