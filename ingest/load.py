"""Contract ↔ rows: a parsed meeting into the archive's tables, and a meeting back out as the
contract's tree (the meeting JSON). One place knows how each contract field is stored.

Loading is one transaction and idempotent. Fields an admin corrected by hand (`locked_fields`)
are left alone and every disagreement with the new parse is reported as a conflict.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from ingest.parsing import contract, fingerprint
from ingest.parsing.contract import ParsedMeeting, ParseError
from ingest.parsing.messages import Message, gettext_noop, to_json
from minutes import followups
from minutes.case_building import build_cases
from minutes.identity import Resolver, name_key, organisation_key
from minutes.models import (
    AgendaItem,
    Attachment,
    Body,
    Decision,
    FollowUp,
    Meeting,
    Organisation,
    OrganisationAlias,
    Participant,
    Person,
    PersonAlias,
    SourceDocument,
    Topic,
)
from minutes.models.base import danish_slugify
from minutes.topics import matching_topics

# What a load did to the archive.
LOADED, UPDATED, UNCHANGED = "loaded", "updated", "unchanged"
REPLACEMENT = "replacement"  # read as an existing meeting; waits for staff to confirm
LOAD_LOCK = 7_160_001  # PostgreSQL advisory lock key held while a parsed meeting is written
PRESENTERS_JOIN = ", "  # how an item's presenter lines are stored in `presenters_text`


@dataclass
class Loaded:
    """What a load did (LOADED, UPDATED, UNCHANGED or REPLACEMENT) and the kept corrections."""

    status: str
    source: SourceDocument
    meeting: Meeting
    conflicts: list[dict] = field(default_factory=list)


@dataclass
class Loss:
    """What loading a parse would remove from a published meeting: most of its items."""

    meeting: Meeting
    before: int
    after: int

    def message(self) -> Message:
        return Message(
            gettext_noop(
                "Mødet %(meeting)s er offentliggjort med %(before)d punkter; denne læsning har "
                "%(after)d og ville fjerne resten. Den indlæses ikke uden bekræftelse (--force)."
            ),
            meeting=f"{self.meeting.body.name} {self.meeting.date:%d.%m.%Y}",
            before=self.before,
            after=self.after,
        )


def items_lost(parsed: ParsedMeeting, source: SourceDocument) -> Loss | None:
    """The loss when this parse would replace a published meeting's items with fewer than half
    of them (a near-empty or wrong file for the meeting's date); None when nothing much is lost.
    """
    info = parsed.meeting
    meeting_date = info.date or source.date_hint
    body = source.body_hint or Body.objects.filter(
        name=(info.body or settings.ARCHIVE_DEFAULT_BODY)[:100]
    ).first()
    if meeting_date is None or body is None:
        return None
    meeting = Meeting.objects.public().filter(
        body=body, date=meeting_date
    ).select_related("body").first()
    if meeting is None:
        return None
    before = meeting.items.count()
    after = len(parsed.items)
    if before >= 2 and after * 2 < before:
        return Loss(meeting, before, after)
    return None


@transaction.atomic
def load_parsed(
    parsed: ParsedMeeting, source: SourceDocument, *, published: bool, replace: bool = True
) -> Loaded:
    """Write a parsed meeting into the archive in one transaction (raises ParseError, no date)."""
    if connection.vendor == "postgresql":
        # Loads run one at a time (parsing, the slow part, stays parallel): two workers loading
        # referater that name the same new person or organisation would both create it.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK])
    loaded = _Loader(source).load(parsed, published=published, replace=replace)
    if loaded.status in (LOADED, UPDATED):
        build_cases(loaded.meeting)  # the new items' suggested cases, with the load
        # A later meeting gives earlier follow-ups their "next meeting" date and maybe an answer
        # (from the case threads just built, too).
        followups.refresh(loaded.meeting.body)
    return loaded


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
        # One lookup per spelling per load: a presenter or an organisation recurs on many lines.
        self.people: dict[str, Person] = {}
        self.organisations: dict[str, Organisation | None] = {}
        self.actors: dict[str, tuple[int | None, int | None]] = {}
        self.conflicts: list[dict] = []
        self.changed = False
        self.topics = list(Topic.objects.all())
        self.reason = f"ingest {source.original_filename}"[:100]

    def load(self, parsed: ParsedMeeting, *, published: bool, replace: bool) -> Loaded:
        info = parsed.meeting
        # A document that names no body is the archive's own committee's (a setting).
        body = self.source.body_hint or self._body(info.body or settings.ARCHIVE_DEFAULT_BODY)
        meeting_date = info.date or self.source.date_hint
        if meeting_date is None:
            raise ParseError(gettext_noop("Der blev ikke fundet nogen mødedato i dokumentet."))
        meeting = self._corrected_meeting(body, meeting_date) or (
            Meeting.objects.select_for_update().filter(body=body, date=meeting_date).first()
        )
        created = meeting is None
        if created:
            meeting = Meeting(body=body, date=meeting_date)
        elif info.doctype == "dagsorden" and meeting.doctype == "referat" and (
            meeting.current_source_id not in (None, self.source.pk)
        ):
            # The agenda of a meeting whose referat is in the archive: kept beside it, never
            # over it (the referat supersedes the dagsorden, whichever arrives first).
            self.conflicts.append(
                {"where": str(meeting), "field": "doctype", "kept": "referat",
                 "parsed": "dagsorden"}
            )
            self._finish_source(parsed, meeting)
            return Loaded(UNCHANGED, self.source, meeting, self.conflicts)
        elif not replace and meeting.sources.exclude(pk=self.source.pk).exists():
            self._record_parse(parsed, meeting, SourceDocument.Status.REPLACEMENT)
            return Loaded(REPLACEMENT, self.source, meeting, self.conflicts)
        values = {
            "doctype": info.doctype,
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
        return Loaded(status, self.source, meeting, self.conflicts)

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

    def _person(
        self, name: str, organisation: Organisation | None = None, *, create: bool = True
    ) -> Person | None:
        """The resolver's Person for a spelling, asked once per load (its answer then stands:
        the spelling has an alias by the first answer)."""
        if name not in self.people:
            person = self.resolver.person(name, organisation, create=create)
            if person is None:
                return None
            self.people[name] = person
        return self.people[name]

    def _organisation(self, name: str | None) -> Organisation | None:
        """The resolver's Organisation for a spelling, asked once per load."""
        key = name or ""
        if key not in self.organisations:
            self.organisations[key] = self.resolver.organisation(name)
        return self.organisations[key]

    def _participants(self, meeting: Meeting, parsed: ParsedMeeting) -> None:
        rows = meeting.participants.select_related("organisation")
        existing = {p.person_id: p for p in rows}
        seen: set[int] = set()
        curated = meeting.pk is not None and meeting.is_locked("participants")
        for order, entry in enumerate(parsed.participants):
            organisation = self._organisation(entry.organisation)
            # An editor's list gets no one new, so no new Person either.
            person = self._person(entry.name, organisation, create=not curated)
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
        # Every item's rows in five queries, not four per item: an unchanged referat read again
        # then costs a few dozen queries, most of them the name lookups.
        rows = meeting.items.prefetch_related(
            "decisions", "attachments", "presenters", "topics", "followups"
        )
        existing = {item.number: item for item in rows}
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
                        PRESENTERS_JOIN.join(entry.presenters), AgendaItem, "presenters_text"
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
            self._followups(item, entry.followups)
        if not meeting.is_locked("items"):
            self._drop_unseen(existing, seen, where=str(meeting))

    def _presenters(self, item: AgendaItem, names: list[str]) -> None:
        people = [self._person(n.split(",")[0]) for n in names if n.split(",")[0].strip()]
        self._set_m2m(item, "presenters", people)

    def _topics(self, item: AgendaItem) -> None:
        topics = matching_topics(
            self.topics, title=item.title, indstilling=item.indstilling, referat=item.referat
        )
        self._set_m2m(item, "topics", topics)

    def _set_m2m(self, item: AgendaItem, name: str, objs: list) -> None:
        manager = getattr(item, name)
        wanted = {obj.pk for obj in objs}
        current = {obj.pk for obj in manager.all()}  # prefetched for existing items
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

    def _followups(self, item: AgendaItem, entries: list[contract.FollowUp]) -> None:
        """An item's follow-ups, found again by what they were read as (`parsed_key`), so a row's
        id, an editor's corrections and a status decision survive a re-read."""
        existing = {f.parsed_key: f for f in item.followups.all()}
        seen: set[str] = set()
        where = f"{item.meeting} pkt. {item.number}"
        for order, entry in enumerate(entries):
            key = followups.followup_key(entry.actor, entry.action)
            if key in seen:
                continue
            seen.add(key)
            followup = existing.get(key)
            if followup is None:
                if self._curated(item, "followups", entry.action[:60]):
                    continue
                followup = FollowUp(item=item, parsed_key=key)
            actor = _text(entry.actor, FollowUp, "actor")
            person, organisation = self._actor(
                followup.actor if followup.is_locked("actor") else actor
            )
            values = {
                "actor": actor,
                "person_id": person,
                "organisation_id": organisation,
                "action": (entry.action or "").strip(),
                "due_text": _text(entry.due_text, FollowUp, "due_text"),
                "due_kind": entry.due_kind if entry.due_kind in FollowUp.DueKind.values else "",
                "source": entry.source if entry.source in FollowUp.Origin.values else "referat",
                "order": order,
            }
            for name in ("person", "organisation"):
                if followup.is_locked(name):  # an editor's link stands
                    del values[f"{name}_id"]
            if entry.due is not None or entry.due_kind != FollowUp.DueKind.NEXT_MEETING:
                # "til næste møde" gets its date from the archive (followups.refresh), not here.
                values["due"] = entry.due
            self._save(followup, values, where=where, new=followup.pk is None)
        if not item.is_locked("followups"):
            # A row with a correction or a status decision (locked) is kept and reported.
            self._drop_unseen(existing, seen, where=where)

    def _actor(self, actor: str) -> tuple[int | None, int | None]:
        """The Person and Organisation (ids) a follow-up's actor names by a known spelling; a
        group or a secretariat no one has listed is neither, and nobody new is made."""
        if not actor:
            return None, None
        if actor not in self.actors:
            person = PersonAlias.objects.filter(key=name_key(actor)).values_list(
                "person_id", flat=True
            ).first()
            organisation = None
            if person is None:
                organisation = OrganisationAlias.objects.filter(
                    key=organisation_key(actor)
                ).values_list("organisation_id", flat=True).first()
            self.actors[actor] = (person, organisation)
        return self.actors[actor]

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
        source.parser_version = fingerprint()
        source.raw_text = parsed.raw_text
        source.text = parsed.text
        source.warnings = [to_json(warning) for warning in parsed.warnings]
        source.conflicts = self.conflicts
        # A replacement waits for review: its reading is kept for the comparison.
        source.parsed = parsed.to_dict() if status == SourceDocument.Status.REPLACEMENT else {}
        source.error = ""
        source.error_message = {}
        source.parsed_at = timezone.now()
        source.status = status
        source.save()


