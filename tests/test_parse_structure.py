"""The parser follows a document's structure, not one template's wording: other bodies, other
numbering schemes, agendas, other labels and layouts. Each text here is written for the test,
with content of its own, not copied from the seeds."""
from datetime import date, time

import pytest

from ingest.parsing import parse_document


def parse(text: str):
    return parse_document(text.encode("utf-8"), "variant.txt")


def outline(parsed) -> list[tuple[str, str, str, str]]:
    return [(i.number, i.section, i.title, i.outcome) for i in parsed.items]


WORDED = """\
Referat fra møde i Forretningsudvalget

Dato: 12. september 2025
Tid: kl. 9-12
Mødested: Regionshuset Viborg

Punkt 1: Godkendelse af dagsorden

Beslutning:
Dagsordenen blev godkendt.

Punkt 2: Takster for 2026

Det indstilles, at Forretningsudvalget godkender taksterne.

Beslutning:
Forretningsudvalget godkendte taksterne.

Punkt 3: Eventuelt

Beslutning:
Intet.
"""


def test_worded_numbering_and_the_body_and_cover_of_another_committee():
    parsed = parse(WORDED)
    info = parsed.meeting
    assert (info.body, info.doctype, info.date) == ("Forretningsudvalget", "referat",
                                                     date(2025, 9, 12))
    assert (info.start_time, info.end_time, info.location) == (time(9), time(12),
                                                               "Regionshuset Viborg")
    assert outline(parsed) == [
        ("1", "", "Godkendelse af dagsorden", "approved"),
        ("2", "", "Takster for 2026", "approved"),
        ("3", "", "Eventuelt", "none"),
    ]
    assert len(parsed.items[1].indstilling) == 1


ROMAN_SECTIONS = """\
Styregruppen for Rammeaftalen – referat

Mødedato: 2. oktober 2025
Mødetid: Kl. 9.30 – 12.30

I. Beslutningssager

1. Godkendelse af dagsorden

Beslutning:
Dagsordenen blev godkendt.

2. Kapacitet på de sikrede institutioner

Beslutning:
Styregruppen godkendte kapacitetsplanen.

II. Orienteringssager

1. Status på udviklingsområderne

Referat:
Styregruppen tog orienteringen til efterretning.
"""


def test_roman_sections_over_items_numbered_again_in_each_section():
    parsed = parse(ROMAN_SECTIONS)
    assert parsed.meeting.body == "Styregruppen for Rammeaftalen"
    assert (parsed.meeting.start_time, parsed.meeting.end_time) == (time(9, 30), time(12, 30))
    assert outline(parsed) == [
        ("I.1", "Beslutningssager", "Godkendelse af dagsorden", "approved"),
        ("I.2", "Beslutningssager", "Kapacitet på de sikrede institutioner", "approved"),
        ("II.1", "Orienteringssager", "Status på udviklingsområderne", "noted"),
    ]


@pytest.mark.parametrize(
    "label", ["Ad {n}.", "§ {n}", "{n})", "Pkt. {n}", "Sag {n}", "Sag nr. {n}"]
)
def test_any_consistent_numbering_of_a_one_level_agenda(label):
    text = "Referat fra møde i Netværket af Socialchefer\n\nDato: 4. juni 2025\n\n"
    titles = ["Velkomst og præsentation", "Ny model for visitation", "Eventuelt"]
    for n, title in enumerate(titles, start=1):
        text += f"{label.format(n=n)} {title}\n\nReferat:\nNetværket drøftede punktet.\n\n"
    parsed = parse(text)
    assert [i.title for i in parsed.items] == titles
    assert [i.outcome for i in parsed.items] == ["discussed"] * 3


def test_a_meeting_without_sections_and_items_without_part_headings():
    parsed = parse(
        "Referat – ekstraordinært møde i DASSOS\n\nDato: 3. april 2025\n\n"
        "1. Godkendelse af dagsorden\nDagsordenen blev godkendt.\n\n"
        "2. Lukning af Bostedet Lyngen\nIndstilling: At DASSOS godkender lukningen.\n"
        "Referat: DASSOS godkendte lukningen.\n\n3. Eventuelt\nIntet.\n"
    )
    assert parsed.meeting.body == "DASSOS"
    assert outline(parsed) == [
        ("1", "", "Godkendelse af dagsorden", "approved"),
        ("2", "", "Lukning af Bostedet Lyngen", "approved"),
        ("3", "", "Eventuelt", "none"),
    ]


