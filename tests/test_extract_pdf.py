"""Born-digital PDF extraction: lines with page, weight, size, heading level and link targets."""
from __future__ import annotations

import io
import re
import zlib

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from ingest.parsing.contract import ParseError
from ingest.parsing.extract.pdf import extract_pdf
from ingest.parsing.limits import Limits
from scripts.make_hostile_files import many_pages_pdf, one_page_pdf
from scripts.make_test_pdfs import _fonts
from tests.pdf_fixtures import needs_tesseract


@pytest.fixture(scope="module")
def referat_003(born_digital_pdfs):
    return extract_pdf(born_digital_pdfs["003.pdf"].pdf)


@pytest.fixture(scope="module")
def referat_001(born_digital_pdfs):
    return extract_pdf(born_digital_pdfs["001.pdf"].pdf)


def _line(extracted, text):
    return next(line for line in extracted.lines if line.text == text)


def _lines_pdf(lines: list[tuple[str, float]]) -> bytes:
    """A one-page PDF with the given (text, x) lines in DejaVu Sans 10 pt, 13 pt apart."""
    fonts = _fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFont(fonts[(False, False)], 10)
    y = 780.0
    for text, x in lines:
        canvas.drawString(x, y, text)
        y -= 13
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_it_reads_a_born_digital_pdf_page_by_page(referat_003, born_digital_pdfs):
    assert referat_003.kind == "pdf"
    assert referat_003.pages == born_digital_pdfs["003.pdf"].pages == 13
    assert [line.page for line in referat_003.lines] == sorted(
        line.page for line in referat_003.lines
    )
    assert _line(referat_003, "DASSOS den 25. november 2021").page == 1


def test_it_gives_numbered_headings_bold_levels_from_their_font_size(referat_003):
    section = _line(referat_003, "1. Beslutningspunkter")
    item = _line(referat_003, "1.1 Børnehuset Midt – orientering om aktivitet, drift og budget")
    sub = next(line for line in referat_003.lines if line.text == "Indstilling")
    body = _line(referat_003, "DASSOS tog redegørelsen fra Børnehus Midt til efterretning.")
    assert (section.bold, section.heading) == (True, 1)
    assert (item.bold, item.heading) == (True, 2)
    assert (sub.bold, sub.heading) == (True, 3)
    assert (body.bold, body.heading) == (False, None)
    assert section.size > item.size > body.size


def test_it_records_the_page_each_item_heading_is_on(referat_003):
    # The PDF's own table of contents ("1.2 Godkendelse …<tab>4") must agree with the headings.
    toc = {}
    for line in referat_003.lines:
        match = re.fullmatch(r"(\d\.\d\.?) .*\t(\d+)", line.text)
        if match and line.page == 2:
            toc[match.group(1)] = int(match.group(2))
    headings = {
        line.text.split()[0]: line.page
        for line in referat_003.lines
        if line.heading == 2 and re.match(r"\d\.\d\.? ", line.text)
    }
    assert len(toc) == 11
    assert headings == toc
    assert headings["1.2"] == 4 and headings["2.2."] == 9


def test_it_drops_running_headers_and_page_numbers(referat_003):
    texts = [line.text for line in referat_003.lines]
    assert not [t for t in texts if "Referat 25.11.21" in t]
    assert not [t for t in texts if re.fullmatch(r"\d{1,3}", t)]
    assert referat_003.running_headers == ["DASSOS Referat 25.11.21"]
    assert "Referat 25.11.21" in referat_003.raw_text


def test_it_rejoins_words_hyphenated_across_lines(referat_001):
    raw = referat_001.raw_text.split("\n")
    split_words = [
        (a.split()[-1][:-1], b.split()[0])
        for a, b in zip(raw, raw[1:], strict=False)
        if re.search(r"[a-zæøå]-$", a) and b[:1].islower() and b.split()[0] not in ("og", "eller")
    ]
    text = "\n".join(line.text for line in referat_001.lines)
    assert len(split_words) >= 5
    for head, tail in split_words:
        assert head + tail in text
        assert f"{head}-\n" not in text


