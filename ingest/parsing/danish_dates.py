"""Danish month names and the small helpers that turn date phrases into dates. No Django here.

The one place the parser (meeting dates), cross-references ("DASSOS mødet den 22. januar 2020")
and announced meetings ("Næste møde … den 18. maj 2026") take their month names from.
"""
from __future__ import annotations

from datetime import date

MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {name[:3]: number for name, number in MONTHS.items()}
# The full month names as a regex alternation: rf"(\d{{1,2}})\.\s?({MONTH_NAMES})".
MONTH_NAMES = "|".join(MONTHS)


def month_number(word: str) -> int | None:
    """'februar' / 'Feb' → 2; None for a word that is not a Danish month."""
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or (MONTH_ABBREVIATIONS.get(word) if len(word) == 3 else None)


def make_date(year: int | None, month: int | None, day: int) -> date | None:
    """A date from parts, two-digit years read as 20xx; None when the parts are impossible."""
    if year is None or month is None:
        return None
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None
