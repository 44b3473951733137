"""The yearly schedule (vergaderrooster): propose, edit, adopt.

For a chosen year the portal proposes council meetings every few weeks (default: Tuesday 17:30,
every 3 weeks) and consultations with the board (default: every 6 weeks, starting a week after
the first council meeting so the two interleave), at WIJ locations in turn. A day that is a Dutch
public holiday (the `holidays` package), falls in the summer break, or already has a council
meeting or consultation moves the meeting a week on; the rhythm continues from there. The
secretary edits the proposal (entries) and adopts it: the entries become planned meetings.
"""

import datetime
import functools
import itertools

import holidays
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from meetings import reminders
from meetings.compliance import minimums_for
from meetings.models import (
    Location,
    Meeting,
    MeetingKind,
    ScheduleEntry,
    ScheduleState,
    YearSchedule,
)
from meetings.services.meetings import (
    check_location_free,
    check_time_and_place,
    field_error,
    lock_locations,
    meeting_create,
)
from wijraad.audit import acting

WEEK = datetime.timedelta(weeks=1)
SETTINGS = (
    "council_weekday",
    "council_start",
    "council_minutes",
    "council_interval_weeks",
    "consultation_weekday",
    "consultation_start",
    "consultation_minutes",
    "consultation_interval_weeks",
    "first_day",
    "last_day",
    "summer_break_first_day",
    "summer_break_last_day",
)


def schedule_defaults(year):
    """The generator's settings for `year` when nobody changed them."""
    return {
        "council_weekday": 1,
        "council_start": datetime.time(17, 30),
        "council_minutes": 120,
        "council_interval_weeks": 3,
        "consultation_weekday": 1,
        "consultation_start": datetime.time(17, 30),
        "consultation_minutes": 90,
        "consultation_interval_weeks": 6,
        "first_day": datetime.date(year, 1, 8),
        "last_day": datetime.date(year, 12, 19),
        "summer_break_first_day": datetime.date(year, 7, 11),
        "summer_break_last_day": datetime.date(year, 8, 23),
    }


def public_holidays(year):
    """Dutch public holidays of `year`, named in the active language."""
    return _holidays(year, "nl" if translation.get_language() == "nl" else "en_US")


@functools.lru_cache(maxsize=32)
def _holidays(year, language):
    return holidays.country_holidays("NL", years=year, language=language)


def shift_reason(schedule, day):
    """Why the rhythm's day `day` was not used, for the proposal's table."""
    name = public_holidays(day.year).get(day)
    if name:
        return name
    if schedule.summer_break_first_day <= day <= schedule.summer_break_last_day:
        return _("summer break")
    return _("another meeting that day")


