"""The numbering scheme of a document's headings, whatever it is, rewritten to one form.

Referater number their headings in many ways: "1.2 Titel", "Punkt 3: Titel", "Sag nr. 3 Titel",
"Ad 2", "§ 4",
"3) Titel", "A. Titel", "II. Titel", or roman sections over items numbered "1.", "2." that start
again in each section. The agenda walker understands the decimal form ("1. Section",
"1.2 Item"); this module finds the scheme the document uses consistently and rewrites those
headings' labels into the decimal form, remembering the number as the document prints it.

A scheme counts only when its labels form a sequence (1, 2, 3 … or A, B, C …): a lone "A." or
a numbered list inside a case text does not change how the document is read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ROMAN = {"I": 1, "V": 5, "X": 10}
# Each pattern: the label's number (group n) and the title after it.
PATTERNS = {
    "punkt": re.compile(
        r"^(?:(?:Punkt|Pkt\.?|Dagsordenspunkt|Sag)(?:\s+nr\.?)?)\s*(?P<n>\d{1,2}(?:\.\d{1,2})?)\.?"
        r"\s*(?:[:.–—-]\s*)?(?P<title>\S.*)$",
        re.IGNORECASE,
    ),
    "ad": re.compile(
        r"^Ad\.?\s+(?:punkt\s+|pkt\.?\s*)?(?P<n>\d{1,2}(?:\.\d{1,2})?)\.?"
        r"\s*(?:[:.–—-]\s*)?(?P<title>\S.*)$",
        re.IGNORECASE,
    ),
    "paragraph": re.compile(r"^§\s*(?P<n>\d{1,2})\.?\s*(?:[:.–—-]\s*)?(?P<title>\S.*)$"),
    "paren": re.compile(r"^(?P<n>\d{1,2})\)\s+(?P<title>\S.*)$"),
    "roman": re.compile(r"^(?P<n>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))[.)]\s+(?P<title>\S.*)$"),
    "letter": re.compile(r"^(?P<n>[A-Z])[.)]\s+(?P<title>\S.*)$"),
    "decimal1": re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<title>\S.*)$"),
}
# Schemes that name their number with a word: one heading is enough evidence.
WORDED = ("punkt", "ad", "paragraph")
TITLE_START_RE = re.compile(r"^[\"“”'‘’«<(\[–—-]?\s*[A-ZÆØÅ0-9]")
DECIMAL_ITEM_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")
# "1 Godkendelse af dagsorden": a number and a capitalised title, no dot (Word's heading lists).
BARE_RE = re.compile(r"^(?P<n>\d{1,2})\s+(?P<title>[\"“”'‘’«<(]?[A-ZÆØÅ][^\d\s]\S*.*)$")


@dataclass
class Numbering:
    """The rewritten rows' texts and, per rewritten row, the number as printed."""

    texts: list[str]
    printed: dict[int, str] = field(default_factory=dict)  # row index → "A", "II", "3"
    scheme: str = "decimal"
    # Section headings over items numbered straight through ("II. Orientering", then "4."):
    # row index → the section's title.
    sections: dict[int, str] = field(default_factory=dict)

    def display(self, number: str, row: int) -> str:
        """The number to show for a heading found at `row` with decimal number `number`."""
        return self.printed.get(row, number)


def _value(scheme: str, text: str) -> int:
    if scheme == "letter":
        return ord(text) - ord("A") + 1
    if scheme == "roman":
        total = 0
        for index, char in enumerate(text):
            value = ROMAN[char]
            following = ROMAN[text[index + 1]] if index + 1 < len(text) else 0
            total += -value if value < following else value
        return total
    return int(text.split(".")[0])


@dataclass
class _Hit:
    row: int
    scheme: str
    printed: str
    title: str
    value: int


def _hits(texts: list[str], candidates: set[int]) -> list[_Hit]:
    hits = []
    for row in sorted(candidates):
        text = texts[row]
        for scheme, pattern in PATTERNS.items():
            match = pattern.match(text)
            if match and TITLE_START_RE.match(match["title"]) and len(text) <= 200:
                hits.append(_Hit(row, scheme, match["n"], match["title"].strip(),
                                 _value(scheme, match["n"])))
                if scheme != "roman":  # "I." may be a roman one or the ninth letter
                    break
    return hits


def _sequence(hits: list[_Hit]) -> int:
    """How many of these hits continue a sequence (1, 2, 3 … allowing small gaps)."""
    run, previous = 0, 0
    for hit in hits:
        if previous < hit.value <= previous + 2:
            run += 1
            previous = hit.value
    return run


