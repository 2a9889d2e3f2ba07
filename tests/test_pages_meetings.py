"""The meeting list by year and the meeting page, on the seed referater."""
import pytest
from django.urls import reverse

from minutes.models import AgendaItem, Meeting
from tests.pages_data import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("archive")
def test_the_meeting_list_groups_published_meetings_by_year(client):
    html = client.get("/moeder/").content.decode()
    assert html.count("<h1>") == 1
    for year in ("2020", "2021", "2022", "2024", "2026"):
        assert f'<h2 id="year-{year}">{year}</h2>' in html
    assert 'href="/moeder/2024-03-01/"' in html
    assert "1. marts 2024" in html


@pytest.mark.usefixtures("archive")
def test_a_year_page_lists_only_that_year(client):
    html = client.get("/moeder/2024/").content.decode()
    assert "1. marts 2024" in html
    assert "27. februar 2026" not in html
    assert client.get("/moeder/1999/").status_code == 404


@pytest.mark.usefixtures("archive")
def test_the_meeting_page_shows_time_place_and_the_agenda_by_section(client):
    response = client.get("/moeder/2024-03-01/")
    html = response.content.decode()
    assert "<h1>DASSOS-møde 1. marts 2024</h1>" in html
    assert "kl. 13.00–14.00" in html
    assert "Viborg Rådhus, Prinsens Alle 5, 8800 Viborg, Multisalen" in html
    for section in ("Beslutningspunkter", "Orienteringspunkter", "Punkter til kommende møder"):
        assert f"<h3>{section}</h3>" in html
    assert html.index("<h3>Beslutningspunkter</h3>") < html.index("<h3>Orienteringspunkter</h3>")
    item = reverse("minutes:item", kwargs={"date": "2024-03-01", "number": "1.4"})
    assert f'href="{item}"' in html
    assert 'class="outcome outcome-approved">godkendt</span>' in html


@pytest.mark.usefixtures("archive")
def test_the_meeting_page_lists_present_and_absent_with_organisations(client):
    response = client.get("/moeder/2024-03-01/")
    present, absent = response.context["present"], response.context["absent"]
    assert len(present) == 19 and len(absent) == 11
    html = response.content.decode()
    assert "Til stede (19)" in html and "Afbud (11)" in html
    chair = next(p for p in present if p.role == "formand")
    assert f'<a href="{chair.person.get_absolute_url()}">Jesper Thyrring Møller</a>' in html
    assert f'<a href="{chair.organisation.get_absolute_url()}">Struer Kommune</a>' in html


@pytest.mark.usefixtures("archive")
def test_the_meeting_page_links_the_original_referat_and_its_neighbours(client):
    html = client.get("/moeder/2024-03-01/").content.decode()
    meeting = Meeting.objects.get(date="2024-03-01")
    assert f'href="/kilder/{meeting.current_source_id}/"' in html
    assert client.get(f"/kilder/{meeting.current_source_id}/").status_code == 200
    assert 'href="/moeder/2022-09-15/"' in html and "Forrige møde: 15. september 2022" in html
    assert 'href="/moeder/2026-02-27/"' in html


@pytest.mark.usefixtures("archive")
def test_unpublished_meetings_are_invisible(client):
    meeting = Meeting.objects.get(date="2024-03-01")
    meeting.set_published(False)
    assert client.get("/moeder/2024-03-01/").status_code == 404
    assert client.get("/moeder/2024-03-01/punkt/1.1/").status_code == 404
    assert "1. marts 2024" not in client.get("/moeder/").content.decode()
    assert "/moeder/2024-03-01/" not in client.get("/").content.decode()


@pytest.mark.usefixtures("archive")
def test_document_text_is_shown_as_text_never_as_markup(client):
    AgendaItem.objects.filter(meeting__date="2024-03-01", number="1.1").update(
        title="<script>alert(1)</script>", referat="Se <b>dette</b> <script>alert(2)</script>"
    )
    meeting_html = client.get("/moeder/2024-03-01/").content.decode()
    item_html = client.get("/moeder/2024-03-01/punkt/1.1/").content.decode()
    for html in (meeting_html, item_html):
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;dette&lt;/b&gt;" in item_html


@pytest.mark.usefixtures("archive")
def test_the_meeting_page_takes_the_same_number_of_queries_for_2_or_9_items(client):
    url = "/moeder/2024-03-01/"
    with_nine = count_queries(client, url)
    items = AgendaItem.objects.filter(meeting__date="2024-03-01")
    items.exclude(number__in=["1.1", "1.2"]).delete()
    assert count_queries(client, url) == with_nine == 6


@pytest.mark.usefixtures("archive")
def test_the_meeting_list_query_count_does_not_grow_with_meetings(client):
    all_five = count_queries(client, "/moeder/")
    Meeting.objects.filter(date__year__lt=2024).delete()
    assert count_queries(client, "/moeder/") == all_five == 3


@pytest.mark.usefixtures("archive")
def test_the_interface_is_available_in_english(client):
    html = client.get("/moeder/2024-03-01/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html
    assert "<h1>DASSOS meeting March 1, 2024</h1>" in html
    assert "Apologies (11)" in html
    danish = client.get("/moeder/2024-03-01/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Afbud (11)" in danish
