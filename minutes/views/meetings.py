"""Meetings: the list by year and one meeting's page (who, where, the agenda and its outcomes)."""
from django.db.models import Count, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.http import Http404
from django.views.generic import DetailView, ListView

from minutes.models import AgendaItem, Meeting, Participant
from minutes.public import items_with_outcomes


def meeting_years() -> list[int]:
    return [d.year for d in Meeting.objects.public().dates("date", "year", order="DESC")]


class MeetingListView(ListView):
    """All published meetings, newest first, grouped by year in the template."""

    template_name = "minutes/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = 100

    def get_queryset(self):
        # A subquery, not GROUP BY: counted for the page's rows only, not for every meeting.
        items = AgendaItem.objects.filter(meeting=OuterRef("pk")).order_by().values("meeting")
        return (
            Meeting.objects.public()
            .select_related("body")
            .annotate(item_count=Subquery(items.annotate(n=Count("pk")).values("n")))
            .order_by("-date")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=meeting_years(), year=None, **kwargs)


class MeetingYearView(MeetingListView):
    def get_queryset(self):
        meetings = super().get_queryset().filter(date__year=self.kwargs["year"])
        if not meetings.exists():
            raise Http404("No meetings that year")
        return meetings

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["year"] = self.kwargs["year"]
        return context


def get_meeting(date: str) -> Meeting:
    """The published meeting on that ISO date (the first body by name if several met that day)."""
    meeting = (
        Meeting.objects.public()
        .select_related("body", "current_source")
        .filter(date=date)
        .order_by("body__name")
        .first()
    )
    if meeting is None:
        raise Http404("No published meeting on that date")
    return meeting


class MeetingDetailView(DetailView):
    template_name = "minutes/meeting_detail.html"
    context_object_name = "meeting"

    def get_object(self, queryset=None):
        meeting = get_meeting(self.kwargs["date"])
        participants = Participant.objects.select_related("person", "organisation")
        prefetch = [
            Prefetch("participants", queryset=participants.order_by("status", "order")),
            Prefetch("items", queryset=items_with_outcomes().order_by("order")),
        ]
        prefetch_related_objects([meeting], *prefetch)
        return meeting

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        participants = list(meeting.participants.all())
        others = Meeting.objects.public().exclude(pk=meeting.pk)
        context.update(
            present=[p for p in participants if p.status == Participant.Status.PRESENT],
            absent=[p for p in participants if p.status == Participant.Status.ABSENT],
            previous_meeting=others.filter(date__lt=meeting.date).order_by("-date").first(),
            next_meeting=others.filter(date__gt=meeting.date).order_by("date").first(),
        )
        return context
