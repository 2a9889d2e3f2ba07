"""The catalogue an item's page needs: the items and meetings its texts may point at.

Queries over public rows only (the models' public() methods); minutes.crossref and
minutes.cases then work on the catalogue without touching the database. Shared by the item
page and the meeting JSON.
"""
from __future__ import annotations

from datetime import date
from functools import reduce
from operator import or_

from django.db.models import Q
from django.urls import reverse, reverse_lazy

from minutes.crossref import Catalogue, CatalogueItem, wanted_targets
from minutes.models import AgendaItem, Meeting

MAX_CANDIDATES = 200  # newest candidate items per page; keeps a big archive's item page quick


def catalogue_for(item: AgendaItem) -> Catalogue:
    """The items and meetings an item's texts may point at (six queries, bounded rows).

    Its own meeting's items, its body's next meeting's (for "Punkter til næste møde"), items
    whose title names the same Rammeaftale period or place or shares a main title word, and the
    meetings its text mentions by date.
    """
    meeting = item.meeting
    texts = [item.referat, item.indstilling, item.sagsfremstilling, *item.other_parts.values()]
    wanted = wanted_targets(item.title, texts)
    next_meeting = (
        Meeting.objects.public()
        .filter(body_id=meeting.body_id, date__gt=meeting.date)
        .order_by("date")
        .first()
    )
    near = Q(meeting_id=item.meeting_id)
    if next_meeting is not None:
        near |= Q(meeting_id=next_meeting.pk)
    similar = [Q(title__icontains=word) for word in wanted.keywords]
    similar += [
        Q(title__icontains="rammeaftale", title__contains=period.split("-")[0])
        for period in wanted.periods
    ]
    similar += [Q(title__contains=place) for place in wanted.places]
    if similar:
        # Fetched first: "meeting = … OR pk IN (subquery)" makes PostgreSQL scan every item
        # (0.6 s on 300,000 items); with a list of ids it combines two index scans.
        others = AgendaItem.objects.public().filter(reduce(or_, similar)).order_by("-meeting__date")
        near |= Q(pk__in=list(others.values_list("pk", flat=True)[:MAX_CANDIDATES]))
    # Every row here is published already (its meeting, the next one or a published
    # candidate). The dates come from a second small query: joining meetings here makes
    # PostgreSQL hash all 20,000 meetings of a big archive for a few hundred rows.
    rows = list(
        AgendaItem.objects.filter(near)
        .order_by()
        .values_list("pk", "meeting_id", "number", "title", "order")
    )
    meetings_of_rows = {
        pk: (day, body_slug)
        for pk, day, body_slug in Meeting.objects.filter(
            pk__in={row[1] for row in rows}
        ).values_list("pk", "date", "body__slug")
    }
    # The catalogue knows items by date: on this meeting's day and the next meeting's, only
    # this body's items count (another body meeting that day has its own "pkt. 1.2").
    own = {meeting.pk} | ({next_meeting.pk} if next_meeting else set())
    own_days = {meetings_of_rows[pk][0] for pk in own if pk in meetings_of_rows}
    rows = [
        row for row in rows
        if row[1] in own or meetings_of_rows[row[1]][0] not in own_days
    ]
    rows.sort(key=lambda row: (-meetings_of_rows[row[1]][0].toordinal(), row[4]))  # newest first
    topics: dict[int, set[int]] = {}
    through = AgendaItem.topics.through
    for item_id, topic_id in through.objects.filter(
        agendaitem_id__in=[row[0] for row in rows]
    ).values_list("agendaitem_id", "topic_id"):
        topics.setdefault(item_id, set()).add(topic_id)
    items = [
        CatalogueItem(
            pk=pk,
            meeting_date=meetings_of_rows[meeting_id][0],
            number=number,
            title=title,
            # Lazy: of the hundreds of candidates a page links only a few.
            url=reverse_lazy("minutes:item", kwargs={
                "date": meetings_of_rows[meeting_id][0].isoformat(),
                "body": meetings_of_rows[meeting_id][1],
                "number": number,
            }),
            topics=frozenset(topics.get(pk, ())),
        )
        for pk, meeting_id, number, title, _order in rows
    ]
    dates = set(wanted.dates) | {meeting.date}
    if next_meeting is not None:
        dates.add(next_meeting.date)
    return Catalogue(items=items, meetings=meeting_links(dates, meeting.body_id))


def meeting_links(dates: set[date], body_id: int) -> dict[date, str]:
    """The page of the published meeting on each of `dates` that has one: this body's when
    several bodies met that day, else the only one, else the day's choice of meetings."""
    found: dict[date, dict[int, str]] = {}
    for day, meeting_body, slug in (
        Meeting.objects.public().filter(date__in=dates).values_list("date", "body_id", "body__slug")
    ):
        found.setdefault(day, {})[meeting_body] = slug
    links = {}
    for day, bodies in found.items():
        day_iso = day.isoformat()
        if body_id in bodies or len(bodies) == 1:
            slug = bodies.get(body_id) or next(iter(bodies.values()))
            links[day] = reverse("minutes:meeting", kwargs={"date": day_iso, "body": slug})
        else:
            links[day] = reverse("minutes:meeting-date", kwargs={"date": day_iso})
    return links
