"""Classify what the committee did with an item from its Referat text.

The main decision is usually stated in the first sentence that carries a decision verb, so the
sentences are read in order and the first one with a clear marker decides.
"""
from __future__ import annotations

import re

from ingest.parsing.sentences import sentences

NOTHING_RE = re.compile(r"^\W*(?:intet|ingen(?: bemærkninger)?)\W*$", re.IGNORECASE)
REJECTED_RE = re.compile(
    r"\b(?:afviste|forkastede|ikke\s+godkend\w*|godkendte\s+ikke|ikke\s+opbakning"
    r"|kunne\s+ikke\s+(?:godkende|tiltræde|bakke|anbefale))",
    re.IGNORECASE,
)
APPROVED_RE = re.compile(
    r"\b(?:godkendte|blev\s+godkendt|godkender|tiltrådte|tiltræder|vedtog|bakkede\s+(?:\w+\s+)?op\s+om"
    r"|bakker\s+(?:\w+\s+)?op\s+om|opbakning\s+til)\b",
    re.IGNORECASE,
)
NOTED_RE = re.compile(r"\btil\s+(?:efterretning|orientering)\b", re.IGNORECASE)
DECIDED_RE = re.compile(
    r"\b(?:besluttede|besluttet|aftalte|aftalt|enighed\s+om|udpegede)\b", re.IGNORECASE
)
DISCUSSED_RE = re.compile(
    r"\b(?:drøftede|blev\s+drøftet|dialog(?:en)?|gav\s+input)\b", re.IGNORECASE
)
# A committee's own decision verb after "DASSOS drøftede ..." turns a discussion into a decision;
# passive procedural follow-ups ("Det blev aftalt, at sekretariatet ...") do not. The committee
# is the body the document names; "udvalget"/"styregruppen" and the like stand for it too.
OWN_VERBS = r"(?:besluttede|foreslår|foreslog|aftalte)"
COMMITTEE_WORDS = (
    r"(?:DASSOS|\w*udvalg(?:et)?|\w*styregrupp(?:en|e)|\w*gruppen|\w*netværket|\w*forum(?:met)?"
    r"|\w*rådet|mødet|deltagerne|medlemmerne|direktørerne)"
)


def _own_decision_re(body: str | None) -> re.Pattern[str]:
    subject = COMMITTEE_WORDS if not body else rf"(?:{re.escape(body)}|{COMMITTEE_WORDS})"
    return re.compile(
        rf"\b{subject}\s+(?:\w+\s+)?{OWN_VERBS}\b|\b{OWN_VERBS}\s+{subject}(?!\w)",
        re.IGNORECASE,
    )
# Only in the opening sentence: an instruction ("Der skal tilføjes ...", "Mødet ... afkortes")
# is the decision itself, and a member's statement ("X fremhævede ...") opens a discussion.
OPENING_DECIDED_RE = re.compile(
    r"\b(?:skal|afkortes|forkortes|flyttes|aflyses|udskydes|nedlægges)\b", re.IGNORECASE
)
OPENING_DISCUSSED_RE = re.compile(r"\b(?:fremhævede|drøftelsen\s+viste)\b", re.IGNORECASE)

MARKERS = (
    ("rejected", REJECTED_RE),
    ("approved", APPROVED_RE),
    ("noted", NOTED_RE),
    ("decided", DECIDED_RE),
    ("discussed", DISCUSSED_RE),
)


# A terse referat: "Godkendt.", "Dagsordenen godkendt.", "Indstillingen tiltrådt."
TERSE_APPROVED_RE = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}(?:godkendt|vedtaget|tiltrådt)(?:\s+uden\s+bemærkninger)?\W*$",
    re.IGNORECASE,
)


def _marker(sentence: str) -> str | None:
    if TERSE_APPROVED_RE.match(sentence) and not REJECTED_RE.search(sentence):
        return "approved"
    for outcome, pattern in MARKERS:
        if pattern.search(sentence):
            return outcome
    return None


def classify_outcome(referat: str, body: str | None = None) -> str:
    """approved | noted | discussed | decided | rejected | none, from the Referat text.

    `body` is the committee the document names (its own decisions count as decisions).
    """
    own_decision = _own_decision_re(body)
    text = referat.strip()
    if not text or NOTHING_RE.match(text):
        return "none"
    parts = sentences(text)
    for index, sentence in enumerate(parts):
        outcome = _marker(sentence)
        if outcome is None and index == 0:
            if OPENING_DECIDED_RE.search(sentence):
                return "decided"
            if OPENING_DISCUSSED_RE.search(sentence):
                return "discussed"
        if outcome == "discussed":
            later = parts[index + 1 :]
            if any(own_decision.search(s) for s in later):
                return "decided"
        if outcome is not None:
            return outcome
    # A referat that records information without any decision verb is a noted orientation.
    return "noted"
