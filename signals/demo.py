"""Demo signals: a triage list that looks alive on whatever day the demo is loaded.

- signals from the public form, work visits, phone calls and e-mails over the last year, in every
  state: new, in triage, being discussed (on the next council agenda), closed with an outcome, not
  for the council (with where to go instead) and one merged duplicate;
- two with contact details (demo addresses, example.net), one of them closed, so the status page
  and the message back can be tried; enough per theme for the trends page to show groups.

Idempotent: made only when there are no signals yet; dates relative to the day of loading.
"""

import datetime

from django.utils import timezone

from meetings.models import AgendaItem, Location, Meeting, MeetingState, WorkVisitReport
from members.models import User
from signals import services
from signals.models import Signal, SignalChannel, SignalContact, SignalState, SignalTheme

STORIES = [
    "Ik moest drie weken wachten op een terugbelafspraak.",
    "De medewerker aan de balie nam echt de tijd voor mij.",
    "De brief over mijn aanvraag was moeilijk te begrijpen.",
    "De lift in het gebouw doet het al weken niet.",
    "Ik weet niet wat er met mijn gegevens gebeurt.",
    "Het spreekuur is alleen overdag; ik werk dan.",
    "Ik kreeg snel hulp bij mijn schulden, dat was fijn.",
]
CHANNELS = [SignalChannel.FORM, SignalChannel.WORK_VISIT, SignalChannel.PHONE, SignalChannel.EMAIL]


# The themes the migration seeds, made again if they are gone (a test database that was emptied).
THEMES = [
    "Bereikbaarheid en wachttijd",
    "Bejegening",
    "Informatie en uitleg",
    "Kwaliteit van de hulp",
    "Locatie en ontvangst",
    "Privacy",
]


def ensure_themes():
    for name in THEMES:
        SignalTheme.objects.get_or_create(name=name)


def load(*, stdout):
    if Signal.objects.exists():
        stdout.write("Signals: made nothing (all there).")
        return
    today = timezone.localdate()
    by = User.objects.filter(email="secretaris@example.org").first()
    ensure_themes()
    themes = list(SignalTheme.objects.filter(is_active=True).order_by("name"))
    locations = list(Location.objects.order_by("name"))
    report = WorkVisitReport.objects.order_by("-meeting__date").first()
    made = []
    for index in range(42):
        channel = CHANNELS[index % len(CHANNELS)]
        signal = Signal.objects.create(
            theme=themes[(index * 3) % min(len(themes), 5)],
            location=locations[index % len(locations)] if locations and index % 3 else None,
            story=STORIES[index % len(STORIES)],
            channel=channel,
            received_on=today - datetime.timedelta(days=7 * index + 1),
            recorded_by=None if channel == SignalChannel.FORM else by,
            visit_report=report if channel == SignalChannel.WORK_VISIT else None,
        )
        made.append(signal)
    _contact(made[0], "Demo Bewoner", "bewoner@example.net")
    _contact(made[5], "Demo Bewoonster", "bewoonster@example.net")
    for signal in made[4:30]:
        services.signal_transition(signal=signal, to=SignalState.TRIAGE, by=by)
    for signal in made[5:25]:
        services.signal_transition(
            signal=signal,
            to=SignalState.CLOSED,
            by=by,
            outcome="De raad heeft dit besproken met WIJ. WIJ gaat het verbeteren.",
        )
    services.signal_transition(
        signal=made[25],
        to=SignalState.NOT_FOR_COUNCIL,
        by=by,
        referral="Neem contact op met het WIJ-team in uw wijk, of met het klachtenloket van de "
        "gemeente Groningen.",
    )
    services.signal_merge(signal=made[26], into=made[27], by=by)
    item = (
        AgendaItem.objects.filter(meeting__date__gte=today, meeting__state=MeetingState.PLANNED)
        .exclude(meeting__kind="work_visit")
        .order_by("meeting__date")
        .first()
    )
    if item is None:
        meeting = Meeting.objects.filter(date__gte=today).exclude(kind="work_visit").first()
        item = meeting and AgendaItem.objects.filter(meeting=meeting).first()
    if item is not None and by is not None:
        services.signal_link_agenda_item(signal=made[28], item=item, by=by)
    else:
        services.signal_transition(signal=made[28], to=SignalState.DISCUSSION, by=by)
    services.signal_transition(signal=made[29], to=SignalState.ADVICE, by=by)
    services.tallies_rebuild()
    stdout.write(f"Signals: made {len(made)} signals in every state.")


def _contact(signal, name, email):
    signal.new_status_token()
    signal.save(update_fields=["status_selector", "status_hash"])
    SignalContact.objects.create(signal=signal, name=name, email=email)
