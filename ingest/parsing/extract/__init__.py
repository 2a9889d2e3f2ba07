"""Decide what a file is from its bytes (never its name) and extract its lines."""
from __future__ import annotations

from ingest.parsing.contract import Extracted, ParseError
from ingest.parsing.extract.text import extract_text
from ingest.parsing.limits import Limits, too_large
from ingest.parsing.messages import Message, gettext_noop, ngettext_noop


def sniff_kind(data: bytes) -> str:
    """'pdf' when the bytes are a PDF (the header may follow a little junk), else 'text'."""
    return "pdf" if b"%PDF-" in data[:1024] else "text"


def extract(data: bytes, limits: Limits = Limits(), progress=None) -> Extracted:
    """Bytes → Extracted lines; OCR-damaged text is repaired, keeping the raw text.

    `progress(done, total)`, when given, is called as the pages of a scan are OCR'd.
    """
    if len(data) > limits.max_bytes:
        raise too_large(len(data), limits)
    if sniff_kind(data) == "pdf":
        from ingest.parsing.extract.pdf import extract_pdf

        extracted = extract_pdf(data, limits, progress)
        if len(extracted.raw_text) > limits.max_text:
            raise ParseError(
                gettext_noop(
                    "PDF-filen indeholder %(chars).1f millioner tegn tekst; grænsen er "
                    "%(limit).1f millioner."
                ),
                chars=len(extracted.raw_text) / 1e6,
                limit=limits.max_text / 1e6,
            )
        return extracted
    if len(data) > limits.max_text:
        raise ParseError(
            gettext_noop(
                "Tekstfilen fylder %(mb).1f MB; et referat som tekst må højst fylde %(limit).1f MB."
            ),
            mb=len(data) / 1e6,
            limit=limits.max_text / 1e6,
        )
    extracted = extract_text(data)
    return _repair_if_ocr(extracted)


def _repair_if_ocr(extracted: Extracted) -> Extracted:
    from ingest.parsing.extract.ocr_repair import looks_like_ocr, repair_ocr_text

    if not looks_like_ocr(extracted.raw_text):
        return extracted
    changes = []
    for line in extracted.lines:
        repaired = repair_ocr_text(line.text)
        line.text = repaired.text
        changes += repaired.changes
    if changes:
        extracted.warnings.append(
            Message(
                ngettext_noop(
                    "Teksten ligner OCR-output; %(count)d beskadiget ord er rettet.",
                    "Teksten ligner OCR-output; %(count)d beskadigede ord er rettet.",
                ),
                count=len(changes),
            )
        )
    return extracted
