"""Bounds that keep hostile files from exhausting time or memory (filled from settings)."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    ocr_dpi: int = 200
    max_seconds: float = 600.0  # wall-clock budget for one document, OCR included
    # Text to parse, as a text file's bytes or a PDF's extracted characters: real referater hold
    # ~40 KB, and parsing costs about 3 s and 20 MB of memory per MB, so this bounds both.
    max_text: int = 4 * 1024 * 1024