AGENDA = """\
Dagsorden

Forretningsudvalget
Mødedato: 18. november 2025
Tidspunkt: fra kl. 9.00 til 11.00
Sted: Microsoft Teams

1. Godkendelse af dagsorden

2. Budget 2026 for Fællessekretariatet
Sagsfremstilling
Fællessekretariatet har udarbejdet et budgetforslag.
Indstilling
At Forretningsudvalget:
• godkender budgettet
• drøfter prioriteringerne

3. Eventuelt
"""


def test_a_dagsorden_is_recognised_and_decides_nothing():
    parsed = parse(AGENDA)
    info = parsed.meeting
    assert (info.doctype, info.body, info.date) == ("dagsorden", "Forretningsudvalget",
                                                     date(2025, 11, 18))
    assert (info.start_time, info.end_time, info.location) == (time(9), time(11),
                                                               "Microsoft Teams")
    assert [(i.number, i.outcome, i.referat) for i in parsed.items] == [
        ("1", "none", ""), ("2", "none", ""), ("3", "none", ""),
    ]
    assert len(parsed.items[1].indstilling) == 2
    assert parsed.items[1].sagsfremstilling.startswith("Fællessekretariatet har udarbejdet")


PARTICIPANTS = """\
Referat fra møde i Netværket af Socialchefer i Midtjylland

Dato: 4. juni 2025, kl. 13.00 – 15.30
Lokale: Mødelokale 2

Til stede:
• Anna Berg (formand), Horsens Kommune
• Carla Dahl, Bostedet Lyngen
• Dennis Eriksen, Fællessekretariatet (referent)

Afbud fra:
• Eva Friis, Odder Kommune

Gæster:
• Frank Gade, Socialstyrelsen (deltog under pkt. 2)

1. Godkendelse af dagsorden
Godkendt.

2. Status på kapacitet (kl. 13.30-14.00)
Ved Frank Gade
Referat
Netværket tog orienteringen til efterretning.
"""


def test_bulleted_participants_with_roles_notes_and_organisations_of_any_kind():
    parsed = parse(PARTICIPANTS)
    assert [(p.name, p.organisation, p.role, p.status, p.note) for p in parsed.participants] == [
        ("Anna Berg", "Horsens Kommune", "formand", "present", None),
        ("Carla Dahl", "Bostedet Lyngen", None, "present", None),
        ("Dennis Eriksen", "Fællessekretariatet", "referent", "present", None),
        ("Eva Friis", "Odder Kommune", None, "absent", None),
        ("Frank Gade", "Socialstyrelsen", None, "present", "deltog under pkt. 2"),
    ]
    assert (parsed.meeting.start_time, parsed.meeting.end_time) == (time(13), time(15, 30))
    assert parsed.items[1].title == "Status på kapacitet (kl. 13.30-14.00)"
    assert parsed.items[1].presenters == ["Frank Gade"]


def test_a_contents_list_with_page_numbers_glued_into_the_titles_is_not_the_agenda():
    parsed = parse(
        "DASSOS den 3. maj 2025\n\nReferat\n\nIndhold\n1. Beslutningspunkter\n"
        "1.1 Godkendelse af dagsorden fo3r mødet\n1.2 Takster fo4r 2026\n2. Orienteringspunkter\n"
        "2.1 Status på kapacitet5\n\n1. Beslutningspunkter\n\n"
        "1.1 Godkendelse af dagsorden for mødet\n\nReferat\nDagsordenen blev godkendt.\n\n"
        "1.2 Takster for 2026\n\nReferat\nDASSOS godkendte taksterne.\n\n"
        "2. Orienteringspunkter\n\n2.1 Status på kapacitet\n\nReferat\n"
        "DASSOS tog orienteringen til efterretning.\n"
    )
    assert outline(parsed) == [
        ("1.1", "Beslutningspunkter", "Godkendelse af dagsorden for mødet", "approved"),
        ("1.2", "Beslutningspunkter", "Takster for 2026", "approved"),
        ("2.1", "Orienteringspunkter", "Status på kapacitet", "noted"),
    ]
    assert parsed.warnings == []


