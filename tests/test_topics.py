"""Topic rules: word-prefix matching, compound words with a star, safe on hostile text."""
import pytest

from minutes.models import Topic
from minutes.topics import DEFAULT_TOPICS, matches


def test_a_term_matches_words_that_begin_with_it():
    assert matches("botilbud", ["Status på botilbuddet Kollegiet"])
    assert not matches("tilbud", ["Status på botilbuddet"])


def test_a_starred_term_matches_inside_compound_words():
    assert matches("*pladser", ["Behov for botilbudspladser"])
    assert matches("*takst", ["Takstaftale og takster 2023"])


def test_a_phrase_matches_across_inflections():
    assert matches("central udmelding", ["Centrale udmeldinger om hjerneskade"])


def test_rules_finish_on_hostile_text():
    # A backtracking pattern would hang here; the rules only join literals with disjoint classes.
    assert not matches("a b c d e", ["a" * 50_000 + " b" * 10_000])


@pytest.mark.django_db
def test_the_default_topics_are_seeded():
    assert set(Topic.objects.values_list("name", flat=True)) >= set(DEFAULT_TOPICS)
    assert Topic.objects.get(name="Børn og unge").slug == "boern-og-unge"
