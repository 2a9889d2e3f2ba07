"""Repair what Tesseract does to Danish text: lost æ/ø/å, "|" for "I", bullets read as letters.

A word is changed only when a lexicon (wordfreq's Danish list plus the words of the clean seed
referater) clearly prefers a candidate made by the known OCR confusions over the word as read.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wordfreq import get_frequency_dict

VOCABULARY_FILE = Path(__file__).resolve().parents[1] / "data" / "referat_words.txt"

# OCR misreadings seen in scanned referater: what Tesseract printed -> what was printed.
# Lower-case on both sides; the case of the source is carried over to the target.
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("g", "ø"), ("@", "ø"), ("0", "ø"), ("o", "ø"), ("e", "ø"), ("a", "ø"), ("s", "ø"),
    ("ga", "ø"), ("ag", "ø"), ("eg", "ø"), ("ea", "ø"), ("oe", "ø"),
    ("a", "å"), ("é", "å"), ("éa", "å"), ("d", "å"), ("&", "å"), ("4", "å"),
    ("ee", "æ"), ("ae", "æ"), ("eae", "æ"), ("ze", "æ"), ("z", "æ"), ("as", "æ"), ("es", "æ"),
    ("e", "æ"),
    ("ii", "il"),
)
# Confusions that only happen at the start of a word, keyed on the exact characters read:
# a capital I for a lower-case l ("Igsning" = "løsning") and the reverse ("lkke" = "Ikke").
START_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("Ig", "lø"), ("Is", "lø"), ("I", "l"), ("l", "I"), ("/E", "Æ"),
)
# Inflections a small word list lacks: "herberger" is "herberg" + "er".
SUFFIXES = frozenset(
    "e r s t n en et er es ne re te de ede ende ene erne ens ers ets ernes este ste".split()
)
SUFFIX_COST = 1.0
MIN_STEM = 5  # "mad" + "et" must not make "madet" (= "mødet") look like a fine word
MIN_STEM_SCORE = 3.5  # nor a rare stem turn "visiterer" into "visitører"
MAX_WORD = 40
MAX_EDITS = 4  # more damage than this in one word is rare, and the search grows fast
MAX_PARTS = 2  # compound words: two lexicon words, optionally joined by a linking "s"
MIN_PART = 3  # shorter compound parts ("om", "at") would make almost any string a compound
MIN_MODIFIER = 4  # and a first part "for" would read "forslaede" as "for" + "slæde"
SHORT_MODIFIERS = frozenset({"ind", "ved", "mod", "med", "fra", "til"})  # "indtænkt", "vedlægges"
EDIT_COST = 0.3  # zipf points per change, so the least-changed reading wins a tie
COMPOUND_COST = 1.5  # a compound is weaker evidence than a word the lexicon knows whole
MARGIN = 1.0  # how much better (in zipf points) a candidate must be than the word as read
MIN_SCORE = 1.5  # a candidate must itself be a reasonably common word
VOCABULARY_FLOOR = 3.5  # words of the clean referater count as common words (names, jargon)
DOMAIN_WEIGHT = 0.5  # and words the referater use often count for more ("møde" before "måde")

# The look-behind keeps the e-mail branch linear on long runs of word characters.
LINK = re.compile(
    r"(?:https?://|file://|mailto:|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[A-Za-z]{2,}[\w.]*"
)
LETTER = r"[^\W\d_]"
# A word as Tesseract writes it: letters with "@", "&", "0", "4" standing in for Danish letters.
TOKEN = re.compile(
    rf"(?<![\w@&/])(?:/(?=E{LETTER}))?(?:{LETTER}|@(?={LETTER}))"
    rf"(?:{LETTER}|[@&]|[04](?!\d))*(?![\w@&])"
)
PIPE_AS_I = re.compile(r"(?m)(?:^[ \t]*|(?<=[.!?:] ))\|(?= [a-zæøå])")
AT_AS_OE = re.compile(r"(?<![\w@.])@(?=[A-ZÆØÅ])")  # "@A26" is "ØA26", the economy agreement
# Tesseract reads "•" as "e", "o", "¢", "«", "©" or "+"; "e" is also a word, hence two rules.
BULLET_ANY = re.compile(r"(?m)^([ \t]*)(?:o|¢|«|»|©|\+)[ \t]+(?=[^\W\d_(\"“”])")
BULLET_E = re.compile(r"(?m)^([ \t]*)e[ \t]+(?=[A-ZÆØÅ])")


@dataclass
class RepairResult:
    """The repaired text and every change made, as (original, replacement)."""

    text: str
    changes: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Lexicon:
    scores: dict[str, float]
    stems: dict[str, float]  # "tværkommunal" from "tværkommunalt", to read "tværkommunale"
    prefixes: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    # Zipf is log10 of frequency per billion words; computed directly, as zipf_frequency() would
    # re-tokenise every word and take seconds for the whole list.
    scores = {word: math.log10(freq) + 9 for word, freq in get_frequency_dict("da").items()}
    for line in VOCABULARY_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, count = line.split("\t", 1)
            bonus = DOMAIN_WEIGHT * math.log10(1 + int(count))
            scores[word] = max(scores.get(word, 0.0), VOCABULARY_FLOOR) + bonus
    scores = {word: score for word, score in scores.items() if score > 0 and word.isalpha()}
    stems: dict[str, float] = {}
    for word, score in scores.items():
        for cut in range(1, 6):
            stem = word[:-cut]
            if len(stem) >= MIN_STEM and word[-cut:] in SUFFIXES:
                stems[stem] = max(stems.get(stem, 0.0), score)
    for word, score in scores.items():
        if len(word) >= MIN_STEM:
            stems[word] = max(stems.get(word, 0.0), score)
    prefixes = {word[:i] for word in scores for i in range(1, len(word) + 1)}
    return _Lexicon(scores, stems, frozenset(prefixes))


def _score_parts(parts: list[str], scores: dict[str, float], last: float | None = None) -> float:
    """Score a reading made of lexicon words; `last` overrides the last part's score (a stem)."""
    # Linking "s" is kept on the part before it; score that part without it.
    part_scores = [scores[p] if p in scores else scores[p[:-1]] for p in parts[:-1]]
    part_scores.append(scores[parts[-1]] if last is None else last)
    if len(part_scores) == 1:
        return part_scores[0]
    # The weakest part bounds the evidence; the mean breaks ties ("regionsråd" over "regionsrød").
    return (min(part_scores) + sum(part_scores) / len(part_scores)) / 2 - COMPOUND_COST


