"""Open data URLs: the OParl API, Atom feeds, the calendar, exports, sitemap and OpenSearch."""
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.views.decorators.http import condition

from dassos import health
from minutes import (
    calendar,
    converters,  # noqa: F401 - registers <isodate:…>
    downloads,
    exports,
    feeds,
)
from minutes.opensearch import opensearch
from minutes.sitemaps import SITEMAPS

# Feeds and the calendar answer "not modified" (304) when nothing public changed since.
fresh = condition(last_modified_func=feeds.last_change)

opendata = [
    path("robots.txt", health.robots, name="robots"),
    path("data/", exports.open_data, name="data"),
    path("sundhed/", health.health, name="health"),
    path("kilder/<int:pk>/", downloads.source, name="source"),
    path("kilder/<int:pk>/download/", downloads.source, {"download": True}, name="source-download"),
    path("bilag/<int:pk>/", downloads.bilag, name="bilag"),
    path("bilag/<int:pk>/download/", downloads.bilag, {"download": True}, name="bilag-download"),
    path("moeder/feed/", fresh(feeds.MeetingsFeed()), name="meetings-feed"),
    path("beslutninger/feed/", fresh(feeds.DecisionsFeed()), name="decisions-feed"),
    path("emner/<slug:slug>/feed/", fresh(feeds.TopicDecisionsFeed()), name="topic-feed"),
    path("soeg/feed/", fresh(feeds.SearchFeed()), name="search-feed"),
    path("kalender.ics", fresh(calendar.calendar_feed), name="calendar"),
    path("opfoelgning/feed/", fresh(feeds.FollowUpsFeed()), name="followups-feed"),
    path("opfoelgning.ics", fresh(calendar.followups_calendar), name="followups-calendar"),
    path("beslutninger.xlsx", exports.decisions_xlsx, name="decisions-xlsx"),
    path("moeder/<isodate:date>.json", exports.meeting_json_on_date, name="meeting-json-date"),
    path("moeder/<isodate:date>/<slug:body>.json", exports.meeting_json, name="meeting-json"),
    # An index of sitemaps, each in pages, as the protocol wants for more than 50,000 URLs.
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "opendata:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS, "template_name": "opendata/sitemap.xml"},
        name="sitemap-section",
    ),
    path("opensearch.xml", opensearch, name="opensearch"),
]

urlpatterns = [
    path("oparl/v1/", include("minutes.oparl.urls")),
    path("", include((opendata, "opendata"))),
]
