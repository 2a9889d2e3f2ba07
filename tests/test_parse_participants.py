"""Participants: everyone under Deltagere and Afbud, in every layout the referater use."""
import json
from dataclasses import asdict
from difflib import SequenceMatcher

import pytest

from ingest.parsing.contract import Participant
from ingest.parsing.extract import extract
from ingest.parsing.extract.text import extract_text
from ingest.parsing.parse.meeting import parse_participants
from tests.paths import FIXTURES, ROOT

SEED_STEMS = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def _participants(text: str) -> list[Participant]:
    return parse_participants(extract_text(text.encode("utf-8")).lines)


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_it_reads_each_seeds_participants_as_the_hand_written_expectation(stem):
    expected = json.loads((ROOT / "tests/expectations" / f"{stem}.json").read_text("utf-8"))
    extracted = extract((FIXTURES / f"{stem}.txt").read_bytes())
    got = [asdict(person) for person in parse_participants(extracted.lines)]
    assert got == expected["participants"]


def test_tab_separated_lines_give_name_organisation_role_and_note():
    people = _participants(
        "Deltagere:\n\n"
        "Jesper Thyrring Møller (formand)\tStruer Kommune\n"
        "Carsten Wulff Hansen (supl. for Ann-Britt)\tRegion Midtjylland\n"
        "Bjarne Hansen\tViborg Kommune, formand for takstgruppen\n"
        "Linda Bonde Kirkegaard (konst. leder)\tFælleskommunalt social- og sundhedssekretariat\n"
        "\nAfbud\n\n"
        "Søren Liner Christensen\tHerning Kommune\n"
        "\nDagsorden til møde i DASSOS\n"
    )
    assert people == [
        Participant("Jesper Thyrring Møller", "Struer Kommune", "formand", "present", None),
        Participant("Carsten Wulff Hansen", "Region Midtjylland", None, "present",
                    "supl. for Ann-Britt"),
        Participant("Bjarne Hansen", "Viborg Kommune", None, "present",
                    "formand for takstgruppen"),
        Participant("Linda Bonde Kirkegaard", "Fælleskommunalt social- og sundhedssekretariat",
                    None, "present", "konst. leder"),
        Participant("Søren Liner Christensen", "Herning Kommune", None, "absent", None),
    ]


def test_runs_of_spaces_with_the_first_person_on_the_label_line():
    people = _participants(
        "Deltagere: Jesper Thyrring Møller (formand) Struer Kommune \n\n"
        " Kirsten Bundgaard   Herning Kommune  \n\n"
        "Henrik Juul Kjær  Ringkøbing-Skjern Kommune \n\n \n\n"
        "Afbud: Ann-Britt Wetche   Region Midtjylland \n\n"
        " Dorthe Lykke Jensen  Samsø Kommune \n"
    )
    assert [(p.name, p.organisation, p.role, p.status) for p in people] == [
        ("Jesper Thyrring Møller", "Struer Kommune", "formand", "present"),
        ("Kirsten Bundgaard", "Herning Kommune", None, "present"),
        ("Henrik Juul Kjær", "Ringkøbing-Skjern Kommune", None, "present"),
        ("Ann-Britt Wetche", "Region Midtjylland", None, "absent"),
        ("Dorthe Lykke Jensen", "Samsø Kommune", None, "absent"),
    ]


def test_a_block_of_names_then_a_block_of_organisations_pair_up_by_position():
    people = _participants(
        "Afbud:\n\n"
        "Dorthe Lykke Jensen\tSamsø Kommune\n\n"
        "Lotte Junker Pedersen\nChristian Brincker Nordbek\n\n"
        "Struer Kommune\nKKR Sekretariatet i Midtjylland\n\n"
        "Dagsorden til møde i DASSOS\n\n1. Beslutningspunkter\t3\n"
    )
    assert [(p.name, p.organisation, p.status) for p in people] == [
        ("Dorthe Lykke Jensen", "Samsø Kommune", "absent"),
        ("Lotte Junker Pedersen", "Struer Kommune", "absent"),
        ("Christian Brincker Nordbek", "KKR Sekretariatet i Midtjylland", "absent"),
    ]


