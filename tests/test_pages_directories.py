"""The directories of people and organisations, and what a person's or organisation's page
adds: roles over time and the organisation's cases."""
import pytest

from minutes.models import Meeting, Organisation, Person
from tests.pages_data import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("archive")
def test_the_people_directory_lists_everyone_with_counts(client):
    response = client.get("/personer/")
    html = response.content.decode()
    assert response.context["total"] == Person.objects.public().count()
    assert f"{Person.objects.public().count()} personer" in html
    bjarne = next(p for p in response.context["people"] if p.name == "Bjarne Hansen")
    assert bjarne.meetings == bjarne.participations.filter(status="present").count() > 0
    assert bjarne.presented_count == bjarne.presented_items.count() > 0
    assert 'href="/personer/bjarne-hansen/"' in html
    # Someone who only presented still has active years, from the items presented.
    brian = next(p for p in response.context["people"] if p.name == "Brian Høyer Lorentsen")
    assert brian.first_year and brian.meetings == 0


@pytest.mark.usefixtures("archive")
def test_the_people_directory_filters_by_organisation_and_active_year(client):
    syddjurs = Organisation.objects.get(name="Syddjurs Kommune")
    people = client.get(f"/personer/?organisation={syddjurs.slug}").context["people"]
    assert [p.name for p in people] == ["Katrine Axél"]
    in_2026 = {p.name for p in client.get("/personer/?aar=2026").context["people"]}
    assert "Katrine Axél" in in_2026  # presented in 2026, whose referat lists nobody
    assert "Jesper Thyrring Møller" not in in_2026
    assert list(client.get("/personer/?aar=1999").context["people"]) == []


@pytest.mark.usefixtures("archive")
def test_the_organisation_directory_groups_the_kommuner_the_region_and_the_secretariats(client):
    response = client.get("/organisationer/")
    html = response.content.decode()
    assert "19 kommuner, 1 region" in html
    assert '<h2 id="kind-municipality">Kommuner' in html
    syddjurs = next(o for g in response.context["groups"] for o in g["organisations"]
                    if o.name == "Syddjurs Kommune")
    assert syddjurs.people == 1 and syddjurs.meetings == 3
    regions = client.get("/organisationer/?type=region").context["groups"]
    assert [o.name for g in regions for o in g["organisations"]] == ["Region Midtjylland"]


@pytest.mark.usefixtures("archive")
def test_a_person_page_shows_roles_over_time_without_an_empty_role_column(client):
    katrine = Person.objects.get(name="Katrine Axél")
    response = client.get(katrine.get_absolute_url())
    html = response.content.decode()
    assert "Roller over tid" in html
    assert [(r["organisation__name"], r["meetings"]) for r in response.context["roles"]] == [
        ("Syddjurs Kommune", 3)
    ]
    assert not response.context["any_role"]
    assert "<th scope=\"col\">Rolle</th><th scope=\"col\">Fremmøde" not in html
    chair = Person.objects.get(name="Jesper Thyrring Møller")
    assert "formand" in client.get(chair.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("archive")
def test_an_organisation_page_lists_its_cases_even_from_a_referat_without_participants(client):
    syddjurs = Organisation.objects.get(name="Syddjurs Kommune")
    html = client.get(syddjurs.get_absolute_url()).content.decode()
    assert "Godkendelse af lukning af botilbuddet Kollegiet" in html
    assert 'href="/moeder/2026-02-27/dassos/punkt/1.8/"' in html
    assert 'href="/moeder/2024-03-01/dassos/punkt/1.4/"' in html
    rows = client.get(f"/beslutninger/?organisation={syddjurs.slug}").context["decisions"]
    assert {("2026-02-27", "1.8"), ("2024-03-01", "1.4")} <= {
        (d.item.meeting.date.isoformat(), d.item.number) for d in rows
    }


@pytest.mark.usefixtures("archive")
def test_the_directories_leave_out_unpublished_meetings(client):
    Meeting.objects.get(date="2026-02-27").set_published(False)
    Meeting.objects.get(date="2024-03-01").set_published(False)
    in_2026 = client.get("/personer/?aar=2026").context["people"]
    assert list(in_2026) == []
    syddjurs = Organisation.objects.get(name="Syddjurs Kommune")
    html = client.get(syddjurs.get_absolute_url()).content.decode()
    assert "Kollegiet" not in html


@pytest.mark.usefixtures("archive")
def test_the_directories_are_in_the_sitemap(client):
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert "/personer/</loc>" in xml and "/organisationer/</loc>" in xml


@pytest.mark.usefixtures("archive")
def test_the_directories_take_a_fixed_number_of_queries(client):
    client.get("/personer/")  # fills the cached choices
    everyone = count_queries(client, "/personer/")
    one = count_queries(client, "/personer/?organisation=syddjurs-kommune")
    # The counts for everyone come from the cache (with the generation they belong to).
    assert everyone == one == 8
    client.get("/organisationer/")
    assert count_queries(client, "/organisationer/") == count_queries(
        client, "/organisationer/?type=region") == 5
