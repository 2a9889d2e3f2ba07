"""Meeting info from a referat's cover page (body, date, times, location, room), with the date
inferred from evidence in the text when there is no cover page; and its participants.
"""
from __future__ import annotations

import re
from datetime import date, time

from ingest.parsing.contract import Line, MeetingInfo
from ingest.parsing.messages import Message, gettext_noop, join
from ingest.parsing.parse.meeting_date import (
    LONG_DATE,
    SHORT_DATE,
    find_evidence,
    infer_date,
    make_date,
    month_number,
)
from ingest.parsing.parse.participants import (
    LABEL_RE,
    NUMBERED_RE,
    TOC_HEADING_RE,
    is_agenda_start,
    parse_participants,
)
from ingest.parsing.parse.title import (
    body_from_headers,
    body_from_lead_ins,
    body_from_title,
    clean_body,
    doctype,
)
from ingest.parsing.vocabulary import COVER_LABELS, VIRTUAL_LOCATIONS, alternation, label_key

__all__ = ["parse_meeting_info", "parse_participants"]

# "DASSOS den 15. september 2022", "Referat af DASSOS-møde den 1.3.2024": a line ending in
# the committee's acronym and the date.
TITLE_RE = re.compile(
    rf"(?:^|\s)(?P<body>[A-ZÆØÅ][A-ZÆØÅ-]{{2,15}}?)"
    rf"(?:-?\s*møde)?\s+(?:den\s+)?(?:{LONG_DATE}|{SHORT_DATE})\s*$"
)
FIELD_RE = re.compile(
    rf"^(?P<label>{alternation([w for words in COVER_LABELS.values() for w in words])})"
    r"\s*(?::|\t|\s{2,}|$)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
ANY_LABEL_RE = re.compile(r"^[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+)?\s*:")
DATE_IN_FIELD_RE = re.compile(LONG_DATE, re.IGNORECASE)
SHORT_DATE_IN_FIELD_RE = re.compile(SHORT_DATE)
# "2025-06-19"; "19/6-2025", "19/6 2025", "19-06-2025", "19/06/2025".
ISO_DATE_RE = re.compile(r"(?<!\d)(?P<year>20\d\d)-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)")
OTHER_DATE_RE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})[/-](?P<month>\d{1,2})[-/ ](?P<year>20\d\d|\d\d)(?![\d.])"
)
# "kl. 8.30-10.00", "kl. 9-12", "kl. 13:00 til 14:00"; the end time is optional.
TIME_RE = re.compile(
    r"\bkl\.?\s*(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?"
    r"(?:\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?)?",
    re.IGNORECASE,
)
# "15. september 2022, 9.00-12.00" with no "kl.".
BARE_TIME_RE = re.compile(
    r"(?<![\d.])(?P<h1>\d{1,2})[.:](?P<m1>\d{2})\s*(?:-|–|—|til)\s*(?P<h2>\d{1,2})[.:](?P<m2>\d{2})"
)
MAX_LOCATION_LINES = 4
NOT_BODIES = {"DEN", "DATO", "TIDSPUNKT"}  # upper-case cover words that precede a date
MAX_ADDRESS_LINE = 80


def _front_matter(lines: list[Line]) -> list[str]:
    """The cover page: stripped line texts before the agenda or its contents begin.

    A title line ("Referat fra møde i …", "Dagsorden") is part of the cover unless numbered
    lines follow it at once (then it heads the table of contents).
    """
    front = []
    # Spaces collapsed, tabs kept: "Tidspunkt<TAB>Den 1. marts" is a label and its value.
    texts = [re.sub(r" *\t[ \t]*", "\t", re.sub(r" {2,}", "  ", line.text)).strip()
             for line in lines]
    for index, line in enumerate(lines):
        if is_agenda_start(line):
            following = next((t for t in texts[index + 1 :] if t), "")
            if not TOC_HEADING_RE.match(texts[index]) or NUMBERED_RE.match(following):
                break
        front.append(texts[index])
    return front


def _join_styled_wraps(lines: list[Line], count: int) -> list[str]:
    """The cover's texts with a styled title that wraps (same heading style, no blank line
    between) joined into one line: "DASSOS'" + "Forretningsudvalg den 12. september 2025"."""
    texts: list[str] = []
    previous: Line | None = None
    for line in lines[:count]:
        text = " ".join(line.text.split())
        joins = (
            previous is not None and text and previous.text.strip()
            and line.heading is not None and line.heading == previous.heading
            and line.size == previous.size and texts
        )
        if joins:
            texts[-1] = f"{texts[-1]} {text}"
        else:
            texts.append(text)
        previous = line
    return texts


def _title_lines(front: list[str]) -> list[str]:
    """The cover's title lines: the first lines that are no label, field or participant."""
    titles = []
    for text in front:
        if not text:
            continue
        if FIELD_RE.match(text) or LABEL_RE.match(text):
            break
        titles.append(text)
        if len(titles) == 6:
            break
    return titles


def _virtual_location(front: list[str]) -> str | None:
    """'Microsoft Teams' or 'Virtuelt møde' standing on the cover without a label."""
    for text in front:
        if len(text) <= 60:
            for name in VIRTUAL_LOCATIONS:
                if re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
                    return name if len(text) > len(name) + 25 else text.strip(" .:")
    return None


