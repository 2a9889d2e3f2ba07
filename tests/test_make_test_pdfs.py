"""The test-PDF generator: born-digital referater that carry their seed's content, and scans."""
from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from ingest.parsing.extract.pdf import extract_pdf
from scripts.make_test_pdfs import BORN_DIGITAL, render_seed
from tests.paths import FIXTURES

WORD = re.compile(r"[A-Za-zÆØÅæøåé]{3,}")


def _seed_words(text: str) -> set[str]:
    """Words of a seed, leaving out URL lines and the two halves of words it hyphenates."""
    lines = [line for line in text.split("\n") if not re.match(r"\s*(https?|file)://", line)]
    words: set[str] = set()
    after_hyphen = False
    for line in lines:
        tokens = line.split()
        for n, token in enumerate(tokens):
            if (n == len(tokens) - 1 and token.endswith("-")) or (n == 0 and after_hyphen):
                continue
            words.update(WORD.findall(token))
        if tokens:
            after_hyphen = tokens[-1].endswith("-")
    return words


@pytest.mark.parametrize("name", sorted(BORN_DIGITAL))
def test_a_born_digital_pdf_carries_every_word_of_its_seed(name, born_digital_pdfs):
    seed = (FIXTURES / BORN_DIGITAL[name]).read_text(encoding="utf-8")
    extracted = extract_pdf(born_digital_pdfs[name].pdf)
    text = " ".join(line.text for line in extracted.lines)
    pdf_words = set(WORD.findall(text + " " + " ".join(extracted.running_headers)))
    assert _seed_words(seed) - pdf_words == set()
    for markup in ("**", "<b>", "</b>", "<i>", "](#)", "\\("):
        assert markup not in text
    assert not [line.text for line in extracted.lines if line.text.startswith("#")]


@pytest.mark.parametrize("name", sorted(BORN_DIGITAL))
def test_every_page_has_the_running_header_and_its_number(name, test_pdfs):
    with pdfplumber.open(test_pdfs[name]) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            lines = page.extract_text().split("\n")
            assert re.fullmatch(r"DASSOS Referat \d{1,2}\.\d{1,2}\.\d{2}", lines[0])
            assert lines[-1] == str(number)


def test_the_pdfs_follow_the_seed_pagination_and_hyphenate_long_words(born_digital_pdfs):
    for result in born_digital_pdfs.values():
        assert result.overflows == []
        assert result.hyphenated >= 1
    # Seed 001 marks 14 pages, 003 has 13 (its table of contents says section 4 is on page 12).
    assert born_digital_pdfs["001.pdf"].pages == 14
    assert born_digital_pdfs["003.pdf"].pages == 13


def test_bilag_link_to_the_seed_url_or_a_plausible_one(born_digital_pdfs):
    seed_003 = (FIXTURES / BORN_DIGITAL["003.pdf"]).read_text(encoding="utf-8")
    urls_003 = set(born_digital_pdfs["003.pdf"].bilag_urls.values())
    assert len(urls_003) == 9
    assert all(url in seed_003 for url in urls_003)
    made_up = born_digital_pdfs["002.pdf"].bilag_urls
    assert len(made_up) == 13
    for label, url in made_up.items():
        number = re.match(r"Bilag (\w+)", label).group(1).lower()
        assert re.fullmatch(
            rf"https://sekretariatmidtjylland\.viborg\.dk/media/[0-9a-f]{{8}}/bilag-{number}-[a-z0-9-]+\.pdf",
            url,
        )


def test_the_scanned_pdfs_have_no_text_layer(test_pdfs):
    for name in ("001_scanned.pdf", "003_scanned.pdf"):
        with pdfplumber.open(test_pdfs[name]) as pdf:
            assert 1 <= len(pdf.pages) <= 2
            assert [page.chars for page in pdf.pages] == [[] for _ in pdf.pages]
            assert all(page.images for page in pdf.pages)


def test_rendering_is_deterministic(born_digital_pdfs):
    seed = (FIXTURES / BORN_DIGITAL["004.pdf"]).read_text(encoding="utf-8")
    assert render_seed(seed, BORN_DIGITAL["004.pdf"]).pdf == born_digital_pdfs["004.pdf"].pdf


def test_the_command_writes_every_file(tmp_path: Path):
    from scripts.make_test_pdfs import main

    assert main(["make_test_pdfs.py", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "001.pdf", "001_scanned.pdf", "002.pdf", "003.pdf", "003_scanned.pdf", "004.pdf",
    ]


def test_without_dejavu_it_refuses_and_names_the_debian_packages(monkeypatch, tmp_path: Path):
    import scripts.make_test_pdfs as make_test_pdfs

    monkeypatch.setattr(make_test_pdfs, "DEJAVU", tmp_path)
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")  # fonts-dejavu-core alone
    (tmp_path / "DejaVuSans-Bold.ttf").write_bytes(b"")

    with pytest.raises(make_test_pdfs.FontsMissing) as refused:
        render_seed("DASSOS den 1. marts 2024\n", "seed.txt")

    message = str(refused.value)
    assert "DejaVuSans-Oblique.ttf" in message and "DejaVuSans.ttf" not in message
    assert "apt-get install fonts-dejavu-core fonts-dejavu-extra" in message
