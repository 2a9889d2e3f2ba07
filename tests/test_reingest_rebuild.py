"""The archive rebuilt from its stored source files alone (`manage.py reingest --all`).

The seed referater are loaded, every derived record is snapshotted as plain tuples, the derived
rows (meetings and all below them, people, organisations) are deleted, and `reingest --all`
must bring back exactly the same records from the stored originals.
"""
from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from ingest.process import LOADED, ingest_file
from minutes.models import (
    AgendaItem,
    Attachment,
    Decision,
    Meeting,
    Organisation,
    Participant,
    Person,
    SourceDocument,
)
from tests.paths import SEEDS

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, list[tuple]]:
    """Every derived record as a sorted list of tuples of its visible fields (no ids, no times)."""
    items = AgendaItem.objects.select_related("meeting__body").prefetch_related(
        "topics", "presenters"
    )
    return {
        "meetings": sorted(
            Meeting.objects.values_list(
                "body__name", "date", "start_time", "end_time", "location", "room", "status",
                "current_source__sha256",
            )
        ),
        "items": sorted(
            (
                item.meeting.date, item.number, item.section, item.title, item.presenters_text,
                item.indstilling, item.referat, item.sagsfremstilling,
                tuple(sorted(item.other_parts.items())), item.page_start, item.page_end,
                item.order, tuple(sorted(t.name for t in item.topics.all())),
                tuple(sorted(p.name for p in item.presenters.all())),
            )
            for item in items
        ),
        "decisions": sorted(
            Decision.objects.values_list(
                "item__meeting__date", "item__number", "outcome", "text", "order"
            )
        ),
        "attachments": sorted(
            Attachment.objects.values_list(
                "item__meeting__date", "item__number", "label", "title", "url", "order"
            )
        ),
        "participants": sorted(
            Participant.objects.values_list(
                "meeting__date", "person__name", "organisation__name", "role", "status", "note",
                "order",
            ),
            key=repr,  # organisation may be None
        ),
        "people": sorted(Person.objects.values_list("name", "slug")),
        "organisations": sorted(Organisation.objects.values_list("name", "slug", "kind")),
    }


def wipe_derived_rows() -> None:
    """Everything read from the files goes; the stored sources stay."""
    Meeting.objects.all().delete()  # items, decisions, attachments, participants cascade
    Person.objects.all().delete()
    Organisation.objects.all().delete()


@pytest.fixture(autouse=True)
def _language_of_a_fresh_process():
    """The commands speak the active language: start from LANGUAGE_CODE (Danish), as a new
    process does, not from the language an earlier test's request left in this thread."""
    translation.deactivate()


@pytest.fixture
def loaded_seeds(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for seed in SEEDS:
        assert ingest_file(seed, published=True).status == LOADED
    return snapshot()


def test_reingest_all_rebuilds_the_same_records_from_the_stored_files(loaded_seeds):
    before = loaded_seeds
    assert len(before["meetings"]) == 5
    assert len(before["items"]) > 50 and len(before["participants"]) > 50
    assert before["decisions"] and before["attachments"] and before["people"]

    wipe_derived_rows()
    assert not Meeting.objects.exists() and not AgendaItem.objects.exists()
    assert SourceDocument.objects.filter(meeting__isnull=True).count() == 5

    out = StringIO()
    call_command("reingest", "--all", stdout=out)

    after = snapshot()
    for kind, records in before.items():
        assert after[kind] == records, kind
    assert "5 indlæst" in out.getvalue()
    assert SourceDocument.objects.filter(status=SourceDocument.Status.PUBLISHED).count() == 5


def test_reingest_all_on_an_intact_archive_changes_nothing(loaded_seeds):
    out = StringIO()
    call_command("reingest", "--all", stdout=out)
    assert snapshot() == loaded_seeds
    assert "5 uændret" in out.getvalue()
