"""Each seed referat, parsed and loaded, gives the hand-checked counts; one record per person."""
import json
from pathlib import Path

import pytest

from ingest.process import LOADED, ingest_file
from minutes.models import AgendaItem, Attachment, Decision, Participant, Person
from tests.paths import FIXTURES

pytestmark = pytest.mark.django_db

EXPECTATIONS = Path(__file__).resolve().parent / "expectations"
STEMS = sorted(p.stem for p in EXPECTATIONS.glob("*.json"))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _expected_counts(stem: str) -> dict:
    data = json.loads((EXPECTATIONS / f"{stem}.json").read_text(encoding="utf-8"))
    items = data["items"]
    return {
        "items": len(items),
        "decisions": sum(1 for i in items if i["referat_starts"] or i["outcome"] != "none"),
        "attachments": sum(len(i["attachments"]) for i in items),
        "participants": len(data["participants"]),
        "absent": sum(1 for p in data["participants"] if p["status"] == "absent"),
        "date": data["meeting"]["date"],
    }


@pytest.mark.parametrize("stem", STEMS)
def test_a_seed_loads_with_the_hand_checked_counts(stem):
    expected = _expected_counts(stem)

    result = ingest_file(FIXTURES / f"{stem}.txt", published=True)

    assert result.status == LOADED, result.message
    assert result.meeting.date.isoformat() == expected["date"]
    actual = {
        "items": AgendaItem.objects.count(),
        "decisions": Decision.objects.count(),
        "attachments": Attachment.objects.count(),
        "participants": Participant.objects.count(),
        "absent": Participant.objects.filter(status="absent").count(),
        "date": expected["date"],
    }
    assert actual == expected


def test_the_chair_is_one_person_across_all_five_seeds():
    for stem in STEMS:
        ingest_file(FIXTURES / f"{stem}.txt", published=True)

    chair = Person.objects.get(name="Jesper Thyrring Møller")
    with_lists = [s for s in STEMS if _expected_counts(s)["participants"]]
    assert chair.participations.count() == len(with_lists) == 3
    assert set(chair.participations.values_list("role", flat=True)) == {"formand"}
    assert chair.presented_items.exists()
    assert Person.objects.filter(name__icontains="Thyrring").count() == 1


def test_the_secretariat_leader_is_one_person_despite_the_ocr():
    for stem in STEMS:
        ingest_file(FIXTURES / f"{stem}.txt", published=True)

    lorentsen = Person.objects.filter(name__endswith="Lorentsen")
    assert [p.name for p in lorentsen] == ["Brian Høyer Lorentsen"]
    assert lorentsen.get().presented_items.count() >= 5


def test_a_misspelling_in_one_seed_does_not_split_a_person():
    for stem in STEMS:
        ingest_file(FIXTURES / f"{stem}.txt", published=True)

    # Seed 002 lists "Ann-Britt Wetcbe" among the absent; elsewhere she is "Ann-Britt Wetche".
    assert [p.name for p in Person.objects.filter(name__startswith="Ann-Britt")] == [
        "Ann-Britt Wetche"
    ]
