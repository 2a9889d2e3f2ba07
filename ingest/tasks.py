"""Background parsing of uploaded referater (Django tasks; the database backend's worker runs them).

An upload is stored first, then `parse_upload` reads it. A file that reads as a meeting which
already exists is not loaded until staff confirm the replacement; nothing is public before publish.
"""
from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResult, task
from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

from ingest.contract import ParseError
from ingest.load import limits_from_settings, load_parsed, process_source
from ingest.pipeline import parse_document
from minutes.models import SourceDocument

logger = logging.getLogger(__name__)


@task()
def parse_upload(source_id: int, replace: bool = False) -> str:
    """Parse and load one stored source; returns its new status (ready, failed, replacement…)."""
    source = SourceDocument.objects.filter(pk=source_id).first()
    if source is None:
        return "missing"  # discarded while it waited in the queue
    if replace:
        return process_source(source, published=False).status
    return read_upload(source)


def read_upload(source: SourceDocument) -> str:
    """Parse, then load; a meeting that exists with another source is left alone until confirmed."""
    source.status = SourceDocument.Status.PARSING
    source.parse_started_at = timezone.now()
    source.save(update_fields=["status", "parse_started_at"])
    meeting_before = source.meeting_id
    try:
        # Parse outside any transaction: OCR takes minutes and must not hold a write lock.
        with source.file.open("rb") as handle:
            data = handle.read()
        parsed = parse_document(data, source.original_filename, limits_from_settings())
        with transaction.atomic():
            meeting = load_parsed(parsed, source, published=False).meeting
            replaces = meeting.pk != meeting_before and meeting.sources.exclude(
                pk=source.pk
            ).exists()
            if replaces:
                transaction.set_rollback(True)
    except ParseError as exc:
        return _failed(source, str(exc))
    except Exception as exc:
        # A parser bug on one file must not kill the worker or leave the source "parsing".
        logger.exception("Unexpected error while reading upload %s", source.pk)
        message = _("The file could not be read because of an internal error (%(error)s).")
        return _failed(source, message % {"error": type(exc).__name__})
    if not replaces:
        return source.status
    # The rolled-back load left what it read on the instance: keep that for the review page.
    source.status = SourceDocument.Status.REPLACEMENT
    source.meeting_id = meeting.pk
    source.save()
    return source.status


def _failed(source: SourceDocument, message: str) -> str:
    source.status = SourceDocument.Status.FAILED
    source.error = message
    source.parsed_at = timezone.now()
    source.save(update_fields=["status", "error", "parsed_at"])
    return source.status


def enqueue_parse(source: SourceDocument, *, replace: bool = False) -> None:
    """Mark the source waiting and queue its parse once this transaction commits."""
    source.status = SourceDocument.Status.WAITING
    source.error = ""
    source.save(update_fields=["status", "error"])
    pk = source.pk

    def enqueue() -> None:
        result = parse_upload.enqueue(pk, replace)
        SourceDocument.objects.filter(pk=pk).update(task_id=str(result.id))

    transaction.on_commit(enqueue)


def job_for(source: SourceDocument) -> TaskResult | None:
    """The background job that read (or will read) this source, when the backend keeps it."""
    if not source.task_id:
        return None
    try:
        return parse_upload.get_result(source.task_id)
    except (NotImplementedError, TaskResultDoesNotExist, TaskResultMismatch):
        return None
