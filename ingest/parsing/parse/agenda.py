"""Lines of a referat → its agenda items, in document order.

Sections ("1. Beslutningspunkter") and items ("1.1 Title") are found from their numbers; where OCR
lost a number, an item is recognised by its title line followed by a "Ved …" line and numbered
from its position. The table of contents is used only to check numbers and titles.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ingest.parsing.contract import Item, Line
from ingest.parsing.messages import Message, gettext_noop, join, ngettext_noop
from ingest.parsing.parse.attachments import match_urls
from ingest.parsing.parse.item_parts import Row, bullet_text, part_heading, split_parts
from ingest.parsing.parse.numbering import number_headings
from ingest.parsing.parse.outcome import classify_outcome
from ingest.parsing.parse.presenters import is_ved_line, parse_presenters

SECTION_RE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
ITEM_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")
# "1.1 Title 3", and Word's dot leaders "1.1 Title ........ 3" (only tried on short lines).
TOC_ENTRY_RE = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2})?)\.?\s+(\S.*?)(?:\s*[.…·_]{3,}\s*|\s+)(\d{1,3})$"
)
MAX_HEADING_CHARS = 300
TOC_WRAP_LINES = 5  # lines a contents entry's title may wrap onto
TABBED_PART_RE = re.compile(r"^([^\t:]{3,40}?)\s*\t+\s*(\S.*)$")
PIPE_ROW_RE = re.compile(r"^\|.*\|$")  # a Markdown table row in a plain-text referat
PAGE_AT_END_RE = re.compile(r"(?:\s*[.…·_]{3,}\s*|\s+)\d{1,3}$")
STRAY_NUMBER_RE = re.compile(
    r"^(?:\d{1,2}\.\d{1,2}\.?|\d{1,3}|(?:Side|Page)\s+\d{1,3}(?:\s+(?:af|of)\s+\d{1,3})?)$",
    re.IGNORECASE,
)
MARKERS_ONLY_RE = re.compile(r"^(?:[•oO0e¢©«]\s*)+$")
URL_LINE_RE = re.compile(r"^(?:https?://|file:|mailto:|www\.)\S*$", re.IGNORECASE)
# Titles start with a capital or a quote; "2.1 mio. kr. …" in running text is no item.
# A title's first letter or digit is a capital or a digit, after at most a few marks ("<", a
# quote, a dash, a bracket); "2.1 mio. kr. …" in running text is no item.
TITLE_START_RE = re.compile(r"^[^\w\s]{0,3}\s?[A-ZÆØÅÉ0-9]")
KNOWN_SECTIONS = (
    "Beslutningspunkter",
    "Drøftelsespunkter",
    "Orienteringspunkter",
    "Punkter til kommende møder",
    "Temadrøftelse",
)


@dataclass
class _Heading:
    kind: str  # "section" | "item"
    number: str
    title: str
    section: str  # the title of the section it is in ("" when the document names none)
    start: int  # index of the heading's own row
    row: int  # index of the first body row
    page: int | None
    inferred: bool = False


@dataclass
class _Toc:
    titles: dict[str, str] = field(default_factory=dict)
    rows: set[int] = field(default_factory=set)

    def title(self, number: str) -> str | None:
        return self.titles.get(number)

    def number_for(self, title: str) -> str | None:
        """The item number whose contents title is (nearly) this title."""
        for number, toc_title in self.titles.items():
            if "." in number and _close(toc_title, title, 0.9):
                return number
        return None


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio()


def _close(a: str, b: str, threshold: float) -> bool:
    """ratio(a, b) >= threshold, with the cheap upper bounds tried first (this runs per line)."""
    if not a or not b or 2 * min(len(a), len(b)) / (len(a) + len(b)) < threshold:
        return False
    matcher = SequenceMatcher(None, a.lower(), b.lower(), autojunk=False)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _rows(lines: list[Line]) -> list[Row]:
    """Clean rows: whitespace collapsed, page-end debris (link dumps, stray numbers) dropped."""
    rows: list[Row] = []
    for line in lines:
        text = _collapse(line.text)
        if STRAY_NUMBER_RE.match(text) or (text and MARKERS_ONLY_RE.match(text)):
            continue
        if URL_LINE_RE.match(text):
            previous = rows[-1].text if rows else ""
            # A URL that ends a wrapped sentence is text; a block of link targets is debris.
            if not previous or previous.rstrip().endswith((".", ":", ";", "!", "?")) or \
                    URL_LINE_RE.match(previous):
                continue
        label = TABBED_PART_RE.match(line.text.strip())
        if label and part_heading(label[1]) is not None:
            # A two-column template: "Beslutning<TAB>DASSOS godkendte …" reads as "Beslutning: …".
            text = _collapse(f"{label[1]}: {label[2]}")
        rows.append(Row(text, line.page, line.heading, list(line.links), _cells(line.text)))
    return rows


def _cells(text: str) -> list[str] | None:
    """The cells of a table row: tab-separated columns or a "| a | b |" row; None for text."""
    text = text.strip()
    label = TABBED_PART_RE.match(text)
    if PIPE_ROW_RE.match(text):
        cells = [_collapse(cell) for cell in text.strip("|").split("|")]
    elif "\t" in text and not (label and part_heading(label[1]) is not None):
        cells = [_collapse(cell) for cell in text.split("\t") if cell.strip()]
    else:
        return None
    return cells if len(cells) >= 2 else None


def _toc_entry(text: str) -> re.Match[str] | None:
    return TOC_ENTRY_RE.match(text) if len(text) <= MAX_HEADING_CHARS else None


def _find_toc(rows: list[Row]) -> _Toc:
    """The table of contents: a run of at least three numbered entries ending in a page number
    (an entry may wrap onto a line or two), or a run of numbered lines with no text between them
    whose numbers come again later (a contents list whose page numbers are lost or glued into
    the titles)."""
    toc = _Toc()
    run: list[tuple[list[int], str, str]] = []  # (rows, number, title) per entry

    def close() -> None:
        if len(run) >= 3 or run and _numbers_come_again(rows, run):
            for indices, number, title in run:
                toc.titles.setdefault(number, title)
                toc.rows.update(indices)

    index = 0
    while index < len(rows):
        if not rows[index].text:
            index += 1
            continue
        entry = _toc_entry_at(rows, index)
        if entry is None:
            close()
            run = []
            index += 1
            continue
        run.append(entry)
        index = entry[0][-1] + 1
    close()
    _find_dense_toc(rows, toc)
    return toc


def _numbers_come_again(rows: list[Row], run: list[tuple[list[int], str, str]]) -> bool:
    """A short contents list (a meeting of one or two items): its numbers head the text later."""
    later = {
        match[1] for row in rows[run[-1][0][-1] + 1 :] if (match := LABEL_RE.match(row.text))
    }
    return all(number in later for _rows, number, _title in run)


def _toc_entry_at(rows: list[Row], index: int) -> tuple[list[int], str, str] | None:
    """The contents entry starting at `index`: one line, or a numbered line whose title wraps
    onto a few more lines (a narrow contents column), the last ending in the page number."""
    match = _toc_entry(rows[index].text)
    if match:
        return [index], match[1], match[2].strip()
    label = LABEL_RE.match(rows[index].text)
    if not label or len(rows[index].text) > MAX_HEADING_CHARS:
        return None
    title = label[2]
    for probe in range(index + 1, min(index + 1 + TOC_WRAP_LINES, len(rows))):
        text = rows[probe].text
        if not text or LABEL_RE.match(text) or len(title) + len(text) > MAX_HEADING_CHARS:
            return None
        end = PAGE_AT_END_RE.search(text)
        if end:
            return list(range(index, probe + 1)), label[1], f"{title} {text[: end.start()]}".strip()
        title = f"{title} {text}"
    return None


LABEL_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\.?\s+(\S.*)$")
# Page numbers set against a title: inside a word ("fo3r") or at its end ("kapacitet5", "… 5").
GLUED_DIGITS_RE = re.compile(r"(?<=[^\W\d])\d{1,3}(?=[^\W\d])|(?<=[^\W\d])\d{1,3}$|\s+\d{1,3}$")


def _label_key(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in LABEL_RE.match(text)[1].split("."))


def _find_dense_toc(rows: list[Row], toc: _Toc) -> None:
    """Numbered lines packed together (blank lines aside, a wrapped title's second line
    allowed) whose numbers are headings later."""
    runs: list[list[int]] = []
    current: list[int] = []
    wrapped: dict[int, list[int]] = {}  # entry row → the rows its title wraps onto
    for index, row in enumerate(rows):
        if not row.text:
            continue
        if index not in toc.rows and LABEL_RE.match(row.text) and len(row.text) <= 200:
            if current and _label_key(row.text) <= _label_key(rows[current[-1]].text):
                if len(current) >= 3:  # the numbering starts again: the contents ended
                    runs.append(current)
                current = []
            current.append(index)
            continue
        if current and _wraps_entry(rows, index, current[-1], wrapped):
            wrapped.setdefault(current[-1], []).append(index)
            continue
        if len(current) >= 3:
            runs.append(current)
        current = []
    if len(current) >= 3:
        runs.append(current)
    runs += _short_contents(rows, toc, wrapped)
    for run in runs:
        numbers = [LABEL_RE.match(rows[i].text)[1] for i in run]
        later = {
            LABEL_RE.match(row.text)[1]
            for row in rows[max(run[-1], *wrapped.get(run[-1], [0])) + 1 :]
            if row.text and LABEL_RE.match(row.text)
        }
        needed = min(len(set(numbers)), max(2, len(set(numbers)) // 2))
        if len(set(numbers) & later) < needed:
            continue
        for index, number in zip(run, numbers, strict=True):
            parts = [LABEL_RE.match(rows[index].text)[2]]
            parts += [rows[i].text for i in wrapped.get(index, [])]
            title = GLUED_DIGITS_RE.sub("", " ".join(parts)).strip()
            toc.titles.setdefault(number, title)
            toc.rows.update([index, *wrapped.get(index, [])])


def _short_contents(rows: list[Row], toc: _Toc, wrapped: dict[int, list[int]]) -> list[list[int]]:
    """A contents list of one or two entries: numbered lines (titles may wrap) with nothing
    but blank lines between them and the same first number heading the text right after."""
    labelled = [i for i, row in enumerate(rows) if row.text and LABEL_RE.match(row.text)]
    for start, first in enumerate(labelled[:-1]):
        if first in toc.rows:
            continue
        for size in (1, 2):
            run = labelled[start : start + size]
            if len(run) < size or start + size >= len(labelled):
                break
            after = labelled[start + size]
            between = [
                i for i in range(run[0] + 1, after)
                if rows[i].text and i not in run and i not in wrapped.get(run[-1], [])
                and i not in wrapped.get(run[0], [])
            ]
            same = LABEL_RE.match(rows[after].text)[1] == LABEL_RE.match(rows[first].text)[1]
            if not between and same:
                return [run]
    return []


def _wraps_entry(rows: list[Row], index: int, entry: int, wrapped: dict[int, list[int]]) -> bool:
    """A short unnumbered line right after a contents entry (or its wrapped lines), with the
    next entry after it or after a few more such lines: the rest of the entry's title."""
    if index != max(entry, *wrapped.get(entry, [entry])) + 1:
        return False  # only the line straight after the entry (no blank line between)
    room = TOC_WRAP_LINES - len(wrapped.get(entry, []))
    for probe in range(index, min(index + room, len(rows))):
        text = rows[probe].text
        if not text or LABEL_RE.match(text) or not _title_piece(text):
            return False
        following = _next_text(rows, probe)
        if following is not None and LABEL_RE.match(rows[following].text):
            return True
        if following != probe + 1:
            return False  # a blank line before more unnumbered text: not the contents
    return False


