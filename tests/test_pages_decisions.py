"""The decisions list: filters, facet counts, sorting, paging and CSV export."""
import csv
import io

import pytest
from django.db import connection

from minutes.models import Decision, Meeting, Organisation, Outcome, Person
from tests.pages_data import count_queries

pytestmark = pytest.mark.django_db


def _rows(response) -> list:
    return list(response.context["decisions"])


@pytest.mark.usefixtures("archive")
def test_it_lists_every_published_decision_newest_first(client):
    response = client.get("/beslutninger/")
    assert response.context["total"] == Decision.objects.count()
    dates = [d.item.meeting.date for d in _rows(response)]
    assert dates == sorted(dates, reverse=True)
    assert dates[0].isoformat() == "2026-02-27"


@pytest.mark.usefixtures("archive")
def test_it_filters_by_topic_and_outcome(client):
    response = client.get("/beslutninger/?topic=botilbud&outcome=approved")
    titles = [d.item.title for d in _rows(response)]
    assert any("Kollegiet" in t for t in titles)
    assert all(d.outcome == Outcome.APPROVED for d in _rows(response))
    assert all(d.item.topics.filter(slug="botilbud").exists() for d in _rows(response))


@pytest.mark.usefixtures("archive")
def test_it_filters_by_date_range_and_section(client):
    response = client.get(
        "/beslutninger/?date_from=2021-01-01&date_to=2022-12-31&section=Orienteringspunkter"
    )
    rows = _rows(response)
    assert rows
    assert {d.item.meeting.date.year for d in rows} == {2021, 2022}
    assert {d.item.section for d in rows} == {"Orienteringspunkter"}


@pytest.mark.usefixtures("archive")
def test_it_filters_by_presenter_and_by_the_presenters_organisation(client):
    katrine = Person.objects.get(name="Katrine Axél")
    rows = _rows(client.get(f"/beslutninger/?presenter={katrine.slug}"))
    assert rows and all(katrine in d.item.presenters.all() for d in rows)
    syddjurs = Organisation.objects.get(name__startswith="Syddjurs")
    org_rows = _rows(client.get(f"/beslutninger/?organisation={syddjurs.slug}"))
    assert {d.item.title for d in org_rows} >= {
        d.item.title for d in rows if d.item.meeting.participants.filter(
            person=katrine, organisation=syddjurs).exists()
    }
    assert org_rows


@pytest.mark.usefixtures("archive")
def test_free_text_narrows_the_list(client):
    rows = _rows(client.get("/beslutninger/?q=Kollegiet"))
    assert sorted((d.item.meeting.date.isoformat(), d.item.number) for d in rows) == [
        ("2024-03-01", "1.4"),
        ("2026-02-27", "1.8"),
    ]


@pytest.mark.usefixtures("archive")
def test_facets_count_the_filtered_decisions(client):
    response = client.get("/beslutninger/?topic=rammeaftale")
    facets = response.context["facets"]
    total = response.context["total"]
    assert sum(f["count"] for f in facets["outcome"]) == total
    assert sum(f["count"] for f in facets["year"]) == total
    rammeaftale = next(f for f in facets["topic"] if f["value"] == "rammeaftale")
    assert rammeaftale["count"] == total
    html = response.content.decode()
    assert "?topic=rammeaftale&amp;outcome=approved" in html


@pytest.mark.usefixtures("archive")
def test_it_sorts_by_title_and_by_oldest_date(client):
    titles = [d.item.title for d in _rows(client.get("/beslutninger/?sort=title"))]
    assert titles == sorted(titles)
    dates = [d.item.meeting.date for d in _rows(client.get("/beslutninger/?sort=date"))]
    assert dates == sorted(dates)


@pytest.mark.usefixtures("archive")
def test_it_pages_through_the_list_keeping_the_filters(client):
    first = client.get("/beslutninger/?outcome=noted")
    total = first.context["total"]
    assert total > 25
    html = first.content.decode()
    assert 'href="?outcome=noted&amp;page=2"' in html
    second = client.get("/beslutninger/?outcome=noted&page=2")
    assert len(_rows(second)) == total - 25


@pytest.mark.usefixtures("archive")
def test_the_csv_export_holds_the_filtered_decisions(client):
    response = client.get("/beslutninger.csv?topic=botilbud")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Dato", "Punkt", "Afsnit", "Titel", "Udfald"]
    expected = Decision.objects.filter(item__topics__slug="botilbud").count()
    assert len(rows) - 1 == expected
    assert any("Kollegiet" in row[3] and row[4] == "godkendt" for row in rows[1:])
    assert all(row[8].startswith("http://testserver/moeder/") for row in rows[1:])


@pytest.mark.usefixtures("archive")
def test_the_csv_has_one_address_and_the_older_one_leads_there(client):
    response = client.get("/beslutninger/?topic=botilbud&format=csv")
    assert response.status_code == 301
    assert response["Location"] == "/beslutninger.csv?topic=botilbud"
    assert client.get("/beslutninger/?format=csv")["Location"] == "/beslutninger.csv"


@pytest.mark.usefixtures("archive")
def test_the_csv_export_defuses_spreadsheet_formulas(client):
    Decision.objects.filter(item__title__contains="Kollegiet").update(text="=HYPERLINK(\"x\")")
    response = client.get("/beslutninger.csv?q=Kollegiet")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert {row[5] for row in rows[1:]} == {"'=HYPERLINK(\"x\")"}


