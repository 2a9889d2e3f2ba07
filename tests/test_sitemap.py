"""The sitemap lists the public pages; the OpenSearch description lets browsers search."""
import xml.etree.ElementTree as ET

import pytest

from minutes.models import AgendaItem
from tests.opendata_fixtures import DRAFT_DATE, PUBLISHED_DATES, seeded  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def sitemap_urls(client) -> dict[str, str | None]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }


def test_the_sitemap_lists_published_meetings_and_their_items(client):
    urls = sitemap_urls(client)

    for day in PUBLISHED_DATES:
        assert f"http://testserver/moeder/{day}/" in urls
    item = AgendaItem.objects.filter(meeting__date="2021-11-25", number="2.3").get()
    assert f"http://testserver{item.get_absolute_url()}" in urls
    assert urls["http://testserver/moeder/2021-11-25/"]  # lastmod given
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
