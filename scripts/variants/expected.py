"""The expected parse of a rendered variant, read from its shaped source (never from a parser).

Same shape as tests/expectations/*.json plus `doctype` and a `variant` record. Judgement calls:

- Item numbers are normalised to what identifies the item, decoration dropped: "1.1." → "1.1",
  "Punkt 3:" → "3", "Ad 2." → "2", "4)" → "4", "§ 5" → "5", "A." → "A", "IV." → "IV" (letters
  and roman numerals are kept as letters, not converted to digits). "Punkt 1.2" → "1.2".
- Sections: an item under a section heading has that heading's name (without its number, "1." or
  "II."). A top-level heading with no sub-items is an item by itself, numbered like a section
  ("4") and its own section (section = title), as in seed 003. Without section headings (the flat
  schemes) section is "". With unnumbered or roman section headings and items numbered 1..n
  across them, a standalone heading becomes an ordinary item of the section before it.
- location is the place's lines (building, street, postcode and town) joined with ", "; a
  virtual meeting's location is what the cover says ("Microsoft Teams", "Virtuelt møde") and it
  has no room.
- date: the meeting's date when the cover or a running header prints it, else null;
  `date_evidence` quotes the running header when the cover has no date. Times are null when the
  cover gives none; item time slots ("(kl. 10.00-10.20)") are part of the printed title and
  never the meeting's time.
- Titles are kept as printed, including a leading quote, "<…>" or dash and a time slot.
- Participants: every person on the cover in the order printed (Deltagere, Afbud, Gæster, then a
  "Referent:" line). Guests and the referent are present. "(formand)" and "(referent)" are
  roles, other parentheses notes, whether they stand before or after the organisation.
- indstilling_count counts points; the lead-in ("At DASSOS:", "Det indstilles, at
  Forretningsudvalget:") is not a point; a single "Det indstilles, at …" sentence is one point.
- referat_starts / sagsfremstilling_starts are the first words (at most 12) of the part's first
  paragraph or bullet. A dagsorden has no referat: referat_starts "", outcome "none", no other
  parts (an Efterskrift is written after the meeting).
- A bilag listed as bullets under the Bilag heading is labelled by its place in the item's
  list ("Bilag 1", "Bilag 2"); a numbered one by its number.
- A bilag's url is expected only where the document carries it: a link printed in text, a
  Markdown link or a PDF link annotation; otherwise null.
"""
from __future__ import annotations

from scripts.variants.model import Item, Meeting, Para
from scripts.variants.shape import people_groups, referent_of
from scripts.variants.template import Template
from scripts.variants.wording import header_date, shows_times

OPENING_WORDS = 12


def opening(paras: list[Para]) -> str:
    if not paras:
        return ""
    return " ".join(paras[0].text.split()[:OPENING_WORDS])


def has_running_header(t: Template, fmt: str) -> bool:
    """Whether the rendered file repeats "<body>  Referat d.m.yy" on its pages."""
    return t.running_header and (fmt == "pdf" or (fmt == "txt" and t.wrap))


def expected_tree(m: Meeting, t: Template, fmt: str, filename: str) -> dict:
    """The facts a perfect parser reads from the variant file (m is the shaped meeting)."""
    header = has_running_header(t, fmt)
    date_shown = t.cover_date or header
    times = shows_times(m, t)
    evidence = None
    if not t.cover_date and header:
        evidence = f"running header '{m.body.name} {t.doc_word} {header_date(m.date)}'"
    urls_shown = t.bilag_urls
    return {
        "file": filename,
        "doctype": t.doctype,
        "meeting": {
            "body": m.body.name,
            "date": m.date.isoformat() if date_shown else None,
            "start_time": m.start.strftime("%H:%M") if times else None,
            "end_time": m.end.strftime("%H:%M") if times else None,
            "location": ", ".join(m.location) or None,
            "room": m.room,
        },
        "date_evidence": evidence,
        "participants": _participants(m, t),
        "items": [_item(item, urls_shown, t.bilag_list == "bullets") for item in m.items],
    }


def _participants(m: Meeting, t: Template) -> list[dict]:
    people = [p for _, group in people_groups(m, t) for p in group]
    if referent := referent_of(m, t):
        people.append(referent)
    return [
        {
            "name": p.name,
            "organisation": p.organisation,
            "role": p.role,
            "status": p.status,
            "note": p.note,
        }
        for p in people
    ]


def _item(item: Item, urls_shown: bool, bilag_by_place: bool) -> dict:
    return {
        "number": item.number,
        "section": item.section,
        "title": item.title,
        "presenters": list(item.presenters),
        "indstilling_count": len(item.indstilling),
        "referat_starts": opening(item.referat),
        "sagsfremstilling_starts": opening(item.sagsfremstilling),
        "other_parts": [heading for heading, _ in item.other_parts],
        "outcome": item.outcome,
        "attachments": [
            {"label": f"Bilag {place}" if bilag_by_place else b.full_label,
             "title": b.title, "url": b.url if urls_shown else None}
            for place, b in enumerate(item.bilag, start=1)
        ],
    }