def test_it_keeps_the_hyphen_of_names_numbers_and_shared_word_endings():
    data = _lines_pdf(
        [
            ("Nedenfor fremgår en opsamling med henblik på erfarings-", 60),
            ("opsamling og afrunding. Til stede var Ikast-", 60),
            ("Brande Kommune og Covid-", 60),
            ("19 situationen i børne-", 60),
            ("og ungeområdet.", 60),
        ]
    )
    texts = [line.text for line in extract_pdf(data).lines]
    assert texts == [
        "Nedenfor fremgår en opsamling med henblik på erfaringsopsamling",
        "og afrunding. Til stede var Ikast-Brande",
        "Kommune og Covid-19",
        "situationen i børne-",
        "og ungeområdet.",
    ]


def test_it_keeps_bullets_and_normalises_their_marks():
    data = _lines_pdf(
        [("At DASSOS:", 60), ("– godkender udkastet", 60), ("◦ drøfter sagen", 60),
         ("• tager orienteringen til efterretning", 60)]
    )
    texts = [line.text for line in extract_pdf(data).lines]
    assert texts == [
        "At DASSOS:",
        "• godkender udkastet",
        "• drøfter sagen",
        "• tager orienteringen til efterretning",
    ]


def test_a_hyphen_before_a_capital_is_a_bullet_but_a_wrapped_dash_is_not():
    data = _lines_pdf(
        [("Der var enighed om følgende:", 60), ("- Sekretariatet sender oversigten ud.", 60),
         ("- Det skal fremgå tydeligt, hvilke kommuner der søger, og", 60),
         ("- herunder hvor mange pladser", 60)]
    )
    texts = [line.text for line in extract_pdf(data).lines]
    assert texts == [
        "Der var enighed om følgende:",
        "• Sekretariatet sender oversigten ud.",
        "• Det skal fremgå tydeligt, hvilke kommuner der søger, og",
        "- herunder hvor mange pladser",
    ]


def test_bullet_lines_of_a_referat_start_with_a_bullet(referat_003):
    index = next(i for i, line in enumerate(referat_003.lines) if line.text == "Indstilling")
    assert referat_003.lines[index + 1].text.startswith(
        "• At DASSOS på baggrund af redegørelsen fra Børnehus Midt"
    )


def test_it_separates_paragraphs_with_one_blank_line(referat_003):
    texts = [line.text for line in referat_003.lines]
    start = texts.index("DASSOS tog redegørelsen fra Børnehus Midt til efterretning.")
    assert texts[start - 1] == "Referat"
    assert texts[start + 1] == ""
    assert texts[start + 2].startswith("Det blev henledt en særlig opmærksomhed på")
    assert not [i for i in range(1, len(texts)) if texts[i] == texts[i - 1] == ""]


def test_it_turns_column_gaps_into_tabs(referat_003):
    texts = [line.text for line in referat_003.lines]
    assert "Kirsten Bundgaard\tHerning Kommune" in texts
    assert "Afbud:\tAnn-Britt Wetche\tRegion Midtjylland" in texts


def test_it_attaches_link_uris_to_the_bilag_lines(referat_003, born_digital_pdfs):
    expected = born_digital_pdfs["003.pdf"].bilag_urls
    found = {line.text: line.links for line in referat_003.lines if line.text.startswith("Bilag ")}
    bilag_1 = "Bilag 1: Budget 2022 for Børnehus Midt"
    assert found[bilag_1] == [
        "https://sekretariatmidtjylland.viborg.dk/media/oivdr4cg/"
        "bilag-1-notat-vedr-boernehus-midt-b2022-til-dassos.pdf"
    ]
    assert found[bilag_1] == [expected[bilag_1]]
    assert set(expected.values()) <= set(referat_003.urls)
    assert all(links for text, links in found.items() if re.match(r"Bilag \d+\s*[:-]", text))


def test_it_strips_nul_characters_which_postgresql_rejects():
    data = _lines_pdf([("Referat\x00 fra mødet", 60)])
    extracted = extract_pdf(data)
    assert [line.text for line in extracted.lines] == ["Referat fra mødet"]
    assert "\x00" not in extracted.raw_text


def test_it_reads_a_pdf_that_is_only_protected_against_copying():
    from reportlab.lib.pdfencrypt import StandardEncryption

    buffer = io.BytesIO()
    protection = StandardEncryption("", ownerPassword="ejer", canCopy=0, canModify=0)
    canvas = Canvas(buffer, pagesize=A4, encrypt=protection)
    canvas.setFont(_fonts()[(False, False)], 10)
    canvas.drawString(72, 720, "DASSOS den 1. marts 2024")
    canvas.showPage()
    canvas.save()
    assert [line.text for line in extract_pdf(buffer.getvalue()).lines] == [
        "DASSOS den 1. marts 2024"
    ]


