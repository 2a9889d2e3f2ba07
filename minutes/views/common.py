"""Querysets and loaders the public pages share: only published meetings are ever shown."""
from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from minutes.crossref import Catalogue, CatalogueItem
from minutes.models import AgendaItem, Decision, Meeting

PUBLISHED = Meeting.Status.PUBLISHED


def published_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(status=PUBLISHED)


def published_items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting__status=PUBLISHED)


def items_with_outcomes() -> QuerySet[AgendaItem]:
    """Items ready for a list: their meeting joined and decisions prefetched (for `outcome`)."""
    return published_items().select_related("meeting").prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.order_by("order"))
    )


def load_catalogue() -> Catalogue:
    """Every published item's title and meeting date, for cross-references (three queries)."""
    through = AgendaItem.topics.through
    topics: dict[int, set[int]] = {}
    pairs = through.objects.filter(agendaitem__meeting__status=PUBLISHED).values_list(
        "agendaitem_id", "topic_id"
    )
    for item_id, topic_id in pairs:
        topics.setdefault(item_id, set()).add(topic_id)
    rows = published_items().values_list("pk", "meeting__date", "number", "title")
    items = [
        CatalogueItem(
            pk=pk,
            meeting_date=when,
            number=number,
            title=title,
            url=reverse("minutes:item", kwargs={"date": when.isoformat(), "number": number}),
            topics=frozenset(topics.get(pk, ())),
        )
        for pk, when, number, title in rows
    ]
    meetings = {
        when: reverse("minutes:meeting", kwargs={"date": when.isoformat()})
        for when in published_meetings().values_list("date", flat=True)
    }
    return Catalogue(items=items, meetings=meetings)
