"""Agenda items from referat text: numbering, sections, parts, presenters and bilag."""
import pytest

from ingest.parsing.contract import Line
from ingest.parsing.extract.text import extract_text
from ingest.parsing.parse.agenda import parse_agenda
from ingest.parsing.parse.presenters import is_ved_line, parse_presenters


def agenda(text: str):
    """The items and the warnings as the (Danish) review page words them."""
    extracted = extract_text(text.encode("utf-8"))
    items, warnings = parse_agenda(extracted.lines, extracted.urls)
    return items, [str(warning) for warning in warnings]


def by_number(text: str) -> dict:
    return {item.number: item for item in agenda(text)[0]}


OCR_LOST_NUMBERS = """\
 1.1

1.2

Beslutningspunkter

Konstituering DASSOS
Ved Brian Høyer Lorentsen, leder Fællessekretariatet

Referat
DASSOS tog orienteringen til efterretning.

Status på dobbeltdiagnose tilbuddet
Ved Brian Høyer Lorentsen, leder Fællessekretariatet

Indstilling
At DASSOS:
• Orienteres om at arbejdsgruppen fortsætter efter 1. januar 2026 med indledende møde den
4.marts


file:///C:/Users/someone/Downloads/true%20(5).pdf

1.3

• Beslutter, at der laves en fælles minimumsregistrering

Orienteringspunkter

Status på handlingsplanen for Rammeaftale 2025-2026

Ved Katrine Axél, direktør Syddjurs Kommune

Referat
DASSOS tog orienteringen til efterretning.
"""


def test_it_numbers_items_from_their_position_when_ocr_lost_the_numbers():
    items, warnings = agenda(OCR_LOST_NUMBERS)
    assert [(i.number, i.section, i.title) for i in items] == [
        ("1.1", "Beslutningspunkter", "Konstituering DASSOS"),
        ("1.2", "Beslutningspunkter", "Status på dobbeltdiagnose tilbuddet"),
        ("2.1", "Orienteringspunkter", "Status på handlingsplanen for Rammeaftale 2025-2026"),
    ]
    assert warnings == [
        "3 punkter har intet nummer i teksten (1.1, 1.2, 2.1); "
        "numrene er udledt af deres placering."
    ]


def test_a_stray_page_top_number_does_not_split_an_indstilling():
    item = by_number(OCR_LOST_NUMBERS)["1.2"]
    assert item.indstilling == [
        "Orienteres om at arbejdsgruppen fortsætter efter 1. januar 2026 med indledende møde den "
        "4.marts",
        "Beslutter, at der laves en fælles minimumsregistrering",
    ]


SECTION_WITHOUT_ITEMS = """\
3.     Punkter til kommende møder

3.1      Eventuelt

Bemærkninger
Intet.
 4.     Dialog med Ankestyrelsens dialogforum
Fra Ankestyrelsen deltager (virtuelt) Jacob Hess og Julie Bloch.

Indstilling
At DASSOS

• Drøfter udvalgte problemstillinger med Ankestyrelsen

Referat:
Der var efterfølgende en åben dialog om konkrete sager.

Sagsfremstilling
Formålet med møderne er:

1. Øge kommunernes kendskab til Dialogforum

2. Give kommunerne mulighed for at komme i dialog med Ankestyrelsen
"""


def test_a_section_with_content_but_no_sub_items_is_one_item():
    items, _ = agenda(SECTION_WITHOUT_ITEMS)
    assert [(i.number, i.section, i.title) for i in items] == [
        ("3.1", "Punkter til kommende møder", "Eventuelt"),
        ("4", "Dialog med Ankestyrelsens dialogforum", "Dialog med Ankestyrelsens dialogforum"),
    ]
    dialog = items[1]
    assert dialog.presenters == []
    assert dialog.indstilling == ["Drøfter udvalgte problemstillinger med Ankestyrelsen"]
    assert dialog.outcome == "discussed"
    assert "1. Øge kommunernes kendskab" in dialog.sagsfremstilling


