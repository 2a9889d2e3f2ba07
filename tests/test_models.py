"""The data model: database constraints, readable URLs, Danish names."""
from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.urls import resolve, reverse
from django.utils import translation

from minutes.models import (
    AgendaItem,
    Body,
    Decision,
    Meeting,
    Organisation,
    Outcome,
    Person,
    SourceDocument,
    Topic,
)
from minutes.models.meetings import source_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    body = Body.objects.get(name="DASSOS")  # created by migration 0003
    return Meeting.objects.create(body=body, date=date(2024, 3, 1))


def test_a_body_has_one_meeting_per_date(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(body=meeting.body, date=meeting.date)
    other = Body.objects.create(name="KKR", slug="kkr")
    assert Meeting.objects.create(body=other, date=meeting.date).pk


def test_item_numbers_are_unique_within_a_meeting(meeting):
    AgendaItem.objects.create(meeting=meeting, number="1.2", title="Lånepuljen")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=meeting, number="1.2", title="Igen")


def test_a_file_is_stored_once_per_sha256():
    values = {"file": "x", "original_filename": "a.pdf", "sha256": "a" * 64, "size": 1}
    SourceDocument.objects.create(**values)
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceDocument.objects.create(**values)


def _resolves_to(url: str, name: str, **kwargs: str) -> None:
    """`url` is served by the real URLconf's `name`, with these path values (others allowed)."""
    match = resolve(url)
    assert match.view_name == f"minutes:{name}", url
    assert kwargs.items() <= match.kwargs.items(), (url, match.kwargs)
    assert reverse(match.view_name, kwargs=match.kwargs) == url


def test_records_link_to_their_readable_public_urls(meeting):
    item = AgendaItem.objects.create(meeting=meeting, number="1.2", title="Lånepuljen")
    person = Person.objects.create(name="Brian Høyer Lorentsen", slug="brian-hoeyer-lorentsen")
    organisation = Organisation.objects.create(name="Struer Kommune", slug="struer-kommune")
    topic = Topic.objects.get(name="Børn og unge")

    _resolves_to(meeting.get_absolute_url(), "meeting", date="2024-03-01")
    _resolves_to(item.get_absolute_url(), "item", date="2024-03-01", number="1.2")
    _resolves_to(person.get_absolute_url(), "person", slug="brian-hoeyer-lorentsen")
    _resolves_to(organisation.get_absolute_url(), "organisation", slug="struer-kommune")
    _resolves_to(topic.get_absolute_url(), "topic", slug="boern-og-unge")
    for url in (meeting.get_absolute_url(), item.get_absolute_url()):
        assert "/moeder/" in url and "/2024-03-01/" in url
    assert item.get_absolute_url().endswith("/punkt/1.2/")


def test_outcomes_and_names_speak_danish(meeting):
    item = AgendaItem.objects.create(meeting=meeting, number="1.1", title="Rammeaftale")
    decision = Decision.objects.create(item=item, outcome=Outcome.NOTED)
    with translation.override("da"):
        assert decision.get_outcome_display() == "taget til efterretning"
        assert str(Meeting._meta.verbose_name_plural) == "møder"
        assert str(AgendaItem._meta.verbose_name) == "dagsordenspunkt"
    assert [value for value, _label in Outcome.choices] == [
        "approved", "noted", "discussed", "decided", "rejected", "none"
    ]
    assert item.outcome == "noted"


def test_source_paths_cannot_leave_the_sources_folder():
    sha = "0123456789abcdef" * 4
    assert source_path(sha, "../../etc/passwd.pdf") == f"sources/01/{sha}.pdf"
    assert source_path(sha, "referat.exe") == f"sources/01/{sha}"
    with pytest.raises(ValueError):
        source_path("../" + sha[3:], "x.pdf")
