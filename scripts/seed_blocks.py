"""Read a clean seed referat (pdftotext-like, Markdown-like or plain) into layout blocks.

The blocks are what a Word referat is made of — cover fields, participant rows, table of contents,
numbered headings, sub-headings, paragraphs, bullets, bilag lines, tables and page breaks — so the
test-PDF renderer can draw them without any of the seed's markup.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

MONTH_NAMES = "januar februar marts april maj juni juli august september oktober november december"
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES.split(), start=1)}
SUBHEADINGS = ("Indstilling", "Referat", "Sagsfremstilling", "Bilag", "Efterskrift", "Bemærkninger")
CONJUNCTIONS = {"og", "eller", "samt", "and", "or"}
TERMINAL = (".", ":", "!", "?", ";")

URL_LINE = re.compile(r"\s*((?:https?|file)://\S+)\s*")
RUNNING_HEADER = re.compile(r"\s*DASSOS\s{2,}Referat\s+\d{1,2}\.\d{1,2}\.\d{2}\s*")
TOC_HEADING = re.compile(r"(Dagsorden til|Referat fra) møde i DASSOS")
TOC_ROW = re.compile(r"(\d{1,2}(?:\.\d{1,2})*\.?)\s+(\S.*?)\s+(\d{1,3})")
COVER_TITLE = re.compile(r"DASSOS den (\d{1,2})\. (\w+) (\d{4})")
FIELD = re.compile(r"(Tidspunkt|Sted|Lokale)\s*:\s*(.*)")
PARTICIPANTS = re.compile(r"(Deltagere|Afbud)\s*:?\s*(.*)")
ITEM = re.compile(r"(\d{1,2})\.\d{1,2}\.?\s+(\S.*)")
SECTION = re.compile(r"(\d{1,2})\.?\s+(\S.*)")
BILAG = re.compile(r"Bilag\s+(\d{1,2}[a-z]?|[A-Z])\s*(?::|-|–)\s*\S.*")
BULLET = re.compile(r"(\s*)([•\-o–])\s+(\S.*)")
NUMBERED = re.compile(r"(\d{1,2}[.)])\s+(\S.*)")
ORG_TAIL = re.compile(r"(.+?)\s+((?:Region|KKR|Fælleskommunalt)\b.*|\S+ Kommune\b.*)")


@dataclass
class Block:
    """One thing to draw: its kind decides the style."""

    kind: str
    text: str = ""
    number: str = ""  # heading, toc or list label; bilag label
    parts: list[str] = field(default_factory=list)  # text split by forced page breaks
    rows: list[tuple[str, str]] = field(default_factory=list)  # participant rows
    cells: list[str] = field(default_factory=list)  # table cells or field value lines
    level: int = 1  # bullet nesting
    bold: bool = False
    italic: bool = False
    inline: bool = False  # participants label shares the first row
    url: str | None = None
    page: int | None = None  # the page the seed's table of contents gives


@dataclass
class Seed:
    blocks: list[Block]
    header_date: str  # "25.11.21" as in the running header
    urls: list[str]  # link targets the seed text carries


@dataclass
class _Entry:
    kind: str  # text | soft | hard | break
    s: str = ""
    lead: bool = False  # pdftotext marks a new page with one leading space
    md: bool = False  # a Markdown heading
    bold: bool = False
    trail: bool = False  # the line kept a trailing space


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped pieces of text, undoing end-of-line hyphenation like a careful reader."""
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right:
        first_word = right.split()[0].strip(",.;:")
        if first_word in CONJUNCTIONS:
            return f"{left} {right}"
        if right[0].islower():
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


def slugify(text: str) -> str:
    text = text.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def bilag_url(label: str, title: str, seed_urls: list[str], seed_name: str) -> str:
    """The URL the seed carries for this bilag when its slug matches, else a plausible one."""
    prefix = f"bilag-{label.lower()}-"
    words = [w for w in slugify(title).split("-") if len(w) >= 4]
    for url in seed_urls:
        slug = url.rsplit("/", 1)[-1].lower()
        if slug.startswith(prefix) and any(w in slug for w in words):
            return url
    folder = hashlib.sha1(f"{seed_name}|{label}|{title}".encode()).hexdigest()[:8]
    slug = (prefix + slugify(title))[:90].rstrip("-")
    return f"https://sekretariatmidtjylland.viborg.dk/media/{folder}/{slug}.pdf"


def _clean(line: str) -> _Entry:
    md = re.match(r"\s*#+\s*", line)
    bold = "<b>" in line or line.strip().startswith("**")
    s = line[md.end():] if md else line
    s = re.sub(r"</?[bi]>", "", s).replace("**", "")
    s = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", s)
    s = s.replace("\\(", "(").replace("\\)", ")")
    lead = line.startswith(" ") and not line.startswith("  ")
    trail = line.endswith(" ")
    return _Entry("text", s.rstrip(" \r"), lead=lead, md=bool(md), bold=bold, trail=trail)