def _title_piece(text: str) -> bool:
    """A line that may be part of a wrapped contents title: short, and no sentence's end
    unless it stops at an abbreviation ("… (kl.")."""
    if len(text) > 100 or text.endswith(":"):
        return False
    return not text.endswith(".") or bool(ABBREVIATION_END_RE.search(text))


def _known_section(title: str) -> str | None:
    title = title.strip().rstrip(":.")
    for name in KNOWN_SECTIONS:
        if title.lower() == name.lower() or _close(title, name, 0.85):
            return name
    return None


def _next_text(rows: list[Row], index: int, skip_blanks: int = 99) -> int | None:
    """Index of the next non-blank row after `index`, crossing at most `skip_blanks` blanks."""
    blanks = 0
    for probe in range(index + 1, len(rows)):
        if rows[probe].text:
            return probe
        blanks += 1
        if blanks > skip_blanks:
            return None
    return None


# A line that cannot end a title: it stops on a little word or inside a parenthesis.
WRAP_END_RE = re.compile(
    r"(?:\b(?:af|og|i|på|for|til|om|med|fra|ved|vedr\.|ift\.|pr\.|jf\.|samt|eller|den|det|de|"
    r"en|et|der|som|mellem|efter|under|over|ud|hos)|\([^)]*|[-–—,])$",
    re.IGNORECASE,
)
ABBREVIATION_END_RE = re.compile(
    r"\b(?:ift|jf|vedr|pr|bl\.a|mht|ca|nr|dvs|evt|m\.fl|mfl|inkl|ang|kr|mio|mia|stk|kl)\.$",
    re.IGNORECASE,
)


