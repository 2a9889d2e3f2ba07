"""Topic matching rules: which curated topics an agenda item belongs to, decided at ingest."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# The default topics seeded by migration 0002, with their starting rules (editable in the admin).
DEFAULT_TOPICS: dict[str, list[str]] = {
    "Rammeaftale": ["rammeaftale", "styringsaftale", "udviklingsstrategi"],
    "Socialtilsyn": ["socialtilsyn", "tilsynet"],
    "Takster": ["*takst"],
    "Kapacitet": ["kapacitet", "*pladser", "pladsbehov", "venteliste"],
    "Psykiatri": ["*psykiatri", "psykisk", "sindslid"],
    "Børn og unge": ["børn", "*børne", "unge", "ungdom"],
    "Hjerneskade": ["*hjerneskad"],
    "Herberger": ["*herberg", "forsorgshjem", "*hjemløs"],
    "Botilbud": ["*botilbud"],
    "Ungementorordningen": ["ungementor"],
    "Centrale udmeldinger": ["central udmelding"],
}

_MAX_TERM = 100


def term_pattern(term: str) -> str | None:
    """Regex source for one rule line: word-prefix match per word, `*` allows a word-inner start.

    Only escaped literals joined by `\\w*` and `\\s+` (disjoint classes): no blow-up.
    """
    term = term.strip()[:_MAX_TERM]
    inner = term.startswith("*")
    words = term.lstrip("*").split()
    if not words:
        return None
    body = r"\w*\s+".join(re.escape(word) for word in words)
    return (r"" if inner else r"(?<!\w)") + body


@lru_cache(maxsize=256)
def compile_rules(match_terms: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern for a topic's rule text (one term per line)."""
    parts = [p for p in (term_pattern(line) for line in match_terms.splitlines()) if p]
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def matches(match_terms: str, texts: Iterable[str]) -> bool:
    """True when any rule of `match_terms` occurs in any of `texts`."""
    pattern = compile_rules(match_terms)
    return pattern is not None and any(pattern.search(text) for text in texts if text)


def matching_topics(topics: Iterable, *, title: str, indstilling: str, referat: str) -> list:
    """The topics (objects with `match_terms`) whose rules match an item's title or decisions."""
    texts = (title, indstilling, referat)
    return [topic for topic in topics if matches(topic.match_terms, texts)]
