"""The sitemap lists the public pages; the OpenSearch description lets browsers search."""
import xml.etree.ElementTree as ET

import pytest

from minutes.models import AgendaItem
from tests.opendata_fixtures import DRAFT_DATE, PUBLISHED_DATES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def _xml(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)


def sitemap_urls(client) -> dict[str, str | None]:
    """Every URL of every sitemap (and page) the index at /sitemap.xml names."""
    index = _xml(client, "/sitemap.xml")
    assert index.tag == f"{SITEMAP}sitemapindex"
    urls = {}
    for entry in index.iter(f"{SITEMAP}sitemap"):
        part = _xml(client, entry.findtext(f"{SITEMAP}loc"))
        assert part.tag == f"{SITEMAP}urlset"
        urls.update(
            (url.findtext(f"{SITEMAP}loc"), url.findtext(f"{SITEMAP}lastmod"))
            for url in part.iter(f"{SITEMAP}url")
        )
    return urls


def test_every_item_is_listed_when_the_items_fill_several_pages(client, monkeypatch):
    monkeypatch.setattr("minutes.sitemaps.ItemSitemap.limit", 10)
    published = AgendaItem.objects.filter(meeting__status="published")
    assert published.count() > 20
    index = _xml(client, "/sitemap.xml")
    item_pages = [e.findtext(f"{SITEMAP}loc") for e in index.iter(f"{SITEMAP}sitemap")
                  if "sitemap-items" in e.findtext(f"{SITEMAP}loc")]
    assert len(item_pages) == -(-published.count() // 10)
    listed = sitemap_urls(client)
    assert all(f"http://testserver{item.get_absolute_url()}" in listed for item in published)


def test_the_sitemap_lists_published_meetings_and_their_items(client):
    urls = sitemap_urls(client)

    for day in PUBLISHED_DATES:
        assert f"http://testserver/moeder/{day}/dassos/" in urls
    item = AgendaItem.objects.filter(meeting__date="2021-11-25", number="2.3").get()
    assert f"http://testserver{item.get_absolute_url()}" in urls
    assert urls["http://testserver/moeder/2021-11-25/dassos/"]  # lastmod given
    assert "http://testserver/" in urls
    assert "http://testserver/beslutninger/" in urls


def test_the_sitemap_leaves_out_drafts(client):
    urls = sitemap_urls(client)

    assert not [url for url in urls if DRAFT_DATE in url]


def test_the_sitemap_lists_topics_people_and_organisations(client):
    urls = sitemap_urls(client)

    assert any("/emner/" in url for url in urls)
    assert "http://testserver/personer/jesper-thyrring-moeller/" in urls
    assert any("/organisationer/" in url for url in urls)


def test_the_opensearch_description_points_at_the_search_page_and_its_feed(client):
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ET.fromstring(response.content)

    assert root.tag == f"{OPENSEARCH}OpenSearchDescription"
    assert len(root.findtext(f"{OPENSEARCH}ShortName")) <= 16  # the spec's limit
    templates = {u.get("type"): u.get("template") for u in root.findall(f"{OPENSEARCH}Url")}
    assert templates["text/html"] == "http://testserver/soeg/?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://testserver/soeg/feed/?q={searchTerms}"


def test_every_page_advertises_the_search_and_the_feeds(client):
    html = client.get("/").content.decode()

    assert (
        '<link rel="search" type="application/opensearchdescription+xml"' in html
        and 'href="/opensearch.xml"' in html
    )
    assert 'type="application/atom+xml"' in html and 'href="/moeder/feed/"' in html
