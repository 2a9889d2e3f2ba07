"""The source beside each item: its own numbered lines, and a PDF page as an image for staff."""
import pytest
from django.core.files.storage import default_storage
from django.test import Client

from ingest.views.source_pages import item_lines, page_range
from minutes.models import SourceDocument
from tests.upload_support import SEED_2024, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]


def test_each_item_gets_its_lines_from_its_heading_not_the_contents_list():
    text = "Indhold\n1. Budget\n2. Takster\n\n1. Budget\nTal for året\n2. Takster\nNye takster\n"
    budget, takster = item_lines(text, ["Budget", "Takster"])
    assert [(line.number, line.text) for line in budget] == [(5, "1. Budget"), (6, "Tal for året")]
    assert [line.number for line in takster] == [7, 8, 9][: len(takster)]
    assert takster[0].text == "2. Takster"


def test_an_item_spans_its_pages_within_the_document():
    assert page_range(4, 5, 11) == [4, 5]
    assert page_range(10, 14, 11) == [10, 11]
    assert page_range(None, None, 11) == []


def test_a_pdf_page_is_served_as_an_image_to_staff_only_and_kept(
    staff, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from scripts.make_test_pdfs import render_seed

    pdf = render_seed(SEED_2024.read_text(encoding="utf-8"), SEED_2024.name).pdf
    upload(staff, django_capture_on_commit_callbacks,
           SimpleUploadedFile("referat.pdf", pdf, content_type="application/pdf"))
    source = SourceDocument.objects.get()
    url = f"/sekretariat/{source.pk}/side/2.png"
    assert Client().get(url).status_code == 302  # to the login page
    response = staff.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert default_storage.exists(f"previews/{source.sha256[:2]}/{source.sha256}-2.png")
    assert staff.get(f"/sekretariat/{source.pk}/side/99.png").status_code == 404