def meeting_contract(meeting: Meeting) -> contract.ParsedMeeting:
    """A meeting's rows as the contract's tree, hand corrections applied (the meeting JSON).

    Expects `body`, `current_source`, participants (person, organisation), items' decisions,
    attachments and follow-ups fetched (see `minutes.public.meeting_for_export`).
    """
    source = meeting.current_source
    parsed = contract.ParsedMeeting(
        source=contract.Source(
            filename=source.original_filename if source else "",
            sha256=source.sha256 if source else "",
            kind=source.kind if source else "",
            pages=source.pages if source else None,
        ),
        meeting=contract.MeetingInfo(
            body=meeting.body.name,
            date=meeting.date,
            start_time=meeting.start_time,
            end_time=meeting.end_time,
            location=meeting.location or None,
            room=meeting.room or None,
            doctype=meeting.doctype,
        ),
        warnings=list(source.warnings) if source else [],
    )
    for p in meeting.participants.all():
        parsed.participants.append(
            contract.Participant(
                name=p.person.name,
                organisation=p.organisation.name if p.organisation else None,
                role=p.role or None,
                status=p.status,
                note=p.note or None,
            )
        )
    for item in meeting.items.all():
        decisions = list(item.decisions.all())
        presenters = item.presenters_text
        parsed.items.append(
            contract.Item(
                number=item.number,
                section=item.section,
                title=item.title,
                presenters=presenters.split(PRESENTERS_JOIN) if presenters else [],
                indstilling=item.indstilling_points,
                referat=item.referat,
                sagsfremstilling=item.sagsfremstilling,
                outcome=decisions[0].outcome if decisions else "none",
                attachments=[
                    contract.Attachment(label=a.label, title=a.title, url=a.url or None)
                    for a in item.attachments.all()
                ],
                pages=(item.page_start, item.page_end) if item.page_start else None,
                other_parts=dict(item.other_parts or {}),
                followups=[
                    contract.FollowUp(
                        actor=f.actor, action=f.action, due_text=f.due_text, due=f.due,
                        due_kind=f.due_kind, source=f.source,
                    )
                    for f in item.followups.all()
                ],
            )
        )
    return parsed
