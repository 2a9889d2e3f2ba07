"""OCR of scanned PDF pages with Tesseract's Danish model, several pages at once.

Each page is rendered at ocr_dpi (300 dpi reads best; a coarser scan is scaled up to it), cleaned
(ocr_clean: denoise, deskew, binarise) and read with Tesseract's word boxes (image_to_data).
ocr_layout rebuilds rows and columns from the boxes, with size and weight hints, and the rows go
through the same line pipeline as a born-digital PDF's (pdf._extracted: running headers and page
numbers dropped by position, paragraphs, hyphenation, heading levels), so scans gain from every
parser improvement. Damaged Danish words are repaired (ocr_repair), and misread part headings
and item numbers put right (ocr_layout).

Pages are read in parallel by a pool of `limits.ocr_workers` threads, each running its own
Tesseract process (one OpenMP thread each): the work happens in Tesseract and OpenCV, which
release the interpreter, and threads also work inside the parser's daemonic child process
(ingest.sandbox), where a process pool could not start. The total time limit covers them all.
"""
from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pypdfium2 as pdfium
import pytesseract

from ingest.parsing.contract import Extracted, ParseError
from ingest.parsing.extract import ocr_layout
from ingest.parsing.extract.ocr_repair import repair_ocr_text
from ingest.parsing.limits import Limits, too_many_pages
from ingest.parsing.messages import Message, gettext_noop, ngettext_noop
from ingest.parsing.pdfium_lock import PDFIUM

LANGUAGE = "dan"
# An A4 page at 300 dpi is 8.7 million pixels; a page whose rendering would be far larger (a
# hostile page size) is rendered smaller instead, so memory stays bounded.
MAX_PIXELS = 40_000_000
MIN_DPI = 300  # Tesseract reads body text best at 300 dpi; coarser settings are raised to it
TESSERACT_CONFIG = "--psm 3 -c preserve_interword_spaces=0"

Progress = Callable[[int, int], None]


@dataclass
class OcrPage:
    """One page as OCR read it: visual lines (in points, like the PDF path's) and its text."""

    index: int
    lines: list  # pdf._VisualLine
    height: float  # points
    text: str
    repaired: int = 0
    skew: float = 0.0
    strokes: list[float] = field(default_factory=list)  # each line's stroke width (bold hint)


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


def check_opencv() -> None:
    """Raise ParseError naming the package when OpenCV (page cleaning) cannot be imported."""
    try:
        import cv2
    except ImportError as error:
        raise ParseError(
            gettext_noop(
                "PDF-filen er scannet og kræver OpenCV til at rense siderne, som mangler; "
                "installér Python-pakken opencv-python-headless."
            )
        ) from error
    # Parallelism comes from the page pool; OpenCV's own thread pool would only compete, and
    # each of its threads reserves address space under the parse's memory ceiling.
    cv2.setNumThreads(1)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        with PDFIUM:
            return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ParseError(
            gettext_noop("PDF-filen kan ikke åbnes; den er beskadiget eller krypteret.")
        ) from error


def ocr_pdf(data: bytes, limits: Limits = Limits(), progress: Progress | None = None) -> Extracted:
    """Read a scanned PDF by OCR into lines; the OCR text is kept raw."""
    pdf = _open(data)
    with PDFIUM:
        try:
            pages = len(pdf)
        finally:
            pdf.close()
    if pages > limits.max_pages:
        raise too_many_pages(pages, limits)
    read = ocr_pages(data, list(range(pages)), limits, progress)
    return extracted_from_pages(read, pages)


