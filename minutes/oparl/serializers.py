"""Archive rows as OParl 1.1 objects (plain dicts); our extras under the `dassos:` prefix.

OParl lets a server add properties of its own when they carry a vendor prefix, so outcome
types, topics, Indstilling and the like are `dassos:…` keys a plain OParl client ignores.
"""
from __future__ import annotations

import mimetypes
from datetime import datetime, time
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from minutes.models import (
    AgendaItem,
    Attachment,
    Body,
    Case,
    CaseItem,
    Meeting,
    Organisation,
    Person,
    SourceDocument,
)

SCHEMA = "https://schema.oparl.org/1.1/"
MEETING_HELD = "afholdt"  # meetingState of a meeting whose referat the archive holds
MEETING_INVITED = "indkaldt"  # … and of one known only from its dagsorden


class UrlFor:
    """Absolute URLs on the requesting host: OParl ids are full URLs."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def __call__(self, name: str, *args) -> str:
        return self.request.build_absolute_uri(reverse(name, args=args))

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)


def oparl_type(name: str) -> str:
    return f"{SCHEMA}{name}"


def stamp(value: datetime | None) -> str | None:
    """An aware timestamp in Danish time with its offset, as OParl's date-time wants it."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


# Lists OParl 1.1 requires even when empty (Body.legislativeTerm); other empty lists are left out.
REQUIRED_LISTS = frozenset({"legislativeTerm"})


def _compact(data: dict) -> dict:
    """OParl omits properties without a value (null, "", an empty list) rather than send them;
    our own `dassos:` extensions keep their lists, empty or not (their shape is our contract)."""
    return {
        key: value
        for key, value in data.items()
        if value not in (None, "")
        and (value != [] or key in REQUIRED_LISTS or key.startswith("dassos:"))
    }


def system(url: UrlFor, *, created: datetime | None, modified: datetime | None) -> dict:
    """The archive; created/modified from its published meetings (the first and the latest)."""
    return _compact(
        {
            "id": url("oparl:system"),
            "type": oparl_type("System"),
            "oparlVersion": SCHEMA,
            "name": "DASSOS referatarkiv",
            "body": url("oparl:body-list"),
            "license": settings.OPEN_DATA_LICENSE,
            "website": url("minutes:home"),
            "created": stamp(created),
            "modified": stamp(modified),
        }
    )


def body(obj: Body, url: UrlFor, *, created: datetime | None, modified: datetime | None) -> dict:
    """The committee; created/modified come from its published meetings (Body has no stamps)."""
    slug = obj.slug
    return _compact(
        {
            "id": url("oparl:body", slug),
            "type": oparl_type("Body"),
            "system": url("oparl:system"),
            "shortName": obj.name,
            "name": obj.full_name or obj.name,
            "organization": url("oparl:body-organizations", slug),
            "person": url("oparl:body-persons", slug),
            "meeting": url("oparl:body-meetings", slug),
            "agendaItem": url("oparl:body-agendaitems", slug),
            "file": url("oparl:body-files", slug),
            "paper": url("oparl:body-papers", slug),
            "membership": url("oparl:body-memberships", slug),
            "locationList": url("oparl:body-locations", slug),
            "legislativeTermList": url("oparl:body-legislative-terms", slug),
            "consultation": url("oparl:body-consultations", slug),
            "legislativeTerm": [],
            "web": url("minutes:home"),
            "created": stamp(created),
            "modified": stamp(modified),
        }
    )


def deleted(type_name: str, id_url: str, created: datetime, withdrawn: datetime) -> dict:
    """What OParl keeps of an object that is gone: its id, type, that it is deleted, and when."""
    return {
        "id": id_url,
        "type": oparl_type(type_name),
        "deleted": True,
        "created": stamp(created),
        "modified": stamp(withdrawn),
    }


def _web(url: UrlFor, obj) -> str:
    return url.absolute(obj.get_absolute_url())


def meeting(obj: Meeting, url: UrlFor) -> dict:
    """A meeting with its agenda items and referat file embedded, as OParl 1.1 embeds them."""
    participants = list(obj.participants.all())
    start, end = _moment(obj, obj.start_time), _moment(obj, obj.end_time)
    if start is None:  # the referat gives no time: the day, so every client can date it
        start = _moment(obj, time(0, 0))
    return _compact(
        {
            "id": url("oparl:meeting", obj.pk),
            "type": oparl_type("Meeting"),
            "name": f"{obj.body.name} {obj.date:%d.%m.%Y}",
            "meetingState": MEETING_HELD if obj.doctype == "referat" else MEETING_INVITED,
            "cancelled": False,
            "start": start,
            "end": end,
            "location": location(obj, url) if obj.location or obj.room else None,
            "participant": [
                url("oparl:person", p.person_id) for p in participants if p.status == "present"
            ],
            "resultsProtocol": source_file(obj.current_source, obj, url, embedded=True)
            if obj.current_source and not obj.current_source.withheld and obj.doctype == "referat"
            else None,
            "invitation": source_file(obj.current_source, obj, url, embedded=True)
            if obj.current_source and not obj.current_source.withheld and obj.doctype == "dagsorden"
            else None,
            "agendaItem": [agenda_item(item, url, meeting=obj) for item in obj.items.all()],
            "web": _web(url, obj),
            "created": stamp(obj.created_at),
            "modified": stamp(obj.updated_at),
            "dassos:date": obj.date.isoformat(),
            "dassos:timeKnown": obj.start_time is not None,
            "dassos:absent": [
                url("oparl:person", p.person_id) for p in participants if p.status == "absent"
            ],
            "dassos:participants": [_participant(p, url) for p in participants],
        }
    )


