"""The home page: latest meetings with their decisions, planned meetings, search box, topics."""
from datetime import date

import pytest

from minutes.models import AgendaItem, Meeting
from minutes.planned import meeting_plan, upcoming
from minutes.views.home import planned_meetings
from tests.pages_data import archive, count_queries  # noqa: F401 - pytest fixture


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
    assert planned[0].detail == "kl. 13-15"
    late, future = planned_meetings(date(2027, 1, 1))
    assert future is False and late[0].date == date(2026, 5, 18)


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_says_so_when_no_plan_is_known(client):
    AgendaItem.objects.all().delete()
    html = client.get("/").content.decode()
    assert "Ingen planlagte møder fundet i referaterne." in html


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_home_query_count_does_not_grow_with_the_archive(client):
    five = count_queries(client, "/")
    Meeting.objects.filter(date__year__lt=2024).delete()
    assert count_queries(client, "/") == five == 7


def test_a_meeting_plan_as_bullets_gives_its_dates_with_times():
    text = (
        "Mødeplanen for DASSOS fremgår nedenfor:\n\n"
        "• 9. februar (kl. 8.30-10)\n\n• 5. maj (kl. 8.30-10)"
    )
    plans = meeting_plan("Mødeplan for DASSOS 2022", text, date(2021, 11, 25))
    assert [(p.date, p.detail) for p in plans] == [
        (date(2022, 2, 9), "kl. 8.30-10"),
        (date(2022, 5, 5), "kl. 8.30-10"),
    ]


def test_a_meeting_plan_as_a_table_keeps_only_the_dassos_column():
    text = (
        "DASSOS KOSU KD-Net KKR\n\n"
        "27. februar, kl. 10-12 27. februar, kl.12.15-13.45 13. marts 24. marts "
        "18. maj, kl. 13-15 18. maj, kl. 11-12.30 29. maj 17. juni"
    )
    plans = meeting_plan("Møder 2026", text, date(2026, 2, 27))
    assert [p.date for p in plans] == [date(2026, 2, 27), date(2026, 5, 18)]


def test_another_committees_list_is_not_taken_for_dassos_meetings():
    text = (
        "Møder i DASSOS i 2021:\n• 11. februar (kl. 10-13)\n"
        "Møder i Forretningsudvalget 2021:\n• 24. marts"
    )
    title = "Mødeplan for DASSOS og Forretningsudvalget 2021"
    plans = meeting_plan(title, text, date(2020, 11, 23))
    assert [p.date for p in plans] == [date(2021, 2, 11)]


def test_the_next_meeting_sentence_is_a_planned_meeting():
    text = "Næste møde i DASSOS afholdes den 18. maj 2026.\n\nPunkter til mødet kan meldes ind."
    plans = meeting_plan("Punkter til næste møde i DASSOS", text, date(2026, 2, 27))
    assert [p.date for p in plans] == [date(2026, 5, 18)]
    assert upcoming(plans, date(2026, 5, 18)) == []