def _readings(word: str, lexicon: _Lexicon, with_edits: bool) -> list[tuple[float, str]]:
    """Every lexicon reading of `word` (whole word or compound), as (score, cased text)."""
    lower = word.lower()
    scores, prefixes = lexicon.scores, lexicon.prefixes
    found: list[tuple[float, str]] = []

    def walk(i: int, segment: str, parts: list[str], out: str, edits: int) -> None:
        if len(found) > 200:
            return
        if i == len(lower):
            if segment in scores and (not parts or len(segment) >= MIN_PART):
                found.append((_score_parts([*parts, segment], scores) - edits * EDIT_COST, out))
            return
        if lower[i:] in SUFFIXES and lexicon.stems.get(segment, 0.0) >= MIN_STEM_SCORE:
            stem = lexicon.stems[segment]
            score = _score_parts([*parts, segment], scores, stem) - SUFFIX_COST - edits * EDIT_COST
            found.append((score, out + word[i:]))
        if (
            segment in scores
            and (len(segment) >= MIN_MODIFIER or segment in SHORT_MODIFIERS)
            and len(parts) < MAX_PARTS - 1
        ):
            walk(i, "", [*parts, segment], out, edits)
            if lower[i] == "s" and i + 1 < len(lower):
                walk(i + 1, "", [*parts, segment + "s"], out + word[i], edits)
        keep = segment + lower[i]
        if keep in prefixes:
            walk(i + 1, keep, parts, out + word[i], edits)
        if not with_edits or edits >= MAX_EDITS:
            return
        options = [
            (len(src), dst.lower(), _cased(dst, word[i : i + len(src)]))
            for src, dst in CONFUSIONS
            if lower.startswith(src, i)
        ]
        if i == 0:  # these rules set the case themselves: "Igsning" is "løsning"
            options += [(len(s), d.lower(), d) for s, d in START_CONFUSIONS if word.startswith(s)]
        for length, key, text in options:
            if segment + key in prefixes:
                walk(i + length, segment + key, parts, out + text, edits + 1)

    walk(0, "", [], "", 0)
    return found


