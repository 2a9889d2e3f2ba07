"""The one entry point every way in uses: bytes of a referat → ParsedMeeting."""
from __future__ import annotations

import hashlib

from ingest.contract import ParsedMeeting
from ingest.extract import extract
from ingest.limits import Limits
from ingest.parse import parse_extracted


def parse_document(data: bytes, filename: str, limits: Limits = Limits()) -> ParsedMeeting:
    """Hash exactly these bytes, extract their lines and parse them; raises ParseError."""
    sha256 = hashlib.sha256(data).hexdigest()
    return parse_extracted(extract(data, limits), filename, sha256)
