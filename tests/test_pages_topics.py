"""Topics: the list with counts and one topic's items as a timeline across meetings."""
import pytest

from minutes.models import AgendaItem, Meeting, Topic
from tests.pages_data import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("archive")
def test_the_topic_list_counts_published_items(client):
    response = client.get("/emner/")
    botilbud = next(t for t in response.context["topics"] if t.slug == "botilbud")
    assert botilbud.item_count == AgendaItem.objects.filter(topics=botilbud).count() > 0
    assert 'href="/emner/botilbud/"' in response.content.decode()


@pytest.mark.usefixtures("archive")
def test_a_topic_page_is_a_timeline_of_its_items_newest_first(client):
    response = client.get("/emner/botilbud/")
    html = response.content.decode()
    assert "<h1>Botilbud</h1>" in html
    items = list(response.context["items"])
    dates = [i.meeting.date for i in items]
    assert dates == sorted(dates, reverse=True)
    assert html.index("27. februar 2026") < html.index("1. marts 2024")
    assert 'href="/moeder/2024-03-01/dassos/punkt/1.4/"' in html
    assert "DASSOS godkendte omlægningen af midlertidig botilbud Kollegiet" in html


@pytest.mark.usefixtures("archive")
def test_a_topic_page_leaves_out_unpublished_meetings(client):
    Meeting.objects.get(date="2024-03-01").set_published(False)
    html = client.get("/emner/botilbud/").content.decode()
    assert "/moeder/2024-03-01/" not in html


@pytest.mark.usefixtures("archive")
def test_an_unknown_topic_is_not_found(client):
    assert client.get("/emner/findes-ikke/").status_code == 404


@pytest.mark.usefixtures("archive")
def test_topic_pages_query_count_does_not_grow_with_items(client):
    many = count_queries(client, "/emner/rammeaftale/")
    few = count_queries(client, "/emner/hjerneskade/")
    assert Topic.objects.get(slug="rammeaftale").items.count() > 2 * Topic.objects.get(
        slug="hjerneskade").items.count()
    assert many == few == 5  # with the topic's cases (minutes.case_links)
    client.get("/emner/")  # counts the items per topic, cached until the archive changes
    assert count_queries(client, "/emner/") == 2  # the archive's generation and the counts
