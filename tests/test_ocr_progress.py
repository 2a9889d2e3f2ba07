"""While a scan is read, the upload list says how far OCR has come ("side 3 af 12")."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minutes.models import SourceDocument
from scripts.make_scans import scan
from tests.pdf_fixtures import needs_tesseract
from tests.test_ocr_scans import PAGE_TWO, typeset
from tests.upload_support import upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]


def _parsing(progress: str) -> SourceDocument:
    return SourceDocument.objects.create(
        file="sources/aa/scan.pdf", original_filename="scan.pdf", sha256="a" * 64, size=3,
        status=SourceDocument.Status.PARSING, progress=progress,
    )


def test_the_upload_list_shows_the_pages_read_so_far(staff):
    _parsing("3/12")
    page = staff.get("/sekretariat/").content.decode()
    assert '<span class="progress">side 3 af 12</span>' in page
    rows = staff.get("/sekretariat/raekker/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<span class="progress">page 3 of 12</span>' in rows


def test_a_document_no_longer_being_read_shows_no_progress(staff):
    source = _parsing("12/12")
    source.status = SourceDocument.Status.READY
    source.save()
    assert 'class="progress"' not in staff.get("/sekretariat/raekker/").content.decode()


@needs_tesseract
def test_reading_a_scan_records_its_pages_as_read(staff, django_capture_on_commit_callbacks):
    data = scan(typeset([PAGE_TWO]), seed=1)
    upload(staff, django_capture_on_commit_callbacks,
           SimpleUploadedFile("scan.pdf", data, content_type="application/pdf"))
    source = SourceDocument.objects.get()
    assert source.kind == "scanned-pdf"
    assert source.progress == "1/1"


def test_the_pages_read_at_once_follow_the_setting(settings):
    from ingest.process import limits_from_settings

    settings.INGEST_OCR_WORKERS = 3
    assert limits_from_settings().ocr_workers == 3
