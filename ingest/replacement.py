"""A replacement's reading compared with the meeting the archive holds: what would change."""
from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

MEETING_FIELDS = {
    "body": _("Udvalg"),
    "date": _("Dato"),
    "start_time": _("Starttidspunkt"),
    "end_time": _("Sluttidspunkt"),
    "location": _("Sted"),
    "room": _("Lokale"),
}
ITEM_FIELDS = {
    "title": _("Titel"),
    "section": _("Afsnit"),
    "presenters": _("Ved"),
    "indstilling": _("Indstilling"),
    "referat": _("Referat"),
    "sagsfremstilling": _("Sagsfremstilling"),
    "outcome": _("Udfald"),
    "attachments": _("Bilag"),
}
PARTICIPANT_FIELDS = {
    "status": _("Status"),
    "organisation": _("Organisation"),
    "role": _("Rolle"),
}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Changed:
    """An item or participant found in both versions, with the fields that differ."""

    key: str
    name: str
    changes: list[Change]


@dataclass
class Comparison:
    meeting: list[Change] = field(default_factory=list)
    items_added: list[tuple[str, str]] = field(default_factory=list)
    items_removed: list[tuple[str, str]] = field(default_factory=list)
    items_changed: list[Changed] = field(default_factory=list)
    participants_added: list[str] = field(default_factory=list)
    participants_removed: list[str] = field(default_factory=list)
    participants_changed: list[Changed] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(vars(self).values())


def _text(value) -> str:
    """A contract value as the page shows it: lists one per line, attachments by label."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(
            f"{v.get('label', '')}: {v.get('title', '')}" if isinstance(v, dict) else str(v)
            for v in value
        )
    return str(value).strip()


# Contract names whose row field has another name (what `locked_fields` lists).
ROW_NAMES = {"presenters": "presenters_text"}


def _changes(old: dict, new: dict, labels: dict, kept: set[str] = frozenset()) -> list[Change]:
    return [
        Change(str(label), _text(old.get(name)), _text(new.get(name)))
        for name, label in labels.items()
        if ROW_NAMES.get(name, name) not in kept and _text(old.get(name)) != _text(new.get(name))
    ]


def compare(current: dict, replacement: dict, kept: dict | None = None) -> Comparison:
    """What loading `replacement` (a contract dict) would change in `current` (the meeting as
    the archive holds it, corrections included): meeting fields, items and participants.

    `kept` names the hand-corrected fields a load leaves alone ("meeting": names, "items":
    number → names); they are no change.
    """
    kept = kept or {}
    result = Comparison(meeting=_changes(
        current["meeting"], replacement["meeting"], MEETING_FIELDS, kept.get("meeting", set())
    ))
    old_items = {i["number"]: i for i in current.get("items", [])}
    new_items = {i["number"]: i for i in replacement.get("items", [])}
    locked_items = kept.get("items", {})
    for number, item in new_items.items():
        if number not in old_items:
            result.items_added.append((number, item["title"]))
        elif changes := _changes(
            old_items[number], item, ITEM_FIELDS, locked_items.get(number, set())
        ):
            result.items_changed.append(Changed(number, item["title"], changes))
    result.items_removed = [(n, i["title"]) for n, i in old_items.items() if n not in new_items]

    def key(p: dict) -> str:
        return " ".join(p["name"].split()).casefold()

    old_people = {key(p): p for p in current.get("participants", [])}
    new_people = {key(p): p for p in replacement.get("participants", [])}
    for name, person in new_people.items():
        if name not in old_people:
            result.participants_added.append(person["name"])
        elif changes := _changes(old_people[name], person, PARTICIPANT_FIELDS):
            result.participants_changed.append(Changed(name, person["name"], changes))
    result.participants_removed = [
        p["name"] for n, p in old_people.items() if n not in new_people
    ]
    return result