def number_headings(
    texts: list[str], candidates: set[int], styled: set[int] = frozenset()
) -> Numbering:
    """Rewrite the labels of the document's heading scheme into "N. " / "N.M " form.

    `candidates` are the rows that may be headings; `styled` those set as headings (bold, larger,
    Markdown "#"): where a scheme has styled labels, its unstyled ones are list lines. The decimal
    scheme needs no rewrite; another scheme is used when its labels form a sequence.
    """
    numbering = Numbering(list(texts))
    hits = _hits(texts, candidates)
    by_scheme: dict[str, list[_Hit]] = {}
    for hit in hits:
        by_scheme.setdefault(hit.scheme, []).append(hit)
    for scheme, found in by_scheme.items():
        headings = [hit for hit in found if hit.row in styled]
        if len(headings) >= 2:
            by_scheme[scheme] = headings
    decimal_items = sum(1 for row in candidates if DECIMAL_ITEM_RE.match(texts[row]))
    for scheme in WORDED:
        if by_scheme.get(scheme):
            _rewrite_flat(numbering, by_scheme[scheme], scheme)
            return numbering
    if decimal_items >= 2:
        _dot_bare_sections(numbering, texts, candidates)
        return numbering  # "1.1 Titel": the walker's own form
    outer = sorted(
        (s for s in ("roman", "letter") if _sequence(by_scheme.get(s, [])) >= 2),
        key=lambda s: -_sequence(by_scheme[s]),
    )
    inner = [s for s in ("decimal1", "paren") if _sequence(by_scheme.get(s, [])) >= 2]
    if outer and inner:
        _rewrite_nested(numbering, by_scheme[outer[0]], by_scheme[inner[0]], outer[0])
    elif outer:
        _rewrite_flat(numbering, by_scheme[outer[0]], outer[0])
    elif by_scheme.get("paren") and "decimal1" not in by_scheme:
        # "1) Titel": one heading is enough when nothing else in the text is numbered (the
        # agenda walker still asks an item's body of a lone heading).
        _rewrite_flat(numbering, by_scheme["paren"], "paren")
    elif _sequence(by_scheme.get("decimal1", [])) < 2:
        _bare_flat(numbering, texts, candidates, styled)
    return numbering


def _bare_hits(texts: list[str], candidates: set[int]) -> list[_Hit]:
    hits = []
    for row in sorted(candidates):
        match = BARE_RE.match(texts[row])
        if match and len(texts[row]) <= 160:
            hits.append(_Hit(row, "bare", match["n"], match["title"].strip(), int(match["n"])))
    return hits


def _next_text(texts: list[str], row: int) -> str:
    return next((text for text in texts[row + 1 :] if text.strip()), "")


def _dot_bare_sections(numbering: Numbering, texts: list[str], candidates: set[int]) -> None:
    """Word's "1 Beslutningspunkter" (no dot) over "1.1 …": a section heading."""
    for hit in _bare_hits(texts, candidates):
        following = DECIMAL_ITEM_RE.match(_next_text(texts, hit.row))
        if following and _next_text(texts, hit.row).split(".")[0] == hit.printed:
            numbering.texts[hit.row] = f"{hit.value}. {hit.title}"


def _bare_flat(
    numbering: Numbering, texts: list[str], candidates: set[int], styled: set[int]
) -> None:
    """"1 Godkendelse af dagsorden" headings without a dot: taken when they are set as
    headings (bold, larger, Markdown) or stand alone, and count 1, 2, 3 … at least three."""
    hits = [
        hit for hit in _bare_hits(texts, candidates)
        if hit.row in styled or not texts[hit.row + 1 : hit.row + 2] or
        not texts[hit.row + 1].strip()
    ]
    if _sequence(hits) >= 3 and hits[0].value <= 1:
        _rewrite_flat(numbering, hits, "bare")


def _rewrite_flat(numbering: Numbering, hits: list[_Hit], scheme: str) -> None:
    numbering.scheme = scheme
    for hit in hits:
        if scheme in WORDED and "." in hit.printed:
            numbering.texts[hit.row] = f"{hit.printed} {hit.title}"
            continue
        numbering.texts[hit.row] = f"{hit.value}. {hit.title}"
        numbering.printed[hit.row] = hit.printed


def _restarts(sections: list[_Hit], items: list[_Hit]) -> bool:
    """True when the items under each later section start again at 1 (else they run on)."""
    votes = 0
    for section in sections[1:]:
        first = next((hit for hit in items if hit.row > section.row), None)
        before = [hit for hit in items if hit.row < section.row]
        if first is None or not before:
            continue
        votes += 1 if first.value == 1 else -1 if first.value == before[-1].value + 1 else 0
    return votes > 0


def _rewrite_nested(
    numbering: Numbering, sections: list[_Hit], items: list[_Hit], scheme: str
) -> None:
    """Roman or letter sections over items numbered 1, 2 … again in each section."""
    numbering.scheme = f"{scheme}+items"
    merged = sorted(sections + items, key=lambda hit: hit.row)
    section: _Hit | None = None
    restarts = _restarts(sections, items)
    if not restarts:  # items numbered 1 … n through the document: sections only name them
        for hit in sections:
            numbering.texts[hit.row] = hit.title
            numbering.sections[hit.row] = hit.title
        return
    for hit in merged:
        if hit in sections:
            section = hit
            numbering.texts[hit.row] = f"{hit.value}. {hit.title}"
            numbering.printed[hit.row] = hit.printed
        elif section is not None:
            numbering.texts[hit.row] = f"{section.value}.{hit.value} {hit.title}"
            numbering.printed[hit.row] = (
                f"{section.printed}.{hit.printed}" if restarts else hit.printed
            )
