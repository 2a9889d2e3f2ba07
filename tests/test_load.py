"""Loading parsed referater: counts, idempotence, hand corrections, replacements, no half rows."""
from dataclasses import replace
from datetime import date

import pytest

from ingest.load import load_parsed
from ingest.parsing.contract import Attachment as ParsedAttachment
from ingest.parsing.contract import ParseError
from ingest.process import LOADED, UNCHANGED, UPDATED, ingest_file, reingest_source
from ingest.store import store_bytes
from minutes.models import (
    AgendaItem,
    Attachment,
    Decision,
    Meeting,
    Participant,
    Person,
    SourceDocument,
)
from tests.expected_parses import expectation, parsed_from_expectation

pytestmark = pytest.mark.django_db

SEED_2024 = "004_eed90c9ef06859eb"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _source(name: str = "referat.txt", data: bytes = b"DASSOS referat") -> SourceDocument:
    source, _created = store_bytes(data, name)
    return source


def _load(parsed, data: bytes = b"DASSOS referat", published: bool = True):
    return load_parsed(parsed, _source(data=data), published=published)


def test_it_loads_a_meeting_with_every_item_decision_attachment_and_participant():
    expected = expectation(SEED_2024)
    result = _load(parsed_from_expectation(SEED_2024))

    assert result.status == LOADED
    meeting = Meeting.objects.get()
    assert meeting.date == date(2024, 3, 1)
    assert meeting.is_published
    assert meeting.room == "Multisalen"
    assert AgendaItem.objects.count() == len(expected["items"]) == 9
    assert Decision.objects.count() == 9
    assert Attachment.objects.count() == 2
    assert Participant.objects.count() == 30
    assert Participant.objects.filter(status="absent").count() == 11
    chair = Participant.objects.get(role="formand")
    assert chair.person.name == "Jesper Thyrring Møller"
    assert chair.organisation.name == "Struer Kommune"
    assert [i.number for i in meeting.items.all()][:3] == ["1.1", "1.2", "1.3"]


def test_the_source_records_the_meeting_it_became():
    result = _load(parsed_from_expectation(SEED_2024))
    source = SourceDocument.objects.get()
    assert source.meeting == result.meeting
    assert source.status == SourceDocument.Status.PUBLISHED
    assert source.parser_version
    assert result.meeting.current_source == source


def test_loading_the_same_parse_again_changes_nothing():
    parsed = parsed_from_expectation(SEED_2024)
    _load(parsed)
    history_rows = AgendaItem.history.count() + Decision.history.count()
    item_ids = sorted(AgendaItem.objects.values_list("pk", flat=True))

    result = load_parsed(parsed, SourceDocument.objects.get(), published=True)

    assert result.status == UNCHANGED
    assert sorted(AgendaItem.objects.values_list("pk", flat=True)) == item_ids
    assert AgendaItem.history.count() + Decision.history.count() == history_rows


def test_loading_an_unchanged_parse_again_costs_a_few_queries_per_name_not_per_item(
    django_assert_max_num_queries,
):
    parsed = parsed_from_expectation(SEED_2024)  # 9 items, 30 participants
    _load(parsed)
    source = SourceDocument.objects.get()

    # Items with their decisions, bilag, presenters and topics come in five queries; what is
    # left is one lookup per distinct person and organisation name (minutes.identity.Resolver).
    with django_assert_max_num_queries(70):
        result = load_parsed(parsed, source, published=True)

    assert result.status == UNCHANGED


def test_re_reading_an_unchanged_stored_referat_stays_within_its_query_budget(
    django_assert_max_num_queries, fixtures_dir
):
    ingest_file(fixtures_dir / f"{SEED_2024}.txt", published=True)

    with django_assert_max_num_queries(75):
        result = reingest_source(SourceDocument.objects.get())

    assert result.status == UNCHANGED


def test_a_draft_load_is_not_published():
    result = _load(parsed_from_expectation(SEED_2024), published=False)
    assert result.meeting.status == Meeting.Status.DRAFT
    assert result.source.status == SourceDocument.Status.READY