def _ends_like_prose(title: str, rows: list[Row], index: int) -> bool:
    """A numbered line ending a sentence is a list point, not a heading — unless it ends in an
    abbreviation or wraps onto a lower-case next line ("… ift." / "domfældte …")."""
    title = title.rstrip()
    if title.endswith((",", ";")):
        return True
    if not title.endswith("."):
        return False
    following = rows[index + 1].text if index + 1 < len(rows) else ""
    return not (ABBREVIATION_END_RE.search(title) or following[:1].islower())


def _previous_text(rows: list[Row], index: int) -> str:
    for probe in range(index - 1, -1, -1):
        if rows[probe].text:
            return rows[probe].text
    return ""


def _item_structure_follows(rows: list[Row], index: int) -> bool:
    """True when an item's body (Ved line or part heading) follows within a few lines."""
    probe, seen = index, 0
    while seen < 6:
        probe = _next_text(rows, probe)
        if probe is None:
            return False
        text = rows[probe].text
        if is_ved_line(text) or part_heading(text):
            return True
        if SECTION_RE.match(text) or ITEM_RE.match(text):
            return False
        seen += 1
    return False


def _plausible_title(title: str, max_words: int = 25) -> bool:
    return bool(TITLE_START_RE.match(title)) and len(title.split()) <= max_words


