"""The synthetic archive generator (scripts/generate_archive.py), built tiny: 20 meetings."""
from __future__ import annotations

import io

import pytest
from django.test import Client

from minutes.models import AgendaItem, Attachment, Case, CaseItem, Decision, Meeting, Participant
from scripts.generate_archive import corpus_from_seeds, generate, rare_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiny_archive():
    out = io.StringIO()
    counts = generate(20, items_per_meeting=15, seed=3, out=out)
    return counts


def test_it_builds_the_requested_number_of_meetings_and_items(tiny_archive):
    assert tiny_archive["meetings"] == 20
    assert tiny_archive["items"] == 300
    assert Meeting.objects.filter(status=Meeting.Status.PUBLISHED).count() == 20
    assert AgendaItem.objects.count() == 300
    assert Decision.objects.count() == 300
    assert Participant.objects.count() == tiny_archive["participants"] > 20 * 10
    assert Attachment.objects.count() == tiny_archive["attachments"]
    # Cases for the case pages' benchmark: 2 to 12 items each.
    assert Case.objects.public().count() == tiny_archive["cases"] == 2
    assert 4 <= CaseItem.objects.count() <= 24


def test_its_text_is_danish_from_the_seed_referater(tiny_archive):
    corpus = corpus_from_seeds()
    seed_titles = {item.title for item in corpus.items}
    items = list(AgendaItem.objects.all())
    assert {item.title for item in items} <= seed_titles
    seed_sentences = set(corpus.referat)
    item = items[0]
    assert any(sentence in item.referat for sentence in seed_sentences)
    text = " ".join(i.referat + i.sagsfremstilling for i in items)
    for word in ("DASSOS", "kommune", "og", "til"):
        assert word in text


def test_item_numbers_are_unique_per_meeting_and_follow_sections(tiny_archive):
    for meeting in Meeting.objects.prefetch_related("items"):
        numbers = [item.number for item in meeting.items.all()]
        assert len(numbers) == len(set(numbers))
        assert all(number.split(".")[0].isdigit() for number in numbers)


def test_the_same_seed_builds_the_same_archive(tiny_archive):
    first = list(AgendaItem.objects.order_by("meeting__date", "order").values_list(
        "number", "title", "referat"
    ))
    AgendaItem.objects.all().delete()
    Participant.objects.all().delete()
    Meeting.objects.all().delete()
    generate(20, items_per_meeting=15, seed=3, out=io.StringIO())
    second = list(AgendaItem.objects.order_by("meeting__date", "order").values_list(
        "number", "title", "referat"
    ))
    assert first == second


def test_rare_names_are_distinct_words():
    names = rare_names()
    assert len(names) == len(set(names)) == 300


def test_its_meetings_and_items_render_as_public_pages(tiny_archive):
    client = Client()
    meeting = Meeting.objects.order_by("date").first()
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    item = meeting.items.order_by("order").first()
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert item.title in response.content.decode()


def test_pages_count_the_generated_meetings_although_bulk_inserts_send_no_signals(tiny_archive):
    client = Client()
    assert client.get("/").context["meeting_count"] == 20
    generate(3, items_per_meeting=2, seed=4, out=io.StringIO())
    assert client.get("/").context["meeting_count"] == 23
