"""Residents' signals (signalen): what a resident or a member reported, its theme, where it went.

Contact details are kept apart (`SignalContact`), seen only by the secretary (every view logged
in `ContactView`) and removed a set time after closing; the story is removed later still
(anonymised), while theme, location, dates and outcome stay for the trends (signals.retention).
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.roles import roles_for

STORY_MAX_LENGTH = 5000
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out on the phone


class SignalTheme(models.Model):
    """What a signal is about; the secretary keeps the list (seeded with the usual ones)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.CharField(_("explanation"), max_length=300, blank=True)
    is_active = models.BooleanField(
        _("offered on the form"),
        default=True,
        help_text=_("Themes no longer offered stay on the signals that have them."),
    )

    class Meta:
        verbose_name = _("signal theme")
        verbose_name_plural = _("signal themes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SignalChannel(models.TextChoices):
    FORM = "form", _("Public form")
    WORK_VISIT = "work_visit", _("Work visit")
    PHONE = "phone", _("Phone call")
    EMAIL = "email", _("E-mail")
    MEETING = "meeting", _("Meeting")


class SignalState(models.TextChoices):
    NEW = "new", _("New")
    TRIAGE = "triage", _("In triage")
    DISCUSSION = "discussion", _("Being discussed")
    ADVICE = "advice", _("Taken into advice")
    CLOSED = "closed", _("Closed")
    NOT_FOR_COUNCIL = "not_for_council", _("Not for the council")
    MERGED = "merged", _("Merged into another signal")

    @classmethod
    def finished(cls):
        return (cls.CLOSED, cls.NOT_FOR_COUNCIL, cls.MERGED)

    @classmethod
    def open(cls):
        return (cls.NEW, cls.TRIAGE, cls.DISCUSSION, cls.ADVICE)


# Allowed moves; signals.services.signal_transition is the one place that checks them. Merging
# has its own service (signal_merge), which moves to MERGED through the same table.
SIGNAL_TRANSITIONS = {
    SignalState.NEW: {SignalState.TRIAGE, SignalState.NOT_FOR_COUNCIL, SignalState.MERGED},
    SignalState.TRIAGE: {
        SignalState.DISCUSSION,
        SignalState.ADVICE,
        SignalState.CLOSED,
        SignalState.NOT_FOR_COUNCIL,
        SignalState.MERGED,
    },
    SignalState.DISCUSSION: {SignalState.ADVICE, SignalState.CLOSED, SignalState.MERGED},
    SignalState.ADVICE: {SignalState.CLOSED},
    SignalState.CLOSED: set(),
    SignalState.NOT_FOR_COUNCIL: set(),
    SignalState.MERGED: set(),
}


def new_reference():
    return "S-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def _token_key():
    return hashlib.sha256(f"wijraad.signals.status:{settings.SECRET_KEY}".encode()).digest()


def status_verifier(selector):
    """The secret half of a status-page address, derived from its public half with a key only the
    portal has: the database alone (a backup, a leak) gives no working address."""
    return hmac.new(_token_key(), selector.encode(), hashlib.sha256).hexdigest()[:32]


def token_hash(verifier):
    return hashlib.sha256(verifier.encode()).hexdigest()


class SignalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Members and the secretary see every signal (without contact details); the board sees
        only aggregated figures (signals.trends), everyone else nothing."""
        if not user or not user.is_authenticated:
            return self.none()
        roles = roles_for(user)
        if roles.member or roles.secretary:
            return self.all()
        return self.none()

    def open(self):
        return self.filter(state__in=SignalState.open())


class Signal(models.Model):
    reference = models.CharField(_("reference"), max_length=12, unique=True, default=new_reference)
    theme = models.ForeignKey(
        SignalTheme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="signals"
    )
    location = models.ForeignKey(
        "meetings.Location",
        verbose_name=_("WIJ location"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
    )
    neighbourhood = models.CharField(_("neighbourhood"), max_length=100, blank=True)
    story = models.TextField(_("story"), max_length=STORY_MAX_LENGTH, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=SignalChannel.choices)
    state = models.CharField(
        _("state"), max_length=20, choices=SignalState.choices, default=SignalState.NEW
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate, db_index=True)
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    visit_report = models.ForeignKey(
        "meetings.WorkVisitReport",
        verbose_name=_("work visit report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
    )
    outcome = models.TextField(
        _("outcome"),
        blank=True,
        help_text=_("What came of it, in plain words: the resident reads this."),
    )
    referral = models.TextField(
        _("where to go instead"),
        blank=True,
        help_text=_("For a signal that is not for the council: who can help the resident."),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    agenda_items = models.ManyToManyField(
        "meetings.AgendaItem", verbose_name=_("agenda items"), related_name="signals", blank=True
    )
    # The advice dossiers the signal fed (the link is held here, on the higher floor).
    dossiers = models.ManyToManyField(
        "advice.Dossier", verbose_name=_("advice dossiers"), related_name="signals", blank=True
    )
    language = models.CharField(_("language"), max_length=10, default="nl")
    # The idempotency key of the public form: a form posted twice stores one signal.
    intake_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # The status page's address is /signalen/status/<selector><verifier>/: the selector finds
    # the row, the verifier is compared by its hash in constant time (see status_verifier).
    status_selector = models.CharField(
        max_length=16, null=True, blank=True, unique=True, editable=False
    )
    status_hash = models.CharField(max_length=64, blank=True, editable=False)
    contact_removed_at = models.DateTimeField(
        _("contact details removed at"), null=True, blank=True
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=SignalState.values), name="signal_state_known"
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=SignalChannel.values), name="signal_channel_known"
            ),
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("pk")), name="signal_not_merged_in_itself"
            ),
        ]
        indexes = [models.Index(fields=["state", "closed_at"], name="signal_state_closed_idx")]

    def __str__(self):
        return self.reference

    @property
    def is_finished(self):
        return self.state in SignalState.finished()

    def allowed_transitions(self):
        return [state for state in SignalState if state in SIGNAL_TRANSITIONS[self.state]]

    def new_status_token(self):
        """Give the signal a status-page address and return its token (shown once, in the
        e-mail); only the selector and a hash of the verifier are stored."""
        self.status_selector = secrets.token_hex(8)
        self.status_hash = token_hash(status_verifier(self.status_selector))
        return self.status_token()

    def status_token(self):
        """The token of the status page (rebuilt from the selector with the portal's key)."""
        if not self.status_selector:
            return ""
        return self.status_selector + status_verifier(self.status_selector)


class SignalContact(models.Model):
    """How to reach the resident who left a signal, only if they want an answer: kept apart from
    the signal, seen only by the secretary, removed after follow-up (signals.retention)."""

    signal = models.OneToOneField(
        Signal, verbose_name=_("signal"), on_delete=models.CASCADE, related_name="contact"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), default=timezone.now)
    # What the consent box said; the retention run keeps to it when the rules later say longer.
    promised_months = models.PositiveSmallIntegerField(
        _("removed after closing (months)"),
        null=True,
        blank=True,
        help_text=_("As promised when consent was given; empty: as the rules in force say."),
    )

    class Meta:
        verbose_name = _("contact details of a signal")
        verbose_name_plural = _("contact details of signals")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""),
                name="signal_contact_has_a_way_to_reach",
            )
        ]

    def __str__(self):
        return str(_("Contact details of %(reference)s") % {"reference": self.signal.reference})


class ContactView(models.Model):
    """Every time someone opened a signal's contact details (DESIGN rule 15)."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="contact_views")
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("view of contact details")
        verbose_name_plural = _("views of contact details")
        ordering = ["-viewed_at", "-pk"]

    def __str__(self):
        return f"{self.signal_id} {self.viewed_at:%Y-%m-%d %H:%M}"


class SignalStateChange(models.Model):
    """The history of a signal's state: appended, never edited."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(max_length=20, choices=SignalState.choices)
    to_state = models.CharField(max_length=20, choices=SignalState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("state change of a signal")
        verbose_name_plural = _("state changes of signals")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.signal_id}: {self.from_state} → {self.to_state}"
