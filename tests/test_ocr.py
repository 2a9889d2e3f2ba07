"""Scanned PDFs: OCR with Tesseract's Danish model, repair of its damage, clear refusals."""
import io

import pypdfium2 as pdfium
import pytesseract
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.parsing.contract import ParseError
from ingest.parsing.extract import ocr
from ingest.parsing.limits import Limits
from tests.pdf_fixtures import needs_tesseract, tesseract_with_danish

# The first lines are clean Danish; the last ones are printed exactly as seed 000's OCR damaged
# them, so the scan carries that damage into Tesseract's output for the repair to undo.
PAGE = [
    "DASSOS Referat 27.2.26",
    "",
    "1.1 Dialogmøde med Socialtilsyn Midt",
    "Ved Brian Høyer Lorentsen, leder Fællessekretariatet",
    "",
    "Referat",
    "DASSOS drøftede behovet for at kommunerne står stærkere sammen på",
    "det specialiserede socialområde og en løsning for særligt udsatte børn.",
    "",
    "Pa det konstituerende mgde i KD-Net den 30. januar 2026 blev det besluttet,",
    "at Jesper Thyrring Mgller fortsaetter som formand for DASSOS.",
]


def _image_only_pdf(pages: list[list[str]], dpi: int = 200) -> bytes:
    """Typeset the pages with reportlab, rasterise them, and keep only the images."""
    typeset = io.BytesIO()
    pdf = canvas.Canvas(typeset, pagesize=A4)
    for lines in pages:
        pdf.setFont("Helvetica", 12)
        for row, text in enumerate(lines):
            pdf.drawString(72, 780 - 18 * row, text)
        pdf.showPage()
    pdf.save()
    document = pdfium.PdfDocument(typeset.getvalue())
    images = [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(pages))]
    document.close()
    scanned = io.BytesIO()
    images[0].save(scanned, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return scanned.getvalue()


@pytest.fixture(scope="module")
def scanned_page():
    return ocr.ocr_pdf(_image_only_pdf([PAGE]))


@needs_tesseract
def test_it_reads_a_scanned_page_as_danish_text(scanned_page):
    texts = [line.text for line in scanned_page.lines]
    assert scanned_page.kind == "scanned-pdf"
    assert scanned_page.pages == 1
    assert {line.page for line in scanned_page.lines} == {1}
    assert "1.1 Dialogmøde med Socialtilsyn Midt" in texts
    assert "Ved Brian Høyer Lorentsen, leder Fællessekretariatet" in texts
    assert "DASSOS drøftede behovet for at kommunerne står stærkere sammen på" in texts


@needs_tesseract
def test_it_repairs_ocr_damage_and_keeps_the_raw_text(scanned_page):
    texts = [line.text for line in scanned_page.lines]
    assert "På det konstituerende møde i KD-Net den 30. januar 2026 blev det besluttet," in texts
    assert "at Jesper Thyrring Møller fortsætter som formand for DASSOS." in texts
    assert "Pa det konstituerende mgde" in scanned_page.raw_text
    assert any("beskadigede ord er rettet" in str(warning) for warning in scanned_page.warnings)


@needs_tesseract
def test_it_moves_the_running_header_out_of_the_text(scanned_page):
    assert scanned_page.running_headers == ["DASSOS Referat 27.2.26"]
    assert all("DASSOS Referat" not in line.text for line in scanned_page.lines)


def test_it_names_the_packages_to_install_when_tesseract_is_missing(monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(ParseError) as error:
        ocr.ocr_pdf(_image_only_pdf([["Referat"]]))
    assert "installér Debian-pakkerne tesseract-ocr og tesseract-ocr-dan" in str(error.value)


def test_it_names_the_packages_to_install_when_danish_is_missing(monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda command: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr.pytesseract, "get_languages", lambda config="": ["eng", "osd"])
    with pytest.raises(ParseError, match="danske model") as error:
        ocr.ocr_pdf(_image_only_pdf([["Referat"]]))
    assert "tesseract-ocr-dan" in str(error.value)


def test_it_refuses_more_pages_than_the_limit():
    data = _image_only_pdf([["Referat"], ["Bilag"], ["Deltagere"]], dpi=20)
    with pytest.raises(ParseError, match="har 3 sider; grænsen er 2"):
        ocr.ocr_pdf(data, Limits(max_pages=2))


@pytest.mark.skipif(not tesseract_with_danish(), reason="needs Tesseract with Danish (no OCR "
                    "is run: the time budget is spent before the first page)")
def test_it_stops_when_the_time_budget_is_spent():
    with pytest.raises(ParseError, match="tog mere end 0 sekunder"):
        ocr.ocr_pdf(_image_only_pdf([["Referat"]], dpi=20), Limits(max_seconds=0))


def test_it_rejects_a_damaged_pdf():
    with pytest.raises(ParseError, match="beskadiget eller krypteret"):
        ocr.ocr_pdf(b"%PDF-1.7\nnot really a PDF\n%%EOF")
