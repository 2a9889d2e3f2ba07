"""Blocks → a text file: pdftotext-like plain text (wrapped, on pages) or Markdown.

Plain text with `wrap` reads like pdftotext output of the Word export: lines wrapped at a fixed
width, the running header and page number atop every page after the first, and the page's link
targets dumped at its end. Without `wrap` it is Word's "save as text": one paragraph a line.
"""
from __future__ import annotations

import re
import textwrap

from scripts.variants.compose import Block
from scripts.variants.model import Meeting
from scripts.variants.template import Template
from scripts.variants.wording import header_date

PAGE_LINES = 54
MD_PAGE_LINES = 45  # Markdown has no pages; its table of contents counts these
TOC_WIDTH = 52


def _wrap(text: str, width: int | None, indent: str = "") -> list[str]:
    """Lines of at most width characters; a spaced dash stays with the word before it, as Word
    keeps it, so no line starts with one."""
    if not width:
        return [text]
    glued = re.sub(r" ([–-]) ", "\x01\\1 ", text)
    lines = textwrap.wrap(glued, width, subsequent_indent=indent, break_long_words=False,
                          break_on_hyphens=False)
    return [line.replace("\x01", " ") for line in lines] or [""]


def _field(label: str, value: str) -> str:
    return f"{label}{value}" if label.endswith("\t") else f"{label} {value}"


def toc_entry(label: str, title: str, page: int, t: Template, width: int | None) -> list[str]:
    """One table-of-contents entry as lines; the page number placed by the template's style."""
    head = f"{label} {title}".strip()
    lines = _wrap(head, TOC_WIDTH if t.toc_wrap else None)
    last = lines[-1]
    if t.toc == "dots":
        last = f"{last} {'.' * max(3, (width or 80) - len(last) - 6)} {page}"
    elif t.toc == "tight":
        last = f"{last}{page}"
    elif t.toc == "inside":
        last = f"{last[:-1]}{page}{last[-1]}"
    else:
        last = f"{last}\t{page}"
    return [*lines[:-1], last]


def _people(block: Block, t: Template, markdown: bool) -> list[str]:
    label = f"**{block.label.rstrip()}**" if markdown else block.label.rstrip()
    rows = block.rows
    if t.people == "inline":
        first = f"{label} {rows[0][0]}\t{rows[0][1]}"
        return [first] + [f"{n}\t{o}" for n, o in rows[1:]]
    out = [label, ""]
    if t.people == "table" and markdown:
        out += ["| Navn | Organisation |", "| --- | --- |"]
        out += [f"| {n} | {o} |" for n, o in rows]
    elif t.people == "table":
        name_w = max(len(n) for n, _ in rows) + 3
        for n, o in rows:
            cells = _wrap(o, 26)
            out.append(n.ljust(name_w) + cells[0])
            out += [" " * name_w + cell for cell in cells[1:]]
    elif t.people == "spaces":
        name_w = max(len(n) for n, _ in rows) + 4
        out += [n.ljust(name_w) + o for n, o in rows]
    elif t.people == "comma":
        out += [f"{n}, {o}" if o else n for n, o in rows]
    elif t.people == "bullets":
        marker = "-" if markdown or t.bullet not in ("•", "–") else t.bullet
        out += [f"{marker} {n}, {o}" if o else f"{marker} {n}" for n, o in rows]
    else:
        out += [f"{n}\t{o}" for n, o in rows]
    return out


class _Pages:
    """Lines gathered onto pages, with the page each heading landed on."""

    def __init__(self, paged: bool):
        self.paged = paged
        self.pages: list[list[str]] = [[]]
        self.urls: list[list[str]] = [[]]
        self.heading_pages: dict[str, int] = {}

    def new_page(self) -> None:
        if self.paged and any(line.strip() for line in self.pages[-1]):
            self.pages.append([])
            self.urls.append([])

    def room(self, lines: int) -> None:
        """Start a new page unless this many lines still fit (keeps a heading with its text)."""
        if self.paged and len(self.pages[-1]) + lines > PAGE_LINES:
            self.new_page()

    def blank(self) -> None:
        if self.pages[-1] and self.pages[-1][-1] != "":
            self.pages[-1].append("")

    def add(self, lines: list[str]) -> None:
        for line in lines:
            if self.paged and len(self.pages[-1]) >= PAGE_LINES:
                self.new_page()
            self.pages[-1].append(line)

    def position(self) -> int:
        """The page the next line lands on (Markdown: estimated from the lines so far)."""
        if self.paged:
            return len(self.pages)
        return 1 + sum(len(page) for page in self.pages) // MD_PAGE_LINES


