"""The members app's part of the permission matrix (see wijraad.testing.matrix)."""

from members import services
from members.models import Invitation, User
from wijraad.testing.matrix import ALLOWED, Route, logged_in

SECRETARY_ONLY = logged_in(403, secretaris=200)


def objects(personas, made):
    invited = services.person_invite(email="uitgenodigd@example.org", name="Geertje Uitgenodigd")
    return {"invited": invited}


def invitation_state(objects):
    return sorted(Invitation.objects.values_list("pk", "revoked_at", "used_at"))


ROUTES = [
    Route("members:account", get=logged_in(200)),
    Route(
        "members:invite",
        get=SECRETARY_ONLY,
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"name": "Nieuw", "email": "nieuw@example.org", "preferred_language": "nl"},
        snapshot=lambda o: User.objects.count(),
    ),
    Route(
        "members:invitations",
        get=SECRETARY_ONLY,
        present={"secretaris": lambda o: "Geertje Uitgenodigd"},
    ),
    Route(
        "members:invitation_resend",
        kwargs=lambda o: {"pk": o["invited"].pk},
        get=logged_in(403, secretaris=405),
        post=logged_in(403, secretaris=ALLOWED),
        snapshot=invitation_state,
    ),
    # The link in the e-mail: a token nobody here holds answers 410 with a clear message.
    Route(
        "members:invitation_accept",
        kwargs=lambda o: {"token": "geen-geldige-token"},
        get=logged_in(410, anoniem=410),
        post=logged_in(410, anoniem=410),
        data=lambda o: {
            "new_password1": "een-lang-wachtwoord",
            "new_password2": "een-lang-wachtwoord",
        },
        snapshot=invitation_state,
    ),
]
