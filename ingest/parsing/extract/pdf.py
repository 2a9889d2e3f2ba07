"""Born-digital PDF → lines with page, weight, size, heading and link hints (pdfplumber).

Each page's characters are read once and grouped into visual lines here. Running headers and
footers and bare page numbers are dropped, words hyphenated across lines are rejoined, bullets are
normalised to "•", wide horizontal gaps become tabs (participant rows, table of contents) and a
blank line marks each paragraph gap, so the lines read like a clean text rendering of the referat.
"""
from __future__ import annotations

import io
import re
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.layout import LTChar, LTContainer
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    LITERALS_RUNLENGTH_DECODE,
    PDFStream,
    resolve1,
)
from pdfminer.runlength import rldecode

from ingest.parsing.contract import Extracted, Line, ParseError
from ingest.parsing.extract.text import RUNNING_HEADER_RE as RUNNING_HEADER
from ingest.parsing.limits import Limits, too_large, too_many_pages
from ingest.parsing.messages import Message, gettext_noop

BULLETS = {"\uf0b7", "\uf0a7", "–", "◦", "▪", "●", "•"}
HYPHEN_BULLET = re.compile(r"^-[ \t]+[A-ZÆØÅ0-9]")
CONJUNCTIONS = {"og", "eller", "samt", "and", "or"}
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
DRAW_FORM = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")  # "/Fm1 Do": draw an XObject
PAGE_NUMBER = re.compile(r"(?:side\s*)?\d{1,4}(?:\s*(?:af|/)\s*\d{1,4})?", re.IGNORECASE)
MARGIN = 0.1  # headers and footers sit in the top and bottom tenth of the page
TAB_GAP = 2.0  # a horizontal gap wider than this many font sizes separates columns


@dataclass
class _VisualLine:
    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    links: list[str] = field(default_factory=list)
    blank_before: bool = False


def extract_pdf(data: bytes, limits: Limits = Limits(), progress=None) -> Extracted:
    """Read a PDF's text layer into Lines; pages with no text layer, or only a garbage one (a
    scanner's poor OCR), are read by OCR, the whole PDF when every page is such a page;
    `progress(done, total)` is called as OCR'd pages finish.

    Every failure is a ParseError: pdfminer and pdfplumber raise many types (TypeError,
    RecursionError, their own) for damaged files, and all of them mean one thing.
    """
    _check_bytes(data, limits)
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        declared = _declared_pages(pdf)
    except (ParseError, MemoryError):
        raise
    except Exception as error:
        raise _open_error(error) from error
    try:
        # The page tree's own count refuses a huge PDF before its pages are built.
        _check_page_count(declared, limits)
        per_page, heights, urls = _read_pages(pdf, limits)
    except (ParseError, MemoryError):
        raise
    except Exception as error:  # a damaged page tree, box or content stream
        if _out_of_memory(error):
            raise MemoryError from error  # the sandbox's ceiling, however pdfplumber wrapped it
        raise ParseError(
            gettext_noop("PDF-filen er beskadiget; dens sider kan ikke læses.")
        ) from error
    # Not closed: pdfplumber's close() builds every page (and raises again on a damaged tree);
    # each page was closed as it was read, and the in-memory stream needs no closing.
    scanned = [index for index, lines in enumerate(per_page) if _needs_ocr(lines)]
    if not scanned:
        return _extracted(per_page, heights, urls)
    from ingest.parsing.extract import ocr

    if len(scanned) == len(per_page):
        return ocr.ocr_pdf(data, limits, progress)
    try:
        ocr.check_tesseract()
        ocr.check_opencv()
    except ParseError as missing:  # the text pages are still worth having, with the reason
        for index in scanned:
            per_page[index] = []
        extracted = _extracted(per_page, heights, urls)
        extracted.warnings.append(missing.message)
        return extracted
    read = ocr.ocr_pages(data, scanned, limits, progress, deadline=started + limits.max_seconds)
    ocr.styled(read)
    for page in read:
        per_page[page.index] = page.lines
    extracted = _extracted(per_page, heights, urls)
    extracted.warnings += ocr.ocr_warnings(read)
    extracted.warnings.append(ocr.scanned_pages_message([page.index + 1 for page in read]))
    return extracted


def _needs_ocr(lines: list[_VisualLine]) -> bool:
    """A page with no text layer, or one whose text is mostly not words (a scanner's OCR)."""
    from ingest.parsing.extract.ocr import garbage_text

    return not lines or garbage_text(" ".join(line.text for line in lines))


def _out_of_memory(error: BaseException | None) -> bool:
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, MemoryError):
            return True
        wrapped = error.args[0] if error.args and isinstance(error.args[0], BaseException) else None
        error = wrapped or error.__cause__ or error.__context__
        seen += 1
    return False


