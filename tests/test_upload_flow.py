"""Uploading referater: stored first, parsed in the background, duplicates and failures handled."""
import pytest
from django.core.files.storage import default_storage

from ingest.parsing.contract import ParseError
from minutes.models import Meeting, SourceDocument
from tests.upload_support import SEED_2022, SEED_2024, referat_file, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]


def test_it_stores_the_upload_parses_it_and_keeps_the_meeting_a_draft(
    staff, django_capture_on_commit_callbacks
):
    response = upload(staff, django_capture_on_commit_callbacks, referat_file())
    assert response.status_code == 302
    source = SourceDocument.objects.get()
    assert source.status == SourceDocument.Status.READY
    assert source.uploaded_by.username == "sekretaer"
    assert source.task_id
    assert default_storage.open(source.file.name).read() == SEED_2024.read_bytes()
    assert source.meeting.date.isoformat() == "2024-03-01"
    assert source.meeting.status == Meeting.Status.DRAFT
    page = staff.get("/sekretariat/").content.decode()
    assert "er gemt og bliver læst nu" in page
    assert "klar til gennemsyn" in page
    assert "DASSOS 01.03.2024" in page


def test_it_accepts_several_files_in_one_upload(staff, django_capture_on_commit_callbacks):
    upload(staff, django_capture_on_commit_callbacks, referat_file(), referat_file(SEED_2022))
    dates = sorted(m.date.isoformat() for m in Meeting.objects.all())
    assert dates == ["2022-09-15", "2024-03-01"]


def test_it_uses_the_given_date_when_the_file_has_none(staff, django_capture_on_commit_callbacks):
    text = "Referat\n\n1. Godkendelse af dagsorden\nReferat\nDASSOS godkendte dagsordenen.\n"
    upload(
        staff,
        django_capture_on_commit_callbacks,
        referat_file(name="udateret.txt", text=text),
        meeting_date="2025-06-05",
    )
    source = SourceDocument.objects.get()
    assert source.status == SourceDocument.Status.READY, source.error
    assert source.meeting.date.isoformat() == "2025-06-05"


