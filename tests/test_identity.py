"""One Person and one Organisation per real one across meetings, OCR damage and admin merges."""
import pytest

from ingest.load import load_parsed
from ingest.store import store_bytes
from minutes.identity import (
    Resolver,
    is_ocr_variant,
    merge_organisations,
    merge_persons,
)
from minutes.models import AgendaItem, Organisation, Participant, Person
from tests.expected_parses import parsed_from_expectation

SEEDS_WITH_PARTICIPANTS = ["002_1f7ce8dd622acaf4", "003_3388be411b985e9f", "004_eed90c9ef06859eb"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _load_all(stems):
    for stem in stems:
        source, _ = store_bytes(stem.encode(), f"{stem}.txt")
        load_parsed(parsed_from_expectation(stem), source, published=True)


@pytest.mark.django_db
def test_the_chair_is_one_person_in_every_meeting_with_a_participant_list():
    _load_all(SEEDS_WITH_PARTICIPANTS)
    chair = Person.objects.get(name="Jesper Thyrring Møller")
    assert chair.participations.count() == 3
    assert set(chair.participations.values_list("role", flat=True)) == {"formand"}


@pytest.mark.django_db
def test_a_misspelt_name_lands_on_the_person_of_the_same_organisation():
    _load_all(SEEDS_WITH_PARTICIPANTS)
    # Seed 002 spells her "Ann-Britt Wetcbe"; 003 and 004 spell "Ann-Britt Wetche".
    people = Person.objects.filter(name__startswith="Ann-Britt")
    assert people.count() == 1
    assert people.get().participations.count() == 3
    assert {a.name for a in people.get().aliases.all()} == {"Ann-Britt Wetche", "Ann-Britt Wetcbe"}


@pytest.mark.django_db
def test_a_misspelt_name_lands_on_a_person_so_far_known_only_as_presenter():
    resolver = Resolver()
    presenter = resolver.person("Ann-Britt Wetche")
    region = resolver.organisation("Region Midtjylland")
    assert resolver.person("Ann-Britt Wetcbe", region) == presenter


@pytest.mark.django_db
def test_a_similar_name_in_another_organisation_is_another_person():
    _load_all(["004_eed90c9ef06859eb"])
    lemvig = Resolver().organisation("Lemvig Kommune")
    stranger = Resolver().person("Lotte Henriksem", lemvig)  # Lotte Henriksen is from Aarhus
    assert stranger.name == "Lotte Henriksem"


@pytest.mark.django_db
def test_the_kkr_secretariat_is_one_organisation_whatever_its_spelling():
    _load_all(SEEDS_WITH_PARTICIPANTS)
    kkr = Organisation.objects.filter(name__startswith="KKR")
    assert kkr.count() == 1
    assert kkr.get().kind == Organisation.Kind.SECRETARIAT


@pytest.mark.django_db
def test_ocr_variants_of_a_name_resolve_to_the_properly_spelt_person():
    resolver = Resolver()
    first = resolver.person("Brian Hgyer Lorentsen")
    second = resolver.person("Brian Hayer Lorentsen")
    proper = resolver.person("Brian Høyer Lorentsen")
    assert first == second == proper
    person = Person.objects.get()
    assert person.name == "Brian Høyer Lorentsen"
    assert person.slug == "brian-hoeyer-lorentsen"
    assert person.aliases.count() == 3


@pytest.mark.django_db
def test_a_name_corrected_by_hand_is_not_renamed_by_a_later_spelling():
    resolver = Resolver()
    person = resolver.person("Sgren Aalund")
    person.name = "Søren Ålund"
    person.name_locked = True
    person.save()
    assert Resolver().person("Søren Aalund") == person
    person.refresh_from_db()
    assert person.name == "Søren Ålund"


def test_ocr_variant_rules_accept_damaged_danish_letters_and_refuse_other_differences():
    assert is_ocr_variant("Thorbjgrn Aagaard", "Thorbjørn Aagaard")
    assert is_ocr_variant("Feellessekretariatet", "Fællessekretariatet")
    assert not is_ocr_variant("Lotte Hansen", "Lotte Hensen")
    assert not is_ocr_variant("Bjarne Hansen", "Bjarne Jansen")


@pytest.mark.django_db
def test_merging_two_persons_moves_attendance_and_presented_items_and_sticks():
    _load_all(["004_eed90c9ef06859eb"])
    keep = Person.objects.get(name="Lotte Junker Pedersen")
    other = Person.objects.get(name="Christian Brincker Nordbek")
    item = AgendaItem.objects.first()
    item.presenters.add(other)

    merge_persons(keep, other)

    assert not Person.objects.filter(pk=other.pk).exists()
    assert keep in item.presenters.all()
    assert Participant.objects.filter(person=keep).count() == 1  # same meeting: one place kept
    assert Resolver().person("Christian Brincker Nordbek") == keep


@pytest.mark.django_db
def test_merging_two_organisations_moves_their_representatives_and_sticks():
    _load_all(["004_eed90c9ef06859eb"])
    keep = Organisation.objects.get(name="Fælleskommunalt social- og sundhedssekretariat")
    other = Resolver().organisation("Fællessekretariatet")

    merge_organisations(keep, other)

    assert Resolver().organisation("Fællessekretariatet") == keep
    assert not Organisation.objects.filter(pk=other.pk).exists()
