"""Cross-references between referater: links in item texts and "the same case at other meetings".

Pure functions over small value objects (no queries here): `wanted_targets` says what an item's
texts could point at, the view loads a `Catalogue` of just those candidates, and
`find_references` works on it (minutes.cases finds the same case at other meetings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ingest.parsing.danish_dates import MONTH_NAMES, make_date, month_number

# "jf. pkt. 1.2", "jf. punkt 2.1", "pkt. 2.2 ovenfor": an item of the same meeting.
ITEM_REF = re.compile(r"\b(?:pkt\.|punkt)\s?(\d{1,2}(?:\.\d{1,2})?)\b", re.IGNORECASE)
# "på DASSOS mødet den 22. januar 2020", "DASSOS-mødet d. 5. maj 2022": another meeting.
MEETING_REF = re.compile(
    rf"\bDASSOS[ -]?møde(?:t)?\s+(?:den|d\.)\s+(\d{{1,2}})\.\s?({MONTH_NAMES})\s+(\d{{4}})\b",
    re.IGNORECASE,
)
# "Rammeaftale 2025-26", "Rammeaftalen 2025-2026".
RAMMEAFTALE_REF = re.compile(r"\bRammeaftale(?:n)?\s+(20\d\d)\s?[-–]\s?(?:20)?(\d\d)\b")
# A named care home in a title: "botilbuddet Kollegiet", "Landsbyen Sølund", "Børnehuset Midt".
_PLACE_IN_TITLE = re.compile(
    r"\b(?:botilbud(?:det)?|tilbuddet|herberget|bostedet|Landsbyen|Børnehus(?:et)?)\s+"
    r"([A-ZÆØÅ][\wæøåÆØÅ]{2,30})"
)
_WORD = re.compile(r"[\wæøåÆØÅ]{4,}")
STOPWORDS = frozenset(
    "status orientering drøftelse godkendelse punkter næste møde dassos eventuelt arbejdet "
    "arbejde forbindelse kommende samt med til for fra om af på det den der og".split()
)
MAX_TEXT = 200_000  # characters scanned per text; the patterns are linear, this bounds the work


@dataclass(frozen=True)
class CatalogueItem:
    """What cross-referencing needs of one published item."""

    pk: int
    meeting_date: date
    number: str
    title: str
    url: str
    topics: frozenset[int] = frozenset()


@dataclass
class Catalogue:
    """The published archive at a glance: items and meeting dates, loaded once per page."""

    items: list[CatalogueItem]
    meetings: dict[date, str] = field(default_factory=dict)

    def items_at(self, meeting_date: date) -> dict[str, CatalogueItem]:
        return {i.number: i for i in self.items if i.meeting_date == meeting_date}

    @cached_property
    def by_period(self) -> dict[str, list[CatalogueItem]]:
        """Items whose title names a Rammeaftale period ("2025-26")."""
        index: dict[str, list[CatalogueItem]] = {}
        for item in self.items:
            period = rammeaftale_period(item.title)
            if period:
                index.setdefault(period, []).append(item)
        return index

    @cached_property
    def by_place(self) -> dict[str, list[CatalogueItem]]:
        """Items whose title names a care home or similar place ("Kollegiet")."""
        index: dict[str, list[CatalogueItem]] = {}
        for item in self.items:
            for name in place_names(item.title):
                index.setdefault(name, []).append(item)
        return index

    @cached_property
    def place_pattern(self) -> re.Pattern[str] | None:
        if not self.by_place:
            return None
        names = sorted(self.by_place, key=len, reverse=True)
        return re.compile(r"(?<![\wæøå])(" + "|".join(map(re.escape, names)) + r")(?![\wæøå])")


@dataclass(frozen=True)
class Reference:
    """A stretch of text (start, end) that names something the archive holds at `url`."""

    start: int
    end: int
    url: str
    title: str


def rammeaftale_period(text: str) -> str | None:
    """The first "Rammeaftale 2025-26" in `text`, normalised to "2025-26"."""
    found = RAMMEAFTALE_REF.search(text)
    return f"{found.group(1)}-{found.group(2)}" if found else None


def place_names(title: str) -> set[str]:
    """Named care homes and similar places in an item title ("Kollegiet", "Sølund")."""
    return {m.group(1) for m in _PLACE_IN_TITLE.finditer(title)}


def _newest_other(candidates: list[CatalogueItem], here: date) -> CatalogueItem | None:
    others = [c for c in candidates if c.meeting_date != here]
    return max(others, key=lambda c: c.meeting_date) if others else None


def _meeting_date(match: re.Match) -> date | None:
    return make_date(int(match.group(3)), month_number(match.group(2)), int(match.group(1)))


def find_references(text: str, catalogue: Catalogue, here: date) -> list[Reference]:
    """Every reference in `text` (written at the meeting on `here`) whose target is archived."""
    text = text[:MAX_TEXT]
    found: list[Reference] = []
    same_meeting = catalogue.items_at(here)
    for match in ITEM_REF.finditer(text):
        target = same_meeting.get(match.group(1))
        if target:
            found.append(Reference(match.start(), match.end(), target.url, target.title))
    for match in MEETING_REF.finditer(text):
        when = _meeting_date(match)
        if when in catalogue.meetings and when != here:
            found.append(Reference(match.start(), match.end(), catalogue.meetings[when], ""))
    for match in RAMMEAFTALE_REF.finditer(text):
        period = f"{match.group(1)}-{match.group(2)}"
        target = _newest_other(catalogue.by_period.get(period, []), here)
        if target:
            found.append(Reference(match.start(), match.end(), target.url, target.title))
    if catalogue.place_pattern is not None:
        for match in catalogue.place_pattern.finditer(text):
            target = _newest_other(catalogue.by_place[match.group(1)], here)
            if target:
                found.append(Reference(match.start(), match.end(), target.url, target.title))
    return _without_overlaps(found)


@dataclass(frozen=True)
class Wanted:
    """What an item's texts may refer to: meeting dates, Rammeaftale periods, places, words."""

    dates: frozenset[date]
    periods: frozenset[str]
    places: frozenset[str]
    keywords: tuple[str, ...]


