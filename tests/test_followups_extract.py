"""Follow-ups (issue 20, parsing): who is to do what, by when — rules on strings, tables in
three forms, deadlines, OCR text, and precision/recall against hand labels on the five seeds.

Labelling rules (written, and the seeds labelled, before the rules were tuned):

1. A follow-up is a task for after the meeting that the Referat (or an Indstilling the decision
   adopts) assigns or announces: someone — a body, a group, a person, a kommune, or nobody
   named — is to produce, send, investigate, prepare, convene or bring back something, so that
   a later reader could check whether it happened.
2. Counted: decisions that something be done ("Der skal udarbejdes et kommissorium"), an
   actor's announced next step ("Fællessekretariatet undersøger sagen"), assignments ("fik til
   opgave"), a case or topic to be taken up at a later meeting ("tages op på februarmødet",
   "forelægges DASSOS på møde den 9. februar"), points added under "Punkter til næste møde",
   a working group to be set up, and the committee's request to one named party ("DASSOS
   opfordrer Familieambulatoriet til …", "DASSOS anbefaler, at regionen fremsender …").
3. Not counted: what already happened (past tense), background, statements of principle,
   purpose or content ("Cirklerne skal ikke rådgive", "Det skal fremgå tydeligt …", "skal
   inddrages i analysen"), possibilities and advice ("kan", "bør"), conditional invitations
   ("Skulle der være kommuner …, bedes …"), encouragements to all municipalities, other
   parties' own plans or encouragements reported as news (Socialstyrelsen, KL), standing
   legal duties, continuing work without a deliverable ("der arbejdes videre med"),
   decisions on meeting arrangements (moved, shortened, held at …) unless a task to convene is
   stated, vague goals ("skabes gennemskuelighed"), the Efterskrift, and what the referat
   itself delivers ("sendes med referatet som bilag A").
4. One label per task; when two sentences state the same task ("Det skal undersøges …" and
   "Fællessekretariatet undersøger sagen") both found follow-ups match that one label.

Matching: a found follow-up matches a label of the same seed and item number when the label's
key-word pattern occurs in its action (case-insensitive). Precision = found follow-ups that
match some label / found; recall = labels matched by some found follow-up / labels.
"""
from __future__ import annotations

import re
from datetime import date
from functools import cache

import pytest

from ingest.parsing import parse_document
from ingest.parsing.contract import Item
from ingest.parsing.parse.followups import extract_followups
from tests.paths import FIXTURES

MEETING = date(2024, 3, 1)

