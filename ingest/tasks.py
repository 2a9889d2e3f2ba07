"""Background parsing of uploaded referater (Django tasks; the database backend's worker runs them).

An upload is stored first, then `parse_upload` reads it. A file that reads as a meeting which
already has another source is not loaded until staff confirm the replacement (the loader's
replace=False); nothing is public before an editor publishes it.
"""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResult, task
from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

from ingest.parsing.messages import Message, ngettext_noop
from ingest.process import _fail, process_source, reingest_source
from ingest.sandbox import Interrupted
from minutes.models import SourceDocument

MAX_ATTEMPTS = 3  # readings a worker may die in before the source fails


@task()
def parse_upload(source_id: int, replace: bool = False, reread: bool = False) -> str:
    """Parse and load one stored source; returns the result (loaded, failed, replacement…).

    `reread` is a re-read of an archived source (the admin's action): its meeting keeps its
    published or draft status, as with `manage.py reingest`.
    """
    source = SourceDocument.objects.select_related("meeting").filter(pk=source_id).first()
    if source is None:
        return "missing"  # discarded while it waited in the queue
    try:
        if reread:
            return reingest_source(source).status
        # A retry of a meeting's own current source is a re-read, not a replacement to confirm.
        own = source.meeting is not None and source.meeting.current_source_id == source.pk
        return process_source(source, published=False, replace=replace or own).status
    except Interrupted:
        # The worker was asked to stop: the next one reads the source from the start.
        enqueue_parse(source, replace=replace, reread=reread)
        return "requeued"


def recover_stalled(now=None) -> list[SourceDocument]:
    """Queue again the sources being read by a worker that died (their lease ran out), at most
    MAX_ATTEMPTS times; after that the source fails saying why. Returns the sources handled."""
    now = now or timezone.now()
    stale = now - _lease()
    stalled = list(
        SourceDocument.objects.filter(status=SourceDocument.Status.PARSING).filter(
            Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True, parse_started_at__lt=stale)
        )
    )
    claimed = []
    for source in stalled:
        # Claimed by a conditional update, so two workers never both queue it again.
        source.attempts += 1
        won = SourceDocument.objects.filter(
            pk=source.pk, status=SourceDocument.Status.PARSING, attempts=source.attempts - 1
        ).update(attempts=source.attempts, status=SourceDocument.Status.WAITING)
        if not won:
            continue
        claimed.append(source)
        _abandon_task(source)
        if source.attempts >= MAX_ATTEMPTS:
            _fail(source, Message(
                ngettext_noop(
                    "Læsningen blev afbrudt %(count)d gang, fordi baggrundsprocessen stoppede; "
                    "filen afvises.",
                    "Læsningen blev afbrudt %(count)d gange, fordi baggrundsprocessen stoppede; "
                    "filen afvises.",
                ),
                count=source.attempts,
            ))
        else:
            own = source.meeting_id is not None and source.meeting.current_source_id == source.pk
            enqueue_parse(source, replace=own)
    return claimed


def _abandon_task(source: SourceDocument) -> None:
    """Mark the dead worker's job failed, so the queue does not show it running for ever."""
    if not source.task_id:
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=source.task_id, status="RUNNING").update(
        status="FAILED", finished_at=timezone.now(),
        exception_class_path="ingest.tasks.WorkerDied",
        traceback="The worker stopped while reading this source.",
    )


def enqueue_parse(
    source: SourceDocument, *, replace: bool = False, reread: bool = False
) -> None:
    """Mark the source waiting and queue its parse once this transaction commits."""
    source.status = SourceDocument.Status.WAITING
    source.error = ""
    source.error_message = {}
    source.save(update_fields=["status", "error", "error_message"])
    pk = source.pk

    def enqueue() -> None:
        result = parse_upload.enqueue(pk, replace, reread)
        SourceDocument.objects.filter(pk=pk).update(task_id=str(result.id))

    transaction.on_commit(enqueue)


def can_retry(source: SourceDocument) -> bool:
    """Failed, or "parsing" with its lease run out (its worker died)."""
    if source.status == SourceDocument.Status.FAILED:
        return True
    if source.status != SourceDocument.Status.PARSING:
        return False
    alive_at = source.heartbeat_at or source.parse_started_at
    return alive_at is None or timezone.now() - alive_at > _lease()


def _lease() -> timedelta:
    """How old a reading's lease may grow (its worker renews it six times as often)."""
    return timedelta(seconds=settings.INGEST_LEASE_SECONDS)


def job_for(source: SourceDocument) -> TaskResult | None:
    """The background job that read (or will read) this source, when the backend keeps it."""
    if not source.task_id:
        return None
    try:
        return parse_upload.get_result(source.task_id)
    except (NotImplementedError, TaskResultDoesNotExist, TaskResultMismatch):
        return None