@pytest.mark.usefixtures("archive")
def test_unpublished_decisions_are_left_out_of_list_and_export(client):
    Meeting.objects.get(date="2026-02-27").set_published(False)
    response = client.get("/beslutninger/")
    assert all(d.item.meeting.date.year != 2026 for d in _rows(response))
    csv_text = client.get("/beslutninger.csv").content.decode("utf-8-sig")
    assert "2026-02-27" not in csv_text


@pytest.mark.usefixtures("archive")
def test_the_list_takes_the_same_number_of_queries_for_few_or_many_rows(client):
    year_2024 = "/beslutninger/?date_from=2024-01-01&date_to=2024-12-31"
    urls = {
        "3 rows": year_2024 + "&outcome=approved",
        "9 rows": year_2024,
        "25 rows": "/beslutninger/",
    }
    client.get("/beslutninger/?outcome=noted")  # caches what all filters share (choices)
    # First visit of a filter: its facet counts are computed, its form and facets rendered,
    # and all three cached (the body filter's choices are one of the queries). Each facet is
    # counted with the other filters only, so its counts are the pages its links open.
    first = {rows: count_queries(client, url) for rows, url in urls.items()}
    assert set(first.values()) == {38}, first
    # Later visits take them from the cache: the page's rows, their prefetches, the cache
    # (and, when the query filters, the filter form's validation).
    again = {rows: count_queries(client, url) for rows, url in urls.items()}
    assert again == {"3 rows": 12, "9 rows": 12, "25 rows": 8}, again
    # Free text on PostgreSQL: full-text hits counted; with few, each way of matching read by
    # itself (presenters, bilag titles, the word stemmed and looked up among the archive's
    # words) and the hits joined (minutes.search).
    text = 19 if connection.vendor == "postgresql" else 12
    count_queries(client, "/beslutninger/?q=Kollegiet")
    count_queries(client, "/beslutninger/?q=botilbud")
    two = count_queries(client, "/beslutninger/?q=Kollegiet")
    twelve = count_queries(client, "/beslutninger/?q=botilbud")
    assert two == twelve == text


@pytest.mark.usefixtures("archive")
def test_the_counts_follow_a_change_to_the_archive_at_once(client):
    before = client.get("/beslutninger/?topic=botilbud")
    meeting = Meeting.objects.get(date="2026-02-27")
    withdrawn = Decision.objects.filter(
        item__meeting=meeting, item__topics__slug="botilbud"
    ).count()
    assert withdrawn > 0
    meeting.set_published(False)
    after = client.get("/beslutninger/?topic=botilbud")
    assert after.context["total"] == before.context["total"] - withdrawn
    assert sum(f["count"] for f in after.context["facets"]["outcome"]) == after.context["total"]


@pytest.mark.usefixtures("archive")
def test_the_cached_form_and_facets_follow_the_language_and_the_query(client):
    danish = client.get("/beslutninger/?topic=botilbud").content.decode()
    english = client.get(
        "/beslutninger/?topic=botilbud", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Filtrér" in danish and "Fordeling" in danish
    assert "Filter" in english and "Breakdown" in english and "Fordeling" not in english
    other = client.get("/beslutninger/?topic=botilbud&outcome=approved")
    assert '<option value="approved" selected>' in other.content.decode()


@pytest.mark.usefixtures("archive")
def test_a_decision_reads_as_a_whole_first_sentence_with_an_ellipsis_when_more_follows(client):
    html = client.get("/beslutninger/?date_from=2024-03-01&date_to=2024-03-01").content.decode()
    assert "som er blevet drøftet på temadagen 1. marts 2024: …" in html
    assert ("DASSOS drøftede graden af fælleskommunal koordinering ift. de midtjyske "
            "ansøgninger til lånepuljen 2025/26. …") in html
    assert "som er blevet drøftet på temadagen 1.</td>" not in html
    assert "koordinering ift.</td>" not in html


def _facet_links(html: str) -> list[tuple[str, int]]:
    import re
    from html import unescape

    facets = html[html.index('id="facets-heading"'):]
    return [(unescape(href), int(count)) for href, count in re.findall(
        r'<a href="(\?[^"]*)"[^>]*>[^<]*</a> <span class="count">(\d+)</span>', facets
    )]


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("start", [
    "?topic=rammeaftale&outcome=approved",
    "?outcome=noted",
    "?date_from=2022-01-01&date_to=2022-12-31&section=Orienteringspunkter",
    "?q=botilbud&topic=botilbud",
])
def test_every_facet_count_is_the_number_of_decisions_on_the_page_it_opens(client, start):
    links = _facet_links(client.get(f"/beslutninger/{start}").content.decode())
    assert len(links) > 4
    for href, count in links:
        assert client.get(f"/beslutninger/{href}").context["total"] == count, href


@pytest.mark.usefixtures("archive")
def test_active_filters_are_marked_and_shown_as_chips_that_remove_one_each(client):
    response = client.get("/beslutninger/?topic=rammeaftale&outcome=approved")
    chips = response.context["chips"]
    assert [(c["name"], c["value"]) for c in chips] == [
        ("Emne", "Rammeaftale"), ("Udfald", "godkendt")
    ]
    assert [c["href"] for c in chips] == ["?outcome=approved", "?topic=rammeaftale"]
    html = response.content.decode()
    assert 'aria-current="true">Rammeaftale</a>' in html
    assert 'aria-current="true">godkendt</a>' in html


@pytest.mark.usefixtures("archive")
def test_each_sort_order_is_offered_once(client):
    html = client.get("/beslutninger/").content.decode()
    assert "Nyeste først" in html and "Ældste først" in html
    assert "aftagende" not in html