def test_bemaerkninger_is_an_other_part_not_the_referat():
    eventuelt = by_number(SECTION_WITHOUT_ITEMS)["3.1"]
    assert eventuelt.other_parts == {"Bemærkninger": "Intet."}
    assert eventuelt.referat == ""
    assert eventuelt.outcome == "none"


WITH_TOC = """\
Referat fra møde i DASSOS

1.     Beslutningspunkter 3
1.1      Børnehuset Midt – orientering om aktivitet 3
2.     Orienteringspunkter 4
2.1      Status på modernisering af takstfilen 4
2.2.    Mødeplan for DASSOS 2022 5

1.     Beslutningspunkter

1.1      Børnehuset Midt – orientering om aktivitet

Ved Lotte Henriksen, Socialchef Aarhus Kommune, Henrik Andreas Jensen, Børnecenterchef
Aarhus Kommune og Rikke Holm Bramsen, leder Børnehus Midt

Referat
DASSOS tog redegørelsen til efterretning.

Sagsfremstilling
Ledelsesinformationen består af fem bilag:

1. Opgørelse af regnskabsudviklingen i 2021
2. Opgørelse af over-/underskud
3. Opgørelse over brug af tillægstakster

 2.     Orienteringspunkter

2.1      Status på modernisering af takstfilen

Referat:
Status blev taget til efterretning.

2.2.    Mødeplan for DASSOS 2022

Referat:
Mødeplanen blev taget til efterretning.
"""


def test_the_table_of_contents_is_not_read_as_items():
    items, _ = agenda(WITH_TOC)
    assert [i.number for i in items] == ["1.1", "2.1", "2.2"]
    assert items[0].title == "Børnehuset Midt – orientering om aktivitet"


def test_numbered_list_lines_in_case_text_are_not_sections():
    item = by_number(WITH_TOC)["1.1"]
    assert "3. Opgørelse over brug af tillægstakster" in item.sagsfremstilling
    assert by_number(WITH_TOC)["2.1"].section == "Orienteringspunkter"


def test_it_keeps_only_the_names_of_several_presenters():
    item = by_number(WITH_TOC)["1.1"]
    assert item.presenters == ["Lotte Henriksen", "Henrik Andreas Jensen", "Rikke Holm Bramsen"]


PARTS_IN_ANOTHER_ORDER = """\
1.     Beslutningspunkter

1.2      Arbejdet med udviklingsområdet ”Borgere med komplekse udfordringer” i
Rammeaftale 2021-22

Ved Anders Kjærulff, koncerndirektør, og Tina Ebler, Direktør for Psykiatrien, Region Midtjylland

Sagsfremstilling
Udviklingsområdet er et nyt fælles udviklingsområde, der skal arbejdes med i Rammeaftale
2021-2022.

Baggrund
Det nye udviklingsområde har sin baggrund i et oplevet efterspørgselspres.

Bilag
Bilag 1: Forslag til kommissorium for ”cirkler” som arbejdsform i Rammeaftale 2021-2022

Indstilling
Af DASSOS:

• Orienteres om status for arbejdet med udviklingsområderne:
• Borgere med komplekse udfordringer
• Mental sundhed og psykiatri

• Tilkendegiver om kommunerne oplever udfordringer med at finde egnede specialdagtilbud og

specialskoletilbud i Midtjylland

 Referat
DASSOS bakkede op om ”cirklerne” som arbejdsform.
"""


def test_parts_are_found_in_any_order_with_a_wrapped_title():
    item = by_number(PARTS_IN_ANOTHER_ORDER)["1.2"]
    assert item.title == (
        "Arbejdet med udviklingsområdet ”Borgere med komplekse udfordringer” i Rammeaftale 2021-22"
    )
    assert item.presenters == ["Anders Kjærulff", "Tina Ebler"]
    assert item.sagsfremstilling.startswith("Udviklingsområdet er et nyt fælles udviklingsområde")
    assert "Baggrund" in item.sagsfremstilling
    assert item.referat == "DASSOS bakkede op om ”cirklerne” som arbejdsform."
    assert item.outcome == "approved"
    assert [(a.label, a.title) for a in item.attachments] == [
        (
            "Bilag 1",
            "Forslag til kommissorium for ”cirkler” som arbejdsform i Rammeaftale 2021-2022",
        )
    ]