class _Walker:
    """Walks the rows once, keeping the current section and the last item number in it."""

    def __init__(self, rows: list[Row], toc: _Toc, named_sections: dict[int, str] | None = None):
        self.rows = rows
        self.toc = toc
        self.named_sections = named_sections or {}
        # A document whose headings have one level ("1.", "2." …) has no sections: each
        # numbered heading is an item.
        self.single_level = not any(
            ITEM_RE.match(row.text) and _plausible_title(ITEM_RE.match(row.text)[3])
            for index, row in enumerate(rows)
            if index not in toc.rows
        )
        self.item_seq = 0  # the last item number of a one-level document
        self.section: int | None = None
        self.section_title = ""
        self.minor = 0
        self.headings: list[_Heading] = []

    def walk(self) -> list[_Heading]:
        index = 0
        while index < len(self.rows):
            if index in self.toc.rows or not self.rows[index].text:
                index += 1
                continue
            index = self._heading_at(index)
        return self.headings

    def _paragraph_start(self, index: int) -> bool:
        if index == 0:
            return True
        previous = self.rows[index - 1]
        if not previous.text:
            return True
        last = self.headings[-1] if self.headings else None
        return last is not None and last.kind == "section" and last.row == index

    def _heading_at(self, index: int) -> int:
        row = self.rows[index]
        text = row.text
        if len(text) > MAX_HEADING_CHARS:
            return index + 1
        if index in self.named_sections:
            self.section_title = self.named_sections[index]
            self.headings.append(
                _Heading("section", "", text, text, index, index + 1, row.page)
            )
            return index + 1
        if self.single_level:
            match = SECTION_RE.match(text)
            if match and self._single_item(index, int(match[1]), match[2]):
                self.item_seq = int(match[1])
                return self._add_item(match[1], match[2], index, row.page, inferred=False)
        section = self._section(index)
        if section is not None:
            number, title = section
            end = index + 1
            # A section heading wrapped in a PDF keeps its style on every line.
            while end < len(self.rows) and (
                self._same_heading(index, end) and not SECTION_RE.match(self.rows[end].text)
                or ABBREVIATION_END_RE.search(title) and self._title_goes_on(end)
            ):
                title = f"{title} {self.rows[end].text}"
                end += 1
            self.section, self.section_title, self.minor = number, title, 0
            self.headings.append(
                _Heading("section", str(number), title, title, index, end, row.page)
            )
            return end
        match = ITEM_RE.match(text)
        if match and self._accept_item(int(match[1]), int(match[2]), match[3]):
            major, minor = int(match[1]), int(match[2])
            if major != self.section:
                self._enter_implicit_section(major)
            self.minor = minor
            number = f"{major}.{minor}"
            return self._add_item(number, match[3], index, row.page, inferred=False)
        if self._unnumbered_item(index):
            number = self.toc.number_for(text)
            if number is None or not self._accept_item(*map(int, number.split(".")), text):
                if self.section is None:
                    self._enter_implicit_section(1)
                number = f"{self.section}.{self.minor + 1}"
            major, minor = map(int, number.split("."))
            if major != self.section:
                self._enter_implicit_section(major)
            self.minor = minor
            return self._add_item(number, text, index, row.page, inferred=True)
        return index + 1

    def _enter_implicit_section(self, major: int) -> None:
        """An item numbered into a section whose heading the text does not show."""
        self.section, self.minor = major, 0
        self.section_title = self.toc.title(str(major)) or ""

    def _section(self, index: int) -> tuple[int, str] | None:
        text = self.rows[index].text
        current = self.section or 0
        match = SECTION_RE.match(text)
        if match and self.single_level:
            return None  # numbered headings are items; sections can only be named
        if match and not ITEM_RE.match(text):
            number, title = int(match[1]), match[2].strip()
            # The first section may have any number; later ones follow on.
            in_order = self.section is None or current < number <= current + 2
            if not in_order or not _plausible_title(title, 10):
                return None
            if "?" in title or title.endswith((",", ";")) or (
                title.endswith(".") and not ABBREVIATION_END_RE.search(title)
            ):
                return None
            known = _known_section(title)
            toc_title = self.toc.title(str(number))
            if toc_title is not None and _close(toc_title, title, 0.8):
                return number, title
            if known or _item_structure_follows(self.rows, index):
                return number, title
            if self._opens_items(index, number):
                return number, title
            if number == current + 1 and self._closing_heading(index, title):
                return number, title  # "3. Eventuelt" ending an agenda, with nothing under it
            return None
        if not self._standalone(index) or len(text) > 40:
            return None
        known = _known_section(text)
        if known and not is_ved_line(self._next_line(index)):
            return current + 1, known
        if self._heads_items(index):
            return current + 1, text.strip().rstrip(":")
        return None

    def _heads_items(self, index: int) -> bool:
        """An unnumbered heading set larger than the numbered heading right under it ("## Til
        beslutning" over "### 1. Godkendelse af dagsorden"): a section, whatever its words."""
        row = self.rows[index]
        probe = _next_text(self.rows, index)
        if row.heading is None or probe is None or probe in self.toc.rows:
            return False
        if row.text.rstrip().endswith((".", ",", ";")) or part_heading(row.text):
            return False
        following = self.rows[probe]
        numbered = ITEM_RE.match(following.text) or SECTION_RE.match(following.text)
        return following.heading is not None and following.heading > row.heading and bool(
            numbered
        )

    def _opens_items(self, index: int, number: int) -> bool:
        """True when the next line is the first item of this section ("2." then "2.1 …")."""
        match = ITEM_RE.match(self._next_line(index))
        return bool(match) and int(match[1]) == number and _plausible_title(match[3])

    def _closing_heading(self, index: int, title: str) -> bool:
        """A short heading, styled or alone, that nothing but blank lines follows."""
        if len(title.split()) > 8 or title.endswith((".", ",", ";", ":")):
            return False
        if not (self.rows[index].heading is not None or self._paragraph_start(index)):
            return False
        return _next_text(self.rows, index) is None

    def _single_item(self, index: int, number: int, title: str) -> bool:
        """A heading of a one-level document: next in sequence, standing alone or styled."""
        row = self.rows[index]
        styled = row.heading is not None
        top = self.item_seq + (3 if styled else 1)
        if not self.item_seq < number <= top and not (self.item_seq == 0 and number == 0):
            return False
        if not _plausible_title(title, 25) or _ends_like_prose(title, self.rows, index):
            return False
        if styled:
            return True
        if not self._paragraph_start(index):
            return False
        previous = _previous_text(self.rows, index)
        if previous.endswith(":"):
            return False  # "… følgende punkter:" then a numbered list
        following = self.rows[index + 1].text if index + 1 < len(self.rows) else ""
        return (
            not following
            or part_heading(following) is not None
            or is_ved_line(following)
            or len(title.split()) <= 12
        )

    def _next_line(self, index: int) -> str:
        probe = _next_text(self.rows, index)
        return self.rows[probe].text if probe is not None else ""

    def _standalone(self, index: int) -> bool:
        after = index + 1 >= len(self.rows) or not self.rows[index + 1].text
        return self._paragraph_start(index) and (after or self.rows[index].heading is not None)

    def _accept_item(self, major: int, minor: int, title: str) -> bool:
        if not _plausible_title(title) or minor < 1 or minor > 30:
            return False
        if self.section is None:
            return True
        listed = self.toc.title(f"{major}.{minor}")
        if listed is not None and _close(listed, title, 0.8):
            # The contents vouch for it, even after a gap in the numbering.
            return major > self.section or (major == self.section and minor > self.minor)
        if major == self.section:
            return self.minor < minor <= self.minor + 3
        return major == self.section + 1 and minor <= 2

    def _unnumbered_item(self, index: int) -> bool:
        """A title line whose next line (across one blank) is a 'Ved <Name>' presenter line."""
        text = self.rows[index].text
        if not self._paragraph_start(index) or not _plausible_title(text, 18):
            return False
        if not text[0].isupper() or text.endswith((".", ":", ";", ",")) or len(text) > 140:
            return False
        if bullet_text(text) is not None or part_heading(text) or is_ved_line(text):
            return False
        probe = _next_text(self.rows, index, skip_blanks=1)
        if probe is not None and is_ved_line(self.rows[probe].text):
            return bool(parse_presenters(self.rows[probe].text))
        # Without a Ved line, only a line standing alone that the contents list names.
        return self._standalone(index) and self.toc.number_for(text) is not None

    def _title_goes_on(self, row: int) -> bool:
        """Row `row` carries on a heading that stopped at an abbreviation ("… (kl." then
        "12.00-12.20)"): text, and no heading, item, part or Ved line of its own."""
        text = self.rows[row].text
        return bool(text) and not _stands_alone(text)

    def _same_heading(self, index: int, row: int) -> bool:
        """Row `row` goes on the heading at `index`: set in the same heading style, no blank
        line between, and no heading, item or part of its own (a heading wrapped in a PDF)."""
        style = self.rows[index].heading
        following = self.rows[row]
        return (
            style is not None
            and bool(following.text)
            and following.heading == style
            and all(self.rows[between].text for between in range(index + 1, row))
            and not ITEM_RE.match(following.text)
            and not part_heading(following.text)
        )

    def _add_item(self, number: str, title: str, index: int, page: int | None, inferred: bool):
        title = title.strip()
        body = index + 1
        while body < len(self.rows) and self.rows[body].text:
            following = self.rows[body]
            same_style = self._same_heading(index, body)
            if not same_style and (body > index + 1 or not self._continues_title(
                number, title, following.text, body
            )):
                break
            title = f"{title} {following.text}"
            body += 1
        self.headings.append(
            _Heading("item", number, title, self.section_title, index, body, page, inferred)
        )
        return body

    def _continues_title(self, number: str, title: str, following: str, row: int) -> bool:
        """A title wrapped onto the next line (no blank line in between)."""
        if _stands_alone(following) or bullet_text(following):
            return False
        toc_title = self.toc.title(number)
        if toc_title is not None:
            joined = f"{title} {following}"
            return _similar(toc_title, joined) > _similar(toc_title, title)
        if WRAP_END_RE.search(title) or following[:1].islower():
            return True
        if title.endswith((".", ":")) and not ABBREVIATION_END_RE.search(title):
            return False
        if len(title) >= 45:
            return True
        # A short last line that the heading's block ends with: a blank, a Ved line or a part.
        after = self.rows[row + 1].text if row + 1 < len(self.rows) else ""
        closes = not after or is_ved_line(after) or part_heading(after) is not None
        return closes and len(following.split()) <= 8 and not following.endswith(".")


