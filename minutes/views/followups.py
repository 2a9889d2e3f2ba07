"""Follow-ups: the list of what is open, due and overdue, each one's permalink page, and the
secretariat's decision on it (answered by the suggested item, done, dropped, reopened)."""
from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django_filters.views import FilterView

from ingest.views.access import REVIEW, secretariat
from minutes import public
from minutes.filters import FollowUpFilter
from minutes.followups import decide, due_window
from minutes.models import AgendaItem, FollowUp, Organisation, Person
from minutes.views.home import next_planned_meeting

PAGE_SIZE = 50


def visible_to(request: HttpRequest) -> QuerySet[FollowUp]:
    """What this reader may open: the public follow-ups, or every one for the secretariat."""
    if request.user.has_perm(REVIEW):
        return FollowUp.objects.all()
    return FollowUp.objects.public()


def public_links(followups: list[FollowUp]) -> tuple[set[int], set[int]]:
    """The people and organisations of `followups` that have a public page (one query each, none
    when no follow-up names one): someone known only from a draft gets no link."""
    people = {f.person_id for f in followups if f.person_id}
    organisations = {f.organisation_id for f in followups if f.organisation_id}
    return (
        set(Person.objects.public().filter(pk__in=people).values_list("pk", flat=True))
        if people else set(),
        set(Organisation.objects.public().filter(pk__in=organisations).values_list("pk", flat=True))
        if organisations else set(),
    )


def urgency(followup: FollowUp, today: date, due_until: date) -> str:
    """"overdue", "due" or "" for an open follow-up with a deadline; "" otherwise."""
    if not followup.is_open or followup.due is None:
        return ""
    if followup.due < today:
        return "overdue"
    return "due" if followup.due <= due_until else ""


class FollowUpListView(FilterView):
    """/opfoelgning/: open follow-ups by deadline, with what is due soon and overdue counted."""

    template_name = "minutes/followup_list.html"
    filterset_class = FollowUpFilter
    paginate_by = PAGE_SIZE
    context_object_name = "followups"

    def get(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        self.next_meeting = next_planned_meeting(self.today)
        self.due_until = due_window(self.today, self.next_meeting)
        return super().get(request, *args, **kwargs)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs.update(today=self.today, due_until=self.due_until)
        return kwargs

    def get_queryset(self):
        return public.followups()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["followups"])
        for followup in rows:
            followup.urgency = urgency(followup, self.today, self.due_until)
        is_open = Q(status=FollowUp.Status.OPEN, due__isnull=False)
        counts = FollowUp.objects.public().aggregate(
            open=Count("pk", filter=Q(status=FollowUp.Status.OPEN)),
            overdue=Count("pk", filter=is_open & Q(due__lt=self.today)),
            due=Count("pk", filter=is_open & Q(due__gte=self.today, due__lte=self.due_until)),
        )
        context.update(
            followups=rows,
            counts=counts,
            today=self.today,
            next_meeting=self.next_meeting,
            due_until=self.due_until,
        )
        return context


class FollowUpDetailView(DetailView):
    """/opfoelgning/<id>/: one follow-up, its item and its answer; the secretariat decides here."""

    template_name = "minutes/followup_detail.html"
    context_object_name = "followup"

    def get_queryset(self):
        return visible_to(self.request).select_related(
            "item__meeting__body", "answered_by__meeting__body",
            "suggested_answer__meeting__body", "status_changed_by", "person", "organisation",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        followup = self.object
        today = timezone.localdate()
        can_decide = self.request.user.has_perm(REVIEW)
        answer = followup.answered_by
        if answer is not None and not can_decide and not _public(answer):
            answer = None  # linked to an item of a meeting not (or no longer) public
        people, organisations = public_links([followup])
        followup.urgency = urgency(followup, today, due_window(today, next_planned_meeting(today)))
        context.update(
            answer=answer,
            can_decide=can_decide,
            public_people=people,
            public_organisations=organisations,
        )
        return context


def _public(item: AgendaItem) -> bool:
    return AgendaItem.objects.public().filter(pk=item.pk).exists()


@secretariat(REVIEW)
@require_POST
def decide_followup(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat's decision, from the permalink page's small form."""
    followup = get_object_or_404(FollowUp, pk=pk)
    action = request.POST.get("action", "")
    if decide(followup, action, request.user):
        messages.success(request, _("Opfølgningen er nu: %(status)s.") % {
            "status": followup.get_status_display()
        })
    else:
        messages.error(request, _("Der er intet foreslået svar at bekræfte."))
    return redirect(followup)
