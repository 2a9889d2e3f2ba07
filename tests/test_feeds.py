"""Atom feeds: new meetings, new decisions, one topic's decisions, a search's results."""
import xml.etree.ElementTree as ET

import pytest

from minutes.models import AgendaItem, Decision, Topic
from tests.opendata_fixtures import DRAFT_DATE, PUBLISHED_DATES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    for entry in feed.iter(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    return feed


def entries(feed: ET.Element) -> list[dict]:
    return [
        {
            "title": e.findtext(f"{ATOM}title"),
            "id": e.findtext(f"{ATOM}id"),
            "link": e.find(f"{ATOM}link").get("href"),
            "summary": e.findtext(f"{ATOM}summary") or "",
            "categories": [c.get("term") for c in e.findall(f"{ATOM}category")],
        }
        for e in feed.iter(f"{ATOM}entry")
    ]


def test_the_meetings_feed_lists_published_meetings_newest_first(client):
    found = entries(atom(client, "/moeder/feed/"))

    links = [e["link"] for e in found]
    assert links == [f"http://testserver/moeder/{d}/dassos/" for d in sorted(PUBLISHED_DATES)[::-1]]
    assert found[0]["title"] == "DASSOS 27. februar 2026"
    assert all(DRAFT_DATE not in link for link in links)


def test_the_decisions_feed_has_one_entry_per_decision_with_its_outcome(client):
    found = entries(atom(client, "/beslutninger/feed/"))

    published = Decision.objects.filter(item__meeting__status="published")
    assert len(found) == min(50, published.count())
    assert len({e["id"] for e in found}) == len(found)
    assert all(e["id"].startswith("tag:dassos-referatarkiv,2020:dassos/") for e in found)
    assert all(DRAFT_DATE not in e["link"] for e in found)
    newest = found[0]
    assert "/moeder/2026-02-27/dassos/punkt/" in newest["link"]
    assert newest["categories"] and newest["categories"][0] in newest["summary"].lower()


def test_a_topic_feed_has_only_decisions_on_that_topic(client):
    topic = Topic.objects.filter(items__meeting__status="published").first()
    feed = atom(client, f"/emner/{topic.slug}/feed/")

    assert topic.name in feed.findtext(f"{ATOM}title")
    found = entries(feed)
    assert found
    tagged = {
        f"http://testserver{item.get_absolute_url()}"
        for item in AgendaItem.objects.filter(topics=topic, meeting__status="published")
    }
    assert {e["link"] for e in found} <= tagged


def test_an_unknown_topic_has_no_feed(client):
    assert client.get("/emner/findes-ikke/feed/").status_code == 404


def test_any_search_has_a_feed_of_its_results(client):
    feed = atom(client, "/soeg/feed/?q=mødeplan")

    titles = [e["title"] for e in entries(feed)]
    assert any("Mødeplan for DASSOS 2022" in title for title in titles)
    self_link = next(
        link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"
    )
    assert self_link.startswith("http://testserver/soeg/feed/?q=m")
    assert "mødeplan" in feed.findtext(f"{ATOM}title")


def test_a_search_feed_without_a_query_is_empty(client):
    assert entries(atom(client, "/soeg/feed/")) == []


def test_feed_text_from_the_referat_is_escaped(client):
    item = AgendaItem.objects.filter(meeting__status="published").first()
    item.referat = "<script>alert(1)</script> Xylofonhuset godkendt."
    item.save()
    response = client.get("/soeg/feed/?q=Xylofonhuset")

    assert b"<script>" not in response.content
    assert "<script>alert(1)</script> Xylofonhuset godkendt." in [e["summary"] for e in entries(
        ET.fromstring(response.content)
    )]


@pytest.mark.parametrize(
    "url", ["/moeder/feed/", "/beslutninger/feed/", "/soeg/feed/?q=rammeaftale+takster&x=1"]
)
def test_every_feed_names_its_author_and_links_itself_by_the_address_asked(client, url):
    import feedparser

    parsed = feedparser.parse(client.get(url).content)
    assert not parsed.bozo
    assert parsed.feed.author == "DASSOS referatarkiv"
    self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
    assert self_link == f"http://testserver{url}"
    ids = [entry.id for entry in parsed.entries]
    assert ids and len(ids) == len(set(ids))


@pytest.mark.parametrize("url", ["/moeder/feed/", "/beslutninger/feed/", "/kalender.ics"])
def test_feeds_and_the_calendar_answer_not_modified_until_the_archive_changes(client, url):
    from datetime import timedelta

    from django.utils import timezone

    from minutes.models import Meeting

    # The archive as it stood an hour ago (Last-Modified counts whole seconds).
    Meeting.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    first = client.get(url)
    since = first["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    decision = Decision.objects.public().first()
    decision.text += " Tilføjet."
    decision.save()
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 200