def test_a_hand_corrected_title_survives_a_new_parse_and_the_disagreement_is_reported():
    _load(parsed_from_expectation(SEED_2024))
    item = AgendaItem.objects.get(number="1.2")
    item.title = "Lånepuljen 2025/26 (rettet)"
    item.lock("title")
    item.save()

    corrected = parsed_from_expectation(SEED_2024, sha_seed="v2")
    corrected.items[1].referat = "DASSOS godkendte koordineringen."
    result = _load(corrected, data=b"corrected referat")

    assert result.status == UPDATED
    item.refresh_from_db()
    assert item.title == "Lånepuljen 2025/26 (rettet)"
    assert item.decisions.get().text == "DASSOS godkendte koordineringen."
    assert [c["field"] for c in result.conflicts] == ["title"]
    assert result.conflicts[0]["kept"] == "Lånepuljen 2025/26 (rettet)"
    assert result.source.conflicts == result.conflicts


def test_a_hand_corrected_decision_outcome_survives():
    _load(parsed_from_expectation(SEED_2024))
    decision = Decision.objects.get(item__number="1.1")
    decision.outcome = "rejected"
    decision.lock("outcome")
    decision.save()

    _load(parsed_from_expectation(SEED_2024, sha_seed="v2"), data=b"v2")

    decision.refresh_from_db()
    assert decision.outcome == "rejected"


def test_a_corrected_referat_updates_the_meeting_and_keeps_the_previous_source():
    _load(parsed_from_expectation(SEED_2024))
    corrected = parsed_from_expectation(SEED_2024, sha_seed="v2")
    corrected.meeting = replace(corrected.meeting, room="Byrådssalen")

    result = _load(corrected, data=b"corrected referat")

    assert result.status == UPDATED
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()
    assert meeting.room == "Byrådssalen"
    assert meeting.sources.count() == 2
    assert meeting.current_source == result.source
    assert meeting.history.count() >= 2


def test_an_item_the_new_parse_lost_goes_unless_it_was_corrected_by_hand():
    _load(parsed_from_expectation(SEED_2024))
    AgendaItem.objects.filter(number="3.1").update(locked_fields=["referat"])
    shorter = parsed_from_expectation(SEED_2024, sha_seed="v2")
    shorter.items = [i for i in shorter.items if i.number not in ("2.1", "3.1")]

    result = _load(shorter, data=b"shorter")

    numbers = set(AgendaItem.objects.values_list("number", flat=True))
    assert "2.1" not in numbers
    assert "3.1" in numbers
    assert any(c["parsed"] == "missing" for c in result.conflicts)


def test_attachments_follow_the_new_parse():
    parsed = parsed_from_expectation(SEED_2024)
    _load(parsed)
    item = parsed.items[0]
    item.attachments = [ParsedAttachment(label="Bilag 1", title="Nyt notat", url=None)]
    parsed.source.sha256 = "f" * 64

    _load(parsed, data=b"with a bilag")

    attachments = Attachment.objects.filter(item__number=item.number)
    titles = list(attachments.values_list("title", flat=True))
    assert titles == ["Nyt notat"]


def test_presenters_become_people_and_topics_are_assigned_by_rule():
    _load(parsed_from_expectation(SEED_2024))
    item = AgendaItem.objects.get(number="1.1")  # "… udviklingsområder i Rammeaftale 2025-26"
    assert "Rammeaftale" in [t.name for t in item.topics.all()]
    assert item.presenters.count() == len(expectation(SEED_2024)["items"][0]["presenters"])


def test_a_topic_removed_by_hand_stays_removed():
    _load(parsed_from_expectation(SEED_2024))
    item = AgendaItem.objects.get(number="1.1")
    item.topics.clear()
    item.lock("topics")
    item.save()

    result = _load(parsed_from_expectation(SEED_2024, sha_seed="v2"), data=b"v2")

    assert item.topics.count() == 0
    assert any(c["field"] == "topics" for c in result.conflicts)


def test_a_meeting_without_a_date_writes_nothing():
    parsed = parsed_from_expectation(SEED_2024)
    parsed.meeting = replace(parsed.meeting, date=None)
    with pytest.raises(ParseError):
        _load(parsed)
    assert Meeting.objects.count() == 0
    assert AgendaItem.objects.count() == 0
    assert Person.objects.count() == 0


