"""Advice dossiers: topics, the dossier with its kind, reference number, visibility and clock,
its states and the appended history of its moves, deadline extensions, documents and the links to
agenda items (held here, on the higher floor: meetings never imports advice).

Changing a dossier goes through advice.services; the models hold what needs no other rows.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.roles import roles_for
from wijraad.models import PrivateFile, Visibility


class Topic(models.Model):
    """A subject an advice can be about (privacy, location and reception …); the secretary keeps
    the list, seeded with WIJ's own."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Only topics in use are offered for new dossiers.")
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DossierKind(models.TextChoices):
    REQUESTED = "requested", _("Requested advice")
    UNREQUESTED = "unrequested", _("Unrequested advice")
    CONSENT = "consent", _("Consent request")

    @classmethod
    def from_board(cls):
        """The kinds the board asks for: it submits them, and sees them from the start."""
        return [cls.REQUESTED, cls.CONSENT]


KIND_EXPLANATIONS = {
    DossierKind.REQUESTED: _(
        "The board asks the council for advice before it decides. The council gives its advice "
        "in writing, with reasons. The board answers in writing."
    ),
    DossierKind.UNREQUESTED: _(
        "The council gives advice on its own initiative, about something that matters to the "
        "people WIJ supports. The board answers in writing."
    ),
    DossierKind.CONSENT: _(
        "The board needs the council's consent before it carries out this decision. Without "
        "consent, only the confidential committee can give replacement consent."
    ),
}


class DossierState(models.TextChoices):
    RECEIVED = "received", _("Request received")
    OPENED = "opened", _("Opened by the council")
    IN_PREPARATION = "in_preparation", _("In preparation")
    ADOPTED = "adopted", _("Adopted by the council")
    SENT = "sent", _("Sent to the board")
    ANSWERED = "answered", _("Answered by the board")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def open(cls):
        return [
            cls.RECEIVED,
            cls.OPENED,
            cls.IN_PREPARATION,
            cls.ADOPTED,
            cls.SENT,
            cls.ANSWERED,
        ]

    @classmethod
    def preparing(cls):
        """The council is still working on its advice (the advice clock runs)."""
        return [cls.RECEIVED, cls.OPENED, cls.IN_PREPARATION]

    @classmethod
    def with_the_board(cls):
        """The advice has been sent: the board sees it."""
        return [cls.SENT, cls.ANSWERED, cls.CLOSED]


# The allowed moves; advice.services.dossier_transition is the one function that moves a dossier.
# Withdrawing (by the board or the council, with a reason) is allowed from every open state.
DOSSIER_TRANSITIONS = {
    DossierState.RECEIVED: {DossierState.IN_PREPARATION, DossierState.WITHDRAWN},
    DossierState.OPENED: {DossierState.IN_PREPARATION, DossierState.WITHDRAWN},
    DossierState.IN_PREPARATION: {DossierState.ADOPTED, DossierState.WITHDRAWN},
    DossierState.ADOPTED: {DossierState.SENT, DossierState.WITHDRAWN},
    DossierState.SENT: {DossierState.ANSWERED, DossierState.CLOSED, DossierState.WITHDRAWN},
    DossierState.ANSWERED: {DossierState.CLOSED, DossierState.WITHDRAWN},
    DossierState.CLOSED: set(),
    DossierState.WITHDRAWN: set(),
}

# A consent request is not answered with follows / does not follow: once sent, it closes when the
# decision is carried out (with consent or replacement consent). Advice is answered before closing.
EDGES_NOT_FOR_KIND = {
    DossierKind.REQUESTED: {(DossierState.SENT, DossierState.CLOSED)},
    DossierKind.UNREQUESTED: {(DossierState.SENT, DossierState.CLOSED)},
    DossierKind.CONSENT: {
        (DossierState.SENT, DossierState.ANSWERED),
        (DossierState.ANSWERED, DossierState.CLOSED),
        (DossierState.ANSWERED, DossierState.WITHDRAWN),
    },
}

# The state a new dossier starts in, by kind.
FIRST_STATE = {
    DossierKind.REQUESTED: DossierState.RECEIVED,
    DossierKind.CONSENT: DossierState.RECEIVED,
    DossierKind.UNREQUESTED: DossierState.OPENED,
}


def board_scope(prefix=""):
    """Q: what a board user may see of a dossier reached through `prefix`: a level shown to the
    board, and the board's own request or advice that was sent to it."""
    return Q(**{f"{prefix}visibility__in": [Visibility.PUBLIC, Visibility.BOARD]}) & (
        Q(**{f"{prefix}kind__in": DossierKind.from_board()})
        | Q(**{f"{prefix}state__in": DossierState.with_the_board()})
    )


def dossier_scope(user, prefix=""):
    """Q for the dossiers `user` may see, or None for none at all."""
    roles = roles_for(user)
    if roles.member or roles.secretary:
        return Q(**{f"{prefix}visibility__in": roles.visibility_levels})
    if roles.board:
        return board_scope(prefix)
    return None


class DossierQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Members and the secretary: the levels they see (restricted only the chair and the
        secretary); board users: their requests and what was sent to them; nobody else."""
        scope = dossier_scope(user)
        if scope is None:
            return self.none()
        return self.filter(scope)

    def published(self):
        return self.filter(published_at__isnull=False).exclude(state=DossierState.WITHDRAWN)

    def open(self):
        return self.filter(state__in=DossierState.open())

    def for_list(self):
        return self.select_related("topic").order_by("-year", "-number")


class Dossier(models.Model):
    """An advice dossier: requested advice, unrequested advice or a consent request.

    Its reference number is `WR-<year>-<nnn>`, counted per year (advice.services gives it out under
    the council's lock). The advice clock: `advice_due` (the council's deadline, from the rules in
    force on the request's day) and `answer_due` (the board's, set when the advice is sent).
    """

    kind = models.CharField(_("kind"), max_length=20, choices=DossierKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="dossiers"
    )
    board_question = models.TextField(
        _("the board's question"),
        blank=True,
        help_text=_("What the board asks the council (for unrequested advice: what it is about)."),
    )
    intended_decision = models.TextField(_("intended decision"), blank=True)
    decision_planned_on = models.DateField(_("decision planned on"), null=True, blank=True)
    visibility = models.CharField(
        _("who may see it"), max_length=20, choices=Visibility.choices, default=Visibility.COUNCIL
    )
    state = models.CharField(
        _("state"), max_length=20, choices=DossierState.choices, default=DossierState.RECEIVED
    )
    requested_on = models.DateField(_("requested on"))
    advice_due = models.DateField(_("advice due"))
    sent_at = models.DateTimeField(_("sent to the board at"), null=True, blank=True)
    answer_due = models.DateField(_("answer due"), null=True, blank=True)
    decision_carried_out_on = models.DateField(_("decision carried out on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    working_group = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("working group"),
        related_name="advice_working_groups",
        blank=True,
    )
    agenda_items = models.ManyToManyField(
        "meetings.AgendaItem",
        verbose_name=_("agenda items"),
        related_name="dossiers",
        blank=True,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_requests",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)
    # Raised on every move: a form carries it, so a stale form (the dossier moved on) is refused.
    revision = models.PositiveIntegerField(_("revision"), default=0)

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("advice dossier")
        verbose_name_plural = _("advice dossiers")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="dossier_reference_unique"),
            models.CheckConstraint(
                condition=Q(advice_due__gte=models.F("requested_on")),
                name="dossier_advice_due_after_request",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="dossier_visibility_known"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DossierKind.values), name="dossier_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(state__in=DossierState.values), name="dossier_state_known"
            ),
            models.CheckConstraint(
                condition=Q(number__gt=0) & Q(number__lt=1000), name="dossier_number_range"
            ),
        ]
        indexes = [models.Index(fields=["state", "advice_due"], name="dossier_state_due_idx")]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse("advice:detail", args=[self.pk])

    @property
    def reference(self):
        return f"WR-{self.year}-{self.number:03d}"

    @property
    def kind_explanation(self):
        return KIND_EXPLANATIONS[DossierKind(self.kind)]

    @property
    def is_consent(self):
        return self.kind == DossierKind.CONSENT

    @property
    def is_open(self):
        return self.state in DossierState.open()

    @property
    def is_preparing(self):
        return self.state in DossierState.preparing()

    @property
    def is_from_board(self):
        return self.kind in DossierKind.from_board()

    def allowed_transitions(self):
        excluded = EDGES_NOT_FOR_KIND.get(self.kind, set())
        return [
            state
            for state in DossierState
            if state in DOSSIER_TRANSITIONS[self.state] and (self.state, state) not in excluded
        ]

    def may_move_to(self, state):
        return state in self.allowed_transitions()

    def advice_days_left(self, today=None):
        """Days until the council's advice is due (negative when late); None once it is sent."""
        if not self.is_preparing and self.state != DossierState.ADOPTED:
            return None
        return (self.advice_due - (today or timezone.localdate())).days

    def answer_days_left(self, today=None):
        """Days until the board's answer is due (negative when late); None unless waiting."""
        if self.state != DossierState.SENT or self.answer_due is None or self.is_consent:
            return None
        return (self.answer_due - (today or timezone.localdate())).days

    def advice_overdue(self, today=None):
        days = self.advice_days_left(today)
        return days is not None and days < 0

    def answer_overdue(self, today=None):
        days = self.answer_days_left(today)
        return days is not None and days < 0


class DossierStateChange(models.Model):
    """One move of a dossier from one state to another, with who, when and why. Appended, never
    edited."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="state_changes"
    )
    from_state = models.CharField(
        _("from"), max_length=20, choices=DossierState.choices, blank=True
    )
    to_state = models.CharField(_("to"), max_length=20, choices=DossierState.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("dossier state change")
        verbose_name_plural = _("dossier state changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.dossier_id}: {self.from_state} → {self.to_state}"


class DeadlineKind(models.TextChoices):
    ADVICE = "advice", _("The council's advice")
    ANSWER = "answer", _("The board's answer")


class DeadlineExtension(models.Model):
    """A deadline moved later, as agreed between board and council, with the reason. Appended."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="extensions"
    )
    deadline = models.CharField(_("deadline"), max_length=10, choices=DeadlineKind.choices)
    old_date = models.DateField(_("old date"))
    new_date = models.DateField(_("new date"))
    reason = models.CharField(_("reason"), max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(new_date__gt=models.F("old_date")), name="extension_moves_later"
            ),
        ]

    def __str__(self):
        return f"{self.dossier_id}: {self.deadline} {self.old_date} → {self.new_date}"


class DossierDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = dossier_scope(user, "dossier__")
        if scope is None:
            return self.none()
        return self.filter(scope, visibility__in=roles_for(user).visibility_levels)


class DossierDocument(PrivateFile):
    """A document of a dossier (the board's request, a policy paper …) in the private storage."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    visibility = models.CharField(
        _("who may see it"), max_length=20, choices=Visibility.choices, default=Visibility.BOARD
    )

    objects = DossierDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier document")
        verbose_name_plural = _("dossier documents")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values),
                name="dossier_document_visibility_known",
            ),
        ]

    def __str__(self):
        return self.title


def weeks_after(day, weeks):
    return day + datetime.timedelta(weeks=weeks)
