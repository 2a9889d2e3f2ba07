"""iCalendar feeds: DASSOS meetings (held ones and the dates the referater announce) and the
deadlines of follow-ups (an all-day entry on each due date).

A planned date and the meeting later held that day share one UID, so a subscribed calendar
(Outlook, Google, Apple) updates the entry instead of showing it twice.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from minutes.aggregates import cached
from minutes.models import AgendaItem, FollowUp, Meeting
from minutes.planned_dates import PlannedMeeting, announced_meetings
from minutes.public import followups as public_followups
from minutes.text import printable

UID_DOMAIN = "dassos-referatarkiv"
DEFAULT_LENGTH = timedelta(hours=2)  # a planned meeting announced without an end time


def meeting_uid(body_slug: str, day: date) -> str:
    """One UID per body and day: stable whatever host serves the calendar."""
    return f"{body_slug}-{day.isoformat()}@{UID_DOMAIN}"


def planned_meetings() -> list[tuple[Meeting, PlannedMeeting]]:
    """Dates announced by published referater with no held meeting of that body yet.

    When several referater announce the same day, the latest referat's details win.
    """
    meetings = Meeting.objects.public().select_related("body")
    held = {(m.body_id, m.date) for m in meetings}
    texts: dict[int, list[tuple[str, str]]] = {}
    items = (
        AgendaItem.objects.public()
        .only("meeting_id", "title", "sagsfremstilling", "referat", "other_parts")
        .order_by("meeting_id", "order")
    )
    for item in items:
        text = "\n".join([item.sagsfremstilling, item.referat, *item.other_parts.values()])
        texts.setdefault(item.meeting_id, []).append((item.title, text))
    announced: dict[tuple[int, date], tuple[Meeting, PlannedMeeting]] = {}
    for meeting in sorted(meetings, key=lambda m: m.date):
        for planned in announced_meetings(texts.get(meeting.pk, []), meeting_date=meeting.date):
            key = (meeting.body_id, planned.date)
            if key in held:
                continue
            if key in announced:
                # "Næste møde … den 10. november" keeps the time an earlier plan gave.
                earlier = announced[key][1]
                planned = replace(
                    planned,
                    start=planned.start or earlier.start,
                    end=planned.end if planned.start else earlier.end,
                    location=planned.location or earlier.location,
                )
            announced[key] = (meeting, planned)
    return [announced[key] for key in sorted(announced, key=lambda k: k[1])]


def _moment(day: date, value: time) -> datetime:
    return datetime.combine(day, value, tzinfo=timezone.get_default_timezone())


def _timing(event: Event, day: date, start: time | None, end: time | None) -> None:
    if start is None:
        event.add("dtstart", day)  # an all-day entry: the referat gives no time
        event.add("dtend", day + timedelta(days=1))
        return
    begins = _moment(day, start)
    event.add("dtstart", begins)
    event.add("dtend", _moment(day, end) if end and end > start else begins + DEFAULT_LENGTH)


def build_calendar(request: HttpRequest) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//DASSOS referatarkiv//da")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "DASSOS-møder")
    cal.add("x-wr-timezone", timezone.get_default_timezone_name())
    meetings = Meeting.objects.public().select_related("body")
    for meeting in meetings.order_by("date"):
        event = Event()
        event.add("uid", meeting_uid(meeting.body.slug, meeting.date))
        event.add("summary", printable(f"{meeting.body.name}-møde"))
        _timing(event, meeting.date, meeting.start_time, meeting.end_time)
        place = ", ".join(part for part in (meeting.location, meeting.room) if part)
        if place:
            event.add("location", printable(place))
        link = request.build_absolute_uri(meeting.get_absolute_url())
        event.add("url", link)
        event.add("description", f"Referat: {link}")
        event.add("status", "CONFIRMED")
        event.add("dtstamp", meeting.updated_at)
        cal.add_component(event)
    for source, planned in planned_meetings():
        event = Event()
        event.add("uid", meeting_uid(source.body.slug, planned.date))
        event.add("summary", printable(f"{source.body.name}-møde (planlagt)"))
        _timing(event, planned.date, planned.start, planned.end)
        if planned.location:
            event.add("location", printable(planned.location))
        link = request.build_absolute_uri(source.get_absolute_url())
        event.add("description", f"Annonceret i referatet af mødet {source.date:%d.%m.%Y}: {link}")
        event.add("status", "TENTATIVE")
        event.add("dtstamp", source.updated_at)
        cal.add_component(event)
    cal.add_component(copenhagen())  # Outlook needs the VTIMEZONE the events name
    return cal


def followup_uid(followup: FollowUp) -> str:
    return f"opfoelgning-{followup.pk}@{UID_DOMAIN}"


def build_followups_calendar(request: HttpRequest) -> Calendar:
    """An all-day entry on the due date of every public follow-up that has one; a dropped one
    is cancelled, so a subscribed calendar strikes it out."""
    cal = Calendar()
    cal.add("prodid", "-//DASSOS referatarkiv//da")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "DASSOS-opfølgning")
    for followup in public_followups().filter(due__isnull=False):
        event = Event()
        event.add("uid", followup_uid(followup))
        event.add("summary", printable(f"Frist: {followup.summary}"[:200]))
        event.add("dtstart", followup.due)
        event.add("dtend", followup.due + timedelta(days=1))
        link = request.build_absolute_uri(followup.get_absolute_url())
        meeting = followup.item.meeting
        event.add("url", link)
        event.add("description", printable(
            f"{followup.action}\nStatus: {followup.get_status_display()}\n"
            f"Fra {meeting.body.name} {meeting.date:%d.%m.%Y}, pkt. {followup.item.number} "
            f"{followup.item.title}\n{link}"
        ))
        event.add("status", "CANCELLED" if followup.status == FollowUp.Status.DROPPED
                  else "CONFIRMED")
        event.add("transp", "TRANSPARENT")  # a deadline, not a busy day
        event.add("dtstamp", followup.updated_at)
        cal.add_component(event)
    return cal


def copenhagen() -> Timezone:
    """Europe/Copenhagen as the EU's rule, one RRULE per switch (last Sunday of March and of
    October), which every client reads: a long RDATE list is valid too, but ical.js reads only
    its first date and showed summer meetings an hour off."""
    zone = Timezone()
    zone.add("tzid", timezone.get_default_timezone_name())
    for kind, (name, start, month, before, after) in {
        TimezoneDaylight: ("CEST", datetime(1970, 3, 29, 2), 3, "+0100", "+0200"),
        TimezoneStandard: ("CET", datetime(1970, 10, 25, 3), 10, "+0200", "+0100"),
    }.items():
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        part.add("tzoffsetfrom", _offset(before))
        part.add("tzoffsetto", _offset(after))
        zone.add_component(part)
    return zone


def _offset(text: str) -> timedelta:
    return timedelta(hours=int(text[:3]), minutes=int(text[0] + text[3:]))


@require_safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """/kalender.ics: subscribe in Outlook with the URL."""
    # Reading every referat for announced dates takes seconds on a big archive: the file is
    # built once per change of the archive (and per host, whose name is in its links).
    body = cached("calendar", [("host", request.get_host()), ("https", str(request.is_secure()))],
                  lambda: build_calendar(request).to_ical())
    response = HttpResponse(body, content_type="text/calendar")
    response["Content-Type"] = "text/calendar; charset=utf-8"
    response["Content-Disposition"] = 'inline; filename="dassos-moeder.ics"'
    return response


@require_safe
def followups_calendar(request: HttpRequest) -> HttpResponse:
    """/opfoelgning.ics: the follow-ups' deadlines, to subscribe to beside the meetings."""
    response = HttpResponse(build_followups_calendar(request).to_ical(),
                            content_type="text/calendar")
    response["Content-Type"] = "text/calendar; charset=utf-8"
    response["Content-Disposition"] = 'inline; filename="dassos-opfoelgning.ics"'
    return response
