"""The personal data of the members app, for the privacy statement (see wijraad.privacy)."""

from django.utils.translation import gettext_lazy as _

from wijraad.privacy import ALL, PersonalData

PERSONAL_DATA = [
    PersonalData(
        key="members-contact",
        what=_("Name, e-mail address, phone number and the language of the portal."),
        who=_(
            "The secretary and the person; members see the contact details of the people with "
            "a place in the council today (not of former members); board users see members' "
            "names only."
        ),
        kept=_("As long as the account exists."),
        fields={
            "members.User": (
                "email",
                "name",
                "phone",
                "preferred_language",
                "password",
                "last_login",
                "date_joined",
                "is_active",
                "is_staff",
                "is_superuser",
                "groups",
                "user_permissions",
            )
        },
    ),
    PersonalData(
        key="members-personal",
        what=_(
            "Neighbourhood or village, areas of expertise, and the relation to WIJ — which can "
            "show that someone is a client of WIJ."
        ),
        who=_("Only the secretary and the person."),
        kept=_("As long as the account exists; the person or the secretary can empty them."),
        fields={"members.User": ("neighbourhood", "expertise", "relation_to_wij")},
    ),
    PersonalData(
        key="members-membership",
        what=_(
            "Terms, offices and board positions with their dates; the reason a term ended early "
            "or an appointment was withdrawn; accounts switched off and on with the reason; "
            "invitations."
        ),
        who=_(
            "Members and the secretary see terms and offices; the reasons only the secretary "
            "and the person."
        ),
        kept=_(
            "As long as the portal exists: the council needs to know who sat when (for the "
            "two terms and the minutes)."
        ),
        fields={
            "members.Term": ALL,
            "members.TermWithdrawal": ALL,
            "members.Office": ALL,
            "members.BoardPosition": ALL,
            "members.AccountStatusChange": ALL,
            "members.Invitation": ALL,
        },
    ),
    PersonalData(
        key="members-declaration",
        what=_("Which version of the confidentiality declaration someone signed, and when."),
        who=_("The secretary, the chair and the person."),
        kept=_("Also after the membership ends: the duty of confidentiality stays."),
        fields={"members.ConfidentialityDeclaration": ALL},
    ),
    PersonalData(
        key="members-documents",
        what=_("Who added a document to the library, and when."),
        who=_("Whoever may see the document."),
        kept=_("As long as the document exists."),
        fields={"members.Document": ("uploaded_by", "uploaded_at")},
    ),
    PersonalData(
        key="members-mail-preferences",
        what=_(
            "Which e-mails someone chose to get, how often (at once, a day or a week) and how "
            "long before a meeting the reminder comes."
        ),
        who=_("Only the person (and the administrator)."),
        kept=_("As long as the account exists."),
        fields={
            "members.MailPreference": (
                "id",
                "user",
                "frequency",
                "kinds_off",
                "reminder_lead_hours",
                "updated_at",
            )
        },
    ),
]

NOT_PERSONAL = {
    "members.User": ("id",),
    "members.Council": ALL,
    "members.CouncilRules": ALL,
    "members.DeclarationText": ALL,
    "members.Document": (
        "id",
        "file",
        "original_name",
        "size",
        "content_type",
        "title",
        "description",
        "category",
        "visibility",
    ),
}
