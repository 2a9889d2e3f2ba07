"""The home page: latest meetings with their decisions, planned meetings, search box, topics."""
from datetime import date, time

import pytest

from minutes.models import AgendaItem, Meeting
from minutes.views.home import planned_meetings
from tests.pages_data import count_queries


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_shows_the_latest_meetings_with_their_decisions(client):
    html = client.get("/").content.decode()
    assert html.count("<h1>") == 1
    assert "Beslutninger fra 5 møder i DASSOS" in html
    for day in ("27. februar 2026", "1. marts 2024", "15. september 2022"):
        assert day in html
    assert "23. november 2020" not in html
    assert "Godkendelse af lukning af botilbuddet Kollegiet" in html
    assert 'class="outcome outcome-approved">godkendt</span>' in html


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_has_a_labelled_search_box_and_the_topics(client):
    html = client.get("/").content.decode()
    assert '<label for="home-q">' in html and 'id="home-q" name="q"' in html
    assert 'action="/soeg/"' in html
    assert 'href="/emner/rammeaftale/"' in html


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_shows_the_meetings_planned_after_the_newest_referat(client):
    planned, future = planned_meetings(date(2026, 3, 1))
    assert future is True
    assert [p.date for p in planned] == [date(2026, 5, 18), date(2026, 8, 11), date(2026, 10, 21)]
    assert planned[0].start == time(13, 0)
    late, future = planned_meetings(date(2027, 1, 1))
    assert future is False and late[0].date == date(2026, 5, 18)


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_lists_the_planned_meetings_with_time_and_place(client):
    html = client.get("/").content.decode()
    assert '<time datetime="2026-05-18">18. maj 2026</time>' in html
    assert "kl. 13.00–15.00" in html
    assert "rådhuset i Silkeborg" in html


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_says_so_when_no_plan_is_known(client):
    AgendaItem.objects.all().delete()
    html = client.get("/").content.decode()
    assert "Ingen planlagte møder fundet i referaterne." in html


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_query_count_does_not_grow_with_the_archive(client):
    # The first visit after a change counts topics and reads the newest plans; later visits
    # take those from the cache. The follow-ups due before the next meeting are one query, the
    # count of older open ones another.
    client.get("/")
    five = count_queries(client, "/")
    Meeting.objects.filter(date__year__lt=2024).delete()
    client.get("/")
    assert count_queries(client, "/") == five == 7


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_topic_counts_follow_a_change_at_once(client):
    def botilbud_count() -> int:
        topics = client.get("/").context["topics"]
        return next(t.item_count for t in topics if t.slug == "botilbud")

    before = botilbud_count()
    meeting = Meeting.objects.get(date="2026-02-27")
    withdrawn = meeting.items.filter(topics__slug="botilbud").count()
    assert withdrawn > 0
    meeting.set_published(False)
    assert botilbud_count() == before - withdrawn
