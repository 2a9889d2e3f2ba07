"""What the document says it is: the body whose meeting it records, and referat or dagsorden.

Read from the cover title ("Referat fra møde i Forretningsudvalget", "DASSOS den 1. marts
2024", "Styregruppen for Rammeaftalen – dagsorden"), else from the running header ("DASSOS
Referat 1.3.24"), else from the lead-in of recommendations ("At Forretningsudvalget:"). No body
name is assumed: a document that names none has none, and the archive decides.
"""
from __future__ import annotations

import re
from collections import Counter

from ingest.parsing.parse.meeting_date import LONG_DATE, SHORT_DATE
from ingest.parsing.vocabulary import DAGSORDEN_WORDS, REFERAT_WORDS, alternation

DOC_WORDS = alternation(REFERAT_WORDS + DAGSORDEN_WORDS)
DATE = rf"(?:{LONG_DATE}|{SHORT_DATE})"
WEEKDAYS = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)"
# "… møde i Forretningsudvalget den 3. maj", "mødet i DASSOS' Forretningsudvalg".
MEETING_IN_RE = re.compile(r"\bmødet?\s+i\s+(?P<body>[A-ZÆØÅ].*)$")
# "Referat fra Forretningsudvalgets møde".
GENITIVE_RE = re.compile(
    rf"^(?:{DOC_WORDS})\s+(?:fra|af|for|til)\s+(?P<body>[A-ZÆØÅ].*?)s\s+(?:\S+\s+)?møde\b",
    re.IGNORECASE,
)
# "Styregruppen for Rammeaftalen – referat", "DASSOS: Dagsorden".
BODY_DASH_DOC_RE = re.compile(
    rf"^(?P<body>[A-ZÆØÅ].*?)\s*[–—:|-]\s*(?:{DOC_WORDS})\b", re.IGNORECASE
)
# "Referat – DASSOS", "Dagsorden: Forretningsudvalget".
DOC_DASH_BODY_RE = re.compile(
    rf"^(?:{DOC_WORDS})\s*[–—:|-]\s*(?P<body>[A-ZÆØÅ].*)$", re.IGNORECASE
)
# "DASSOS den 1. marts 2024", "Forretningsudvalget 12.9.25", "DASSOS-møde den 3. maj 2023".
BODY_DATE_RE = re.compile(
    rf"^(?:(?:{DOC_WORDS})\s+(?:fra|af)\s+)?(?P<body>[A-ZÆØÅ][^\d:]*?)"
    rf"(?:-?\s*møde)?,?\s+(?:{WEEKDAYS}\s+)?(?:den\s+)?{DATE}",
    re.IGNORECASE,
)
# "DASSOS Referat 1.3.24", "Forretningsudvalget – Dagsorden 12.9.25": a running header.
HEADER_RE = re.compile(rf"^(?P<body>\S.*?)\s*[–—|-]?\s+(?P<doc>{DOC_WORDS})\b", re.IGNORECASE)
# "At Forretningsudvalget:", "Det indstilles, at DASSOS:", "Af DASSOS:".
LEAD_IN_RE = re.compile(
    r"^(?:Det\s+indstilles,?\s+)?[Aa][tf]\s+(?P<body>[A-ZÆØÅ][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?)"
    r"\s*:\s*$"
)
TRAILING_RE = re.compile(
    rf"(?:,|\s+(?:den|d\.|på|onsdag|{WEEKDAYS})\b|\s+{DATE}|\s+kl\.|\s+\().*$", re.IGNORECASE
)
NOT_BODIES = {"den", "dato", "tidspunkt", "referat", "dagsorden", "mødet", "møde", "ekstraordinært",
              "ordinært", "bilag", "indhold", "indholdsfortegnelse"}
MAX_BODY_WORDS = 8


def clean_body(text: str) -> str | None:
    """'Forretningsudvalget den 3. maj 2025' → 'Forretningsudvalget'; None when no name is left."""
    text = TRAILING_RE.sub("", " ".join(text.split())).strip(" .,:;–—-\"“”")
    text = re.sub(r"(?i)^(?:det\s+)?(?:ekstraordinære|ordinære)\s+møde\s+i\s+", "", text)
    text = re.sub(r"(?i)-?\s*møde$", "", text).strip(" .,:;–—-")
    words = text.split()
    if not words or len(words) > MAX_BODY_WORDS or text.casefold() in NOT_BODIES:
        return None
    if not text[0].isupper():
        return None
    return text[:100]


DOC_ALONE_RE = re.compile(rf"^(?:{DOC_WORDS})$", re.IGNORECASE)


def body_from_title(lines: list[str]) -> str | None:
    """The body named by the first title-like line of the cover."""
    body = _beside_doc_word(lines)
    if body:
        return body
    for text in lines:
        for pattern in (GENITIVE_RE, MEETING_IN_RE, DOC_DASH_BODY_RE, BODY_DASH_DOC_RE,
                        BODY_DATE_RE):
            match = pattern.search(text) if pattern is MEETING_IN_RE else pattern.match(text)
            if match:
                body = clean_body(match["body"])
                if body:
                    return body
    return None


def _beside_doc_word(lines: list[str]) -> str | None:
    """"Dagsorden" on a line of its own, the body's name on the line after (or before) it.
    Only the first such word is the cover's; a later one may head an item's Referat, and a
    sentence ("DASSOS tog orienteringen til efterretning.") names no body."""
    for index, text in enumerate(lines):
        if not DOC_ALONE_RE.match(text.strip()):
            continue
        for neighbour in lines[index + 1 : index + 2] + lines[max(index - 1, 0) : index]:
            sentence = neighbour.rstrip().endswith((".", "!", "?", ":"))
            if not re.search(r"\d", neighbour) and len(neighbour.split()) <= 6 and not sentence:
                body = clean_body(neighbour)
                if body and not DOC_ALONE_RE.match(body):
                    return body
        return None
    return None


def body_from_headers(headers: list[str]) -> str | None:
    """The body in the running header, when most headers name the same one."""
    names = Counter()
    for header in headers:
        match = HEADER_RE.match(" ".join(header.split()))
        if match:
            body = clean_body(match["body"])
            if body:
                names[body] += 1
    return names.most_common(1)[0][0] if names else None


def body_from_lead_ins(lines: list[str]) -> str | None:
    """The body most recommendations address ("At Forretningsudvalget:")."""
    names = Counter()
    for text in lines:
        match = LEAD_IN_RE.match(" ".join(text.split()))
        if match:
            body = clean_body(match["body"])
            if body:
                names[body] += 1
    return names.most_common(1)[0][0] if names else None


def doctype(title_lines: list[str], headers: list[str]) -> str:
    """'dagsorden' when the title or running header says so and nothing says referat."""
    referat = re.compile(rf"\b(?:{alternation(REFERAT_WORDS)})\b", re.IGNORECASE)
    dagsorden = re.compile(rf"\b(?:{alternation(DAGSORDEN_WORDS)})\b", re.IGNORECASE)
    texts = title_lines + headers
    if any(referat.search(text) for text in texts):
        return "referat"
    if any(dagsorden.search(text) for text in texts):
        return "dagsorden"
    return "referat"