def ocr_pages(
    data: bytes,
    indices: list[int],
    limits: Limits = Limits(),
    progress: Progress | None = None,
    deadline: float | None = None,
) -> list[OcrPage]:
    """OCR these pages (0-based) of a PDF in parallel; the results in page order.

    `progress(done, total)` is called as pages finish; the time budget is limits.max_seconds
    from now unless the caller's `deadline` (time.monotonic()) is given.
    """
    check_tesseract()
    check_opencv()
    # Parallelism comes from the pool; Tesseract's own OpenMP threads would only compete.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if deadline is None:
        deadline = time.monotonic() + limits.max_seconds
    pdf = _open(data)
    render_lock = threading.Lock()  # pdfium is not thread-safe; rendering is the short part
    total = len(indices)
    done: list[OcrPage] = []
    pool = ThreadPoolExecutor(max_workers=max(1, min(limits.ocr_workers, total or 1)))
    try:
        if progress is not None:
            progress(0, total)
        pending: set[Future] = {
            pool.submit(_read_page, pdf, render_lock, index, limits.ocr_dpi, deadline)
            for index in indices
        }
        while pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ParseError(
                    gettext_noop(
                        "OCR-læsningen af den scannede PDF-fil tog mere end %(seconds).0f "
                        "sekunder og blev stoppet efter %(done)d af %(pages)d sider."
                    ),
                    seconds=limits.max_seconds,
                    done=len(done),
                    pages=total,
                )
            finished, pending = wait(pending, timeout=remaining, return_when=FIRST_COMPLETED)
            for future in finished:
                done.append(future.result())
                if progress is not None:
                    progress(len(done), total)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        with PDFIUM:
            pdf.close()
    return sorted(done, key=lambda page: page.index)


def _read_page(
    pdf: pdfium.PdfDocument, lock: threading.Lock, index: int, dpi: int, deadline: float
) -> OcrPage:
    from ingest.parsing.extract.ocr_clean import clean_page

    remaining = deadline - time.monotonic()
    if remaining <= 0:  # the budget is spent: a page still queued is not read
        return OcrPage(index, [], 0.0, "")
    with PDFIUM:
        page = pdf[index]
        try:
            width, height = page.get_size()  # in points, 1/72 inch
            scale = max(dpi, MIN_DPI) / 72
            pixels = width * height * scale * scale
            if pixels > MAX_PIXELS:
                scale *= (MAX_PIXELS / pixels) ** 0.5
            bitmap = page.render(scale=scale, grayscale=True)
            try:
                image = bitmap.to_pil().convert("L")
            finally:
                bitmap.close()
        finally:
            page.close()
    binary, skew = clean_page(image)
    try:
        data = pytesseract.image_to_data(
            binary, lang=LANGUAGE, config=TESSERACT_CONFIG,
            output_type=pytesseract.Output.DICT, timeout=max(1.0, remaining),
        )
    except RuntimeError as error:  # pytesseract's way of saying the timeout was hit
        raise ParseError(
            gettext_noop(
                "OCR-læsningen af side %(page)d i den scannede PDF-fil blev ikke færdig i tide."
            ),
            page=index + 1,
        ) from error
    lines, strokes, text, repaired = _page_lines(data, np.asarray(binary), index + 1, scale)
    return OcrPage(index, lines, float(height), text, repaired, skew, strokes)


def _page_lines(data: dict, binary: np.ndarray, number: int, scale: float):
    """Tesseract's words on one page → (visual lines in points, their stroke widths, raw text,
    words repaired)."""
    from ingest.parsing.extract.pdf import _normalise_bullet, _VisualLine

    rows = ocr_layout.rows_from_lines(ocr_layout.words_from_data(data, binary))
    ems = [ocr_layout.row_em(row) for row in rows]
    raw = [ocr_layout.row_text(row, em) for row, em in zip(rows, ems, strict=True)]
    lines, strokes = [], []
    repaired_words = 0
    for row, em, text in zip(rows, ems, raw, strict=True):
        repaired = repair_ocr_text(text)
        repaired_words += len(repaired.changes)
        fixed = ocr_layout.repair_bullet(repaired.text.strip())
        fixed = ocr_layout.repair_item_number(ocr_layout.repair_part_label(fixed))
        if not fixed.strip():
            continue
        strokes.append(ocr_layout.stroke(row, em))
        lines.append(
            _VisualLine(
                text=_normalise_bullet(fixed.strip()),
                page=number,
                top=row.top / scale,
                bottom=row.bottom / scale,
                x0=row.words[0].left / scale,
                x1=row.words[-1].right / scale,
                size=em / scale,
                bold=False,
            )
        )
    return lines, strokes, "\n".join(raw), repaired_words