# (seed prefix, item number, key-word pattern of the action, gist)
LABELS = [
    ("000", "1.5", r"nedsættes", "en tværsektoriel arbejdsgruppe nedsættes"),
    ("000", "1.5", r"afklares", "afklares om flere kommuner skal med"),
    ("000", "1.6", r"nedsætte", "DASSOS nedsætter en arbejdsgruppe om herbergspladser"),
    ("000", "1.6", r"oplæg", "Arbejdsgruppen laver et oplæg til DASSOS"),
    ("000", "1.7", r"minimumsregistrering", "fælles minimumsregistrering af data (indstilling)"),
    ("000", "2.2", r"dagsordenspunkt", "dagsordenspunkt på mødet 18. maj"),
    ("000", "2.2", r"inspiration", "Fællessekretariatet søger inspiration i andre KKR-områder"),
    ("000", "2.4", r"unders", "lægedækning/sygeplejersker undersøges (Fællessekretariatet)"),
    ("000", "3.1", r"punkt|notat", "punkt om tværkommunalt botilbudssamarbejde næste møde"),
    ("001", "1.1", r"sendes ud", "guidelinen sendes ud til kommunerne igen"),
    ("001", "1.1", r"dagsordenen", "DASSOS sætter guidelinen på dagsordenen ultimo 2022"),
    ("001", "1.2", r"tages op|udpegning", "udpegning af ansvarlige kommuner på februarmødet"),
    ("001", "1.2", r"tilrettes", "kommissoriet tilrettes"),
    ("001", "1.2", r"indarbejd", "Arbejdsgruppen indarbejder DASSOS' input"),
    ("001", "1.2", r"sender", "Fællessekretariatet sender det reviderede kommissorium"),
    ("001", "1.3", r"samler", "sekretariatet samler input før dialogmødet"),
    ("001", "1.4", r"temadrøftelse", "temadrøftelse med DKS 11. februar 2021"),
    ("001", "1.5", r"kontakt", "Familieambulatoriet kontakter de 19 kommuner"),
    ("001", "1.7", r"fremsender", "regionen fremsender data"),
    ("001", "1.8", r"gøres klart", "kommunernes indflydelse gøres klart"),
    ("001", "1.8", r"businesscases", "businesscases fra regionen"),
    ("001", "2.1", r"spørgeskema", "fagpersoner deltager i VIVEs spørgeskema"),
    ("001", "3.1", r"temadrøftelse", "temadrøftelse med DKS efter mødet 11. februar"),
    ("002", "1.2", r"KKR sender", "KKR sender rammeaftalen til byråd og regionsråd"),
    ("002", "1.2", r"udarbejder en analyse", "kommuner og region udarbejder en analyse"),
    ("002", "1.2", r"kommissorium", "kommissorium for analysen"),
    ("002", "1.3", r"dagsordensat|adresseres", "problemstilling dagsordensat i Koordinationsforum"),
    ("002", "1.4", r"kapacitetsanalyse", "en overordnet kapacitetsanalyse laves"),
    ("002", "1.4", r"kommissorium", "DASSOS drøfter kommissorium på næste møde"),
    ("002", "2.2", r"afrapportering", "afrapporteringen koordineres af sekretariatet"),
    ("002", "2.2", r"repræsentant", "ny repræsentant fra DASSOS på næste møde"),
    ("002", "2.3", r"early warning", "early warning via KKR-sekretariatet"),
    ("002", "3.1", r"suppleret|sag", "sager til næste møde"),
    ("002", "3.2", r"tilbagemelding", "tilbagemelding til KL om emner"),
    ("002", "3.2", r"videreformidler", "Fællessekretariatet videreformidler forespørgslen"),
    ("003", "1.1", r"afdække", "Børnehus Midt afdækker behovet"),
    ("003", "1.2", r"indarbejde", "fællessekretariatet indarbejder elementerne i skemaet"),
    ("003", "1.2", r"reminder", "fællessekretariatet sender en reminder"),
    ("003", "1.3", r"adresseres", "udfordringerne adresseres i indberetningsskemaet"),
    ("003", "1.4", r"arbejder videre|afdække", "sekretariatet afdækker datagrundlaget"),
    ("003", "1.4", r"bringer", "Lotte Henriksen og Jette Lorenzen bringer materialet ind"),
    ("003", "2.1", r"opgave", "takstgruppen laver et forståelsespapir"),
    ("003", "2.1", r"forelægges", "forståelsespapiret forelægges 9. februar 2022"),
    ("004", "1.1", r"kvalificeres|defineres", "komplekse udfordringer kvalificeres/defineres"),
    ("004", "1.1", r"undersøges", "den lovgivningsmæssige ramme undersøges"),
    ("004", "1.2", r"udvides", "forslaget udvides med oversigten"),
    ("004", "1.2", r"sender", "Sekretariatet sender oversigten ud"),
    ("004", "1.2", r"drøftes", "det opdaterede forslag drøftes 18. marts"),
    ("004", "2.2", r"svar", "svar om vestdansk tilbud ved udgangen af 2024"),
    ("004", "2.2", r"nedsættes", "en arbejdsgruppe nedsættes"),
    ("004", "2.2", r"orienteres", "DASSOS orienteres på hvert møde"),
    ("004", "3.1", r"indkaldes", "indkald til ekstraordinært møde 18. marts"),
    ("004", "3.2", r"høringssvar", "Fællessekretariatet koordinerer høringssvar"),
    ("004", "3.2", r"bruttoliste", "bruttoliste over emner til temadage"),
    ("004", "3.2", r"tydeliggøres", "det tydeliggøres hvad taksten dækker"),
]