def test_indstilling_drops_the_intro_folds_sub_bullets_and_joins_wrapped_points():
    item = by_number(PARTS_IN_ANOTHER_ORDER)["1.2"]
    assert item.indstilling == [
        "Orienteres om status for arbejdet med udviklingsområderne: Borgere med komplekse "
        "udfordringer Mental sundhed og psykiatri",
        "Tilkendegiver om kommunerne oplever udfordringer med at finde egnede specialdagtilbud og "
        "specialskoletilbud i Midtjylland",
    ]


CASE_TEXT_WITHOUT_HEADING = """\
1. Beslutningspunkter

1.1 Godkendelse af lukning af botilbuddet Kollegiet

Ved Katrine Axél, direktør Syddjurs

Referat
DASSOS godkendte lukningen af botilbuddet Kollegiet.

Indstilling
At DASSOS:
• Godkender lukningen af botilbuddet Kollegiet

Fællessekretariatet har modtaget følgende sagsfremstilling fra Syddjurs Kommune:

Byrådet i Syddjurs Kommune har besluttet at lukke botilbuddet Kollegiet.

1.2 Kapacitetsstyring af herbergsområdet

Referat

DASSOS besluttede at nedsætte en arbejdsgruppe.

Efterskrift: Efter mødet i DASSOS den 27. februar 2026 har KL meddelt, at KKR-områderne også
skal inddrages.

Sagsfremstilling modtaget fra Syddjurs Kommune:

Indstilling til DASSOS:

Syddjurs Kommune ønsker at omlægge pladserne.

Indstilling

At DASSOS:

• drøfter status
"""


def test_case_text_printed_after_the_indstilling_is_the_sagsfremstilling():
    item = by_number(CASE_TEXT_WITHOUT_HEADING)["1.1"]
    assert item.indstilling == ["Godkender lukningen af botilbuddet Kollegiet"]
    assert item.sagsfremstilling.startswith("Fællessekretariatet har modtaget følgende")
    assert "Byrådet i Syddjurs Kommune" in item.sagsfremstilling


def test_an_inline_efterskrift_is_its_own_part():
    item = by_number(CASE_TEXT_WITHOUT_HEADING)["1.2"]
    assert item.referat == "DASSOS besluttede at nedsætte en arbejdsgruppe."
    assert item.outcome == "decided"
    assert list(item.other_parts) == ["Efterskrift"]
    assert item.other_parts["Efterskrift"].startswith("Efter mødet i DASSOS den 27. februar 2026")
    assert item.other_parts["Efterskrift"].endswith("også skal inddrages.")


def test_an_indstilling_heading_inside_the_case_text_is_text():
    item = by_number(CASE_TEXT_WITHOUT_HEADING)["1.2"]
    assert item.sagsfremstilling.startswith("Indstilling til DASSOS:")
    assert item.indstilling == ["drøfter status"]


BILAG_WITH_URLS = """\
1. Beslutningspunkter

1.1 Børnehuset Midt – orientering om aktivitet, drift og budget

Referat
DASSOS tog redegørelsen til efterretning, jf. rapporten på
https://tilsynmidt.silkeborg.dk.

Bilag
Bilag 1: Budget 2022 for Børnehus Midt
Bilag 2 - Opsamling besvarelser fra midtjyske kommuner ift. efterspørgsel på pladser på sikrede
institutioner
Bilag A – Præsentation af nye tilsynsværktøjer for Dassos 27.2.26
Bilag 3 — Notat om forståelse af ledsageraftalen


https://sekretariatmidtjylland.viborg.dk/media/oivdr4cg/bilag-1-notat-vedr-boernehus-midt-b2022-til-dassos.pdf
https://sekretariatmidtjylland.viborg.dk/media/rgiihgdp/bilag-a-praesentation-af-nye-tilsynsvaerktoejer-for-dassos-27226.pdf
https://sekretariatmidtjylland.viborg.dk/media/x/rapport-2021-lands-og-landsdelsdaekkende-tilbud.pdf
file:///C:/Users/someone/Downloads/bilag-3-notat-om-forstaaelse-af-ledsageraftalen.pdf
 1.2 Status på modernisering af takstfilen

Referat:
Status blev taget til efterretning.
"""