def test_stray_nul_characters_and_titles_starting_with_a_mark():
    parsed = parse(
        "DASSOS den 3. maj 2025\x00\n\nReferat\n\n1. Beslutningspunkter\n\n"
        "1.1 <Udkast> til mødeplan 2026\n\nReferat\nDASSOS godkendte mødeplanen.\n\n"
        "1.2 \u201dDen gode overgang\u201d \x00– status\n\nReferat\n"
        "DASSOS tog orienteringen til efterretning.\n"
    )
    assert [(i.number, i.title, i.outcome) for i in parsed.items] == [
        ("1.1", "<Udkast> til mødeplan 2026", "approved"),
        ("1.2", "\u201dDen gode overgang\u201d – status", "noted"),
    ]


def test_the_body_comes_from_the_running_header_when_there_is_no_cover():
    parsed = parse(
        "Forretningsudvalget     Referat 14.1.25\n1\n\n1. Godkendelse af referat\n\n"
        "Referat\nForretningsudvalget godkendte referatet.\n\n"
        "Forretningsudvalget     Referat 14.1.25\n2\n\n2. Eventuelt\n\nReferat\nIntet.\n"
    )
    assert (parsed.meeting.body, parsed.meeting.date) == ("Forretningsudvalget",
                                                          date(2025, 1, 14))
    assert [i.title for i in parsed.items] == ["Godkendelse af referat", "Eventuelt"]


def test_a_document_that_numbers_nothing_is_read_by_its_heading_styles():
    parsed = parse_document(
        b"# Referat fra m\xc3\xb8de i Koordinationsgruppen\n\n**Dato:** 10. marts 2025\n\n"
        b"## Velkomst\n\n### Referat\nFormanden b\xc3\xb8d velkommen.\n\n"
        b"## Tilsynsrapport 2024\n\n### Referat\nGruppen tog rapporten til efterretning.\n\n"
        b"## Eventuelt\n\n### Referat\nIntet.\n",
        "variant.md",
    )
    assert parsed.meeting.body == "Koordinationsgruppen"
    assert [(i.number, i.title, i.outcome) for i in parsed.items] == [
        ("1", "Velkomst", "noted"),
        ("2", "Tilsynsrapport 2024", "noted"),
        ("3", "Eventuelt", "none"),
    ]
    assert "numrene er udledt af deres placering" in str(parsed.warnings[0])


def test_a_two_column_template_with_labels_beside_their_text_and_other_date_forms():
    parsed = parse(
        "Referat fra møde i KKR Midtjyllands Socialchefforum\n\n"
        "Dato:\t19/6-2025\nTid:\t13.00-15.30\nSted:\tHerning Rådhus\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\tDagsordenen blev godkendt.\n\n"
        "2. Fælles indkøb af hjælpemidler\n"
        "Indstilling\tDet indstilles, at forummet godkender udbuddet.\n"
        "Beslutning\tForummet godkendte udbuddet.\n"
    )
    info = parsed.meeting
    assert (info.body, info.date, info.start_time, info.end_time) == (
        "KKR Midtjyllands Socialchefforum", date(2025, 6, 19), time(13), time(15, 30)
    )
    assert [(i.title, i.outcome, i.referat, len(i.indstilling)) for i in parsed.items] == [
        ("Godkendelse af dagsorden", "approved", "Dagsordenen blev godkendt.", 0),
        ("Fælles indkøb af hjælpemidler", "approved", "Forummet godkendte udbuddet.", 1),
    ]


PROTOCOL = """\
KKR MIDTJYLLAND
BESLUTNINGSPROTOKOL

Møde: Socialdirektørforum
Dato: Onsdag den 5. marts 2025 kl. 10:00-12:00
Sted: Regionshuset Viborg, mødelokale F3

Til stede: Anna Berg (Aarhus Kommune), Bo Holm (Randers Kommune)
Fraværende: Carl Dam (Viborg Kommune)

Pkt. 1 Godkendelse af dagsorden
Beslutning: Godkendt.

Pkt. 2 Kapacitetsanalyse for voksenområdet
Sagsfremstilling: Analysen viser et stigende behov for pladser.
Forslag til beslutning: Det foreslås, at forummet tager analysen til efterretning.
Beslutning: Taget til efterretning.
"""


