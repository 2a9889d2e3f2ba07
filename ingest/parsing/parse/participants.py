"""The participant list of a referat: everyone under Deltagere (present) and Afbud (absent).

Reads 'name<TAB>organisation' lines, runs of spaces, single-space lines ("Jesper Thyrring Møller
(formand) Struer Kommune"), and blocks of names followed by blocks of organisations, which are
paired by position.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from ingest.parsing.contract import Line, Participant
from ingest.parsing.danish_dates import MONTH_NAMES
from ingest.parsing.parse.numbering import PATTERNS, TITLE_START_RE
from ingest.parsing.parse.presenters import VED_RE
from ingest.parsing.vocabulary import (
    ABSENT_LABELS,
    COVER_LABELS,
    PARTICIPANT_COLUMNS,
    PRESENT_LABELS,
    ROLES,
    SCRIBE_LABELS,
    alternation,
    label_key,
)

# Where the agenda (or its table of contents) begins, the cover page and participant list end.
# A dated "Dagsorden ..."/"Referat fra ..." line is a title, not the agenda.
TOC_HEADING_RE = re.compile(
    r"^(?:Dagsorden\b|Referat\s+(?:fra|af)\s|Indholdsfortegnelse\b|Indhold\s*$)(?!.*\d{4})",
    re.IGNORECASE,
)
# A numbered heading or contents entry; "19. juni 2025" on a cover is a date, not a heading.
NUMBERED_RE = re.compile(
    rf"^\d{{1,2}}\.(?:\d{{1,2}}\.?)?(?:\s+(?!(?:{MONTH_NAMES})\b)\S|$)", re.IGNORECASE
)
SECTION_RE = re.compile(
    r"^(?:Beslutningspunkter|Orienteringspunkter|Punkter\s+til\s+kommende\s+møder)\s*$",
    re.IGNORECASE,
)
# A table-of-contents entry ends with its page number: "1.2 Godkendelse af ...\t4".
TOC_ENTRY_RE = re.compile(r"\s\d{1,3}$")
LABEL_RE = re.compile(
    rf"^(?P<label>{alternation(PRESENT_LABELS + ABSENT_LABELS + SCRIBE_LABELS)})"
    r"(?:\s*:\s*(?P<rest>.*)|[ \t]*\t[ \t]*(?P<tabbed>\S.*)|\s*)$",
    re.IGNORECASE,
)
# Cover-page labels that end a participant list if they follow it.
COVER_LABEL_RE = re.compile(
    rf"^(?:{alternation([w for words in COVER_LABELS.values() for w in words])})\s*:", re.I
)
COLUMN_SPLIT_RE = re.compile(r"\t+| {2,}| [–—] ")
LIST_MARKER_RE = re.compile(r"^(?:[•▪◦●·*–-]|\d{1,2}[.)])\s+")
PAREN_RE = re.compile(r"\(([^()]*)\)")
NAME_THEN_REST_RE = re.compile(r"^([^()]*\([^()]*\))\s+([^()\s].*)$")
NAME_TOKEN_RE = re.compile(r"[A-ZÆØÅÉÈÄÖÜ][^\s\d():;,]*")
WORD_RE = re.compile(r"[\w-]+")
UNFINISHED_RE = re.compile(r"(?:\s(?:og|i|for|af)|[-,])$")

NAME_PARTICLES = {"af", "de", "da", "van", "von", "der", "den", "la", "le", "du"}
ORG_WORDS = {"kommune", "region", "regionen", "kkr", "kl", "kd-net", "vive", "viso"}
ORG_STEMS = ("sekretariat", "kommunal", "styrelse", "tilsyn", "ministeri", "forvaltning",
             "universitet", "hospital", "psykiatri", "direktorat", "forening", "bosted",
             "botilbud", "tilbud", "center", "centret", "huset", "netværk", "gruppen", "udvalg",
             "forbund", "fonden", "skole", "institut", "rådet", "selskab", "afdeling", "enhed",
             "organisation", "forum", "kollegi", "regionen", "kontor", "koncern", "ankestyrelse")
MAX_LINE = 300  # longer lines are prose, not participant lines
LABEL_KINDS = {"present": PRESENT_LABELS, "absent": ABSENT_LABELS, "scribe": SCRIBE_LABELS}
BRACKETS = str.maketrans("{}[]", "()()")  # OCR reads "(formand)" as "(formand}" or "[formand)"


@dataclass
class _Entry:
    """One participant line taken apart; name or organisation may be missing (block layouts)."""

    name: str | None
    organisation: str | None
    role: str | None
    notes: list[str]


def is_agenda_start(line: Line) -> bool:
    """True for the first line of the agenda or its table of contents."""
    text = line.text.strip()
    if TOC_HEADING_RE.match(text) or NUMBERED_RE.match(text) or SECTION_RE.match(text):
        return True
    # "I. Beslutningssager", "Punkt 1: …", "§ 2 …": a heading in another numbering scheme.
    for scheme in ("roman", "punkt", "ad", "paragraph", "letter"):
        match = PATTERNS[scheme].match(text)
        words = 2 if scheme == "letter" else 1  # "A. Berg" could be a person
        if match and len(match["title"].split()) >= words and TITLE_START_RE.match(match["title"]):
            return True
    return False


def _is_body_start(text: str) -> bool:
    """True where the agenda items themselves begin (not their table of contents)."""
    if NUMBERED_RE.match(text):
        return not TOC_ENTRY_RE.search(text)
    return bool(SECTION_RE.match(text))


def is_organisation(text: str) -> bool:
    """True when the text names a municipality, region, secretariat or similar body."""
    for word in WORD_RE.findall(text):
        lower = word.lower()
        if lower in ORG_WORDS or any(stem in lower for stem in ORG_STEMS):
            return True
    return False


def is_name(text: str) -> bool:
    """True for a plausible person's name: two to seven capitalised words, no digits."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 7 or is_organisation(text):
        return False
    capitalised = [NAME_TOKEN_RE.fullmatch(token) for token in tokens]
    return bool(capitalised[0]) and all(
        ok or token.lower() in NAME_PARTICLES for ok, token in zip(capitalised, tokens, strict=True)
    )


