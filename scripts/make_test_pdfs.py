"""Build PDF test files from the seed referater: born-digital ones like the Word export, and scans.

    python scripts/make_test_pdfs.py OUTDIR

The born-digital PDFs have A4 pages, DejaVu Sans, bold numbered headings, bullets, the running
header "DASSOS    Referat d.m.yy", a page number on every page and the bilag titles as links. They
follow the seed's own pagination (its page breaks and table of contents) where the seed shows it.
The scanned PDFs are one or two of those pages rasterised to greyscale images with no text layer.
Output is deterministic: the same seeds give the same bytes.
"""
from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.colors import HexColor, black  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from scripts.seed_blocks import CONJUNCTIONS, Block, Seed, bilag_url, read_seed  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BORN_DIGITAL = {  # output name -> seed file
    "001.pdf": "001_40beb81e564bf595.txt",
    "002.pdf": "002_1f7ce8dd622acaf4.txt",
    "003.pdf": "003_3388be411b985e9f.txt",
    "004.pdf": "004_eed90c9ef06859eb.txt",
}
SCANNED = {  # output name -> (born-digital PDF, 1-based pages to rasterise)
    "001_scanned.pdf": ("001.pdf", (1,)),
    "003_scanned.pdf": ("003.pdf", (1, 3)),
}
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_PACKAGES = "fonts-dejavu-core fonts-dejavu-extra"  # core: regular, bold; extra: obliques
LINK_BLUE = HexColor("#0563C1")  # Word's hyperlink colour

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 56.0, PAGE_W - 56.0
TOP, BOTTOM = PAGE_H - 78.0, 64.0
BODY = 9.0
LEADING = 1.25
STYLE = {  # kind -> (size, bold, space before, space after)
    "title": (20.0, True, 60, 10),
    "subtitle": (16.0, True, 0, 28),
    "toc-heading": (14.0, True, 0, 12),
    "section": (14.0, True, 14, 8),
    "item": (12.0, True, 12, 6),
    "subheading": (BODY, True, 6, 2),
}
VOWELS = set("aeiouyæøåé")
ONSETS = {"bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "pl", "pr", "sk", "sl", "sm",
          "sn", "sp", "st", "sv", "tr", "tv"}


class FontsMissing(RuntimeError):
    """The DejaVu Sans files the test PDFs are set in are not installed."""


def _fonts() -> dict[tuple[bool, bool], str]:
    """(bold, italic) -> a registered DejaVu Sans font (it has the Danish letters and bullets).

    No fallback: PDFs set in another font extract differently, and tests written against these
    PDFs would fail for the wrong reason. Raises FontsMissing, naming the Debian packages.
    """
    files = {
        (False, False): "DejaVuSans.ttf",
        (True, False): "DejaVuSans-Bold.ttf",
        (False, True): "DejaVuSans-Oblique.ttf",
        (True, True): "DejaVuSans-BoldOblique.ttf",
    }
    missing = [name for name in files.values() if not (DEJAVU / name).exists()]
    if missing:
        raise FontsMissing(
            f"the test PDFs need DejaVu Sans ({', '.join(missing)} not in {DEJAVU}); "
            f"install it with: apt-get install {DEJAVU_PACKAGES}"
        )
    for name in files.values():
        font = name.removesuffix(".ttf")
        if font not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font, str(DEJAVU / name)))
    return {key: name.removesuffix(".ttf") for key, name in files.items()}


def _hyphenate(word: str, room: float, width) -> tuple[str, str] | None:
    """Split a long plain word so its head and "-" fit in room, breaking before consonant+vowel."""
    match = re.fullmatch(r"([A-ZÆØÅa-zæøåé][a-zæøåé]{9,})([,.;:]?)", word)
    if not match:
        return None
    letters = match.group(1)
    lower = letters.lower()
    for k in range(len(letters) - 4, 3, -1):
        # Break before a consonant that opens a syllable: "kom-mune", "afta-len", not "grupp-e".
        if lower[k] in VOWELS or lower[k + 1] not in VOWELS:
            continue
        if lower[k - 1] not in VOWELS and (
            lower[k - 2] not in VOWELS or lower[k - 1 : k + 1] in ONSETS
        ):
            continue
        head, tail = letters[:k], letters[k:] + match.group(2)
        if tail.strip(",.;:") in CONJUNCTIONS:
            continue
        if width(head + "-") <= room:
            return head, tail
    return None