@cache
def _seed_followups() -> list[tuple[str, str, object]]:
    found = []
    for path in sorted(FIXTURES.glob("*.txt")):
        parsed = parse_document(path.read_bytes(), path.name)
        for item in parsed.items:
            found += [(path.name[:3], item.number, followup) for followup in item.followups]
    return found


def _matches(label: tuple[str, str, str, str], seed: str, number: str, action: str) -> bool:
    return label[0] == seed and label[1] == number and bool(
        re.search(label[2], action, re.IGNORECASE)
    )


def test_the_seeds_followups_meet_precision_and_recall_against_the_hand_labels():
    found = _seed_followups()
    right = [f for f in found if any(_matches(label, f[0], f[1], f[2].action) for label in LABELS)]
    wrong = [f for f in found if f not in right]
    hit = [label for label in LABELS
           if any(_matches(label, f[0], f[1], f[2].action) for f in found)]
    missed = [label for label in LABELS if label not in hit]
    precision = len(right) / len(found)
    recall = len(hit) / len(LABELS)
    print(f"\nfollow-ups on the seeds: {len(found)} found, {len(LABELS)} labels; "
          f"precision {precision:.2f} ({len(right)}/{len(found)}), "
          f"recall {recall:.2f} ({len(hit)}/{len(LABELS)})")
    for seed, number, followup in wrong:
        print(f"  not a label: {seed} {number} {followup.action[:90]!r}")
    for label in missed:
        print(f"  missed: {label[0]} {label[1]} {label[3]}")
    assert precision >= 0.85, (precision, [f[2].action for f in wrong])
    assert recall >= 0.75, (recall, missed)


def test_the_seeds_deadlines_resolve_from_the_meeting_date():
    by_action = {f.action[:40]: f for _, _, f in _seed_followups()}
    dated = {key: (f.due, f.due_kind) for key, f in by_action.items() if f.due_kind}
    assert (date(2026, 5, 18), "date") in dated.values()  # "på det kommende … møde den 18. maj"
    assert (date(2022, 12, 31), "period") in dated.values()  # "ultimo 2022"
    assert (date(2021, 2, 28), "meeting") in dated.values()  # "på februar mødet"
    assert (date(2022, 2, 9), "date") in dated.values()  # "på møde den 9. februar 2022"
    assert (None, "next_meeting") in dated.values()  # "på næste møde"


# --- rules on strings ------------------------------------------------------------------------


def _item(referat: str = "", *, indstilling: list[str] | None = None, outcome: str = "noted",
          title: str = "Et punkt", **parts: str) -> Item:
    return Item(number="1.1", section="", title=title, referat=referat,
                indstilling=indstilling or [], outcome=outcome, other_parts=dict(parts))


def _one(text: str, meeting: date | None = MEETING, body: str | None = "DASSOS", **kwargs):
    found = extract_followups(_item(text, **kwargs), meeting, body)
    assert len(found) == 1, [f.action for f in found]
    return found[0]


def _none(text: str, **kwargs) -> None:
    found = extract_followups(_item(text, **kwargs), MEETING, "DASSOS")
    assert found == [], [f.action for f in found]


@pytest.mark.parametrize(("text", "actor"), [
    ("Fællessekretariatet udarbejder et oplæg til næste møde.", "Fællessekretariatet"),
    ("Takstgruppen fremlægger en analyse af taksterne inden 1. juni.", "Takstgruppen"),
    ("Sekretariatet vender tilbage med en status i foråret.", "Sekretariatet"),
    ("Styregruppen sender et revideret udkast til høring i kommunerne.", "Styregruppen"),
    ("Katrine Axél undersøger, om der er ledige pladser.", "Katrine Axél"),
    ("Syddjurs Kommune indkalder til et møde med leverandørerne inden sommeren.",
     "Syddjurs Kommune"),
    ("Desuden sender KKR-sekretariatet en invitation ud.", "KKR-sekretariatet"),
    # An opening adverb or participle is no actor; the subject follows the verb.
    ("Indledningsvis sender sekretariatet materialet til kommunerne inden 1. juni.",
     "Sekretariatet"),
    ("Efterfølgende fremlægger Aarhus Kommune en plan i foråret.", "Aarhus Kommune"),
    ("Sideløbende udarbejder Takstgruppen et notat til næste møde.", "Takstgruppen"),
])
def test_an_actor_with_a_present_tense_action_verb_is_a_followup(text, actor):
    assert _one(text).actor == actor


