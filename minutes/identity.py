"""One Person and one Organisation per real one: resolve spellings, OCR variants and aliases.

The OCR of scanned referater damages Danish letters (ø→g/a/o, å→a, æ→ee), so "Brian Hgyer
Lorentsen", "Brian Hayer Lorentsen" and "Brian Høyer Lorentsen" must land on one Person. Every
spelling seen is kept as an alias, so a merge made by an admin holds on the next ingest.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from django.db import transaction

from minutes.models import (
    Organisation,
    OrganisationAlias,
    Participant,
    Person,
    PersonAlias,
)
from minutes.models.base import unique_slug
from minutes.models.people import AliasSource

_SPACE = re.compile(r"\s+")
_AE = "\x01"  # stands for the "a" of an æ written out as "ae", so OCR's "ee" can pair with it
# A Danish letter on one side may be any of these on the other (what the OCR made of it).
_STRONG = {"ø": set("oögaå@06"), "å": set("aäo"), _AE: set("ae")}
# Both sides damaged differently ("Hgyer" / "Hayer"): allowed once per name, never word-initial.
_WEAK = set("goa@06")
_DANISH = set("æøåÆØÅ")


def name_key(name: str) -> str:
    """The lookup key of a spelling: case-folded, single-spaced, without stray punctuation."""
    name = _SPACE.sub(" ", name).strip(" .,;:-–\t")
    return name.casefold()


def organisation_key(name: str) -> str:
    """Like name_key, ignoring the definite form and a trailing "i Midtjylland"."""
    key = name_key(name)
    key = re.sub(r"\s+i midtjylland$", "", key)
    return re.sub(r"sekretariatet\b", "sekretariat", key)


def has_danish_letters(text: str) -> bool:
    return any(c in _DANISH for c in text)


def is_ocr_variant(a: str, b: str) -> bool:
    """True when `a` and `b` differ only where OCR damages Danish letters."""
    x = name_key(a).replace("æ", _AE + "e")
    y = name_key(b).replace("æ", _AE + "e")
    if x == y or len(x) != len(y) or len(x) < 8:
        return False
    weak = 0
    for i, (p, q) in enumerate(zip(x, y, strict=True)):
        if p == q:
            continue
        if q in _STRONG.get(p, ()) or p in _STRONG.get(q, ()):
            continue
        word_start = i == 0 or x[i - 1] == " "
        if p in _WEAK and q in _WEAK and not word_start:
            weak += 1
            continue
        return False
    return weak <= 1


def is_similar_spelling(a: str, b: str) -> bool:
    """A near-identical spelling with the same first name ("Wetcbe" / "Wetche")."""
    x, y = name_key(a), name_key(b)
    if x.split()[:1] != y.split()[:1] or len(x.split()) != len(y.split()):
        return False
    return SequenceMatcher(None, x, y).ratio() >= 0.9


def organisation_kind(name: str) -> str:
    key = name_key(name)
    if "kommune" in key:
        return Organisation.Kind.MUNICIPALITY
    if key.startswith("region"):
        return Organisation.Kind.REGION
    if "sekretariat" in key:
        return Organisation.Kind.SECRETARIAT
    return Organisation.Kind.OTHER


class Resolver:
    """Resolves names to Person/Organisation rows during one load; caches the aliases it read."""

    def __init__(self) -> None:
        self._person_aliases: list[tuple[str, int]] | None = None
        self._org_aliases: list[tuple[str, int]] | None = None

    def person(
        self, name: str, organisation: Organisation | None = None, *, create: bool = True
    ) -> Person | None:
        """The Person for a spelling; new (or None, create=False) when nothing known fits."""
        name = _SPACE.sub(" ", name).strip()
        key = name_key(name)
        alias = PersonAlias.objects.select_related("person").filter(key=key).first()
        if alias:
            return self._prefer_danish(alias.person, name)
        aliases = self._load_person_aliases()
        person_id = next((pid for n, pid in aliases if is_ocr_variant(name, n)), None)
        source = AliasSource.OCR
        if person_id is None and organisation is not None:
            # A near-identical spelling is trusted only for someone of the same organisation, or
            # someone so far known only as a presenter (no organisation to contradict it).
            elsewhere = set(
                Participant.objects.exclude(organisation=organisation).values_list(
                    "person_id", flat=True
                )
            )
            person_id = next(
                (
                    pid
                    for n, pid in aliases
                    if pid not in elsewhere and is_similar_spelling(name, n)
                ),
                None,
            )
            source = AliasSource.SIMILAR
        if person_id is None and not create:
            return None
        if person_id is None:
            person = Person.objects.create(name=name, slug=unique_slug(Person, name))
            source = AliasSource.PARSED
        else:
            person = Person.objects.get(pk=person_id)
        PersonAlias.objects.create(person=person, name=name, key=key, source=source)
        aliases.append((name, person.pk))
        return self._prefer_danish(person, name)

    def organisation(self, name: str | None) -> Organisation | None:
        """The Organisation for a spelling, created when new; None for an empty name."""
        name = _SPACE.sub(" ", name or "").strip(" ,")
        if not name:
            return None
        key = organisation_key(name)
        alias = OrganisationAlias.objects.select_related("organisation").filter(key=key).first()
        if alias:
            return alias.organisation
        aliases = self._load_org_aliases()
        org_id = next((oid for n, oid in aliases if is_ocr_variant(key, n)), None)
        if org_id is None:
            org = Organisation.objects.create(
                name=name, slug=unique_slug(Organisation, name), kind=organisation_kind(name)
            )
            source = AliasSource.PARSED
        else:
            org = Organisation.objects.get(pk=org_id)
            source = AliasSource.OCR
        OrganisationAlias.objects.create(organisation=org, name=name, key=key, source=source)
        aliases.append((key, org.pk))
        return org

    def _prefer_danish(self, person: Person, name: str) -> Person:
        # The first spelling seen may be OCR-damaged; a later clean one becomes the display name.
        if (
            not person.name_locked
            and has_danish_letters(name)
            and not has_danish_letters(person.name)
            and is_ocr_variant(name, person.name)
        ):
            person.name = name
            person.slug = unique_slug(Person, name, exclude_pk=person.pk)
            person.save(update_fields=["name", "slug"])
        return person

    def _load_person_aliases(self) -> list[tuple[str, int]]:
        if self._person_aliases is None:
            self._person_aliases = list(PersonAlias.objects.values_list("name", "person_id"))
        return self._person_aliases

    def _load_org_aliases(self) -> list[tuple[str, int]]:
        if self._org_aliases is None:
            rows = OrganisationAlias.objects.values_list("key", "organisation_id")
            self._org_aliases = list(rows)
        return self._org_aliases


@transaction.atomic
def merge_persons(keep: Person, other: Person) -> Person:
    """Fold `other` into `keep`: attendance, presented items and spellings move; `other` goes."""
    if keep.pk == other.pk:
        return keep
    for participation in other.participations.all():
        if Participant.objects.filter(meeting=participation.meeting, person=keep).exists():
            participation.delete()
        else:
            participation.person = keep
            participation.save(update_fields=["person"])
    for item in other.presented_items.all():
        item.presenters.add(keep)
    other.aliases.update(person=keep, source=AliasSource.MERGE)
    key = name_key(other.name)
    if not PersonAlias.objects.filter(key=key).exists():
        PersonAlias.objects.create(person=keep, name=other.name, key=key, source=AliasSource.MERGE)
    other.delete()
    return keep


@transaction.atomic
def merge_organisations(keep: Organisation, other: Organisation) -> Organisation:
    """Fold `other` into `keep`: participations and spellings move; `other` goes."""
    if keep.pk == other.pk:
        return keep
    other.participations.update(organisation=keep)
    other.aliases.update(organisation=keep, source=AliasSource.MERGE)
    key = organisation_key(other.name)
    if not OrganisationAlias.objects.filter(key=key).exists():
        OrganisationAlias.objects.create(
            organisation=keep, name=other.name, key=key, source=AliasSource.MERGE
        )
    other.delete()
    return keep