def _cased(target: str, source: str) -> str:
    if source[:1].isupper() and source[:1].isalpha():
        return target[:1].upper() + target[1:].lower()
    return target


@lru_cache(maxsize=50_000)
def repair_word(word: str) -> str:
    """The best reading of one word, or the word itself when the lexicon has no clear preference."""
    letters = sum(c.isalpha() for c in word)
    acronym = word.isalpha() and word.isupper() and letters <= 3  # "SEL", "KL", "SKI"
    if acronym or not 2 <= len(word) <= MAX_WORD:
        return word
    lexicon = _lexicon()
    as_read = max((score for score, _ in _readings(word, lexicon, with_edits=False)), default=0.0)
    candidates = [r for r in _readings(word, lexicon, with_edits=True) if r[1] != word]
    if not candidates:
        return word
    score, best = max(candidates)
    if score < MIN_SCORE or score < as_read + MARGIN:
        return word
    if word.isupper() and letters > 1:
        return best.upper()
    return best


def repair_ocr_text(text: str) -> RepairResult:
    """Restore Danish letters, "I" and bullets in OCR text; URLs and numbers are left alone."""
    changes: list[tuple[str, str]] = []
    links = [m.span() for m in LINK.finditer(text)]
    link_starts = [start for start, _ in links]

    def outside_links(start: int, end: int) -> bool:
        i = bisect_right(link_starts, start) - 1
        before = i >= 0 and links[i][1] > start
        after = i + 1 < len(links) and links[i + 1][0] < end
        return not (before or after)

    def fix_token(match: re.Match[str]) -> str:
        word = match.group()
        if not outside_links(*match.span()):
            return word
        fixed = repair_word(word)
        if fixed != word:
            changes.append((word, fixed))
        return fixed

    def replace_with(replacement: str):
        def fix(match: re.Match[str]) -> str:
            if not outside_links(*match.span()):
                return match.group()
            changes.append((match.group(), replacement))
            return replacement

        return fix

    # "|" and "@" first: they change spans in place without shifting offsets.
    text = PIPE_AS_I.sub(replace_with("I"), text)
    text = AT_AS_OE.sub(replace_with("Ø"), text)
    text = TOKEN.sub(fix_token, text)
    text = _normalise_bullets(text, changes)
    return RepairResult(text, changes)


def _normalise_bullets(text: str, changes: list[tuple[str, str]]) -> str:
    def bullet(match: re.Match[str]) -> str:
        original = match.group()
        changes.append((original.strip(), "•"))
        return f"{match.group(1)}• "

    text = BULLET_ANY.sub(bullet, text)
    return BULLET_E.sub(bullet, text)


def looks_like_ocr(text: str, sample_words: int = 3000) -> bool:
    """True when the text shows OCR damage: many words that repair would change, or "@" in words."""
    words = [m.group() for m in TOKEN.finditer(LINK.sub(" ", text[:200_000]))][:sample_words]
    if not words:
        return False
    if sum("@" in w for w in words) >= 3:
        return True
    damaged = sum(1 for w in words if repair_word(w) != w)
    return damaged / len(words) >= 0.02
