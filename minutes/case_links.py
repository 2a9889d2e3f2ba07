"""What readers see of cases: an item's same-case links, and the cases of a set of items.

One rule for the item page and the meeting JSON: two items are shown as the same case
("Samme sag") when staff confirmed both in one case, and as possibly the same case ("Muligvis
samme sag") when neither link is rejected and each unconfirmed one is a strong suggestion. Only
items of published meetings appear (CaseItem.objects.public()).
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from minutes.aggregates import cached
from minutes.cases import STRONG
from minutes.models import AgendaItem, Case, CaseItem

MAX_LINKS = 500  # other items read per page: a bound for a case far longer than real ones


@dataclass(frozen=True)
class SameCase:
    """Another item of one of an item's cases, as its page shows it."""

    case: Case
    item: AgendaItem  # with meeting and body
    confirmed: bool
    evidence: str  # a few words: "samme sted: Kollegiet"; "" when confirmed


def _strong(link: CaseItem) -> bool:
    return link.status == CaseItem.Status.CONFIRMED or link.confidence >= STRONG


def same_case(items: list[AgendaItem]) -> dict[int, list[SameCase]]:
    """The same-case links of each of `items` (public ones), oldest first: two queries."""
    own = list(
        CaseItem.objects.filter(item__in=items)
        .exclude(status=CaseItem.Status.REJECTED)
        .select_related("case")
    )
    if not own:
        return {}
    others: dict[int, list[CaseItem]] = {}
    for link in (
        CaseItem.objects.public()
        .filter(case_id__in={link.case_id for link in own})
        .select_related("item__meeting__body")
        .order_by("item__meeting__date", "item__order")[:MAX_LINKS]
    ):
        others.setdefault(link.case_id, []).append(link)
    dates = {item.pk: item.meeting.date for item in items}
    found: dict[int, dict[int, SameCase]] = {}
    for link in own:
        if not _strong(link):
            continue
        shown = found.setdefault(link.item_id, {})
        for other in others.get(link.case_id, []):
            if other.item.meeting.date == dates[link.item_id] or not _strong(other):
                continue
            confirmed = link.status == other.status == CaseItem.Status.CONFIRMED
            evidence = "" if confirmed else (
                other.evidence if other.status == CaseItem.Status.SUGGESTED else link.evidence
            )
            before = shown.get(other.item_id)
            if before is None or (confirmed and not before.confirmed):
                shown[other.item_id] = SameCase(link.case, other.item, confirmed, evidence)
    return {
        pk: sorted(links.values(), key=lambda s: (s.item.meeting.date, s.item.order))
        for pk, links in found.items() if links
    }


CASE_LIMIT = 20  # cases linked from a topic, person or organisation page


def cases_of(items: QuerySet[AgendaItem]) -> list[Case]:
    """The public cases holding any of `items` (shown, not rejected), newest step first: one
    query, at most CASE_LIMIT."""
    links = CaseItem.objects.public().filter(item__in=items).values("case_id")
    cases = Case.objects.public().with_public_span().filter(pk__in=links)
    return list(cases.order_by("-last_date", "name")[:CASE_LIMIT])


def cases_by_pk(pks: list[int]) -> list[Case]:
    """These public cases, newest step first (as cases_of orders them)."""
    cases = Case.objects.public().with_public_span().filter(pk__in=pks)
    return list(cases.order_by("-last_date", "name"))


def remembered_cases_of(name: str, pk: int, items: QuerySet[AgendaItem]) -> list[Case]:
    """cases_of(items) for a page's subject (a person: the items they presented), its case ids
    remembered until the archive changes (reading thousands of items' links costs ~100 ms)."""
    pks = cached(name, [("pk", str(pk))], lambda: [case.pk for case in cases_of(items)])
    return cases_by_pk(pks)
