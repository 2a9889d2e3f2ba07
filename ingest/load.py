"""Parsed referater into the archive: the one entry point for every way in.

`ingest_file` stores the original byte-for-byte (content-addressed by SHA-256), recognises a file
it has seen, parses it and loads the result in one transaction. `process_source` re-does the
parse-and-load of a stored file (re-ingest, the upload worker). Fields an admin corrected by hand
(`locked_fields`) are left alone and every disagreement with the new parse is reported.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ingest.contract import ParsedMeeting, ParseError
from ingest.i18n import translate
from ingest.limits import Limits, too_large
from ingest.messages import Message, gettext_noop, to_json
from ingest.pipeline import parse_document
from minutes.identity import Resolver
from minutes.models import (
    AgendaItem,
    Attachment,
    Body,
    Decision,
    Meeting,
    Participant,
    SourceDocument,
    Topic,
)
from minutes.models.base import danish_slugify
from minutes.models.meetings import source_path
from minutes.topics import matching_topics

logger = logging.getLogger(__name__)

LOADED, UPDATED, UNCHANGED, FAILED = "loaded", "updated", "unchanged", "failed"
REPLACEMENT = "replacement"  # read as an existing meeting; waits for staff to confirm
LOAD_LOCK = 7_160_001  # PostgreSQL advisory lock key held while a parsed meeting is written


@dataclass
class IngestResult:
    """What became of one document: loaded, updated, unchanged or failed (with the reason, in
    the active language)."""

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
    """The parser's bounds, from the INGEST_MAX_BYTES, _PAGES, _SECONDS and _OCR_DPI settings."""
    return Limits(
        max_bytes=settings.INGEST_MAX_BYTES,
        max_pages=settings.INGEST_MAX_PAGES,
        ocr_dpi=settings.INGEST_OCR_DPI,
        max_seconds=settings.INGEST_MAX_SECONDS,
    )


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A fingerprint of the parsing code and its word lists, so a source records what read it.

    Parsing modules are the Django-free ones (the project's rule), so upload views or this loader
    changing does not count as a new parser.
    """
    folder = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("*.py"), *folder.glob("data/*")]):
        content = path.read_bytes()
        if path.suffix == ".py" and (b"from django" in content or b"import django" in content):
            continue
        digest.update(path.name.encode() + b"\0" + content)
    return digest.hexdigest()[:12]


def ingest_file(
    data: bytes | Path,
    filename: str | None = None,
    *,
    published: bool,
    uploaded_by=None,
    body: Body | None = None,
    meeting_date: date | None = None,
) -> IngestResult:
    """Store, dedupe, parse and load one referat; never raises for a bad document."""
    limits = limits_from_settings()
    if isinstance(data, Path):
        filename = filename or data.name
        size = data.stat().st_size
        if size > limits.max_bytes:
            refusal = too_large(size, limits).message
            return IngestResult(filename, FAILED, message=translate(refusal))
        data = data.read_bytes()
    filename = filename or "referat"
    source, created = store_source(
        data, filename, uploaded_by=uploaded_by, body=body, meeting_date=meeting_date
    )
    if not created:
        message = _("Findes allerede i arkivet (%(status)s).") % {
            "status": source.get_status_display()
        }
        return IngestResult(filename, UNCHANGED, source, source.meeting, message)
    return process_source(source, published=published)


def store_source(
    data: bytes,
    filename: str,
    *,
    uploaded_by=None,
    body: Body | None = None,
    meeting_date: date | None = None,
) -> tuple[SourceDocument, bool]:
    """Keep the original under MEDIA_ROOT; the existing document when the bytes are known."""
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
    """store_source for an uploaded file: hashed and saved chunk by chunk, not read whole."""
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


def process_source(
    source: SourceDocument, *, published: bool, replace: bool = True
) -> IngestResult:
    """Parse a stored source and load it; on failure keep the source with its error.

    With replace=False a parse of a meeting that already has another source is not loaded: the
    source is marked "replacement" (with what was read) until staff confirm.
    """
    filename = source.original_filename
    source.status = SourceDocument.Status.PARSING
    source.parse_started_at = timezone.now()
    source.save(update_fields=["status", "parse_started_at"])
    try:
        with source.file.open("rb") as handle:
            data = handle.read()
        parsed = parse_document(data, filename, limits_from_settings())
        return load_parsed(parsed, source, published=published, replace=replace)
    except ParseError as exc:
        return _fail(source, exc.message)
    except Exception as exc:
        # A parser bug on one file must not stop a batch or leave the source "parsing" forever.
        logger.exception("Unexpected error while ingesting %s", filename)
        message = Message(
            gettext_noop("Filen kunne ikke læses på grund af en intern fejl (%(error)s)."),
            error=type(exc).__name__,
        )
        return _fail(source, message)


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


@transaction.atomic
def load_parsed(
    parsed: ParsedMeeting, source: SourceDocument, *, published: bool, replace: bool = True
) -> IngestResult:
    """Write a parsed meeting into the archive in one transaction (raises ParseError, no date)."""
    if connection.vendor == "postgresql":
        # Loads run one at a time (parsing, the slow part, stays parallel): two workers loading
        # referater that name the same new person or organisation would both create it.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK])
    return _Loader(source).load(parsed, published=published, replace=replace)


def _text(value: str | None, model: type[models.Model], name: str) -> str:
    """None as "", cut to the column's length (PostgreSQL refuses longer; SQLite would not)."""
    value = (value or "").strip()
    max_length = model._meta.get_field(name).max_length
    return value[:max_length] if max_length else value


class _Loader:
    """One document's load: resolves names, syncs rows, notes conflicts and changes."""

    def __init__(self, source: SourceDocument) -> None:
        self.source = source
        self.resolver = Resolver()
        self.conflicts: list[dict] = []
        self.changed = False
        self.topics = list(Topic.objects.all())
        self.reason = f"ingest {source.original_filename}"[:100]

    def load(self, parsed: ParsedMeeting, *, published: bool, replace: bool) -> IngestResult:
        info = parsed.meeting
        body = self.source.body_hint or self._body(info.body or "DASSOS")
        meeting_date = info.date or self.source.date_hint
        if meeting_date is None:
            raise ParseError(gettext_noop("Der blev ikke fundet nogen mødedato i dokumentet."))
        meeting = self._corrected_meeting(body, meeting_date) or (
            Meeting.objects.select_for_update().filter(body=body, date=meeting_date).first()
        )
        created = meeting is None
        if created:
            meeting = Meeting(body=body, date=meeting_date)
        elif not replace and meeting.sources.exclude(pk=self.source.pk).exists():
            self._record_parse(parsed, meeting, SourceDocument.Status.REPLACEMENT)
            return IngestResult(self.source.original_filename, REPLACEMENT, self.source, meeting)
        values = {
            "start_time": info.start_time,
            "end_time": info.end_time,
            "location": _text(info.location, Meeting, "location"),
            "room": _text(info.room, Meeting, "room"),
            "current_source": self.source,
        }
        if published:
            values["status"] = Meeting.Status.PUBLISHED
        self._save(meeting, values, where=str(meeting), new=created)
        self._participants(meeting, parsed)
        self._items(meeting, parsed)
        previous = self.source.meeting
        self._finish_source(parsed, meeting)
        if previous is not None and previous.pk != meeting.pk:
            self._leave(previous)
        status = LOADED if created else (UPDATED if self.changed else UNCHANGED)
        return IngestResult(
            self.source.original_filename, status, self.source, meeting, "", self.conflicts
        )

    def _corrected_meeting(self, body: Body, meeting_date: date) -> Meeting | None:
        """The source's own meeting once an editor corrected its date or body."""
        meeting = self.source.meeting
        if meeting is None or not (meeting.is_locked("date") or meeting.is_locked("body")):
            return None
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        for name, parsed in (("date", meeting_date), ("body", body)):
            if getattr(meeting, name) != parsed:
                self.conflicts.append(
                    {"where": str(meeting), "field": name, "kept": str(getattr(meeting, name)),
                     "parsed": str(parsed)}
                )
        return meeting

    def _body(self, name: str) -> Body:
        body, _created = Body.objects.get_or_create(
            name=name[:100], defaults={"slug": danish_slugify(name)}
        )
        return body

    def _save(self, obj: models.Model, values: dict, *, where: str, new: bool) -> bool:
        """Set changed values except hand-locked ones (reported); save only when changed."""
        dirty = new
        for name, value in values.items():
            current = getattr(obj, name)
            if current == value:
                continue
            if not new and hasattr(obj, "is_locked") and obj.is_locked(name):
                self.conflicts.append(
                    {"where": where, "field": name, "kept": str(current), "parsed": str(value)}
                )
                continue
            setattr(obj, name, value)
            dirty = True
        if dirty:
            obj._change_reason = self.reason
            if self.source.uploaded_by_id:
                obj._history_user = self.source.uploaded_by
            obj.save()
            self.changed = True
        return dirty

    def _participants(self, meeting: Meeting, parsed: ParsedMeeting) -> None:
        existing = {p.person_id: p for p in meeting.participants.all()}
        seen: set[int] = set()
        curated = meeting.pk is not None and meeting.is_locked("participants")
        for order, entry in enumerate(parsed.participants):
            organisation = self.resolver.organisation(entry.organisation)
            # An editor's list gets no one new, so no new Person either.
            person = self.resolver.person(entry.name, organisation, create=not curated)
            if person is None:
                self._curated(meeting, "participants", entry.name)
                continue
            if person.pk in seen:
                continue  # the same person listed twice; keep the first line
            seen.add(person.pk)
            participant = existing.get(person.pk)
            if participant is None:
                if self._curated(meeting, "participants", str(person)):
                    continue
                participant = Participant(meeting=meeting, person=person)
            self._save(
                participant,
                {
                    "organisation": organisation,
                    "role": _text(entry.role, Participant, "role"),
                    "status": entry.status if entry.status in ("present", "absent") else "present",
                    "note": _text(entry.note, Participant, "note"),
                    "order": order,
                },
                where=f"{meeting}: {person}",
                new=participant.pk is None,
            )
        if not meeting.is_locked("participants"):
            self._drop_unseen(existing, seen, where=str(meeting))

    def _items(self, meeting: Meeting, parsed: ParsedMeeting) -> None:
        existing = {item.number: item for item in meeting.items.all()}
        seen: set[str] = set()
        for order, entry in enumerate(parsed.items):
            number = _text(entry.number, AgendaItem, "number")
            while number in seen:  # a duplicated number would break the unique constraint
                number = f"{number}'"
            seen.add(number)
            item = existing.get(number)
            if item is None:
                if self._curated(meeting, "items", f"{number} {entry.title}"):
                    continue
                item = AgendaItem(meeting=meeting, number=number)
            pages = entry.pages or (None, None)
            self._save(
                item,
                {
                    "section": _text(entry.section, AgendaItem, "section"),
                    "title": _text(entry.title, AgendaItem, "title"),
                    "presenters_text": _text(
                        ", ".join(entry.presenters), AgendaItem, "presenters_text"
                    ),
                    "indstilling": "\n".join(p.strip() for p in entry.indstilling if p.strip()),
                    "referat": (entry.referat or "").strip(),
                    "sagsfremstilling": (entry.sagsfremstilling or "").strip(),
                    "other_parts": dict(entry.other_parts),
                    "page_start": pages[0],
                    "page_end": pages[1],
                    "order": order,
                },
                where=f"{meeting} pkt. {number}",
                new=item.pk is None,
            )
            self._presenters(item, entry.presenters)
            self._topics(item)
            self._decisions(item, entry.outcome, entry.referat)
            self._attachments(item, entry.attachments)
        if not meeting.is_locked("items"):
            self._drop_unseen(existing, seen, where=str(meeting))

    def _presenters(self, item: AgendaItem, names: list[str]) -> None:
        people = [self.resolver.person(n.split(",")[0]) for n in names if n.split(",")[0].strip()]
        self._set_m2m(item, "presenters", people)

    def _topics(self, item: AgendaItem) -> None:
        topics = matching_topics(
            self.topics, title=item.title, indstilling=item.indstilling, referat=item.referat
        )
        self._set_m2m(item, "topics", topics)

    def _set_m2m(self, item: AgendaItem, name: str, objs: list) -> None:
        manager = getattr(item, name)
        wanted = {obj.pk for obj in objs}
        current = set(manager.values_list("pk", flat=True))
        if wanted == current:
            return
        if item.is_locked(name):
            self.conflicts.append(
                {
                    "where": f"{item.meeting} pkt. {item.number}",
                    "field": name,
                    "kept": ", ".join(str(o) for o in manager.all()),
                    "parsed": ", ".join(str(o) for o in objs),
                }
            )
            return
        manager.set(objs)
        self.changed = True

    def _decisions(self, item: AgendaItem, outcome: str, referat: str) -> None:
        existing = list(item.decisions.all())
        parsed = []
        if (referat or "").strip() or outcome not in ("", "none"):
            parsed.append({"outcome": outcome or "none", "text": (referat or "").strip()})
        for order, values in enumerate(parsed):
            if order < len(existing):
                decision = existing[order]
            elif self._curated(item, "decisions", values["text"][:60]):
                continue
            else:
                decision = Decision(item=item)
            self._save(
                decision,
                {**values, "order": order},
                where=f"{item.meeting} pkt. {item.number}",
                new=decision.pk is None,
            )
        if not item.is_locked("decisions"):
            extra = {d.pk: d for d in existing[len(parsed) :]}
            self._drop_unseen(extra, set(), where=f"{item.meeting} pkt. {item.number}")

    def _attachments(self, item: AgendaItem, attachments: list) -> None:
        existing = {a.label.casefold(): a for a in item.attachments.all()}
        seen: set[str] = set()
        for order, entry in enumerate(attachments):
            label = _text(entry.label, Attachment, "label")
            if label.casefold() in seen:
                continue
            seen.add(label.casefold())
            attachment = existing.get(label.casefold())
            if attachment is None:
                if self._curated(item, "attachments", f"{label}: {entry.title}"):
                    continue
                attachment = Attachment(item=item, label=label)
            self._save(
                attachment,
                {
                    "title": _text(entry.title, Attachment, "title"),
                    "url": _text(entry.url, Attachment, "url"),
                    "order": order,
                },
                where=f"{item.meeting} pkt. {item.number}",
                new=attachment.pk is None,
            )
        for key, attachment in existing.items():
            # A bilag an admin stored a copy of is kept even when the new parse lost it.
            if key not in seen and not attachment.file and not item.is_locked("attachments"):
                attachment.delete()
                self.changed = True

    def _curated(self, parent: models.Model, rows: str, parsed: str) -> bool:
        """True (and reported) when an editor curated `parent`'s `rows`: the parse adds none."""
        if parent.pk is None or not parent.is_locked(rows):
            return False
        self.conflicts.append({"where": str(parent), "field": rows, "kept": "", "parsed": parsed})
        return True

    def _drop_unseen(self, existing: dict, seen: set, *, where: str) -> None:
        """Delete rows the new parse no longer has, except hand-corrected ones (reported)."""
        for key, obj in existing.items():
            if key in seen:
                continue
            if getattr(obj, "locked_fields", None):
                self.conflicts.append(
                    {"where": where, "field": str(obj), "kept": "kept", "parsed": "missing"}
                )
                continue
            obj._change_reason = self.reason
            obj.delete()
            self.changed = True

    def _leave(self, previous: Meeting) -> None:
        """The source now reads as another meeting (a better date): the old one falls back."""
        if previous.current_source_id != self.source.pk:
            return
        fallback = previous.sources.exclude(pk=self.source.pk).order_by("-uploaded_at").first()
        corrected = previous.locked_fields or any(i.locked_fields for i in previous.items.all())
        if fallback is None and not corrected:
            previous._change_reason = self.reason
            previous.delete()
            return
        previous.current_source = fallback
        previous.save(update_fields=["current_source"])
        self.conflicts.append(
            {"where": str(previous), "field": "meeting", "kept": "kept", "parsed": "moved"}
        )

    def _finish_source(self, parsed: ParsedMeeting, meeting: Meeting) -> None:
        published = meeting.is_published
        status = SourceDocument.Status.PUBLISHED if published else SourceDocument.Status.READY
        self._record_parse(parsed, meeting, status)

    def _record_parse(self, parsed: ParsedMeeting, meeting: Meeting, status: str) -> None:
        """What was read, on the source (the review page shows it), and the source's new status."""
        source = self.source
        source.meeting = meeting
        source.kind = _text(parsed.source.kind, SourceDocument, "kind")
        source.pages = parsed.source.pages
        source.parser_version = parser_version()
        source.raw_text = parsed.raw_text
        source.text = parsed.text
        source.warnings = [to_json(warning) for warning in parsed.warnings]
        source.conflicts = self.conflicts
        source.error = ""
        source.error_message = {}
        source.parsed_at = timezone.now()
        source.status = status
        source.save()
