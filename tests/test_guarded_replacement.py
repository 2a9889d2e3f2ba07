"""A command-line load that would empty most of a published meeting asks for --force first."""
from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from minutes.models import Meeting, SourceDocument
from tests.paths import FIXTURES

pytestmark = pytest.mark.django_db
SEED = FIXTURES / "004_eed90c9ef06859eb.txt"  # DASSOS 1 March 2024, 9 items
NEAR_EMPTY = """DASSOS den 1. marts 2024

Referat

1. Godkendelse af dagsorden

Referat
Dagsordenen blev godkendt.
"""


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    translation.deactivate()


@pytest.fixture
def published(tmp_path) -> Meeting:
    call_command("ingest", str(SEED), stdout=StringIO())
    meeting = Meeting.objects.get()
    assert meeting.is_published and meeting.items.count() == 9
    return meeting


@pytest.fixture
def near_empty(tmp_path):
    path = tmp_path / "rettelse.txt"
    path.write_text(NEAR_EMPTY, encoding="utf-8")
    return path


def test_a_file_that_would_empty_a_published_meeting_is_not_loaded_and_says_what_it_would_lose(
    published, near_empty
):
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(near_empty), stdout=out)

    assert "Mødet DASSOS 01.03.2024 er offentliggjort med 9 punkter; denne læsning har 1" in (
        out.getvalue()
    )
    assert "--force" in out.getvalue()
    assert published.items.count() == 9
    assert SourceDocument.objects.get(original_filename="rettelse.txt").status == "failed"


def test_with_force_the_same_file_is_loaded(published, near_empty):
    with pytest.raises(CommandError):
        call_command("ingest", str(near_empty), stdout=StringIO())

    call_command("ingest", str(near_empty), "--force", stdout=StringIO())

    assert published.items.count() == 1


def test_a_correction_that_keeps_most_items_needs_no_force(published, tmp_path):
    corrected = tmp_path / "rettet.txt"
    corrected.write_text(SEED.read_text(encoding="utf-8") + "\nEfterskrift: rettet.\n")

    call_command("ingest", str(corrected), stdout=StringIO())

    assert published.items.count() == 9
    assert SourceDocument.objects.get(original_filename="rettet.txt").status != "failed"
