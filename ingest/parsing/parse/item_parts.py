"""One agenda item's body → presenters, Indstilling points, Referat, Sagsfremstilling, bilag.

The body arrives as rows (one per line, "" for a blank line) between the item's heading and the
next heading. Parts come in any order and their headings vary ("Referat:", "Af DASSOS:").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.parsing.contract import Attachment
from ingest.parsing.parse.attachments import is_web_url, parse_bilag_line
from ingest.parsing.parse.presenters import is_ved_line, parse_presenters
from ingest.parsing.vocabulary import OTHER_PARTS, PART_WORDS, alternation, label_key

MAIN_PARTS = ("indstilling", "referat", "sagsfremstilling", "bilag")
PART_RE = re.compile(
    rf"^(?P<name>{alternation([w for ws in PART_WORDS.values() for w in ws] + list(OTHER_PARTS))})"
    r"(?![\w/])\s*(?P<sep>[:.]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Det indstilles, at DASSOS godkender …": a recommendation written as a sentence.
INDSTILLES_RE = re.compile(r"^Det\s+indstilles\b", re.IGNORECASE)
# Inside a Bilag part a missing separator is forgiven: "Bilag 3 Udkast til styringsaftale".
LOOSE_BILAG_RE = re.compile(r"^Bilag\s+(?P<id>\d{1,3}[a-z]?)\s+(?P<title>[A-ZÆØÅ].*)$")
# Under a Bilag heading the entries may be a list without the word: "1. Takstoversigt 2026",
# "2) Notat …", "- Notat …". A numbered entry keeps its number, a bullet its place in the list.
LISTED_BILAG_RE = re.compile(
    r"^(?:(?P<id>\d{1,3}[a-z]?|[A-ZÆØÅ])[.)]|[-–•▪*])\s+(?P<title>[\"“„'‘A-ZÆØÅ0-9].*)$"
)
NO_BILAG_RE = re.compile(r"^ingen(?:\s+bilag)?\W*$", re.IGNORECASE)  # "- Ingen bilag."
URL_RE = re.compile(r"^(?:https?://|file:|mailto:|www\.)\S*$", re.IGNORECASE)
# The lead-in of the points: "At DASSOS:", "Af Forretningsudvalget:", "Det indstilles, at
# Styregruppen:" — with a colon any addressee; without one, the capitalised words after "At".
INTRO_RE = re.compile(
    r"^(?:[Dd]et\s+indstilles,?\s+)?[Aa][tf]\s+(?:[^\s:]+(?:\s+[^\s:]+){0,5}\s*:\s*"
    r"|(?:[A-ZÆØÅ][\w'’.-]*(?:\s+|$))+)"
)
# "•" after extraction; Tesseract reads bullets as "e", "o", "¢" when the repair did not run.
# Lettered points ("a) …") are bullets too.
BULLET_RE = re.compile(r"^(?:[•▪◦●·*]|[eo¢©«](?=\s+\S)|[a-zæøå]\)(?=\s))\s*")
TERMINAL = (".", "!", "?", ":", ";")


@dataclass
class Row:
    """One cleaned line of the body: text ("" = blank), page and style hints."""

    text: str
    page: int | None = None
    heading: int | None = None
    links: list[str] = field(default_factory=list)
    # A table row's cells (tab-separated columns, "| a | b |"): kept apart in the text.
    cells: list[str] | None = None


@dataclass
class ItemParts:
    presenters: list[str] = field(default_factory=list)
    indstilling: list[str] = field(default_factory=list)
    referat: str = ""
    sagsfremstilling: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    other_parts: dict[str, str] = field(default_factory=dict)


def part_heading(text: str) -> tuple[str, str] | None:
    """('referat', '') for 'Referat:'; ('Efterskrift', rest) for 'Efterskrift: Efter mødet …'.

    Text after a colon is the part's first line; other words after the name make it no heading
    ("Indstilling til DASSOS:" inside a case text, "Referat dialogmøde …" as a bilag title).
    """
    match = PART_RE.match(text.strip())
    if not match:
        return None
    name, sep, rest = " ".join(match["name"].split()), match["sep"], match["rest"].strip()
    key = label_key(name, PART_WORDS) or _part_key(name.lower())
    if not rest:
        return key, ""
    if key == "sagsfremstilling" and len(rest.split()) <= 6 and rest[0].islower() \
            and rest.endswith(":"):
        # "Sagsfremstilling modtaget fra Syddjurs Kommune:" is still the heading.
        return key, ""
    return (key, rest) if sep == ":" else None


def _part_key(name: str) -> str:
    return name if name in MAIN_PARTS else name[0].upper() + name[1:]


def bullet_text(text: str) -> str | None:
    """The text of a bullet line without its marker, or None for a line that is no bullet."""
    match = BULLET_RE.match(text)
    if not match or match.end() == len(text):
        return None
    return text[match.end() :].strip()


def join_lines(first: str, second: str) -> str:
    """Join a wrapped line: 'erfarings-' + 'opsamling' → 'erfaringsopsamling'."""
    if first.endswith("-") and len(first) > 1 and first[-2].isalpha() and second:
        word = second.split()[0]
        if word in ("og", "eller", "til"):
            return f"{first} {second}"
        if second[0].islower():
            return first[:-1] + second
        return first + second
    return f"{first} {second}" if first else second


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def build_text(rows: list[Row]) -> str:
    """Rows → text: wrapped lines joined, paragraphs split by a blank line, one bullet a line."""
    paragraphs: list[list[str]] = []
    current: list[str] | None = None
    last_raw = ""
    in_table = False
    for row in rows:
        text = row.text
        if not text:
            current = None
            in_table = False
            continue
        if row.cells:
            # A table row stays one line, its cells tab-separated (follow-up tables read them).
            if current is None:
                current = []
                paragraphs.append(current)
            current.append("\t".join(row.cells))
            in_table = True
            last_raw = text
            continue
        if in_table:
            in_table = False
            if text[0].islower():
                current[-1] = f"{current[-1]} {text}"  # a cell wrapped onto the next line
                in_table = True
                continue
            current = None
        bullet = bullet_text(text)
        if bullet is not None:
            if current is None:
                current = []
                paragraphs.append(current)
            current.append(f"• {bullet}")
        elif current is None:
            previous = paragraphs[-1][-1] if paragraphs else ""
            # A page break or blank line inside a sentence: the sentence goes on.
            if previous and not _ends_sentence(previous) and (
                text[0].islower() or (len(last_raw) >= 60 and not previous.startswith("•"))
            ):
                current = paragraphs[-1]
                current[-1] = join_lines(current[-1], text)
            else:
                current = [text]
                paragraphs.append(current)
        elif len(last_raw) < 50 and not _ends_sentence(last_raw) and text[0].isupper() \
                and not current[-1].startswith("•"):
            # A short line without punctuation followed by a capital: a sub-heading.
            current = [text]
            paragraphs.append(current)
        else:
            current[-1] = join_lines(current[-1], text)
        last_raw = text
    return "\n\n".join("\n".join(lines) for lines in paragraphs)


def parse_indstilling(rows: list[Row]) -> tuple[list[str], list[Row]]:
    """The Indstilling points, and the rows after them that are no longer the Indstilling."""
    points: list[str] = []
    bullets_seen = False
    after_blank = False
    open_parent = False
    for index, row in enumerate(rows):
        text = row.text
        if not text:
            after_blank = True
            continue
        intro = INTRO_RE.match(text)
        if intro:
            text = text[intro.end() :].strip()
            if not text:
                after_blank = False
                continue
        bullet = bullet_text(text)
        if bullet is not None:
            if open_parent and points and not after_blank:
                # Sub-bullets of "Orienteres om status for …:" belong to that one point.
                points[-1] = f"{points[-1]} {bullet}"
            else:
                points.append(bullet)
                open_parent = bullet.endswith(":")
            bullets_seen = True
        elif points and (not after_blank or text[0].islower() or text[0].isdigit()):
            points[-1] = join_lines(points[-1], text)
            open_parent = open_parent or points[-1].endswith(":")
        elif bullets_seen:
            # Case text printed straight after the bullets, without its own heading.
            return points, rows[index:]
        else:
            points.append(text)
        after_blank = False
    return points, []


def parse_bilag(rows: list[Row]) -> tuple[list[Attachment], list[Row]]:
    """Bilag entries (wrapped titles joined, link URIs kept) and the rows that are none."""
    attachments: list[Attachment] = []
    leftover: list[Row] = []
    last: Attachment | None = None
    for row in rows:
        if not row.text:
            last = None
            continue
        links = [url for url in row.links if is_web_url(url)]
        if URL_RE.match(row.text):
            # A link target printed under its bilag line (its annotation, else its text).
            printed = [row.text] if is_web_url(row.text) else []
            if last is not None and not last.url and (links or printed):
                last.url = (links or printed)[0]
            continue
        attachment = (
            parse_bilag_line(row.text) or _loose_bilag(row.text)
            or _listed_bilag(row.text, len(attachments) + 1)
        )
        if attachment:
            attachment.url = links[0] if links else None
            attachments.append(attachment)
            last = attachment
        elif last is not None and not (row.text[0].isupper() and _ends_sentence(row.text)):
            last.title = join_lines(last.title, row.text)  # a title wrapped onto this line
            last.url = last.url or (links[0] if links else None)
        else:
            leftover.append(row)
    return attachments, leftover


def _loose_bilag(text: str) -> Attachment | None:
    match = LOOSE_BILAG_RE.match(" ".join(text.split()))
    return Attachment(f"Bilag {match['id']}", match["title"]) if match else None


def _listed_bilag(text: str, position: int) -> Attachment | None:
    """A list entry under the Bilag heading: "1. Titel", "- Titel", "- Bilag 2: Titel"."""
    match = LISTED_BILAG_RE.match(" ".join(text.split()))
    if not match or NO_BILAG_RE.match(match["title"]):
        return None
    title = match["title"].strip()
    labelled = parse_bilag_line(title) or _loose_bilag(title)
    if labelled:
        return labelled
    return Attachment(f"Bilag {match['id'] or position}", title)


def split_parts(rows: list[Row]) -> ItemParts:
    """Split an item's body rows into its parts."""
    result = ItemParts()
    intro: list[Row] = []
    parts: dict[str, list[Row]] = {}
    order: list[str] = []
    current: list[Row] = intro
    index = 0
    while index < len(rows):
        row = rows[index]
        index += 1
        text = row.text
        if not text:
            current.append(row)
            continue
        if current is intro and not order and not result.presenters and is_ved_line(text) \
                and not any(r.text for r in intro):
            ved = [text]
            while index < len(rows) and rows[index].text and not part_heading(rows[index].text):
                following = rows[index].text
                if _ends_sentence(following) and len(
                    parse_presenters(" ".join([*ved, following]))
                ) <= len(parse_presenters(" ".join(ved))):
                    break  # the item's text starts right under the Ved line
                ved.append(following)
                index += 1
            result.presenters = parse_presenters(" ".join(ved))
            continue
        if current is not parts.get("bilag") and len(text) <= 250 and parse_bilag_line(text):
            # "Bilag 1: Notat …" standing in the text without a Bilag heading above it.
            current = parts.setdefault("bilag", [])
            if "bilag" not in order:
                order.append("bilag")
            current.append(row)
            continue
        if INDSTILLES_RE.match(text) and "indstilling" not in parts:
            current = parts["indstilling"] = [row]
            order.append("indstilling")
            continue
        heading = part_heading(text)
        if heading and heading[0] not in parts:
            key, rest = heading
            current = parts[key] = []
            order.append(key)
            if rest:
                current.append(Row(rest, row.page, None, row.links))
            continue
        if row.heading is not None and not heading:
            key = _hinted_part(text, order, parts)
            if key is not None:
                current = parts.setdefault(key, [])
                if key not in order:
                    order.append(key)
                if key == "sagsfremstilling":
                    current.append(row)
                continue
        current.append(row)
    _fill(result, intro, parts, order)
    return result