def test_a_protocol_naming_its_body_by_label_with_people_on_one_line():
    parsed = parse(PROTOCOL)
    assert parsed.meeting.body == "Socialdirektørforum"
    assert [(p.name, p.organisation, p.status) for p in parsed.participants] == [
        ("Anna Berg", "Aarhus Kommune", "present"),
        ("Bo Holm", "Randers Kommune", "present"),
        ("Carl Dam", "Viborg Kommune", "absent"),
    ]
    assert [(i.number, i.outcome, len(i.indstilling)) for i in parsed.items] == [
        ("1", "approved", 0), ("2", "noted", 1),
    ]


def test_a_table_header_row_is_no_person_and_text_right_under_a_ved_line_is_the_referat():
    parsed = parse(
        "Mødereferat\n\nUdvalg: Styregruppen for Ungementorordningen\nMødedato: 14.01.2026\n\n"
        "Deltagere\nNavn                     Organisation\n"
        "Lise Holm                Horsens Kommune\n\n"
        "Ad 1. Status på ordningen\nVed Lise Holm\n"
        "Styregruppen drøftede status og ventelisten.\n\n"
        "Ad 2. Budget 2026\nBilag 1: Budgetforslag 2026\nStyregruppen godkendte budgettet.\n"
    )
    assert parsed.meeting.body == "Styregruppen for Ungementorordningen"
    assert [p.name for p in parsed.participants] == ["Lise Holm"]
    status, budget = parsed.items
    assert (status.presenters, status.referat, status.outcome) == (
        ["Lise Holm"], "Styregruppen drøftede status og ventelisten.", "discussed"
    )
    assert (budget.referat, budget.outcome) == ("Styregruppen godkendte budgettet.", "approved")
    assert [(a.label, a.title) for a in budget.attachments] == [("Bilag 1", "Budgetforslag 2026")]


def test_numbers_without_a_dot_as_word_heading_lists_set_them():
    sections = parse(
        "Referat fra møde i Forretningsudvalget\n\nDato: 3. juni 2025\n\n1 Beslutningspunkter\n\n"
        "1.1 Godkendelse af dagsorden\n\nReferat\nGodkendt.\n\n2 Orienteringspunkter\n\n"
        "2.1 Status på kapacitet\n\nReferat\nTaget til efterretning.\n"
    )
    assert outline(sections) == [
        ("1.1", "Beslutningspunkter", "Godkendelse af dagsorden", "approved"),
        ("2.1", "Orienteringspunkter", "Status på kapacitet", "noted"),
    ]
    flat = parse(
        "Referat fra møde i Netværket\n\nDato: 3. juni 2025\n\n1 Godkendelse af dagsorden\n\n"
        "Godkendt.\n\n2 Takster 2026\n\nNetværket godkendte taksterne.\n\n3 Eventuelt\n\nIntet.\n"
    )
    assert outline(flat) == [
        ("1", "", "Godkendelse af dagsorden", "approved"),
        ("2", "", "Takster 2026", "approved"),
        ("3", "", "Eventuelt", "none"),
    ]


