"""The parse contract: a plain dataclass tree that the parser produces and the loader consumes.

`ParsedMeeting.to_dict()` is exactly what `parse_minutes FILE --json` prints.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, time

from ingest.parsing.messages import Message, Plural, render

OUTCOMES = ("approved", "noted", "discussed", "decided", "rejected", "none")
KINDS = ("text", "markdown", "pdf", "scanned-pdf")


class ParseError(Exception):
    """A document that cannot be parsed: one clear sentence for the user, kept as a Message.

    `ParseError(gettext_noop("PDF-filen har %(pages)d sider …"), pages=12)`; `str(error)` is the
    Danish sentence, `error.message` the translatable Message.
    """

    def __init__(self, message: Message | str | Plural, /, **params) -> None:
        self.message = message if isinstance(message, Message) else Message(message, **params)
        super().__init__(str(self.message))


@dataclass
class Line:
    """One line of a document as extracted, with the hints the parser may use."""

    text: str
    page: int | None = None
    bold: bool = False
    size: float | None = None
    heading: int | None = None  # markdown heading level, or a level inferred from font size
    links: list[str] = field(default_factory=list)  # URIs of link annotations on this line


@dataclass
class Extracted:
    """What extraction hands to the parser: the lines plus facts about the source."""

    lines: list[Line]
    kind: str
    pages: int | None = None
    raw_text: str = ""  # the text before any OCR repair, kept for the record
    urls: list[str] = field(default_factory=list)  # every URI found in the document
    # Running header/footer texts removed from the lines ("DASSOS Referat 1.3.24"): date evidence.
    running_headers: list[str] = field(default_factory=list)
    warnings: list[Message | str] = field(default_factory=list)


@dataclass
class Source:
    filename: str
    sha256: str
    kind: str
    pages: int | None = None


DOCTYPES = ("referat", "dagsorden")


@dataclass
class MeetingInfo:
    body: str | None = None  # as the document names it; None when it names none
    date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    location: str | None = None
    room: str | None = None
    doctype: str = "referat"  # referat | dagsorden (the agenda, sent before the meeting)


@dataclass
class Participant:
    name: str
    organisation: str | None = None
    role: str | None = None
    status: str = "present"  # present | absent
    note: str | None = None


@dataclass
class Attachment:
    label: str  # "Bilag 1", "Bilag A", "Bilag 2a"
    title: str
    url: str | None = None


FOLLOWUP_DUE_KINDS = ("", "date", "period", "next_meeting", "meeting")
FOLLOWUP_SOURCES = ("referat", "indstilling", "table")


@dataclass
class FollowUp:
    """Something the meeting asked someone to do, as the referat states it."""

    actor: str  # who promised ("Fællessekretariatet", "Katrine Axél"); "" if none is named
    action: str  # what, as one readable clause from the source
    due_text: str = ""  # the deadline as written: "til næste møde", "inden 1. juni"
    due: date | None = None  # resolved when the text alone allows it (a period: its last day)
    due_kind: str = ""  # one of FOLLOWUP_DUE_KINDS
    source: str = "referat"  # one of FOLLOWUP_SOURCES


@dataclass
class Item:
    number: str
    section: str
    title: str
    presenters: list[str] = field(default_factory=list)
    indstilling: list[str] = field(default_factory=list)
    referat: str = ""
    sagsfremstilling: str = ""
    outcome: str = "none"
    attachments: list[Attachment] = field(default_factory=list)
    pages: tuple[int, int] | None = None
    # Sub-parts other than the three main ones (Efterskrift, Skriftlig orientering, ...),
    # keyed by their heading; not part of the JSON contract's required keys but kept.
    other_parts: dict[str, str] = field(default_factory=dict)
    followups: list[FollowUp] = field(default_factory=list)


@dataclass
class ParsedMeeting:
    source: Source
    meeting: MeetingInfo
    participants: list[Participant] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    # Messages from the parser; plain strings or stored dicts when built from the database.
    warnings: list[Message | dict | str] = field(default_factory=list)
    raw_text: str = ""
    text: str = ""  # the text the parser read (after OCR repair)

    def to_dict(self, translate=render) -> dict:
        """The JSON contract of `parse_minutes --json`; warnings as text (Danish unless a
        `translate` function for the active language is given)."""
        meeting = asdict(self.meeting)
        meeting["date"] = self.meeting.date.isoformat() if self.meeting.date else None
        for key in ("start_time", "end_time"):
            value = getattr(self.meeting, key)
            meeting[key] = value.strftime("%H:%M") if value else None
        items = []
        for item in self.items:
            data = asdict(item)
            data["pages"] = list(item.pages) if item.pages else None
            data.pop("other_parts")
            data["followups"] = [
                {**asdict(f), "due": f.due.isoformat() if f.due else None}
                for f in item.followups
            ]
            if item.other_parts:
                data["other_parts"] = dict(item.other_parts)
            items.append(data)
        return {
            "source": asdict(self.source),
            "meeting": meeting,
            "participants": [asdict(p) for p in self.participants],
            "items": items,
            "warnings": [translate(warning) for warning in self.warnings],
        }
