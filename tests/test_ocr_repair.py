"""Repair of OCR-damaged Danish: letters, words and bullets restored; clean text left alone."""

import pytest

from ingest.parsing.extract.ocr_repair import looks_like_ocr, repair_ocr_text
from tests.paths import FIXTURES, SEEDS

OCR_SEED = FIXTURES / "000_356b5759de07d0fb.txt"
CLEAN_SEEDS = [p for p in SEEDS if p != OCR_SEED]


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Mgde", "Møde"),
        ("MGDE", "MØDE"),
        ("Feellessekretariatet", "Fællessekretariatet"),
        ("drgftede", "drøftede"),
        ("Pa", "På"),
        ("bgrne", "børne"),
        ("Igsning", "løsning"),
        ("omradet", "området"),
        ("dialogm@de", "dialogmøde"),
        ("botilbudsomradet", "botilbudsområdet"),
        ("velfeerdskriminalitet", "velfærdskriminalitet"),
        ("szerlig", "særlig"),
        ("lkke", "Ikke"),
        ("Arsag", "Årsag"),
        ("P4", "På"),
    ],
)
def test_it_restores_damaged_danish_words(damaged, repaired):
    result = repair_ocr_text(f"{damaged} i DASSOS")
    assert result.text == f"{repaired} i DASSOS"
    assert result.changes == [(damaged, repaired)]


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Hgyer", "Høyer"),
        ("Hayer", "Høyer"),
        ("Hoyer", "Høyer"),
        ("Mgller", "Møller"),
        ("Thorbjgrn", "Thorbjørn"),
        ("Sgren", "Søren"),
    ],
)
def test_it_restores_names_known_from_the_clean_referater(damaged, repaired):
    result = repair_ocr_text(f"Ved Brian {damaged} Lorentsen")
    assert result.text == f"Ved Brian {repaired} Lorentsen"


def test_it_reads_a_pipe_at_line_start_as_capital_i():
    result = repair_ocr_text("| forbindelse med rammeaftalen\nAntal Aftaler |bosteder")
    assert result.text == "I forbindelse med rammeaftalen\nAntal Aftaler |bosteder"


def test_it_repairs_a_paragraph_of_the_scanned_seed():
    damaged = (
        "| forbindelse med drgftelsen i DASSOS var der desuden enighed om, at man i det videre "
        "arbejde\nmed rammeaftalen skal sgge at ggre den sa handlingsorienteret som muligt, sa de "
        "feelles indsatser i\nstigende grad kan bidrage til at handtere de gkonomiske og "
        "kapacitetsmaessige udfordringer pa\nomradet. Der blev saerligt neevnt behovet for starre "
        "kommunal kapacitet til borgere med komplekse\nudfordringer, som en Igsning, der skal "
        "handteres tvaerkommunalt — herunder fokus pa et forpligtende\nsamarbejde og sammenhasng "
        "mellem pris og kvalitet."
    )
    assert damaged in OCR_SEED.read_text(encoding="utf-8")
    assert repair_ocr_text(damaged).text == (
        "I forbindelse med drøftelsen i DASSOS var der desuden enighed om, at man i det videre "
        "arbejde\nmed rammeaftalen skal søge at gøre den så handlingsorienteret som muligt, så de "
        "fælles indsatser i\nstigende grad kan bidrage til at håndtere de økonomiske og "
        "kapacitetsmæssige udfordringer på\nområdet. Der blev særligt nævnt behovet for større "
        "kommunal kapacitet til borgere med komplekse\nudfordringer, som en løsning, der skal "
        "håndteres tværkommunalt — herunder fokus på et forpligtende\nsamarbejde og sammenhæng "
        "mellem pris og kvalitet."
    )


def test_it_repairs_names_titles_and_bullets_of_the_scanned_seed():
    damaged = (
        "Referat\n"
        "DASSOS godkendte, at der nedsaettes en tveersektoriel arbejdsgruppe, som drgfter mulige "
        "videre\ntiltag for at undga, at borgere falder mellem to stole.\n\n"
        "Sgren Aalund, direktar Herning Kommune, bliver formand for arbejdsgruppen.\n\n"
        "Indstilling\n\nAt DASSOS:\n\n"
        "o Drafter sagen med henblik pa nedsaettelse af en tveersektoriel arbejdsgruppe, som\n"
    )
    result = repair_ocr_text(damaged)
    assert result.text == (
        "Referat\n"
        "DASSOS godkendte, at der nedsættes en tværsektoriel arbejdsgruppe, som drøfter mulige "
        "videre\ntiltag for at undgå, at borgere falder mellem to stole.\n\n"
        "Søren Aalund, direktør Herning Kommune, bliver formand for arbejdsgruppen.\n\n"
        "Indstilling\n\nAt DASSOS:\n\n"
        "• Drøfter sagen med henblik på nedsættelse af en tværsektoriel arbejdsgruppe, som\n"
    )


def test_it_turns_ocr_bullets_into_bullets_only_before_a_list_entry():
    damaged = "e Orienteres om status\n¢ Bgrn og unge\n« Voksne\ne fortsætter her\nhele året"
    assert repair_ocr_text(damaged).text == (
        "• Orienteres om status\n• Børn og unge\n• Voksne\ne fortsætter her\nhele året"
    )


def test_it_leaves_links_numbers_and_fine_words_alone():
    text = (
        "Se https://sekretariatmidtjylland.viborg.dk/media/bilag-a-praesentation-af-nye-"
        "tilsynsvaerktoejer.pdf og mailto:jmay@aarhus.dk eller jmay@aarhus.dk.\n"
        "Udbudsperioden er 6 ar fra 27.2.26 for Aarhus og Aagaard, SKI og KL, 2027-28."
    )
    result = repair_ocr_text(text)
    assert result.changes == [("ar", "år")]
    assert result.text == text.replace(" 6 ar ", " 6 år ")


def test_it_leaves_clean_danish_prose_unchanged():
    clean = (
        "Kommunerne i Region Midtjylland har aftalt at styrke samarbejdet om de mest "
        "specialiserede tilbud\ntil børn, unge og voksne. Sekretariatet udarbejder et notat om "
        "udgifterne, som "
        "forelægges på næste\nmøde. Direktørerne bakkede op om forslaget og ønskede en status "
        "efter sommerferien."
    )
    result = repair_ocr_text(clean)
    assert result.changes == []
    assert result.text == clean
    assert not looks_like_ocr(clean)


@pytest.mark.parametrize("seed", CLEAN_SEEDS, ids=lambda p: p.name[:3])
def test_it_changes_nothing_in_the_clean_seeds_but_word_sub_bullets(seed):
    changes = repair_ocr_text(seed.read_text(encoding="utf-8")).changes
    # Seed 003 renders Word's sub-bullet glyph as "o"; it is a bullet there too.
    expected = [("o", "•"), ("o", "•")] if seed.name.startswith("003_") else []
    assert changes == expected


def test_it_repairs_hundreds_of_words_in_the_scanned_seed():
    result = repair_ocr_text(OCR_SEED.read_text(encoding="utf-8"))
    words = [change for change in result.changes if change[1] != "•"]
    assert len(words) > 700
    assert ("Feellessekretariatet", "Fællessekretariatet") in words
    assert "Fællessekretariatet" in result.text
    assert " pa " not in result.text


def test_it_tells_ocr_output_from_clean_text():
    assert looks_like_ocr(OCR_SEED.read_text(encoding="utf-8"))
    for seed in CLEAN_SEEDS:
        assert not looks_like_ocr(seed.read_text(encoding="utf-8")), seed.name
