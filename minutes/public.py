"""What the public pages, feeds, exports and the API start from: published rows only.

Whether a row is public is decided in one place, the models' `public()` queryset methods (the
rule itself is `minutes.models.meetings.published`). Every public view asks them, never spells
the filter again; this module adds the shapes several public views share.
"""
from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from minutes.aggregates import cached
from minutes.models import AgendaItem, Decision, FollowUp, Meeting, Participant, Topic


def items_with_outcomes() -> QuerySet[AgendaItem]:
    """Published items ready for a list: meeting and body joined (their URLs need both) and
    decisions prefetched (for `outcome`)."""
    return AgendaItem.objects.public().select_related("meeting__body").prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.order_by("order"))
    )


def decisions() -> QuerySet[Decision]:
    """Published decisions as the decisions list and its exports show them: newest meeting
    first, in agenda order, with what a row shows of the item."""
    return (
        Decision.objects.public()
        .select_related("item__meeting__body")
        .prefetch_related("item__topics", "item__presenters")
        .order_by("-item__meeting__date", "item__order", "order")
    )


def topics_with_counts() -> list[Topic]:
    """Every topic with `item_count`, its published items; counted once per archive change
    (the count reads every item-topic link)."""
    return cached("topic-counts", [], lambda: list(Topic.objects.with_public_item_counts()))


def meeting_for_export() -> QuerySet[Meeting]:
    """Published meetings with everything `ingest.load.meeting_contract` reads fetched: body,
    current source, participants, items' decisions and attachments (the meeting JSON)."""
    participants = Participant.objects.select_related("person", "organisation").order_by("order")
    return (
        Meeting.objects.public()
        .select_related("body", "current_source")
        .prefetch_related(
            Prefetch("participants", queryset=participants),
            "items__decisions",
            "items__attachments",
            "items__followups",
        )
    )


def followups() -> QuerySet[FollowUp]:
    """Published follow-ups with what a row shows (item, meeting, body), by deadline (none
    last), then newest meeting and agenda order."""
    return (
        FollowUp.objects.public()
        .select_related("item__meeting__body")
        .order_by(F("due").asc(nulls_last=True), "-item__meeting__date", "item__order", "order")
    )
