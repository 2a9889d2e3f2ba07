"""Bounds that keep hostile files from exhausting time or memory (filled from settings)."""
import os
from dataclasses import dataclass

from ingest.parsing.contract import ParseError
from ingest.parsing.messages import gettext_noop


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    ocr_dpi: int = 200
    ocr_workers: int = os.cpu_count() or 1  # pages OCR'd at once, each by its own Tesseract
    max_seconds: float = 600.0  # wall-clock budget for one document, OCR included
    # Text to parse, as a text file's bytes or a PDF's extracted characters: real referater hold
    # ~40 KB, and parsing costs about 3 s and 20 MB of memory per MB, so this bounds both.
    max_text: int = 4 * 1024 * 1024
    # Memory the parser's child process may take beyond the worker's own (ingest.sandbox).
    max_memory: int = 500 * 1024 * 1024
    # Form XObjects drawn inside each other: real documents nest two or three deep.
    max_xobject_depth: int = 12


def too_large(size: int, limits: Limits) -> ParseError:
    """The refusal of a file over max_bytes (sizes in MB, as people count them)."""
    return ParseError(
        gettext_noop("Filen fylder %(mb).0f MB; grænsen er %(limit).0f MB."),
        mb=size / 1e6,
        limit=limits.max_bytes / 1e6,
    )


def too_many_pages(pages: int, limits: Limits) -> ParseError:
    """The refusal of a PDF over max_pages."""
    return ParseError(
        gettext_noop("PDF-filen har %(pages)d sider; grænsen er %(limit)d."),
        pages=pages,
        limit=limits.max_pages,
    )


def out_of_time(limits: Limits) -> ParseError:
    """The refusal of a document whose reading passed max_seconds."""
    return ParseError(
        gettext_noop("Læsningen af filen tog mere end %(seconds).0f sekunder; den afvises."),
        seconds=limits.max_seconds,
    )


def out_of_memory(limits: Limits) -> ParseError:
    """The refusal of a document whose reading needed more than max_memory."""
    return ParseError(
        gettext_noop(
            "Læsningen af filen krævede mere end %(mb).0f MB hukommelse; den afvises som en "
            "dekomprimeringsbombe eller beskadiget fil."
        ),
        mb=limits.max_memory / 1e6,
    )