def _annotations(text: str) -> tuple[str, list[str]]:
    """'Martin Husted (ny rep)' → ('Martin Husted', ['ny rep'])."""
    notes = [part.strip() for note in PAREN_RE.findall(text) for part in note.split(",")]
    return " ".join(PAREN_RE.sub(" ", text).split()), [note for note in notes if note]


def _entry(name_part: str | None, org_part: str | None) -> _Entry:
    role = None
    notes: list[str] = []
    name = organisation = None
    if name_part:
        name, notes = _annotations(name_part)
    if org_part:
        org_text, org_notes = _annotations(org_part)
        notes += org_notes
        # "Viborg Kommune, formand for takstgruppen": what follows the comma is a note.
        head, _, trailing = org_text.partition(", ")
        organisation = head.strip() or None
        if trailing.strip():
            notes.append(trailing.strip())
    kept = []
    for note in notes:
        if note.lower() in ROLES and role is None:
            role = note.lower()
        elif organisation is None and name and is_organisation(note):
            organisation = note  # "Jesper Thyrring Møller (Struer Kommune)"
        else:
            kept.append(note)
    return _Entry(name or None, organisation or None, role, kept)


def _split_single_spaced(text: str) -> tuple[str, str] | None:
    """Find where the organisation starts in a line with no column separator."""
    match = NAME_THEN_REST_RE.match(text)
    if match and is_organisation(match.group(2)):
        return match.group(1), match.group(2)
    head, comma, tail = text.partition(", ")
    if comma and is_name(PAREN_RE.sub(" ", head)) and _names_organisation(tail):
        return head, tail
    tokens = text.split()
    for start in (*range(2, len(tokens)), 1):
        rest = tokens[start:]
        if not rest or rest[0].startswith("(") or not is_name(" ".join(tokens[:start])):
            continue
        if is_organisation(rest[0]) or (len(rest) > 1 and rest[1].lower().startswith("kommune")):
            return " ".join(tokens[:start]), " ".join(rest)
    return None


