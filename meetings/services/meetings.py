"""Changes to meetings and locations, and the checks of time and place the schedule shares.

Each service is keyword-only, runs in one transaction and refuses with a translated
ValidationError. Who may call it is decided by the view through meetings.rules; the services
hold the rules of the council's business.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from meetings import reminders
from meetings.models import (
    Location,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
    StateChange,
)
from wijraad.audit import acting

# Changing one of these matters to the people who come: the revision (calendar SEQUENCE) rises.
ATTENDEE_FIELDS = (
    "kind",
    "title",
    "date",
    "start_time",
    "end_time",
    "location",
    "other_place",
)
EDITABLE_FIELDS = (*ATTENDEE_FIELDS, "description")


def field_error(field, message, code):
    """A ValidationError on one form field, with a code the tests and callers can read."""
    return ValidationError({field: ValidationError(message, code=code)})


def _day(day):
    return date_format(day, "l j F Y")


def lock_locations(locations):
    """Lock the rows of `locations` (in a fixed order) until the transaction ends, so two
    bookings of one location cannot both find it free."""
    ids = sorted({location.pk for location in locations if location is not None})
    if ids:
        list(Location.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def check_time_and_place(*, date, start_time, end_time, location, other_place):
    if start_time is None or end_time is None or date is None:
        raise ValidationError(_("Give a date, a start time and an end time."), code="no_time")
    if end_time <= start_time:
        raise field_error(
            "end_time",
            _("A meeting must end after it starts (on the same day)."),
            "end_before_start",
        )
    if location is None and not (other_place or "").strip():
        raise field_error(
            "location", _("Choose a WIJ location, or fill in the other place."), "no_place"
        )


def check_location_free(*, location, date, start_time, end_time, exclude=None, entries=None):
    """Refuse when another meeting (not cancelled) at `location` shares time with this one.

    `entries` (optional): draft schedule entries to check as well.
    """
    if location is None:
        return
    others = Meeting.objects.overlapping(
        location=location, date=date, start_time=start_time, end_time=end_time
    )
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    other = others.first()
    if other is not None:
        raise ValidationError(
            _(
                "%(location)s is already booked on %(day)s from %(start)s to %(end)s "
                "for '%(other)s'. Choose another time or location."
            ),
            code="location_overlap",
            params={
                "location": location,
                "day": _day(date),
                "start": time_format(other.start_time, "H:i"),
                "end": time_format(other.end_time, "H:i"),
                "other": other.display_title,
            },
        )


# --- Meetings ------------------------------------------------------------------------------------


def meeting_create(
    *,
    by,
    kind,
    date,
    start_time,
    end_time,
    location=None,
    other_place="",
    title="",
    description="",
    schedule=None,
):
    """Plan a meeting. A WIJ location cannot hold two meetings at the same time."""
    kind = MeetingKind(kind)
    if kind == MeetingKind.OTHER and not title.strip():
        raise field_error(
            "title",
            _("Give a title for this meeting, e.g. 'Training on privacy'."),
            "title_required",
        )
    check_time_and_place(
        date=date,
        start_time=start_time,
        end_time=end_time,
        location=location,
        other_place=other_place,
    )
    if location is not None and not location.is_active:
        raise field_error(
            "location",
            _("%(location)s is no longer in use.") % {"location": location},
            "location_inactive",
        )
    with transaction.atomic(), acting(by):
        lock_locations([location])
        check_location_free(location=location, date=date, start_time=start_time, end_time=end_time)
        meeting = Meeting(
            kind=kind,
            title=title.strip(),
            date=date,
            start_time=start_time,
            end_time=end_time,
            location=location,
            other_place="" if location is not None else other_place.strip(),
            description=description,
            schedule=schedule,
        )
        meeting.full_clean()
        meeting.save()
        if schedule is None:
            reminders.record_announcement(meeting)
    return meeting


def meeting_update(*, meeting, by, **changes):
    """Change a meeting that has not taken place: its time, place, title or information.

    Any change to what attendees need to know raises the revision (the calendar's SEQUENCE).
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"meeting_update cannot change {sorted(unknown)}")
    with transaction.atomic(), acting(by):
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not meeting.is_upcoming:
            raise ValidationError(
                _("A meeting that was held or cancelled cannot be changed any more."),
                code="not_changeable",
            )
        if changes.get("location") is not None:
            changes["other_place"] = ""
        changed = [name for name, value in changes.items() if getattr(meeting, name) != value]
        if not changed:
            return meeting
        new_location = changes.get("location", meeting.location)
        if "location" in changed and new_location is not None and not new_location.is_active:
            raise field_error(
                "location",
                _("%(location)s is no longer in use.") % {"location": new_location},
                "location_inactive",
            )
        for name in changed:
            setattr(meeting, name, changes[name])
        if meeting.kind == MeetingKind.OTHER and not meeting.title.strip():
            raise field_error(
                "title",
                _("Give a title for this meeting, e.g. 'Training on privacy'."),
                "title_required",
            )
        check_time_and_place(
            date=meeting.date,
            start_time=meeting.start_time,
            end_time=meeting.end_time,
            location=meeting.location,
            other_place=meeting.other_place,
        )
        lock_locations([meeting.location])
        check_location_free(
            location=meeting.location,
            date=meeting.date,
            start_time=meeting.start_time,
            end_time=meeting.end_time,
            exclude=meeting,
        )
        announce = bool(set(changed) & set(ATTENDEE_FIELDS))
        if announce:
            meeting.revision += 1
        meeting.updated_at = timezone.now()
        meeting.full_clean()
        meeting.save()
        if announce:
            reminders.record_change(meeting)
    return meeting


