"""OCR of scanned (image-only) PDFs with Tesseract's Danish model, one page at a time."""
from __future__ import annotations

import shutil
import time

import pypdfium2 as pdfium
import pytesseract

from ingest.parsing.contract import Extracted, Line, ParseError
from ingest.parsing.extract.ocr_repair import repair_ocr_text
from ingest.parsing.extract.text import PAGE_NUMBER_RE, RUNNING_HEADER_RE, URL_RE
from ingest.parsing.limits import Limits, too_many_pages
from ingest.parsing.messages import Message, gettext_noop, ngettext_noop

LANGUAGE = "dan"
# An A4 page at 300 dpi is 8.7 million pixels; a page whose rendering would be far larger (a
# hostile page size) is rendered smaller instead, so memory stays bounded.
MAX_PIXELS = 40_000_000
MARGIN_LINES = 3  # running headers and page numbers sit in the first or last lines of a page


def check_tesseract() -> None:
    """Raise ParseError, saying what to install, when Tesseract or its Danish model is missing."""
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise ParseError(
            gettext_noop(
                "PDF-filen er scannet og kræver Tesseract, som mangler; installér Debian-pakkerne "
                "tesseract-ocr og tesseract-ocr-dan."
            )
        )
    try:
        languages = pytesseract.get_languages(config="")
    except (OSError, pytesseract.TesseractError) as error:
        raise ParseError(
            gettext_noop(
                "Tesseract OCR kunne ikke startes; installér Debian-pakkerne tesseract-ocr og "
                "tesseract-ocr-dan."
            )
        ) from error
    if LANGUAGE not in languages:
        raise ParseError(
            gettext_noop(
                "PDF-filen er scannet og kræver Tesseracts danske model, som mangler; installér "
                "Debian-pakkerne tesseract-ocr og tesseract-ocr-dan."
            )
        )


def ocr_pdf(data: bytes, limits: Limits = Limits()) -> Extracted:
    """Read a scanned PDF by OCR, page by page, into repaired lines; the OCR text is kept raw."""
    deadline = time.monotonic() + limits.max_seconds
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ParseError(
            gettext_noop("PDF-filen kan ikke åbnes; den er beskadiget eller krypteret.")
        ) from error
    try:
        pages = len(pdf)
        if pages > limits.max_pages:
            raise too_many_pages(pages, limits)
        check_tesseract()
        page_texts = []
        for index in range(pages):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ParseError(
                    gettext_noop(
                        "OCR-læsningen af den scannede PDF-fil tog mere end %(seconds).0f "
                        "sekunder og blev stoppet efter %(done)d af %(pages)d sider."
                    ),
                    seconds=limits.max_seconds,
                    done=index,
                    pages=pages,
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
                gettext_noop(
                    "OCR-læsningen af side %(page)d i den scannede PDF-fil blev ikke færdig i tide."
                ),
                page=index + 1,
            ) from error
        finally:
            bitmap.close()
    finally:
        page.close()


def _extracted(page_texts: list[str]) -> Extracted:
    """Page texts as read by Tesseract → repaired Lines with page numbers."""
    lines: list[Line] = []
    running_headers: list[str] = []
    warnings: list[Message | str] = []
    repaired_words = 0
    for number, raw in enumerate(page_texts, start=1):
        raw = raw.replace("\x00", "").replace("\f", "").rstrip()
        if not raw.strip():
            warnings.append(
                Message(gettext_noop("OCR fandt ingen tekst på side %(page)d."), page=number)
            )
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
        raise ParseError(gettext_noop("OCR fandt ingen tekst i den scannede PDF-fil."))
    if repaired_words:
        warnings.append(
            Message(
                ngettext_noop(
                    "PDF-filen er scannet og læst med OCR; %(count)d beskadiget ord er rettet.",
                    "PDF-filen er scannet og læst med OCR; %(count)d beskadigede ord er rettet.",
                ),
                count=repaired_words,
            )
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
