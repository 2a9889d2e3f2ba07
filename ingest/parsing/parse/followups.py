"""Follow-ups: what an item's Referat (or its adopted Indstilling) asks someone to do, by when.

The rules read the structure of Danish sentences, not one template's wording. A sentence is a
follow-up when its predicate looks ahead:

- an obligation or intention: "skal"/"vil" + an action verb ("Der skal udarbejdes et
  kommissorium", "Sekretariatet vil afdække …"); not a rule or purpose ("Aftalen skal give
  bedre styring", "skal ikke …", "skal være …");
- a passive that always promises something ("Punktet genoptages", "forelægges DASSOS");
- an actor as subject with an action verb in the present tense ("Fællessekretariatet undersøger
  sagen"), or an assignment ("takstgruppen fik til opgave at …");
- a committee's decision framing a present-tense task ("Det blev aftalt, at sekretariatet samler
  …", "DASSOS godkendte, at der nedsættes …");
- a reporting verb or a plain passive only with a future time phrase ("drøftes på næste møde").

Past tense, questions ("om …"), conditions ("Hvis …"), possibilities ("kan") and vague
futures ("på sigt") never count. The actor is the subject (or the agent after "af"/"via");
"" when the task names none ("Der skal udarbejdes …"). Tables of Hvem / Hvornår / Hvad give one
follow-up a row. No Django here.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ingest.parsing.contract import FollowUp, Item
from ingest.parsing.danish_dates import MONTHS, make_date
from ingest.parsing.sentences import sentences
from ingest.parsing.vocabulary import (
    FOLLOWUP_ACTIVE_VERBS,
    FOLLOWUP_ACTOR_NAMES,
    FOLLOWUP_ACTOR_WORDS,
    FOLLOWUP_ADVERB_ENDINGS,
    FOLLOWUP_COLUMNS,
    FOLLOWUP_COMMITTEE_WORDS,
    FOLLOWUP_CONDITION_OPENERS,
    FOLLOWUP_DECISION_WORDS,
    FOLLOWUP_GENERAL_ADDRESSEES,
    FOLLOWUP_NOTING,
    FOLLOWUP_PARTS,
    FOLLOWUP_PASSIVES,
    FOLLOWUP_QUESTION_OPENERS,
    FOLLOWUP_REQUEST_VERBS,
    FOLLOWUP_STATIVE_VERBS,
    FOLLOWUP_SUBJECT_OPENERS,
    FOLLOWUP_TIMED_PASSIVES,
    FOLLOWUP_TIMED_VERBS,
    FOLLOWUP_VAGUE_TIMES,
    OTHER_PARTS,
    QUARTERS,
    SEASONS,
)
from ingest.parsing.vocabulary import (
    FOLLOWUP_ADVERBS as ADVERBS,
)
from ingest.parsing.vocabulary import (
    FOLLOWUP_NOISE_WORDS as NOISE_WORDS,
)
from ingest.parsing.vocabulary import (
    FOLLOWUP_PREPOSITIONS as PREPOSITIONS,
)

MAX_SENTENCE = 800  # longer "sentences" are run-together text; the regexes stay bounded
OCR_LETTERS = {"æ": "(?:æ|ae|ee|e|a)", "ø": "(?:ø|oe|o|g|e|a)", "å": "(?:å|aa|a)"}


def ocr(word: str) -> str:
    """A regex for a Danish word that also matches its OCR readings ("møde" → "mgde", "mode")."""
    out = []
    for char in word:
        lower = char.lower()
        if lower in OCR_LETTERS:
            out.append(OCR_LETTERS[lower])
        elif char == " ":
            out.append(r"[\s-]+")
        else:
            out.append(re.escape(char))
    return "".join(out)


def words(options: tuple[str, ...] | list[str] | dict) -> str:
    """An OCR-tolerant alternation of words, longest first."""
    return "|".join(ocr(word) for word in sorted(set(options), key=len, reverse=True))


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


MONTH = f"(?:{words(tuple(MONTHS))})"
YEAR = r"(?:19|20)\d\d"
MEETING = ocr("møde") + r"(?:t|r|rne)?"
NEXT = f"(?:{words(('næste', 'kommende', 'næstkommende', 'førstkommende', 'følgende'))})"
# The deadline phrases, most precise first; each names the groups its resolver reads.
DAY_DATE = rf"(?:den\s+)?(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})(?:\s+(?P<year>{YEAR}))?"
DEADLINE_WORDS = words(
    ("inden", "senest", "før", "frem til", "til og med", "svarfrist", "frist", "deadline", "til")
)
DUE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("meeting_date", _compile(
        rf"\b(?:{words(('til', 'på', 'på', 'inden', 'før'))})\s+(?:det\s+|et\s+)?(?:{NEXT}\s+)?"
        rf"(?:\w+[\s-]?)?{MEETING}\s+{DAY_DATE}"
    )),
    ("deadline_date", _compile(
        rf"\b(?:{DEADLINE_WORDS})\s+{DAY_DATE}"
    )),
    ("next_meeting", _compile(
        rf"\b(?:{words(('til', 'på', 'inden', 'før', 'forud for', 'frem til'))})\s+(?:det\s+)?"
        rf"(?:{NEXT})\s+(?:[A-ZÆØÅ][\w-]*[\s-]?)?{MEETING}\b"
    )),
    ("every_meeting", _compile(rf"\b(?:på|til)\s+(?:hvert|alle)\s+(?:{NEXT}\s+)?{MEETING}\b")),
    ("month_meeting", _compile(
        rf"\b(?:{words(('på', 'til', 'inden', 'før', 'forud for'))})\s+(?:det\s+)?"
        rf"(?:(?P<month>{MONTH})[\s-]*{MEETING}|{MEETING}\s+i\s+(?P<month2>{MONTH}))"
        rf"(?:\s+(?P<year>{YEAR}))?"
    )),
    ("season", _compile(
        rf"\b(?:i|inden|senest|til|før|{ocr('i løbet af')})\s+(?P<season>{words(tuple(SEASONS))})"
        rf"(?:\s+(?P<year>{YEAR}))?"
    )),
    ("quarter", _compile(
        rf"\b(?:(?:ved|inden)\s+udgangen\s+af|i|inden|senest|til|{ocr('i løbet af')})\s+"
        rf"(?P<quarter>{words(tuple(QUARTERS))})\s+kvartal(?:\s+(?P<year>{YEAR}))?"
    )),
    ("month", _compile(
        rf"\b(?P<when>primo|medio|ultimo|i|inden|senest|til|{ocr('i løbet af')}|"
        rf"(?:ved\s+|inden\s+)?(?:udgangen|slutningen|udgange)\s+af)\s+(?P<month>{MONTH})"
        rf"(?:\s+(?P<year>{YEAR}))?"
    )),
    ("year", _compile(
        rf"\b(?:ultimo|inden|senest|{ocr('i løbet af')}|(?:ved\s+|inden\s+)?"
        rf"(?:udgangen|slutningen|udgange)\s+af)\s+(?P<year>{YEAR})\b"
    )),
    ("year_end", _compile(rf"\b(?:inden|til|før|ved)\s+{ocr('årsskiftet')}")),
    ("week", _compile(
        rf"\b(?:i|inden|senest)\s+uge\s+(?P<week>\d{{1,2}})(?:\s+(?P<year>{YEAR}))?"
    )),
    ("on_date", _compile(rf"\b{DAY_DATE}")),
    ("before", _compile(
        rf"\b(?:forud\s+for|inden|før)\s+(?:det\s+|den\s+|de\s+)?(?:\w+\s+)?"
        rf"(?:\w*{MEETING}|\w*{ocr('dialogmøde')}\w*|\w*{ocr('konference')}\w*)"
    )),
]
VAGUE_RE = _compile(rf"\b(?:{words(FOLLOWUP_VAGUE_TIMES)})\b")
# "(at) tage orienteringen til efterretning": noting, no task.
NOTING_RE = _compile(rf"^(?:at\s+)?tage[rs]?\b.*\b(?:{words(FOLLOWUP_NOTING)})\W*$")
QUESTION_RE = _compile(
    rf"^(?:{words(FOLLOWUP_QUESTION_OPENERS)})\b|\b{ocr('drøftet')},?\s+om\b|\?$"
)
CONDITION_RE = _compile(rf"^(?:{words(FOLLOWUP_CONDITION_OPENERS)})\b")

ACTOR_NAMES = "|".join(re.escape(name) for name in FOLLOWUP_ACTOR_NAMES)
NAME = r"[A-ZÆØÅ][a-zæøåéü]+"
PERSON = rf"{NAME}(?:\s+[A-ZÆØÅ]\.)?(?:\s+{NAME}(?:-{NAME})?){{1,2}}"
ACTOR_CORE = (
    rf"(?:(?:det|den|de)\s+)?(?:[\w-]{{3,}}e\s+)?[\w-]*(?i:{words(FOLLOWUP_ACTOR_WORDS)})\b"
    rf"|(?:{ACTOR_NAMES})(?:[\s-]+(?:Midtjylland|Midt|net))?\b"
    rf"|[A-ZÆØÅ][\w-]+(?:\s*[-,]\s*[A-ZÆØÅ][\w-]+)*(?:-|\s+og\s+[A-ZÆØÅ][\w-]+)?\s+[Kk]ommuners?"
    rf"|kommuner\s+og\s+region(?:en)?|Region\s+[A-ZÆØÅ]\w+"
    rf"|{PERSON}"
)
ACTOR_RE = re.compile(rf"(?:(?:{ACTOR_CORE})(?:\s+og\s+|\s+samt\s+))*(?:{ACTOR_CORE})")
SUBJECT_OPENERS = (
    words(FOLLOWUP_SUBJECT_OPENERS)
    + rf"|[A-ZÆØÅa-zæøå]+(?:{'|'.join(FOLLOWUP_ADVERB_ENDINGS)})"
)
ACTIVE_RE = _compile(rf"\b(?:{words(FOLLOWUP_ACTIVE_VERBS)})\b")
TIMED_ACTIVE_RE = _compile(rf"\b(?:{words(FOLLOWUP_TIMED_VERBS)})\b")
PASSIVE_RE = _compile(rf"\b(?:{words(FOLLOWUP_PASSIVES)})\b")
TIMED_PASSIVE_RE = _compile(rf"\b(?:{words(FOLLOWUP_TIMED_PASSIVES)})\b")
STATIVE_RE = _compile(rf"^(?:{words(FOLLOWUP_STATIVE_VERBS)})$")
MODAL_RE = _compile(r"\b(?P<modal>skal|vil)\b")
ASSIGNED_RE = _compile(r"\b(?:fik|får|fået)\s+(?:\w+\s+)?til\s+opgave\b")
COMES_RE = _compile(
    rf"\b(?:der\s+)?kommer\s+(?:\w+\s+){{0,2}}(?:{ocr('dagsordenspunkt')}|punkt|sag)\w*"
    rf"|\bder\s+(?:kommer|bliver)\s+(?:en|et)\s"
)
URGES_RE = _compile(
    rf"\b(?:{words(FOLLOWUP_REQUEST_VERBS)})\s+(?:til,?\s+at\s|"
    r"(?P<whom>.{2,60}?)\s+(?:til|om),?\s+at\s)"
)
DECISION_RE = _compile(
    rf"\b(?P<word2>aftalt|besluttet),\s+(?!at\b)"
    rf"|\b(?P<word>{words(FOLLOWUP_DECISION_WORDS)})\b(?P<gap>[^.;:]{{0,80}}?)"
    rf"(?:,\s*|\s)(?<!\bpå\s)(?<!\bfor\s)(?<!\btil\s)(?<!\bmed\s)at\s+"
)
# Who may frame a decision: the committee, or nobody ("Det blev aftalt", "Der var enighed").
IMPERSONAL_RE = _compile(r"^\W*(?:det|der)\b")
# An agenda-planning item ("Punkter til næste møde"): points added to it are due then.
AGENDA_ITEM_RE = _compile(rf"\bpunkter\s+til\s+(?:{NEXT})\s+{MEETING}")
AGENDA_ADDED_RE = _compile(rf"\b(?:suppleret|suppleres|tilføjes|tilføjet|{ocr('sættes på')})\b")
# Verbs in the past tense or perfect: a report of what happened, not a promise.
PAST_RE = _compile(r"^(?:har|havde|blev|var)\b")
BULLET_RE = re.compile(r"^[•▪◦●·*–-]\s*")
TABLE_RULE_RE = re.compile(r"^:?-{2,}:?$")
ADOPTS_INDSTILLING_RE = _compile(
    r"\b(?:indstilling(?:en)?\s+(?:blev\s+)?(?:godkendt|tiltrådt|vedtaget|fulgt)"
    r"|(?:godkendte|godkender|tiltrådte|tiltræder|fulgte|vedtog)\s+(?:\w+\s+)?indstilling\w*"
    r"|som\s+indstillet|indstillede\b)"
)
TERSE_RE = _compile(r"^\W*(?:[\w-]+\s+){0,3}(?:godkendt|vedtaget|tiltrådt)\W*$")


def extract_followups(
    item: Item, meeting_date: date | None, body: str | None = None
) -> list[FollowUp]:
    """The follow-ups of one item: its Referat's, its adopted Indstilling's and table rows.

    `meeting_date` dates phrases without a year; `body` is the committee the document names.
    """
    found: list[FollowUp] = []
    agenda_item = bool(AGENDA_ITEM_RE.search(item.title or ""))
    texts = [(item.referat, "referat")]
    for heading, text in item.other_parts.items():
        known = heading.casefold() in {part.casefold() for part in OTHER_PARTS}
        if heading.casefold() in {part.casefold() for part in FOLLOWUP_PARTS} or (
            not known and not item.referat.strip()
        ):
            texts.append((text, "referat"))
    if _adopts_indstilling(item):
        texts.append(("\n".join(item.indstilling), "indstilling"))
    for text, source in texts:
        prose: list[str] = []
        rows: list[list[str]] = []
        for line in text.split("\n"):
            if "\t" in line:
                rows.append([cell.strip() for cell in line.split("\t")])
                continue
            if rows:
                found += _table_followups(rows, meeting_date)
                rows = []
            prose.append(line)
        if rows:
            found += _table_followups(rows, meeting_date)
        for sentence in sentences("\n".join(prose)):
            followup = _sentence_followup(sentence, meeting_date, body, agenda_item)
            if followup is not None:
                followup.source = source
                found.append(followup)
    unique: list[FollowUp] = []
    for followup in found:
        if not any(f.action == followup.action for f in unique):
            unique.append(followup)
    return unique


def _adopts_indstilling(item: Item) -> bool:
    """The decision adopts the Indstilling: approved or decided, and the Referat says so, is
    empty, or is a terse "Godkendt"."""
    if item.outcome not in ("approved", "decided") or not item.indstilling:
        return False
    referat = item.referat.strip()
    return not referat or bool(TERSE_RE.match(referat)) or bool(
        ADOPTS_INDSTILLING_RE.search(referat)
    )


# --- sentences -----------------------------------------------------------------------------


def _sentence_followup(
    sentence: str, meeting_date: date | None, body: str | None, agenda_item: bool
) -> FollowUp | None:
    text = BULLET_RE.sub("", " ".join(sentence.split()))
    if not text or len(text) > MAX_SENTENCE:
        return None
    if QUESTION_RE.search(text) or CONDITION_RE.match(text) or VAGUE_RE.search(text):
        return None
    due = _due(text, meeting_date)
    urges = URGES_RE.search(text)
    if urges:
        whom = (urges["whom"] or "").strip()
        if not _committee_before(text[: urges.start()], body) or not whom or (
            whom.casefold() in FOLLOWUP_GENERAL_ADDRESSEES
        ) or not (ACTOR_RE.fullmatch(whom) or _proper(whom)):
            return None  # someone else's encouragement, or one to everybody
        return _dated(FollowUp(actor=_tidy_actor(whom), action=_readable(text)), due, False)
    timed = agenda_item or (due is not None and due[2] not in ("", "on_date"))
    clause, decided, lead_actor = _task_clause(text, body)
    if clause is None:
        return None
    found = _predicate(clause, decided=decided, timed=timed, body=body, dated=due is not None)
    if found is None and agenda_item and AGENDA_ADDED_RE.search(text):
        found = ("", 0)
    if found is None:
        return None
    actor, start = found
    if NOTING_RE.match(clause[start:].strip()):
        return None
    if actor == "" and lead_actor and _infinitive_task(clause):
        actor = lead_actor
    return _dated(FollowUp(actor=actor, action=_readable(clause[start:])), due, agenda_item)


def _dated(
    followup: FollowUp, due: tuple[str, date | None, str] | None, agenda_item: bool
) -> FollowUp:
    if due is not None:
        followup.due_text, followup.due, followup.due_kind = due
        if followup.due_kind == "on_date":
            followup.due_kind = "date"
    elif agenda_item:
        followup.due_kind = "next_meeting"  # "Punkter til næste møde"
    return followup


def _task_clause(text: str, body: str | None) -> tuple[str | None, bool, str]:
    """The clause holding the task, whether a decision frames it, and the committee that made
    it: "Det blev aftalt, at sekretariatet samler …" → ("sekretariatet samler …", True, "")."""
    decision = DECISION_RE.search(text)
    if decision and decision.end() < len(text):
        who = f"{text[: decision.start()]} {decision['gap'] or ''}"
        if re.search(r"\bikke\b", who, re.IGNORECASE):
            return None, False, ""
        actor = _actor_in(who, body, last=True)
        if actor is not None and not _committee_before(who, body) or re.search(
            r"\b(?:hun|han)\b", who, re.IGNORECASE
        ):
            return text, False, ""  # a member's wish, not the committee's decision
        return text[decision.end() :], True, actor or ""
    return text, False, ""


def _committee_before(text: str, body: str | None) -> bool:
    names = list(FOLLOWUP_COMMITTEE_WORDS)
    if body:
        names.append(body)
    return bool(re.search("|".join(re.escape(n) for n in names), text, re.IGNORECASE))


def _infinitive_task(clause: str) -> bool:
    first = clause.split()[0].casefold() if clause.split() else ""
    return first.endswith("e") and first not in NOISE_WORDS


def _possible(before: str) -> bool:
    """The verb is a possibility or advice ("kan sendes", "bør overvejes"), not a task."""
    return bool(re.search(r"\b(?:kan|kunne|bør|burde|må)\s+(?:\S+\s+){0,2}$", before,
                          re.IGNORECASE))


def _predicate(
    clause: str, decided: bool, timed: bool, body: str | None, dated: bool = False
) -> tuple[str, int] | None:
    """(the actor, "" when none is named; where the action starts) when the clause promises a
    task, else None."""
    if PAST_RE.match(clause):
        return None
    modal = MODAL_RE.search(clause)
    if modal:
        actor = _modal_task(clause, modal, body)
        if actor is not None:
            return actor, 0
    assigned = ASSIGNED_RE.search(clause)
    if assigned:
        subject = list(ACTOR_RE.finditer(clause[: assigned.start()]))
        if subject:
            return _tidy_actor(subject[-1].group(0)), subject[-1].start()
        return "", 0
    passive = PASSIVE_RE.search(clause)
    if passive and not _possible(clause[: passive.start()]):
        return _agent(clause[passive.end() :], body), 0
    if COMES_RE.search(clause) and (timed or decided or dated or " via " in clause):
        return _agent(clause, body, routes=True), 0
    active = ACTIVE_RE.search(clause) or (TIMED_ACTIVE_RE.search(clause) if timed else None)
    if active and not _possible(clause[: active.start()]):
        subject = _subject(clause, active.start(), active.end(), body)
        if subject is not None:
            return subject
    if not modal:
        passive = TIMED_PASSIVE_RE.search(clause)
        if passive and not _possible(clause[: passive.start()]):
            agent = _agent(clause[passive.end() :], body)
            if decided or timed or agent:
                return agent, 0
        if decided and _infinitive_task(clause) and _is_action(clause.split()[0]):
            return "", 0
    return None


def _modal_task(clause: str, modal: re.Match[str], body: str | None) -> str | None:
    """"skal"/"vil" + an action: the actor, or None for a rule, a purpose or a wish."""
    verb = None
    skipped: list[str] = []
    in_phrase = 0
    for word in clause[modal.end() :].split()[:9]:
        bare = word.strip(",.;:()").casefold()
        if bare in ("ikke", "aldrig", "gerne"):
            return None
        if _is_verb(bare) and not (in_phrase and bare in NOISE_WORDS):
            verb = bare
            break
        if bare in NOISE_WORDS or bare in ADVERBS or ACTOR_RE.fullmatch(word.strip(",.")):
            skipped.append(word)
        elif bare in PREPOSITIONS:
            in_phrase = 4
        elif in_phrase:
            in_phrase -= 1
        else:
            return None
    if verb is None or STATIVE_RE.match(verb):
        return None
    before = _clause_tail(clause[: modal.start()])
    passive = verb.endswith("es")
    if passive:
        return _agent(clause, body) or ""
    subject = _actor_in(" ".join(skipped), body) if skipped else None
    if subject is None and before.strip():
        subject = _actor_in(before, body, last=True)
    if subject is not None:
        return subject
    if modal["modal"].lower() == "skal" and IMPERSONAL_RE.match(before):
        return ""
    return None


def _clause_tail(text: str) -> str:
    """The part of `text` after its last clause boundary (a comma, "at", "som", "og")."""
    parts = re.split(r",\s*|\s(?:at|som|og|men)\s", f" {text}")
    return parts[-1].strip()


def _is_verb(word: str) -> bool:
    """A word that can be the infinitive after "skal"/"vil" (an action or a passive)."""
    if word in NOISE_WORDS or not word.isalpha():
        return False
    return word.endswith(("e", "es")) or word in ("gå", "få", "se", "stå", "nå", "tage", "give")


def _is_action(word: str) -> bool:
    word = word.strip(",.").casefold()
    return _is_verb(word) and not STATIVE_RE.match(word)


def _subject(clause: str, start: int, end: int, body: str | None) -> tuple[str, int] | None:
    """The actor that is the subject of the verb at clause[start:end], and where it starts:
    just before the verb ("… at sekretariatet samler"), at the sentence's start before an
    apposition ("Lotte Henriksen, DASSOS' repræsentant, bringer …") or right after the verb
    after an opening adverb ("Desuden sender sekretariatet …")."""
    before = clause[:start].rstrip(" ,")
    lead = ACTOR_RE.match(before)
    if lead and re.match(r",[^,]{1,80}$", before[lead.end() :]):
        return _tidy_actor(lead.group(0)), 0
    tail = _clause_tail(before)
    opener = re.match(rf"^(?:{SUBJECT_OPENERS})\b,?\s*", tail, re.IGNORECASE)
    head = tail[opener.end() :] if opener else tail
    if head and (ACTOR_RE.fullmatch(head) or (_proper(head) and len(head.split()) <= 4)):
        return _actor_in(head, body) or _tidy_actor(head), before.rfind(head)
    if opener and not head:
        after = _actor_in(clause[end : end + 60], body, anchored=True)
        if after is not None:
            return after, 0
    return None


def _proper(text: str) -> bool:
    return bool(re.match(r"^[A-ZÆØÅ]", text.strip()))


def _actor_in(
    text: str, body: str | None, anchored: bool = False, last: bool = False
) -> str | None:
    """The first (or last) actor named in `text` (the committee counts), tidied for display."""
    text = text.strip(" ,")
    if not text:
        return None
    candidates = [ACTOR_RE]
    if body:
        candidates.insert(0, re.compile(rf"\b{re.escape(body)}\b", re.IGNORECASE))
    for pattern in candidates:
        if anchored:
            matches = [m for m in [pattern.match(text)] if m]
        else:
            matches = list(pattern.finditer(text))
        if matches:
            return _tidy_actor((matches[-1] if last else matches[0]).group(0))
    return None


def _agent(clause: str, body: str | None, routes: bool = False) -> str:
    """The agent of a passive: "… af Fællessekretariatet", "… gennem sekretariatet"; with
    `routes` also "… via KKR-sekretariatet" (who brings what "der kommer"); else ""."""
    prepositions = "af|gennem|via" if routes else "af|gennem"
    match = re.search(rf"\b(?:{prepositions})\s+(.{{2,80}})", clause)
    if match:
        actor = _actor_in(match.group(1), body, anchored=True)
        if actor is not None:
            return actor
    return ""


def _tidy_actor(actor: str) -> str:
    actor = " ".join(actor.split())
    actor = re.sub(r"^(?:det|den|de)\s+", "", actor, flags=re.IGNORECASE)
    if actor.casefold() == "vi":
        return ""
    return actor[:1].upper() + actor[1:]


def _readable(clause: str) -> str:
    text = BULLET_RE.sub("", clause.strip())
    return text[:1].upper() + text[1:]


# --- tables --------------------------------------------------------------------------------


def _column_key(cell: str) -> str | None:
    wanted = " ".join(cell.split()).rstrip(":").casefold()
    for key, names in FOLLOWUP_COLUMNS.items():
        if any(wanted == name.casefold() for name in names):
            return key
    return None


def _table_followups(rows: list[list[str]], meeting_date: date | None) -> list[FollowUp]:
    """Rows of a Hvem / Hvornår / Hvad table; without its header row (a Markdown table's is
    dropped in extraction), a row whose cells hold a deadline and an action."""
    found: list[FollowUp] = []
    columns: dict[str, int] | None = None
    for cells in rows:
        if all(TABLE_RULE_RE.match(cell) or not cell for cell in cells):
            continue
        keys = [_column_key(cell) for cell in cells]
        if sum(key is not None for key in keys) >= 2:
            columns = {key: index for index, key in enumerate(keys) if key is not None}
            continue
        if columns is not None:
            followup = _row_by_columns(cells, columns, meeting_date)
        else:
            followup = _row_by_content(cells, meeting_date)
        if followup is not None:
            found.append(followup)
    return found


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _row_by_columns(
    cells: list[str], columns: dict[str, int], meeting_date: date | None
) -> FollowUp | None:
    action = _cell(cells, columns.get("action"))
    if not action:
        return None
    due_text = _cell(cells, columns.get("due"))
    return _table_row(_cell(cells, columns.get("actor")), action, due_text, meeting_date)


def _row_by_content(cells: list[str], meeting_date: date | None) -> FollowUp | None:
    cells = [cell for cell in cells if cell]
    if len(cells) < 2:
        return None
    due_index = next(
        (i for i, cell in enumerate(cells) if len(cell) <= 40 and _due(cell, meeting_date,
                                                                       bare=True)), None
    )
    if due_index is None:
        return None
    rest = [cell for i, cell in enumerate(cells) if i != due_index]
    action = max(rest, key=len)
    others = [cell for cell in rest if cell is not action]
    actor = next((cell for cell in others if ACTOR_RE.fullmatch(cell)), "")
    return _table_row(actor, action, cells[due_index], meeting_date)


def _table_row(actor: str, action: str, due_text: str, meeting_date: date | None) -> FollowUp:
    followup = FollowUp(actor=_tidy_actor(actor) if actor else "", action=_readable(action),
                        source="table")
    if due_text:
        due = _due(due_text, meeting_date, bare=True)
        followup.due_text = due_text
        if due is not None:
            _, followup.due, followup.due_kind = due
    return followup


# --- deadlines -----------------------------------------------------------------------------


def _due(
    text: str, meeting_date: date | None, bare: bool = False
) -> tuple[str, date | None, str] | None:
    """(as written, resolved date or None, kind) for the first deadline phrase in `text`.

    `bare`: a table cell, where the preposition is often left out ("1. juni", "Foråret 2024").
    """
    written_cell = text.strip()
    if bare and not re.match(r"^\s*(?:til|på|inden|senest|før|i|forud|ultimo|primo|medio)\b",
                             text, re.IGNORECASE):
        text = f"inden {text}"
    for kind, pattern in DUE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        written = written_cell if bare else match.group(0).strip()
        resolved, resolved_kind = _resolve(kind, match, meeting_date)
        if kind == "on_date" and (resolved is None or meeting_date is None
                                  or resolved < meeting_date):
            continue  # a date in passing, or one before the meeting: no deadline
        return written, resolved, resolved_kind
    return None


def _resolve(kind: str, match: re.Match[str], meeting: date | None) -> tuple[date | None, str]:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind in ("meeting_date", "deadline_date", "on_date"):
        month = _month(groups["month"])
        day = int(groups["day"])
        return _on_or_after(year, month, day, meeting), "on_date" if kind == "on_date" else "date"
    if kind in ("next_meeting", "every_meeting"):
        return None, "next_meeting"
    if kind == "month_meeting":
        month = _month(groups.get("month") or groups.get("month2"))
        return _month_end(year, month, meeting), "meeting"
    if kind == "season":
        month = SEASONS[_fold_key(groups["season"], SEASONS)]
        return _month_end(year, month, meeting), "period"
    if kind == "quarter":
        quarter = QUARTERS[_fold_key(groups["quarter"], QUARTERS)]
        return _month_end(year, quarter * 3, meeting), "period"
    if kind == "month":
        month = _month(groups["month"])
        when = groups["when"].casefold()
        end = _month_end(year, month, meeting)
        if end is not None and when in ("primo", "medio"):
            end = end.replace(day=10 if when == "primo" else 20)
        return end, "period"
    if kind == "year":
        return date(year, 12, 31), "period"
    if kind == "year_end":
        return (date(meeting.year, 12, 31) if meeting else None), "period"
    if kind == "week":
        week_year = year or (meeting.year if meeting else None)
        if week_year is None:
            return None, "period"
        try:
            sunday = date.fromisocalendar(week_year, int(groups["week"]), 7)
        except ValueError:
            return None, "period"
        if year is None and meeting and sunday < meeting:
            sunday = date.fromisocalendar(week_year + 1, int(groups["week"]), 7)
        return sunday, "period"
    return None, ""


def _fold_key(word: str, table: dict[str, int]) -> str:
    """The table key an OCR-read word stands for ("foraret" → "foråret")."""
    word = word.casefold()
    for key in table:
        if re.fullmatch(ocr(key), word, re.IGNORECASE):
            return key
    return word


def _month(word: str) -> int:
    return MONTHS[_fold_key(word, MONTHS)]


def _on_or_after(year: int | None, month: int, day: int, meeting: date | None) -> date | None:
    if year is None:
        if meeting is None:
            return None
        candidate = make_date(meeting.year, month, day)
        if candidate is not None and candidate < meeting - timedelta(days=1):
            candidate = make_date(meeting.year + 1, month, day)
        return candidate
    return make_date(year, month, day)


def _month_end(year: int | None, month: int, meeting: date | None) -> date | None:
    if year is None:
        if meeting is None:
            return None
        year = meeting.year if month >= meeting.month else meeting.year + 1
    return date(year, month, calendar.monthrange(year, month)[1])
