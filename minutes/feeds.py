"""Atom feeds: new meetings, new decisions, one topic's decisions, any search's results, and
follow-ups."""
from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from minutes.models import AgendaItem, Decision, FollowUp, Meeting, Topic
from minutes.public import decisions as public_decisions
from minutes.public import followups as public_followups
from minutes.search import clean_query, matching
from minutes.text import printable

FEED_LENGTH = 50


def _midday(day) -> datetime:
    """A meeting's date as an entry's date: noon in Copenhagen keeps the day in every zone."""
    return datetime.combine(day, time(12), tzinfo=timezone.get_default_timezone())


class CleanFeed(Feed):
    """A feed whose every text is printable: stored text may hold a control character (a
    damaged font maps a glyph to ESC), and the XML writer would fail on it for every reader.

    Every feed names its author (Atom wants one for each entry; the feed's covers them all) and
    links to itself by exactly the address it was asked for."""

    author_name = _("DASSOS referatarkiv")

    def feed_url(self, obj=None) -> str:
        return self._self_url

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The archive's last change (set by the `condition` wrapper in urls_opendata) is the one
        # Last-Modified, so a 304 is answered by the same clock the header was given by.
        del response["Last-Modified"]
        return response

    def get_feed(self, obj, request):
        self._self_url = request.get_full_path()
        feed = super().get_feed(obj, request)
        feed.feed = {key: _printable(value) for key, value in feed.feed.items()}
        feed.items = [
            {key: _printable(value) for key, value in item.items()} for item in feed.items
        ]
        return feed


def _printable(value):
    if isinstance(value, list | tuple):
        return type(value)(printable(part) for part in value)
    return printable(value)


class MeetingsFeed(CleanFeed):
    feed_type = Atom1Feed
    title = _("DASSOS: nye referater")
    subtitle = _("Møder i DASSOS, efterhånden som referaterne offentliggøres.")

    def link(self) -> str:
        return reverse("minutes:meetings")

    def items(self):
        meetings = Meeting.objects.public().select_related("body")
        return meetings.order_by("-date")[:FEED_LENGTH]

    def item_title(self, item: Meeting) -> str:
        return f"{item.body.name} {date_format(item.date, 'j. F Y')}"

    def item_description(self, item: Meeting) -> str:
        where = ", ".join(part for part in (item.location, item.room) if part)
        return where or str(_("Referat af mødet."))

    def item_pubdate(self, item: Meeting) -> datetime:
        return _midday(item.date)

    def item_updateddate(self, item: Meeting) -> datetime:
        return item.updated_at


class DecisionsFeed(CleanFeed):
    """Each decision is an entry: the item's title, its outcome and the referat text."""

    feed_type = Atom1Feed
    title = _("DASSOS: nye beslutninger")
    subtitle = _("Beslutninger og referater fra DASSOS' møder, nyeste møde først.")

    def link(self) -> str:
        return reverse("minutes:decisions")

    def items(self):
        return public_decisions()[:FEED_LENGTH]

    def item_title(self, item: Decision) -> str:
        meeting = item.item.meeting
        return f"{item.item.number} {item.item.title} ({date_format(meeting.date, 'j. F Y')})"

    def item_description(self, item: Decision) -> str:
        return f"{item.get_outcome_display().capitalize()}. {item.text}".strip()

    def item_link(self, item: Decision) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Decision) -> str:
        # Body, date, item number and place: stable across re-ingests and host names.
        meeting = item.item.meeting
        return (
            f"tag:dassos-referatarkiv,2020:{meeting.body.slug}/{meeting.date.isoformat()}"
            f"/{item.item.number}/{item.order + 1}"
        )

    def item_categories(self, item: Decision) -> list[str]:
        return [str(item.get_outcome_display())]

    def item_pubdate(self, item: Decision) -> datetime:
        return _midday(item.item.meeting.date)

    def item_updateddate(self, item: Decision) -> datetime:
        return item.updated_at


