"""Meeting dates a referat announces: meeting plans ("Møder 2026", "Mødeplan for DASSOS 2022")
and "Næste møde i DASSOS afholdes den 18. maj 2026". Pure text in, dates out; no Django.

OCR damage is expected (ø read as g or a: "Mader 2026", "Neeste made"), so the words around
the dates are matched loosely; the month names themselves survive OCR well.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from ingest.parsing.danish_dates import MONTH_NAMES, make_date, month_number

_DATE = re.compile(rf"\b(\d{{1,2}})\.\s?({MONTH_NAMES})\b(?:\s+(\d{{4}}))?", re.IGNORECASE)
_TIME = re.compile(r"\bkl\.\s?(\d{1,2})(?:[.:](\d{2}))?(?:\s?[-–]\s?(\d{1,2})(?:[.:](\d{2}))?)?")
# "Møder 2026", "Mødeplan for DASSOS 2022", OCR'd "Mader 2026"; at most 200 characters looked at.
_PLAN_TITLE = re.compile(r"\bm\w{1,2}de(?:r\b|plan)", re.IGNORECASE)
_YEAR = re.compile(r"\b(20\d\d)\b")
# "Møder i Forretningsudvalget 2021:" opens another committee's list; "DASSOS" one of ours.
_LIST_HEADING = re.compile(r"^\W*m\w{1,2}der\s+i\s+(\S+)", re.IGNORECASE)
_NEXT = re.compile(
    rf"\bn\w{{1,3}}ste\s+m\w{{1,2}}de\s+i\s+DASSOS\b[^.\n]{{0,40}}?\b(\d{{1,2}})\.\s?"
    rf"({MONTH_NAMES})\s+(\d{{4}})(?P<rest>[^\n]{{0,120}})",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[•\-*¢]|[eo](?=\s))?\s*")
# "Møderne afholdes kvartalsvist på Viborg Rådhus", "… afholdes som udgangspunkt på rådhuset i …"
_DEFAULT_PLACE = re.compile(
    r"\bafholdes\s+(?:som udgangspunkt\s+|kvartalsvist\s+){0,2}(?:på|pa|p&)\s+([^.\n]{3,80})",
    re.IGNORECASE,
)
_PLACE = re.compile(r"^\s*(?:på|i)\s+(.+?)\s*\.?\s*$", re.IGNORECASE)
MAX_TEXT = 20_000  # characters of one item read: plans are short


@dataclass(frozen=True)
class PlannedMeeting:
    date: date
    start: time | None = None
    end: time | None = None
    location: str = ""


def _time(hour: str | None, minute: str | None) -> time | None:
    if hour is None or int(hour) > 23 or int(minute or 0) > 59:
        return None
    return time(int(hour), int(minute or 0))


def _day(day: str, month: str, year: int) -> date | None:
    return make_date(year, month_number(month), int(day))


def _details(text: str) -> tuple[time | None, time | None, str]:
    """Time and place from what follows a date: "(kl. 10-13, Regionshuset Viborg)"."""
    match = _TIME.search(text)
    start = _time(match.group(1), match.group(2)) if match else None
    end = _time(match.group(3), match.group(4)) if match else None
    location = ""
    inside = re.match(r"\s*\(([^)]*)\)", text)
    if inside:
        parts = [p.strip() for p in inside.group(1).split(",")]
        location = ", ".join(p for p in parts if p and not p.lower().startswith("kl"))
    return start, end, location


def plan_dates(title: str, text: str, *, year: int) -> list[PlannedMeeting]:
    """The DASSOS dates in a meeting plan item; `year` when the plan names none."""
    named = _YEAR.search(title[:200])
    year = int(named.group(1)) if named else year
    place = _DEFAULT_PLACE.search(text[:MAX_TEXT])
    default_place = place.group(1).strip() if place else ""
    lines = text[:MAX_TEXT].splitlines()
    found: list[PlannedMeeting] = []
    ours = True
    for n, line in enumerate(lines):
        heading = _LIST_HEADING.match(line)
        if heading:
            ours = heading.group(1).upper().startswith("DASSOS")
            continue
        columns = _table_columns(line)
        if columns:
            rest = "\n".join(lines[n + 1 :])
            dates = list(_DATE.finditer(rest))
            column, width = columns
            for i, match in enumerate(dates):
                if i % width == column:
                    ends = dates[i + 1].start() if i + 1 < len(dates) else len(rest)
                    found.append(_entry(match, rest[match.end() : ends], year, default_place))
            break
        body = _BULLET.sub("", line, count=1)
        match = _DATE.match(body)
        if ours and match:
            following = body[match.end() :]
            after = _DATE.search(following)
            details = following[: after.start()] if after else following
            found.append(_entry(match, details, year, default_place))
    return [entry for entry in found if entry is not None]


def _table_columns(line: str) -> tuple[int, int] | None:
    """(DASSOS's column, number of columns) for a header row like "DASSOS KOSU KD-Net KKR"."""
    words = line.split()
    if not 2 <= len(words) <= 8 or "DASSOS" not in words or any(
        ch.isdigit() or ch == "." for ch in line
    ):
        return None
    return words.index("DASSOS"), len(words)


def _entry(match: re.Match, details: str, year: int, default_place: str) -> PlannedMeeting | None:
    day = _day(match.group(1), match.group(2), int(match.group(3) or year))
    if day is None:
        return None
    start, end, location = _details(details)
    return PlannedMeeting(day, start, end, location or default_place)


def next_meeting(text: str) -> PlannedMeeting | None:
    """ "Næste møde i DASSOS er den 9. februar 2022 på Viborg Rådhus i mødelokale M5." """
    match = _NEXT.search(text[:MAX_TEXT])
    if not match:
        return None
    day = _day(match.group(1), match.group(2), int(match.group(3)))
    if day is None:
        return None
    rest = match.group("rest")
    rest = rest.split(".")[0] if not _TIME.search(rest) else rest
    start, end, _ = _details(rest)
    place = _PLACE.match(_TIME.sub("", rest.split(".")[0]).strip(" ,"))
    return PlannedMeeting(day, start, end, place.group(1) if place else "")


def is_plan_title(title: str) -> bool:
    return bool(_PLAN_TITLE.search(title[:200])) and "næste" not in title.lower()


def announced_meetings(
    items: list[tuple[str, str]], *, meeting_date: date
) -> list[PlannedMeeting]:
    """Dates after `meeting_date` that a referat's items (title, text) announce, by date.

    A plan's line with a time wins over a bare "next meeting" sentence for the same day.
    """
    by_day: dict[date, PlannedMeeting] = {}
    for title, text in items:
        found = plan_dates(title, text, year=meeting_date.year + 1) if is_plan_title(title) else []
        following = next_meeting(text)
        for planned in [*found, *([following] if following else [])]:
            if planned.date <= meeting_date:
                continue
            known = by_day.get(planned.date)
            if known is None or (known.start is None and planned.start is not None):
                by_day[planned.date] = planned
    return [by_day[day] for day in sorted(by_day)]
