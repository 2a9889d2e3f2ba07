"""The structured meeting a variant is rendered from: one source for the document and its facts."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, time


@dataclass(frozen=True)
class Body:
    """The committee: `name` as on the cover (and in the expected tree), `short` as in sentences."""

    name: str  # "DASSOS' Forretningsudvalg", "Styregruppen for Rammeaftalen"
    short: str  # "Forretningsudvalget": "At Forretningsudvalget:", "Forretningsudvalget godkendte"


DASSOS = Body("DASSOS", "DASSOS")


@dataclass
class Person:
    name: str
    organisation: str | None
    role: str | None = None  # "formand", "referent"
    status: str = "present"  # present | absent
    note: str | None = None  # "supl. for Ann-Britt", "deltog under pkt. 2.1"
    guest: bool = False  # listed under "Gæster" (present)


@dataclass
class Para:
    """A paragraph, or one bullet of a list."""

    text: str
    bullet: bool = False


@dataclass
class Bilag:
    label: str  # what follows "Bilag ": "3", "2a", "A"
    title: str
    url: str = ""  # filled in by `with_urls`

    @property
    def full_label(self) -> str:
        return f"Bilag {self.label}"


@dataclass
class Item:
    number: str  # the normalised number: "1.1", "4", "3", "A", "IV"
    section: str  # the section heading's name; the item's own title when it is its own section
    title: str
    section_number: str | None = None  # "1" for 1.1; None for items without numbered sections
    standalone: bool = False  # a top-level heading with no sub-items: an item by itself
    presenters: list[str] = field(default_factory=list)
    presenter_note: str | None = None  # ", tilsynschef i Socialtilsyn Midt" after one presenter
    indstilling: list[str] = field(default_factory=list)  # the points, lead-in not included
    sagsfremstilling: list[Para] = field(default_factory=list)
    referat: list[Para] = field(default_factory=list)
    outcome: str = "none"
    bilag: list[Bilag] = field(default_factory=list)
    other_parts: list[tuple[str, list[Para]]] = field(default_factory=list)  # ("Efterskrift", …)


@dataclass
class Meeting:
    key: str  # short name used in variant names: "s002", "fu25"
    origin: str  # "seed 002_1f7c…" or "new"
    body: Body
    date: date
    start: time | None = None
    end: time | None = None
    location: list[str] = field(default_factory=list)  # building, street, postcode and town
    room: str | None = None
    participants: list[Person] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    @property
    def sections(self) -> bool:
        return any(item.section_number is not None for item in self.items)


def slugify(text: str) -> str:
    text = text.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def bilag_url(meeting_key: str, bilag: Bilag) -> str:
    """A plausible, stable link for a bilag; its slug names the label and the title."""
    folder = hashlib.sha1(f"{meeting_key}|{bilag.label}|{bilag.title}".encode()).hexdigest()[:8]
    slug = f"bilag-{slugify(bilag.label)}-{slugify(bilag.title)}"[:90].rstrip("-")
    return f"https://sekretariatmidtjylland.viborg.dk/media/{folder}/{slug}.pdf"


def with_urls(meeting: Meeting) -> Meeting:
    """Every bilag gets the link its label and title give (after any relabelling)."""
    items = [
        replace(item, bilag=[replace(b, url=bilag_url(meeting.key, b)) for b in item.bilag])
        for item in meeting.items
    ]
    return replace(meeting, items=items)
