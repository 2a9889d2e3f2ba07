"""Originals kept byte for byte, addressed by the SHA-256 of exactly the stored bytes.

Storing comes before anything reads the file: a document that later fails to parse keeps its
original, and the same bytes stored again are recognised instead of read twice.
"""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from minutes.models import Body, SourceDocument
from minutes.models.meetings import source_path


def store_bytes(
    data: bytes,
    filename: str,
    *,
    uploaded_by=None,
    body: Body | None = None,
    meeting_date: date | None = None,
) -> tuple[SourceDocument, bool]:
    """Keep `data` under MEDIA_ROOT; (the existing document, False) when the bytes are known."""
    sha = hashlib.sha256(data).hexdigest()
    return _store(
        ContentFile(data), sha, len(data), filename,
        uploaded_by=uploaded_by, body=body, meeting_date=meeting_date,
    )


def store_upload(
    upload: File,
    filename: str,
    *,
    uploaded_by=None,
    body: Body | None = None,
    meeting_date: date | None = None,
) -> tuple[SourceDocument, bool]:
    """store_bytes for an uploaded file: hashed and saved chunk by chunk, never read whole."""
    digest = hashlib.sha256()
    size = 0
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    return _store(
        upload, digest.hexdigest(), size, filename,
        uploaded_by=uploaded_by, body=body, meeting_date=meeting_date,
    )


def read_original(source: SourceDocument) -> bytes:
    """The stored bytes of a source, for a re-read."""
    with source.file.open("rb") as handle:
        return handle.read()


def _store(
    content: File, sha: str, size: int, filename: str, *, uploaded_by, body, meeting_date
) -> tuple[SourceDocument, bool]:
    existing = SourceDocument.objects.filter(sha256=sha).first()
    if existing:
        return existing, False
    path = source_path(sha, filename)
    if not default_storage.exists(path):
        stored = default_storage.save(path, content)
        if stored != path:  # the storage renamed it: someone wrote that path meanwhile
            default_storage.delete(stored)
    try:
        with transaction.atomic():
            source = SourceDocument.objects.create(
                file=path,
                original_filename=Path(filename).name[:255],
                sha256=sha,
                size=size,
                uploaded_by=uploaded_by,
                body_hint=body,
                date_hint=meeting_date,
            )
    except IntegrityError:  # the same bytes stored concurrently
        return SourceDocument.objects.get(sha256=sha), False
    return source, True