def _read_pages(pdf, limits: Limits) -> tuple[list[list[_VisualLine]], list[float], list[str]]:
    started = time.monotonic()
    pages = pdf.pages
    if not pages:
        raise ParseError(gettext_noop("PDF-filen er beskadiget; den har ingen læsbare sider."))
    _check_page_count(len(pages), limits)
    per_page: list[list[_VisualLine]] = []
    heights: list[float] = []
    urls: list[str] = []
    for number, page in enumerate(pages, start=1):
        if time.monotonic() - started > limits.max_seconds:
            raise ParseError(
                gettext_noop("Læsningen af PDF-filen tog mere end %(seconds).0f sekunder."),
                seconds=limits.max_seconds,
            )
        _check_inflated_size(page, limits)
        chars = _page_chars(page)
        links = [(link["uri"], link) for link in page.hyperlinks if link.get("uri")]
        lines = _group_lines(chars, number)
        _attach_links(lines, links)
        for uri, _ in links:
            uri = _clean(uri)
            if uri not in urls:
                urls.append(uri)
        per_page.append(lines)
        heights.append(float(page.height))
        page.close()
    return per_page, heights, urls


def _clean(text: str) -> str:
    """Without control characters (a font may map a glyph to ESC); tabs are kept."""
    return CONTROL.sub("", text)