def _hinted_part(text: str, order: list[str], parts: dict[str, list[Row]]) -> str | None:
    """Where a styled sub-heading (Markdown '###', bold PDF line) leads, or None to keep it as text.

    Inside the Sagsfremstilling it is a sub-heading of the case text. After the Referat, with no
    Sagsfremstilling yet, it opens the untitled case text, unless it is a label ending in a
    colon ("Takstaftalen:") that introduces the next lines of the Referat. Before any part it
    names a part.
    """
    current = order[-1] if order else None
    if current in ("sagsfremstilling", "bilag"):
        return None
    if current == "referat" and "sagsfremstilling" not in parts:
        return None if text.rstrip().endswith(":") else "sagsfremstilling"
    if current is None or current not in MAIN_PARTS:
        name = text.strip().rstrip(":.").strip()
        return name if name and name not in parts else None
    return None


def _fill(result: ItemParts, intro: list[Row], parts: dict[str, list[Row]], order: list[str]):
    if not order and any(row.text for row in intro):
        # An item with no sub-headings at all ("Eventuelt") records its referat directly.
        parts["referat"] = intro
        order.append("referat")
    if "indstilling" in parts:
        result.indstilling, spill = parse_indstilling(parts["indstilling"])
        if spill:
            parts.setdefault("sagsfremstilling", [])
            parts["sagsfremstilling"] = spill + parts["sagsfremstilling"]
    if "bilag" in parts:
        result.attachments, leftover = parse_bilag(parts["bilag"])
        if leftover:
            position = order.index("bilag")
            # Text beside a bilag list belongs to the part before it; in an item with no other
            # part it is the item's referat, as for an item with no headings at all.
            alone = order == ["bilag"] and not any(row.text for row in intro)
            before = order[position - 1] if position > 0 else (
                "referat" if alone else "sagsfremstilling"
            )
            target = "sagsfremstilling" if before in ("bilag", "indstilling") else before
            parts.setdefault(target, []).extend(leftover)
    result.referat = build_text(parts.get("referat", []))
    result.sagsfremstilling = build_text(parts.get("sagsfremstilling", []))
    for key in order:
        if key not in MAIN_PARTS:
            result.other_parts[key] = build_text(parts[key])
