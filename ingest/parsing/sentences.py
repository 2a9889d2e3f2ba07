"""Danish sentences: where a referat's sentence ends, and its first sentence for a list.

A full stop ends a sentence only when the next word starts one (a capital letter or a bullet,
a dash bullet included);
abbreviations ("pr.", "jf.", "ift.", "bl.a.", "m.fl."), initials ("Ulla B. Andersen") and the
day of a date ("den 18. Juni", "1. Marts") do not. Django-free: the parser's outcome classifier
and the archive's pages share it.
"""
from __future__ import annotations

import re

# A dash bullet run into the text ("… stærkere. - Det er …") starts a sentence too.
SENTENCE_END_RE = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ•]|[-–]\s+[A-ZÆØÅ])|\n+")
ABBREVIATION_RE = re.compile(
    r"(?:\b[A-ZÆØÅ]|\b(?:pr|jf|bl\.a|fx|kl|ca|mv|m\.v|m\.fl|nr|stk|ift|vedr|evt|inkl|ang|mht"
    r"|dvs|pkt|HC))\.$"
)
# The capital-letter rule already keeps "1. marts" whole; a month written with a capital
# ("1. Marts", OCR) after a day number is still a date.
MONTHS = (
    "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
)
DAY_RE = re.compile(r"\b\d{1,2}\.$")
MONTH_START_RE = re.compile(rf"^(?:{MONTHS})\b", re.IGNORECASE)
LABEL_MAX = 40  # a first "sentence" this short ending in ":" is a label; its text follows
ELLIPSIS = "…"


def _continues(previous: str, piece: str) -> bool:
    """Whether `piece` carries on the sentence `previous` (which ends in an abbreviation or
    a date's day number), rather than starting a new one."""
    if ABBREVIATION_RE.search(previous):
        return True
    return bool(DAY_RE.search(previous) and MONTH_START_RE.match(piece))


def sentences(text: str) -> list[str]:
    """The text cut into sentences (and bullet lines), in order."""
    pieces: list[str] = []
    for piece in SENTENCE_END_RE.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if pieces and _continues(pieces[-1], piece):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def shorten(text: str, limit: int) -> str:
    """`text` cut at the last word boundary within `limit` characters, with "…" if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    else:
        cut = cut[:limit]
    return cut.rstrip(" ,;:–-") + " " + ELLIPSIS


def first_sentence(text: str, limit: int = 300) -> str:
    """The opening sentence of `text` for a list, ending in "…" when anything is left out.

    A short label ending in a colon ("Udviklingsområderne:") takes the sentence after it.
    """
    parts = sentences(text or "")
    if not parts:
        return ""
    taken = 1
    if len(parts) > 1 and parts[0].endswith(":") and len(parts[0]) <= LABEL_MAX:
        taken = 2
    shown = " ".join(" ".join(parts[:taken]).split())
    if len(shown) > limit:
        return shorten(shown, limit)
    return f"{shown} {ELLIPSIS}" if len(parts) > taken else shown
