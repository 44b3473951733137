"""The agenda of a meeting with its items and papers, and attendance.

Who sees an agenda item follows both the
meeting's kind (KIND_VISIBILITY) and the item's own visibility level; a paper needs its own level
too. Changes go through meetings.services.agenda.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meetings.models.meetings import (
    MeetingKind,
    MeetingState,
    kinds_visible_to,
)
from members.roles import roles_for
from wijraad.models import PrivateFile, Visibility


def meeting_scope(user, prefix):
    """Q for the meetings `user` sees (by kind), on a relation reached through `prefix`."""
    return Q(**{f"{prefix}kind__in": kinds_visible_to(user)})


def agenda_out(prefix):
    """Q: the agenda of the meeting reached through `prefix` is out (published, or held)."""
    return Q(**{f"{prefix}agenda_published_at__isnull": False}) | Q(
        **{f"{prefix}state__in": MeetingState.taken_place()}
    )


def public_scope(prefix=""):
    """Q for the agenda items on the public side: level "public", of a council meeting or a
    consultation whose agenda is out (not cancelled)."""
    return (
        Q(**{f"{prefix}visibility": Visibility.PUBLIC})
        & Q(**{f"{prefix}meeting__kind__in": MeetingKind.counted()})
        & agenda_out(f"{prefix}meeting__")
        & ~Q(**{f"{prefix}meeting__state": MeetingState.CANCELLED})
    )


def item_scope(user, prefix=""):
    """Q for the agenda items `user` may see: the meeting's kind, the item's level and, for those
    who do not prepare agendas, only once the agenda is out."""
    roles = roles_for(user)
    scope = meeting_scope(user, f"{prefix}meeting__") & Q(
        **{f"{prefix}visibility__in": roles.visibility_levels}
    )
    if not (roles.secretary or roles.chair):
        scope &= agenda_out(f"{prefix}meeting__")
    return scope


# --- Agenda --------------------------------------------------------------------------------------


class AgendaItemKind(models.TextChoices):
    INFORMATION = "information", _("For information")
    DISCUSSION = "discussion", _("For discussion")
    DECISION = "decision", _("For decision")
    ADVICE = "advice", _("Advice")


class AgendaItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user or not user.is_authenticated:
            return self.none()
        return self.filter(item_scope(user))

    def public(self):
        """Items everyone may read, logged in or not (the public agenda)."""
        return self.filter(public_scope())

    def decisions(self):
        """Items with a decision in adopted minutes: the decision list (besluitenlijst). Draft
        minutes' decisions are not final, so they are left out."""
        return self.exclude(decision="").filter(meeting__minutes__state="adopted")

    def about(self, text):
        """Items whose title or decision mentions `text` (the decision list's topic search)."""
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(title__icontains=text) | Q(decision__icontains=text))


class AgendaItem(models.Model):
    """One item of a meeting's agenda, in the order of `position`."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind of item"),
        max_length=20,
        choices=AgendaItemKind.choices,
        default=AgendaItemKind.DISCUSSION,
    )
    presenter = models.CharField(
        _("presented by"), max_length=150, blank=True, help_text=_("Who introduces the item.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("planned time (minutes)"), null=True, blank=True
    )
    visibility = models.CharField(
        _("who may see it"), max_length=20, choices=Visibility.choices, default=Visibility.COUNCIL
    )
    notes = models.TextField(_("minutes of this item"), blank=True)
    decision = models.TextField(_("decision"), blank=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="agenda_item_visibility_known"
            ),
        ]

    def __str__(self):
        return self.title


class AgendaDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user or not user.is_authenticated:
            return self.none()
        levels = roles_for(user).visibility_levels
        return self.filter(item_scope(user, "agenda_item__"), visibility__in=levels)

    def public(self):
        """Current papers everyone may read: level "public", on a public agenda item."""
        return self.filter(
            public_scope("agenda_item__"), visibility=Visibility.PUBLIC, superseded_at__isnull=True
        )


class AgendaDocument(PrivateFile):
    """A paper (vergaderstuk) on an agenda item, kept in the private storage."""

    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    visibility = models.CharField(
        _("who may see it"), max_length=20, choices=Visibility.choices, default=Visibility.COUNCIL
    )
    # A new version replaces a paper: the old one stays (its file too) as an earlier version.
    previous = models.ForeignKey(
        "self",
        verbose_name=_("replaces"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    superseded_at = models.DateTimeField(_("replaced on"), null=True, blank=True)
    objects = AgendaDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting paper")
        verbose_name_plural = _("meeting papers")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values),
                name="agenda_document_visibility_known",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_current(self):
        return self.superseded_at is None

    def is_new_since(self, published_at):
        """Added after the agenda went out (`published_at`): marked "new" on the agenda."""
        return published_at is not None and self.uploaded_at > published_at


# --- Attendance ----------------------------------------------------------------------------------


class AttendanceAnswer(models.TextChoices):
    PRESENT = "present", _("I will be there")
    ABSENT = "absent", _("I cannot come")


class AttendanceQuerySet(models.QuerySet):
    def counted(self):
        """The rows that count: of people holding a seat on the meeting's day (signed or not), as
        the quorum counts them (meetings.services.attendance_count). A row left by a board user,
        or by someone whose term was later corrected or withdrawn, counts nowhere: not in the
        annual report, not for the allowance."""
        from members.models import Term

        running = Term.objects.active_on(models.OuterRef("meeting__date"))
        return self.filter(models.Exists(running.filter(person=models.OuterRef("person"))))


class Attendance(models.Model):
    """A member's answer before a meeting, and whether they were actually there (recorded by the
    secretary afterwards)."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    answer = models.CharField(
        _("answer"), max_length=10, choices=AttendanceAnswer.choices, blank=True
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    attended = models.BooleanField(_("was there"), null=True, blank=True)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.person_id}"
