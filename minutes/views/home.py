"""The home page: latest meetings and their decisions, planned meetings, search, topics."""
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import TemplateView

from minutes.aggregates import cached
from minutes.followups import DUE_SOON
from minutes.models import AgendaItem, Meeting
from minutes.planned_dates import PlannedMeeting, announced_meetings
from minutes.public import followups, items_with_outcomes, topics_with_counts

LATEST = 3
DUE_SHOWN = 8  # follow-ups listed as due before the next meeting
PLAN_SOURCES = 3  # the newest referater whose meeting plans are read


def announced_plans() -> tuple[list[PlannedMeeting], date | None]:
    """The meetings the newest referater announce, by date, and the newest referat's date."""
    recent = list(Meeting.objects.public().order_by("-date")[:PLAN_SOURCES])
    texts: dict[int, list[tuple[str, str]]] = {}
    items = (
        AgendaItem.objects.public()
        .filter(meeting__in=recent)
        .only("meeting_id", "title", "sagsfremstilling", "referat", "other_parts")
        .order_by("order")
    )
    for item in items:
        text = "\n".join([item.sagsfremstilling, item.referat, *item.other_parts.values()])
        texts.setdefault(item.meeting_id, []).append((item.title, text))
    by_date: dict[date, PlannedMeeting] = {}
    for meeting in sorted(recent, key=lambda m: m.date):  # a later referat's details win
        for plan in announced_meetings(texts.get(meeting.pk, []), meeting_date=meeting.date):
            by_date[plan.date] = plan
    return [by_date[d] for d in sorted(by_date)], recent[0].date if recent else None


def planned_meetings(today: date, summary: dict | None = None) -> tuple[list[PlannedMeeting], bool]:
    """Meetings the newest referater announce after today; else those after the newest
    referat, flagged False (the archive has no plan reaching past today)."""
    plans, newest = (summary or archive_summary())["plans"]
    coming = [plan for plan in plans if plan.date >= today]
    if coming:
        return coming, True
    return [plan for plan in plans if plan.date > (newest or today)], False


def next_planned_meeting(today: date) -> date | None:
    """The next meeting date the newest referater announce, if any lies ahead."""
    planned, future = planned_meetings(today)
    return planned[0].date if future and planned else None


def archive_summary() -> dict:
    """What the home page says of the whole archive, counted once per change of the archive:
    announced meetings, the topics that hold published items (with `item_count`), and the
    number of meetings."""
    return cached("home", [], lambda: {
        "plans": announced_plans(),
        "topics": [topic for topic in topics_with_counts() if topic.item_count],
        "meeting_count": Meeting.objects.public().count(),
    })


class HomeView(TemplateView):
    template_name = "minutes/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = Meeting.objects.public().select_related("body").prefetch_related(
            Prefetch("items", queryset=items_with_outcomes().order_by("order"))
        )[:LATEST]
        summary = archive_summary()
        planned, future = planned_meetings(timezone.localdate(), summary)
        next_date = planned[0].date if future and planned else None
        # Due before the next planned meeting; without a plan, within the coming 30 days.
        today = timezone.localdate()
        due_until = next_date or today + DUE_SOON
        # Deadlines since the newest meeting are still for the next one; older ones are only
        # counted, or a decade of unanswered promises would crowd out what is due now.
        meetings = list(meetings)
        since = min(meetings[0].date, today) if meetings else today
        context.update(
            due_followups=list(followups().due(since, due_until)[:DUE_SHOWN]),
            overdue_count=followups().overdue(since).count(),
            due_until=due_until,
            next_meeting=next_date,
            latest_meetings=meetings,
            planned=planned,
            planned_is_future=future,
            topics=summary["topics"],
            meeting_count=summary["meeting_count"],
        )
        return context
