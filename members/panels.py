"""Dashboard panels of the members app (registered in MembersConfig.ready through
wijraad.dashboard). Each context runs a fixed number of queries, whatever the amount of data.

Who sees a panel is asked of the permissions in members.rules by name (wijraad.access.allowed),
like every other "may this user"; that asks the rule set only, so no query beyond the roles."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.composition import seat_warnings, terms_ending_soon
from members.models import CouncilRules, DeclarationText, Document, Term
from members.roles import roles_for
from wijraad.access import allowed
from wijraad.dashboard import Panel, per_request

RECENT_DOCUMENTS = 5


def declaration_context(request):
    return {
        "text": DeclarationText.objects.in_force(),
        # She is not appointed to a seat: the panel asks her in words that fit her.
        "staff_secretary": roles_for(request.user).staff_secretary_apart,
        # Signed before, but that signature no longer counts (a new text, a gap): say why.
        "signed_before": request.user.declarations.exists(),
    }


def rules_book(request):
    """The council's rules records, read once per request for every panel that needs them."""
    return per_request(request, "members.council_rules", CouncilRules.objects.book)


def seats_context(request):
    today = timezone.localdate()
    seated, rules, warnings = seat_warnings(today=today, rules=rules_book(request).in_force(today))
    return {
        "rules": rules,
        "seated": seated,
        "free": max(rules.max_seats - seated, 0),
        "warnings": warnings,
    }


def terms_ending_context(request):
    today = timezone.localdate()
    rules = rules_book(request).in_force(today)
    return {"terms": terms_ending_soon(today=today, rules=rules), "rules": rules}


def documents_context(request):
    documents = Document.objects.visible_to(request.user).order_by("-uploaded_at", "-id")
    return {"documents": list(documents[:RECENT_DOCUMENTS])}


def membership_context(request):
    today = timezone.localdate()
    terms = list(Term.objects.filter(person=request.user).order_by("start"))
    return {
        "current": next((term for term in terms if term.is_running(today)), None),
        "upcoming": next((term for term in terms if term.start > today), None),
        "last": terms[-1] if terms else None,
        "today": today,
    }


def _has_a_term(user):
    roles = roles_for(user)
    return roles.seated or roles.upcoming or roles.former_member


PANELS = [
    Panel(
        key="members.declaration",
        title=_("Sign the confidentiality declaration"),
        template="members/panels/declaration.html",
        visible=lambda user: allowed(user, "members.sign_declaration"),
        context=declaration_context,
        order=1,
    ),
    Panel(
        key="members.seats",
        title=_("Seats and warnings"),
        template="members/panels/seats.html",
        visible=lambda user: allowed(user, "members.view_seat_warnings"),
        context=seats_context,
        order=10,
    ),
    Panel(
        key="members.terms_ending",
        title=_("Terms ending soon"),
        template="members/panels/terms_ending.html",
        visible=lambda user: allowed(user, "members.manage_people"),
        context=terms_ending_context,
        order=12,
    ),
    Panel(
        key="members.documents",
        title=_("Recent documents"),
        template="members/panels/documents.html",
        visible=lambda user: allowed(user, "members.view_recent_documents"),
        context=documents_context,
        order=40,
    ),
    Panel(
        key="members.membership",
        title=_("My membership"),
        template="members/panels/membership.html",
        visible=_has_a_term,
        context=membership_context,
        order=50,
    ),
]
