"""Counts over the whole archive (facets, topic sizes), cached until the archive changes.

On a large archive such counts read tens of thousands of rows, yet the archive changes only when
a referat is loaded, published or corrected. Every cached value is filed under the archive's
current *generation*. Any save or delete of a meeting, item, decision, topic, person,
organisation, participant, bilag, case or follow-up, and any change of an item's topics or
presenters, starts a new generation, so no page ever shows a count from before a change. The
generation is the newest row of ArchiveChange, added in the same transaction as the change it
announces; the rows before it are deleted then, as no cache key needs them. The values are kept
in Django's default cache, which settings make the database cache: shared by the web processes
and the worker.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from minutes.models import (
    AgendaItem,
    ArchiveChange,
    Attachment,
    Case,
    CaseItem,
    Decision,
    FollowUp,
    Meeting,
    Organisation,
    Participant,
    Person,
    Topic,
)

T = TypeVar("T")
TIMEOUT = 60 * 60  # seconds; a bound on staleness should a change bypass the signals


def generation() -> int:
    """The archive's current generation: the newest committed ArchiveChange (0: none yet)."""
    newest = ArchiveChange.objects.order_by("-pk").values_list("pk", flat=True).first()
    return newest or 0


def archive_changed(**kwargs) -> None:
    """Signal receiver: what was counted before is out of date. A new row starts a new
    generation, and the rows before it, which no cache key needs any more, are deleted."""
    if str(kwargs.get("action", "post")).startswith("pre"):
        return  # m2m_changed fires before and after; the change is done after
    newest = ArchiveChange.objects.create()
    # Rows another open transaction is deleting too are skipped, not waited for, so two loads
    # at once still never wait on each other; a later change deletes what was skipped.
    older = ArchiveChange.objects.filter(pk__lt=newest.pk).select_for_update(skip_locked=True)
    ArchiveChange.objects.filter(pk__in=older.values("pk")).delete()


def cached(name: str, params: Iterable[tuple[str, str]], compute: Callable[[], T]) -> T:
    """`compute()`, remembered for this generation of the archive and these parameters."""
    digest = hashlib.sha256(repr(sorted(params)).encode()).hexdigest()[:32]
    key = f"archive:{name}:{generation()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def connect_signals() -> None:
    """Called from the app's ready(): the models whose changes alter the archive's counts."""
    models = (
        Meeting, AgendaItem, Decision, Topic, Person, Organisation, Participant, FollowUp, Case,
        CaseItem, Attachment,  # bilag titles are searched
    )
    for model in models:
        post_save.connect(archive_changed, sender=model, dispatch_uid=f"archive-{model.__name__}")
        post_delete.connect(
            archive_changed, sender=model, dispatch_uid=f"archive-del-{model.__name__}"
        )
    for relation in (AgendaItem.topics, AgendaItem.presenters):
        m2m_changed.connect(
            archive_changed, sender=relation.through, dispatch_uid=f"archive-{relation.field.name}"
        )