def meeting_transition(*, meeting, to, by, reason=""):
    """Move a meeting to state `to`: the one function that changes a meeting's state.

    The allowed moves are meetings.models.TRANSITIONS. A meeting is held only once it has begun;
    cancelling needs a reason; reinstating a cancelled meeting needs a coming date and a free
    location. Cancelling and reinstating raise the revision. Publishing the agenda needs at least
    one item and a meeting that is neither cancelled nor begun (the late warning is
    meetings.services.agenda_lead_warning); the minutes are adopted through
    meetings.services.minutes_adopt, which moves the meeting on.
    """
    to = MeetingState(to)
    reason = (reason or "").strip()
    with transaction.atomic(), acting(by):
        meeting = (
            Meeting.objects.select_for_update(of=("self",))
            .select_related("location")
            .get(pk=meeting.pk)
        )
        if to == MeetingState.AGENDA_PUBLISHED and meeting.is_cancelled:
            raise ValidationError(
                _("The agenda of a cancelled meeting cannot be published."),
                code="agenda_of_cancelled_meeting",
            )
        if not meeting.may_move_to(to):
            raise ValidationError(
                _("A meeting that is '%(current)s' cannot become '%(new)s'."),
                code="transition_not_allowed",
                params={"current": meeting.get_state_display(), "new": to.label},
            )
        now = timezone.now()
        if to == MeetingState.HELD and meeting.starts_at > now:
            raise ValidationError(
                _("This meeting has not started yet; it can be marked as held from %(day)s."),
                code="not_started",
                params={"day": _day(meeting.date)},
            )
        if to == MeetingState.AGENDA_PUBLISHED:
            if meeting.starts_at <= now:
                raise ValidationError(
                    _("This meeting has already begun; its agenda can no longer be published."),
                    code="agenda_too_late",
                )
            if not meeting.agenda_items.exists():
                raise ValidationError(
                    _("Add at least one item to the agenda before publishing it."),
                    code="agenda_empty",
                )
        if (
            to == MeetingState.MINUTES_ADOPTED
            and not Minutes.objects.filter(meeting=meeting, state=MinutesState.ADOPTED).exists()
        ):
            raise ValidationError(
                _("The minutes are adopted at a later meeting, on the minutes page."),
                code="minutes_not_adopted",
            )
        if to == MeetingState.CANCELLED and not reason:
            raise field_error(
                "reason",
                _("Give the reason for cancelling; members and the board will see it."),
                "reason_required",
            )
        if to == MeetingState.PLANNED:
            if meeting.date < timezone.localdate():
                raise ValidationError(
                    _("This meeting's date has passed; plan a new meeting instead."),
                    code="date_passed",
                )
            lock_locations([meeting.location])
            check_location_free(
                location=meeting.location,
                date=meeting.date,
                start_time=meeting.start_time,
                end_time=meeting.end_time,
                exclude=meeting,
            )
        StateChange.objects.create(
            meeting=meeting, from_state=meeting.state, to_state=to, reason=reason, by=by, at=now
        )
        meeting.state = to
        if to == MeetingState.AGENDA_PUBLISHED:
            meeting.agenda_published_at = now
        if to == MeetingState.CANCELLED:
            meeting.cancel_reason = reason
            meeting.revision += 1
        elif to == MeetingState.PLANNED:
            meeting.cancel_reason = ""
            meeting.revision += 1
        meeting.updated_at = now
        meeting.save(
            update_fields=[
                "state",
                "cancel_reason",
                "revision",
                "agenda_published_at",
                "updated_at",
            ]
        )
        if to in (MeetingState.CANCELLED, MeetingState.PLANNED):
            reminders.record_change(meeting)
    return meeting


def meeting_cancel(*, meeting, reason, by):
    """Cancel a meeting, with the reason members and the board will see."""
    return meeting_transition(meeting=meeting, to=MeetingState.CANCELLED, by=by, reason=reason)


# --- Locations -----------------------------------------------------------------------------------


def location_save(*, location, by):
    """Add or change a WIJ location. A new name or address is news for everyone coming to a
    meeting there: the revision of those meetings rises, so calendars update."""
    with transaction.atomic(), acting(by):
        if location.pk is None:
            location.full_clean()
            location.save()
            return location
        before = Location.objects.select_for_update().get(pk=location.pk)
        location.full_clean()
        location.save()
        if (before.name, before.address) != (location.name, location.address):
            upcoming = Meeting.objects.filter(
                location=location,
                state__in=MeetingState.upcoming(),
                date__gte=timezone.localdate(),
            )
            for meeting in upcoming.select_for_update():
                meeting.revision += 1
                meeting.updated_at = timezone.now()
                meeting.save(update_fields=["revision", "updated_at"])
                reminders.record_change(meeting)
    return location