def test_single_spaced_lines_after_ocr_repair_split_where_the_organisation_begins():
    people = _participants(
        "Deltagere:\n"
        "Marie Louise Eskerod Ifversen Norddjurs Kommune\n"
        "Christian Brincker Nordbek KKR Sekretariat\n"
        "Thorbjørn Aagaard Fælleskommunalt social- og sundhedssekretariat\n"
        "Ann-Britt Wetche Region Midtjylland\n"
        "Bjarne Hansen, Viborg Kommune, formand for takstgruppen\n"
    )
    assert [(p.name, p.organisation, p.note) for p in people] == [
        ("Marie Louise Eskerod Ifversen", "Norddjurs Kommune", None),
        ("Christian Brincker Nordbek", "KKR Sekretariat", None),
        ("Thorbjørn Aagaard", "Fælleskommunalt social- og sundhedssekretariat", None),
        ("Ann-Britt Wetche", "Region Midtjylland", None),
        ("Bjarne Hansen", "Viborg Kommune", "formand for takstgruppen"),
    ]


def test_an_organisation_in_parentheses_is_the_organisation():
    people = _participants("Deltagere:\nLotte Henriksen (Aarhus Kommune)\n")
    assert people == [Participant("Lotte Henriksen", "Aarhus Kommune", None, "present", None)]


def test_the_list_ends_where_the_agenda_begins():
    people = _participants(
        "Deltagere:\nLone Rasmussen\tSkanderborg Kommune\n\n"
        "1. Beslutningspunkter\n\n1.1 Godkendelse af Rammeaftale\n\nVed Jesper Thyrring Møller\n"
    )
    assert [p.name for p in people] == ["Lone Rasmussen"]


def test_a_deltagere_phrase_inside_an_agenda_item_is_not_a_participant_list():
    people = _participants(
        " 1.     Beslutningspunkter\n1.1 Cirkler\nDeltagere:\nAnders And\tAndeby Kommune\n"
    )
    assert people == []


def test_lines_that_name_nobody_are_skipped():
    people = _participants(
        "Deltagere:\nKatrine Axél\tSyddjurs Kommune\n\nAfbud: Ingen afbud\n\n"
        "Mødet blev holdt virtuelt på grund af corona-situationen i hele regionen.\n"
    )
    assert [(p.name, p.status) for p in people] == [("Katrine Axél", "present")]


def test_a_participant_list_after_the_table_of_contents_is_found():
    people = _participants(
        "DASSOS den 1. marts 2024\n\nDagsorden til møde i DASSOS\n\n"
        "1. Beslutningspunkter\t3\n1.1 Drøftelse af udviklingsområder\t3\n\n"
        "Deltagere:\nUlrik Johansen\tFavrskov Kommune\n\n"
        "1. Beslutningspunkter\n\n1.1 Drøftelse af udviklingsområder\n"
    )
    assert [(p.name, p.organisation) for p in people] == [("Ulrik Johansen", "Favrskov Kommune")]


def test_parentheses_misread_by_ocr_still_give_the_role():
    people = _participants("Deltagere:\nJesper Thyrring Møller (formand} Struer Kommune\n")
    assert people == [
        Participant("Jesper Thyrring Møller", "Struer Kommune", "formand", "present", None)
    ]


def test_it_reads_participants_from_ocr_damaged_text_after_repair():
    from ingest.parsing.extract.ocr_repair import repair_ocr_text

    stem = "004_eed90c9ef06859eb"
    expected = json.loads((ROOT / "tests/expectations" / f"{stem}.json").read_text("utf-8"))
    seed = (FIXTURES / f"{stem}.txt").read_text("utf-8")
    # What Tesseract makes of it: no tabs, Danish letters damaged.
    damaged = seed.replace("\t", " ").replace("ø", "g").replace("å", "a").replace("æ", "ae")
    lines = extract_text(damaged.encode("utf-8")).lines
    for line in lines:
        line.text = repair_ocr_text(line.text).text
    got = parse_participants(lines)
    assert len(got) == len(expected["participants"])
    for person, want in zip(got, expected["participants"], strict=True):
        # The repair is a lexicon's best guess, so names are compared with a little tolerance.
        assert SequenceMatcher(None, person.name, want["name"]).ratio() >= 0.9, person.name
        assert SequenceMatcher(None, person.organisation, want["organisation"]).ratio() >= 0.9
        assert (person.role, person.status, person.note) == (
            want["role"], want["status"], want["note"]
        )


def test_an_organisation_wrapped_over_two_lines_is_joined():
    people = _participants(
        "Deltagere:\nThorbjørn Aagaard\tFælleskommunalt social- og\n\tsundhedssekretariat\n"
    )
    assert [(p.name, p.organisation) for p in people] == [
        ("Thorbjørn Aagaard", "Fælleskommunalt social- og sundhedssekretariat")
    ]
