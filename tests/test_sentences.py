"""The Danish sentence splitter and the first sentence the lists show (ingest.parsing.sentences)."""
import pytest

from ingest.parsing.sentences import first_sentence, sentences, shorten


@pytest.mark.parametrize("text", [
    "Der er pr. 1. februar indgået 57 aftaler på bostederne.",
    "DASSOS drøftede graden af fælleskommunal koordinering ift. de midtjyske ansøgninger.",
    "Det drejer sig bl.a. om visitationskriterierne.",
    "Sekretariatet sender materialet jf. punkt 2.2 ovenfor.",
    "Der er høringsfrist vedr. magtanvendelsesreglerne.",
    "Kommunerne m.fl. Deltager i arbejdet.",
    "Der er ca. 250 aftaler, dvs. flere end sidst.",
    "Søren Aalund, nr. 3 på listen, mht. Herning.",
    "Ulla B. Andersen præsenterede oplægget.",
    "Mødet den 11. februar 2021 afkortes til to timer.",
    "Forslagene er drøftet på temadagen 1. Marts 2024.",
    "Konferencen er den 18. Juni 2024 i Silkeborg.",
])
def test_abbreviations_initials_and_dates_end_no_sentence(text):
    assert sentences(text) == [text]


def test_a_full_stop_before_a_capital_a_bullet_or_a_new_line_ends_a_sentence():
    text = "DASSOS godkendte udkastet. KKR sender det videre.\n• Første punkt\n• Andet punkt"
    assert sentences(text) == [
        "DASSOS godkendte udkastet.", "KKR sender det videre.", "• Første punkt", "• Andet punkt",
    ]


def test_a_dash_bullet_run_into_the_text_starts_a_sentence_but_a_dash_inside_one_does_not():
    text = "Vi står stærkere. - Det er en god idé. Aftalen gælder pr. 1. marts - ikke før."
    assert sentences(text) == [
        "Vi står stærkere.", "- Det er en god idé.", "Aftalen gælder pr. 1. marts - ikke før.",
    ]


def test_the_first_sentence_reads_whole_and_says_when_more_follows():
    text = (
        "DASSOS godkendte, at der arbejdes videre med de tre forslag, som er blevet drøftet "
        "på temadagen 1. marts 2024:\n\n• Borgere med komplekse udfordringer"
    )
    assert first_sentence(text) == (
        "DASSOS godkendte, at der arbejdes videre med de tre forslag, som er blevet drøftet "
        "på temadagen 1. marts 2024: …"
    )
    assert first_sentence("DASSOS tog orienteringen til efterretning.") == (
        "DASSOS tog orienteringen til efterretning."
    )
    assert first_sentence("Mødet den 11. februar 2021 afkortes. Der laves en temadrøftelse.") == (
        "Mødet den 11. februar 2021 afkortes. …"
    )


def test_a_short_label_takes_the_sentence_after_it():
    text = "Udviklingsområderne:\n\nDASSOS godkendte de tre forslag.\n\n• Psykiatri og trivsel"
    assert first_sentence(text) == "Udviklingsområderne: DASSOS godkendte de tre forslag. …"


def test_a_long_sentence_is_cut_at_a_word_with_an_ellipsis():
    text = "DASSOS drøftede " + "kapacitetsudfordringerne på området " * 20 + "i regionen."
    shown = first_sentence(text, limit=100)
    assert shown.endswith(" …")
    assert len(shown) <= 102
    assert text.startswith(shown[:-2])
    assert shown[:-2].split()[-1] in text.split()
    assert shorten("kort tekst", 100) == "kort tekst"
    assert first_sentence("") == ""
