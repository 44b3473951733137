"""Demo advice dossiers: one of every stage, relative to the day of loading.

- a request of the board just received (the secretary gets the notice within minutes);
- requested advice in preparation, with a working group, two draft versions and a comment,
  on the agenda of the next council meeting when there is one;
- unrequested advice of the council, sent to the board and waiting for its answer;
- requested advice answered ("partly follows", after a consultation) and published, so the
  public page and the home page show it;
- a consent request the council consented to with conditions.

Idempotent: made only when the demo has no dossiers yet. Past stages are written as rows (the demo
sets the scene; the rules are tested through the services), with the meetings of the demo.
"""

import datetime

from django.utils import timezone

from advice import services
from advice.models import (
    AdoptedAdvice,
    AnswerPosition,
    BoardAnswer,
    ConsentOutcome,
    Dossier,
    DossierKind,
    DossierState,
    DossierStateChange,
    DraftVersion,
    Topic,
)
from meetings.models import AgendaItem, AgendaItemKind, Meeting, MeetingKind, MeetingState
from members.models import User
from wijraad.models import Visibility


def _user(email):
    return User.objects.filter(email=email).first()


def _held(kind, today):
    return (
        Meeting.objects.filter(kind=kind, state__in=MeetingState.taken_place(), date__lt=today)
        .order_by("-date")
        .first()
    )


def _link(dossier, meeting):
    visibility = (
        Visibility.BOARD if meeting.kind == MeetingKind.CONSULTATION else Visibility.COUNCIL
    )
    item = AgendaItem.objects.create(
        meeting=meeting,
        title=f"{dossier.reference} {dossier.title}"[:200],
        kind=AgendaItemKind.ADVICE,
        visibility=visibility,
        position=99,
    )
    dossier.agenda_items.add(item)


def _past(*, kind, title, topic, days_ago, state, by, board, **fields):
    today = timezone.localdate()
    requested_on = today - datetime.timedelta(days=days_ago)
    dossier = Dossier.objects.create(
        kind=kind,
        year=requested_on.year,
        number=services.dossiers.next_number(requested_on.year),
        title=title,
        topic=topic,
        requested_on=requested_on,
        advice_due=requested_on + datetime.timedelta(weeks=6),
        state=state,
        visibility=Visibility.BOARD,
        requested_by=board if kind != DossierKind.UNREQUESTED else None,
        registered_by=by,
        **fields,
    )
    DossierStateChange.objects.create(dossier=dossier, to_state=state, by=by, reason="Demo")
    return dossier


def _adopt(dossier, *, text, meeting, by, consent="", conditions=""):
    version = DraftVersion.objects.create(dossier=dossier, number=1, text=text, author=by)
    return AdoptedAdvice.objects.create(
        dossier=dossier,
        version=version,
        text=text,
        reasons="Inwoners hebben recht op duidelijke en tijdige informatie.",
        summary="De raad vindt het voorstel goed, als WIJ het in eenvoudige taal uitlegt.",
        consent=consent,
        conditions=conditions,
        meeting=meeting,
        adopted_by=by,
    )


