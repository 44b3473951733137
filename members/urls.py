from django.urls import path

from members.models import BoardPosition, Office
from members.views import (
    account,
    accounts,
    council,
    documents,
    history,
    invitations,
    membership,
)

app_name = "members"

urlpatterns = [
    path("account/", account.account, name="account"),
    path("account/e-mails/", account.mail_preferences, name="mail_preferences"),
    path("uitnodigingen/", invitations.invitations, name="invitations"),
    path(
        "uitnodigingen/<int:pk>/opnieuw/",
        invitations.invitation_resend,
        name="invitation_resend",
    ),
    path("uitnodiging/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    # People, terms, offices and board positions.
    path("mensen/", membership.people, name="people"),
    path("mensen/adressenlijst/", membership.addresses, name="addresses"),
    path("mensen/adressenlijst.csv", membership.addresses_csv, name="addresses_csv"),
    path("mensen/toevoegen/", membership.person_add, name="person_add"),
    path("mensen/<int:pk>/", membership.person, name="person"),
    path("mensen/<int:pk>/gegevens/", membership.person_edit, name="person_edit"),
    path("mensen/<int:pk>/e-mailadres/", accounts.person_email, name="person_email"),
    path("mensen/<int:pk>/account/", accounts.person_account, name="person_account"),
    path("mensen/<int:pk>/benoemen/", membership.person_appoint, name="person_appoint"),
    path("mensen/<int:pk>/herbenoemen/", membership.person_reappoint, name="person_reappoint"),
    path("mensen/<int:pk>/functie/", membership.office_grant, name="office_grant"),
    path(
        "mensen/<int:pk>/bestuursfunctie/",
        membership.board_position_grant,
        name="board_position_grant",
    ),
    path("termijnen/<int:pk>/beeindigen/", membership.term_end, name="term_end"),
    path("termijnen/<int:pk>/intrekken/", membership.term_withdraw, name="term_withdraw"),
    path("termijnen/<int:pk>/startdatum/", membership.term_correct, name="term_correct"),
    path(
        "functies/<int:pk>/beeindigen/",
        membership.period_end,
        {"model": Office},
        name="office_end",
    ),
    path(
        "bestuursfuncties/<int:pk>/beeindigen/",
        membership.period_end,
        {"model": BoardPosition},
        name="board_position_end",
    ),
    # The confidentiality declaration and the term schedule.
    path("geheimhouding/", membership.declaration, name="declaration"),
    path("geheimhouding/ondertekeningen/", membership.signatures, name="signatures"),
    path(
        "geheimhouding/nieuwe-tekst/",
        membership.declaration_text_add,
        name="declaration_text_add",
    ),
    path("rooster-van-aftreden/", membership.term_schedule, name="term_schedule"),
    path("geschiedenis/", history.history_page, name="history"),
    # The council's dated rules.
    path("regels/", council.council_rules, name="council_rules"),
    path("regels/wijzigen/", council.council_rules_add, name="council_rules_add"),
    # The document library.
    path("documenten/", documents.documents, name="documents"),
    path("documenten/toevoegen/", documents.document_add, name="document_add"),
    path("documenten/<int:pk>/", documents.document, name="document"),
    path("documenten/<int:pk>/wijzigen/", documents.document_edit, name="document_edit"),
    path("documenten/<int:pk>/bestand/", documents.document_download, name="document_download"),
    path("documenten/<int:pk>/verwijderen/", documents.document_delete, name="document_delete"),
    path("documenten/<int:pk>/downloads/", documents.document_log, name="document_log"),
]