def _first_weekday_on_or_after(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _end(day, start, minutes):
    end = datetime.datetime.combine(day, start) + datetime.timedelta(minutes=minutes)
    if end.date() != day:
        raise ValidationError(
            _("A meeting must end on the day it starts; choose a shorter length."),
            code="past_midnight",
        )
    return end.time()


def propose(schedule, *, locations, booked):
    """The entries of a proposal for `schedule` (unsaved).

    `locations`: the WIJ locations to use in turn; `booked`: existing meetings of the year
    (not cancelled) that the proposal must not collide with.
    """
    year_holidays = public_holidays(schedule.year)
    council_days = {m.date for m in booked if m.kind in MeetingKind.counted()}
    taken = [(m.location_id, m.date, m.start_time, m.end_time) for m in booked if m.location_id]

    def unavailable(day):
        in_break = schedule.summer_break_first_day <= day <= schedule.summer_break_last_day
        return day in year_holidays or in_break or day in council_days

    def free_location(turn, day, start, end):
        for location in itertools.islice(turn, len(locations)):
            clash = any(
                where == location.pk and when == day and s < end and start < e
                for where, when, s, e in taken
            )
            if not clash:
                return location
        return next(turn)

    entries = []
    rhythms = [
        (
            MeetingKind.COUNCIL,
            schedule.council_weekday,
            schedule.council_start,
            schedule.council_minutes,
            schedule.council_interval_weeks,
            0,
            itertools.cycle(locations),
        ),
        (
            MeetingKind.CONSULTATION,
            schedule.consultation_weekday,
            schedule.consultation_start,
            schedule.consultation_minutes,
            schedule.consultation_interval_weeks,
            1,
            itertools.cycle(locations[len(locations) // 2 :] + locations[: len(locations) // 2]),
        ),
    ]
    for kind, weekday, start, minutes, interval, offset_weeks, turn in rhythms:
        day = _first_weekday_on_or_after(schedule.first_day, weekday) + offset_weeks * WEEK
        while day <= schedule.last_day:
            wanted = day
            while day <= schedule.last_day and unavailable(day):
                day += WEEK
            if day > schedule.last_day:
                break
            end = _end(day, start, minutes)
            location = free_location(turn, day, start, end)
            entries.append(
                ScheduleEntry(
                    schedule=schedule,
                    kind=kind,
                    date=day,
                    start_time=start,
                    end_time=end,
                    location=location,
                    shifted_from=wanted if wanted != day else None,
                )
            )
            council_days.add(day)
            taken.append((location.pk, day, start, end))
            day += interval * WEEK
    return sorted(entries, key=lambda entry: (entry.date, entry.start_time))


def _check_settings(year, values):
    first, last = values["first_day"], values["last_day"]
    if not (first.year == last.year == year) or last < first:
        message = _("The first and last day must lie in %(year)s, in that order.")
        raise field_error("last_day", message % {"year": year}, "days_outside_year")
    if values["summer_break_last_day"] < values["summer_break_first_day"]:
        raise field_error(
            "summer_break_last_day",
            _("The summer break must end after it starts."),
            "break_reversed",
        )
    for name in ("council_interval_weeks", "consultation_interval_weeks"):
        if not 1 <= values[name] <= 26:
            raise field_error(name, _("Choose between 1 and 26 weeks."), "interval_out_of_range")
    for name in ("council_minutes", "consultation_minutes"):
        if not 15 <= values[name] <= 480:
            raise field_error(name, _("Choose between 15 and 480 minutes."), "length_out_of_range")


def _draft(schedule):
    schedule = YearSchedule.objects.select_for_update().get(pk=schedule.pk)
    if not schedule.is_draft:
        raise ValidationError(
            _("The schedule of %(year)s has been adopted; change its meetings one by one."),
            code="schedule_adopted",
            params={"year": schedule.year},
        )
    return schedule


def schedule_propose(*, year, **settings):
    """Make (or make again) the draft schedule of `year` with these generator settings.

    An earlier draft's entries are replaced; an adopted schedule is never touched.
    """
    values = {**schedule_defaults(year), **settings}
    unknown = set(values) - set(SETTINGS)
    if unknown:
        raise TypeError(f"schedule_propose has no setting {sorted(unknown)}")
    _check_settings(year, values)
    locations = list(Location.objects.filter(is_active=True).order_by("name"))
    if not locations:
        raise ValidationError(
            _("There is no WIJ location in use; add a location first."), code="no_locations"
        )
    with transaction.atomic():
        schedule, created = YearSchedule.objects.get_or_create(year=year, defaults=values)
        schedule = _draft(schedule)
        for name, value in values.items():
            setattr(schedule, name, value)
        schedule.full_clean()
        schedule.save()
        schedule.entries.all().delete()
        booked = list(Meeting.objects.in_year(year).not_cancelled())
        ScheduleEntry.objects.bulk_create(propose(schedule, locations=locations, booked=booked))
    return schedule


def _check_entry(entry):
    check_time_and_place(
        date=entry.date,
        start_time=entry.start_time,
        end_time=entry.end_time,
        location=entry.location,
        other_place="",
    )
    if entry.date.year != entry.schedule.year:
        raise field_error(
            "date",
            _("Choose a day in %(year)s.") % {"year": entry.schedule.year},
            "entry_other_year",
        )
    check_location_free(
        location=entry.location,
        date=entry.date,
        start_time=entry.start_time,
        end_time=entry.end_time,
    )
    others = entry.schedule.entries.filter(
        location=entry.location,
        date=entry.date,
        start_time__lt=entry.end_time,
        end_time__gt=entry.start_time,
    )
    if entry.pk is not None:
        others = others.exclude(pk=entry.pk)
    if others.exists():
        raise ValidationError(
            _("%(location)s already has a proposed meeting at that time."),
            code="entry_overlap",
            params={"location": entry.location},
        )


def schedule_entry_save(*, entry):
    """Add a meeting to a draft schedule, or move one (date, time, location)."""
    with transaction.atomic():
        entry.schedule = _draft(entry.schedule)
        lock_locations([entry.location])
        _check_entry(entry)
        if entry.pk is not None:
            entry.shifted_from = None
        entry.full_clean()
        entry.save()
    return entry


def schedule_entry_delete(*, entry):
    with transaction.atomic():
        _draft(entry.schedule)
        entry.delete()


def schedule_discard(*, schedule):
    """Throw away a draft schedule and its entries."""
    with transaction.atomic():
        _draft(schedule).delete()


def schedule_adopt(*, schedule, by):
    """Adopt the draft: every entry becomes a planned meeting, checked again for overlaps.

    A schedule below the minimums can be adopted (extra meetings may follow); the year overview
    and the dashboard warn about it.
    """
    with transaction.atomic(), acting(by):
        schedule = _draft(schedule)
        entries = list(schedule.entries.select_related("location"))
        if not entries:
            raise ValidationError(
                _("The schedule has no meetings; make a proposal first."), code="empty_schedule"
            )
        lock_locations([entry.location for entry in entries])
        for entry in entries:
            meeting_create(
                by=by,
                kind=entry.kind,
                date=entry.date,
                start_time=entry.start_time,
                end_time=entry.end_time,
                location=entry.location,
                schedule=schedule,
            )
        schedule.entries.all().delete()
        schedule.state = ScheduleState.ADOPTED
        schedule.adopted_at = timezone.now()
        schedule.adopted_by = by
        schedule.save(update_fields=["state", "adopted_at", "adopted_by"])
        reminders.record_schedule(schedule)
    return schedule


def proposal_counts(schedule):
    """Per counted kind: meetings proposed, meetings already planned outside the proposal, and
    the minimum. Two queries (plus the rules record)."""
    proposed = dict(
        schedule.entries.values("kind").annotate(number=Count("pk")).values_list("kind", "number")
    )
    existing = dict(
        Meeting.objects.in_year(schedule.year)
        .not_cancelled()
        .filter(kind__in=MeetingKind.counted())
        .values("kind")
        .annotate(number=Count("pk"))
        .values_list("kind", "number")
    )
    minimums = minimums_for(schedule.year)
    rows = []
    for kind in MeetingKind.counted():
        total = proposed.get(kind, 0) + existing.get(kind, 0)
        rows.append(
            {
                "kind": kind,
                "label": MeetingKind(kind).label,
                "proposed": proposed.get(kind, 0),
                "existing": existing.get(kind, 0),
                "total": total,
                "minimum": minimums[kind],
                "short_by": max(0, minimums[kind] - total),
            }
        )
    return rows
