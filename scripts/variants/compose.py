"""A shaped meeting and a template → the document as blocks, before any format is chosen.

The text and PDF renderers draw the same blocks, so a variation worded here reads the same in
every format.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from scripts.variants.model import Item, Meeting, Para
from scripts.variants.shape import people_groups, referent_of
from scripts.variants.template import Template
from scripts.variants.wording import (
    bilag_line,
    cover_date_line,
    indstilling_sentence,
    item_label,
    letter,
    long_date,
    part_heading,
    person_cells,
    presenter_line,
    section_label,
    shows_times,
    time_text,
    title_lines,
)

KNOWN_OTHER_PARTS = ("Efterskrift", "Bemærkninger", "Skriftlig orientering")


@dataclass
class Block:
    """One thing to draw. kind: title, subtitle, dateline, field, people, toc-heading, toc,
    pagebreak, section, item, presenter, part, para, bullet, bilag."""

    kind: str
    text: str = ""
    label: str = ""  # field label, heading number, bullet marker
    values: list[str] = field(default_factory=list)  # field value lines
    rows: list[tuple[str, str]] = field(default_factory=list)  # people: (name, organisation)
    key: str = ""  # heading key, for the table of contents' page numbers
    url: str | None = None  # a bilag's link, when the template shows links


def compose(m: Meeting, t: Template) -> list[Block]:
    blocks = _cover(m, t)
    headings = _headings(m, t)
    if t.toc != "none":
        heading = "Indholdsfortegnelse" if t.title == "referat-fra" else (
            f"Dagsorden til møde i {m.body.name}")
        blocks.append(Block("toc-heading", heading))
        blocks += [Block("toc", b.text, label=b.label, key=b.key) for b in headings
                   if b.kind in ("section", "item")]
        blocks.append(Block("pagebreak"))
    for heading in headings:
        blocks.append(heading)
        if heading.kind == "section" and heading.key.startswith("section:"):
            continue
        blocks += _item_body(_by_number(m, heading.key), m, t)
    return blocks


def _cover(m: Meeting, t: Template) -> list[Block]:
    title, subtitle = title_lines(m, t)
    blocks = [Block("title", title)]
    if subtitle:
        blocks.append(Block("subtitle", subtitle))
    if line := cover_date_line(m, t):
        blocks.append(Block("dateline", line))
    sep = t.label_sep
    if t.date_label and t.cover_date:
        blocks.append(Block("field", label=t.date_label + sep,
                            values=[long_date(m.date, t.date_style)]))
    if shows_times(m, t):
        blocks.append(Block("field", label=t.time_label + sep, values=[time_text(m, t)]))
    if m.location:
        place = [", ".join(m.location)] if t.place_one_line else list(m.location)
        blocks.append(Block("field", label=t.place_label + sep, values=place))
    if m.room:
        blocks.append(Block("field", label=t.room_label + sep, values=[m.room]))
    for label, people in people_groups(m, t):
        rows = [person_cells(p, t) for p in people]
        blocks.append(Block("people", label=label + sep, rows=rows))
    if referent := referent_of(m, t):
        blocks.append(Block("field", label="Referent" + sep,
                            values=[f"{referent.name}, {referent.organisation}"]))
    blocks.append(Block("pagebreak"))
    return blocks


def _headings(m: Meeting, t: Template) -> list[Block]:
    """Section and item headings in order; a section heading's key is "section:<name>"."""
    out: list[Block] = []
    previous: tuple[str, str | None] | None = None
    for item in m.items:
        current = (item.section, item.section_number)
        if item.section and not item.standalone and current != previous:
            out.append(Block("section", item.section, label=section_label(item.section_number, t),
                             key=f"section:{item.section}"))
        previous = current
        kind = "section" if item.standalone else "item"
        out.append(Block(kind, item.title, label=item_label(item, t), key=item.number))
    return out


def _by_number(m: Meeting, number: str) -> Item:
    return next(item for item in m.items if item.number == number)


def _paras(paras: list[Para], t: Template) -> list[Block]:
    out, n = [], 0
    for para in paras:
        if para.bullet:
            n += 1
            marker = f"{letter(n).lower()})" if t.bullet == "a)" else t.bullet
            out.append(Block("bullet", para.text, label=marker))
        else:
            n = 0
            out.append(Block("para", para.text))
    return out


def _indstilling(item: Item, m: Meeting, t: Template) -> list[Block]:
    points = item.indstilling
    if not points:
        return []
    short = m.body.short
    if t.indstilling == "sentence":
        if len(points) == 1:
            return [Block("para", indstilling_sentence(short, points[0]))]
        lead = [Block("para", f"Det indstilles, at {short}:")]
    else:
        lead = [Block("part", part_heading("Indstilling", t)), Block("para", f"At {short}:")]
    return lead + _paras([Para(p, bullet=True) for p in points], t)


def _item_body(item: Item, m: Meeting, t: Template) -> list[Block]:
    out: list[Block] = []
    if item.presenters:
        out.append(Block("presenter", presenter_line(item, t)))
    for part in t.part_order:
        if part == "referat" and item.referat:
            out.append(Block("part", part_heading(t.referat_label, t)))
            out += _paras(item.referat, t)
        elif part == "indstilling":
            out += _indstilling(item, m, t)
        elif part == "sagsfremstilling" and item.sagsfremstilling:
            out.append(Block("part", part_heading(t.sag_label, t)))
            out += _paras(item.sagsfremstilling, t)
        elif part == "bilag" and item.bilag:
            if t.bilag_heading:
                out.append(Block("part", part_heading("Bilag", t)))
            out += [
                Block("bilag", bilag_line(b.label, b.title, t), url=b.url if t.bilag_urls else None)
                for b in item.bilag
            ]
    for heading, paras in item.other_parts:
        # a heading of its own wording ("Dialogforum – Ankestyrelsen og KL:") keeps the colon
        # that marks it in plain text; its case is never changed
        known = heading in KNOWN_OTHER_PARTS
        label = f"{heading}:" if t.part_colon or not known else heading
        out.append(Block("part", label))
        out += _paras(paras, t)
    return out