def test_the_original_is_stored_byte_for_byte_under_its_hash(media):
    data = "Æble, ø og å\r\n".encode("cp1252")
    source, created = store_bytes(data, "../../etc/passwd.txt")

    assert created
    assert source.file.name == f"sources/{source.sha256[:2]}/{source.sha256}.txt"
    assert (media / source.file.name).read_bytes() == data
    assert source.original_filename == "passwd.txt"
    assert source.size == len(data)


def test_the_same_bytes_are_stored_once():
    first, created = store_bytes(b"same", "a.txt")
    again, created_again = store_bytes(b"same", "b.txt")
    assert created and not created_again
    assert again == first
    assert SourceDocument.objects.count() == 1


def test_a_reparse_that_finds_a_better_date_moves_the_meeting():
    parsed = parsed_from_expectation(SEED_2024)
    wrong = replace(parsed.meeting, date=date(2024, 1, 3))
    parsed.meeting = wrong
    first = _load(parsed)
    parsed.meeting = replace(wrong, date=date(2024, 3, 1))

    second = load_parsed(parsed, first.source, published=True)

    assert second.status == LOADED
    assert list(Meeting.objects.values_list("date", flat=True)) == [date(2024, 3, 1)]
    assert AgendaItem.objects.count() == 9


def test_an_editor_withdrawal_is_kept_by_a_published_ingest():
    result = _load(parsed_from_expectation(SEED_2024))
    result.meeting.set_published(False)
    assert SourceDocument.objects.get().status == SourceDocument.Status.READY

    again = _load(parsed_from_expectation(SEED_2024, sha_seed="v2"), data=b"v2")

    again.meeting.refresh_from_db()
    assert again.meeting.status == Meeting.Status.DRAFT
    assert [c["field"] for c in again.conflicts] == ["status"]


def test_a_crash_halfway_through_a_load_leaves_no_half_meeting(monkeypatch, fixtures_dir):
    from ingest import load, process

    def crash(self, item, attachments):
        if item.number == "2.1":
            raise RuntimeError("disk full")

    monkeypatch.setattr(load._Loader, "_attachments", crash)

    result = process.ingest_file(fixtures_dir / "004_eed90c9ef06859eb.txt", published=True)

    assert result.status == "failed"
    assert "RuntimeError" in result.message
    assert Meeting.objects.count() == AgendaItem.objects.count() == Person.objects.count() == 0
    source = SourceDocument.objects.get()
    assert source.status == SourceDocument.Status.FAILED
    assert source.error == result.message
    assert source.file.read() == (fixtures_dir / "004_eed90c9ef06859eb.txt").read_bytes()


def test_a_new_file_for_an_existing_meeting_can_wait_for_confirmation():
    first = _load(parsed_from_expectation(SEED_2024))
    corrected = parsed_from_expectation(SEED_2024, sha_seed="v2")
    corrected.meeting = replace(corrected.meeting, room="Byrådssalen")
    corrected.warnings = ["Tjek datoen"]
    source = _source(data=b"v2")

    waiting = load_parsed(corrected, source, published=False, replace=False)

    assert waiting.status == "replacement"
    source.refresh_from_db()
    assert source.status == SourceDocument.Status.REPLACEMENT
    assert source.meeting == first.meeting
    assert source.warnings == ["Tjek datoen"]
    meeting = Meeting.objects.get()
    assert meeting.room == "Multisalen"
    assert meeting.current_source == first.source

    confirmed = load_parsed(corrected, source, published=False, replace=True)

    assert confirmed.status == UPDATED
    assert Meeting.objects.get().room == "Byrådssalen"


def test_a_participant_list_curated_by_hand_gets_no_one_back():
    result = _load(parsed_from_expectation(SEED_2024))
    meeting = result.meeting
    meeting.participants.filter(person__name="Lene Hornstrup").delete()
    Person.objects.filter(name="Lene Hornstrup").delete()
    meeting.lock("participants")
    meeting.save()

    again = _load(parsed_from_expectation(SEED_2024, sha_seed="v2"), data=b"v2")

    assert meeting.participants.count() == 29
    assert not meeting.participants.filter(person__name="Lene Hornstrup").exists()
    assert not Person.objects.filter(participations=None, presented_items=None).exists()
    expected = {"where": str(meeting), "field": "participants", "kept": ""}
    expected["parsed"] = "Lene Hornstrup"
    assert expected in again.conflicts