def _parse_line(text: str) -> list[_Entry]:
    """One line of the list → entries (usually one; none for lines that name nobody)."""
    text = LIST_MARKER_RE.sub("", text.strip().translate(BRACKETS))
    if not text or len(text) > MAX_LINE or VED_RE.match(text):
        return []
    columns = [column.strip() for column in COLUMN_SPLIT_RE.split(text) if column.strip()]
    if all(label_key(column, {"column": PARTICIPANT_COLUMNS}) for column in columns):
        return []  # the table's header row
    if len(columns) >= 2:
        name_part = columns[0]
        rest = columns[1:]
        while rest and PAREN_RE.fullmatch(rest[0]):  # "Name  (formand)  Org"
            name_part += " " + rest.pop(0)
        org_part = " ".join(rest) or None
        if org_part and is_organisation(name_part) and is_name(org_part):
            name_part, org_part = org_part, name_part  # "Organisation<TAB>Name"
        return [_entry(name_part, org_part)]
    split = _split_single_spaced(text)
    if split:
        return [_entry(*split)]
    bare, _ = _annotations(text)
    if is_organisation(bare):
        return [_entry(None, text)]
    if is_name(bare):
        return [_entry(text, None)]
    # "Anna Berg, Bo Holm (formand)", "Anna Berg (Aarhus Kommune, formand), Bo Holm (Region
    # Midtjylland)": several people on one line, split at commas outside parentheses.
    people = [chunk for chunk in re.split(r"\s*[,;]\s*(?![^()]*\))", text) if chunk]
    if len(people) > 1 and all(is_name(_annotations(chunk)[0]) for chunk in people):
        return [_entry(chunk, None) for chunk in people]
    return []


def _names_organisation(text: str) -> bool:
    """After "Name, ": an organisation (known words, or a capitalised phrase that is no name)."""
    bare, _notes = _annotations(text)
    if is_organisation(bare):
        return True
    first = bare.split(",")[0].strip()
    return bool(first) and first[0].isupper() and not is_name(first)


def _is_unfinished(organisation: str | None) -> bool:
    return bool(organisation) and bool(UNFINISHED_RE.search(organisation))


def participant_region(lines: list[Line]) -> list[Line]:
    """The lines from the first Deltagere/Afbud label up to the agenda.

    The label is looked for up to the first agenda item, so a list placed after the table of
    contents is found too; a "Deltagere:" inside an item is not a participant list.
    """
    start = None
    for index, line in enumerate(lines):
        text = line.text.strip()
        if _is_body_start(text):
            break
        if LABEL_RE.match(text):
            start = index
            break
    if start is None:
        return []
    region = []
    for line in lines[start:]:
        text = line.text.strip()
        if is_agenda_start(line) or COVER_LABEL_RE.match(text):
            break
        if line.heading == 1 and not LABEL_RE.match(text):
            break
        region.append(line)
    return region


def parse_participants(lines: list[Line]) -> list[Participant]:
    """Everyone under Deltagere (present) and Afbud (absent), in document order."""
    participants: list[Participant] = []
    waiting: deque[Participant] = deque()  # names whose organisation comes in a later block
    status = "present"
    for line in participant_region(lines):
        text = line.text.strip()
        label = LABEL_RE.match(text)
        role = None
        if label:
            kind = label_key(label.group("label"), LABEL_KINDS)
            status = "absent" if kind == "absent" else "present"
            role = "referent" if kind == "scribe" else None
            text = label.group("rest") or label.group("tabbed") or ""
        for entry in _parse_line(text):
            note = "; ".join(entry.notes) or None
            if entry.name is None:
                if waiting:
                    person = waiting.popleft()
                    person.organisation = entry.organisation
                    person.note = "; ".join(filter(None, (person.note, note))) or None
                elif participants and _is_unfinished(participants[-1].organisation):
                    # A table cell wrapped: "Fælleskommunalt social- og" / "sundhedssekretariat".
                    previous = participants[-1]
                    previous.organisation = f"{previous.organisation} {entry.organisation}"
                continue
            person = Participant(
                name=entry.name,
                organisation=entry.organisation,
                role=entry.role or role,
                status=status,
                note=note,
            )
            participants.append(person)
            if entry.organisation is None:
                waiting.append(person)
    return participants
