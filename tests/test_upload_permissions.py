"""Every secretariat URL: anonymous visitors log in, readers get 403, staff and admins pass."""
import pytest
from django.contrib.auth.models import Group

from ingest.process import process_source
from ingest.store import store_bytes
from minutes.models import SourceDocument
from tests.upload_support import SEED_2022, SEED_2024, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]


@pytest.fixture
def sources():
    """A parsed referat, a failed one and a replacement waiting for confirmation."""
    ready, _ = store_bytes(SEED_2024.read_bytes(), SEED_2024.name)
    process_source(ready, published=False)
    failed, _ = store_bytes(b"Ingen dato, ingen punkter.", "tom.txt")
    process_source(failed, published=False)
    replacement, _ = store_bytes(SEED_2022.read_bytes(), SEED_2022.name)
    SourceDocument.objects.filter(pk=replacement.pk).update(
        status=SourceDocument.Status.REPLACEMENT, meeting=ready.meeting
    )
    return {"ready": ready.pk, "failed": failed.pk, "replacement": replacement.pk}


def _urls(sources):
    ready, failed, replacement = sources["ready"], sources["failed"], sources["replacement"]
    return [
        ("get", "/sekretariat/"),
        ("post", "/sekretariat/"),
        ("get", "/sekretariat/raekker/"),
        ("get", f"/sekretariat/{ready}/"),
        ("post", f"/sekretariat/{ready}/"),
        ("get", f"/sekretariat/{ready}/original/"),
        ("post", f"/sekretariat/{ready}/offentliggoer/"),
        ("post", f"/sekretariat/{failed}/igen/"),
        ("post", f"/sekretariat/{replacement}/erstat/"),
        ("post", f"/sekretariat/{replacement}/kasser/"),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, sources):
    for method, url in _urls(sources):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/konto/login/?next="), url
    assert SourceDocument.objects.get(pk=sources["replacement"]).status == "replacement"


def test_logged_in_readers_without_the_permissions_are_refused(client, sources):
    client.force_login(make_user("laeser"))
    for method, url in _urls(sources):
        assert getattr(client, method)(url).status_code == 403, url
    assert not SourceDocument.objects.get(pk=sources["ready"]).meeting.is_published


@pytest.mark.parametrize("persona", ["sekretariat", "admin"])
def test_secretariat_staff_and_admins_may_use_every_page(client, sources, persona):
    user = make_user(persona, sekretariat=persona == "sekretariat", superuser=persona == "admin")
    client.force_login(user)
    for method, url in _urls(sources):
        status = getattr(client, method)(url).status_code
        # 400: the empty upload and correction forms are refused as invalid, not as forbidden.
        assert status in (200, 302, 400), (url, status)
    assert SourceDocument.objects.get(pk=sources["ready"]).meeting.is_published


def test_a_user_who_may_upload_but_not_publish_cannot_publish(client, sources):
    user = make_user("praktikant")
    uploader = Group.objects.create(name="Upload")
    uploader.permissions.set(
        Group.objects.get(name="Sekretariat").permissions.exclude(codename="publish_meeting")
    )
    user.groups.add(uploader)
    client.force_login(user)
    assert client.get("/sekretariat/").status_code == 200
    assert client.post(f"/sekretariat/{sources['ready']}/offentliggoer/").status_code == 403
    page = client.get(f"/sekretariat/{sources['ready']}/").content.decode()
    assert "Offentliggør" not in page


def test_the_sekretariat_group_carries_upload_review_and_publish():
    codenames = set(
        Group.objects.get(name="Sekretariat").permissions.values_list("codename", flat=True)
    )
    assert {"upload_sourcedocument", "review_sourcedocument", "publish_meeting"} <= codenames


def test_the_login_page_logs_staff_in_and_back_to_the_upload_page(client):
    make_user("sekretaer", sekretariat=True)
    response = client.post(
        "/konto/login/",
        {"username": "sekretaer", "password": "korrekt-hest-batteri-42", "next": "/sekretariat/"},
    )
    assert response.status_code == 302
    assert response.url == "/sekretariat/"
    assert "Upload referater" in client.get("/sekretariat/").content.decode()


def test_a_wrong_password_is_refused_with_a_message(client):
    make_user("sekretaer", sekretariat=True)
    response = client.post("/konto/login/", {"username": "sekretaer", "password": "forkert"})
    assert response.status_code == 200
    assert "Brugernavn og adgangskode passer ikke sammen" in response.content.decode()
