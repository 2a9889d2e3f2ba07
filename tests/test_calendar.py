"""The iCalendar feed: held meetings and announced dates, in Danish time, with stable UIDs."""
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from minutes.calendar import meeting_uid
from minutes.models import Meeting
from tests.opendata_fixtures import DRAFT_DATE, PUBLISHED_DATES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def calendar(client) -> Calendar:
    response = client.get("/kalender.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(cal: Calendar) -> dict[date, dict]:
    found = {}
    for event in cal.walk("VEVENT"):
        start = event.decoded("dtstart")
        day = start.date() if isinstance(start, datetime) else start
        assert day not in found, f"{day} appears twice"
        found[day] = {
            "uid": str(event["uid"]),
            "start": start,
            "end": event.decoded("dtend"),
            "status": str(event["status"]),
            "summary": str(event["summary"]),
            "location": str(event.get("location", "")),
            "tzid": event["dtstart"].params.get("TZID"),
        }
    return found


def test_held_meetings_are_confirmed_events_at_their_danish_times(client):
    found = events(calendar(client))

    held = {day: e for day, e in found.items() if e["status"] == "CONFIRMED"}
    assert sorted(d.isoformat() for d in held) == PUBLISHED_DATES
    november = held[date(2021, 11, 25)]
    assert november["start"] == datetime(2021, 11, 25, 9, 0, tzinfo=COPENHAGEN)
    assert november["end"] == datetime(2021, 11, 25, 12, 0, tzinfo=COPENHAGEN)
    assert november["tzid"] == "Europe/Copenhagen"
    assert november["uid"] == "dassos-2021-11-25@dassos-referatarkiv"


def test_dates_announced_in_published_referater_are_tentative_events(client):
    found = events(calendar(client))

    planned = {day: e for day, e in found.items() if e["status"] == "TENTATIVE"}
    # Seed 000 (27 Feb 2026) announces its year's table; seed 003 its 2022 plan.
    may = planned[date(2026, 5, 18)]
    assert may["start"] == datetime(2026, 5, 18, 13, 0, tzinfo=COPENHAGEN)
    assert may["end"] == datetime(2026, 5, 18, 15, 0, tzinfo=COPENHAGEN)
    assert may["location"] == "rådhuset i Silkeborg"
    assert "(planlagt)" in may["summary"]
    assert {date(2026, 8, 11), date(2026, 10, 21), date(2022, 2, 9), date(2022, 11, 10)} <= set(
        planned
    )
    # A later referat's bare "next meeting" sentence keeps the plan's time.
    assert planned[date(2022, 11, 10)]["start"] == datetime(2022, 11, 10, 8, 30, tzinfo=COPENHAGEN)


def test_an_announced_date_that_was_held_appears_once_as_the_held_meeting(client):
    found = events(calendar(client))

    # Seed 003 planned 15 Sep 2022; seed 002 is the referat of that meeting.
    assert found[date(2022, 9, 15)]["status"] == "CONFIRMED"
    assert found[date(2022, 9, 15)]["uid"] == meeting_uid("dassos", date(2022, 9, 15))


def test_a_planned_entry_keeps_its_uid_when_the_meeting_is_held(client):
    before = events(calendar(client))[date(2026, 5, 18)]
    Meeting.objects.create(
        body=Meeting.objects.first().body,
        date=date(2026, 5, 18),
        start_time=time(13),
        end_time=time(15),
        status=Meeting.Status.PUBLISHED,
    )

    after = events(calendar(client))[date(2026, 5, 18)]

    assert after["uid"] == before["uid"]
    assert (before["status"], after["status"]) == ("TENTATIVE", "CONFIRMED")


def test_drafts_and_what_they_announce_stay_out(client):
    found = events(calendar(client))

    assert date.fromisoformat(DRAFT_DATE) not in found
    assert date(2024, 5, 6) not in found  # the draft's "Næste møde … 6. maj 2024"


def test_the_calendar_carries_the_copenhagen_time_zone_definition(client):
    cal = calendar(client)

    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert str(cal["x-wr-calname"]) == "DASSOS-møder"


def test_a_withdrawn_meeting_leaves_the_calendar_at_once(client):
    held = date.fromisoformat(PUBLISHED_DATES[0])
    assert held in events(calendar(client))
    Meeting.objects.get(date=held).set_published(False)
    assert held not in events(calendar(client))


def test_two_independent_readers_read_the_same_utc_times(client):
    import vobject

    text = client.get("/kalender.ics").content.decode()
    assert "RDATE" not in text  # one RRULE per switch: ical.js reads RDATE lists wrongly
    ours = {
        str(event["uid"]): event.decoded("dtstart")
        for event in Calendar.from_ical(text).walk("VEVENT")
    }
    theirs = {
        event.uid.value: event.dtstart.value
        for event in vobject.readOne(text).vevent_list
    }
    assert ours.keys() == theirs.keys()
    utc = ZoneInfo("UTC")
    for uid, start in ours.items():
        if isinstance(start, datetime):
            # vobject builds the zone from the calendar's own VTIMEZONE, not from a zone database.
            assert start.astimezone(utc) == theirs[uid].astimezone(utc), uid
    summer = next(s for s in ours.values() if isinstance(s, datetime) and s.month == 9)
    assert summer.astimezone(utc).hour == summer.hour - 2  # CEST in September
    winter = next(s for s in ours.values() if isinstance(s, datetime) and s.month == 11)
    assert winter.astimezone(utc).hour == winter.hour - 1  # CET in November
