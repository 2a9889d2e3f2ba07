"""Uploaded files stay under MEDIA_ROOT whatever their name and are served only by id, safely."""
from pathlib import Path

import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.urls import Resolver404, resolve

from ingest.store import store_bytes
from minutes.models import Attachment, SourceDocument
from tests.security_support import load
from tests.upload_support import IMMEDIATE_TASKS, SEED_2024, make_user, referat_file, upload

pytestmark = pytest.mark.django_db

# Text files, so the upload form accepts them and stores them (it refuses odd suffixes).
ESCAPING_NAMES = [
    "../../etc/passwd.txt",
    "../../../../tmp/udenfor.txt",
    "/etc/passwd.txt",
    "..\\..\\windows\\referat.txt",
    "sources/../../udenfor.md",
]


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.TASKS = IMMEDIATE_TASKS
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_there_is_no_media_url_route_to_uploads():
    for path in ("/media/sources/ab/x.txt", "/media/bilag/2024/bilag.pdf"):
        with pytest.raises(Resolver404):
            resolve(path)


@pytest.mark.parametrize("name", ESCAPING_NAMES)
def test_an_uploaded_file_s_name_cannot_escape_media_root(
    client, media, name, django_capture_on_commit_callbacks
):
    outside_before = _files(media.parent)
    client.force_login(make_user("sekretaer", sekretariat=True))
    response = upload(client, django_capture_on_commit_callbacks, referat_file(name=name))
    assert response.status_code == 302
    source = SourceDocument.objects.get()
    stored = (media / source.file.name).resolve()
    assert stored.is_relative_to(media.resolve())
    assert stored.read_bytes() == SEED_2024.read_bytes()
    assert _files(media.parent) - outside_before == {stored}
    assert "/" not in source.original_filename and ".." not in source.file.name


@pytest.mark.parametrize("name", [*ESCAPING_NAMES, "../../etc/passwd", "..", ""])
def test_the_loader_keeps_a_file_under_media_root_whatever_its_name(media, name):
    source, created = store_bytes(SEED_2024.read_bytes(), name)
    assert created
    stored = (media / source.file.name).resolve()
    assert stored.is_relative_to(media.resolve())
    assert source.file.name.startswith(f"sources/{source.sha256[:2]}/{source.sha256}")
    assert _files(media.parent) == {stored}


def test_a_bilag_file_name_cannot_escape_media_root(media):
    meeting = load(SEED_2024.read_bytes(), SEED_2024.name, published=True)
    attachment = Attachment.objects.filter(item__meeting=meeting).first()
    with pytest.raises(SuspiciousFileOperation):
        attachment.file.save("../../udenfor.pdf", ContentFile(b"%PDF-1.4\n"))
    assert not (media.parent / "udenfor.pdf").exists()


def test_a_published_source_is_served_by_id_with_a_safe_name_and_type(client, media):
    meeting = load(SEED_2024.read_bytes(), '../"evil"\n name.txt', published=True)
    response = client.get(f"/kilder/{meeting.current_source_id}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"] == 'inline; filename="dassos-referat-2024-03-01.txt"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert b"".join(response.streaming_content) == SEED_2024.read_bytes()
    download = client.get(f"/kilder/{meeting.current_source_id}/download/")
    assert download["Content-Disposition"].startswith("attachment; ")


def test_a_bilag_is_served_by_id_as_pdf(client, media):
    meeting = load(SEED_2024.read_bytes(), SEED_2024.name, published=True)
    attachment = Attachment.objects.filter(item__meeting=meeting).first()
    attachment.file.save("Bilag 1 <script>.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    response = client.get(f"/bilag/{attachment.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    assert "<" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name", ['evil".txt', "linje\nskift.txt", "vogn\rretur.txt", "Møde – ÆØÅ.txt"]
)
def test_the_staff_download_survives_any_original_name(client, media, name):
    source, _created = store_bytes(SEED_2024.read_bytes(), name)
    client.force_login(make_user("sekretaer", sekretariat=True))
    response = client.get(f"/sekretariat/{source.pk}/original/")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename")
    assert "\n" not in disposition and "\r" not in disposition
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"  # as the public downloads
