"""The fact-level scorer (scripts/fidelity.py) on small hand-made parse/expectation pairs."""
import copy
from datetime import date

from ingest.parsing.contract import Item, MeetingInfo, ParsedMeeting, Participant, Source
from scripts.fidelity import score

EXPECTED = {
    "file": "x.txt",
    "doctype": "referat",
    "meeting": {"body": "DASSOS", "date": "2024-03-01", "start_time": "13:00",
                "end_time": "14:00", "location": "Viborg Rådhus, Prinsens Alle 5, 8800 Viborg",
                "room": "Multisalen"},
    "participants": [
        {"name": "Katrine Axél", "organisation": "Syddjurs Kommune", "role": None,
         "status": "present", "note": None},
        {"name": "Lars Harder", "organisation": "Skive Kommune", "role": None,
         "status": "absent", "note": None},
    ],
    "items": [
        {"number": "1.1", "section": "Beslutningspunkter", "title": "Godkendelse af takster",
         "presenters": ["Katrine Axél"], "indstilling_count": 2,
         "referat_starts": "DASSOS godkendte taksterne", "sagsfremstilling_starts": "",
         "other_parts": [], "outcome": "approved",
         "attachments": [{"label": "Bilag 1", "title": "Takstoversigt", "url": None}]},
        {"number": "2", "section": "Eventuelt", "title": "Eventuelt", "presenters": [],
         "indstilling_count": 0, "referat_starts": "", "sagsfremstilling_starts": "",
         "other_parts": [], "outcome": "none", "attachments": []},
    ],
}
FACTS = 6 + 1 + 2 * 3 + (9 + 2) + 9  # meeting, doctype, participants, items with their bilag


def perfect() -> dict:
    """The parse a perfect parser gives for EXPECTED, in the contract's JSON shape."""
    return {
        "doctype": "referat",
        "meeting": dict(EXPECTED["meeting"]),
        "participants": [dict(p) for p in EXPECTED["participants"]],
        "items": [
            {"number": "1.1", "section": "Beslutningspunkter", "title": "Godkendelse af takster",
             "presenters": ["Katrine Axél"], "indstilling": ["Godkender", "Drøfter"],
             "referat": "DASSOS  godkendte\ntaksterne for 2025.", "sagsfremstilling": "",
             "outcome": "approved",
             "attachments": [{"label": "Bilag 1", "title": "Takstoversigt", "url": None}]},
            {"number": "2", "section": "Eventuelt", "title": "Eventuelt", "presenters": [],
             "indstilling": [], "referat": "", "sagsfremstilling": "", "outcome": "none",
             "attachments": []},
        ],
    }


def test_a_perfect_parse_scores_every_fact():
    result = score(perfect(), EXPECTED)
    assert (result.right, result.total, result.fraction) == (FACTS, FACTS, 1.0)
    assert result.wrong() == []


def test_each_wrong_fact_is_named():
    parse = perfect()
    parse["meeting"]["date"] = "2024-03-02"
    parse["items"][0]["outcome"] = "noted"
    parse["participants"][1]["status"] = "present"
    result = score(parse, EXPECTED)
    assert result.total - result.right == 3
    assert [fact.key for fact in result.wrong()] == [
        "meeting date", "item 1.1 outcome", "participant 'Lars Harder' status"]
    assert "meeting date: got '2024-03-02', expected '2024-03-01'" in result.report()


def test_a_missing_item_counts_all_its_facts_and_an_extra_item_one():
    parse = perfect()
    parse["items"] = [copy.deepcopy(parse["items"][1])]
    parse["items"].append({**parse["items"][0], "number": "3", "title": "Noget helt andet"})
    result = score(parse, EXPECTED)
    assert result.total == FACTS + 1
    assert result.total - result.right == 9 + 2 + 1
    assert [fact.key for fact in result.wrong()] == ["item 1.1 missing", "item extra 3"]


def test_items_match_by_number_then_by_title():
    parse = perfect()
    parse["items"][0]["number"] = "1.1."  # trailing dot: same item, wrong number fact
    parse["items"][1]["number"] = "3"  # wrong number: found again by its title
    result = score(parse, EXPECTED)
    assert [fact.key for fact in result.wrong()] == ["item 1.1 number", "item 2 number"]


def test_participants_match_by_name_in_any_order_and_extras_count():
    parse = perfect()
    parse["participants"].reverse()
    parse["participants"][0]["organisation"] = "Skive"
    parse["participants"].append({"name": "Ved Katrine Axél", "organisation": None,
                                  "status": "present"})
    result = score(parse, EXPECTED)
    assert [fact.key for fact in result.wrong()] == [
        "participant 'Lars Harder' organisation", "participant extra 'Ved Katrine Axél'"]


def test_referat_starts_compares_the_opening_words_with_whitespace_normalised():
    parse = perfect()
    parse["items"][1]["referat"] = "Intet."  # expected no referat at all
    parse["items"][0]["referat"] = "• DASSOS godkendte"  # shorter than the expected opening
    result = score(parse, EXPECTED)
    assert [fact.key for fact in result.wrong()] == [
        "item 1.1 referat starts", "item 2 referat starts"]


def test_bilag_facts_cover_label_title_and_url_and_extras():
    parse = perfect()
    bilag = parse["items"][0]["attachments"]
    bilag[0]["url"] = "https://example.org/bilag-1.pdf"
    bilag.append({"label": "Bilag 2", "title": "Ekstra", "url": None})
    result = score(parse, EXPECTED)
    assert [fact.key for fact in result.wrong()] == [
        "bilag item 1.1 Bilag 1 url", "bilag item 1.1 extra Bilag 2"]


def test_fuzzy_matching_tolerates_ocr_damage_only_when_asked():
    parse = perfect()
    parse["items"][0]["title"] = "Godkendelse af taksler"
    assert score(parse, EXPECTED).fraction < 1.0
    assert score(parse, EXPECTED, fuzzy=True).fraction == 1.0


def test_doctype_is_not_scored_until_the_parse_reports_one():
    parse = perfect()
    del parse["doctype"]
    result = score(parse, EXPECTED)
    assert result.total == FACTS - 1
    assert result.unscored == ["doctype (the parse does not report one)"]
    parse["meeting"]["doctype"] = "dagsorden"
    assert [fact.key for fact in score(parse, EXPECTED).wrong()] == ["doctype"]


def test_it_scores_a_parsed_meeting_object():
    parsed = ParsedMeeting(
        source=Source(filename="x.txt", sha256="0" * 64, kind="text"),
        meeting=MeetingInfo(body="DASSOS", date=date(2024, 3, 1)),
        participants=[Participant("Katrine Axél", "Syddjurs Kommune")],
        items=[Item(number="1.1", section="Beslutningspunkter", title="Godkendelse af takster")],
    )
    result = score(parsed, EXPECTED)
    wrong = {fact.key for fact in result.wrong()}
    assert "meeting date" not in wrong and "meeting start_time" in wrong
    assert "item 2 missing" in wrong and "participant 'Lars Harder'" in wrong
