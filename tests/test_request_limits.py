"""Request bodies are bounded before Django reads them; too many files get a clear message."""
from __future__ import annotations

import pytest

from minutes.models import SourceDocument
from tests.upload_support import referat_file, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]

MB = 1024 * 1024


@pytest.mark.parametrize("path", ["/konto/login/", "/", "/soeg/"])
def test_an_anonymous_large_post_is_refused_unread(client, path):
    response = client.post(
        path, data=b"x" * (3 * MB), content_type="application/octet-stream"
    )

    assert response.status_code == 413
    assert response.content.decode() == "Forespørgslen er for stor."


def test_a_declared_length_over_the_limit_is_refused_before_the_body_arrives(client):
    response = client.generic(
        "POST", "/konto/login/", b"username=a", CONTENT_LENGTH=str(600 * MB),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 413


def test_a_signed_in_reader_posting_large_bodies_elsewhere_is_refused(staff):
    response = staff.post("/", data=b"x" * (3 * MB), content_type="application/octet-stream")

    assert response.status_code == 413


def test_the_secretariat_uploads_files_larger_than_the_request_limit(
    staff, django_capture_on_commit_callbacks, settings
):
    settings.REQUEST_MAX_BYTES = 10_000  # below the referat's size
    response = upload(staff, django_capture_on_commit_callbacks, referat_file())

    assert response.status_code == 302
    assert SourceDocument.objects.count() == 1


def test_too_many_files_in_one_upload_say_so_on_the_page(staff, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    files = [referat_file(text=f"Referat {n}", name=f"r{n}.txt") for n in range(4)]

    response = staff.post("/sekretariat/", {"files": files}, follow=True)

    assert response.status_code == 200
    assert "Du kan højst uploade 3 filer ad gangen" in response.content.decode()
    assert SourceDocument.objects.count() == 0


@pytest.mark.parametrize("path", ["/sekretariat/", "/konto/login/"])
def test_secretariat_and_account_pages_are_never_cached(staff, path):
    assert staff.get(path)["Cache-Control"] == "no-store"


def test_public_pages_keep_their_own_caching(client):
    assert client.get("/").get("Cache-Control", "") != "no-store"


def test_the_language_cookie_is_same_site_and_hidden_from_scripts(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]