def test_bilag_get_the_url_whose_slug_matches_and_never_a_file_path():
    item = by_number(BILAG_WITH_URLS)["1.1"]
    assert [(a.label, a.title, a.url) for a in item.attachments] == [
        (
            "Bilag 1",
            "Budget 2022 for Børnehus Midt",
            "https://sekretariatmidtjylland.viborg.dk/media/oivdr4cg/"
            "bilag-1-notat-vedr-boernehus-midt-b2022-til-dassos.pdf",
        ),
        (
            "Bilag 2",
            "Opsamling besvarelser fra midtjyske kommuner ift. efterspørgsel på pladser på "
            "sikrede institutioner",
            None,
        ),
        (
            "Bilag A",
            "Præsentation af nye tilsynsværktøjer for Dassos 27.2.26",
            "https://sekretariatmidtjylland.viborg.dk/media/rgiihgdp/"
            "bilag-a-praesentation-af-nye-tilsynsvaerktoejer-for-dassos-27226.pdf",
        ),
        ("Bilag 3", "Notat om forståelse af ledsageraftalen", None),
    ]


def test_dumped_link_targets_stay_out_of_the_text_but_a_url_ending_a_sentence_stays():
    items = by_number(BILAG_WITH_URLS)
    assert items["1.1"].referat.endswith("rapporten på https://tilsynmidt.silkeborg.dk.")
    assert "viborg.dk/media" not in items["1.1"].referat
    assert items["1.2"].title == "Status på modernisering af takstfilen"


def test_a_link_annotation_on_a_bilag_line_is_its_url():
    lines = [
        Line("1.1 Udkast til Rammeaftale 2023-24", page=4, heading=2),
        Line(""),
        Line("Referat", page=4, heading=3),
        Line("DASSOS godkendte udkastet.", page=4),
        Line(""),
        Line("Bilag", page=5, heading=3),
        Line("Bilag 6: Udkast til Rammeaftale 2023-24", page=5,
             links=["https://example.org/media/abc/udkast.pdf"]),
    ]
    items, _ = parse_agenda(lines, ["https://example.org/media/abc/udkast.pdf"])
    assert items[0].attachments[0].url == "https://example.org/media/abc/udkast.pdf"
    assert items[0].pages == (4, 5)


MARKDOWN_TOPICS = """\
# 2. Orienteringspunkter

## 2.2 Orientering fra KLs koordinationsforum

Ved Lotte Henriksen og Jette Lorenzen, DASSOS repræsentanter i KLs Koordinationsforum

### Referat:

DASSOS tog orienteringen fra KLs Koordinationsforum til efterretning.

### Åbning af ekstra pladser på sikrede institutioner i Midtjylland

Koordinationsforum havde ekstra møde den 28. juni.

### Særlige psykiatripladser

Formanden for KL's socialudvalg har skrevet til ministeren.

## 2.3 Eventuelt

##### **Dialogforum – Ankestyrelsen og KL:**

Pia Helleland adviserede om en tilbagemelding til KL.

## 2.4 Punkter til næste møde

Næste møde er den 10. november 2022, og punkter **kan** meldes ind senest 21. oktober.
"""


def test_styled_topic_headings_after_the_referat_open_the_case_text():
    item = by_number(MARKDOWN_TOPICS)["2.2"]
    assert item.presenters == ["Lotte Henriksen", "Jette Lorenzen"]
    assert item.referat == "DASSOS tog orienteringen fra KLs Koordinationsforum til efterretning."
    assert item.sagsfremstilling.startswith("Åbning af ekstra pladser")
    assert "Særlige psykiatripladser" in item.sagsfremstilling
    assert item.other_parts == {}


