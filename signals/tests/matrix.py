"""The signals app's part of the permission matrix (see wijraad.testing.matrix).

Residents need no account: the form, its confirmation and the status page (the token is the
credential) answer everyone. Members and the secretary see signals (404 for everyone else: not
visible); only the secretary sees contact details and triages (403 for members); the board sees
the trends only.
"""

import datetime

from django.utils import timezone

from advice.tests.factories import DossierFactory
from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from signals.models import Signal, SignalTheme
from signals.tests.factories import (
    SignalContactFactory,
    SignalFactory,
    SignalThemeFactory,
    signal_with_email,
)
from wijraad.models import Visibility
from wijraad.testing.matrix import ALLOWED, Route, everyone, logged_in

CONTACT_NAME = "Matrix-bewoner"
CONTACT_EMAIL = "matrix-bewoner@example.net"

COUNCIL = logged_in(403, lid=200, voorzitter=200, secretaris=200)
COUNCIL_POSTS = logged_in(403, lid=ALLOWED, voorzitter=ALLOWED, secretaris=ALLOWED)
SIGNAL = logged_in(404, lid=200, voorzitter=200, secretaris=200)
SIGNAL_SECRETARY = logged_in(404, lid=403, voorzitter=403, secretaris=200)
SIGNAL_SECRETARY_POST = logged_in(404, lid=403, voorzitter=403, secretaris=ALLOWED)
SECRETARY = logged_in(403, secretaris=200)
SECRETARY_POSTS = logged_in(403, secretaris=ALLOWED)
TRENDS = logged_in(403, lid=200, voorzitter=200, secretaris=200, bestuurder=200)
POST_ONLY = logged_in(405)


def objects(personas, made):
    contact = SignalContactFactory(name=CONTACT_NAME, email=CONTACT_EMAIL)
    _with_email, token = signal_with_email()
    meeting = MeetingFactory(
        title="Matrix-signalenvergadering",
        date=timezone.localdate() + datetime.timedelta(days=20),
    )
    item = AgendaItemFactory(meeting=meeting, title="Matrix-signalenpunt")
    dossier = DossierFactory(visibility=Visibility.COUNCIL)
    linked = SignalFactory()
    linked.agenda_items.add(item)
    linked.dossiers.add(dossier)
    return {
        "signal": contact.signal,
        "other_signal": SignalFactory(),
        "linked_signal": linked,
        "signal_item": item,
        "signal_dossier": dossier,
        "status_token": token,
        "signal_theme": SignalThemeFactory(name="Matrix-signaalthema"),
    }


def signal_state(o):
    return list(
        Signal.objects.order_by("pk").values_list(
            "pk", "state", "theme", "location", "merged_into", "outcome"
        )
    ) + [
        sorted(Signal.agenda_items.through.objects.values_list("signal", "agendaitem")),
        sorted(Signal.dossiers.through.objects.values_list("signal", "dossier")),
    ]


def theme_state(o):
    return list(SignalTheme.objects.order_by("pk").values_list("pk", "name", "is_active"))


def signal_pk(o):
    return {"pk": o["signal"].pk}


ROUTES = [
    Route("signals:submit", get=everyone(200), post=everyone(ALLOWED)),
    Route("signals:submitted", get=everyone(302)),
    Route("signals:status", kwargs=lambda o: {"token": o["status_token"]}, get=everyone(200)),
    Route("signals:list", get=COUNCIL, absent={"lid": lambda o: CONTACT_NAME}),
    Route(
        "signals:record",
        get=COUNCIL,
        post=COUNCIL_POSTS,
        data=lambda o: {
            "channel": "phone",
            "received_on": timezone.localdate().isoformat(),
            "theme": o["signal_theme"].pk,
            "story": "Matrix",
        },
        snapshot=signal_state,
    ),
    Route(
        "signals:detail",
        kwargs=signal_pk,
        get=SIGNAL,
        absent={"lid": lambda o: CONTACT_EMAIL, "secretaris": lambda o: CONTACT_EMAIL},
        present={"lid": lambda o: o["signal"].story},
    ),
    Route(
        "signals:contact",
        kwargs=signal_pk,
        get=SIGNAL_SECRETARY,
        present={"secretaris": lambda o: CONTACT_EMAIL},
    ),
    Route(
        "signals:transition",
        kwargs=signal_pk,
        get=POST_ONLY,
        post=SIGNAL_SECRETARY_POST,
        data=lambda o: {"to": "triage"},
        snapshot=signal_state,
    ),
    Route(
        "signals:merge",
        kwargs=signal_pk,
        get=POST_ONLY,
        post=SIGNAL_SECRETARY_POST,
        data=lambda o: {"into": o["other_signal"].reference},
        snapshot=signal_state,
    ),
    Route(
        "signals:link",
        kwargs=signal_pk,
        get=POST_ONLY,
        post=SIGNAL_SECRETARY_POST,
        data=lambda o: {"agenda_item": o["signal_item"].pk},
        snapshot=signal_state,
    ),
    Route(
        "signals:unlink",
        kwargs=lambda o: {"pk": o["linked_signal"].pk, "item_pk": o["signal_item"].pk},
        get=POST_ONLY,
        post=SIGNAL_SECRETARY_POST,
        snapshot=signal_state,
    ),
    Route(
        "signals:link_dossier",
        kwargs=signal_pk,
        get=POST_ONLY,
        post=SIGNAL_SECRETARY_POST,
        data=lambda o: {"dossier": o["signal_dossier"].pk},
        snapshot=signal_state,
    ),
    Route(
        "signals:unlink_dossier",
        kwargs=lambda o: {"pk": o["linked_signal"].pk, "dossier_pk": o["signal_dossier"].pk},
        get=POST_ONLY,
        post=SIGNAL_SECRETARY_POST,
        snapshot=signal_state,
    ),
    Route(
        "signals:edit",
        kwargs=signal_pk,
        get=POST_ONLY,
        post=SIGNAL_SECRETARY_POST,
        data=lambda o: {"theme": o["signal_theme"].pk, "neighbourhood": "Matrixwijk"},
        snapshot=signal_state,
    ),
    Route(
        "signals:themes",
        get=SECRETARY,
        post=SECRETARY_POSTS,
        data=lambda o: {"name": "Matrix-thema", "is_active": "on"},
        snapshot=theme_state,
    ),
    Route(
        "signals:theme_edit",
        kwargs=lambda o: {"pk": o["signal_theme"].pk},
        get=SECRETARY,
        post=SECRETARY_POSTS,
        data=lambda o: {"name": "Matrix-ander-thema"},
        snapshot=theme_state,
    ),
    Route("signals:trends", get=TRENDS),
    Route("signals:trends_csv", get=TRENDS),
]
