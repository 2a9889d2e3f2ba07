"""The meeting list by year and the meeting page, on the seed referater."""
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from minutes.models import AgendaItem, Body, Decision, Meeting, Outcome
from tests.pages_data import count_queries

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.usefixtures("archive")
def test_the_meeting_list_groups_published_meetings_by_year(client):
    html = client.get("/moeder/").content.decode()
    assert html.count("<h1>") == 1
    for year in ("2020", "2021", "2022", "2024", "2026"):
        assert f'<h2 id="year-{year}">{year}</h2>' in html
    assert 'href="/moeder/2024-03-01/dassos/"' in html
    assert "1. marts 2024" in html


@pytest.mark.usefixtures("archive")
def test_a_year_page_lists_only_that_year(client):
    html = client.get("/moeder/2024/").content.decode()
    assert "1. marts 2024" in html
    assert "27. februar 2026" not in html
    assert client.get("/moeder/1999/").status_code == 404


@pytest.mark.usefixtures("archive")
def test_the_meeting_page_shows_time_place_and_the_agenda_by_section(client):
    response = client.get("/moeder/2024-03-01/dassos/")
    html = response.content.decode()
    assert "<h1>DASSOS-møde 1. marts 2024</h1>" in html
    assert "kl. 13.00–14.00" in html
    assert "Viborg Rådhus, Prinsens Alle 5, 8800 Viborg, Multisalen" in html
    for section in ("Beslutningspunkter", "Orienteringspunkter", "Punkter til kommende møder"):
        assert f"<h3>{section}</h3>" in html
    assert html.index("<h3>Beslutningspunkter</h3>") < html.index("<h3>Orienteringspunkter</h3>")
    item = reverse("minutes:item", kwargs={"date": "2024-03-01", "body": "dassos", "number": "1.4"})
    assert f'href="{item}"' in html
    assert 'class="outcome outcome-approved">godkendt</span>' in html


@pytest.mark.usefixtures("archive")
def test_the_meeting_page_lists_present_and_absent_with_organisations(client):
    response = client.get("/moeder/2024-03-01/dassos/")
    present, absent = response.context["present"], response.context["absent"]
    assert len(present) == 19 and len(absent) == 11
    html = response.content.decode()
    assert "Til stede (19)" in html and "Afbud (11)" in html
    chair = next(p for p in present if p.role == "formand")
    assert f'<a href="{chair.person.get_absolute_url()}">Jesper Thyrring Møller</a>' in html
    assert f'<a href="{chair.organisation.get_absolute_url()}">Struer Kommune</a>' in html


@pytest.mark.usefixtures("archive")
def test_the_meeting_page_links_the_original_referat_and_its_neighbours(client):
    html = client.get("/moeder/2024-03-01/dassos/").content.decode()
    meeting = Meeting.objects.get(date="2024-03-01")
    assert f'href="/kilder/{meeting.current_source_id}/"' in html
    assert client.get(f"/kilder/{meeting.current_source_id}/").status_code == 200
    assert 'href="/moeder/2022-09-15/dassos/"' in html
    assert "Forrige møde: 15. september 2022" in html
    assert 'href="/moeder/2026-02-27/dassos/"' in html
    assert 'href="/moeder/2024-03-01/dassos.json"' in html


@pytest.mark.usefixtures("archive")
def test_unpublished_meetings_are_invisible(client):
    meeting = Meeting.objects.get(date="2024-03-01")
    meeting.set_published(False)
    for path in ("/moeder/2024-03-01/", "/moeder/2024-03-01/dassos/",
                 "/moeder/2024-03-01/punkt/1.1/", "/moeder/2024-03-01/dassos/punkt/1.1/",
                 "/moeder/2024-03-01.json", "/moeder/2024-03-01/dassos.json"):
        assert client.get(path).status_code == 404, path
    assert "1. marts 2024" not in client.get("/moeder/").content.decode()
    assert "/moeder/2024-03-01/" not in client.get("/").content.decode()


@pytest.mark.usefixtures("archive")
def test_document_text_is_shown_as_text_never_as_markup(client):
    AgendaItem.objects.filter(meeting__date="2024-03-01", number="1.1").update(
        title="<script>alert(1)</script>", referat="Se <b>dette</b> <script>alert(2)</script>"
    )
    meeting_html = client.get("/moeder/2024-03-01/dassos/").content.decode()
    item_html = client.get("/moeder/2024-03-01/dassos/punkt/1.1/").content.decode()
    for html in (meeting_html, item_html):
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;dette&lt;/b&gt;" in item_html


