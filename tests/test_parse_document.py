"""parse_document: the one entry point from bytes to the parse tree."""
import hashlib

import pytest

from ingest.parsing import parse_document
from ingest.parsing.contract import ParseError
from tests.paths import FIXTURES


def test_it_hashes_exactly_the_bytes_and_records_the_source():
    data = (FIXTURES / "002_1f7ce8dd622acaf4.txt").read_bytes()
    parsed = parse_document(data, "referat.md")
    assert parsed.source.sha256 == hashlib.sha256(data).hexdigest()
    assert parsed.source.filename == "referat.md"
    assert parsed.source.kind == "markdown"
    assert parsed.meeting.date.isoformat() == "2022-09-15"
    assert len(parsed.items) == 10


def test_it_keeps_the_raw_ocr_text_beside_the_repaired_text():
    parsed = parse_document((FIXTURES / "000_356b5759de07d0fb.txt").read_bytes(), "scan.txt")
    assert "Ved Brian Hgyer Lorentsen" in parsed.raw_text
    assert "Ved Brian Høyer Lorentsen" in parsed.text
    assert parsed.items[0].presenters == ["Brian Høyer Lorentsen"]


def test_a_dated_document_without_items_parses_with_a_warning():
    data = "DASSOS den 15. september 2022\n\nReferat\n\nMødet blev aflyst.\n".encode()
    parsed = parse_document(data, "aflyst.txt")
    assert parsed.meeting.date.isoformat() == "2022-09-15"
    assert parsed.items == []
    assert "Der blev ikke fundet nogen dagsordenspunkter." in map(str, parsed.warnings)


def test_a_document_with_neither_date_nor_items_is_refused():
    with pytest.raises(ParseError, match="^Dokumentet ligner ikke et referat eller en dagsorden"):
        parse_document("Kære alle\n\nHusk frokosten på fredag.\n".encode(), "mail.txt")


def test_windows_1252_text_is_read():
    text = "1. Beslutningspunkter\n\n1.1 Godkendelse af mødeplan for Børnehus Midt\n\nReferat\n" \
           "DASSOS godkendte mødeplanen.\n"
    parsed = parse_document(text.encode("cp1252"), "gammel.txt")
    assert parsed.items[0].title == "Godkendelse af mødeplan for Børnehus Midt"
    assert parsed.items[0].outcome == "approved"
