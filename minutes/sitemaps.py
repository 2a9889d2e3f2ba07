"""The sitemap: published meetings and their items, topics, people, organisations and
follow-ups."""
from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from minutes.models import AgendaItem, Case, FollowUp, Meeting, Organisation, Person, Topic


class StaticSitemap(Sitemap):
    """The list pages a visitor starts from."""

    changefreq = "weekly"
    priority = 0.8

    def items(self) -> list[str]:
        return [
            "minutes:home", "minutes:meetings", "minutes:decisions", "minutes:topics",
            "minutes:people", "minutes:organisations", "minutes:followups",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class LatestChange:
    """The index's lastmod for a section from one aggregate, not by reading every object
    (Django's default, seconds for 300,000 items)."""

    def get_latest_lastmod(self) -> datetime | None:
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]


class MeetingSitemap(LatestChange, Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Meeting.objects.public().select_related("body").order_by("-date")

    def lastmod(self, obj: Meeting) -> datetime:
        return obj.updated_at


class ItemSitemap(LatestChange, Sitemap):
    changefreq = "yearly"
    priority = 0.5
    limit = 5000

    def items(self):
        return (
            AgendaItem.objects.public()
            .select_related("meeting__body")
            .order_by("-meeting__date", "order")
        )

    def lastmod(self, obj: AgendaItem) -> datetime:
        return obj.updated_at


class CaseSitemap(Sitemap):
    """Each public case's page (/sager/<slug>/)."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Case.objects.public().order_by("name")

    def lastmod(self, obj: Case) -> datetime:
        return obj.updated_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Topic.objects.with_public_items().order_by("name")


class PersonSitemap(LatestChange, Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Person.objects.public().order_by("name")

    def lastmod(self, obj: Person) -> datetime:
        return obj.updated_at


class OrganisationSitemap(LatestChange, Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Organisation.objects.public().order_by("name")

    def lastmod(self, obj: Organisation) -> datetime:
        return obj.updated_at


class FollowUpSitemap(LatestChange, Sitemap):
    """Each follow-up's permalink page."""

    changefreq = "weekly"
    priority = 0.4
    limit = 5000

    def items(self):
        return FollowUp.objects.public().order_by("pk")

    def lastmod(self, obj: FollowUp) -> datetime:
        return obj.updated_at


SITEMAPS = {
    "pages": StaticSitemap,
    "meetings": MeetingSitemap,
    "items": ItemSitemap,
    "topics": TopicSitemap,
    "cases": CaseSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
    "followups": FollowUpSitemap,
}