@pytest.mark.parametrize("text", [
    "Fællessekretariatet har udarbejdet et oplæg.",  # perfect: done
    "Sekretariatet udarbejdede et notat om sagen.",  # past
    "Takstgruppen fremlagde analysen på mødet.",
    "Lone Rasmussen præsenterede oplægget, som er vedlagt.",
])
def test_what_already_happened_is_no_followup(text):
    _none(text)


@pytest.mark.parametrize(("text", "actor"), [
    ("Der skal udarbejdes et kommissorium for analysen.", ""),
    ("Der skal derfor findes en ny repræsentant fra DASSOS på næste møde.", ""),
    ("Desuden skal DASSOS sætte sagen på dagsordenen ultimo 2025.", "DASSOS"),
    ("Forretningsudvalget skal godkende budgettet senest 15. april.", "Forretningsudvalget"),
    ("Sekretariatet vil afdække behovet i løbet af efteråret.", "Sekretariatet"),
    ("Det skal undersøges, hvordan reglerne kan forenkles.", ""),
    ("Notatet skal sendes til kommunerne igen.", ""),
])
def test_an_obligation_to_act_is_a_followup(text, actor):
    assert _one(text).actor == actor


@pytest.mark.parametrize("text", [
    "Aftalen skal give bedre styring af udgifterne.",
    "Arbejdet skal være praksisnært.",
    "Cirklerne skal ikke rådgive i konkrete borgersager.",
    "Det skal fremgå tydeligt, hvilke kommuner der søger.",
    "Det skal bemærkes, at taksten er uændret.",
    "Styringsaftalen skal indeholde et afsnit om takster.",
    "Landsdækkende vil vi derved stå stærkere.",
    "Socialstyrelsen vil gerne deltage i arbejdet.",
    "Der skal med tiden udarbejdes en ny model.",  # vague: no checkable promise
])
def test_a_rule_purpose_or_wish_is_no_followup(text):
    _none(text)


@pytest.mark.parametrize("text", [
    "Punktet genoptages på mødet i december.",
    "Sagen udsættes til næste møde.",
    "Forslaget forelægges Styregruppen til godkendelse på møde den 9. februar.",
    "Udpegningen tages op på februarmødet.",
    "Det afklares efterfølgende, hvem der deltager.",
])
def test_a_passive_that_promises_a_return_is_a_followup(text):
    assert _one(text).actor == ""


@pytest.mark.parametrize("text", [
    "Om der skal formuleres et nyt afsnit, blev drøftet.",
    "Skal der laves en ny aftale?",
    "Det blev drøftet, om der skal laves en analyse.",
    "Hvis kommunerne ønsker det, kan sekretariatet udarbejde et notat.",
    "Skulle der være kommuner, der ønsker at deltage, bedes det meldt til sekretariatet.",
    "Uddybende input kan sendes til sekretariatet senest primo december.",
])
def test_questions_conditions_and_possibilities_are_no_followups(text):
    _none(text)


@pytest.mark.parametrize(("text", "actor"), [
    ("Det blev aftalt, at sekretariatet samler input i et materiale.", "Sekretariatet"),
    ("Det blev besluttet, at styregruppen skal udarbejde et kommissorium.", "Styregruppen"),
    ("DASSOS godkendte, at der nedsættes en arbejdsgruppe.", ""),
    ("Der var enighed om, at der laves en kortlægning af pladserne.", ""),
    ("Udvalget besluttede at nedsætte en arbejdsgruppe om kapacitet.", "Udvalget"),
    ("DASSOS anbefaler, at regionen fremsender data om egne pladser.", "Regionen"),
    ("DASSOS opfordrer Familieambulatoriet til at tage kontakt til kommunerne.",
     "Familieambulatoriet"),
])
def test_a_committee_decision_framing_a_task_is_a_followup(text, actor):
    assert _one(text).actor == actor


