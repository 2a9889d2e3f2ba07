"""Find personal data that should not be published: Danish CPR numbers and private e-mail addresses.

Pure Python, run on the extracted text before publishing; the findings become review warnings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# ddmmyy-xxxx (also with a space, or none); bounded, no nested repetition, so it cannot backtrack.
_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})([- ]?)(\d{4})(?![\d-])")
_CPR_WORD = re.compile(r"\b(?:cpr|personnummer|personnr)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@([\w-]{1,63}(?:\.[\w-]{1,63}){1,4})\b")
# Mail services people use privately; official addresses (kommune.dk, rm.dk …) are work contacts.
PRIVATE_MAIL_DOMAINS = frozenset({
    "gmail.com", "hotmail.com", "hotmail.dk", "live.dk", "live.com", "outlook.com",
    "outlook.dk", "yahoo.com", "yahoo.dk", "icloud.com", "me.com", "mail.dk", "jubii.dk",
    "webspeed.dk", "get2net.dk", "protonmail.com", "proton.me",
})
MAX_CHARS = 5_000_000  # bound the scan on hostile input


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: what it is, where (1-based line), and a masked excerpt."""

    kind: str  # "cpr" | "email"
    line: int
    excerpt: str


def _plausible_birth_date(day: str, month: str, year: str) -> bool:
    # The century is in the serial number's first digit; any century makes the date plausible.
    for century in (1900, 2000):
        try:
            date(century + int(year), int(month), int(day))
        except ValueError:
            continue
        return True
    return False


def find_personal_data(text: str) -> list[Finding]:
    """Every CPR-like number with a real birth date and every private e-mail address in text."""
    findings: list[Finding] = []
    for number, line in enumerate(text[:MAX_CHARS].splitlines(), start=1):
        for match in _CPR.finditer(line):
            day, month, year, separator, _serial = match.groups()
            if not _plausible_birth_date(day, month, year):
                continue
            # Ten bare digits are often other numbers; count them only next to the word CPR.
            if not separator and not _CPR_WORD.search(line):
                continue
            findings.append(Finding("cpr", number, f"{day}{month}{year}{separator or '-'}xxxx"))
        for match in _EMAIL.finditer(line):
            if match.group(1).lower() in PRIVATE_MAIL_DOMAINS:
                findings.append(Finding("email", number, match.group(0)))
    return findings


@dataclass(frozen=True)
class Place:
    """A parsed field the review page shows: its label, the form field's id and its text."""

    label: str
    anchor: str
    text: str


@dataclass(frozen=True)
class ReviewFinding:
    """A finding as the review page reports it: where it still stands after the corrections.

    `places` are the parsed fields that still hold it (open until removed from them);
    `line` is its line in the original file, or None when only the parsed text holds it.
    """

    kind: str
    excerpt: str
    line: int | None
    places: tuple[Place, ...]

    @property
    def open(self) -> bool:
        return bool(self.places)


def review_findings(original: str, places: list[Place]) -> list[ReviewFinding]:
    """Each finding of the original file and of the parsed fields, with the fields holding it.

    A finding that no parsed field holds any more stands only in the original, which the public
    never sees (SourceDocument.public()); one that a field holds is open until it is removed.
    """
    holders: dict[tuple[str, str], list[Place]] = {}
    for place in places:
        for finding in find_personal_data(place.text):
            found = holders.setdefault((finding.kind, finding.excerpt), [])
            if place not in found:
                found.append(place)
    result: list[ReviewFinding] = []
    seen: set[tuple[str, str]] = set()
    for finding in find_personal_data(original):
        key = (finding.kind, finding.excerpt)
        result.append(ReviewFinding(*key, finding.line, tuple(holders.get(key, ()))))
        seen.add(key)
    for key, held in holders.items():
        if key not in seen:
            result.append(ReviewFinding(*key, None, tuple(held)))
    return result
