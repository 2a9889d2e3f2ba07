"""A backup holds the whole archive and restores into an empty one identically."""
import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from ingest.process import ingest_file
from minutes.models import AgendaItem, Meeting, Participant, Person, SourceDocument
from tests.paths import SEEDS

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> dict:
    """What a reader can see of the archive: every meeting as its JSON, and the row counts."""
    from ingest.load import meeting_contract

    meetings = {}
    for meeting in Meeting.objects.order_by("date"):
        data = meeting_contract(meeting).to_dict()
        meetings[str(meeting)] = (meeting.status, data)
    counts = {
        model.__name__: model.objects.count()
        for model in (Meeting, AgendaItem, Participant, Person, SourceDocument)
    }
    return {"meetings": meetings, "counts": counts}


def test_a_backup_restores_into_an_empty_archive_identically(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for seed in SEEDS[3:]:
        assert ingest_file(seed, published=True).ok
    Meeting.objects.order_by("date").first().set_published(False)  # a draft survives too
    before = snapshot()
    originals = {s.file.name: s.file.read() for s in SourceDocument.objects.all()}

    call_command("backup_archive", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert set(manifest["files"]) == set(originals)
    assert manifest["rows"]["minutes.meeting"] == 2

    call_command("flush", "--noinput")
    settings.MEDIA_ROOT = tmp_path / "fresh-media"
    assert not Meeting.objects.exists()
    call_command("restore_archive", str(tmp_path / "backup"))

    assert snapshot() == before
    for name, content in originals.items():
        with default_storage.open(name, "rb") as handle:
            assert handle.read() == content


def test_restore_refuses_an_archive_that_is_not_empty_and_a_damaged_backup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    ingest_file(SEEDS[-1], published=True)
    call_command("backup_archive", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="Arkivet er ikke tomt"):
        call_command("restore_archive", str(tmp_path / "backup"))

    call_command("flush", "--noinput")
    damaged = next((tmp_path / "backup" / "files").rglob("*.*"))
    damaged.write_bytes(damaged.read_bytes() + b"x")
    with pytest.raises(CommandError, match="beskadiget"):
        call_command("restore_archive", str(tmp_path / "backup"))
    assert not Meeting.objects.exists()


def test_a_backup_never_overwrites_a_folder_in_use(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "keep.txt").write_text("x")
    with pytest.raises(CommandError, match="ikke tom"):
        call_command("backup_archive", str(tmp_path / "old"))