@pytest.mark.parametrize("text", [
    "DASSOS ønsker ikke at udpege en konkret målgruppe.",
    "DASSOS opfordrer kommunerne til at bruge tilbuddet.",  # everyone, no one task
    "KL opfordrer til, at alle kommuner følger op på borgerne.",  # someone else's, reported
    "Hun ønsker, at det undersøges, om produkterne kan købes sammen.",  # a member's wish
    "Der var enighed om, at Forretningsudvalget nedlægges med virkning fra 2021.",  # decision
    "DASSOS godkendte, at arbejdsgruppen fortsætter.",
])
def test_decisions_without_a_task_are_no_followups(text):
    _none(text)


def test_a_task_assigned_names_its_actor_and_keeps_the_clause_readable():
    followup = _one("Orienteringen blev taget til efterretning med den tilføjelse, at "
                    "takstgruppen fik til opgave at lave et forståelsespapir.")
    assert followup.actor == "Takstgruppen"
    assert followup.action == "Takstgruppen fik til opgave at lave et forståelsespapir."


def test_a_reporting_verb_or_plain_passive_needs_a_time_phrase():
    assert _one("DASSOS drøfter kommissoriet på det kommende møde.").due_kind == "next_meeting"
    assert _one("Der udarbejdes et notat til næste møde.").due_kind == "next_meeting"
    _none("DASSOS drøfter kommissoriet.")
    _none("Der udarbejdes løbende notater.")


def test_an_agent_after_a_passive_is_the_actor():
    assert _one("Afrapporteringen koordineres som vanligt gennem det fælleskommunale "
                "sekretariat.").actor == "Fælleskommunale sekretariat"
    assert _one("Der kommer en invitation til kommunerne via KKR-sekretariatet.").actor == (
        "KKR-sekretariatet"
    )


def test_an_apposition_between_actor_and_verb_keeps_the_actor():
    followup = _one("Anna Berg og Ole Holm, udvalgets repræsentanter i forummet, bringer "
                    "sagen videre til KL.")
    assert followup.actor == "Anna Berg og Ole Holm"


def test_points_added_to_the_next_meeting_are_due_then():
    title = "Punkter til næste møde i Styregruppen"
    added = _one("Sagslisten blev suppleret med en sag om ventelister.", title=title)
    assert added.due_kind == "next_meeting"
    _none("Sagslisten blev suppleret med en sag om ventelister.")  # elsewhere: a report


# --- the Indstilling -------------------------------------------------------------------------


INDSTILLING = ["Beslutter, at der udarbejdes en fælles registrering af data"]


def test_an_adopted_indstilling_gives_its_tasks():
    for referat in ("", "Godkendt.", "DASSOS godkendte indstillingen.",
                    "Udvalget tiltrådte indstillingen uden bemærkninger."):
        found = extract_followups(
            _item(referat, indstilling=INDSTILLING, outcome="approved"), MEETING, "DASSOS"
        )
        assert [f.source for f in found] == ["indstilling"], referat


def test_an_indstilling_not_adopted_gives_nothing():
    for referat, outcome in (("DASSOS tog orienteringen til efterretning.", "noted"),
                             ("Udvalget godkendte ikke forslaget.", "rejected"),
                             ("DASSOS godkendte budgettet.", "approved")):
        found = extract_followups(
            _item(referat, indstilling=INDSTILLING, outcome=outcome), MEETING, "DASSOS"
        )
        assert found == [], referat


