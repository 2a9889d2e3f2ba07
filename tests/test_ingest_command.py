"""`manage.py ingest` and `reingest`: folders, summary, idempotence, failures, rebuilds."""
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from minutes.models import AgendaItem, Meeting, SourceDocument

pytestmark = pytest.mark.django_db

SEED_2024 = "004_eed90c9ef06859eb.txt"


@pytest.fixture(autouse=True)
def _language_of_a_fresh_process():
    """The commands speak the active language: start from LANGUAGE_CODE (Danish), as a new
    process does, not from the language an earlier test's request left in this thread."""
    translation.deactivate()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _ingest(*paths) -> str:
    out = StringIO()
    call_command("ingest", *map(str, paths), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_loads_a_folder_and_prints_a_summary(fixtures_dir, media):
    output = _ingest(fixtures_dir)

    assert output.splitlines()[0].split() == ["resultat", "fil", "detaljer"]
    assert output.splitlines()[-1] == "5 indlæst, 0 opdateret, 0 uændret, 0 fejlet"
    assert "DASSOS 01.03.2024" in output
    assert Meeting.objects.filter(status=Meeting.Status.PUBLISHED).count() == 5
    stored = SourceDocument.objects.get(original_filename=SEED_2024)
    assert (media / stored.file.name).read_bytes() == (fixtures_dir / SEED_2024).read_bytes()


def test_loading_the_same_folder_again_changes_nothing(fixtures_dir):
    _ingest(fixtures_dir)
    items = sorted(AgendaItem.objects.values_list("pk", "title"))

    output = _ingest(fixtures_dir)

    assert output.splitlines()[-1] == "0 indlæst, 0 opdateret, 5 uændret, 0 fejlet"
    assert "Findes allerede i arkivet (offentliggjort)." in output
    assert sorted(AgendaItem.objects.values_list("pk", "title")) == items


@pytest.fixture
def with_an_empty_file(fixtures_dir, tmp_path):
    """A folder with the 2024 referat and an empty file beside it."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(fixtures_dir / SEED_2024, folder)
    (folder / "tom.txt").write_bytes(b"")
    return folder


def test_a_failing_file_is_reported_and_the_others_are_loaded(with_an_empty_file):
    out = StringIO()

    with pytest.raises(CommandError, match="^1 af 2 dokumenter fejlede\\.$"):
        call_command("ingest", str(with_an_empty_file), stdout=out, stderr=StringIO())

    lines = out.getvalue().splitlines()
    assert any(line.split() == ["fejlet", "tom.txt", "Filen", "er", "tom."] for line in lines)
    broken = SourceDocument.objects.get(original_filename="tom.txt")
    assert broken.status == SourceDocument.Status.FAILED
    assert broken.error
    assert broken.meeting is None
    assert Meeting.objects.count() == 1


def test_in_english_it_prints_the_summary_and_the_reasons_in_english(with_an_empty_file):
    out = StringIO()

    with translation.override("en"), pytest.raises(CommandError, match="^1 of 2 documents"):
        call_command("ingest", str(with_an_empty_file), stdout=out, stderr=StringIO())

    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["result", "file", "detail"]
    assert any(line.split() == ["failed", "tom.txt", "The", "file", "is", "empty."]
               for line in lines)
    assert lines[-1] == "1 loaded, 0 updated, 0 unchanged, 1 failed"
    # What is stored stays translatable: the Danish sentence and its message.
    broken = SourceDocument.objects.get(original_filename="tom.txt")
    assert broken.error == "Filen er tom."
    assert broken.error_message == {"msgid": "Filen er tom.", "params": {}}


def test_hidden_files_and_readmes_in_a_folder_are_skipped(fixtures_dir, tmp_path):
    folder = tmp_path / "in"
    (folder / ".cache").mkdir(parents=True)
    shutil.copy(fixtures_dir / SEED_2024, folder)
    (folder / "README.md").write_text("# Referater\n")
    (folder / ".skjult.txt").write_text("x")
    (folder / ".cache" / "kopi.txt").write_text("x")

    output = _ingest(folder)

    assert output.splitlines()[-1] == "1 indlæst, 0 opdateret, 0 uændret, 0 fejlet"


def test_reingest_all_rebuilds_every_meeting_and_keeps_hand_corrections(fixtures_dir):
    _ingest(fixtures_dir)
    item = AgendaItem.objects.get(meeting__date="2024-03-01", number="1.1")
    item.title = "Rettet titel"
    item.lock("title")
    item.save()
    AgendaItem.objects.filter(meeting__date="2024-03-01", number="1.2").update(title="Forkert")

    out = StringIO()
    call_command("reingest", "--all", stdout=out, stderr=StringIO())

    item.refresh_from_db()
    assert item.title == "Rettet titel"
    repaired = AgendaItem.objects.get(meeting__date="2024-03-01", number="1.2")
    assert repaired.title != "Forkert"
    assert "DASSOS 01.03.2024 pkt. 1.1: rettelsen af titel er bevaret; filen siger »" in (
        out.getvalue()
    )
    assert Meeting.objects.count() == 5


def test_reingest_outdated_reads_only_what_an_older_parser_read(fixtures_dir):
    _ingest(fixtures_dir)
    SourceDocument.objects.filter(original_filename=SEED_2024).update(parser_version="old")
    out = StringIO()

    call_command("reingest", "--outdated", stdout=out, stderr=StringIO())

    lines = out.getvalue().splitlines()
    assert len(lines) == 3  # header, one document, totals
    assert SEED_2024 in lines[1]
    assert SourceDocument.objects.filter(parser_version="old").count() == 0


def test_reingest_without_a_choice_says_what_to_name():
    with pytest.raises(CommandError, match="--all"):
        call_command("reingest", stdout=StringIO())
