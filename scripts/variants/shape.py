"""Apply a template's structural choices to a meeting: the result is what the document says.

Both the renderers and the expected tree read the shaped meeting, so a renumbered item, a dropped
part or a relabelled bilag is the same fact in the file and in its expectation.
"""
from __future__ import annotations

import copy
import re
from datetime import time

from scripts.variants.model import Body, Item, Meeting, Para, Person, with_urls
from scripts.variants.template import FLAT, SEQUENTIAL, Template
from scripts.variants.wording import letter, roman, slot

SLOT_MINUTES = 20


def shape(meeting: Meeting, t: Template) -> Meeting:
    m = copy.deepcopy(meeting)
    if t.body is not None:
        _rebody(m, t.body)
    if t.location is not None:
        m.location, m.room = list(t.location), None
    if t.odd_titles:
        _odd_titles(m.items)
    if t.item_slots:
        _slots(m)
    if t.numbering in FLAT or t.numbering in SEQUENTIAL:
        _renumber(m.items, t)
    if t.drop_parts:
        _drop_parts(m.items)
    if t.doctype == "dagsorden":
        for item in m.items:
            item.referat, item.outcome, item.other_parts = [], "none", []
    if t.bilag_letters:
        labels = (letter(n) for n in range(1, 1000))
        for item in m.items:
            for bilag in item.bilag:
                bilag.label = next(labels)
    return with_urls(m)


def people_groups(m: Meeting, t: Template) -> list[tuple[str, list[Person]]]:
    """The cover's participant lists in order: (label, people). The referent's own line last."""
    referent = referent_of(m, t)
    present = [p for p in m.participants if p.status == "present" and not p.guest]
    groups = [
        (t.present_label, [p for p in present if p is not referent]),
        (t.absent_label, [p for p in m.participants if p.status == "absent"]),
        (t.guests_label, [p for p in m.participants if p.guest]),
    ]
    return [(label, people) for label, people in groups if people]


def referent_of(m: Meeting, t: Template) -> Person | None:
    """The person the template names on a "Referent:" line of their own, if any."""
    if not t.referent_line:
        return None
    return next((p for p in m.participants if p.role == "referent"), None)


def _rebody(m: Meeting, body: Body) -> None:
    old = re.compile(rf"\b{re.escape(m.body.short)}\b")

    def sub(text: str) -> str:
        return old.sub(body.short, text)

    def paras(items: list[Para]) -> list[Para]:
        return [Para(sub(p.text), p.bullet) for p in items]

    m.body = body
    for item in m.items:
        item.title, item.section = sub(item.title), sub(item.section)
        item.indstilling = [sub(p) for p in item.indstilling]
        item.referat, item.sagsfremstilling = paras(item.referat), paras(item.sagsfremstilling)
        item.other_parts = [(sub(h), paras(ps)) for h, ps in item.other_parts]
        for bilag in item.bilag:
            bilag.title = sub(bilag.title)
        if item.presenter_note:
            item.presenter_note = sub(item.presenter_note)


def _odd_titles(items: list[Item]) -> None:
    """A quoted title, one in angle brackets, one after a dash (the first three items)."""
    for item, wrap in zip(items, ('"{}"', "<{}>", "– {}"), strict=False):
        new = wrap.format(item.title)
        if item.standalone:
            item.section = new
        item.title = new


def _slots(m: Meeting) -> None:
    minutes = (m.start or time(9, 0)).hour * 60 + (m.start or time(9, 0)).minute
    for item in m.items:
        start = time(minutes // 60 % 24, minutes % 60)
        new = f"{item.title} {slot(start, SLOT_MINUTES)}"
        if item.standalone:
            item.section = new
        item.title = new
        minutes += SLOT_MINUTES


def _renumber(items: list[Item], t: Template) -> None:
    """Items numbered 1..n (A.., I..) in document order; sections dropped (flat schemes) or
    kept by name, a standalone heading joining the section before it (sequential schemes)."""
    section = ""
    for n, item in enumerate(items, start=1):
        if t.numbering == "letter":
            item.number = letter(n)
        elif t.numbering == "roman":
            item.number = roman(n)
        else:
            item.number = str(n)
        if t.numbering in FLAT:
            item.section = ""
        elif item.standalone:
            item.section = section
        section = item.section
        item.section_number, item.standalone = None, False
    if t.numbering == "roman-sections":
        names = list(dict.fromkeys(item.section for item in items if item.section))
        for item in items:
            if item.section:
                item.section_number = roman(names.index(item.section) + 1)


def _drop_parts(items: list[Item]) -> None:
    """Every second item lacks its sagsfremstilling, every third its indstilling."""
    for n, item in enumerate(items):
        if n % 2 == 1:
            item.sagsfremstilling = []
        if n % 3 == 2:
            item.indstilling = []