@pytest.mark.usefixtures("archive")
def test_the_meeting_page_takes_the_same_number_of_queries_for_2_or_9_items(client):
    url = "/moeder/2024-03-01/dassos/"
    with_nine = count_queries(client, url)
    items = AgendaItem.objects.filter(meeting__date="2024-03-01")
    items.exclude(number__in=["1.1", "1.2"]).delete()
    assert count_queries(client, url) == with_nine == 6


@pytest.mark.usefixtures("archive")
def test_the_meeting_list_query_count_does_not_grow_with_meetings(client):
    all_five = count_queries(client, "/moeder/")
    Meeting.objects.filter(date__year__lt=2024).delete()
    # The page's meetings, the years and the bodies to filter by.
    assert count_queries(client, "/moeder/") == all_five == 4


@pytest.mark.usefixtures("archive")
def test_the_interface_is_available_in_english(client):
    html = client.get("/moeder/2024-03-01/dassos/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html
    assert "<h1>DASSOS meeting March 1, 2024</h1>" in html
    assert "Apologies (11)" in html
    danish = client.get("/moeder/2024-03-01/dassos/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Afbud (11)" in danish


@pytest.mark.usefixtures("archive")
def test_the_date_alone_leads_to_the_meeting_held_that_day(client):
    """The archive's first URLs keep working: they redirect to the meeting's own address."""
    for old, new in (
        ("/moeder/2024-03-01/", "/moeder/2024-03-01/dassos/"),
        ("/moeder/2024-03-01/punkt/1.2/", "/moeder/2024-03-01/dassos/punkt/1.2/"),
        ("/moeder/2024-03-01.json", "/moeder/2024-03-01/dassos.json"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (302, new), old
        assert client.get(new).status_code == 200, new
    for missing in ("/moeder/2024-03-02/", "/moeder/2024-03-01/punkt/9.9/",
                    "/moeder/2021-02-30/", "/moeder/2021-02-30.json", "/moeder/2024-03-01/kkr/"):
        assert client.get(missing).status_code == 404, missing


@pytest.fixture
def same_day(archive):
    """A second body's published meeting on 1 March 2024, the day DASSOS met too."""
    body = Body.objects.create(name="KKR", full_name="KKR Midtjylland", slug="kkr")
    other = Meeting.objects.create(body=body, date=date(2024, 3, 1), location="Aarhus Rådhus",
                                   status=Meeting.Status.PUBLISHED)
    item = AgendaItem.objects.create(meeting=other, number="1.2", title="Fælles udmelding")
    Decision.objects.create(item=item, outcome=Outcome.APPROVED, text="KKR godkendte.")
    return Meeting.objects.get(date="2024-03-01", body__slug="dassos"), other


def test_two_bodies_meeting_on_one_day_each_have_a_page_and_json(client, same_day):
    dassos, kkr = same_day
    assert dassos.get_absolute_url() != kkr.get_absolute_url()
    pages = [client.get(m.get_absolute_url()) for m in same_day]
    assert [p.status_code for p in pages] == [200, 200]
    assert "<h1>KKR-møde 1. marts 2024</h1>" in pages[1].content.decode()
    assert "Fælles udmelding" not in pages[0].content.decode()
    exported = [client.get(m.get_json_url()) for m in same_day]
    assert [r.status_code for r in exported] == [200, 200]
    assert [r.json()["meeting"]["body"] for r in exported] == ["DASSOS", "KKR"]
    items = [client.get(f"{m.get_absolute_url()}punkt/1.2/") for m in same_day]
    assert [r.status_code for r in items] == [200, 200]
    assert "Fælles udmelding" in items[1].content.decode()


def test_the_date_alone_offers_the_meetings_of_that_day(client, same_day):
    dassos, kkr = same_day
    choice = client.get("/moeder/2024-03-01/")
    assert choice.status_code == 200
    html = choice.content.decode()
    assert html.count("<h1>") == 1 and "Møder 1. marts 2024" in html
    for meeting in same_day:
        assert f'href="{meeting.get_absolute_url()}"' in html
    english = client.get("/moeder/2024-03-01/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Meetings March 1, 2024" in english and "Several bodies met on this day." in english
    items = client.get("/moeder/2024-03-01/punkt/1.2/").content.decode()
    assert f'href="{dassos.items.get(number="1.2").get_absolute_url()}"' in items
    assert f'href="{kkr.items.get(number="1.2").get_absolute_url()}"' in items
    # Only DASSOS has an item 1.4 that day: no choice to make.
    assert client.get("/moeder/2024-03-01/punkt/1.4/")["Location"].endswith("/dassos/punkt/1.4/")
    listed = client.get("/moeder/2024-03-01.json")
    assert listed.status_code == 300
    assert [m["json"] for m in listed.json()["meetings"]] == [
        f"http://testserver{m.get_json_url()}" for m in same_day
    ]


def test_two_bodies_meeting_on_one_day_are_distinct_in_feed_calendar_and_sitemap(
    client, same_day
):
    ids = {m.pk: f"http://testserver{m.get_absolute_url()}" for m in same_day}
    feed = ET.fromstring(client.get("/moeder/feed/").content)
    entries = {e.findtext(f"{ATOM}id"): e.find(f"{ATOM}link").get("href")
               for e in feed.iter(f"{ATOM}entry")}
    assert len(entries) == len(list(feed.iter(f"{ATOM}entry")))  # no id repeated
    for url in ids.values():
        assert entries[url] == url
        assert client.get(url).status_code == 200

    calendar = Calendar.from_ical(client.get("/kalender.ics").content)
    held = [e for e in calendar.walk("VEVENT") if e.decoded("dtstart").isoformat()[:10]
            == "2024-03-01"]
    assert sorted(str(e["uid"]) for e in held) == [
        "dassos-2024-03-01@dassos-referatarkiv", "kkr-2024-03-01@dassos-referatarkiv"
    ]
    assert sorted(str(e["url"]) for e in held) == sorted(ids.values())

    sitemap = client.get("/sitemap-meetings.xml").content.decode()
    assert all(f"<loc>{url}</loc>" in sitemap for url in ids.values())


def test_a_meetings_neighbours_are_its_own_body_s(client, same_day):
    _dassos, kkr = same_day
    html = client.get(kkr.get_absolute_url()).content.decode()
    assert 'rel="prev"' not in html and 'rel="next"' not in html


@pytest.mark.django_db
def test_a_dagsorden_shows_as_an_agenda_and_its_referat_supersedes_it(settings, tmp_path):
    from ingest.process import ingest_file

    settings.MEDIA_ROOT = tmp_path
    agenda = (
        "Dagsorden\n\nForretningsudvalget\nMødedato: 18. november 2025\n\n"
        "1. Godkendelse af dagsorden\n\n2. Budget 2026\nSagsfremstilling\nEt budgetforslag.\n"
        "Indstilling\nAt Forretningsudvalget godkender budgettet.\n\n3. Eventuelt\n"
    )
    referat = (
        "Referat fra møde i Forretningsudvalget\n\nMødedato: 18. november 2025\n\n"
        "1. Godkendelse af dagsorden\nReferat: Godkendt.\n\n2. Budget 2026\n"
        "Referat: Forretningsudvalget godkendte budgettet.\n\n3. Eventuelt\nReferat: Intet.\n"
    )
    first = ingest_file(agenda.encode(), "dagsorden.txt", published=True)
    meeting = first.meeting
    assert (meeting.body.name, meeting.doctype) == ("Forretningsudvalget", "dagsorden")
    client = Client()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Mødets dagsorden. Referatet er endnu ikke i arkivet" in page
    assert "dagsorden" in client.get("/moeder/").content.decode()

    second = ingest_file(referat.encode(), "referat.txt", published=True)
    meeting.refresh_from_db()
    assert second.meeting == meeting and meeting.doctype == "referat"
    assert [d.outcome for i in meeting.items.all() for d in i.decisions.all()] == [
        "approved", "approved", "none",
    ]
    assert meeting.sources.count() == 2  # the dagsorden file is kept

    late = ingest_file((agenda + "\n").encode(), "dagsorden-igen.txt", published=True)
    meeting.refresh_from_db()
    assert meeting.doctype == "referat" and meeting.current_source == second.source
    assert late.conflicts[0]["field"] == "doctype"