def test_it_recognises_the_same_bytes_and_does_not_read_them_again(
    staff, django_capture_on_commit_callbacks
):
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    first = SourceDocument.objects.get()
    response = upload(
        staff, django_capture_on_commit_callbacks, referat_file(name="kopi af referat.txt")
    )
    page = staff.get(response.url).content.decode()
    assert SourceDocument.objects.count() == 1
    assert SourceDocument.objects.get().parsed_at == first.parsed_at
    assert "»kopi af referat.txt« er allerede i arkivet" in page
    assert f'href="/sekretariat/{first.pk}/"' in page


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("referat.docx", b"PK\x03\x04 word", "er hverken PDF, .txt eller .md"),
        ("referat.pdf", b"DASSOS referat i tekst", "hedder .pdf, men er ikke en PDF-fil"),
        ("referat.txt", b"%PDF-1.7 binary", "hedder .txt, men er ikke en tekstfil"),
        ("tom.md", b"", "er tom"),
    ],
)
def test_it_refuses_files_that_are_not_referater(staff, name, data, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = staff.post("/sekretariat/", {"files": [SimpleUploadedFile(name, data)]})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SourceDocument.objects.exists()


def test_it_refuses_a_file_over_the_size_limit(staff, settings):
    settings.INGEST_MAX_BYTES = 2 * 1024 * 1024
    big = referat_file(name="stor.txt", text="x" * (2 * 1024 * 1024 + 1))
    response = staff.post("/sekretariat/", {"files": [big]})
    assert response.status_code == 400
    assert "er større end grænsen på 2 MB" in response.content.decode()
    assert not SourceDocument.objects.exists()


def test_a_file_that_cannot_be_parsed_keeps_its_original_and_can_be_retried(
    staff, django_capture_on_commit_callbacks, monkeypatch
):
    from ingest import process as load

    real_parse = load.parse_document

    def old_parser(data, filename, limits, sha256=None, progress=None):
        raise ParseError("The document has no agenda items this parser can read.")

    monkeypatch.setattr(load, "parse_document", old_parser)
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    source = SourceDocument.objects.get()
    assert source.status == SourceDocument.Status.FAILED
    assert not Meeting.objects.exists()
    assert default_storage.exists(source.file.name)
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    assert "The document has no agenda items this parser can read." in page
    assert "Prøv igen" in page

    monkeypatch.setattr(load, "parse_document", real_parse)  # the parser upgrade
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/sekretariat/{source.pk}/igen/")
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.status == SourceDocument.Status.READY
    assert source.error == ""
    assert source.meeting.items.count() == 9


def test_a_crash_half_way_through_loading_leaves_no_meeting_behind(
    staff, django_capture_on_commit_callbacks, monkeypatch
):
    from ingest.load import _Loader

    def crash(self, meeting, parsed):
        raise RuntimeError("disk full")

    monkeypatch.setattr(_Loader, "_items", crash)
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    source = SourceDocument.objects.get()
    assert source.status == SourceDocument.Status.FAILED
    assert "intern fejl (RuntimeError)" in source.error
    assert not Meeting.objects.exists()
    assert default_storage.exists(source.file.name)


def test_only_a_failed_document_can_be_retried(staff, django_capture_on_commit_callbacks):
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    source = SourceDocument.objects.get()
    response = staff.post(f"/sekretariat/{source.pk}/igen/", follow=True)
    assert "Kun et dokument, der fejlede, kan prøves igen." in response.content.decode()


def test_the_list_refreshes_itself_while_documents_wait(staff):
    SourceDocument.objects.create(
        file="sources/aa/x.txt", original_filename="venter.txt", sha256="a" * 64, size=3
    )
    page = staff.get("/sekretariat/").content.decode()
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert "js/upload_status.js" in page
    rows = staff.get("/sekretariat/raekker/")
    assert rows["X-Pending"] == "1"
    assert 'data-status="waiting"' in rows.content.decode()
    assert "<html" not in rows.content.decode()


def test_the_list_stops_refreshing_when_nothing_waits(staff, django_capture_on_commit_callbacks):
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    page = staff.get("/sekretariat/").content.decode()
    assert 'http-equiv="refresh"' not in page
    assert staff.get("/sekretariat/raekker/")["X-Pending"] == "0"


def test_the_list_needs_the_same_few_queries_however_many_documents(
    staff, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    upload(staff, django_capture_on_commit_callbacks, referat_file(), referat_file(SEED_2022))
    for n in range(5):
        SourceDocument.objects.create(
            file=f"sources/aa/{n}.txt", original_filename=f"{n}.txt", sha256=f"{n}" * 64, size=1
        )
    with django_assert_max_num_queries(6):
        assert staff.get("/sekretariat/").status_code == 200
    with django_assert_max_num_queries(6):
        assert staff.get("/sekretariat/raekker/").status_code == 200


def test_a_parse_whose_worker_stopped_renewing_its_lease_can_be_retried(
    staff, django_capture_on_commit_callbacks, settings
):
    from datetime import timedelta

    from django.utils import timezone

    upload(staff, django_capture_on_commit_callbacks, referat_file())
    source = SourceDocument.objects.get()
    alive = timezone.now() - timedelta(seconds=settings.INGEST_LEASE_SECONDS - 20)
    SourceDocument.objects.filter(pk=source.pk).update(
        status="parsing", parse_started_at=alive - timedelta(hours=1), heartbeat_at=alive
    )
    assert "Prøv igen" not in staff.get(f"/sekretariat/{source.pk}/").content.decode()
    assert staff.post(f"/sekretariat/{source.pk}/igen/").status_code == 302
    assert SourceDocument.objects.get(pk=source.pk).status == "parsing"

    SourceDocument.objects.filter(pk=source.pk).update(heartbeat_at=alive - timedelta(minutes=1))
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    assert "Læsningen er gået i stå" in page and "Prøv igen" in page
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/sekretariat/{source.pk}/igen/")
    assert SourceDocument.objects.get(pk=source.pk).status == SourceDocument.Status.READY


def test_an_oversized_upload_is_refused_without_being_written_to_disk(staff, settings):
    import os

    from django.test import RequestFactory

    from ingest.forms import LimitedUploadHandler

    settings.INGEST_MAX_BYTES = 3 * 1024 * 1024
    handler = LimitedUploadHandler(RequestFactory().post("/sekretariat/"))
    handler.new_file("files", "stor.pdf", "application/pdf", None)
    chunk = b"%PDF-" + b"x" * (64 * 1024 - 5)
    received = 0
    for _ in range(80):  # 5 MB in 64 KB chunks
        handler.receive_data_chunk(chunk, received)
        received += len(chunk)
    spooled = handler.file_complete(received)
    assert spooled.size == received
    assert os.path.getsize(spooled.temporary_file_path()) <= settings.INGEST_MAX_BYTES

    response = staff.post("/sekretariat/", {"files": [referat_file(name="stor.txt",
                                                                   text="x" * received)]})
    assert response.status_code == 400
    assert "er større end grænsen på 3 MB" in response.content.decode()
    assert not SourceDocument.objects.exists()
