"""Meetings: the list by year and one meeting's page (who, where, the agenda and its outcomes)."""
from __future__ import annotations

import datetime

from django.db.models import Count, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from minutes.models import AgendaItem, Body, Meeting, Participant
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
        meetings = (
            Meeting.objects.public()
            .select_related("body")
            .annotate(item_count=Subquery(items.annotate(n=Count("pk")).values("n")))
            .order_by("-date")
        )
        body = self.request.GET.get("udvalg")
        return meetings.filter(body__slug=body) if body else meetings

    def get_context_data(self, **kwargs):
        bodies = list(Body.objects.public().order_by("name"))
        return super().get_context_data(
            years=meeting_years(),
            year=None,
            bodies=bodies if len(bodies) > 1 else [],
            body=self.request.GET.get("udvalg", ""),
            **kwargs,
        )


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


def get_meeting(date: str, body: str) -> Meeting:
    """The published meeting of the body (its slug) on that ISO date."""
    meeting = (
        Meeting.objects.public()
        .select_related("body", "current_source")
        .filter(date=date, body__slug=body)
        .first()
    )
    if meeting is None:
        raise Http404("No published meeting of that body on that date")
    return meeting


def choose(request: HttpRequest, day: str, choices: list[Meeting] | list[AgendaItem]):
    """One meeting (or item) on that day: go there. Several, as bodies met the same day: a page
    to choose from. The redirect is temporary: another body's meeting that day may be
    published later."""
    if not choices:
        raise Http404("Nothing published on that date")
    if len(choices) == 1:
        return redirect(choices[0])
    context = {"day": datetime.date.fromisoformat(day), "choices": choices}
    return render(request, "minutes/meeting_choice.html", context)


@require_safe
def meeting_on_date(request: HttpRequest, date: str) -> HttpResponse:
    """/moeder/2024-03-01/: the meeting held that day, or the meetings to choose from."""
    meetings = Meeting.objects.public().select_related("body").filter(date=date)
    return choose(request, date, list(meetings.order_by("body__name")))


class MeetingDetailView(DetailView):
    template_name = "minutes/meeting_detail.html"
    context_object_name = "meeting"

    def get_object(self, queryset=None):
        meeting = get_meeting(self.kwargs["date"], self.kwargs["body"])
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
        # The same body's meetings before and after.
        others = Meeting.objects.public().filter(body=meeting.body_id).select_related("body")
        context.update(
            present=[p for p in participants if p.status == Participant.Status.PRESENT],
            absent=[p for p in participants if p.status == Participant.Status.ABSENT],
            previous_meeting=others.filter(date__lt=meeting.date).order_by("-date").first(),
            next_meeting=others.filter(date__gt=meeting.date).order_by("date").first(),
        )
        return context
