"""Extracted lines → the ParsedMeeting tree: meeting info, participants and agenda items."""
from __future__ import annotations

from ingest.parsing.contract import Extracted, Item, ParsedMeeting, ParseError, Source
from ingest.parsing.messages import Message, gettext_noop
from ingest.parsing.parse.agenda import parse_agenda
from ingest.parsing.parse.followups import extract_followups
from ingest.parsing.parse.meeting import parse_meeting_info, parse_participants


def parse_extracted(extracted: Extracted, filename: str, sha256: str) -> ParsedMeeting:
    """Parse extracted lines; ParseError when the text has neither a meeting date nor an item."""
    meeting, meeting_warnings = parse_meeting_info(extracted.lines, extracted.running_headers)
    items, agenda_warnings = parse_agenda(extracted.lines, extracted.urls, meeting.body)
    if meeting.date is None and not items:
        raise ParseError(
            gettext_noop("Dokumentet ligner ikke et referat eller en dagsorden fra et møde.")
        )
    if meeting.doctype == "dagsorden":
        for item in items:
            _as_agenda(item)
    for item in items:
        item.followups = extract_followups(item, meeting.date, meeting.body)
    warnings = list(extracted.warnings) + meeting_warnings + agenda_warnings
    if not items:
        warnings.append(Message(gettext_noop("Der blev ikke fundet nogen dagsordenspunkter.")))
    return ParsedMeeting(
        source=Source(
            filename=filename, sha256=sha256, kind=extracted.kind, pages=extracted.pages
        ),
        meeting=meeting,
        participants=parse_participants(extracted.lines),
        items=items,
        warnings=warnings,
        raw_text=extracted.raw_text,
        text="\n".join(line.text for line in extracted.lines),
    )


def _as_agenda(item: Item) -> None:
    """An item of a dagsorden: nothing was decided yet; its text describes the case."""
    if item.referat and not item.sagsfremstilling:
        item.sagsfremstilling = item.referat
    elif item.referat:
        item.sagsfremstilling = f"{item.referat}\n\n{item.sagsfremstilling}"
    item.referat = ""
    item.outcome = "none"