def _stands_alone(text: str) -> bool:
    """A line that is never the rest of a heading: a heading, item, part or Ved line itself."""
    return bool(
        ITEM_RE.match(text) or SECTION_RE.match(text) or part_heading(text) or is_ved_line(text)
    )


def _item_from(heading: _Heading, rows: list[Row], end: int, committee: str | None) -> Item:
    content = rows[heading.row : end]
    parts = split_parts(content)
    pages = [row.page for row in content if row.text and row.page is not None]
    if heading.page is not None:
        pages.append(heading.page)
    return Item(
        number=heading.number,
        section=heading.section,
        title=_collapse(heading.title),
        presenters=parts.presenters,
        indstilling=parts.indstilling,
        referat=parts.referat,
        sagsfremstilling=parts.sagsfremstilling,
        outcome=classify_outcome(parts.referat, committee),
        attachments=parts.attachments,
        pages=(min(pages), max(pages)) if pages else None,
        other_parts=parts.other_parts,
    )


def parse_agenda(
    lines: list[Line], urls: list[str], body: str | None = None
) -> tuple[list[Item], list[Message]]:
    """Every agenda item in document order, and warnings about what had to be inferred.

    `body` is the committee the document names, whose own decisions the outcome looks for.
    """
    rows = _rows(lines)
    numbering = number_headings(
        [row.text for row in rows],
        {i for i, row in enumerate(rows) if row.text},
        {i for i, row in enumerate(rows) if row.heading is not None},
    )
    for row, text in zip(rows, numbering.texts, strict=True):
        row.text = text
    toc = _find_toc(rows)
    walker = _Walker(rows, toc, numbering.sections)
    headings = walker.walk()
    for heading in headings:
        heading.number = numbering.display(heading.number, heading.start)
    items: list[Item] = []
    for position, heading in enumerate(headings):
        end = headings[position + 1].start if position + 1 < len(headings) else len(rows)
        following = headings[position + 1] if position + 1 < len(headings) else None
        if heading.kind == "section" and not _has_item_body(rows[heading.row : end]) and (
            following is not None and following.kind == "item" or not heading.number
        ):
            continue  # a section that holds items (or a named one)
        # A section with an item's body but no sub-items ("4. Dialog med …") is one item.
        items.append(_item_from(heading, rows, end, body))
    if walker.single_level and len(items) == 1 and not _has_item_body(
        rows[headings[0].row :]
    ):
        items = []  # one numbered line in a text that has no agenda is no agenda
    if not items:
        headings = _styled_headings(rows, toc)
        items = [
            _item_from(heading, rows, headings[n + 1].start if n + 1 < len(headings) else
                       len(rows), body)
            for n, heading in enumerate(headings)
        ]
    attachments = [a for item in items for a in item.attachments]
    match_urls(attachments, urls)
    return items, _warnings(headings, items, toc)


