"""Search over everything: people and organisations by name, items by presenter and bilag
title, "Mente du …", facets whose counts are the pages they open, chips, word-bounded
snippets, and a word to English readers that the minutes are Danish."""
import re
from html import unescape

import pytest
from django.db import connection

from minutes.search import highlight

pytestmark = pytest.mark.django_db


def _items(response) -> set[tuple[str, str]]:
    return {(item.meeting.date.isoformat(), item.number) for item, _ in response.context["results"]}


@pytest.mark.usefixtures("archive")
def test_a_name_finds_the_person_first_and_the_items_they_presented(client):
    response = client.get("/soeg/?q=Bjarne+Hansen")
    html = response.content.decode()
    assert [p.name for p in response.context["people"]] == ["Bjarne Hansen"]
    assert html.index('href="/personer/bjarne-hansen/"') < html.index('id="results-heading"')
    assert response.context["page_obj"].paginator.count >= 2
    assert all("Bjarne Hansen" in item.presenters_text or "Bjarne Hansen" in item.referat
               for item, _ in response.context["results"])


@pytest.mark.usefixtures("archive")
def test_a_presenter_finds_the_items_she_presented_and_her_page(client):
    response = client.get("/soeg/?q=Katrine+Axél")
    assert {("2024-03-01", "1.4"), ("2026-02-27", "1.8")} <= _items(response)
    assert 'href="/personer/katrine-axel/"' in response.content.decode()


@pytest.mark.usefixtures("archive")
def test_an_organisation_is_offered_by_its_name(client):
    html = client.get("/soeg/?q=syddjurs").content.decode()
    assert 'href="/organisationer/syddjurs-kommune/"' in html


@pytest.mark.usefixtures("archive")
def test_a_bilag_title_finds_its_item(client):
    response = client.get("/soeg/?q=ledsageraftalen")
    assert ("2026-02-27", "1.5") in _items(response)


@pytest.mark.usefixtures("archive")
def test_a_misspelt_word_gets_a_suggestion_from_the_archives_own_words(client):
    response = client.get("/soeg/?q=kolegiet")
    html = unescape(response.content.decode())
    if connection.vendor == "postgresql":
        # pg_trgm finds the close title word itself.
        assert ("2026-02-27", "1.8") in _items(response)
    else:
        assert response.context["suggestion"] == "kollegiet"
        assert 'Mente du <a href="?q=kollegiet">kollegiet</a>?' in html
    assert not client.get("/soeg/?q=Kollegiet").context["suggestion"]


def _facet_links(html: str) -> list[tuple[str, int]]:
    facets = html[html.index('id="facets-heading"'):]
    return [(unescape(href), int(count)) for href, count in re.findall(
        r'<a href="(\?[^"]*)"[^>]*>[^<]*</a> <span class="count">(\d+)</span>', facets
    )]


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("start", [
    "?q=botilbud", "?q=DASSOS", "?q=rammeaftale&udfald=approved", "?q=takster&aar=2022",
])
def test_every_facet_count_is_the_number_of_results_on_the_page_it_opens(client, start):
    links = _facet_links(client.get(f"/soeg/{start}").content.decode())
    assert links
    for href, count in links:
        opened = client.get(f"/soeg/{href}")
        assert opened.context["page_obj"].paginator.count == count, href


@pytest.mark.usefixtures("archive")
def test_active_filters_are_chips_that_each_remove_one_filter(client):
    response = client.get("/soeg/?q=Kollegiet&aar=2024&udfald=approved")
    chips = response.context["chips"]
    assert [(c["name"], c["value"]) for c in chips] == [("År", "2024"), ("Udfald", "godkendt")]
    assert [c["href"] for c in chips] == ["?q=Kollegiet&udfald=approved", "?q=Kollegiet&aar=2024"]
    html = response.content.decode()
    assert 'aria-current="true"' in html
    assert client.get("/soeg/?q=Kollegiet&udfald=approved").context["page_obj"].paginator.count == 2


def test_a_snippet_starts_and_ends_at_whole_words():
    text = ("Indledning om mange forskellige forhold på området " * 5 + "botilbuddet Kollegiet "
            + "og derefter en lang forklaring om kapacitetsstyringen " * 8)
    shown = str(highlight(text, ["Kollegiet"], width=120))
    assert shown.startswith("… ") and shown.endswith(" …")
    inner = re.sub(r"</?mark>", "", shown[2:-2])
    assert f" {inner} " in f" {' '.join(text.split())} "
    assert "<mark>Kollegiet</mark>" in shown


@pytest.mark.usefixtures("archive")
def test_the_english_interface_says_the_minutes_are_danish_and_searches_as_typed(client):
    english = client.get("/soeg/?q=care+home", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The minutes are written in Danish" in english
    assert "results for “care home”" in english
    danish = client.get("/soeg/?q=botilbud", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert 'class="language-note"' not in danish


@pytest.mark.usefixtures("archive")
def test_the_items_a_person_presented_rank_above_those_that_mention_her(client):
    results = client.get("/soeg/?q=Katrine+Axél").context["results"]
    presented = ["Katrine Axél" in item.presenters_text for item, _ in results]
    assert presented == sorted(presented, reverse=True)
    assert presented[0]
