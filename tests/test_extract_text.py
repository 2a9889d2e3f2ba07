"""Text referater in every rendering become plain lines with hints, whatever tool made them."""
import pytest

from ingest.parsing.contract import ParseError
from ingest.parsing.extract import extract, sniff_kind
from ingest.parsing.extract.text import extract_text


def texts(data: bytes) -> list[str]:
    return [line.text for line in extract_text(data).lines if line.text]


def test_it_reads_utf8_and_windows_1252_alike():
    line = "Godkendelse af udkast til Rammeaftale 2023-24 – Sølund\n"
    assert texts(line.encode("utf-8")) == texts(line.encode("cp1252"))
    assert texts(line.encode("cp1252")) == [line.strip()]


def test_a_utf8_byte_order_mark_is_not_part_of_the_text():
    assert texts("\ufeffDASSOS den 1. marts 2024\n".encode()) == ["DASSOS den 1. marts 2024"]


def test_markdown_markup_becomes_hints():
    markdown = (
        "# DASSOS den 15. september 2022\n\n## Referat\n\n**Tidspunkt:** Den 15. september\n\n"
        "### **1.3 Orientering**\n\n<b>2. Orienteringspunkter</b>\n\n"
        "[Bilag 8: Orientering fra Skanderborg Kommune](#)\n"
    )
    extracted = extract_text(markdown.encode())
    lines = [line for line in extracted.lines if line.text]
    assert extracted.kind == "markdown"
    assert [line.text for line in lines] == [
        "DASSOS den 15. september 2022",
        "Referat",
        "Tidspunkt: Den 15. september",
        "1.3 Orientering",
        "2. Orienteringspunkter",
        "Bilag 8: Orientering fra Skanderborg Kommune",
    ]
    assert [line.heading for line in lines[:2]] == [1, 2]
    assert lines[2].bold and lines[4].bold


def test_links_and_emphasis_are_unwrapped_in_plain_text_too():
    plain = (
        "[Bilag 1 - Oversigt lånepuljer \\(grafisk kort\\)](#)\n"
        "- *Der indføres en bagatelgrænse ved kapacitetsjusteringer*\n"
        "Se [rapporten](https://example.org/rapport.pdf) og 2 * 3 = 6\n"
    )
    extracted = extract_text(plain.encode())
    assert extracted.kind == "text"
    assert [line.text for line in extracted.lines if line.text] == [
        "Bilag 1 - Oversigt lånepuljer (grafisk kort)",
        "• Der indføres en bagatelgrænse ved kapacitetsjusteringer",
        "Se rapporten og 2 * 3 = 6",
    ]
    assert extracted.urls == ["https://example.org/rapport.pdf"]


def test_running_headers_and_their_page_numbers_are_removed_but_remembered():
    text = "Side et\n\nDASSOS      Referat 25.11.21 \n\n2 \n\nSide to\n"
    extracted = extract_text(text.encode())
    assert [(line.text, line.page) for line in extracted.lines if line.text] == [
        ("Side et", 1),
        ("Side to", 2),
    ]
    assert extracted.running_headers == ["DASSOS Referat 25.11.21"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "^Filen er tom\\.$"),
        (b"   \n\n", "^Filen er tom\\.$"),
        (bytes(range(256)) * 20, "^Filen er hverken en PDF-fil eller et tekstdokument\\.$"),
    ],
)
def test_it_refuses_empty_and_binary_input_with_a_sentence(data, message):
    with pytest.raises(ParseError, match=message):
        extract_text(data)


def test_the_kind_comes_from_the_bytes_not_the_name():
    assert sniff_kind(b"%PDF-1.7\n...") == "pdf"
    assert sniff_kind(b"DASSOS den 1. marts 2024") == "text"


def test_ocr_damaged_text_is_repaired_and_the_raw_text_kept(fixtures_dir):
    data = (fixtures_dir / "000_356b5759de07d0fb.txt").read_bytes()
    extracted = extract(data)
    text = "\n".join(line.text for line in extracted.lines)
    assert "Mgderne afholdes fremover i Silkeborg." in extracted.raw_text
    assert "Møderne afholdes fremover i Silkeborg." in text
    assert any(str(warning).startswith("Teksten ligner OCR-output; ")
               for warning in extracted.warnings)