# --- deadlines -------------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "due", "kind"), [
    ("til næste møde", None, "next_meeting"),
    ("på det kommende styregruppemøde", None, "next_meeting"),
    ("på næste møde den 18. maj", date(2024, 5, 18), "date"),
    ("inden 1. juni", date(2024, 6, 1), "date"),
    ("senest den 15. januar", date(2025, 1, 15), "date"),  # January is past: next year's
    ("inden 1. juni 2026", date(2026, 6, 1), "date"),
    ("i foråret", date(2024, 5, 31), "period"),
    ("i foråret 2025", date(2025, 5, 31), "period"),
    ("i efteråret", date(2024, 11, 30), "period"),
    ("i 3. kvartal", date(2024, 9, 30), "period"),
    ("inden udgangen af fjerde kvartal 2024", date(2024, 12, 31), "period"),
    ("ultimo november", date(2024, 11, 30), "period"),
    ("primo december", date(2024, 12, 10), "period"),
    ("i løbet af februar", date(2025, 2, 28), "period"),
    ("ultimo 2025", date(2025, 12, 31), "period"),
    ("ved udgangen af 2024", date(2024, 12, 31), "period"),
    ("inden årsskiftet", date(2024, 12, 31), "period"),
    ("i uge 40", date(2024, 10, 6), "period"),
    ("på mødet i december", date(2024, 12, 31), "meeting"),
    ("på junimødet", date(2024, 6, 30), "meeting"),
])
def test_deadlines_in_many_forms_resolve(phrase, due, kind):
    followup = _one(f"Sekretariatet udarbejder et notat {phrase}.")
    assert (followup.due, followup.due_kind) == (due, kind)
    assert followup.due_text.lower().endswith(phrase.split()[-1].lower())


def test_without_a_meeting_date_a_yearless_deadline_stays_unresolved():
    followup = _one("Sekretariatet udarbejder et notat inden 1. juni.", meeting=None)
    assert (followup.due_text, followup.due, followup.due_kind) == ("inden 1. juni", None, "date")


def test_a_date_before_the_meeting_is_no_deadline():
    followup = _one("Forslaget skal udvides med de tilbud, der blev meldt ind (jf. mødet "
                    "10. januar 2024).")
    assert followup.due is None


# --- OCR text without æøå --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("Feellessekretariatet udarbejder et oplaeg til naeste mgde.", "next_meeting"),
    ("Punktet genoptages pa mgdet i december.", "meeting"),
    ("Sekretariatet vender tilbage med en status i foraret.", "period"),
    ("Der skal derfor findes en ny repraesentant pa naeste made.", "next_meeting"),
])
def test_ocr_text_without_danish_letters_is_read(text, kind):
    assert _one(text).due_kind == kind


# --- tables ----------------------------------------------------------------------------------


TABLE_ROWS = [
    ("Fællessekretariatet", "Til næste møde", "Udarbejder et oplæg om takster"),
    ("Takstgruppen", "Inden 1. juni", "Fremlægger en analyse af taksterne"),
    ("Katrine Axél", "Foråret 2024", "Sender status til kommunerne"),
]


def _referat_document(table: str, markdown: bool = False) -> bytes:
    heading = "## " if markdown else ""
    section = "# " if markdown else ""
    label = "**Referat**" if markdown else "Referat"
    return (
        f"Referat fra møde i Styregruppen den 1. marts 2024\n\n{section}1. Beslutningspunkter\n\n"
        f"{heading}1.1 Handleplan for takster\nVed Anna Berg\n\n{label}\n"
        f"Styregruppen godkendte handleplanen.\n\n{table}\n\n"
        f"{heading}1.2 Eventuelt\n\n{label}\nIntet.\n"
    ).encode()


def _table_followups(parsed) -> list[tuple[str, str, date | None]]:
    item = parsed.items[0]
    return [(f.actor, f.action, f.due) for f in item.followups if f.source == "table"]


EXPECTED_ROWS = [
    ("Fællessekretariatet", "Udarbejder et oplæg om takster", None),
    ("Takstgruppen", "Fremlægger en analyse af taksterne", date(2024, 6, 1)),
    ("Katrine Axél", "Sender status til kommunerne", date(2024, 5, 31)),
]


def test_a_pipe_table_in_a_text_referat_gives_one_followup_a_row():
    rows = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in TABLE_ROWS)
    table = f"| Hvem | Hvornår | Hvad |\n|---|---|---|\n{rows}"
    parsed = parse_document(_referat_document(table), "plain.txt")
    assert _table_followups(parsed) == EXPECTED_ROWS
    assert parsed.items[0].followups[0].due_kind == "next_meeting"