def _styled_headings(rows: list[Row], toc: _Toc) -> list[_Heading]:
    """Items of a document that numbers nothing: its headings by typography alone.

    The item level is the heading level most used for lines that are no part heading, label or
    running text; items are numbered by position. Needs at least two such headings, each with
    a body, so a styled title alone makes no agenda.
    """
    candidates = [
        index for index, row in enumerate(rows)
        if row.heading is not None and row.text and index not in toc.rows
        and not part_heading(row.text) and not row.text.rstrip().endswith((":", "."))
        and _plausible_title(row.text, 18) and not is_ved_line(row.text)
    ]
    levels = Counter(rows[index].heading for index in candidates)
    if not levels:
        return []
    level = max(levels, key=lambda key: (levels[key], -key))
    chosen = [index for index in candidates if rows[index].heading == level]
    headings = [
        _Heading("item", str(n), rows[index].text, "", index, index + 1, rows[index].page, True)
        for n, index in enumerate(chosen, start=1)
    ]
    bodies = [
        _has_item_body(rows[h.row : headings[n + 1].start if n + 1 < len(headings) else None])
        for n, h in enumerate(headings)
    ]
    return headings if len(headings) >= 2 and sum(bodies) >= len(headings) / 2 else []


def _has_item_body(rows: list[Row]) -> bool:
    return any(row.text and (part_heading(row.text) or is_ved_line(row.text)) for row in rows)


