"""Script in a referat's text is shown as text on every page, and kept as data in feeds and APIs."""
import json
import xml.etree.ElementTree as ET

import pytest

from minutes.models import AgendaItem, Attachment, Person
from scripts.make_test_pdfs import render_seed
from tests.security_support import load, seed_with
from tests.upload_support import SEED_2024, make_user

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
# Parentheses after a name are read as a note, so the name's payload uses backticks.
NAME = "Jesper <script>alert`3`</script> <img src=x onerror=alert`4`> Møller"
TITLE = f"Titel {SCRIPT} og {IMG}"
BILAG = f"Bilagtitel {SCRIPT} {IMG}"
REFERAT = f"Referattekst {SCRIPT} {IMG}"
RAW = ["<script>alert", "<img src=x"]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hostile(settings, tmp_path):
    """The 1 March 2024 seed with script in a title, a referat, a name and a bilag, published."""
    settings.MEDIA_ROOT = tmp_path
    data = seed_with(title=TITLE, participant=NAME, bilag=BILAG, referat=REFERAT)
    meeting = load(data, "fjendtlig.txt", published=True)
    item = AgendaItem.objects.get(meeting=meeting, title=TITLE)
    assert REFERAT in item.referat
    person = Person.objects.get(name=NAME)
    bilag = Attachment.objects.select_related("item").get(item__meeting=meeting, title=BILAG)
    return meeting, item, person, bilag.item


def assert_shown_as_text(response, *expected: str) -> str:
    """No payload survives as markup; each expected text is there, escaped."""
    assert response.status_code == 200
    html = response.content.decode()
    for raw in RAW:
        assert raw not in html, (response.request["PATH_INFO"], raw)
    for text in expected:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped in html, (response.request["PATH_INFO"], escaped)
    return html


def test_the_meeting_page_shows_titles_and_names_as_text(client, hostile):
    meeting, _item, _person, _bilag_item = hostile
    assert_shown_as_text(client.get(meeting.get_absolute_url()), TITLE, NAME)


def test_the_item_page_shows_title_referat_and_bilag_as_text(client, hostile):
    _meeting, item, _person, bilag_item = hostile
    assert_shown_as_text(client.get(item.get_absolute_url()), TITLE, REFERAT)
    assert_shown_as_text(client.get(bilag_item.get_absolute_url()), BILAG)


def test_the_decisions_list_shows_the_title_as_text(client, hostile):
    assert_shown_as_text(client.get("/beslutninger/"), TITLE)


def test_search_highlights_without_letting_the_script_through(client, hostile):
    html = assert_shown_as_text(client.get("/soeg/?q=Referattekst"), TITLE)
    assert "<mark>Referattekst</mark>" in html
    assert_shown_as_text(client.get("/soeg/?q=alert"), TITLE)


def test_the_person_page_shows_the_name_as_text(client, hostile):
    _meeting, _item, person, _bilag_item = hostile
    assert_shown_as_text(client.get(person.get_absolute_url()), NAME)


def test_the_review_page_shows_everything_as_text(client, hostile):
    meeting, _item, _person, _bilag_item = hostile
    client.force_login(make_user("sekretaer", sekretariat=True))
    review = client.get(f"/sekretariat/{meeting.current_source_id}/")
    assert_shown_as_text(review, NAME, TITLE, REFERAT)


def test_the_admin_shows_everything_as_text(client, hostile):
    meeting, item, person, bilag_item = hostile
    client.force_login(make_user("admin", superuser=True))
    for url, expected in [
        (f"/admin/minutes/meeting/{meeting.pk}/change/", [NAME]),
        (f"/admin/minutes/agendaitem/{item.pk}/change/", [TITLE]),
        (f"/admin/minutes/agendaitem/{bilag_item.pk}/change/", [BILAG]),
        ("/admin/minutes/agendaitem/?q=Titel", [TITLE]),
        (f"/admin/minutes/person/{person.pk}/change/", [NAME]),
        ("/admin/minutes/person/", [NAME]),
    ]:
        assert_shown_as_text(client.get(url), *expected)


@pytest.mark.parametrize("url", ["/beslutninger/feed/", "/soeg/feed/?q=Referattekst"])
def test_feeds_carry_the_text_as_data(client, hostile, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # raw markup in the text would not parse as Atom
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert any(TITLE in title for title in titles)


def test_the_apis_carry_the_text_as_data(client, hostile):
    meeting, item, person, _bilag_item = hostile
    oparl = json.loads(client.get(f"/oparl/v1/agenda-item/{item.pk}/").content)
    assert oparl["name"] == TITLE
    assert json.loads(client.get(f"/oparl/v1/person/{person.pk}/").content)["name"] == NAME
    export = client.get(meeting.get_json_url())
    assert export["Content-Type"].startswith("application/json")
    assert TITLE in [entry["title"] for entry in json.loads(export.content)["items"]]


def test_a_javascript_link_on_a_bilag_in_a_pdf_is_not_kept(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    rendered = render_seed(SEED_2024.read_text(encoding="utf-8"), SEED_2024.name)
    url = next(iter(rendered.bilag_urls.values()))
    # Same length, so the PDF's cross-reference offsets stay right.
    evil = ("javascript:alert(1)//" + "x" * len(url))[: len(url)]
    meeting = load(rendered.pdf.replace(url.encode(), evil.encode()), "link.pdf", published=True)
    bilag = Attachment.objects.select_related("item").get(
        item__meeting=meeting, label="Bilag 1"
    )
    assert bilag.url == ""
    page = client.get(bilag.item.get_absolute_url()).content.decode()
    assert "Oversigt lånepuljer" in page
    assert "javascript:" not in page
