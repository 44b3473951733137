"""The minutes (notulen) of a meeting, and the action items (actiepunten) and board commitments
(toezeggingen) agreed in it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models.agenda import AgendaItem, item_scope, meeting_scope
from members.roles import roles_for

# --- Minutes -------------------------------------------------------------------------------------


class MinutesState(models.TextChoices):
    DRAFT = "draft", _("Draft (secretary and chair)")
    SHARED = "shared", _("Draft shared with the members")
    ADOPTED = "adopted", _("Adopted")


MINUTES_TRANSITIONS = {
    MinutesState.DRAFT: {MinutesState.SHARED},
    MinutesState.SHARED: {MinutesState.DRAFT, MinutesState.ADOPTED},
    MinutesState.ADOPTED: set(),
}


def minutes_states_visible_to(user):
    """The states of minutes `user` may read (of meetings they see), or None for all of them and
    for meetings without minutes yet: the chair and the secretary, who draft them. Shared drafts
    are for the council (members and the secretary); adopted minutes for whoever sees the
    meeting."""
    roles = roles_for(user)
    if roles.secretary or roles.chair:
        return None
    if roles.member:
        return [MinutesState.SHARED, MinutesState.ADOPTED]
    return [MinutesState.ADOPTED]


class Minutes(models.Model):
    """The minutes (notulen) of one meeting: per agenda item on the item (`notes`, `decision`),
    and here their state and the later meeting that adopted them."""

    meeting = models.OneToOneField(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="minutes",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=MinutesState.choices, default=MinutesState.DRAFT
    )
    general = models.TextField(_("general remarks"), blank=True)
    adopted_at_meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("adopted at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minutes_adopted_here",
    )
    adopted_at = models.DateTimeField(_("adopted on"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=~Q(adopted_at_meeting=models.F("meeting")),
                name="minutes_not_adopted_in_own_meeting",
            ),
        ]

    def __str__(self):
        return str(_("Minutes of %(meeting)s") % {"meeting": self.meeting})

    @property
    def is_adopted(self):
        return self.state == MinutesState.ADOPTED


# --- Action items and board commitments ----------------------------------------------------------


class ActionKind(models.TextChoices):
    ACTION = "action", _("Action item")
    COMMITMENT = "commitment", _("Board commitment")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


ACTION_TRANSITIONS = {
    ActionStatus.OPEN: {ActionStatus.DONE, ActionStatus.DROPPED},
    ActionStatus.DONE: {ActionStatus.OPEN},
    ActionStatus.DROPPED: {ActionStatus.OPEN},
}


class ActionItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Action items `user` may see: of meetings they see, once the minutes they belong to
        are out to them (the same gate as the minutes: drafts for the chair and the secretary,
        shared drafts for the council, adopted minutes for everyone who sees the meeting), and
        one made under an agenda item only with that item (its level, its agenda out)."""
        if not user or not user.is_authenticated:
            return self.none()
        rows = self.filter(
            meeting_scope(user, "meeting__"),
            Q(agenda_item__isnull=True) | item_scope(user, "agenda_item__"),
        )
        states = minutes_states_visible_to(user)
        if states is not None:
            rows = rows.filter(meeting__minutes__state__in=states)
        return rows

    def open(self):
        return self.filter(status=ActionStatus.OPEN)

    def carried_to(self, meeting):
        """What the agenda of `meeting` carries forward: items of earlier meetings of the same
        kind that were still open on its day (open now, or closed on or after it)."""
        return self.filter(meeting__kind=meeting.kind, meeting__date__lt=meeting.date).filter(
            Q(status=ActionStatus.OPEN) | Q(closed_at__date__gte=meeting.date)
        )

    def for_list(self):
        return self.select_related("meeting", "owner", "agenda_item").order_by(
            models.F("due_date").asc(nulls_last=True), "pk"
        )


class ActionItem(models.Model):
    """An action item (actiepunt) agreed in a meeting, or, in a consultation, a board commitment
    (toezegging): something the board promised, with the board member responsible."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("agreed in"),
        on_delete=models.CASCADE,
        related_name="action_items",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=ActionKind.choices, default=ActionKind.ACTION
    )
    title = models.CharField(_("what"), max_length=250)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status == ActionStatus.OPEN

    def is_visible_to(self, user):
        """Whether `user` may see this action item (ActionItemQuerySet.visible_to): one query."""
        return ActionItem.objects.visible_to(user).filter(pk=self.pk).exists()

    def is_overdue(self, today=None):
        return (
            self.is_open
            and self.due_date is not None
            and (self.due_date < (today or timezone.localdate()))
        )
