"""The one way into the archive: store a file, parse it, load it — for every caller.

The `ingest` command, the upload worker, `reingest` and the admin's re-read all come through
here, so duplicates, storage, limits and errors are handled in one place. A bad document never
raises: it keeps its stored original and the reason, and the result says so.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ingest.i18n import translate
from ingest.load import LOADED, REPLACEMENT, UNCHANGED, UPDATED, items_lost, load_parsed
from ingest.parsing import parse_document
from ingest.parsing.contract import ParseError
from ingest.parsing.limits import Limits, too_large
from ingest.parsing.messages import Message, gettext_noop
from ingest.sandbox import ChildCrashed, Interrupted, crash_message, parse_isolated
from ingest.store import read_original, store_bytes
from minutes.models import Body, Meeting, SourceDocument

logger = logging.getLogger(__name__)

FAILED = "failed"
__all__ = ["FAILED", "LOADED", "REPLACEMENT", "UNCHANGED", "UPDATED", "IngestResult"]


@dataclass
class IngestResult:
    """What became of one document: loaded, updated, unchanged, replacement or failed (with the
    reason, in the active language)."""

    filename: str
    status: str
    source: SourceDocument | None = None
    meeting: Meeting | None = None
    message: str = ""
    conflicts: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != FAILED


def limits_from_settings() -> Limits:
    """The parser's bounds, from the INGEST_MAX_BYTES, _PAGES, _SECONDS, _MEMORY_MB and _OCR_DPI
    settings."""
    return Limits(
        max_bytes=settings.INGEST_MAX_BYTES,
        max_pages=settings.INGEST_MAX_PAGES,
        ocr_dpi=settings.INGEST_OCR_DPI,
        ocr_workers=settings.INGEST_OCR_WORKERS,
        max_seconds=settings.INGEST_MAX_SECONDS,
        max_memory=settings.INGEST_MAX_MEMORY_MB * 1024 * 1024,
    )


def ingest_file(
    data: bytes | Path,
    filename: str | None = None,
    *,
    published: bool,
    uploaded_by=None,
    body: Body | None = None,
    meeting_date: date | None = None,
    guard: bool = False,
    retry_failed: bool = False,
) -> IngestResult:
    """Store, dedupe, parse and load one referat; never raises for a bad document.

    With `guard`, a parse that would remove most of a published meeting's items is not loaded
    (see process_source); with `retry_failed`, a file that failed before is read again.
    """
    limits = limits_from_settings()
    if isinstance(data, Path):
        filename = filename or data.name
        size = data.stat().st_size
        if size > limits.max_bytes:
            refusal = too_large(size, limits).message
            return IngestResult(filename, FAILED, message=translate(refusal))
        data = data.read_bytes()
    filename = filename or "referat"
    source, created = store_bytes(
        data, filename, uploaded_by=uploaded_by, body=body, meeting_date=meeting_date
    )
    if not created and retry_failed and source.status == SourceDocument.Status.FAILED:
        return process_source(source, published=published, data=data, guard=guard)
    if not created:
        message = _("Findes allerede i arkivet (%(status)s).") % {
            "status": source.get_status_display()
        }
        return IngestResult(filename, UNCHANGED, source, source.meeting, message)
    return process_source(source, published=published, data=data, guard=guard)


def process_source(
    source: SourceDocument,
    *,
    published: bool,
    replace: bool = True,
    data: bytes | None = None,
    guard: bool = False,
) -> IngestResult:
    """Parse a stored source and load it; on failure keep the source with its error.

    `data` is the source's bytes when the caller has them already (read once, hashed once).
    With replace=False a parse of a meeting that already has another source is not loaded: the
    source is marked "replacement" (with what was read) until staff confirm. With guard=True a
    parse that would remove most of a published meeting's items fails, saying what it would lose.
    """
    filename = source.original_filename
    source.status = SourceDocument.Status.PARSING
    source.parse_started_at = source.heartbeat_at = timezone.now()
    source.save(update_fields=["status", "parse_started_at", "heartbeat_at"])
    try:
        if data is None:
            data = read_original(source)
        parsed = parse_isolated(
            data, filename, limits_from_settings(), sha256=source.sha256,
            progress=_progress_saver(source), parse=parse_document,
            heartbeat=lambda: SourceDocument.objects.filter(pk=source.pk).update(
                heartbeat_at=timezone.now()
            ),
            heartbeat_seconds=settings.INGEST_LEASE_SECONDS / 6,
        )
        loss = items_lost(parsed, source) if guard else None
        if loss is not None:
            return _fail(source, loss.message())
        loaded = load_parsed(parsed, source, published=published, replace=replace)
    except ParseError as exc:
        return _fail(source, exc.message)
    except Interrupted:
        raise  # the worker is stopping: its task queues the source again
    except ChildCrashed as exc:
        logger.error("The parser crashed on %s:\n%s", filename, exc)
        return _fail(source, crash_message(exc))
    except Exception as exc:
        # A parser bug on one file must not stop a batch or leave the source "parsing" forever.
        logger.exception("Unexpected error while ingesting %s", filename)
        message = Message(
            gettext_noop("Filen kunne ikke læses på grund af en intern fejl (%(error)s)."),
            error=type(exc).__name__,
        )
        return _fail(source, message)
    return IngestResult(filename, loaded.status, source, loaded.meeting, "", loaded.conflicts)


def _progress_saver(source: SourceDocument):
    """A progress(done, total) callback that keeps "3/12" on the source for the upload list."""
    def save(done: int, total: int) -> None:
        source.progress = f"{done}/{total}"
        SourceDocument.objects.filter(pk=source.pk).update(progress=source.progress)

    return save


def reingest_source(source: SourceDocument) -> IngestResult:
    """Rebuild from a stored source (after a parser upgrade), keeping the meeting's status."""
    if source.meeting_id:
        published = source.meeting.is_published
    else:
        published = source.status == SourceDocument.Status.PUBLISHED
    return process_source(source, published=published)


def _fail(source: SourceDocument, message: Message) -> IngestResult:
    """Keep why the source failed: as Danish text, and as the message each page translates."""
    source.status = SourceDocument.Status.FAILED
    source.error = str(message)
    source.error_message = message.to_json()
    source.parsed_at = timezone.now()
    source.save(update_fields=["status", "error", "error_message", "parsed_at"])
    return IngestResult(
        source.original_filename, FAILED, source, source.meeting, translate(message)
    )