def load(*, stdout):
    if Dossier.objects.exists():
        stdout.write("Advice: made nothing (all there).")
        return
    today = timezone.localdate()
    secretary = _user("secretaris@example.org")
    chair = _user("voorzitter@example.org")
    member = _user("lid@example.org")
    board = _user("bestuurder@example.org")
    topics = {topic.name: topic for topic in Topic.objects.all()}
    privacy = topics.get("Privacy") or Topic.objects.create(name="Privacy")
    reception = topics.get("Locatie en ontvangst") or privacy
    information = topics.get("Informatie aan inwoners") or privacy
    quality = topics.get("Kwaliteit en toegankelijkheid van ondersteuning") or privacy
    made = []

    services.dossier_create(
        kind=DossierKind.REQUESTED,
        title="Nieuwe openingstijden van de inloop",
        topic=reception,
        by=board,
        requested_by=board,
        board_question="Wat vindt de raad van kortere openingstijden op vrijdag?",
        intended_decision="De inloop sluit op vrijdag om 13.00 uur.",
        decision_planned_on=today + datetime.timedelta(weeks=10),
    )
    made.append("a request just received")

    preparing = services.dossier_create(
        kind=DossierKind.REQUESTED,
        title="Privacyverklaring voor inwoners",
        topic=privacy,
        by=secretary,
        requested_by=board,
        requested_on=today - datetime.timedelta(days=20),
        board_question="Is de nieuwe privacyverklaring begrijpelijk voor inwoners?",
        intended_decision="De nieuwe privacyverklaring gebruiken vanaf de eerste van de maand.",
        working_group=[person for person in (member, chair) if person],
    )
    first = services.draft_save(
        dossier=preparing, text="De raad vindt de verklaring te lang.", by=member
    )
    services.comment_add(version=first, text="Kunnen we voorbeelden geven?", by=chair)
    services.draft_save(
        dossier=preparing,
        text="De raad vindt de verklaring te lang.\nGeef voorbeelden in eenvoudige taal.",
        by=member,
    )
    coming = (
        Meeting.objects.filter(
            kind=MeetingKind.COUNCIL, state__in=MeetingState.upcoming(), date__gt=today
        )
        .order_by("date")
        .first()
    )
    if coming is not None:
        services.dossier_put_on_agenda(dossier=preparing, meeting=coming, by=secretary)
    made.append("advice in preparation")

    council = _held(MeetingKind.COUNCIL, today)
    consultation = _held(MeetingKind.CONSULTATION, today)
    if council is not None:
        sent = _past(
            kind=DossierKind.UNREQUESTED,
            title="Wachtruimtes op de WIJ-locaties",
            topic=reception,
            days_ago=40,
            state=DossierState.SENT,
            by=secretary,
            board=board,
            sent_at=timezone.now() - datetime.timedelta(days=10),
            answer_due=today + datetime.timedelta(days=18),
            board_question="Inwoners vinden de wachtruimtes te open: anderen horen alles.",
        )
        _link(sent, council)
        _adopt(sent, text="Maak in elke wachtruimte een rustige hoek.", meeting=council, by=chair)
        consent = _past(
            kind=DossierKind.CONSENT,
            title="Kwaliteitsbeleid 2027",
            topic=quality,
            days_ago=60,
            state=DossierState.SENT,
            by=secretary,
            board=board,
            sent_at=timezone.now() - datetime.timedelta(days=14),
            board_question="Geeft de raad instemming met het kwaliteitsbeleid?",
        )
        _link(consent, council)
        _adopt(
            consent,
            text="De raad stemt in met het kwaliteitsbeleid.",
            meeting=council,
            by=chair,
            consent=ConsentOutcome.CONDITIONAL,
            conditions="Na een jaar bespreken bestuur en raad hoe het gaat.",
        )
        made.append("advice waiting for the board, a consent request")
        if consultation is not None:
            answered = _past(
                kind=DossierKind.REQUESTED,
                title="Folder over schuldhulp",
                topic=information,
                days_ago=90,
                state=DossierState.ANSWERED,
                by=secretary,
                board=board,
                sent_at=timezone.now() - datetime.timedelta(days=45),
                answer_due=today - datetime.timedelta(days=17),
                published_at=timezone.now() - datetime.timedelta(days=20),
                board_question="Is de nieuwe folder over schuldhulp duidelijk?",
            )
            _link(answered, council)
            _link(answered, consultation)
            _adopt(answered, text="Maak de folder korter.", meeting=council, by=chair)
            BoardAnswer.objects.create(
                dossier=answered,
                position=AnswerPosition.PARTLY,
                text="Het bestuur maakt de folder korter, maar niet in meer talen.",
                reasons="Vertalen kost dit jaar te veel.",
                summary="De folder wordt korter. Vertalingen komen later.",
                consultation=consultation,
                answered_by=board,
            )
            made.append("answered and published advice")
    stdout.write(f"Advice: made {', '.join(made)}.")