def styled(read: list[OcrPage]) -> None:
    """Give OCR'd lines the document-wide size and weight hints: sizes quantised to one value
    per font, bold where the strokes are wider than the body text's; names whose capital OCR
    lost in one place ("Ved jesper Thyrring") get it back from the rest of the document."""
    lines = [line for page in read for line in page.lines]
    restore_capitals(lines)
    strokes = {
        id(line): width
        for page in read
        for line, width in zip(page.lines, page.strokes, strict=True)
    }
    if not lines:
        return
    sizes = ocr_layout.quantise_sizes([line.size for line in lines],
                                      [len(line.text) for line in lines])
    for line, size in zip(lines, sizes, strict=True):
        line.size = size
    weights: dict[float, int] = {}
    for line in lines:
        weights[line.size] = weights.get(line.size, 0) + len(line.text)
    body = max(weights, key=weights.get)
    body_strokes = sorted(
        strokes[id(line)] for line in lines if line.size == body and strokes[id(line)]
    )
    if not body_strokes:
        return
    usual = body_strokes[len(body_strokes) // 2]
    for line in lines:
        line.bold = strokes[id(line)] > ocr_layout.BOLD_STROKE * usual


NAME_RE = re.compile(r"(?<=[\w,)] )[A-ZÆØÅ][a-zæøå]{2,}\b")  # capitalised inside a sentence
LOWER_RE = re.compile(r"\b[a-zæøå]{3,}\b")


def restore_capitals(lines: list) -> None:
    """A lower-case word written capitalised inside sentences elsewhere in the document at least
    three times as often is a name that lost its capital to OCR."""
    names = Counter(word for line in lines for word in NAME_RE.findall(line.text))
    if not names:
        return
    lower = Counter(word for line in lines for word in LOWER_RE.findall(line.text))
    fixes = {
        word.lower(): word
        for word, count in names.items()
        if word.lower() in lower and count >= 3 * lower[word.lower()]
    }
    if not fixes:
        return
    for line in lines:
        line.text = LOWER_RE.sub(lambda match: fixes.get(match.group(0), match.group(0)), line.text)


def extracted_from_pages(read: list[OcrPage], pages: int) -> Extracted:
    """OCR'd pages → Extracted through the born-digital line pipeline."""
    from ingest.parsing.extract.pdf import _extracted

    per_page = [page.lines for page in read]
    styled(read)
    extracted = _extracted(per_page, [page.height for page in read], [])
    if not any(line.text for line in extracted.lines):
        raise ParseError(gettext_noop("OCR fandt ingen tekst i den scannede PDF-fil."))
    ocr_layout.recover_item_numbers(extracted.lines)
    extracted.kind = "scanned-pdf"
    extracted.pages = pages
    extracted.raw_text = "\f".join(page.text for page in read)
    extracted.warnings = ocr_warnings(read)
    return extracted


WORD_RE = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 8  # fewer words than this say too little about a text layer to judge it
MIN_KNOWN = 0.5  # a text layer where fewer of the words are Danish or English words is garbage


def garbage_text(text: str) -> bool:
    """Whether a page's text layer is a scanner's failed OCR rather than text: too few of its
    words are in the Danish (or English) word lists."""
    words = WORD_RE.findall(text)
    if len(words) < MIN_WORDS:
        return False
    known = sum(_known(word.lower()) for word in words)
    return known / len(words) < MIN_KNOWN


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from wordfreq import get_frequency_dict

    return frozenset(get_frequency_dict("da")) | frozenset(get_frequency_dict("en"))


def _known(word: str) -> bool:
    return word in _dictionary()


def scanned_pages_message(pages: list[int]) -> Message:
    return Message(
        ngettext_noop(
            "%(count)d side er scannet uden brugbart tekstlag og læst med OCR: side %(pages)s.",
            "%(count)d sider er scannet uden brugbart tekstlag og læst med OCR: side %(pages)s.",
        ),
        count=len(pages),
        pages=", ".join(str(page) for page in pages),
    )


def ocr_warnings(read: list[OcrPage]) -> list[Message | str]:
    warnings: list[Message | str] = [
        Message(gettext_noop("OCR fandt ingen tekst på side %(page)d."), page=page.index + 1)
        for page in read
        if not page.lines
    ]
    repaired = sum(page.repaired for page in read)
    if repaired:
        warnings.append(
            Message(
                ngettext_noop(
                    "PDF-filen er scannet og læst med OCR; %(count)d beskadiget ord er rettet.",
                    "PDF-filen er scannet og læst med OCR; %(count)d beskadigede ord er rettet.",
                ),
                count=repaired,
            )
        )
    return warnings
