"""Text referater (pdftotext-like, Markdown-like, plain, OCR output) → lines with hints.

Markup is removed here and turned into hints (heading level, bold, link targets), so the parser
sees the same kind of lines whatever tool rendered the text.
"""
from __future__ import annotations

import re

from ingest.parsing.contract import Extracted, Line, ParseError
from ingest.parsing.messages import gettext_noop

URL_RE = re.compile(r"https?://[^\s<>()\"'\]]+")
# "DASSOS      Referat 25.11.21", "Forretningsudvalget – Dagsorden 12.9.25": the running header
# (or footer) of every page: a short name, the document kind and a short date.
# "(?:\s*[–—|-])?\s+", not "\s*[–—|-]?\s+": two adjacent runs of spaces would try every split
# of a long run of spaces, which is quadratic.
RUNNING_HEADER_RE = re.compile(
    r"^\s*(?:[A-ZÆØÅ][^\t\n]{0,60}?(?:\s*[–—|-])?\s+)?(?:Referat|Dagsorden|Beslutningsreferat)"
    r"(?:\s*[–—|-])?\s+\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*$"
)
PAGE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*$")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
# Linear on any line: neither part may hold its own opening bracket, so a line of "[" or "]("
# is scanned once, not once per bracket.
MD_LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]*)\)")
MD_ESCAPE_RE = re.compile(r"\\([\\()\[\]*_#])")
BOLD_RE = re.compile(r"\*\*|</?b>", re.IGNORECASE)
# "*emphasis*" in any rendering (the plain seeds carry it too); bounded, no nested quantifiers.
EMPHASIS_RE = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]{1,500}?)(?<=\S)\*(?![*\w])")
BULLET_RE = re.compile(r"^\s*(?:[-–—*•▪◦●·]|\uf0b7|\uf0a7)\s+")
# Markdown tables: "| Navn | Organisation |" rows become tab-separated columns; the header row
# (the one above "| --- | --- |") is dropped with the separator.
TABLE_ROW_RE = re.compile(r"^\s*\|(.*)\|\s*$")
TABLE_RULE_RE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (with or without BOM), else Windows-1252; never raises on encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_like_text(data: bytes) -> bool:
    """True when the bytes are plausibly a text document rather than binary junk."""
    sample = data[:65536]
    if not sample.strip():
        return False
    if sample.count(b"\x00") > len(sample) // 20:
        return False  # binary, or UTF-16 without its byte-order mark
    text = decode(sample.replace(b"\x00", b""))
    bad = len(CONTROL_RE.findall(text)) + text.count("\ufffd")
    return bad <= max(2, len(text) // 200)


def is_markdown(text: str) -> bool:
    """Markdown-like renderings carry '#' headings and '**bold**' or '<b>' tags."""
    lines = text.splitlines()
    headings = sum(1 for line in lines if MD_HEADING_RE.match(line))
    markup = len(re.findall(r"\*\*[^*\n]+\*\*|<b>", text))
    return headings >= 3 or markup >= 5


def _line(raw: str, markdown: bool) -> Line:
    """One raw line → Line; '[title](target)' links are unwrapped in every rendering."""
    heading = None
    bold = False
    if markdown:
        match = MD_HEADING_RE.match(raw)
        if match:
            heading = len(match.group(1))
            raw = match.group(2)
        bold = heading is not None or bool(BOLD_RE.search(raw))
        raw = BOLD_RE.sub("", raw)
    links = [target for _, target in MD_LINK_RE.findall(raw) if URL_RE.match(target)]
    text = MD_LINK_RE.sub(lambda m: MD_ESCAPE_RE.sub(r"\1", m.group(1)), raw)
    text = EMPHASIS_RE.sub(r"\1", text)
    return Line(text=text, bold=bold, heading=heading, links=links)


def extract_text(data: bytes) -> Extracted:
    """Decode a text referat into lines; raises ParseError for empty or binary input."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    if not data.strip():
        raise ParseError(gettext_noop("Filen er tom."))
    if not looks_like_text(data):
        raise ParseError(gettext_noop("Filen er hverken en PDF-fil eller et tekstdokument."))
    data = data.replace(b"\x00", b"")  # stray NUL characters from a damaged export
    if not data.strip():
        raise ParseError(gettext_noop("Filen er hverken en PDF-fil eller et tekstdokument."))
    text = decode(data).replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = is_markdown(text)
    lines: list[Line] = []
    running_headers: list[str] = []
    page: int | None = None
    raw_lines = text.split("\n")
    index = 0
    while index < len(raw_lines):
        raw = raw_lines[index]
        index += 1
        if "\f" in raw:
            page = (page or 1) + raw.count("\f")
            raw = raw.replace("\f", "")
        if RUNNING_HEADER_RE.match(raw):
            running_headers.append(" ".join(raw.split()))
            # The page number follows the header, possibly after blank lines.
            probe = index
            while probe < len(raw_lines) and not raw_lines[probe].strip():
                probe += 1
            if probe < len(raw_lines) and PAGE_NUMBER_RE.match(raw_lines[probe]):
                page = int(raw_lines[probe])
                index = probe + 1
            continue
        if markdown and TABLE_ROW_RE.match(raw):
            if index < len(raw_lines) and TABLE_RULE_RE.match(raw_lines[index]):
                index += 1  # the header row and its rule
                continue
            raw = "\t".join(cell.strip() for cell in TABLE_ROW_RE.match(raw)[1].split("|"))
        line = _line(raw, markdown)
        line.text = BULLET_RE.sub("• ", line.text.rstrip()).strip()
        line.text = CONTROL_RE.sub("", line.text)
        line.links += [url.rstrip(".,;") for url in URL_RE.findall(line.text)]
        line.page = page
        lines.append(line)
    if page is not None:
        for line in lines:
            if line.page is None:
                line.page = 1
    urls = []
    for line in lines:
        for url in line.links:
            if url not in urls:
                urls.append(url)
    return Extracted(
        lines=lines,
        kind="markdown" if markdown else "text",
        pages=page,
        raw_text=text,
        urls=urls,
        running_headers=running_headers,
    )