def _check_bytes(data: bytes, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        raise too_large(len(data), limits)
    if b"%PDF-" not in data[:1024]:
        raise ParseError(gettext_noop("Filen er ikke en PDF-fil."))
    # Every complete PDF ends with %%EOF (a little trailing junk is tolerated).
    if b"%%EOF" not in data[-2048:]:
        raise ParseError(
            gettext_noop("PDF-filen er afkortet eller beskadiget; dens slutning mangler.")
        )


def _check_inflated_size(page, limits: Limits) -> None:
    """Refuse a page whose drawing inflates beyond max_bytes: a decompression bomb.

    pdfminer inflates each stream whole in memory and interprets a Form XObject each time it is
    drawn, so what the page would cost is measured first, bounded: its content streams through
    every filter chain, plus each drawn form's (with the forms it draws in turn), counted as often
    as it is drawn. Forms nested deeper than max_xobject_depth (or drawing themselves) are refused.
    """
    sizes: dict[int, int | None] = {}  # a form's cost; None while it is being measured

    def bomb() -> ParseError:
        return ParseError(
            gettext_noop(
                "Side %(page)d i PDF-filen fylder mere end %(limit).0f MB udpakket; den "
                "afvises som en dekomprimeringsbombe."
            ),
            page=page.page_number,
            limit=limits.max_bytes / 1e6,
        )

    def cost(streams: list, resources, depth: int) -> int:
        if depth > limits.max_xobject_depth:
            raise ParseError(
                gettext_noop(
                    "Side %(page)d i PDF-filen tegner figurer i hinanden mere end %(limit)d lag "
                    "dybt; den afvises."
                ),
                page=page.page_number,
                limit=limits.max_xobject_depth,
            )
        xobjects = resolve1((resolve1(resources) or {}).get("XObject")) or {}
        total = 0
        for stream in streams:
            data = _bounded_data(stream, limits.max_bytes - total)
            if data is None:
                raise bomb()
            total += len(data)
            for name in DRAW_FORM.findall(data) if xobjects else ():
                form = resolve1(xobjects.get(name.decode("latin-1")))
                if not isinstance(form, PDFStream) or _name(form.get("Subtype")) != "Form":
                    continue
                if id(form) not in sizes:
                    sizes[id(form)] = None
                    sizes[id(form)] = cost([form], form.get("Resources") or resources, depth + 1)
                elif sizes[id(form)] is None:  # it draws itself
                    cost([], None, limits.max_xobject_depth + 1)
                total += sizes[id(form)]
                if total > limits.max_bytes:
                    raise bomb()
        return total

    streams = [resolve1(ref) for ref in page.page_obj.contents]
    cost([s for s in streams if isinstance(s, PDFStream)], page.page_obj.resources, 0)


def _name(value) -> str:
    return str(getattr(resolve1(value), "name", value))


def _bounded_data(stream: PDFStream, budget: int) -> bytes | None:
    """The stream's bytes through its filter chain, or None once they pass `budget` bytes.

    Image filters and unknown ones end the chain: their output is never interpreted as content.
    """
    if stream.rawdata is None:
        return stream.data if len(stream.data or b"") <= budget else None
    data = stream.rawdata
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, _ in stream.get_filters():
        if name in LITERALS_FLATE_DECODE:
            inflater = zlib.decompressobj()
            try:
                data = inflater.decompress(data, budget + 1)
            except zlib.error:
                return data[:0]  # pdfminer reports a broken stream in its own way
        elif name in LITERALS_LZW_DECODE:
            data = _bounded_lzw(data, budget)
        elif name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif name in LITERALS_RUNLENGTH_DECODE:  # at most 64 times its input
            data = rldecode(data)
        else:
            break
        if data is None or len(data) > budget:
            return None
    return data


def _bounded_lzw(data: bytes, budget: int) -> bytes | None:
    out = bytearray()
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        out += chunk
        if len(out) > budget:
            return None
    return bytes(out)


def _declared_pages(pdf) -> int:
    count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
    return count if isinstance(count, int) else 0


def _check_page_count(count: int, limits: Limits) -> None:
    if count > limits.max_pages:
        raise too_many_pages(count, limits)


def _open_error(error: Exception) -> ParseError:
    # pdfplumber wraps pdfminer's exception in its own.
    cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return ParseError(
            gettext_noop("PDF-filen er krypteret; fjern adgangskoden og upload den igen.")
        )
    return ParseError(gettext_noop("PDF-filen er beskadiget og kan ikke åbnes."))


def _page_chars(page) -> list[dict]:
    """The page's characters, read once from pdfplumber's layout.

    Walking page.layout directly skips pdfplumber's per-character attribute conversion (colours,
    matrices), which costs more than the PDF parsing itself.
    """
    height = float(page.height)
    chars: list[dict] = []
    stack = list(page.layout)
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            chars.append(
                {
                    "text": obj.get_text(),
                    "fontname": obj.fontname,
                    "size": obj.size,
                    "x0": obj.x0,
                    "x1": obj.x1,
                    "top": height - obj.y1,
                    "bottom": height - obj.y0,
                    "upright": obj.upright,
                }
            )
        elif isinstance(obj, LTContainer):
            stack.extend(obj)
    return chars


def _group_lines(chars: list[dict], page: int) -> list[_VisualLine]:
    """Characters → visual lines, top to bottom, each read left to right."""
    chars = [c for c in chars if c.get("upright", True) and _clean(c["text"])]
    chars.sort(key=lambda c: (round(c["bottom"], 1), c["x0"]))
    rows: list[list[dict]] = []
    for char in chars:
        if rows and abs(char["bottom"] - rows[-1][0]["bottom"]) <= 0.25 * char["size"]:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        line = _line_from_chars(row, page)
        if line.text:
            lines.append(line)
    return lines


def _line_from_chars(row: list[dict], page: int) -> _VisualLine:
    parts: list[str] = []
    previous = None
    for char in row:
        text = _clean(char["text"])
        if previous is not None:
            gap = char["x0"] - previous["x1"]
            if gap > TAB_GAP * char["size"]:
                parts.append("\t")
            elif gap > 0.15 * char["size"] and text != " " and parts[-1] not in (" ", "\t"):
                parts.append(" ")
        if text == " " and parts and parts[-1] in (" ", "\t"):
            continue
        parts.append(text)
        previous = char
    text = re.sub(r" *\t[ \t]*", "\t", "".join(parts)).strip()
    visible = [c for c in row if not c["text"].isspace()]
    sizes = Counter(round(c["size"] * 2) / 2 for c in visible)
    return _VisualLine(
        text=_normalise_bullet(text),
        page=page,
        top=min(c["top"] for c in row),
        bottom=max(c["bottom"] for c in row),
        x0=row[0]["x0"],
        x1=row[-1]["x1"],
        size=sizes.most_common(1)[0][0] if sizes else row[0]["size"],
        bold=bool(visible) and all("bold" in c["fontname"].lower() for c in visible),
    )


def _normalise_bullet(text: str) -> str:
    if text[:1] in BULLETS and text[1:2] in (" ", "\t"):
        return "• " + text[2:].lstrip()
    # A hyphen as a bullet ("- Sekretariatet sender …"), not a dash a wrapped line starts with.
    if HYPHEN_BULLET.match(text):
        return "• " + text[2:].lstrip()
    return text


def _attach_links(lines: list[_VisualLine], links: list[tuple[str, dict]]) -> None:
    for uri, box in links:
        for line in lines:
            overlaps = box["top"] < line.bottom and box["bottom"] > line.top
            if overlaps and box["x0"] < line.x1 and box["x1"] > line.x0:
                uri = _clean(uri)
                if uri not in line.links:
                    line.links.append(uri)


def _running(per_page: list[list[_VisualLine]], heights: list[float]) -> set[int]:
    """ids of header/footer lines: text repeated atop or below most pages, and page numbers."""
    def key(line: _VisualLine) -> str:
        return re.sub(r"\d+", "#", " ".join(line.text.split()))

    edges: list[list[_VisualLine]] = []
    for lines, height in zip(per_page, heights, strict=True):
        top = [line for line in lines if line.bottom <= MARGIN * height]
        bottom = [line for line in lines if line.top >= (1 - MARGIN) * height]
        edges.append(top + bottom)
    seen = Counter(k for page_edges in edges for k in {key(line) for line in page_edges})
    # Repeated: on at least two pages, and on half of them (in a two-page PDF a heading at the
    # top of one page is on "half the pages" but on one page only: no running header).
    repeated = {k for k, n in seen.items() if n >= 2 and n >= len(per_page) / 2}
    drop = set()
    for page_edges in edges:
        for line in page_edges:
            text = " ".join(line.text.split())
            if key(line) in repeated or PAGE_NUMBER.fullmatch(text) or RUNNING_HEADER.match(text):
                drop.add(id(line))
    return drop


def _rejoin_hyphenated(lines: list[_VisualLine]) -> list[_VisualLine]:
    """Move the rest of a word hyphenated at a line end up to its first half."""
    out: list[_VisualLine] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not line.blank_before
            and prev.text.endswith("-")
            and len(prev.text) > 1
            and prev.text[-2].isalnum()
            and abs(prev.size - line.size) < 0.5
            and line.text[:1].isalnum()
        ):
            head, _, rest = line.text.partition(" ")
            word = head.split("\t")[0]
            rest = line.text[len(word):].lstrip(" ")
            if word.strip(",.;:").lower() not in CONJUNCTIONS:
                hyphen_is_part = word[0].isupper() or word[0].isdigit() or prev.text[-2].isdigit()
                prev.text = prev.text + word if hyphen_is_part else prev.text[:-1] + word
                prev.links += [uri for uri in line.links if uri not in prev.links]
                if not rest:
                    continue
                line.text = rest
        out.append(line)
    return out