def _entries(text: str) -> tuple[list[_Entry], list[str]]:
    entries: list[_Entry] = []
    urls: list[str] = []
    after_header = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if match := URL_LINE.fullmatch(line):
            urls.append(match.group(1))
            entries.append(_Entry("hard"))
        elif RUNNING_HEADER.fullmatch(line):
            entries.append(_Entry("break"))
            after_header = True
        elif after_header and line.strip().isdigit():
            after_header = False
        elif line == "":
            entries.append(_Entry("soft"))
        elif not line.strip():
            entries.append(_Entry("hard"))
        else:
            after_header = False
            entries.append(_clean(line))
    return entries, urls


def _split_row(s: str) -> tuple[str, str]:
    s = s.strip()
    if "\t" in s:
        name, org = s.split("\t", 1)
    elif re.search(r"\s{2,}", s):
        name, org = re.split(r"\s{2,}", s, maxsplit=1)
    elif match := ORG_TAIL.fullmatch(s):
        name, org = match.groups()
    else:
        name, org = s, ""
    return name.strip(), org.strip()


def _pair_split_columns(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rows whose names and organisations came out as two separate blocks are paired up again."""
    out: list[tuple[str, str]] = []
    run: list[str] = []
    for name, org in [*rows, ("", "-")]:
        if not org and name:
            run.append(name)
            continue
        if run and len(run) % 2 == 0:
            half = len(run) // 2
            out.extend(zip(run[:half], run[half:], strict=True))
        else:
            out.extend((n, "") for n in run)
        run = []
        if name:
            out.append((name, org))
    return out


class _Reader:
    def __init__(self, entries: list[_Entry]):
        self.entries = entries
        texts = [e for e in entries if e.kind == "text"]
        self.markdown = any(e.md for e in entries)
        # pdftotext-like seeds wrap paragraphs (lines keep a trailing space); the others hold
        # one paragraph per line.
        self.wrapped = sum(e.trail for e in texts) > len(texts) / 3
        self.blocks: list[Block] = []
        self.toc: dict[str, int] = {}
        self.section = 0

    def next_text(self, i: int) -> int | None:
        for j in range(i + 1, len(self.entries)):
            if self.entries[j].kind == "text":
                return j
            if self.entries[j].kind == "break":
                return None
        return None

    def read(self) -> list[Block]:
        first = self.next_text(-1)
        i = 0
        if first is not None and COVER_TITLE.search(self.entries[first].s):
            i = self.read_cover(first)
        self.read_body(i)
        return self.blocks

    # -- cover page and table of contents -------------------------------------------------
    def read_cover(self, i: int) -> int:
        entries = self.entries
        participants: Block | None = None
        while i < len(entries):
            e = entries[i]
            s = e.s.strip()
            if e.kind != "text":
                if e.kind == "break":
                    participants = None
                i += 1
                continue
            if COVER_TITLE.search(s):
                self.blocks.append(Block("title", s))
            elif s == "Referat":
                self.blocks.append(Block("subtitle", s))
            elif TOC_HEADING.fullmatch(s):
                self.blocks.append(Block("pagebreak"))
                self.blocks.append(Block("toc-heading", s))
                return self.read_toc(i + 1)
            elif match := FIELD.fullmatch(s):
                participants = None
                values = [match.group(2).strip()]
                while (j := i + 1) < len(entries) and entries[j].kind == "text":
                    if FIELD.fullmatch(entries[j].s.strip()) or PARTICIPANTS.fullmatch(
                        entries[j].s.strip()
                    ):
                        break
                    values.append(entries[j].s.strip())
                    i = j
                self.blocks.append(Block("field", number=match.group(1) + ":", cells=values))
            elif match := PARTICIPANTS.fullmatch(s):
                label = match.group(1) + (":" if ":" in s[: len(match.group(1)) + 2] else "")
                participants = Block("participants", number=label, inline=bool(match.group(2)))
                if match.group(2):
                    participants.rows.append(_split_row(match.group(2)))
                self.blocks.append(participants)
            elif participants is not None:
                participants.rows.append(_split_row(e.s))
            else:
                return i
            i += 1
        return i

    def read_toc(self, i: int) -> int:
        entries = self.entries
        while i < len(entries):
            e = entries[i]
            if e.kind == "break":
                self.blocks.append(Block("pagebreak"))
            elif e.kind == "text":
                match = TOC_ROW.fullmatch(e.s.strip())
                if not match:
                    return i
                number, title, page = match.groups()
                self.toc[number.rstrip(".")] = int(page)
                self.blocks.append(
                    Block("toc", title, number=number, page=int(page), bold=e.bold)
                )
            i += 1
        return i

    # -- the agenda items ------------------------------------------------------------------
    def classify(self, e: _Entry) -> tuple[str, re.Match | None]:
        s = e.s.strip()
        match = ITEM.fullmatch(s)
        if self.markdown and not e.md:
            match = None
        if match and (e.md or int(match.group(1)) == self.section):
            return "item", match
        match = None if self.markdown and not e.md else SECTION.fullmatch(s)
        if match and (
            e.md
            or (
                int(match.group(1)) == self.section + 1
                and len(match.group(2)) <= 70
                and match.group(2)[0].isupper()
                and not s.endswith(".")
            )
        ):
            return "section", match
        bare = s.rstrip(":").strip()
        if bare in SUBHEADINGS or (s.startswith("Sagsfremstilling ") and s.endswith(":")):
            return "subheading", None
        if e.md:
            return "minor", None
        if match := BILAG.fullmatch(s):
            return "bilag", match
        if match := BULLET.fullmatch(e.s):
            marker, rest = match.group(2), match.group(3)
            if marker == "•" or rest[0].isupper() or rest[0].isdigit() or rest[0] in "*\"”":
                return "bullet", match
        if match := NUMBERED.fullmatch(s):
            return "numbered", match
        if "\t" in e.s:
            return "table", None
        if re.match(r"Ved\s+\S", s):
            return "presenter", None
        return "text", None

    def is_minor_heading(self, i: int, s: str) -> bool:
        if len(s) > 75 or len(s.split()) > 10 or s.endswith((*TERMINAL, ",")):
            return False
        if not s[0].isupper():
            return False
        j = self.next_text(i)
        if j is None:
            return False
        kind, _ = self.classify(self.entries[j])
        nxt = self.entries[j].s.strip()
        return kind in ("text", "numbered", "table", "presenter") and not nxt[0].islower()

    def read_body(self, i: int) -> None:
        entries = self.entries
        open_block: Block | None = None  # the block a wrapped line may continue
        blank: str | None = None
        page_started = False  # whether anything is drawn since the last page break
        while i < len(entries):
            e = entries[i]
            i += 1
            if e.kind == "break":
                self.blocks.append(Block("pagebreak"))
                page_started = False
                blank = "hard"
                continue
            if e.kind in ("soft", "hard"):
                blank = "hard" if "hard" in (blank, e.kind) else "soft"
                continue
            new_page = self.wrapped and e.lead and page_started
            page_started = True
            kind, match = self.classify(e)
            s = e.s.strip()
            if kind == "text" and open_block is not None and self.continues(open_block, s, blank):
                if new_page:
                    open_block.parts.append(s)
                else:
                    open_block.parts[-1] = join_wrapped(open_block.parts[-1], s)
                blank = None
                continue
            if new_page:
                self.blocks.append(Block("pagebreak"))
            blank = None
            open_block = None
            if kind == "item":
                number, title = s.split(None, 1)
                target = self.toc.get(number.rstrip("."))
                block = Block("item", number=number, parts=[title], page=target)
                open_block = block
            elif kind == "section":
                number, title = match.group(1), match.group(2)
                self.section = int(number)
                target = self.toc.get(number)
                block = Block("section", number=f"{number}.", parts=[title], page=target)
            elif kind == "subheading":
                block = Block("subheading", s)
            elif kind == "minor":
                block = Block("subheading", s)
            elif kind == "bilag":
                block = Block("bilag", number=match.group(1), parts=[s])
                open_block = block
            elif kind == "bullet":
                lead, marker, rest = match.groups()
                level = 2 if marker == "o" or (marker == "-" and lead) else 1
                block = Block("bullet", parts=[rest], level=level)
                open_block = block
            elif kind == "numbered":
                block = Block("numbered", number=match.group(1), parts=[match.group(2)])
                open_block = block
            elif kind == "table":
                block = Block("table", cells=[c.strip() for c in e.s.split("\t")])
            elif kind == "text" and self.is_minor_heading(i - 1, s):
                block = Block("subheading", s)
            else:
                block = Block("para", parts=[s])
                open_block = block
            self.blocks.append(block)
        for block in self.blocks:
            block.parts = [_unitalic(block, part) for part in block.parts]

    def continues(self, block: Block, s: str, blank: str | None) -> bool:
        """Whether line s is the wrapped rest of block, judged the way pdftotext output reads."""
        if blank == "hard":
            return False
        if block.kind == "item":
            return blank is None
        if blank is None:
            return True
        last = block.parts[-1].rstrip()
        long_line = self.wrapped and len(last) >= 55
        return not last.endswith(TERMINAL) and (long_line or s[0].islower())


def _unitalic(block: Block, text: str) -> str:
    match = re.fullmatch(r"\*(\S.*\S)\*", text.strip())
    if match:
        block.italic = True
        return match.group(1)
    return text


def _header_date(blocks: list[Block], text: str) -> str:
    for block in blocks:
        if block.kind == "title" and (match := COVER_TITLE.search(block.text)):
            day, month, year = match.groups()
            return f"{int(day)}.{MONTHS[month.lower()]}.{year[2:]}"
    # Without a cover, the date the text cites most ("oplæg til DASSOS 23.11.20") is the meeting's.
    found = re.findall(r"DASSOS (\d{1,2}\.\d{1,2}\.\d{2})\b", text)
    return max(reversed(found), key=found.count) if found else ""


def read_seed(text: str) -> Seed:
    """Blocks of one seed referat, its running-header date and the URLs it lists."""
    entries, urls = _entries(text)
    blocks = _Reader(entries).read()
    return Seed(blocks=blocks, header_date=_header_date(blocks, text), urls=urls)
