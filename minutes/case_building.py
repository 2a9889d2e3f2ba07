"""Suggested cases from evidence, and the decisions staff take on them.

`build_cases` groups items that share a named thing (minutes.cases.features) into suggested
cases, one per thing: "Kollegiet", "Ungementorordningen", "Rammeaftale 2023-24". It runs after
each load for the loaded meeting (ingest.load) and for the whole archive from
`manage.py build_cases`. It never changes a link staff confirmed or rejected, so a rejected
item is never suggested into that case again, and never renames a case staff confirmed or
renamed. The staff decisions (confirm, reject, merge, split) are the functions below it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from minutes import followups
from minutes.cases import Feature, features
from minutes.models import AgendaItem, Body, Case, CaseItem, Meeting
from minutes.models.base import unique_slug

Identity = tuple[int, date, str]  # an item across re-ingests: body, meeting date, number


@dataclass(frozen=True)
class _Row:
    pk: int
    body_id: int
    meeting_date: date
    number: str
    title: str

    @property
    def identity(self) -> Identity:
        return (self.body_id, self.meeting_date, self.number)


@dataclass
class Built:
    """What a build did, for the command's summary."""

    created: int = 0
    linked: int = 0
    unlinked: int = 0
    removed: int = 0


@dataclass
class _Bucket:
    feature: Feature
    rows: dict[int, _Row] = field(default_factory=dict)


_ROW_FIELDS = ("pk", "meeting__body_id", "meeting__date", "number", "title")


def _rows(items) -> list[_Row]:
    return [_Row(*values) for values in items.order_by().values_list(*_ROW_FIELDS)]


def _search_term(key: str) -> str:
    """A word every title with this feature contains: finds the candidates in one query."""
    kind, value = key.split(":", 1)
    if kind == "rammeaftale":
        return value.split("-")[0]
    if kind == "pulje":
        return value.split(" ")[-1]
    if kind == "møderække":
        return value.split(" ")[0]
    return value.split(" ")[-1] if kind == "forum" else value


def _buckets(rows: list[_Row], keys: set[str] | None) -> dict[str, _Bucket]:
    """Items by the named things they share; only things at two or more meetings' dates."""
    buckets: dict[str, _Bucket] = {}
    for row in sorted(rows, key=lambda row: (row.meeting_date, row.pk)):
        for feature in features(row.title):
            if keys is not None and feature.key not in keys:
                continue
            bucket = buckets.setdefault(feature.key, _Bucket(feature))
            bucket.rows[row.pk] = row
            bucket.feature = feature  # named as its newest item names it
    return {
        key: bucket for key, bucket in buckets.items()
        if len({row.meeting_date for row in bucket.rows.values()}) >= 2
    }


@transaction.atomic
def build_cases(meeting: Meeting | None = None) -> Built:
    """Suggest cases for one meeting's items (after a load), or for the whole archive."""
    built = Built()
    if meeting is None:
        rows = _rows(AgendaItem.objects.all())
        _reattach(CaseItem.objects.filter(item__isnull=True), rows)
        buckets = _buckets(rows, None)
        cases = list(Case.objects.prefetch_related("links"))
        scope = None
    else:
        own = _rows(meeting.items.all())
        _reattach(CaseItem.objects.filter(
            item__isnull=True, body_id=meeting.body_id, meeting_date=meeting.date
        ), own)
        own_pks = {row.pk for row in own}
        keys = {f.key for row in own for f in features(row.title)}
        linked = Case.objects.filter(links__item_id__in=own_pks).exclude(evidence_key="")
        keys |= set(linked.values_list("evidence_key", flat=True))
        if not keys:
            return built
        terms = {_search_term(key) for key in keys}
        candidates = _rows(
            AgendaItem.objects.filter(reduce(or_, [Q(title__icontains=t) for t in terms]))
        )
        buckets = _buckets(candidates, keys)
        pks = {pk for bucket in buckets.values() for pk in bucket.rows} | own_pks
        cases = list(
            Case.objects.filter(Q(evidence_key__in=keys) | Q(links__item_id__in=pks))
            .distinct().prefetch_related("links")
        )
        scope = own_pks
    wanted = _assign(buckets, cases, built)
    for case in cases:
        touched = any(link.item_id in scope for link in case.links.all()) if scope else True
        if case in wanted or touched:
            _reconcile(case, wanted.get(case, {}), scope, built)
    return built


