"""The same case at other meetings, from evidence rather than likeness.

Pure functions over the catalogue's small value objects (no queries). Two items are suggested
as one case only when they share a *named* thing — a care home or botilbud, a scheme
("Ungementorordningen"), a Rammeaftale period, a pulje's year — or when their titles agree on
nearly every significant word. Shared broad words (rammeaftale, takster, kapacitet, status …)
are no evidence, and generic items (Eventuelt, Godkendelse af dagsorden, Mødeplan …) are never
cases. Each suggestion carries its evidence in a few words and a confidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutes.crossref import Catalogue, CatalogueItem, place_names, rammeaftale_period

# Items that recur at every meeting and are no case of their own.
GENERIC_RE = re.compile(
    r"^(?:eventuelt|godkendelse af (?:dagsorden|referat)\w*|punkter til (?:næste|kommende) møde"
    r"|meddelelser|orientering(?:er)? fra (?:formanden|sekretariatet)|møder? \d{4}|mødeplan\b"
    r"|skriftlig orientering|evt\.?)",
    re.IGNORECASE,
)
# A scheme, analysis or project named by one long compound: "Ungementorordningen" (a pulje is
# one case only with its year: POOL_YEAR_RE).
SCHEME_RE = re.compile(
    r"\b([A-ZÆØÅa-zæøå]{4,}(?:ordning|analysen|analyse|projektet|strategien"
    r"|modellen|indsatsen|aftalen))(?:en|et)?\b"
)
POOL_YEAR_RE = re.compile(r"\b(lånepulje\w*|pulje\w*)\s+(20\d\d(?:/\d\d)?)", re.IGNORECASE)
# Words too broad to tell one case from another.
BROAD = frozenset(
    "rammeaftale rammeaftalen takster taksterne kapacitet status orientering drøftelse "
    "godkendelse dassos møde mødet arbejdet arbejde opfølgning forbindelse kommende samt "
    "region regionen kommune kommuner dialog dialogmøde koordinering udviklingsområder "
    "udvikling fælles fælleskommunal nye nyt ny plan planlægning".split()
)
_WORD = re.compile(r"[\wæøåÆØÅ]{4,}")
# A named forum as the item's subject: "Ankestyrelsens Dialogforum", "KLs Koordinationsforum"
# (not after a dash, where a forum is only the sender of a question).
FORUM_RE = re.compile(r"\b([A-ZÆØÅ][\wæøå’']*)\s+([\wæøå]*forum)\b", re.IGNORECASE)
# A recurring meeting with an authority: "dialogmøde med Socialtilsynet".
MEETING_KIND_RE = re.compile(r"\b(dialogmøde|temadag|årsmøde|konference)", re.IGNORECASE)
AUTHORITY_RE = re.compile(r"\b([A-ZÆØÅ][a-zæøå]{5,}(?:et|en|s))\b")
YEAR_RE = re.compile(r"\b20\d\d\b")
STRONG = 0.8  # what the item page shows as "Muligvis samme sag"


@dataclass(frozen=True)
class Feature:
    """A named thing a title is about, as one case's key: items sharing a key are one case."""

    key: str  # "sted:Kollegiet", "møderække:dialogmøde socialtilsyn|"
    name: str  # the case's name: "Kollegiet", "Rammeaftale 2023-24"
    evidence: str  # as `evidence` words it: "samme sted: Kollegiet"
    confidence: float


@dataclass(frozen=True)
class Suggestion:
    item: CatalogueItem
    evidence: str  # a few words a director reads: "samme botilbud: Kollegiet"
    confidence: float


def is_generic(title: str) -> bool:
    return bool(GENERIC_RE.match(title.strip()))


def schemes(title: str) -> set[str]:
    """Named schemes in a title, lower-cased: {"ungementorordning"}."""
    return {
        m.group(1).lower() for m in SCHEME_RE.finditer(title)
        if m.group(1).lower() not in ("rammeaftale", "styringsaftale", "takstaftale")
    }


def pools(title: str) -> set[str]:
    return {f"{m.group(1).lower()[:8]} {m.group(2)}" for m in POOL_YEAR_RE.finditer(title)}


def _main_part(title: str) -> str:
    return re.split(r"\s[–—-]\s", title, maxsplit=1)[0]


def forums(title: str) -> set[str]:
    """Forums that are the item's subject, as "owner forum": {"kl koordinationsforum"}."""
    found = set()
    for owner, forum in FORUM_RE.findall(_main_part(title)):
        owner = re.sub(r"(?:’s|'s|s)$", "", owner.lower())
        if owner not in ("fra", "om", "i", "med", "til"):
            found.add(f"{owner} {forum.lower()}")
    return found