# A case-management export: "Sag N" headings after an Indholdsfortegnelse without page numbers,
# Til stede / Afbud / Referent, and bilag listed under their heading without the word "Bilag".
CASE_SYSTEM_EXPORT = """\
REFERAT

Forretningsudvalget for DASSOS

Mødedato: Torsdag den 13. november 2025
Mødetid: 9.30 - 11.45
Mødested: Regionshuset Viborg, Skottenborg 26, 8800 Viborg, mødelokale F6

Til stede:
Anne Marie Vestergaard, Holstebro Kommune (formand)
Peter Kragh, Region Midtjylland
Susanne Holm Nielsen, Aarhus Kommune
Jonna Holm Pedersen, KKR Sekretariatet i Midtjylland

Afbud:
Torben Lund, Herning Kommune

Referent: Mette Dahl, Fælleskommunalt social- og sundhedssekretariat

Indholdsfortegnelse

Sag 1 Godkendelse af dagsorden
Sag 2 Takster 2026 for de regionale tilbud
Sag 3 Lukning af Bostedet Engvang (Herning Kommune)
Sag 4 Orientering om Socialtilsyn Midt
Sag 5 Eventuelt

Sag 1 Godkendelse af dagsorden

Beslutning
Dagsordenen blev godkendt.

Sag 2 Takster 2026 for de regionale tilbud

Sagsfremstilling
Region Midtjylland har fremsendt takstberegningerne for 2026. Taksterne stiger i gennemsnit 2,1
pct. i forhold til 2025, jf. bilag 1. Takstgruppen har gennemgået beregningerne på sit møde den
22. oktober 2025.

Indstilling
Det indstilles, at Forretningsudvalget
- godkender taksterne for 2026
- anbefaler DASSOS at tage orienteringen til efterretning

Beslutning
Forretningsudvalget godkendte indstillingen. Takstgruppen udarbejder en samlet oversigt til
DASSOS' møde i december.

Bilag
1. Takstoversigt 2026 for regionale tilbud
2. Notat fra takstgruppen af 22. oktober 2025

Sag 3 Lukning af Bostedet Engvang (Herning Kommune)

Sagsfremstilling
Herning Kommune har meddelt, at Bostedet Engvang lukkes pr. 1. april 2026. Tilbuddet har 12
pladser, hvoraf 4 benyttes af borgere fra andre kommuner.

Indstilling
Det indstilles, at Forretningsudvalget drøfter sagen og tager orienteringen til efterretning.

Beslutning
Forretningsudvalget tog orienteringen til efterretning. Sekretariatet følger op over for de
berørte kommuner inden 1. februar 2026.

Sag 4 Orientering om Socialtilsyn Midt

Sagsfremstilling
Socialtilsyn Midt har udsendt sin årsrapport for 2024.

Beslutning
Orienteringen blev taget til efterretning.

Sag 5 Eventuelt

Beslutning
Intet.
"""


def test_a_case_system_export_with_sag_headings_and_listed_bilag():
    parsed = parse(CASE_SYSTEM_EXPORT)
    assert parsed.meeting.body == "Forretningsudvalget for DASSOS"
    assert parsed.meeting.date == date(2025, 11, 13)
    assert (parsed.meeting.start_time, parsed.meeting.end_time) == (time(9, 30), time(11, 45))
    assert [(p.name, p.status) for p in parsed.participants][-2:] == [
        ("Torben Lund", "absent"), ("Mette Dahl", "present")
    ]
    assert outline(parsed) == [
        ("1", "", "Godkendelse af dagsorden", "approved"),
        ("2", "", "Takster 2026 for de regionale tilbud", "approved"),
        ("3", "", "Lukning af Bostedet Engvang (Herning Kommune)", "noted"),
        ("4", "", "Orientering om Socialtilsyn Midt", "noted"),
        ("5", "", "Eventuelt", "none"),
    ]
    takster = parsed.items[1]
    assert [(a.label, a.title) for a in takster.attachments] == [
        ("Bilag 1", "Takstoversigt 2026 for regionale tilbud"),
        ("Bilag 2", "Notat fra takstgruppen af 22. oktober 2025"),
    ]
    assert "Takstoversigt" not in takster.referat
    assert len(takster.indstilling) == 2
    # A recommendation to note something is no task; the takstgruppe's overview is.
    assert [f.actor for f in takster.followups] == ["Takstgruppen"]
    assert [(f.actor, f.due) for f in parsed.items[2].followups] == [
        ("Sekretariatet", date(2026, 2, 1))
    ]


def test_bilag_listed_as_bullets_are_numbered_by_their_place():
    text = CASE_SYSTEM_EXPORT.replace("1. Takstoversigt", "- Takstoversigt").replace(
        "2. Notat", "- Notat"
    )
    takster = parse(text).items[1]
    assert [a.label for a in takster.attachments] == ["Bilag 1", "Bilag 2"]


