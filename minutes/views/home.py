"""The home page: latest meetings and their decisions, planned meetings, search, topics."""
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.views.generic import TemplateView

from minutes.models import Topic
from minutes.planned import meeting_plan, upcoming
from minutes.views.common import PUBLISHED, items_with_outcomes, published_items, published_meetings

LATEST = 3
# "Møder 2026" as a title; written for both SQLite's and PostgreSQL's regex dialects.
PLAN_YEAR_TITLE = r"møder\s+(i\s+)?20[0-9][0-9]"


def planned_meetings(today) -> tuple[list, bool]:
    """Announced meetings after today; else those after the newest referat (flag False)."""
    plan_items = (
        published_items()
        .filter(
            Q(title__icontains="mødeplan")
            | Q(title__iregex=PLAN_YEAR_TITLE)
            | Q(sagsfremstilling__icontains="Næste møde i")
        )
        .select_related("meeting")
        .order_by("-meeting__date")[:12]
    )
    plans = [
        plan
        for item in plan_items
        for plan in meeting_plan(
            item.title, f"{item.sagsfremstilling}\n{item.referat}", item.meeting.date
        )
    ]
    coming = upcoming(plans, today)
    if coming:
        return coming, True
    newest = published_meetings().order_by("-date").values_list("date", flat=True).first()
    return (upcoming(plans, newest) if newest else []), False


class HomeView(TemplateView):
    template_name = "minutes/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = published_meetings().prefetch_related(
            Prefetch("items", queryset=items_with_outcomes().order_by("order"))
        )[:LATEST]
        planned, future = planned_meetings(timezone.localdate())
        topics = Topic.objects.annotate(
            item_count=Count("items", filter=Q(items__meeting__status=PUBLISHED))
        ).filter(item_count__gt=0)
        context.update(
            latest_meetings=meetings,
            planned=planned,
            planned_is_future=future,
            topics=topics,
            meeting_count=published_meetings().count(),
        )
        return context