def wrap(text: str, font: str, size: float, max_width: float, hyphenate: bool = True) -> list[str]:
    """Greedy line breaking; long words are hyphenated when they would leave a wide gap."""
    def width(s: str) -> float:
        return pdfmetrics.stringWidth(s, font, size)

    units: list[str] = []
    for token in text.split():
        # A dash is kept with the word before it, so no line starts with one.
        if units and token in ("–", "-", "—"):
            units[-1] += " " + token
        else:
            units.append(token)
    lines: list[str] = []
    current = ""
    for unit in units:
        candidate = f"{current} {unit}" if current else unit
        if width(candidate) <= max_width:
            current = candidate
            continue
        if current:
            room = max_width - width(current + " ")
            split = _hyphenate(unit, room, width) if hyphenate and room > 0.12 * max_width else None
            if split:
                lines.append(f"{current} {split[0]}-")
                current = split[1]
                continue
            lines.append(current)
        current = unit
    if current:
        lines.append(current)
    return lines or [""]


@dataclass
class Layout:
    """Draws blocks top to bottom onto A4 pages, with header, page number and forced breaks."""

    canvas: Canvas
    header_date: str
    fonts: dict[tuple[bool, bool], str]
    link_urls: dict[int, str]  # id(block) -> URL for bilag lines
    toc_pages: dict[str, int]  # heading number -> page, from the previous pass
    page: int = 0
    seed_page: int = 1
    y: float = TOP
    blank_page: bool = True
    heading_pages: dict[str, int] = field(default_factory=dict)
    hyphenated: int = 0
    overflows: list[str] = field(default_factory=list)
    pending_links: list[tuple[str, str]] = field(default_factory=list)  # "(link)" URLs in order

    def font(self, bold: bool = False, italic: bool = False) -> str:
        return self.fonts[(bold, italic)]

    def start_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.y = TOP
        self.blank_page = True
        c = self.canvas
        c.setFillColor(black)
        c.setFont(self.font(), 9)
        c.drawString(LEFT, PAGE_H - 42, "DASSOS")
        c.drawString(LEFT + 72, PAGE_H - 42, f"Referat {self.header_date}")
        c.drawRightString(RIGHT, 36, str(self.page))

    def seed_break(self) -> None:
        """A page break where the seed has one; note when the seed's page ran over."""
        if not self.blank_page:
            self.start_page()
        self.seed_page += 1
        if self.page > self.seed_page:
            self.overflows.append(f"seed page {self.seed_page} starts on page {self.page}")
            self.seed_page = self.page

    def room_for(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.start_page()

    def space(self, points: float) -> None:
        if not self.blank_page:
            self.y -= points

    def draw_line(self, x: float, text: str, size: float, bold=False, italic=False, color=black):
        """Draw one line at the cursor; return its baseline."""
        self.room_for(size * LEADING)
        baseline = self.y - size
        c = self.canvas
        c.setFillColor(color)
        c.setFont(self.font(bold, italic), size)
        c.drawString(x, baseline, text)
        self.y -= size * LEADING
        self.blank_page = False
        if text.endswith("-") and text[-2:-1].isalpha():
            self.hyphenated += 1
        return baseline

    def paragraph(self, text: str, x: float, size: float = BODY, bold=False, italic=False,
                  first_x: float | None = None, label: str = "", label_x: float = LEFT,
                  color=black, url: str | None = None) -> None:
        """Wrap text between x and the right margin; a label (bullet, number) hangs at label_x."""
        font = self.font(bold, italic)
        lines = wrap(text, font, size, RIGHT - x)
        for n, line in enumerate(lines):
            self.room_for(size * LEADING)
            if n == 0 and label:
                self.canvas.setFont(font, size)
                self.canvas.setFillColor(black)
                self.canvas.drawString(label_x, self.y - size, label)
            baseline = self.draw_line(first_x if (n == 0 and first_x) else x, line, size, bold,
                                      italic, color)
            line_x = first_x if (n == 0 and first_x) else x
            line_w = pdfmetrics.stringWidth(line, font, size)
            if url:
                self.canvas.setStrokeColor(color)
                self.canvas.setLineWidth(0.5)
                self.canvas.line(line_x, baseline - 1.5, line_x + line_w, baseline - 1.5)
                self.canvas.linkURL(url, (line_x, baseline - 3, line_x + line_w, baseline + size),
                                    relative=0, thickness=0)
            for match in re.finditer(r"\(link\)", line):
                if self.pending_links:
                    start = line_x + pdfmetrics.stringWidth(line[: match.start()], font, size)
                    end = start + pdfmetrics.stringWidth("(link)", font, size)
                    self.canvas.linkURL(self.pending_links.pop(0), (start, baseline - 3, end,
                                        baseline + size), relative=0, thickness=0)

    # -- blocks -------------------------------------------------------------------------------
    def heading(self, block: Block) -> None:
        size, bold, before, after = STYLE[block.kind]
        number = block.number.rstrip(".") if block.number else ""
        target = block.page
        if target:
            while self.page < target:
                self.start_page()
            if self.page > target:
                self.overflows.append(f"{block.number} on page {self.page}, seed says {target}")
        self.space(before)
        self.room_for(size * LEADING + 3 * BODY * LEADING)
        if number:
            self.heading_pages[number] = self.page
        text = " ".join(block.parts) if block.parts else block.text
        if block.number:
            label = block.number + " "
            indent = LEFT + pdfmetrics.stringWidth(label, self.font(True), size)
            self.paragraph(text, indent, size, bold=True, label=block.number, label_x=LEFT)
        else:
            self.paragraph(text, LEFT, size, bold=bold)
        self.y -= after

    def field_row(self, block: Block) -> None:
        for n, value in enumerate(block.cells):
            if n == 0:
                self.canvas.setFont(self.font(True), BODY)
                self.canvas.drawString(LEFT, self.y - BODY, block.number)
            self.draw_line(LEFT + 80, value, BODY)
        self.y -= 6

    def participants(self, block: Block) -> None:
        size = BODY
        label_w = pdfmetrics.stringWidth(block.number, self.font(True), size) + 14
        name_x = LEFT + (max(label_w, 80) if block.inline else 0)
        if not block.inline:
            self.draw_line(LEFT, block.number, size, bold=True)
            self.y -= 2
        while size > 7:
            name_w = max(pdfmetrics.stringWidth(n, self.font(), size) for n, _ in block.rows)
            org_w = max(pdfmetrics.stringWidth(o, self.font(), size) for _, o in block.rows)
            org_x = name_x + name_w + 24
            if org_x + org_w <= RIGHT:
                break
            size -= 0.5
        for n, (name, org) in enumerate(block.rows):
            self.room_for(size * LEADING)
            if n == 0 and block.inline:
                self.canvas.setFont(self.font(True), size)
                self.canvas.drawString(LEFT, self.y - size, block.number)
            self.canvas.setFont(self.font(), size)
            self.canvas.drawString(org_x, self.y - size, org)
            self.draw_line(name_x, name, size)
        self.y -= 10

    def toc_row(self, block: Block) -> None:
        key = block.number.rstrip(".")
        page = str(self.toc_pages.get(key, block.page or ""))
        indent = LEFT if "." not in key else LEFT + 14
        label = block.number + " "
        font = self.font(block.bold)
        text_x = indent + pdfmetrics.stringWidth(label, font, BODY)
        lines = wrap(block.text, font, BODY, RIGHT - 40 - text_x, hyphenate=False)
        for n, line in enumerate(lines):
            self.room_for(BODY * LEADING)
            if n == 0:
                self.canvas.setFont(font, BODY)
                self.canvas.drawString(indent, self.y - BODY, block.number)
            if n == len(lines) - 1:
                self.canvas.setFont(font, BODY)
                self.canvas.drawRightString(RIGHT, self.y - BODY, page)
            self.draw_line(text_x, line, BODY, bold=block.bold)
        self.y -= 3

    def table_row(self, block: Block) -> None:
        columns = max(len(block.cells), 3)
        col_w = (RIGHT - LEFT) / columns
        size = 9.0
        cell_lines = [
            wrap(cell, self.font(), size, col_w - 8, hyphenate=False) for cell in block.cells
        ]
        height = max(len(lines) for lines in cell_lines) * size * LEADING
        self.room_for(height)
        top = self.y
        for n, lines in enumerate(cell_lines):
            self.y = top
            for line in lines:
                self.draw_line(LEFT + n * col_w, line, size)
        self.y = top - height - 4

    def body_text(self, block: Block) -> None:
        for n, part in enumerate(block.parts):
            if n:
                self.seed_break()
            first = n == 0
            if block.kind == "bullet":
                bullet_x = LEFT + 4 + 16 * (block.level - 1)
                label = ("•" if block.level == 1 else "◦") if first else ""
                self.paragraph(part, bullet_x + 14, italic=block.italic, label=label,
                               label_x=bullet_x)
                self.y -= 2
            elif block.kind == "numbered":
                self.paragraph(part, LEFT + 22, label=block.number if first else "",
                               label_x=LEFT + 4)
                self.y -= 2
            elif block.kind == "bilag":
                self.paragraph(part, LEFT, color=LINK_BLUE, url=self.link_urls.get(id(block)))
                self.y -= 2
            else:
                self.paragraph(part, LEFT, italic=block.italic)
                self.y -= 6

    def draw(self, blocks: list[Block]) -> None:
        self.start_page()
        previous = ""
        for block in blocks:
            kind = block.kind
            if previous in ("bullet", "numbered", "bilag") and kind not in ("bullet", "numbered",
                                                                              "bilag"):
                self.y -= 4
            if kind == "pagebreak":
                self.seed_break()
            elif kind in STYLE:
                self.heading(block)
            elif kind == "field":
                self.field_row(block)
            elif kind == "participants":
                self.participants(block)
            elif kind == "toc":
                self.toc_row(block)
            elif kind == "table":
                self.table_row(block)
            else:
                self.body_text(block)
            previous = kind
        self.canvas.showPage()


@dataclass
class RenderResult:
    pdf: bytes
    pages: int
    hyphenated: int
    overflows: list[str]
    bilag_urls: dict[str, str]


def _other_urls(seed: Seed, bilag: dict[str, str]) -> list[str]:
    """Non-bilag URLs the seed dumps, paired in order with its "(link)" words when counts agree."""
    others = [u for u in seed.urls if u not in bilag.values()]
    links = sum(" ".join(b.parts).count("(link)") for b in seed.blocks)
    return others if len(others) == links else []


def render_seed(text: str, name: str) -> RenderResult:
    """Render one seed referat as a born-digital PDF."""
    seed = read_seed(text)
    fonts = _fonts()
    bilag: dict[str, str] = {}
    link_urls: dict[int, str] = {}
    for block in seed.blocks:
        if block.kind == "bilag":
            title = re.split(r"\s*[:–-]\s*", " ".join(block.parts), maxsplit=1)[-1]
            url = bilag_url(block.number, title, seed.urls, name)
            link_urls[id(block)] = url
            bilag[" ".join(block.parts)] = url
    toc_pages: dict[str, int] = {}
    for _ in range(3):  # page numbers in the table of contents settle after a pass or two
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
        canvas.setTitle(f"DASSOS referat {seed.header_date}")
        canvas.setAuthor("Fællessekretariatet")
        canvas.setCreator("Microsoft® Word for Microsoft 365")
        layout = Layout(canvas, seed.header_date, fonts, link_urls, toc_pages,
                        pending_links=_other_urls(seed, bilag))
        layout.draw(seed.blocks)
        canvas.save()
        if layout.heading_pages == toc_pages:
            break
        toc_pages = layout.heading_pages
    return RenderResult(buffer.getvalue(), layout.page, layout.hyphenated, layout.overflows, bilag)


def scan_pages(pdf: bytes, pages: tuple[int, ...], dpi: int = 200) -> bytes:
    """An image-only PDF of the given pages: greyscale JPEG scans, no text layer at all."""
    import pypdfium2

    from ingest.parsing.pdfium_lock import PDFIUM

    with PDFIUM:  # pdfium is not thread-safe: no other thread of the process in it meanwhile
        return _scan_pages(pypdfium2, pdf, pages, dpi)


def _scan_pages(pypdfium2, pdf: bytes, pages: tuple[int, ...], dpi: int) -> bytes:
    document = pypdfium2.PdfDocument(pdf)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setCreator("Scanner")
    try:
        for number in pages:
            page = document[number - 1]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            jpeg = io.BytesIO()
            image.save(jpeg, "JPEG", quality=80)
            jpeg.seek(0)
            canvas.drawImage(ImageReader(jpeg), 0, 0, width=PAGE_W, height=PAGE_H)
            canvas.showPage()
    finally:
        document.close()
    canvas.save()
    return buffer.getvalue()


def build_all(outdir: Path, fixtures: Path = FIXTURES) -> dict[str, RenderResult | None]:
    """Write every test PDF into outdir; born-digital results carry their facts, scans None."""
    outdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, RenderResult | None] = {}
    for out, seed_file in BORN_DIGITAL.items():
        result = render_seed((fixtures / seed_file).read_text(encoding="utf-8"), seed_file)
        (outdir / out).write_bytes(result.pdf)
        results[out] = result
    for out, (source, pages) in SCANNED.items():
        (outdir / out).write_bytes(scan_pages(results[source].pdf, pages))
        results[out] = None
    return results


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python scripts/make_test_pdfs.py OUTDIR", file=sys.stderr)
        return 2
    outdir = Path(argv[1])
    for name, result in build_all(outdir).items():
        if result is None:
            print(f"{outdir / name}: scanned, no text layer")
            continue
        print(f"{outdir / name}: {result.pages} pages, {result.hyphenated} hyphenated line ends, "
              f"{len(result.bilag_urls)} bilag links")
        for overflow in result.overflows:
            print(f"  page drift: {overflow}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except FontsMissing as missing:
        sys.exit(f"make_test_pdfs.py: {missing}")