def _assign(
    buckets: dict[str, _Bucket], cases: list[Case], built: Built
) -> dict[Case, dict[int, tuple[_Row, Feature]]]:
    """Each bucket's case: the one named after its thing, else the one holding most of its
    items (a case staff merged it into), else a new one. A bucket whose items another,
    stronger bucket holds already adds nothing: its items are one case already."""
    by_key = {case.evidence_key: case for case in sorted(cases, key=lambda c: -c.pk)}
    wanted: dict[Case, dict[int, tuple[_Row, Feature]]] = {}
    taken: list[set[int]] = []
    order = sorted(buckets.values(), key=lambda b: (-b.feature.confidence, b.feature.key))
    for bucket in order:
        pks = set(bucket.rows)
        if any(pks <= other for other in taken):
            continue
        taken.append(pks)
        case = by_key.get(bucket.feature.key) or _holding_most(cases, bucket)
        if case is None:
            case = Case.objects.create(
                name=bucket.feature.name,
                slug=unique_slug(Case, bucket.feature.name),
                evidence_key=bucket.feature.key,
            )
            case._prefetched_objects_cache = {"links": CaseItem.objects.none()}
            cases.append(case)
            by_key[case.evidence_key] = case
            built.created += 1
        elif (
            case.status == Case.Status.SUGGESTED and not case.is_locked("name")
            and case.evidence_key == bucket.feature.key and case.name != bucket.feature.name
        ):
            case.name = bucket.feature.name
            case.save(update_fields=["name", "updated_at"])
        members = wanted.setdefault(case, {})
        for pk, row in bucket.rows.items():
            members.setdefault(pk, (row, bucket.feature))
    return wanted


def _holding_most(cases: list[Case], bucket: _Bucket) -> Case | None:
    identities = {row.identity for row in bucket.rows.values()}
    best, best_count = None, 1
    for case in cases:
        count = sum(
            1 for link in case.links.all()
            if link.item_id in bucket.rows or _identity(link) in identities
        )
        if count > best_count:
            best, best_count = case, count
    return best


def _identity(link: CaseItem) -> Identity:
    return (link.body_id, link.meeting_date, link.number)


def _reconcile(
    case: Case, wanted: dict[int, tuple[_Row, Feature]], scope: set[int] | None, built: Built
) -> None:
    """Make the case's suggested links what the evidence says; decided links stay as they are.

    With a `scope` (the items of the meeting just loaded) only those items' suggestions may go:
    other items' titles did not change.
    """
    links = list(case.links.all())
    by_item = {link.item_id: link for link in links if link.item_id}
    by_identity = {_identity(link): link for link in links}
    for pk, (row, feature) in wanted.items():
        link = by_item.get(pk) or by_identity.get(row.identity)
        if link is None:
            CaseItem.objects.create(
                case=case, item_id=pk, body_id=row.body_id, meeting_date=row.meeting_date,
                number=row.number, evidence=feature.evidence, confidence=feature.confidence,
            )
            built.linked += 1
            continue
        values = {"item_id": pk}
        if not link.decided:
            values |= {"evidence": feature.evidence, "confidence": feature.confidence}
        changed = [name for name, value in values.items() if getattr(link, name) != value]
        for name in changed:
            setattr(link, name, values[name])
        if changed:
            link.save(update_fields=[*changed, "updated_at"])
    kept = 0
    for link in links:
        stale = not link.decided and link.item_id not in wanted and (
            scope is None or link.item_id in scope or link.item_id is None
        )
        if stale:
            link.delete()
            built.unlinked += 1
        else:
            kept += 1
    if not kept and not wanted and case.status == Case.Status.SUGGESTED:
        case.delete()
        built.removed += 1