def test_a_styled_heading_before_any_part_names_an_other_part():
    item = by_number(MARKDOWN_TOPICS)["2.3"]
    assert list(item.other_parts) == ["Dialogforum – Ankestyrelsen og KL"]
    assert item.referat == ""
    assert item.outcome == "none"


def test_an_item_without_sub_headings_records_its_text_as_the_referat():
    item = by_number(MARKDOWN_TOPICS)["2.4"]
    assert item.referat.startswith("Næste møde er den 10. november 2022")
    assert item.outcome == "noted"


def test_text_that_is_not_a_referat_gives_no_items():
    items, warnings = agenda("Indkøbsliste\n\nMælk\nBrød\n\n1. Husk at ringe til mor\n")
    assert items == []
    assert warnings == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ved Ulla B. Andersen, tilsynschef i Socialtilsyn Midt", ["Ulla B. Andersen"]),
        ("Ved Jesper Thyrring Møller, Ann-Britt Wetche og Lone Rasmussen",
         ["Jesper Thyrring Møller", "Ann-Britt Wetche", "Lone Rasmussen"]),
        ("Ved Sanne Ravnsbæk, Leder af Familieambulatoriet, Region Midtjylland",
         ["Sanne Ravnsbæk"]),
        ("Ved Bjarne Hansen, Formand for Takstgruppen", ["Bjarne Hansen"]),
        ("Ved Katrine Axél, direktør Syddjurs Kommune", ["Katrine Axél"]),
        ("Ved centerchef Jakob May og Ulla B. Andersen, Hammel Neurocenter",
         ["Jakob May", "Ulla B. Andersen"]),
        ("Ved Fællessekretariatet", []),
    ],
)
def test_presenters_are_the_person_names_of_the_ved_line(line, names):
    assert is_ved_line(line)
    assert parse_presenters(line) == names


@pytest.mark.parametrize("line", ["Ved ikke", "Ved udgangen af 2024 skal vi have en plan"])
def test_a_sentence_starting_with_ved_is_no_presenter_line(line):
    assert not is_ved_line(line)


def test_a_contents_entry_missing_from_the_text_is_reported():
    text = WITH_TOC.replace("2.1      Status på modernisering af takstfilen 4\n",
                            "2.1      Status på modernisering af takstfilen 4\n"
                            "2.3      Temadag om takster 5\n")
    items, warnings = agenda(text)
    assert [i.number for i in items] == ["1.1", "2.1", "2.2"]
    assert warnings == [
        "Indholdsfortegnelsen nævner punkter, som ikke findes i teksten: "
        "2.3 »Temadag om takster«."
    ]


def test_heading_variants_and_bilag_without_separator_or_with_their_link_below():
    items, _ = agenda(
        "1. Beslutningspunkter\n\n1.1 Styringsaftale 2025-26\n\nINDSTILLING:\n"
        "At DASSOS: godkender styringsaftalen\n\nReferat og beslutning\n"
        "DASSOS godkendte styringsaftalen.\n\nBilag:\nBilag 3 Udkast til styringsaftale\n"
        "https://sekretariatmidtjylland.viborg.dk/media/q1/bilag-3-udkast-til-styringsaftale.pdf\n"
    )
    item = items[0]
    assert item.indstilling == ["godkender styringsaftalen"]
    assert item.referat == "DASSOS godkendte styringsaftalen."
    assert [(a.label, a.title, a.url) for a in item.attachments] == [
        (
            "Bilag 3",
            "Udkast til styringsaftale",
            "https://sekretariatmidtjylland.viborg.dk/media/q1/bilag-3-udkast-til-styringsaftale.pdf",
        )
    ]