def _moment(obj: Meeting, value) -> str | None:
    if value is None:
        return None
    moment = datetime.combine(obj.date, value, tzinfo=timezone.get_default_timezone())
    return moment.isoformat(timespec="seconds")


def _participant(p, url: UrlFor) -> dict:
    return _compact(
        {
            "person": url("oparl:person", p.person_id),
            "name": p.person.name,
            "organization": url("oparl:organization", p.organisation_id)
            if p.organisation_id
            else None,
            "role": p.role,
            "status": p.status,
            "note": p.note,
        }
    )


def location(obj: Meeting, url: UrlFor) -> dict:
    """Where a meeting took place; OParl wants a Location object with its own URL."""
    return _compact(
        {
            "id": url("oparl:location", obj.pk),
            "type": oparl_type("Location"),
            "description": ", ".join(part for part in (obj.location, obj.room) if part),
            "room": obj.room,
            "meetings": [url("oparl:meeting", obj.pk)],
            "created": stamp(obj.created_at),
            "modified": stamp(obj.updated_at),
        }
    )


def agenda_item(obj: AgendaItem, url: UrlFor, *, meeting: Meeting | None = None) -> dict:
    """One agenda item: OParl's result/resolutionText plus outcome, topics and Indstilling."""
    meeting = meeting or obj.meeting
    decisions = list(obj.decisions.all())
    attachments = list(obj.attachments.all())
    outcome = decisions[0].outcome if decisions else "none"
    resolution = "\n\n".join(d.text for d in decisions if d.text) or obj.referat
    modified = max([obj.updated_at, *(d.updated_at for d in decisions)])
    return _compact(
        {
            "id": url("oparl:agendaitem", obj.pk),
            "type": oparl_type("AgendaItem"),
            "meeting": url("oparl:meeting", meeting.pk),
            "number": obj.number,
            "order": obj.order,
            "name": obj.title,
            "public": True,
            "result": decisions[0].get_outcome_display() if decisions else None,
            "resolutionText": resolution,
            "auxiliaryFile": [
                attachment_file(a, url, item=obj, meeting=meeting, embedded=True)
                for a in attachments
                if a.url or a.file
            ],
            "web": url.absolute(
                reverse(
                    "minutes:item",
                    kwargs={
                        "date": meeting.date.isoformat(),
                        "body": meeting.body.slug,
                        "number": obj.number,
                    },
                )
            ),
            "created": stamp(obj.created_at),
            "modified": stamp(modified),
            "dassos:outcome": outcome,
            "dassos:section": obj.section,
            "dassos:indstilling": obj.indstilling_points,
            "dassos:sagsfremstilling": obj.sagsfremstilling,
            "dassos:otherParts": obj.other_parts or None,
            "dassos:topics": [
                {"name": t.name, "slug": t.slug, "web": _web(url, t)} for t in obj.topics.all()
            ],
            "dassos:presenters": obj.presenters_text,
            "dassos:bilag": [
                _compact({"label": a.label, "title": a.title, "url": a.url}) for a in attachments
            ],
            "dassos:pages": [obj.page_start, obj.page_end] if obj.page_start else None,
        }
    )


def membership(obj, url: UrlFor) -> dict:
    """A person's seat at one meeting (a participation), as OParl's Membership: present or
    absent, for an organisation, in a role; its dates are the meeting's."""
    meeting_obj = obj.meeting
    return _compact(
        {
            "id": url("oparl:membership", obj.pk),
            "type": oparl_type("Membership"),
            "person": url("oparl:person", obj.person_id),
            "organization": url("oparl:organization", obj.organisation_id)
            if obj.organisation_id
            else None,
            "role": obj.role,
            "startDate": meeting_obj.date.isoformat(),
            "endDate": meeting_obj.date.isoformat(),
            "created": stamp(meeting_obj.created_at),
            "modified": stamp(meeting_obj.updated_at),
            "dassos:meeting": url("oparl:meeting", meeting_obj.pk),
            "dassos:status": obj.status,
            "dassos:note": obj.note,
        }
    )


def person(obj: Person, url: UrlFor) -> dict:
    return {
        "id": url("oparl:person", obj.pk),
        "type": oparl_type("Person"),
        "name": obj.name,
        "web": _web(url, obj),
        "created": stamp(obj.created_at),
        "modified": stamp(obj.updated_at),
    }


