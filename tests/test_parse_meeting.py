"""Meeting info: the cover page in every layout, and the date inferred when the cover is missing."""
import json
from datetime import date, time

import pytest

from ingest.parsing.contract import Line
from ingest.parsing.extract import extract
from ingest.parsing.extract.text import extract_text
from ingest.parsing.parse.meeting import parse_meeting_info
from tests.paths import FIXTURES, ROOT

SEED_STEMS = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def _meeting(text: str, running_headers: list[str] | None = None):
    """Meeting info and its warnings as the (Danish) review page words them."""
    extracted = extract_text(text.encode("utf-8"))
    info, warnings = parse_meeting_info(
        extracted.lines, running_headers or extracted.running_headers
    )
    return info, [str(warning) for warning in warnings]


def _as_json(info) -> dict:
    return {
        "body": info.body,
        "date": info.date.isoformat() if info.date else None,
        "start_time": info.start_time.strftime("%H:%M") if info.start_time else None,
        "end_time": info.end_time.strftime("%H:%M") if info.end_time else None,
        "location": info.location,
        "room": info.room,
        "doctype": info.doctype,
    }


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_it_reads_each_seeds_meeting_as_the_hand_written_expectation(stem):
    expected = json.loads((ROOT / "tests/expectations" / f"{stem}.json").read_text("utf-8"))
    extracted = extract((FIXTURES / f"{stem}.txt").read_bytes())
    info, warnings = parse_meeting_info(extracted.lines, extracted.running_headers)
    assert _as_json(info) == expected["meeting"]
    if expected["date_evidence"]:
        assert len(warnings) == 1
        warning = str(warnings[0])
        assert warning.startswith(f"Ingen forside; datoen {expected['meeting']['date']}")
        assert f"»{expected['date_evidence']}«" in warning
    else:
        assert warnings == []


MARKDOWN_COVER = """
# DASSOS den 15. september 2022

## Referat

**Tidspunkt:** Den 15. september kl. 8.30-10.00

**Sted:** Viborg Rådhus
Prinsens Alle 5
8800 Viborg

**Lokale:** Lokale M5 - tag elevatoren til 5. sal

**Deltagere:**

Jesper Thyrring Møller (formand)\tStruer Kommune

# Dagsorden til møde i DASSOS

<b>1. Beslutningspunkter</b>\t<b>3</b>
"""


def test_it_reads_a_markdown_cover_page():
    info, warnings = _meeting(MARKDOWN_COVER)
    assert info.body == "DASSOS"
    assert info.date == date(2022, 9, 15)
    assert (info.start_time, info.end_time) == (time(8, 30), time(10, 0))
    assert info.location == "Viborg Rådhus, Prinsens Alle 5, 8800 Viborg"
    assert info.room == "Lokale M5 - tag elevatoren til 5. sal"
    assert warnings == []


def test_the_year_comes_from_the_title_when_tidspunkt_has_none():
    info, _ = _meeting(
        "DASSOS den 1. marts 2024\n\nReferat\n\nTidspunkt: Den 1. marts kl. 13.00-14.00\n"
    )
    assert info.date == date(2024, 3, 1)
    assert info.start_time == time(13, 0)


def test_it_reads_whole_hours_and_leading_spaces_in_pdftotext_layout():
    text = (
        " \n DASSOS den 25. november 2021 \n \nReferat \n \n"
        "Tidspunkt: Den 25. november 2021 kl. 9-12   \n     \n\n"
        "Sted: Viborg Rådhus   \n Prinsens Alle 5  \n 8800 Viborg \n \n"
        "Lokale: Multisalen  \n"
    )
    info, _ = _meeting(text)
    assert (info.start_time, info.end_time) == (time(9, 0), time(12, 0))
    assert info.location == "Viborg Rådhus, Prinsens Alle 5, 8800 Viborg"
    assert info.room == "Multisalen"


def test_a_value_on_the_line_after_its_label_is_read():
    lines = [Line(text) for text in (
        "DASSOS den 4. maj 2021", "", "Tidspunkt:", "Den 4. maj 2021 kl. 9.00-12.00",
        "Sted:", "Regionshuset Viborg", "Skottenborg 26", "8800 Viborg", "Lokale:", "Mødelokale 1",
    )]
    info, _ = parse_meeting_info(lines, [])
    assert info.date == date(2021, 5, 4)
    assert info.location == "Regionshuset Viborg, Skottenborg 26, 8800 Viborg"
    assert info.room == "Mødelokale 1"


def test_without_cover_the_running_footer_dates_the_meeting_and_a_warning_names_it():
    text = (
        "1.1 Konstituering\nReferat\nDASSOS tog orienteringen til efterretning.\n"
        "DASSOS Referat 27.2.26\n2\n1.2 Næste punkt\nDASSOS Referat 27.2.26\n3\n"
    )
    info, warnings = _meeting(text)
    assert info.date == date(2026, 2, 27)
    assert info.start_time is None and info.location is None and info.room is None
    assert warnings == [
        "Ingen forside; datoen 2026-02-27 er udledt af sidehovedet/-foden "
        "»DASSOS Referat 27.2.26« (2 gange)."
    ]