def _block_lines(block: Block, t: Template, toc_pages: dict[str, int], markdown: bool,
                 width: int | None) -> list[str]:
    kind = block.kind
    if kind in ("section", "item"):
        text = f"{block.label} {block.text}".strip()
        if markdown:
            return [f"{'#' if kind == 'section' else '##'} {text}"]
        return _wrap(text, width)
    if kind in ("title", "subtitle", "toc-heading"):
        mark = {"title": "# ", "subtitle": "## ", "toc-heading": "# "}[kind] if markdown else ""
        return [mark + block.text]
    if kind == "field":
        tab = "\t" if block.label.endswith("\t") else ""
        label = f"**{block.label.rstrip()}**{tab}" if markdown else block.label
        first = _field(label, block.values[0])
        rest = [tab + value for value in block.values[1:]]
        lines = [first, *rest]
        if markdown:  # a hard line break ends each line but the last
            return [line + "  " for line in lines[:-1]] + lines[-1:]
        return lines
    if kind == "people":
        return _people(block, t, markdown)
    if kind == "toc":
        lines = toc_entry(block.label, block.text, toc_pages.get(block.key, 2), t, width)
        if markdown and block.key.startswith("section:"):
            return ["\t".join(f"**{cell}**" for cell in line.split("\t")) for line in lines]
        return lines
    if kind == "part":
        return [f"### {block.text}" if markdown else block.text]
    if kind == "bullet":
        marker = "-" if markdown and block.label in ("•", "–") else block.label
        return _wrap(f"{marker} {block.text}", width, "  ")
    if kind == "bilag" and markdown and block.url:
        return [f"[{block.text}]({block.url})"]
    return _wrap(block.text, width)  # dateline, presenter, para, bilag


def _lines(blocks: list[Block], t: Template, toc_pages: dict[str, int], markdown: bool) -> _Pages:
    paged = t.wrap and not markdown
    width = (62 if t.narrow else 92) if paged else None
    out = _Pages(paged)
    previous = ""
    for block in blocks:
        kind = block.kind
        if kind == "pagebreak":
            out.new_page() if paged else out.blank()
            previous = kind
            continue
        lines = _block_lines(block, t, toc_pages, markdown, width)
        if kind in ("section", "item"):
            out.room(len(lines) + 4)
        if not (kind in ("bullet", "bilag", "toc") and previous == kind):
            out.blank()
        if kind in ("section", "item"):
            out.heading_pages[block.key] = out.position()
        out.add(lines)
        if kind == "bilag" and block.url and not markdown:
            if paged:
                out.urls[-1].append(block.url)  # pdftotext dumps a page's links at its end
            else:
                out.add([block.url])
        previous = kind
    return out


def _assemble(pages: _Pages, m: Meeting, t: Template) -> str:
    header = f"{m.body.name}      {t.doc_word} {header_date(m.date)}"
    chunks: list[str] = []
    for number, (lines, urls) in enumerate(zip(pages.pages, pages.urls, strict=True), start=1):
        if pages.paged and number > 1 and not t.header_at_bottom:
            top = [header, "", str(number), ""] if t.running_header else [str(number), ""]
            chunks += top
        chunks += lines
        if urls:
            chunks += ["", "", *urls]
        if pages.paged and t.header_at_bottom:
            foot = f"{header}      Side {number}" if t.running_header else f"Side {number}"
            chunks += ["", foot, ""]
    return "\n".join(chunks).rstrip("\n") + "\n"


def _with_nul(text: str) -> str:
    """Stray NUL characters, as some exports leave them: at the end of every ninth line."""
    lines = text.split("\n")
    return "\n".join(line + "\x00" if n % 9 == 4 else line for n, line in enumerate(lines))


def render_text(blocks: list[Block], m: Meeting, t: Template, markdown: bool = False) -> str:
    toc_pages: dict[str, int] = {}
    for _ in range(3):  # the table of contents' page numbers settle after a pass or two
        pages = _lines(blocks, t, toc_pages, markdown)
        if pages.heading_pages == toc_pages:
            break
        toc_pages = pages.heading_pages
    text = _assemble(pages, m, t)
    return _with_nul(text) if t.nul_chars else text
