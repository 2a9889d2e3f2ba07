"""Small constructors that keep the hand-written meetings readable."""
from __future__ import annotations

from collections.abc import Iterable

from scripts.variants.model import Bilag, Item, Para, Person


def paras(*texts: str) -> list[Para]:
    """Paragraphs; a text starting with "• " is one bullet of a list."""
    return [Para(t.removeprefix("• "), bullet=t.startswith("• ")) for t in texts]


def person(text: str, organisation: str, status: str = "present", **extra) -> Person:
    return Person(text, organisation, status=status, **extra)


def item(
    number: str,
    title: str,
    *,
    section: str = "",
    ved: Iterable[str] = (),
    note: str | None = None,
    ind: Iterable[str] = (),
    sag: Iterable[str] = (),
    ref: Iterable[str] = (),
    outcome: str = "none",
    bilag: Iterable[tuple[str, str]] = (),
    other: Iterable[tuple[str, Iterable[str]]] = (),
) -> Item:
    """One agenda item. `section` empty: a meeting without sections; equal to the title: a
    top-level heading that is its own item."""
    standalone = bool(section) and section == title
    section_number = number.split(".")[0] if section else None
    return Item(
        number=number,
        section=section,
        title=title,
        section_number=section_number,
        standalone=standalone,
        presenters=list(ved),
        presenter_note=note,
        indstilling=list(ind),
        sagsfremstilling=paras(*sag),
        referat=paras(*ref),
        outcome=outcome,
        bilag=[Bilag(label, title) for label, title in bilag],
        other_parts=[(heading, paras(*texts)) for heading, texts in other],
    )