class TopicDecisionsFeed(DecisionsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj: Topic) -> str:
        return _("DASSOS: beslutninger om %(topic)s") % {"topic": obj.name}

    def subtitle(self, obj: Topic) -> str:
        return obj.description or _("Beslutninger i DASSOS om emnet %(topic)s.") % {
            "topic": obj.name
        }

    def link(self, obj: Topic) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Topic):
        return public_decisions().filter(item__topics=obj)[:FEED_LENGTH]


class SearchFeed(CleanFeed):
    """The results of a search (?q=…), best first: subscribe to a saved search."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest) -> str:
        return clean_query(request.GET.get("q", "")).strip()

    def title(self, obj: str) -> str:
        return _("DASSOS: søgning efter »%(query)s«") % {"query": obj}

    def subtitle(self, obj: str) -> str:
        return _("Dagsordenspunkter i DASSOS' referater, der matcher søgningen.")

    def link(self, obj: str) -> str:
        return f"{reverse('minutes:search')}?{_query(obj)}"

    def items(self, obj: str):
        # Newest first, as a feed reader expects (and no need to rank every hit).
        items = matching(obj).order_by("-meeting__date", "order")
        return items.select_related("meeting__body").prefetch_related("decisions")[:FEED_LENGTH]

    def item_title(self, item: AgendaItem) -> str:
        return f"{item.number} {item.title} ({date_format(item.meeting.date, 'j. F Y')})"

    def item_description(self, item: AgendaItem) -> str:
        return item.referat or item.indstilling or item.sagsfremstilling

    def item_pubdate(self, item: AgendaItem) -> datetime:
        return _midday(item.meeting.date)

    def item_updateddate(self, item: AgendaItem) -> datetime:
        return item.updated_at


class FollowUpsFeed(CleanFeed):
    """Each follow-up is an entry, newest meeting first: who promised what, by when, and its
    status (an entry is updated when staff decide on it)."""

    feed_type = Atom1Feed
    title = _("DASSOS: opfølgning")
    subtitle = _("Hvem lovede hvad, til hvornår: opfølgninger fra DASSOS' referater.")

    def link(self) -> str:
        return reverse("minutes:followups")

    def items(self):
        return public_followups().order_by(
            "-item__meeting__date", "item__order", "order"
        )[:FEED_LENGTH]

    def item_title(self, item: FollowUp) -> str:
        return item.summary

    def item_description(self, item: FollowUp) -> str:
        meeting = item.item.meeting
        due = date_format(item.due, "j. F Y") if item.due else (item.due_text or _("ingen frist"))
        return _("Frist: %(due)s. Status: %(status)s. Fra %(body)s %(date)s, pkt. %(number)s "
                 "%(title)s.") % {
            "due": due, "status": item.get_status_display(), "body": meeting.body.name,
            "date": date_format(meeting.date, "j. F Y"), "number": item.item.number,
            "title": item.item.title,
        }

    def item_guid(self, item: FollowUp) -> str:
        return f"tag:dassos-referatarkiv,2020:opfoelgning/{item.pk}"

    def item_categories(self, item: FollowUp) -> list[str]:
        return [str(item.get_status_display())]

    def item_pubdate(self, item: FollowUp) -> datetime:
        return _midday(item.item.meeting.date)

    def item_updateddate(self, item: FollowUp) -> datetime:
        return item.updated_at


def _query(q: str) -> str:
    query = QueryDict(mutable=True)
    query["q"] = q
    return query.urlencode()


def last_change(request: HttpRequest, *args, **kwargs) -> datetime | None:
    """When anything public last changed (a meeting is stamped when any part of it changes):
    feeds and the calendar answer conditional requests (ETag/Last-Modified) with it."""
    from django.db.models import Max

    return Meeting.objects.public().aggregate(latest=Max("updated_at"))["latest"]
