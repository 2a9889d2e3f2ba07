"""The parser: bytes of a referat → the ParsedMeeting tree (see `contract`). No Django here.

`extract` turns bytes into lines with page and style hints (pdfplumber, OCR for scans); `parse`
turns those lines into the tree. `parse_document` is the one entry point for both; `fingerprint`
names the parser's code, so a stored source records which parser read it.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ingest.parsing.contract import ParsedMeeting
from ingest.parsing.extract import extract as extract_lines
from ingest.parsing.limits import Limits
from ingest.parsing.parse import parse_extracted

PACKAGE = Path(__file__).resolve().parent


def parse_document(
    data: bytes,
    filename: str,
    limits: Limits = Limits(),
    *,
    sha256: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ParsedMeeting:
    """Extract the lines of these bytes and parse them; raises ParseError.

    `sha256` is the caller's hash of exactly these bytes (the store has one); computed if absent.
    `progress(done, total)`, when given, is called as the pages of a scan are OCR'd.
    """
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    return parse_extracted(extract_lines(data, limits, progress), filename, sha256)


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of this package's files (code and word lists): changes when the parser does."""
    digest = hashlib.sha256()
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".txt")]
    for path in sorted(files):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
