"""Blocks → a born-digital PDF like a Word export: A4, DejaVu Sans, bold headings in larger type,
a running header "<body>  Referat d.m.yy" and a page number on every page, bilag as links.

Deterministic: the same blocks give the same bytes (reportlab's invariant mode).
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import HexColor, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from scripts.make_test_pdfs import wrap
from scripts.variants.compose import Block
from scripts.variants.model import Meeting
from scripts.variants.template import Template
from scripts.variants.wording import header_date

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
LINK_BLUE = HexColor("#0563C1")
PAGE_W, PAGE_H = A4
LEFT, TOP, BOTTOM = 56.0, PAGE_H - 78.0, 64.0
BODY = 10.0
LEADING = 1.25
SIZES = {"title": 20.0, "subtitle": 16.0, "dateline": 11.0, "toc-heading": 14.0,
         "section": 14.0, "item": 12.0}
FIELD_X = 96.0  # field values and participant names after a label, from the left margin


def fonts() -> tuple[str, str]:
    """(regular, bold): DejaVu Sans when installed (Danish letters), else Helvetica."""
    names = ("DejaVuSans", "DejaVuSans-Bold")
    if all((DEJAVU / f"{name}.ttf").exists() for name in names):
        for name in names:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(DEJAVU / f"{name}.ttf")))
        return names
    return "Helvetica", "Helvetica-Bold"


def width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


@dataclass
class _Layout:
    canvas: Canvas
    meeting: Meeting
    t: Template
    toc_pages: dict[str, int]
    regular: str
    bold: str
    page: int = 0
    y: float = TOP
    blank: bool = True
    heading_pages: dict[str, int] = field(default_factory=dict)

    @property
    def right(self) -> float:
        return LEFT + 300.0 if self.t.narrow else PAGE_W - 56.0

    def font(self, bold: bool) -> str:
        return self.bold if bold else self.regular

    # -- pages ---------------------------------------------------------------------------------
    def start_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.y, self.blank = TOP, True
        c, t = self.canvas, self.t
        c.setFillColor(black)
        c.setFont(self.regular, 9)
        body = self.meeting.body.name
        running = f"{t.doc_word} {header_date(self.meeting.date)}"
        if t.header_at_bottom:
            if t.running_header:
                c.drawString(LEFT, 36, body)
                c.drawString(LEFT + width(body, self.regular, 9) + 30, 36, running)
            c.drawRightString(PAGE_W - 56.0, 36, f"Side {self.page}")
            return
        if t.running_header:
            c.drawString(LEFT, PAGE_H - 42, body)
            c.drawString(LEFT + width(body, self.regular, 9) + 30, PAGE_H - 42, running)
        c.drawRightString(PAGE_W - 56.0, 36, str(self.page))

    def room_for(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.start_page()

    def space(self, points: float) -> None:
        if not self.blank:
            self.y -= points

    def line(self, x: float, text: str, size: float = BODY, bold: bool = False,
             color=black, url: str | None = None) -> float:
        """Draw one line at the cursor and move down; returns the baseline."""
        self.room_for(size * LEADING)
        baseline = self.y - size
        c = self.canvas
        c.setFillColor(color)
        c.setFont(self.font(bold), size)
        c.drawString(x, baseline, text)
        if url:
            w = width(text, self.font(bold), size)
            c.setStrokeColor(color)
            c.setLineWidth(0.5)
            c.line(x, baseline - 1.5, x + w, baseline - 1.5)
            c.linkURL(url, (x, baseline - 3, x + w, baseline + size), relative=0, thickness=0)
        self.y -= size * LEADING
        self.blank = False
        return baseline

    def paragraph(self, text: str, x: float, size: float = BODY, bold: bool = False,
                  label: str = "", label_x: float = LEFT, color=black, url: str | None = None,
                  hyphenate: bool = True) -> None:
        """Wrap text between x and the right margin; a label (number, bullet) hangs at label_x."""
        lines = wrap(text, self.font(bold), size, self.right - x, hyphenate=hyphenate)
        for n, text_line in enumerate(lines):
            self.room_for(size * LEADING)
            if n == 0 and label:
                self.canvas.setFillColor(black)
                self.canvas.setFont(self.font(bold), size)
                self.canvas.drawString(label_x, self.y - size, label)
            self.line(x, text_line, size, bold, color, url)

    # -- blocks --------------------------------------------------------------------------------
    def heading(self, block: Block) -> None:
        size = SIZES[block.kind]
        if self.t.flat_typography and block.kind in ("section", "item"):
            size = BODY
        self.space({"title": 0, "section": 16, "item": 12}.get(block.kind, 4))
        if block.kind == "title":
            self.y -= 60
        self.room_for(size * LEADING + 4 * BODY * LEADING)
        if block.key:
            self.heading_pages[block.key] = self.page
        bold = block.kind != "dateline"
        if block.label:
            indent = LEFT + width(block.label + "  ", self.font(bold), size)
            self.paragraph(block.text, indent, size, bold, label=block.label, hyphenate=False)
        else:
            self.paragraph(block.text, LEFT, size, bold, hyphenate=False)
        self.y -= 8 if block.kind in ("title", "subtitle") else 6

    def field_row(self, block: Block) -> None:
        self.room_for(BODY * LEADING * len(block.values))
        self.canvas.setFont(self.bold, BODY)
        self.canvas.drawString(LEFT, self.y - BODY, block.label.strip())
        for value in block.values:
            self.line(LEFT + FIELD_X, value)
        self.y -= 6

    def people(self, block: Block) -> None:
        label = block.label.strip()
        layout = self.t.people
        if layout != "inline":
            self.line(LEFT, label, bold=True)
            self.y -= 2
        rows = block.rows
        if layout == "table":
            self.table(rows)
        elif layout in ("comma", "bullets"):
            marker = "•  " if layout == "bullets" else ""
            for name, org in rows:
                self.line(LEFT, f"{marker}{name}, {org}" if org else f"{marker}{name}")
        else:
            name_x = LEFT + (FIELD_X if layout == "inline" else 0)
            size = BODY
            while size > 7:
                name_w = max(width(n, self.regular, size) for n, _ in rows)
                org_x = name_x + name_w + 3 * size
                if org_x + max(width(o, self.regular, size) for _, o in rows) <= PAGE_W - 56:
                    break
                size -= 0.5
            for n, (name, org) in enumerate(rows):
                self.room_for(size * LEADING)
                if n == 0 and layout == "inline":
                    self.canvas.setFont(self.bold, size)
                    self.canvas.drawString(LEFT, self.y - size, label)
                self.canvas.setFont(self.regular, size)
                self.canvas.drawString(org_x, self.y - size, org)
                self.line(name_x, name, size)
        self.y -= 8

    def table(self, rows: list[tuple[str, str]]) -> None:
        """A bordered two-column table; long cells wrap inside their column."""
        col = (190.0, 150.0)
        pad = 4.0
        c = self.canvas
        c.setLineWidth(0.5)
        c.setStrokeColor(black)
        for name, org in rows:
            cells = [wrap(text, self.regular, BODY, w - 2 * pad, hyphenate=False)
                     for text, w in zip((name, org), col, strict=True)]
            height = max(len(lines) for lines in cells) * BODY * LEADING + 2 * pad
            self.room_for(height)
            top = self.y
            x = LEFT
            for lines, w in zip(cells, col, strict=True):
                self.y = top - pad
                for text in lines:
                    self.line(x + pad, text)
                c.rect(x, top - height, w, height)
                x += w
            self.y = top - height

    def toc_row(self, block: Block) -> None:
        section = block.key.startswith("section:")
        font = self.font(section)
        page = str(self.toc_pages.get(block.key, 2))
        label_x = LEFT if section else LEFT + 14
        text_x = label_x + max(28.0, width(block.label + " ", font, BODY))
        right = self.right
        title_w = (right - text_x) * (0.55 if self.t.toc_wrap else 1.0) - 30
        lines = wrap(block.text, font, BODY, title_w, hyphenate=False)
        for n, text in enumerate(lines):
            self.room_for(BODY * LEADING)
            baseline = self.y - BODY
            c = self.canvas
            c.setFillColor(black)
            c.setFont(font, BODY)
            if n == 0:
                c.drawString(label_x, baseline, block.label)
            if n == len(lines) - 1:
                end = text_x + width(text, font, BODY)
                style = self.t.toc
                if style == "tight":
                    c.drawString(end + 0.5, baseline, page)
                elif style == "inside":
                    # drawn over the title's last letter: extraction reads "fo3r"
                    c.drawString(end - width(text[-1], font, BODY) - 0.5, baseline, page)
                else:
                    if style == "dots":
                        dots_w = right - width(page, font, BODY) - 4 - (end + 4)
                        c.drawString(end + 4, baseline,
                                     "." * max(3, int(dots_w / width(".", font, BODY))))
                    c.drawRightString(right, baseline, page)
            self.line(text_x, text, BODY, section)
        self.y -= 2

    def body(self, block: Block, previous: str) -> None:
        kind = block.kind
        if kind == "part":
            self.space(6)
            self.room_for(3 * BODY * LEADING)
            self.line(LEFT, block.text, bold=True)
            self.y -= 2
        elif kind == "bullet":
            self.paragraph(block.text, LEFT + 20, label=block.label, label_x=LEFT + 6)
            self.y -= 2
        elif kind == "bilag":
            color = LINK_BLUE if block.url else black
            self.paragraph(block.text, LEFT, color=color, url=block.url, hyphenate=False)
            self.y -= 2
        else:
            if previous in ("bullet", "bilag"):
                self.y -= 4
            self.paragraph(block.text, LEFT)
            self.y -= 6

    def draw(self, blocks: list[Block]) -> None:
        self.start_page()
        previous = ""
        for block in blocks:
            kind = block.kind
            if kind == "pagebreak":
                if not self.blank:
                    self.start_page()
            elif kind in SIZES:
                self.heading(block)
            elif kind == "field":
                self.field_row(block)
            elif kind == "people":
                self.people(block)
            elif kind == "toc":
                self.toc_row(block)
            else:
                self.body(block, previous)
            previous = kind
        self.canvas.showPage()


def render_pdf(blocks: list[Block], m: Meeting, t: Template) -> bytes:
    regular, bold = fonts()
    toc_pages: dict[str, int] = {}
    for _ in range(3):  # the table of contents' page numbers settle after a pass or two
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
        canvas.setTitle(f"{m.body.name} {t.doc_word.lower()} {header_date(m.date)}")
        canvas.setAuthor("Fællessekretariatet")
        canvas.setCreator("Microsoft® Word for Microsoft 365")
        layout = _Layout(canvas, m, t, toc_pages, regular, bold)
        layout.draw(blocks)
        canvas.save()
        if t.toc == "none" or layout.heading_pages == toc_pages:
            break
        toc_pages = layout.heading_pages
    return buffer.getvalue()
