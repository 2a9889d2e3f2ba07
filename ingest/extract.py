"""Decide what a file is from its bytes (never its name) and extract its lines."""
from __future__ import annotations

from ingest.contract import Extracted, ParseError
from ingest.extract_text import extract_text
from ingest.limits import Limits


def sniff_kind(data: bytes) -> str:
    """'pdf' when the bytes are a PDF (the header may follow a little junk), else 'text'."""
    return "pdf" if b"%PDF-" in data[:1024] else "text"


def extract(data: bytes, limits: Limits = Limits()) -> Extracted:
    """Bytes → Extracted lines; OCR-damaged text is repaired, keeping the raw text."""
    if len(data) > limits.max_bytes:
        raise ParseError(
            f"The file is {len(data) / 1e6:.0f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB."
        )
    if sniff_kind(data) == "pdf":
        from ingest.extract_pdf import extract_pdf

        extracted = extract_pdf(data, limits)
        if len(extracted.raw_text) > limits.max_text:
            raise ParseError(
                f"The PDF holds {len(extracted.raw_text) / 1e6:.1f} million characters of text; "
                f"the limit is {limits.max_text / 1e6:.1f} million."
            )
        return extracted
    if len(data) > limits.max_text:
        raise ParseError(
            f"The text file is {len(data) / 1e6:.1f} MB; a referat as text may be at most "
            f"{limits.max_text / 1e6:.1f} MB."
        )
    extracted = extract_text(data)
    return _repair_if_ocr(extracted)


def _repair_if_ocr(extracted: Extracted) -> Extracted:
    from ingest.ocr_repair import looks_like_ocr, repair_ocr_text

    if not looks_like_ocr(extracted.raw_text):
        return extracted
    changes = []
    for line in extracted.lines:
        repaired = repair_ocr_text(line.text)
        line.text = repaired.text
        changes += repaired.changes
    if changes:
        extracted.warnings.append(
            f"The text looks like OCR output; {len(changes)} damaged words were repaired."
        )
    return extracted