def _fields(front: list[str]) -> dict[str, list[str]]:
    """Cover-page label → value lines ("Sted:" keeps its continuation lines)."""
    fields: dict[str, list[str]] = {}
    index = 0
    while index < len(front):
        match = FIELD_RE.match(front[index])
        index += 1
        if not match:
            continue
        key = label_key(match.group("label"), COVER_LABELS)
        values = [match.group("value").strip()] if match.group("value").strip() else []
        limit = MAX_LOCATION_LINES if key == "where" else 1
        # A value may sit on the following lines (a two-column PDF layout), and an address
        # continues until a blank line or the next label.
        while index < len(front) and len(values) < limit:
            text = front[index]
            if not text:
                if values:
                    break
                index += 1
                continue
            if FIELD_RE.match(text) or LABEL_RE.match(text) or ANY_LABEL_RE.match(text):
                break
            if values and len(text) > MAX_ADDRESS_LINE:
                break  # prose, not another address line
            values.append(text)
            index += 1
        if key == "when":  # "Dato: …" and "Tid: …" both date and time the meeting
            fields.setdefault(key, []).extend(values)
        else:
            fields.setdefault(key, values)
    return fields


def _time(hour: str | None, minute: str | None) -> time | None:
    if hour is None:
        return None
    hours, minutes = int(hour), int(minute or 0)
    return time(hours, minutes) if hours < 24 and minutes < 60 else None


def _field_date(value: str) -> tuple[int, int | None, int | None] | None:
    """(day, month, year or None) from 'Den 15. september kl. 8.30-10.00' or '15.9.2022'."""
    for match in DATE_IN_FIELD_RE.finditer(value):
        month = month_number(match.group("month"))
        if month:
            year = match.group("year")
            return int(match.group("day")), month, int(year) if year else None
    short = SHORT_DATE_IN_FIELD_RE.search(value)
    if short:
        year = int(short.group("syear"))
        return int(short.group("sday")), int(short.group("smonth")), year
    iso = ISO_DATE_RE.search(value)
    if iso:
        return int(iso["day"]), int(iso["month"]), int(iso["year"])
    other = OTHER_DATE_RE.search(value)
    if other:
        return int(other["day"]), int(other["month"]), int(other["year"])
    return None


def _title(front: list[str]) -> tuple[str, tuple[int, int | None, int | None]] | None:
    for text in front:
        match = TITLE_RE.search(text)
        if match and match.group("body").upper() not in NOT_BODIES:
            return match.group("body"), _field_date(text[match.start("body"):])
    return None


def parse_meeting_info(
    lines: list[Line], running_headers: list[str]
) -> tuple[MeetingInfo, list[Message]]:
    """Meeting info from the cover page, or the date inferred from evidence; plus warnings."""
    warnings: list[Message] = []
    info = MeetingInfo()
    front = _front_matter(lines)
    fields = _fields(front)
    title = _title(front)
    titles = _title_lines(_join_styled_wraps(lines, len(front)))
    info.body = (
        (clean_body(fields["body"][0]) if fields.get("body") else None)
        or body_from_title(titles)
        or (title[0] if title else None)
        or body_from_headers(running_headers)
        or body_from_lead_ins([line.text for line in lines])
    )
    info.doctype = doctype(titles, running_headers)

    when = " ".join(fields.get("when", []))
    times = TIME_RE.search(when) or BARE_TIME_RE.search(when)
    if times:
        info.start_time = _time(times.group("h1"), times.group("m1"))
        info.end_time = _time(times.group("h2"), times.group("m2"))
    if fields.get("where"):
        info.location = ", ".join(fields["where"])
    else:
        info.location = _virtual_location(front)
    if fields.get("room"):
        info.room = fields["room"][0]

    evidence = find_evidence("\n".join(line.text for line in lines), running_headers)
    inferred, reasoning = infer_date(evidence)
    title_parts = title[1] if title else None
    if title_parts is None:  # "Referat fra møde i …" with the date on a line of its own
        title_parts = next(filter(None, (_field_date(text) for text in titles)), None)
    field_parts = _field_date(when) if when else None
    info.date = _cover_date(title_parts, field_parts, inferred)
    if info.date is None:
        info.date = inferred
        if reasoning is None:
            warnings.append(Message(gettext_noop(
                "Der blev ikke fundet nogen mødedato: ingen dateret forside, sidehoved, "
                "efterskrift eller bilagstitel."
            )))
        elif title or fields:
            warnings.append(Message(
                gettext_noop("Forsiden angiver ingen dato; datoen %(date)s er udledt af "
                             "%(evidence)s."),
                date=inferred.isoformat(), evidence=reasoning,
            ))
        else:
            warnings.append(Message(
                gettext_noop("Ingen forside; datoen %(date)s er udledt af %(evidence)s."),
                date=inferred.isoformat(), evidence=reasoning,
            ))
    elif title_parts and field_parts and _cover_date(field_parts, None, info.date) != info.date:
        warnings.append(Message(
            gettext_noop("Titlen og linjen Tidspunkt angiver forskellige datoer; titlens "
                         "%(date)s er brugt."),
            date=info.date.isoformat(),
        ))
    headers = {item.date for item in evidence if item.kind == "header"}
    if headers and info.date and info.date not in headers:
        listed = join(sorted(day.isoformat() for day in headers))
        warnings.append(Message(
            gettext_noop("Datoerne i sidehovedet/-foden (%(dates)s) afviger fra mødedatoen "
                         "%(date)s."),
            dates=listed, date=info.date.isoformat(),
        ))
    return info, warnings


def _cover_date(
    first: tuple[int, int | None, int | None] | None,
    second: tuple[int, int | None, int | None] | None,
    fallback: date | None,
) -> date | None:
    """The cover's date: day and month from the first source, a missing year from the second
    source or, failing that, from the inferred date."""
    if first is None:
        first, second = second, None
    if first is None:
        return None
    day, month, year = first
    if year is None and second is not None:
        year = second[2]
    if year is None and fallback is not None:
        year = fallback.year
    return make_date(year, month, day)
