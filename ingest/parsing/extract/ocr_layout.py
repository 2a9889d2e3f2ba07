"""Tesseract's word boxes → the visual lines the born-digital PDF path builds from characters.

Words are regrouped into rows by vertical overlap, so the columns of a participant table (which
Tesseract may read as separate blocks) come back side by side, each name on its organisation's
row even when a cell wraps; a wide gap between words becomes a tab, as in the PDF path. Each
row gets a font size estimated from its words' heights (by which letters rise or descend) and a
bold hint from its stroke width, and positions in points, so pdf._extracted can drop running
headers and page numbers by position, tell headings by size and weight, and find paragraphs.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from difflib import get_close_matches

import numpy as np

from ingest.parsing.vocabulary import OTHER_PARTS, PART_WORDS

ASCENDERS = set("bdfhklt0123456789ÆØÅæøå§&%/()[]{}|!?'\"")  # rise to cap height
DESCENDERS = set("gjpqy(),;[]{}|")
# A word's box height as a share of the font size (sans serif fonts: cap height ~0.73, x-height
# ~0.53, descender ~0.23): (has ascender or capital, has descender) → share.
HEIGHT_SHARE = {(True, True): 0.98, (True, False): 0.74, (False, True): 0.76, (False, False): 0.54}
TAB_GAP = 1.6  # a gap wider than this many font sizes separates columns (cf. pdf.TAB_GAP)
BOLD_STROKE = 1.3  # a row whose strokes are this much wider than the body text's is bold
SIZE_BAND = 0.09  # sizes within 9 % of each other are one size


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    ink: int = 0  # ink pixels in the box
    runs: int = 0  # horizontal runs of ink in the box: ink / runs is the stroke width

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def em(self) -> float:
        """The font size this word's box implies, in pixels."""
        letters = [c for c in self.text if not c.isspace()]
        rises = any(c.isupper() or c in ASCENDERS for c in letters)
        drops = any(c in DESCENDERS for c in letters)
        return self.height / HEIGHT_SHARE[(rises, drops)]


@dataclass
class Row:
    words: list[Word] = field(default_factory=list)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def centre(self) -> float:
        return statistics.median((w.top + w.bottom) / 2 for w in self.words)


def words_from_data(data: dict, binary: np.ndarray | None = None) -> list[list[Word]]:
    """pytesseract image_to_data (dict output) → Tesseract's lines, each a list of Words."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if data["level"][i] != 5 or not text:
            continue
        word = Word(text, data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        if word.width <= 0 or word.height <= 0:
            continue
        if binary is not None:
            box = binary[word.top:word.bottom, word.left:word.right] < 128
            word.ink = int(box.sum())
            word.runs = int(box[:, :1].sum() + (box[:, 1:] & ~box[:, :-1]).sum())
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(word)
    return list(lines.values())


def rows_from_lines(lines: list[list[Word]]) -> list[Row]:
    """Tesseract's lines merged into visual rows: lines side by side (columns) share a row.

    A line joins a row when its vertical middle lies within the row's span and the row's middle
    within the line's, so a wrapped cell's second line stays a row of its own.
    """
    lines = sorted((line for line in lines if line), key=lambda ws: _middle(ws))
    rows: list[Row] = []
    for line in lines:
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        middle = _middle(line)
        for row in reversed(rows[-4:]):
            overlapping = row.top <= middle <= row.bottom and top <= row.centre <= bottom
            clear = all(w.right <= line[0].left or w.left >= line[-1].right for w in row.words)
            if overlapping and clear:
                row.words.extend(line)
                break
        else:
            rows.append(Row(list(line)))
    for row in rows:
        row.words.sort(key=lambda w: w.left)
    rows.sort(key=lambda r: r.top)
    return rows


def _middle(words: list[Word]) -> float:
    return statistics.median((w.top + w.bottom) / 2 for w in words)


def row_text(row: Row, em: float) -> str:
    """The row's words, a tab where the gap between two is wider than TAB_GAP font sizes."""
    parts: list[str] = []
    previous = None
    for word in row.words:
        if previous is not None:
            parts.append("\t" if word.left - previous.right > TAB_GAP * em else " ")
        parts.append(word.text)
        previous = word
    return "".join(parts)


def row_em(row: Row) -> float:
    """The row's font size in pixels: the median of what its words' heights imply."""
    return statistics.median(w.em for w in row.words)


def quantise_sizes(sizes: list[float], weights: list[int]) -> list[float]:
    """Sizes within SIZE_BAND of each other become one size (their weighted median), rounded
    to half points, so equal fonts compare equal as they do in a born-digital PDF."""
    order = sorted(range(len(sizes)), key=lambda i: sizes[i])
    out = [0.0] * len(sizes)
    group: list[int] = []

    def close(group: list[int]) -> None:
        values = sorted((sizes[i], weights[i]) for i in group)
        half, seen, value = sum(w for _, w in values) / 2, 0, values[-1][0]
        for size, weight in values:
            seen += weight
            if seen >= half:
                value = size
                break
        for i in group:
            out[i] = round(value * 2) / 2
    for i in order:
        if group and sizes[i] > sizes[group[0]] * (1 + SIZE_BAND):
            close(group)
            group = []
        group.append(i)
    if group:
        close(group)
    return out


def stroke(row: Row, em: float) -> float:
    """The row's stroke width as a share of its font size: bold type's is half as wide again.

    A stroke's width is the mean length of the horizontal runs of ink in the row's word boxes.
    """
    runs = sum(w.runs for w in row.words)
    return sum(w.ink for w in row.words) / runs / em if runs and em else 0.0