def wanted_targets(title: str, texts: list[str]) -> Wanted:
    """The candidates worth loading for an item (bounded: the view queries only these)."""
    dates, periods, places = set(), set(), set(place_names(title))
    period = rammeaftale_period(title)
    if period:
        periods.add(period)
    for text in texts:
        text = text[:MAX_TEXT]
        dates.update(d for d in map(_meeting_date, MEETING_REF.finditer(text)) if d)
        periods.update(f"{m.group(1)}-{m.group(2)}" for m in RAMMEAFTALE_REF.finditer(text))
        places.update(m.group(1) for m in _PLACE_IN_TITLE.finditer(text))
    keywords = tuple(sorted(_keywords(title), key=len, reverse=True)[:3])
    return Wanted(frozenset(dates), frozenset(periods), frozenset(places), keywords)


def _without_overlaps(refs: list[Reference]) -> list[Reference]:
    kept: list[Reference] = []
    for ref in sorted(refs, key=lambda r: (r.start, -(r.end - r.start))):
        if not kept or ref.start >= kept[-1].end:
            kept.append(ref)
    return kept


def _keywords(title: str) -> set[str]:
    """Significant words of a title, cut to six letters so inflections meet."""
    return {w.lower()[:6] for w in _WORD.findall(title) if w.lower() not in STOPWORDS}


def title_similarity(a: str, b: str) -> float:
    """Share of significant words two titles have in common (0..1)."""
    ka, kb = _keywords(a), _keywords(b)
    if not ka or not kb:
        return 0.0
    return len(ka & kb) / min(len(ka), len(kb))


BULLET = re.compile(r"^\s*[•\-–*]\s*(.+)$", re.MULTILINE)


def announced_items(
    announcement: str, announced_at: date, catalogue: Catalogue
) -> list[tuple[str, CatalogueItem]]:
    """Bullets of "Punkter til næste møde" matched to items of the next archived meeting."""
    later = sorted(d for d in catalogue.meetings if d > announced_at)
    if not later:
        return []
    next_items = list(catalogue.items_at(later[0]).values())
    pairs = []
    for bullet in BULLET.findall(announcement[:MAX_TEXT]):
        best = max(next_items, key=lambda i: title_similarity(bullet, i.title), default=None)
        if best is not None and title_similarity(bullet, best.title) >= 0.6:
            pairs.append((bullet.strip(), best))
    return pairs