def test_a_markdown_table_whose_header_extraction_drops_is_read_by_its_cells():
    rows = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in TABLE_ROWS)
    table = f"| Hvem | Hvornår | Hvad |\n|---|---|---|\n{rows}"
    parsed = parse_document(_referat_document(table, markdown=True), "referat.md")
    assert _table_followups(parsed) == EXPECTED_ROWS


def test_tab_separated_columns_with_other_header_words_are_read():
    rows = "\n".join(f"{c}\t{a}\t{b}" for a, b, c in TABLE_ROWS)
    table = f"Opgave\tAnsvarlig\tFrist\n{rows}"
    parsed = parse_document(_referat_document(table), "tabbed.txt")
    assert _table_followups(parsed) == EXPECTED_ROWS


def test_a_pdf_table_is_read_from_the_lines_the_extractor_gives():
    reportlab = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from scripts.make_test_pdfs import DEJAVU

    if not (DEJAVU / "DejaVuSans.ttf").exists():
        pytest.skip("fonts-dejavu-core is not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU / "DejaVuSans.ttf")))
    import io

    buffer = io.BytesIO()
    canvas = reportlab.Canvas(buffer, pagesize=A4)
    lines = [
        (56, "Referat fra møde i Styregruppen den 1. marts 2024"),
        (56, "1. Beslutningspunkter"),
        (56, "1.1 Handleplan for takster"),
        (56, "Referat"),
        (56, "Styregruppen godkendte handleplanen."),
    ]
    y = 780
    canvas.setFont("DejaVu", 10)
    for x, text in lines:
        canvas.drawString(x, y, text)
        y -= 18
    y -= 10
    for row in [("Hvem", "Hvornår", "Hvad"), *TABLE_ROWS]:
        for x, text in zip((56, 200, 320), row, strict=True):
            canvas.drawString(x, y, text)
        y -= 16
    y -= 16
    for text in ("1.2 Eventuelt", "Referat", "Intet."):
        canvas.drawString(56, y, text)
        y -= 18
    canvas.showPage()
    canvas.save()
    parsed = parse_document(buffer.getvalue(), "table.pdf")
    assert _table_followups(parsed) == EXPECTED_ROWS


def test_a_cell_wrapped_onto_the_next_line_stays_in_its_row():
    table = ("Hvem\tHvornår\tHvad\nSekretariatet\tTil næste møde\tUdarbejder et notat om\n"
             "ventelister og takster")
    parsed = parse_document(_referat_document(table), "wrapped.txt")
    assert _table_followups(parsed) == [
        ("Sekretariatet", "Udarbejder et notat om ventelister og takster", None)
    ]


def test_a_participant_table_is_no_followup_table():
    table = "Navn\tOrganisation\nAnna Berg\tAarhus Kommune\nOle Holm\tRegion Midtjylland"
    parsed = parse_document(_referat_document(table), "people.txt")
    assert _table_followups(parsed) == []


# --- the contract ----------------------------------------------------------------------------


def test_the_json_contract_gives_each_items_followups_with_iso_dates():
    parsed = parse_document(
        _referat_document("Takstgruppen fremlægger en analyse inden 1. juni."), "json.txt"
    )
    data = parsed.to_dict()
    assert data["items"][0]["followups"] == [{
        "actor": "Takstgruppen", "action": "Takstgruppen fremlægger en analyse inden 1. juni.",
        "due_text": "inden 1. juni", "due": "2024-06-01", "due_kind": "date",
        "source": "referat",
    }]
    assert data["items"][1]["followups"] == []


def test_a_dagsorden_has_no_followups():
    document = _referat_document("Takstgruppen fremlægger en analyse inden 1. juni.").replace(
        "Referat fra møde".encode(), "Dagsorden for møde".encode()
    )
    parsed = parse_document(document, "dagsorden.txt")
    assert parsed.meeting.doctype == "dagsorden"
    assert all(item.followups == [] for item in parsed.items)