def recurring_meetings(title: str) -> set[str]:
    """A recurring meeting with a named authority: {"dialogmøde socialtilsyn"}."""
    kinds = {kind.lower() for kind in MEETING_KIND_RE.findall(title)}
    authorities = {
        name.lower()[:12] for name in AUTHORITY_RE.findall(title)
        if name.lower() not in BROAD and not MEETING_KIND_RE.match(name)
    }
    return {f"{kind} {who}" for kind in kinds for who in authorities}


def _words(title: str) -> set[str]:
    return {w.lower()[:7] for w in _WORD.findall(title) if w.lower() not in BROAD}


def evidence(a: str, b: str) -> tuple[str, float] | None:
    """Why two titles are one case, and how sure; None when they share nothing named."""
    shared_places = place_names(a) & place_names(b)
    if shared_places:
        return f"samme sted: {', '.join(sorted(shared_places))}", 0.95
    shared_schemes = schemes(a) & schemes(b)
    if shared_schemes:
        return f"samme ordning: {', '.join(sorted(shared_schemes))}", 0.9
    shared_pools = pools(a) & pools(b)
    if shared_pools:
        return f"samme pulje: {', '.join(sorted(shared_pools))}", 0.9
    period = rammeaftale_period(a)
    if period and period == rammeaftale_period(b):
        return f"samme rammeaftale: {period}", 0.85
    shared_forums = forums(a) & forums(b)
    if shared_forums:
        return f"samme forum: {', '.join(sorted(shared_forums))}", 0.85
    shared_meetings = recurring_meetings(a) & recurring_meetings(b)
    if shared_meetings and not (set(YEAR_RE.findall(a)) ^ set(YEAR_RE.findall(b))):
        return f"samme møderække: {', '.join(sorted(shared_meetings))}", 0.8
    wa, wb = _words(a), _words(b)
    if len(wa) >= 3 and len(wb) >= 3 and len(wa & wb) / min(len(wa), len(wb)) >= 0.75:
        return "næsten samme titel", 0.6
    return None


def suggestions(
    item: CatalogueItem, catalogue: Catalogue, *, minimum: float = STRONG
) -> list[Suggestion]:
    """Items at other meetings that are the same case as `item`, oldest first."""
    if is_generic(item.title):
        return []
    found = []
    for other in catalogue.items:
        if other.meeting_date == item.meeting_date or is_generic(other.title):
            continue
        why = evidence(item.title, other.title)
        if why and why[1] >= minimum:
            found.append(Suggestion(other, why[0], why[1]))
    return sorted(found, key=lambda s: s.item.meeting_date)


def _named(text: str) -> str:
    """A name as a heading: each word starting with a capital ("KLs Koordinationsforum")."""
    return " ".join(word[:1].upper() + word[1:] for word in text.split())


def features(title: str) -> list[Feature]:
    """The named things a title is about, strongest first; none for a generic item.

    Two titles share a feature exactly when `evidence` finds them the same case with at least
    STRONG confidence, so the cases built from features show what the suggestions show.
    """
    if is_generic(title):
        return []
    found = [
        Feature(f"sted:{name}", name, f"samme sted: {name}", 0.95)
        for name in sorted(place_names(title))
    ]
    for m in SCHEME_RE.finditer(title):
        scheme = m.group(1).lower()
        if scheme in schemes(title):
            found.append(Feature(f"ordning:{scheme}", _named(m.group(0)),
                                 f"samme ordning: {scheme}", 0.9))
    for m in POOL_YEAR_RE.finditer(title):
        pool = f"{m.group(1).lower()[:8]} {m.group(2)}"
        found.append(Feature(f"pulje:{pool}", _named(m.group(0)), f"samme pulje: {pool}", 0.9))
    period = rammeaftale_period(title)
    if period:
        found.append(Feature(f"rammeaftale:{period}", f"Rammeaftale {period}",
                             f"samme rammeaftale: {period}", 0.85))
    main = _main_part(title)
    for m in FORUM_RE.finditer(main):
        for forum in forums(m.group(0)):
            found.append(Feature(f"forum:{forum}", _named(m.group(0)),
                                 f"samme forum: {forum}", 0.85))
    years = ",".join(sorted(set(YEAR_RE.findall(title))))
    for series in sorted(recurring_meetings(title)):
        kind, who = series.split(" ", 1)
        authority = next(
            (a for a in AUTHORITY_RE.findall(title) if a.lower().startswith(who)), who
        )
        name = f"{kind.capitalize()} med {authority}" + (f" {years}" if years else "")
        found.append(Feature(f"møderække:{series}|{years}", name,
                             f"samme møderække: {series}", 0.8))
    unique: dict[str, Feature] = {}
    for feature in found:
        unique.setdefault(feature.key, feature)
    return list(unique.values())