def test_it_rejects_an_encrypted_pdf():
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, encrypt="hemmelig")
    canvas.drawString(72, 720, "DASSOS den 1. marts 2024")
    canvas.showPage()
    canvas.save()
    with pytest.raises(ParseError, match="^PDF-filen er krypteret; fjern adgangskoden"):
        extract_pdf(buffer.getvalue())


def test_it_rejects_a_truncated_pdf(born_digital_pdfs):
    data = born_digital_pdfs["004.pdf"].pdf
    with pytest.raises(ParseError, match="^PDF-filen er afkortet eller beskadiget"):
        extract_pdf(data[: len(data) // 2])


def test_it_rejects_a_damaged_pdf():
    data = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n" + b"\x8f" * 400
    with pytest.raises(ParseError, match="^PDF-filen er beskadiget"):
        extract_pdf(data + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def test_it_rejects_bytes_that_are_not_a_pdf():
    with pytest.raises(ParseError, match=r"^Filen er ikke en PDF-fil\.$"):
        extract_pdf(bytes(range(256)) * 20)


def test_it_refuses_more_pages_than_the_limit(born_digital_pdfs):
    with pytest.raises(ParseError, match=r"^PDF-filen har 13 sider; grænsen er 5\.$"):
        extract_pdf(born_digital_pdfs["003.pdf"].pdf, Limits(max_pages=5))


def test_it_refuses_a_pdf_of_thousands_of_pages():
    with pytest.raises(ParseError, match=r"^PDF-filen har 3000 sider; grænsen er 500\.$"):
        extract_pdf(many_pages_pdf(3000))


def test_it_refuses_a_decompression_bomb():
    text = b"BT /F1 12 Tf 72 720 Td (Referat) Tj ET\n"
    page = one_page_pdf([zlib.compress(text, 9)])
    assert [line.text for line in extract_pdf(page).lines] == ["Referat"]
    bomb = one_page_pdf([zlib.compress(text + b" " * 3_000_000, 9)])
    assert len(bomb) < 10_000
    with pytest.raises(ParseError, match=r"^Side 1 i PDF-filen fylder mere end 2 MB udpakket"):
        extract_pdf(bomb, Limits(max_bytes=2_000_000))


def test_it_hands_a_pdf_without_text_layer_to_ocr(test_pdfs, monkeypatch):
    import ingest.parsing.extract.ocr

    calls = []

    def record(data, limits, progress=None):
        calls.append(len(data))
        return "handed to OCR"

    monkeypatch.setattr(ingest.parsing.extract.ocr, "ocr_pdf", record)
    data = test_pdfs["001_scanned.pdf"].read_bytes()
    assert extract_pdf(data) == "handed to OCR"
    assert calls == [len(data)]


@needs_tesseract
def test_a_scanned_referat_page_is_read_by_ocr(test_pdfs):
    extracted = extract_pdf(test_pdfs["001_scanned.pdf"].read_bytes())
    texts = [line.text for line in extracted.lines]
    assert extracted.kind == "scanned-pdf"
    assert extracted.pages == 1
    assert "1. Beslutningspunkter" in texts
    assert "Ved Jesper Thyrring Møller" in texts
    assert "• Den nære psykiatri" in texts


def test_a_heading_at_the_top_of_one_page_of_two_is_no_running_header():
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    _width, height = A4
    pages = (
        ["DASSOS   Referat 3.5.25", "1. Godkendelse af dagsorden", "Godkendt."],
        ["DASSOS   Referat 3.5.25", "2. Eventuelt", "Intet."],
    )
    for lines in pages:
        y = height - 30
        for text in lines:
            canvas.drawString(60, y, text)
            y -= 20
        canvas.showPage()
    canvas.save()
    texts = [line.text for line in extract_pdf(buffer.getvalue()).lines if line.text]
    assert "2. Eventuelt" in texts and "1. Godkendelse af dagsorden" in texts
    assert not any("Referat 3.5.25" in text for text in texts)  # on both pages: a header