def _paragraph_gaps(lines: list[_VisualLine]) -> None:
    """Mark the lines that follow a vertical gap wider than the document's usual line gap."""
    gaps = Counter(
        round(b.top - a.bottom, 1)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and abs(a.size - b.size) < 0.5 and b.top > a.bottom
    )
    usual = gaps.most_common(1)[0][0] if gaps else 0.0
    right = max(line.x1 for line in lines)
    for a, b in zip(lines, lines[1:], strict=False):
        if a.page == b.page:
            b.blank_before = b.top - a.bottom > usual + 0.4 * min(a.size, b.size)
        else:
            # Across a page break only the text tells: a short last line that ends a sentence
            # ends its paragraph, and so does a heading.
            short_end = a.text.endswith((".", ":", "!", "?")) and a.x1 < right - 0.15 * right
            b.blank_before = short_end or a.bold != b.bold or a.size != b.size


def _heading_levels(lines: list[_VisualLine]) -> dict[int, int]:
    """Heading level by font: the commonest bold size above body text is 2, larger 1, body 3."""
    body = Counter()
    for line in lines:
        body[line.size] += len(line.text)
    body_size = body.most_common(1)[0][0]
    bold_sizes = Counter(line.size for line in lines if line.bold and line.size > body_size + 0.5)
    item_size = bold_sizes.most_common(1)[0][0] if bold_sizes else None
    levels = {}
    for line in lines:
        if not line.bold or "\t" in line.text:
            continue
        if item_size is not None and line.size > item_size + 0.25:
            levels[id(line)] = 1
        elif item_size is not None and abs(line.size - item_size) <= 0.25:
            levels[id(line)] = 2
        else:
            levels[id(line)] = 3
    return levels


def _extracted(
    per_page: list[list[_VisualLine]], heights: list[float], urls: list[str]
) -> Extracted:
    raw_text = "\n".join(line.text for lines in per_page for line in lines)
    drop = _running(per_page, heights)
    running_headers: list[str] = []
    kept: list[_VisualLine] = []
    for lines in per_page:
        for line in lines:
            if id(line) not in drop:
                kept.append(line)
            elif not PAGE_NUMBER.fullmatch(" ".join(line.text.split())):
                text = " ".join(line.text.split())
                if text not in running_headers:
                    running_headers.append(text)
    if kept:  # every line can be a running header (a PDF of blank pages with page headers)
        _paragraph_gaps(kept)
    kept = _rejoin_hyphenated(kept)
    levels = _heading_levels(kept) if kept else {}
    out: list[Line] = []
    for line in kept:
        if line.blank_before and out:
            out.append(Line(text="", page=line.page))
        out.append(
            Line(
                text=line.text,
                page=line.page,
                bold=line.bold,
                size=line.size,
                heading=levels.get(id(line)),
                links=list(line.links),
            )
        )
    warnings: list[Message | str] = [
        Message(
            gettext_noop("Side %(page)d har intet tekstlag; dens indhold mangler."), page=number
        )
        for number, lines in enumerate(per_page, start=1)
        if not lines
    ]
    return Extracted(
        lines=out,
        kind="pdf",
        pages=len(per_page),
        raw_text=raw_text,
        urls=urls,
        running_headers=running_headers,
        warnings=warnings,
    )
