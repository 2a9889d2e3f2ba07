"""OCR of scanned (image-only) PDFs with Tesseract's Danish model, one page at a time."""
from __future__ import annotations

import shutil
import time

import pypdfium2 as pdfium
import pytesseract

from ingest.contract import Extracted, Line, ParseError
from ingest.extract_text import PAGE_NUMBER_RE, RUNNING_HEADER_RE, URL_RE
from ingest.limits import Limits
from ingest.ocr_repair import repair_ocr_text

LANGUAGE = "dan"
INSTALL = "install the Debian packages tesseract-ocr and tesseract-ocr-dan"
# An A4 page at 300 dpi is 8.7 million pixels; a page whose rendering would be far larger (a
# hostile page size) is rendered smaller instead, so memory stays bounded.
MAX_PIXELS = 40_000_000
MARGIN_LINES = 3  # running headers and page numbers sit in the first or last lines of a page


def check_tesseract() -> None:
    """Raise ParseError, saying what to install, when Tesseract or its Danish model is missing."""
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise ParseError(f"This PDF is scanned and needs Tesseract, which is missing; {INSTALL}.")
    try:
        languages = pytesseract.get_languages(config="")
    except (OSError, pytesseract.TesseractError) as error:
        raise ParseError(f"Tesseract OCR could not be started; {INSTALL}.") from error
    if LANGUAGE not in languages:
        raise ParseError(
            f"This PDF is scanned and needs Tesseract's Danish model, which is missing; {INSTALL}."
        )


def ocr_pdf(data: bytes, limits: Limits = Limits()) -> Extracted:
    """Read a scanned PDF by OCR, page by page, into repaired lines; the OCR text is kept raw."""
    deadline = time.monotonic() + limits.max_seconds
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ParseError("The PDF cannot be opened; it is damaged or encrypted.") from error
    try:
        pages = len(pdf)
        if pages > limits.max_pages:
            raise ParseError(f"The PDF has {pages} pages; the limit is {limits.max_pages}.")
        check_tesseract()
        page_texts = []
        for index in range(pages):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ParseError(
                    f"OCR of the scanned PDF took longer than {limits.max_seconds:.0f} seconds "
                    f"and was stopped after {index} of {pages} pages."
                )
            page_texts.append(_ocr_page(pdf, index, limits.ocr_dpi, remaining))
    finally:
        pdf.close()
    return _extracted(page_texts)


def _ocr_page(pdf: pdfium.PdfDocument, index: int, dpi: int, timeout: float) -> str:
    page = pdf[index]
    try:
        width, height = page.get_size()  # in points, 1/72 inch
        scale = dpi / 72
        pixels = width * height * scale * scale
        if pixels > MAX_PIXELS:
            scale *= (MAX_PIXELS / pixels) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            image = bitmap.to_pil()
            return pytesseract.image_to_string(image, lang=LANGUAGE, timeout=timeout)
        except RuntimeError as error:  # pytesseract's way of saying the timeout was hit
            raise ParseError(
                f"OCR of page {index + 1} of the scanned PDF did not finish in time."
            ) from error
        finally:
            bitmap.close()
    finally:
        page.close()


def _extracted(page_texts: list[str]) -> Extracted:
    """Page texts as read by Tesseract → repaired Lines with page numbers."""
    lines: list[Line] = []
    running_headers: list[str] = []
    warnings: list[str] = []
    repaired_words = 0
    for number, raw in enumerate(page_texts, start=1):
        raw = raw.replace("\x00", "").replace("\f", "").rstrip()
        if not raw.strip():
            warnings.append(f"OCR found no text on page {number}.")
            continue
        repaired = repair_ocr_text(raw)
        repaired_words += len(repaired.changes)
        page_lines = [text.strip() for text in repaired.text.split("\n")]
        filled = [i for i, text in enumerate(page_lines) if text]
        margins = set(filled[:MARGIN_LINES] + filled[-MARGIN_LINES:])
        for i, text in enumerate(page_lines):
            if i in margins and RUNNING_HEADER_RE.match(text):
                running_headers.append(" ".join(text.split()))
                continue
            if i in margins and PAGE_NUMBER_RE.match(text):
                continue
            links = [url.rstrip(".,;") for url in URL_RE.findall(text)]
            lines.append(Line(text=text, page=number, links=links))
    if not any(line.text for line in lines):
        raise ParseError("OCR found no text in the scanned PDF.")
    if repaired_words:
        warnings.append(
            f"The PDF is scanned and was read by OCR; {repaired_words} damaged words were repaired."
        )
    urls = list(dict.fromkeys(url for line in lines for url in line.links))
    return Extracted(
        lines=lines,
        kind="scanned-pdf",
        pages=len(page_texts),
        raw_text="\f".join(page_texts),
        urls=urls,
        warnings=warnings,
        running_headers=running_headers,
    )
