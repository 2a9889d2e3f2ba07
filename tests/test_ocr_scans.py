"""Scanned referater read by their layout: a tilted, noisy, JPEG-compressed office scan of a
typeset referat parses into the same facts as the typeset file; pages are OCR'd in parallel
with progress reported; a PDF with scanned and born-digital pages is read whole."""
import io

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.parsing import parse_document
from ingest.parsing.extract import extract
from ingest.parsing.extract.ocr import garbage_text
from ingest.parsing.limits import Limits
from scripts.make_scans import scan
from tests.pdf_fixtures import needs_tesseract

REGULAR, BOLD = "Helvetica", "Helvetica-Bold"

# (x, text, font, size) rows, top to bottom: a cover, a participant table whose first name cell
# wraps onto a second line while its organisation stays on the first, and one item.
PAGE_ONE = [
    (72, "DASSOS Referat 5.3.26", REGULAR, 9),
    None,
    (72, "Referat af DASSOS' møde den 5. marts 2026", BOLD, 18),
    None,
    (72, "Deltagere:", BOLD, 11),
    [(72, "Sidsel Mørch Rasmussen (suppleant for"), (330, "Region Midtjylland")],
    [(72, "Hanne Vestergaard)")],
    [(72, "Kristian Bjerre"), (330, "Herning Kommune")],
    [(72, "Ane-Marie Thygesen (formand)"), (330, "Norddjurs Kommune")],
    None,
    (72, "Afbud:", BOLD, 11),
    [(72, "Claus Brøndum Nielsen"), (330, "Randers Kommune")],
    None,
    (72, "1. Godkendelse af dagsorden", BOLD, 14),
    None,
    (72, "Referat", BOLD, 11),
    (72, "Dagsordenen blev godkendt uden bemærkninger.", REGULAR, 11),
    None,
    (72, "2. Status på kapacitetsanalysen for voksenområdet", BOLD, 14),
    None,
    (72, "Referat", BOLD, 11),
    (72, "DASSOS drøftede analysens foreløbige resultater og ventetiderne.", REGULAR, 11),
]
PAGE_TWO = [
    (72, "DASSOS Referat 5.3.26", REGULAR, 9),
    None, None, None, None, None,
    (72, "3. Eventuelt", BOLD, 14),
    None,
    (72, "Referat", BOLD, 11),
    (72, "Intet.", REGULAR, 11),
]


def typeset(pages: list[list]) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for rows in pages:
        y = 790
        for row in rows:
            if row is None:
                y -= 10
                continue
            cells = row if isinstance(row, list) else [row[:2]]
            font, size = (REGULAR, 10) if isinstance(row, list) else row[2:]
            pdf.setFont(font, size)
            for x, text in cells:
                pdf.drawString(x, y, text)
            y -= size * 1.5
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def scanned():
    progress: list[tuple[int, int]] = []
    data = scan(typeset([PAGE_ONE, PAGE_TWO]), seed=3)
    parsed = parse_document(data, "scan.pdf", Limits(ocr_workers=2), progress=lambda *p:
                            progress.append(p))
    return parsed, progress


@needs_tesseract
def test_a_scan_pairs_each_name_with_the_organisation_on_its_row_though_a_cell_wraps(scanned):
    parsed, _ = scanned
    people = {p.name: (p.organisation, p.status) for p in parsed.participants}
    assert people["Kristian Bjerre"] == ("Herning Kommune", "present")
    assert people["Ane-Marie Thygesen"][0] == "Norddjurs Kommune"
    assert people["Claus Brøndum Nielsen"] == ("Randers Kommune", "absent")
    sidsel = next(p for p in parsed.participants if p.name.startswith("Sidsel"))
    assert sidsel.organisation == "Region Midtjylland"


@needs_tesseract
def test_a_scan_keeps_every_item_and_an_intet_referat(scanned):
    parsed, _ = scanned
    assert [(item.number, item.title) for item in parsed.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Status på kapacitetsanalysen for voksenområdet"),
        ("3", "Eventuelt"),
    ]
    assert parsed.items[0].referat == "Dagsordenen blev godkendt uden bemærkninger."
    assert parsed.items[2].referat == "Intet."
    assert parsed.source.kind == "scanned-pdf"


@needs_tesseract
def test_a_scan_reports_its_pages_as_they_are_read(scanned):
    _, progress = scanned
    assert progress[0] == (0, 2)
    assert progress[-1] == (2, 2)
    assert sorted(progress) == [(0, 2), (1, 2), (2, 2)]


def joined(*pdfs: bytes) -> bytes:
    """One PDF of the pages of these PDFs (pdfium copies pages as they are)."""
    out = pdfium.PdfDocument.new()
    for data in pdfs:
        out.import_pages(pdfium.PdfDocument(data))
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


@needs_tesseract
def test_a_pdf_with_one_scanned_page_reads_the_scanned_page_too():
    data = joined(typeset([PAGE_ONE]), scan(typeset([PAGE_TWO]), seed=5))
    extracted = extract(data)
    texts = [line.text for line in extracted.lines]
    assert "Kristian Bjerre\tHerning Kommune" in texts  # page 1, from its text layer
    assert "Intet." in texts and {line.page for line in extracted.lines} == {1, 2}
    assert extracted.kind == "pdf"
    assert "1 side er scannet uden brugbart tekstlag og læst med OCR: side 2." in [
        str(warning) for warning in extracted.warnings
    ]


def test_a_garbage_text_layer_is_told_from_text():
    assert not garbage_text(
        "Forretningsudvalget godkendte dagsordenen og referatet uden bemærkninger"
    )
    assert garbage_text(
        "Fcrr3tn1ngsuclva1get gcdkenclte clagsordenen cg refcratet ucl3n bemzrkn1nger t1l mgdet"
    )


@needs_tesseract
def test_a_scan_without_opencv_says_which_package_to_install(monkeypatch):
    import sys

    from ingest.parsing.contract import ParseError

    monkeypatch.setitem(sys.modules, "cv2", None)  # import cv2 now raises ImportError
    with pytest.raises(ParseError, match="installér Python-pakken opencv-python-headless"):
        extract(scan(typeset([PAGE_TWO]), seed=2))


def test_without_tesseract_a_pdf_with_one_scanned_page_keeps_its_text_pages(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    extracted = extract(joined(typeset([PAGE_ONE]), scan(typeset([PAGE_TWO]), seed=5)))
    assert "Kristian Bjerre\tHerning Kommune" in [line.text for line in extracted.lines]
    warnings = [str(warning) for warning in extracted.warnings]
    assert "Side 2 har intet tekstlag; dens indhold mangler." in warnings
    assert any("installér Debian-pakkerne tesseract-ocr og tesseract-ocr-dan" in warning
               for warning in warnings)
