"""What the committee did with an item, read from its Referat."""
import pytest

from ingest.parsing.parse.outcome import classify_outcome, sentences


@pytest.mark.parametrize(
    ("referat", "outcome"),
    [
        ("DASSOS godkendte udkast til Rammeaftale 2023-24. Det blev drøftet, om ...", "approved"),
        ("Ringkøbing-Skjern Kommunes reducering af antallet af pladser blev godkendt.", "approved"),
        ("DASSOS bakkede op om rammerne for de to grupper. DASSOS udpegede Lone.", "approved"),
        ("DASSOS tog redegørelsen vedr. takster til efterretning.", "noted"),
        ("Det blev taget til efterretning, at specialdagtilbud er en del af aftalen.", "noted"),
        ("Leder af Familieambulatoriet, Sanne Ravnsbæk, introducerede projektet. "
         "DASSOS tog oplægget til efterretning.", "noted"),
        ("Der var enighed om, at Forretningsudvalget nedlægges med virkning fra 2021.", "decided"),
        ("DASSOS besluttede at nedsætte en arbejdsgruppe.", "decided"),
        ("Det foreliggende datagrundlag tegner ikke et entydigt billede. Det blev aftalt, "
         "sekretariatet arbejder videre.", "decided"),
        ("Der skal tilføjes et punkt om potentialerne i et tværkommunalt samarbejde.", "decided"),
        ("Mødet den 11. februar 2021 afkortes til to timer kl. 10.00-12.00.", "decided"),
        ("DASSOS drøftede det oplevede behov for flere døgnpladser. Der var forskellige "
         "tilkendegivelser. DASSOS anbefaler, at regionen fremsender data.", "discussed"),
        ("DASSOS drøftede behovet. På den baggrund foreslår DASSOS, at der arbejdes videre.",
         "decided"),
        ("DASSOS gav input til dialogmødet. Det blev aftalt, at sekretariatet samler input.",
         "discussed"),
        ("Lone Rasmussen fremhævede, at der er udfordringer med test af personale.", "discussed"),
        ("DASSOS afviste forslaget om en ny takstmodel.", "rejected"),
        ("Forslaget kunne ikke godkendes af DASSOS.", "rejected"),
        ("DASSOS godkendte ikke ansøgningen om flere pladser.", "rejected"),
        ("Der var ikke opbakning til at forlænge aftalen.", "rejected"),
        ("DASSOS tog sagen til orientering.", "noted"),
        ("DASSOS møder i 2026 afholdes som udgangspunkt på rådhuset i Silkeborg.", "noted"),
        ("Intet.", "none"),
        ("", "none"),
    ],
)
def test_it_classifies_the_main_decision(referat, outcome):
    assert classify_outcome(referat) == outcome


def test_a_later_orientation_does_not_hide_the_backing_of_a_proposal():
    referat = (
        "• Orientering om, at Brian Høyer Lorentsen er ansat som ny leder.\n"
        "• Ann-Britt Wetche orienterede om, at regionen har et overskud.\n"
        "• Der var opbakning til, at der skal være to DASSOS temadage om året."
    )
    assert classify_outcome(referat) == "approved"


def test_initials_and_abbreviations_do_not_end_a_sentence():
    text = "Ulla B. Andersen orienterede, jf. bilag 2. DASSOS tog det til efterretning."
    assert sentences(text) == [
        "Ulla B. Andersen orienterede, jf. bilag 2.",
        "DASSOS tog det til efterretning.",
    ]