# OParl's organizationType vocabulary; the municipalities and the region are institutions here.
_ORGANIZATION_TYPES = {
    Organisation.Kind.MUNICIPALITY: "Institution",
    Organisation.Kind.REGION: "Institution",
    Organisation.Kind.SECRETARIAT: "Verwaltungsbereich",
    Organisation.Kind.OTHER: "Sonstiges",
}


def organization(obj: Organisation, url: UrlFor) -> dict:
    return {
        "id": url("oparl:organization", obj.pk),
        "type": oparl_type("Organization"),
        "name": obj.name,
        "organizationType": _ORGANIZATION_TYPES.get(obj.kind, "Sonstiges"),
        "classification": str(obj.get_kind_display()),
        "web": _web(url, obj),
        "created": stamp(obj.created_at),
        "modified": stamp(obj.updated_at),
        "dassos:kind": obj.kind,
    }


def _mime(name: str) -> str:
    if name.lower().endswith((".md", ".markdown")):
        return "text/markdown"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def source_file(
    obj: SourceDocument, meeting_obj: Meeting, url: UrlFor, *, embedded: bool = False
) -> dict:
    """The referat document a meeting was read from; its text only outside embedding."""
    modified = obj.parsed_at or obj.uploaded_at
    return _compact(
        {
            "id": url("oparl:file", "source", obj.pk),
            "type": oparl_type("File"),
            "name": f"Referat {meeting_obj}",
            "fileName": obj.original_filename,
            "mimeType": _mime(obj.original_filename),
            "date": timezone.localdate(obj.uploaded_at).isoformat(),
            "size": obj.size,
            "text": None if embedded or obj.personal_data else obj.text,
            "accessUrl": url("opendata:source", obj.pk),
            "downloadUrl": url("opendata:source-download", obj.pk),
            "meeting": [url("oparl:meeting", meeting_obj.pk)],
            "created": stamp(obj.uploaded_at),
            "modified": stamp(modified),
            "dassos:sha256": obj.sha256,
            "dassos:kind": obj.kind,
            "dassos:pages": obj.pages,
        }
    )


def attachment_file(
    obj: Attachment,
    url: UrlFor,
    *,
    item: AgendaItem | None = None,
    meeting: Meeting | None = None,
    embedded: bool = False,
) -> dict:
    """A bilag: our stored copy when there is one, otherwise the link the referat gives."""
    item = item or obj.item
    meeting = meeting or item.meeting
    if obj.file:
        file_name = obj.file.name.rsplit("/", 1)[-1]
        access, download = url("opendata:bilag", obj.pk), url("opendata:bilag-download", obj.pk)
    else:
        file_name = unquote(urlsplit(obj.url).path.rsplit("/", 1)[-1])
        access, download = obj.url, None
    return _compact(
        {
            "id": url("oparl:file", "bilag", obj.pk),
            "type": oparl_type("File"),
            "name": f"{obj.label}: {obj.title}",
            "fileName": file_name,
            "mimeType": _mime(file_name) if "." in file_name else None,
            "accessUrl": access,
            "downloadUrl": download,
            "agendaItem": [url("oparl:agendaitem", item.pk)],
            "meeting": [url("oparl:meeting", meeting.pk)],
            "created": stamp(obj.created_at),
            "modified": stamp(obj.updated_at),
            "dassos:label": obj.label,
        }
    )


def paper(obj: Case, links: list[CaseItem], url: UrlFor) -> dict:
    """A case as a Paper: its steps (public items, oldest first) are its consultations."""
    steps = [link for link in links if link.item_id]
    modified = max([obj.updated_at, *(link.updated_at for link in steps)])
    return _compact(
        {
            "id": url("oparl:paper", obj.pk),
            "type": oparl_type("Paper"),
            "body": url("oparl:body", steps[0].item.meeting.body.slug) if steps else None,
            "name": obj.name,
            "reference": obj.slug,
            "date": steps[0].item.meeting.date.isoformat() if steps else None,
            "paperType": "Sag",
            "consultation": [consultation(link, url, embedded=True) for link in steps],
            "web": _web(url, obj),
            "created": stamp(obj.created_at),
            "modified": stamp(modified),
            "dassos:confirmed": obj.status == Case.Status.CONFIRMED,
        }
    )


def consultation(obj: CaseItem, url: UrlFor, *, embedded: bool = False) -> dict:
    """An item of a case as the case's Consultation in the item's meeting."""
    item = obj.item
    return _compact(
        {
            "id": url("oparl:consultation", obj.pk),
            "type": oparl_type("Consultation"),
            "paper": None if embedded else url("oparl:paper", obj.case_id),
            "agendaItem": url("oparl:agendaitem", item.pk),
            "meeting": url("oparl:meeting", item.meeting_id),
            "authoritative": obj.status == CaseItem.Status.CONFIRMED,
            "created": stamp(obj.created_at),
            "modified": stamp(obj.updated_at),
            "dassos:evidence": obj.evidence,
        }
    )