def _warnings(headings: list[_Heading], items: list[Item], toc: _Toc) -> list[Message]:
    """What a reader should check: inferred numbers, contents entries not found in the text."""
    warnings: list[Message] = []
    inferred = [h.number for h in headings if h.kind == "item" and h.inferred]
    if inferred:
        if toc.titles:
            source = Message(gettext_noop("deres placering og indholdsfortegnelsen"))
        else:
            source = Message(gettext_noop("deres placering"))
        warnings.append(
            Message(
                ngettext_noop(
                    "%(count)d punkt har intet nummer i teksten (%(numbers)s); numrene er udledt "
                    "af %(source)s.",
                    "%(count)d punkter har intet nummer i teksten (%(numbers)s); numrene er "
                    "udledt af %(source)s.",
                ),
                count=len(inferred),
                numbers=", ".join(inferred),
                source=source,
            )
        )
    found = {item.number for item in items}
    missing = [number for number in toc.titles if "." in number and number not in found]
    if missing:
        listed = join(
            [
                Message(gettext_noop("%(number)s »%(title)s«"), number=n, title=toc.titles[n])
                for n in missing
            ],
            "; ",
        )
        warnings.append(
            Message(
                gettext_noop(
                    "Indholdsfortegnelsen nævner punkter, som ikke findes i teksten: %(items)s."
                ),
                items=listed,
            )
        )
    return warnings