# --- OCR-tolerant words: heading labels and item numbers that Tesseract misread ---------------

_PART_LABELS = sorted(
    {word for words in PART_WORDS.values() for word in words} | set(OTHER_PARTS), key=len
)
_LABEL_RE = re.compile(r"^(?P<word>[^\W\d_][\w ]{3,30}?)(?P<rest>:?\s*)$")
_LONE_ONE_RE = re.compile(r"^[l|](?=\.\s+[A-ZÆØÅ])")
_NUMBER_RE = re.compile(r"^(?P<num>[0-9lI|]{1,2})\s?\.\s?(?P<sub>[0-9lI|]{1,2})(?P<rest>\.?\s)")


def repair_part_label(text: str) -> str:
    """A line that is a misread part heading ("Refarat", "lndstilling:", "Sagsfremstiling")
    becomes the heading the parser knows; other lines are left as they are."""
    match = _LABEL_RE.match(text.strip())
    if not match:
        return text
    word = match["word"].strip()
    if word in _PART_LABELS:
        return text
    candidate = "I" + word[1:] if word.startswith("l") else word  # "lndstilling"
    found = get_close_matches(candidate, _PART_LABELS, n=1, cutoff=0.8)
    if not found or abs(len(found[0]) - len(word)) > 2:
        return text
    return found[0] + match["rest"].rstrip(" ")


def repair_item_number(text: str) -> str:
    """'1 .2 Title', 'l.2 Title', '1. 2 Title' → '1.2 Title', 'l. Title' → '1. Title': digits
    misread as l, I or |, and stray spaces, at the start of a line that is a numbered heading."""
    match = _NUMBER_RE.match(text)
    if not match:
        # "l. Title" is "1. Title" (a capital I may be a roman numeral, so it stays).
        return _LONE_ONE_RE.sub("1", text, count=1)
    fix = str.maketrans({"l": "1", "I": "1", "|": "1"})
    number = f"{match['num'].translate(fix)}.{match['sub'].translate(fix)}"
    return number + match["rest"] + text[match.end():]


_JUNK_BULLET_RE = re.compile(r"^[«»+¢©°·.*e]{1,2}[-+]?\s+(?=[A-ZÆØÅ0-9\"“])")


def repair_bullet(text: str) -> str:
    """A bullet Tesseract read as '«+', '«-', '.', '©' or 'e' becomes '• ' (a dash stays)."""
    return _JUNK_BULLET_RE.sub("• ", text, count=1)


_DECIMAL_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+\S")
_GLUED_RE = re.compile(r"^(\d)(\d)\s+(?=[A-ZÆØÅ])")  # "12 Budget" read for "1.2 Budget"
_NUMBERED_RE = re.compile(r"^[\dlI|]{1,2}[.)]?(?:\s|[\dlI|]{1,2}\b)")


def recover_item_numbers(lines: list) -> None:
    """Item headings whose number OCR garbled or lost get it back from the order of the others.

    Among headings in a document whose items are numbered "1.2", a heading of the same style
    read as "12 Budget" is "1.2 Budget" when 1.2 is the number due there, and a heading with no
    number at all between 1.2 and 1.4 is 1.3; one whose title a contents line gives with a
    number takes that number.
    """
    numbered = [
        (i, line) for i, line in enumerate(lines)
        if line.heading is not None and _DECIMAL_RE.match(line.text)
    ]
    if len(numbered) < 2:
        return
    style = max(
        {(line.heading, line.size) for _, line in numbered},
        key=lambda key: sum((line.heading, line.size) == key for _, line in numbered),
    )
    items = [
        (i, line) for i, line in enumerate(lines)
        if line.text and (line.heading, line.size) == style
    ]
    contents = {
        _title(line.text, page=True): m.group(1) + "." + m.group(2)
        for line in lines
        if line.heading is None and (m := _DECIMAL_RE.match(line.text))
    }
    previous: tuple[int, int] | None = None
    for position, (index, line) in enumerate(items):
        match = _DECIMAL_RE.match(line.text)
        if match:
            previous = (int(match.group(1)), int(match.group(2)))
            continue
        due = (previous[0], previous[1] + 1) if previous else None
        following = _next_number(items[position + 1:])
        glued = _GLUED_RE.match(line.text)
        if glued and due == (int(glued.group(1)), int(glued.group(2))):
            line.text = f"{glued.group(1)}.{glued.group(2)} " + line.text[glued.end():]
            previous = due
        elif (
            line.text[:1].isupper() and not _NUMBERED_RE.match(line.text)
            and index > 0 and not lines[index - 1].text  # a heading's own paragraph
        ):
            number = contents.get(_title(line.text))
            if number is None and due and following == (due[0], due[1] + 1):
                number = f"{due[0]}.{due[1]}"
            if number is not None:
                line.text = f"{number} {line.text}"
                major, minor = number.split(".")
                previous = (int(major), int(minor))


def _next_number(items: list) -> tuple[int, int] | None:
    for _, line in items:
        match = _DECIMAL_RE.match(line.text)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


def _title(text: str, page: bool = False) -> str:
    """A title without its number (and, in a contents line, its page), to match headings."""
    text = re.sub(r"^[\d.\s]+", "", text)
    if page:
        text = re.sub(r"[\s.]*\d+$", "", text)
    return " ".join(text.lower().split())
