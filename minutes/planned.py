"""Planned meetings read from the referater themselves ("Mødeplan for DASSOS 2022", "Møder 2026",
"Næste møde i DASSOS afholdes den 18. maj 2026")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from minutes.crossref import MONTHS

_MONTH = "|".join(MONTHS)
PLAN_TITLE = re.compile(r"\bMødeplan\b.*?\b(20\d\d)\b|\bMøder\s+(?:i\s+)?(20\d\d)\b", re.IGNORECASE)
NEXT_MEETING = re.compile(
    rf"Næste møde i DASSOS (?:afholdes|er|holdes)\s+(?:den\s+)?(\d{{1,2}})\.\s?({_MONTH})\s+"
    r"(20\d\d)([^.\n]{0,80})",
    re.IGNORECASE,
)
DAY = re.compile(
    rf"(\d{{1,2}})\.\s?({_MONTH})(?:\s+(20\d\d))?(?:,?\s*\(?(kl\.\s?[\d.:]+(?:\s?-\s?[\d.:]+)?))?",
    re.IGNORECASE,
)
HEADER_NAME = re.compile(r"^[A-ZÆØÅ][A-ZÆØÅa-zæøå-]*$")
OTHER_BODY_HEADING = re.compile(r"^\s*Møder i (?!DASSOS)", re.IGNORECASE)
MAX_TEXT = 20_000


@dataclass(frozen=True)
class PlannedMeeting:
    """A DASSOS meeting date announced in a referat, with its time when the plan gives one."""

    date: date
    detail: str
    announced_on: date


def _date(year: int, month: str, day: str) -> date | None:
    try:
        return date(year, MONTHS[month.lower()], int(day))
    except ValueError:
        return None


def _table_column(lines: list[str]) -> tuple[int, int] | None:
    """For a plan laid out as a table ("DASSOS KOSU KD-Net KKR"): DASSOS's column and the width."""
    for line in lines:
        names = line.split()
        if 1 < len(names) <= 8 and "DASSOS" in names and all(HEADER_NAME.match(n) for n in names):
            return names.index("DASSOS"), len(names)
    return None


def _plan_dates(text: str, year: int, announced_on: date) -> list[PlannedMeeting]:
    lines = text[:MAX_TEXT].splitlines()
    column = _table_column(lines)
    found: list[PlannedMeeting] = []
    for line in lines:
        if OTHER_BODY_HEADING.match(line):
            break
        found.extend(
            PlannedMeeting(when, (m.group(4) or "").strip(), announced_on)
            for m in DAY.finditer(line)
            if (when := _date(int(m.group(3) or year), m.group(2), m.group(1)))
        )
    if column is not None:
        index, width = column
        found = found[index::width]
    return found


def meeting_plan(title: str, text: str, announced_on: date) -> list[PlannedMeeting]:
    """The DASSOS meeting dates an item announces, in the order it gives them."""
    found: list[PlannedMeeting] = []
    plan = PLAN_TITLE.search(title)
    if plan:
        found.extend(_plan_dates(text, int(plan.group(1) or plan.group(2)), announced_on))
    for match in NEXT_MEETING.finditer(text[:MAX_TEXT]):
        when = _date(int(match.group(3)), match.group(2), match.group(1))
        if when:
            found.append(PlannedMeeting(when, match.group(4).strip(" ,"), announced_on))
    return found


def upcoming(plans: list[PlannedMeeting], after: date) -> list[PlannedMeeting]:
    """One entry per date after `after`, soonest first; the latest announcement wins."""
    by_date: dict[date, PlannedMeeting] = {}
    for plan in sorted(plans, key=lambda p: p.announced_on):
        if plan.date > after:
            previous = by_date.get(plan.date)
            detail = plan.detail or (previous.detail if previous else "")
            by_date[plan.date] = PlannedMeeting(plan.date, detail, plan.announced_on)
    return [by_date[d] for d in sorted(by_date)]