def _reattach(detached, rows: list[_Row]) -> None:
    """Links whose item a re-read dropped find the item again when it comes back."""
    by_identity = {row.identity: row.pk for row in rows}
    for link in detached:
        pk = by_identity.get(_identity(link))
        if pk is not None:
            link.item_id = pk
            link.save(update_fields=["item", "updated_at"])


# Staff decisions.


def _decide(link: CaseItem, status: str, user: AbstractBaseUser | None) -> None:
    link.status = status
    link.decided_by = user
    link.decided_at = timezone.now()
    link.save()


def _refresh_followups(*cases: Case) -> None:
    """A case's items changed: answers suggested to the follow-ups of its bodies may too."""
    bodies = {link.body_id for case in cases for link in case.links.all()}
    for body in Body.objects.filter(pk__in=bodies):
        followups.refresh(body)


def _link_for(case: Case, item: AgendaItem) -> CaseItem:
    link = case.links.filter(item=item).first()
    if link is None:
        link = CaseItem(
            case=case, item=item, body_id=item.meeting.body_id,
            meeting_date=item.meeting.date, number=item.number,
        )
    return link


@transaction.atomic
def confirm(case: Case, items: list[AgendaItem], user: AbstractBaseUser | None) -> None:
    """Staff say these items are steps of this case: their links and the case are confirmed."""
    for item in items:
        _decide(_link_for(case, item), CaseItem.Status.CONFIRMED, user)
    if case.status != Case.Status.CONFIRMED:
        case.status = Case.Status.CONFIRMED
        case.save(update_fields=["status", "updated_at"])
    _refresh_followups(case)


@transaction.atomic
def reject(case: Case, item: AgendaItem, user: AbstractBaseUser | None) -> None:
    """Staff say this item is not a step of this case; no later suggestion puts it back."""
    _decide(_link_for(case, item), CaseItem.Status.REJECTED, user)
    _refresh_followups(case)


@transaction.atomic
def merge(target: Case, others: list[Case], user: AbstractBaseUser | None) -> None:
    """The other cases' items join `target`, which is confirmed; the others are deleted.

    Where both held an item, a staff decision wins over a suggestion (target's first).
    """
    existing = {_identity(link): link for link in target.links.all()}
    for other in others:
        if other.pk == target.pk:
            continue
        for link in other.links.all():
            mine = existing.get(_identity(link))
            if mine is None:
                link.case = target
                link.save(update_fields=["case", "updated_at"])
                existing[_identity(link)] = link
            elif not mine.decided and link.decided:
                mine.status, mine.decided_by, mine.decided_at = (
                    link.status, link.decided_by, link.decided_at
                )
                mine.save()
        other.delete()
    target.status = Case.Status.CONFIRMED
    if target.created_by is None:
        target.created_by = user
    target.save()
    _refresh_followups(target)


@transaction.atomic
def split(case: Case, links: list[CaseItem], name: str, user: AbstractBaseUser | None) -> Case:
    """A new confirmed case of `links`' items; they stay in the old one as rejected, so
    building suggestions does not put them back."""
    new = Case.objects.create(
        name=name, slug=unique_slug(Case, name), status=Case.Status.CONFIRMED, created_by=user
    )
    new.lock("name")
    new.save(update_fields=["locked_fields"])
    now = timezone.now()
    for link in links:
        CaseItem.objects.create(
            case=new, item_id=link.item_id, body_id=link.body_id,
            meeting_date=link.meeting_date, number=link.number, status=CaseItem.Status.CONFIRMED,
            evidence=link.evidence, confidence=link.confidence, decided_by=user, decided_at=now,
        )
        _decide(link, CaseItem.Status.REJECTED, user)
    case.status = Case.Status.CONFIRMED
    case.save(update_fields=["status", "updated_at"])
    _refresh_followups(case, new)
    return new
