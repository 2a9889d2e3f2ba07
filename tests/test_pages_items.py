"""The agenda item page: its texts, bilag, presenters, neighbours, cross-links and related items."""
import pytest

from minutes.models import AgendaItem, Attachment, Meeting, SourceDocument
from tests.pages_data import count_queries

pytestmark = pytest.mark.django_db


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.usefixtures("archive")
def test_the_item_page_shows_indstilling_referat_and_sagsfremstilling(client):
    html = _html(client, "/moeder/2026-02-27/dassos/punkt/1.8/")
    assert html.count("<h1>") == 1
    assert "Godkendelse af lukning af botilbuddet Kollegiet" in html
    positions = [html.index(f'id="{h}-heading"') for h in ("indstilling", "referat", "sag")]
    assert positions == sorted(positions)
    assert "<li>Godkender lukningen af botilbuddet Kollegiet</li>" in html
    assert "DASSOS godkendte lukningen af botilbuddet" in html
    assert 'class="outcome outcome-approved">godkendt</span>' in html


@pytest.mark.usefixtures("archive")
def test_presenters_link_to_their_person_pages(client):
    item = AgendaItem.objects.get(meeting__date="2022-09-15", number="1.3")
    person = item.presenters.get()
    html = _html(client, item.get_absolute_url())
    assert f'<a href="{person.get_absolute_url()}">Lone Rasmussen</a>' in html
    assert client.get(person.get_absolute_url()).status_code == 200


@pytest.mark.usefixtures("archive")
def test_bilag_are_listed_with_their_links(client):
    html = _html(client, "/moeder/2021-11-25/dassos/punkt/1.1/")
    bilag = Attachment.objects.get(item__meeting__date="2021-11-25", label="Bilag 1")
    assert bilag.url.startswith("https://")
    assert f'<a href="{bilag.url}" rel="noopener noreferrer">Bilag 1: {bilag.title}</a>' in html


@pytest.mark.usefixtures("archive")
def test_a_bilag_link_that_is_not_http_is_shown_without_a_link(client):
    Attachment.objects.filter(item__meeting__date="2021-11-25", label="Bilag 1").update(
        url="javascript:alert(1)"
    )
    html = _html(client, "/moeder/2021-11-25/dassos/punkt/1.1/")
    assert "javascript:" not in html
    assert "<li>Bilag 1: Budget 2022 for Børnehus Midt" in html


@pytest.mark.usefixtures("archive")
def test_previous_and_next_item_follow_the_agenda(client):
    html = _html(client, "/moeder/2024-03-01/dassos/punkt/1.2/")
    assert 'rel="prev" href="/moeder/2024-03-01/dassos/punkt/1.1/"' in html
    assert 'rel="next" href="/moeder/2024-03-01/dassos/punkt/1.3/"' in html
    first = _html(client, "/moeder/2024-03-01/dassos/punkt/1.1/")
    assert 'rel="prev"' not in first


@pytest.mark.usefixtures("archive")
def test_the_same_care_home_at_another_meeting_is_possibly_the_same_case(client):
    response = client.get("/moeder/2026-02-27/dassos/punkt/1.8/")
    same = [(s.item.meeting.date.isoformat(), s.item.number)
            for s in response.context["possibly_same_case"]]
    assert same == [("2024-03-01", "1.4")]
    html = response.content.decode()
    assert "Muligvis samme sag" in html and "samme sted: Kollegiet" in html
    assert 'href="/moeder/2024-03-01/dassos/punkt/1.4/"' in html


@pytest.mark.usefixtures("archive")
def test_an_item_with_no_evidence_of_its_case_elsewhere_shows_no_box(client):
    html = _html(client, "/moeder/2024-03-01/dassos/punkt/1.2/")  # the lånepulje 2025/26
    assert "Muligvis samme sag" not in html and 'class="related"' not in html


@pytest.mark.usefixtures("archive")
def test_references_in_the_text_become_links_when_the_target_exists(client):
    html = _html(client, "/moeder/2026-02-27/dassos/punkt/3.1/")
    # "jf. pkt. 2.2 ovenfor" points at item 2.2 of the same meeting.
    assert '<a class="xref" href="/moeder/2026-02-27/dassos/punkt/2.2/"' in html
    # "Kollegiet" in 1.8 points at the earlier item about the same care home.
    kollegiet = _html(client, "/moeder/2026-02-27/dassos/punkt/1.8/")
    assert '<a class="xref" href="/moeder/2024-03-01/dassos/punkt/1.4/"' in kollegiet


@pytest.mark.usefixtures("archive")
def test_a_reference_to_a_missing_item_stays_plain_text(client):
    AgendaItem.objects.filter(meeting__date="2026-02-27", number="2.2").delete()
    html = _html(client, "/moeder/2026-02-27/dassos/punkt/3.1/")
    assert "jf. pkt. 2.2" in html
    assert "/moeder/2026-02-27/dassos/punkt/2.2/" not in html


@pytest.mark.usefixtures("archive")
def test_a_pdf_source_is_linked_at_the_items_page(client):
    meeting = Meeting.objects.get(date="2021-11-25")
    SourceDocument.objects.filter(pk=meeting.current_source_id).update(kind="pdf")
    item = meeting.items.get(number="1.2")
    assert item.page_start == 3
    html = _html(client, item.get_absolute_url())
    assert f'href="/kilder/{meeting.current_source_id}/#page=3"' in html
    assert "side 3" in html


@pytest.mark.usefixtures("archive")
def test_an_unknown_item_is_not_found(client):
    assert client.get("/moeder/2024-03-01/dassos/punkt/9.9/").status_code == 404
    assert client.get("/moeder/2024-03-02/dassos/punkt/1.1/").status_code == 404


@pytest.mark.usefixtures("archive")
def test_the_item_page_query_count_does_not_grow_with_the_archive(client):
    url = "/moeder/2024-03-01/dassos/punkt/1.4/"
    everything = count_queries(client, url)
    Meeting.objects.exclude(date__in=["2024-03-01", "2026-02-27"]).delete()
    # Similar-title ids and the candidates' meeting dates are fetched apart (minutes.views.common);
    # the item's case links and the other items of its cases are two more (minutes.case_links);
    # its follow-ups and the earlier follow-ups it answers two more.
    assert count_queries(client, url) == everything == 16