def test_a_contents_entry_may_wrap_onto_several_lines():
    text = (
        "Referat fra møde i DASSOS\n\nDato: 4. juni 2025\n\nIndhold\n\n"
        "1. Beslutningspunkter\t2\n"
        "1.1 Orientering om brev til ministeren\nvedr. kommunernes økonomiske\n"
        "forpligtelse over for borgere\nfra andre kommuner\t2\n"
        "1.2 Takster\t3\n1.3 Eventuelt\t3\n\n"
        "1. Beslutningspunkter\n\n"
        "1.1 Orientering om brev til ministeren vedr. kommunernes økonomiske forpligtelse over "
        "for borgere fra andre kommuner\n\nReferat\nDASSOS tog orienteringen til efterretning."
        "\n\n1.2 Takster\n\nReferat\nGodkendt.\n\n1.3 Eventuelt\n\nReferat\nIntet.\n"
    )
    parsed = parse(text)
    assert [i.number for i in parsed.items] == ["1.1", "1.2", "1.3"]
    assert parsed.items[0].title.endswith("fra andre kommuner")
    assert parsed.items[0].outcome == "noted"


def test_a_bilag_list_saying_there_are_none_lists_no_bilag():
    text = CASE_SYSTEM_EXPORT.replace(
        "1. Takstoversigt 2026 for regionale tilbud\n2. Notat fra takstgruppen af 22. oktober 2025",
        "- Ingen bilag.",
    )
    assert "- Ingen bilag." in text
    assert parse(text).items[1].attachments == []


# A Markdown agenda of another body: sections named in words of their own, set larger than the
# numbered items under them, and everyone present on one line with their organisation in
# parentheses.
MARKDOWN_AGENDA = (
    '# Dagsorden\n'
    '\n'
    '**Styregruppen for Rammeaftalen**\n'
    '\n'
    'Mødedato: 3. februar 2027, kl. 13.00 – 15.30\n'
    'Sted: Horsens Rådhus, Rådhustorvet 4, 8700 Horsens, lokale 1.12\n'
    '\n'
    'Deltagere: Hanne Lyng (Horsens Kommune, formand), Per Bech (Region Midtjylland), '
    'Sofie Dahl (Aarhus Kommune)\n'
    'Afbud: Kim Roed (Silkeborg Kommune)\n'
    '\n'
    '## Til beslutning\n'
    '\n'
    '### 1. Godkendelse af dagsorden\n'
    '\n'
    '### 2. Udviklingsstrategi 2027-28\n'
    '\n'
    'Ansvarlig: Per Bech\n'
    '\n'
    '**Indstilling**\n'
    'Det indstilles, at styregruppen godkender udkastet til udviklingsstrategien og sender\n'
    'det til DASSOS.\n'
    '\n'
    '**Sagsfremstilling**\n'
    'Udkastet er udarbejdet af arbejdsgruppen på baggrund af temadagen i november 2026.\n'
    '\n'
    '**Bilag:**\n'
    '- Udkast til udviklingsstrategi 2027-28\n'
    '- Høringssvar fra kommunerne\n'
    '\n'
    '## Til orientering\n'
    '\n'
    '### 3. Status på lukningen af Bofællesskabet Lærken (Hedensted Kommune)\n'
    '\n'
    'Ansvarlig: Hanne Lyng\n'
    '\n'
    '**Sagsfremstilling**\n'
    'Hedensted Kommune lukker Bofællesskabet Lærken pr. 1. maj 2027. Fem borgere fra andre\n'
    'kommuner skal have nye tilbud.\n'
    '\n'
    '### 4. Eventuelt\n'
    '\n'
)


def test_a_markdown_agenda_with_sections_of_its_own_words_and_people_on_one_line():
    parsed = parse_document(MARKDOWN_AGENDA.encode("utf-8"), "dagsorden.md")
    assert parsed.meeting.doctype == "dagsorden"
    assert parsed.meeting.body == "Styregruppen for Rammeaftalen"
    assert [(p.name, p.organisation, p.role, p.status) for p in parsed.participants] == [
        ("Hanne Lyng", "Horsens Kommune", "formand", "present"),
        ("Per Bech", "Region Midtjylland", None, "present"),
        ("Sofie Dahl", "Aarhus Kommune", None, "present"),
        ("Kim Roed", "Silkeborg Kommune", None, "absent"),
    ]
    assert [(i.number, i.section, i.outcome) for i in parsed.items] == [
        ("1", "Til beslutning", "none"),
        ("2", "Til beslutning", "none"),
        ("3", "Til orientering", "none"),
        ("4", "Til orientering", "none"),
    ]
    assert [a.title for a in parsed.items[1].attachments] == [
        "Udkast til udviklingsstrategi 2027-28", "Høringssvar fra kommunerne"
    ]