def test_items_without_section_headings_and_a_stray_line_under_a_section():
    items, _ = agenda(
        "1. Beslutningspunkter\n\nSide 2 af 9\n\n1.1 Godkendelse af mødeplan\n\nReferat\n"
        "Mødeplanen blev godkendt.\n\n2.1 Orientering om takster\n\nReferat\n"
        "DASSOS tog orienteringen til efterretning.\n"
    )
    assert [(i.number, i.section, i.title) for i in items] == [
        ("1.1", "Beslutningspunkter", "Godkendelse af mødeplan"),
        ("2.1", "", "Orientering om takster"),
    ]
    assert [i.outcome for i in items] == ["approved", "noted"]


def test_a_styled_label_with_a_colon_inside_the_referat_stays_in_the_referat():
    lines = [
        Line("1.1 Drøftelse af faglige udviklingsområder", page=3, heading=2),
        Line("Referat", page=3, heading=3),
        Line("Udviklingsområderne:", page=3, heading=3),
        Line("DASSOS godkendte de tre forslag.", page=3),
        Line(""),
        Line("Takstaftalen:", page=3, heading=3),
        Line("DASSOS anbefaler nulvækst.", page=3),
        Line("Sagsfremstilling", page=4, heading=3),
        Line("Der skal udarbejdes en rammeaftale.", page=4),
    ]
    item = parse_agenda(lines, [])[0][0]
    assert item.referat == (
        "Udviklingsområderne: DASSOS godkendte de tre forslag.\n\n"
        "Takstaftalen: DASSOS anbefaler nulvækst."
    )
    assert item.sagsfremstilling == "Der skal udarbejdes en rammeaftale."
    assert item.outcome == "approved"


def test_a_title_that_lost_its_number_is_found_through_the_table_of_contents():
    text = WITH_TOC.replace("2.2.    Mødeplan for DASSOS 2022\n", "Mødeplan for DASSOS 2022\n")
    items, warnings = agenda(text)
    assert [(i.number, i.title) for i in items][-1] == ("2.2", "Mødeplan for DASSOS 2022")
    assert warnings == [
        "1 punkt har intet nummer i teksten (2.2); numrene er udledt af deres placering og "
        "indholdsfortegnelsen."
    ]


def test_numbers_in_running_text_and_page_footers_are_not_headings():
    items, _ = agenda(
        "1. Beslutningspunkter\n\n1.1 Budget for Børnehus Midt\n\nReferat\n"
        "DASSOS tog budgettet til efterretning.\n\nSagsfremstilling\nTaksten stiger med\n"
        "1.2 mio. kr. i 2022.\n\nSide 3 af 12\n\n1.7 Ny opgørelse af pladser\n\n"
        "1.2 Godkendelse af mødeplan\n\nReferat\nMødeplanen blev godkendt.\n"
    )
    assert [(i.number, i.title) for i in items] == [
        ("1.1", "Budget for Børnehus Midt"),
        ("1.2", "Godkendelse af mødeplan"),
    ]
    assert "1.2 mio. kr. i 2022." in items[0].sagsfremstilling
    assert "Side 3" not in items[0].sagsfremstilling


def test_a_part_heading_may_carry_its_first_line_after_a_colon():
    items, _ = agenda(
        "1. Beslutningspunkter\n\n1.1 Mødeplan 2025\n\n"
        "Indstilling: At DASSOS godkender mødeplanen\n"
        "\nReferat: DASSOS godkendte mødeplanen.\n\nSkriftlig orientering\nIntet nyt.\n"
    )
    item = items[0]
    assert item.indstilling == ["godkender mødeplanen"]
    assert item.referat == "DASSOS godkendte mødeplanen."
    assert item.other_parts == {"Skriftlig orientering": "Intet nyt."}


def test_a_contents_list_with_dot_leaders_is_not_read_as_items():
    text = WITH_TOC.replace("aktivitet 3\n", "aktivitet ........................ 3\n").replace(
        "takstfilen 4\n", "takstfilen.......4\n"
    )
    items, warnings = agenda(text)
    assert [(i.number, i.title) for i in items] == [
        ("1.1", "Børnehuset Midt – orientering om aktivitet"),
        ("2.1", "Status på modernisering af takstfilen"),
        ("2.2", "Mødeplan for DASSOS 2022"),
    ]
    assert warnings == []