def test_a_past_meeting_mentioned_in_the_text_is_not_the_meeting_date():
    text = (
        " 1.     Beslutningspunkter\n1.1 Cirkler\n"
        "På DASSOS mødet den 22. januar 2020 blev det besluttet at etablere cirkler.\n"
        "På mødet i DASSOS den 27. august 2020 tilkendegav kredsen sin opbakning.\n"
        "perioden følger rammeaftalen (jf. DASSOS 12.5.20).\n"
        "Bilag 4: Projekt familieplanlægning (oplæg til DASSOS 23.11.20)\n"
    )
    info, warnings = _meeting(text)
    assert info.date == date(2020, 11, 23)
    assert warnings == [
        "Ingen forside; datoen 2020-11-23 er udledt af »oplæg til DASSOS 23.11.20«."
    ]


def test_a_postscript_after_the_meeting_dates_it():
    text = (
        "1.6 Kapacitetsstyring\nReferat\nDASSOS besluttede at nedsætte en arbejdsgruppe.\n"
        "Efterskrift: Efter mødet i DASSOS den 27. februar 2026 har KL meddelt, at ...\n"
        "Næste møde i DASSOS afholdes den 18. maj 2026.\n"
    )
    info, warnings = _meeting(text)
    assert info.date == date(2026, 2, 27)
    assert "»Efter mødet i DASSOS den 27. februar 2026«" in warnings[0]


def test_weaker_conflicting_evidence_is_outweighed_and_named():
    text = "1.1 Punkt\nBilag 1: Oplæg (oplæg til DASSOS 4.5.21)\nDASSOS Referat 11.2.21\n1\n"
    info, warnings = _meeting(text)
    assert info.date == date(2021, 2, 11)
    assert warnings == [
        "Ingen forside; datoen 2021-02-11 er udledt af sidehovedet/-foden "
        "»DASSOS Referat 11.2.21«; svagere holdepunkter for 2021-05-04 "
        "(»oplæg til DASSOS 4.5.21«) er tilsidesat."
    ]


def test_a_text_with_no_dated_evidence_has_no_date_and_says_so():
    text = "1.1 Punkt\nPå det seneste møde i DASSOS den 4. november 2025 blev det aftalt.\n"
    info, warnings = _meeting(text)
    assert info.date is None
    assert warnings == [
        "Der blev ikke fundet nogen mødedato: ingen dateret forside, sidehoved, efterskrift "
        "eller bilagstitel."
    ]


def test_a_running_header_that_disagrees_with_the_cover_is_reported():
    text = "DASSOS den 15. september 2022\n\nTidspunkt: Den 15. september kl. 8.30-10.00\n"
    info, warnings = _meeting(text, running_headers=["DASSOS Referat 15.9.21"])
    assert info.date == date(2022, 9, 15)
    assert warnings == [
        "Datoerne i sidehovedet/-foden (2021-09-15) afviger fra mødedatoen 2022-09-15."
    ]


def test_hostile_lines_are_parsed_without_blowing_up():
    # Long runs that would make a backtracking regex explode; the call must simply return.
    text = (
        "DASSOS " * 20000 + "\n" + "Sted: " + "a" * 100000 + "\n"
        + "Efter mødet i DASSOS den " + "1" * 50000 + "\n" + "kl. " + "9" * 50000 + "\n"
    )
    info, warnings = _meeting(text)
    assert info.date is None
    assert info.location == "a" * 100000
    assert warnings[0].startswith("Der blev ikke fundet nogen mødedato")


def test_a_title_with_words_before_the_committee_gives_body_and_date():
    info, warnings = _meeting(
        "Referat af møde i DASSOS den 4. maj 2021\n\n"
        "Tidspunkt: Tirsdag den 4. maj 2021, 9.00 – 12.00\n\nSted: Regionshuset Viborg\n"
    )
    assert (info.body, info.date) == ("DASSOS", date(2021, 5, 4))
    assert (info.start_time, info.end_time) == (time(9, 0), time(12, 0))
    assert warnings == []


def test_an_upper_case_den_is_not_the_committee():
    info, _ = _meeting("Tidspunkt: DEN 4. MAJ 2021 kl. 9-12\n")
    assert (info.body, info.date) == (None, date(2021, 5, 4))


def test_a_running_header_with_the_month_in_words_is_evidence():
    info, warnings = _meeting("1.1 Punkt\n", running_headers=["DASSOS referat 11. februar 2021"])
    assert info.date == date(2021, 2, 11)
    assert "»DASSOS referat 11. februar 2021«" in warnings[0]


def test_on_equal_support_the_more_specific_evidence_wins():
    text = (
        "1.1 Punkt\nBilag 1: Oplæg (oplæg til DASSOS 4.5.21)\n"
        "Bilag 2: Slides (oplæg til DASSOS 4.5.21)\nBilag 3: Notat (oplæg til DASSOS 4.5.21)\n"
        "Efterskrift: Efter mødet i DASSOS den 3. maj 2021 har KL meddelt ...\n"
    )
    info, warnings = _meeting(text)
    assert info.date == date(2021, 5, 3)
    assert "svagere holdepunkter for 2021-05-04" in warnings[0]


def test_a_cover_page_without_a_date_takes_it_from_the_evidence():
    info, warnings = _meeting(
        "Referat\n\nSted: Jysk Park, Silkeborg\n\n1.1 Punkt\n",
        running_headers=["DASSOS Referat 11.5.21"],
    )
    assert (info.date, info.location) == (date(2021, 5, 11), "Jysk Park, Silkeborg")
    assert warnings == [
        "Forsiden angiver ingen dato; datoen 2021-05-11 er udledt af sidehovedet/-foden "
        "»DASSOS Referat 11.5.21«."
    ]
