"""Background parsing of uploaded referater (Django tasks; the database backend's worker runs them).

An upload is stored first, then `parse_upload` reads it. A file that reads as a meeting which
already has another source is not loaded until staff confirm the replacement (the loader's
replace=False); nothing is public before an editor publishes it.
"""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResult, task
from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

from ingest.process import process_source, reingest_source
from minutes.models import SourceDocument


@task()
def parse_upload(source_id: int, replace: bool = False, reread: bool = False) -> str:
    """Parse and load one stored source; returns the result (loaded, failed, replacement…).

    `reread` is a re-read of an archived source (the admin's action): its meeting keeps its
    published or draft status, as with `manage.py reingest`.
    """
    source = SourceDocument.objects.select_related("meeting").filter(pk=source_id).first()
    if source is None:
        return "missing"  # discarded while it waited in the queue
    if reread:
        return reingest_source(source).status
    # A retry of a meeting's own current source is a re-read, not a replacement to confirm.
    own = source.meeting is not None and source.meeting.current_source_id == source.pk
    return process_source(source, published=False, replace=replace or own).status


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
    """Failed, or stuck "parsing" well past the parse time limit (its worker died)."""
    if source.status == SourceDocument.Status.FAILED:
        return True
    if source.status != SourceDocument.Status.PARSING or source.parse_started_at is None:
        return False
    stuck_after = timedelta(seconds=2 * settings.INGEST_MAX_SECONDS)
    return timezone.now() - source.parse_started_at > stuck_after


def job_for(source: SourceDocument) -> TaskResult | None:
    """The background job that read (or will read) this source, when the backend keeps it."""
    if not source.task_id:
        return None
    try:
        return parse_upload.get_result(source.task_id)
    except (NotImplementedError, TaskResultDoesNotExist, TaskResultMismatch):
        return None
