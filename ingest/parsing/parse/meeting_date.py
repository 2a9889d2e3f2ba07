"""Danish dates in referat text, and inferring the meeting date from the evidence a text carries.

Used when the cover page is missing: the running header/footer ("DASSOS Referat 27.2.26"), a
postscript ("Efter mødet i DASSOS den 27. februar 2026") and bilag titles ("oplæg til DASSOS
23.11.20") all name the meeting's own date, while "jf. DASSOS 12.5.20" or "På mødet i DASSOS den
27. august 2020" name other meetings and are not counted.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ingest.parsing.danish_dates import make_date, month_number
from ingest.parsing.messages import Message, gettext_noop, join, join_and, ngettext_noop

# "27. februar 2026", "1. marts" (the year is optional; callers decide whether they need it).
LONG_DATE = r"(?P<day>\d{1,2})\.\s*(?P<month>[a-zæøå]{3,9})\.?(?:\s+(?P<year>\d{4}))?"
LONG_DATE_RE = re.compile(LONG_DATE, re.IGNORECASE)
# "27.2.26", "23.11.2020".
SHORT_DATE = r"(?P<sday>\d{1,2})\.(?P<smonth>\d{1,2})\.(?P<syear>\d{4}|\d{2})(?!\d)"
SHORT_DATE_RE = re.compile(SHORT_DATE)
# "møde"/"mødet" as OCR may leave it before repair ("made", "mgde", "m@det").
MOEDE = r"m[øoa0g@]det?"

# A postscript or the day's own meeting: "Efter mødet i DASSOS den 27. februar 2026".
OWN_MEETING_RE = re.compile(
    rf"(?:Efter\s+{MOEDE}\s+i\s+DASSOS|Efter\s+DASSOS-?\s*{MOEDE}|dagens\s+{MOEDE})"
    rf"\s+(?:den\s+)?{LONG_DATE}",
    re.IGNORECASE,
)
# "oplæg til DASSOS 23.11.20", "for Dassos 27.2.26": a bilag made for this meeting.
DASSOS_SHORT_RE = re.compile(
    rf"(?P<prefix>(?:(?:oplæg|præsentation|materiale)\s+)?(?:til|for)\s+)?DASSOS\s+(?:den\s+)?"
    rf"{SHORT_DATE}",
    re.IGNORECASE,
)
# "DASSOS den 15. september 2022" standing on its own (a title repeated in the body).
DASSOS_LONG_RE = re.compile(rf"DASSOS\s+den\s+{LONG_DATE}", re.IGNORECASE)
# Context just before a match that makes it a reference to another meeting.
OTHER_MEETING_RE = re.compile(rf"(?:jf\.?|{MOEDE}\s+i|seneste|næste|sidste|forrige)\s*$", re.I)

# How much one piece of evidence counts; repeats of the same kind add a little.
WEIGHTS = {"header": 4.0, "postscript": 3.0, "bilag": 2.0, "title": 1.0}
REPEAT_BONUS = 0.5
# Bound the text scanned for evidence: a referat is at most a few hundred kB of text.
MAX_SCAN_CHARS = 2_000_000


@dataclass(frozen=True)
class Evidence:
    """One dated phrase that names the meeting's own date."""

    date: date
    kind: str  # header | postscript | bilag | title
    quote: str


def _long(match: re.Match[str]) -> date | None:
    year = match.group("year")
    return make_date(int(year) if year else None, month_number(match.group("month")),
                     int(match.group("day")))


def _short(match: re.Match[str]) -> date | None:
    return make_date(int(match.group("syear")), int(match.group("smonth")),
                     int(match.group("sday")))


def _quote(match: re.Match[str]) -> str:
    return " ".join(match.group(0).split())


def _refers_to_other_meeting(text: str, start: int) -> bool:
    return bool(OTHER_MEETING_RE.search(text[max(0, start - 25):start]))


def find_evidence(text: str, running_headers: list[str]) -> list[Evidence]:
    """Every phrase in the text or its running headers that names the meeting's own date."""
    found: list[Evidence] = []
    for header in running_headers:
        short = SHORT_DATE_RE.search(header)
        long = LONG_DATE_RE.search(header)
        day = _short(short) if short else _long(long) if long else None
        if day:
            found.append(Evidence(day, "header", " ".join(header.split())))
    text = text[:MAX_SCAN_CHARS]
    for match in OWN_MEETING_RE.finditer(text):
        day = _long(match)
        if day:
            found.append(Evidence(day, "postscript", _quote(match)))
    for match in DASSOS_SHORT_RE.finditer(text):
        day = _short(match)
        if day and not _refers_to_other_meeting(text, match.start()):
            found.append(Evidence(day, "bilag", _quote(match)))
    for match in DASSOS_LONG_RE.finditer(text):
        day = _long(match)
        if day and not _refers_to_other_meeting(text, match.start()):
            found.append(Evidence(day, "title", _quote(match)))
    return found


def _describe(evidence: Evidence, count: int) -> Message:
    """One piece of evidence as a clause: the header quoted, or the phrase quoted."""
    if evidence.kind == "header":
        if count > 1:
            return Message(
                ngettext_noop(
                    "sidehovedet/-foden »%(quote)s« (%(count)d gang)",
                    "sidehovedet/-foden »%(quote)s« (%(count)d gange)",
                ),
                quote=evidence.quote,
                count=count,
            )
        return Message(gettext_noop("sidehovedet/-foden »%(quote)s«"), quote=evidence.quote)
    if count > 1:
        return Message(
            ngettext_noop("»%(quote)s« (%(count)d gang)", "»%(quote)s« (%(count)d gange)"),
            quote=evidence.quote,
            count=count,
        )
    return Message(gettext_noop("»%(quote)s«"), quote=evidence.quote)


def infer_date(evidence: list[Evidence]) -> tuple[date | None, Message | None]:
    """The best-supported date and a clause naming the evidence used (None, None if none).

    The clause completes "datoen … er udledt af …" (see parse_meeting); it is a Message so the
    review page can show it in either language.
    """
    if not evidence:
        return None, None
    by_date: dict[date, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for item in evidence:
        by_date[item.date][item.kind].append(item)

    def score(day: date) -> float:
        return sum(WEIGHTS[kind] + REPEAT_BONUS * (len(items) - 1)
                   for kind, items in by_date[day].items())

    def strongest(day: date) -> float:
        return max(WEIGHTS[kind] for kind in by_date[day])

    ranked = sorted(by_date, key=lambda day: (score(day), strongest(day), day), reverse=True)
    best = ranked[0]
    kinds = sorted(by_date[best].items(), key=lambda pair: WEIGHTS[pair[0]], reverse=True)
    main_kind, main_items = kinds[0]
    clause: Message = _describe(main_items[0], len(main_items))
    support = [_describe(items[0], len(items)) for _, items in kinds[1:]]
    if support:
        clause = Message(
            gettext_noop("%(evidence)s, understøttet af %(support)s"),
            evidence=clause,
            support=join_and(support),
        )
    others = [
        Message(
            "%(date)s (%(evidence)s)",  # no words to translate
            date=day.isoformat(),
            evidence=_describe(next(iter(by_date[day].values()))[0], 1),
        )
        for day in ranked[1:]
    ]
    if others:
        clause = Message(
            gettext_noop("%(evidence)s; svagere holdepunkter for %(others)s er tilsidesat"),
            evidence=clause,
            others=join(others),
        )
    return best, clause
