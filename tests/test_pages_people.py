"""Person and organisation pages: attendance, items presented, representatives over time."""
import pytest

from minutes.models import Meeting, Organisation, Person
from tests.pages_data import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("archive")
def test_a_person_page_shows_meetings_attended_and_missed_and_roles(client):
    chair = Person.objects.get(name="Jesper Thyrring Møller")
    response = client.get(chair.get_absolute_url())
    html = response.content.decode()
    assert "<h1>Jesper Thyrring Møller</h1>" in html
    attendance = response.context["attendance"]
    assert attendance["present"] + attendance["absent"] == chair.participations.count()
    assert f"Deltog i {attendance['present']} møder" in html
    assert "formand" in html
    assert 'href="/moeder/2024-03-01/dassos/"' in html


@pytest.mark.usefixtures("archive")
def test_a_person_page_lists_the_items_presented(client):
    katrine = Person.objects.get(name="Katrine Axél")
    html = client.get(katrine.get_absolute_url()).content.decode()
    assert 'href="/moeder/2026-02-27/dassos/punkt/1.8/"' in html
    assert "Godkendelse af lukning af botilbuddet Kollegiet" in html


@pytest.mark.usefixtures("archive")
def test_an_organisation_page_shows_its_representatives_over_time(client):
    struer = Organisation.objects.get(name="Struer Kommune")
    response = client.get(struer.get_absolute_url())
    html = response.content.decode()
    assert "<h1>Struer Kommune</h1>" in html
    people = [r["person__name"] for r in response.context["representatives"]]
    assert "Jesper Thyrring Møller" in people
    assert "Repræsenteret på" in html


@pytest.mark.usefixtures("archive")
def test_people_pages_leave_out_unpublished_meetings(client):
    Meeting.objects.get(date="2024-03-01").set_published(False)
    chair = Person.objects.get(name="Jesper Thyrring Møller")
    assert "/moeder/2024-03-01/" not in client.get(chair.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("archive")
def test_people_pages_take_a_fixed_number_of_queries(client):
    chair = Person.objects.get(name="Jesper Thyrring Møller")
    katrine = Person.objects.get(name="Katrine Axél")
    assert chair.presented_items.count() > 5 * katrine.presented_items.count() > 0
    for person in (chair, katrine):
        client.get(person.get_absolute_url())  # the cases of their items, remembered
    assert count_queries(client, chair.get_absolute_url()) == count_queries(
        client, katrine.get_absolute_url()
    ) == 3  # the person, the generation and the page rendered for it (fragment cache)
    struer = Organisation.objects.get(name="Struer Kommune")
    skive = Organisation.objects.get(name="Skive Kommune")
    assert struer.participations.count() > skive.participations.count()
    for organisation in (struer, skive):
        client.get(organisation.get_absolute_url())  # its cases, remembered until a change
    assert count_queries(client, struer.get_absolute_url()) == count_queries(
        client, skive.get_absolute_url()
    ) == 3  # the organisation, the generation and the page rendered for it


@pytest.mark.usefixtures("archive")
def test_a_person_page_rendered_once_shows_a_correction_at_once(client):
    """The page is kept per archive generation: a correction starts a new one."""
    chair = Person.objects.get(name="Jesper Thyrring Møller")
    assert "næstformand for alting" not in client.get(chair.get_absolute_url()).content.decode()
    participation = chair.participations.filter(meeting__date="2024-03-01").get()
    participation.role = "næstformand for alting"
    participation.save()
    assert "næstformand for alting" in client.get(chair.get_absolute_url()).content.decode()
