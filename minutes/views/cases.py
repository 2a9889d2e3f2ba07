"""Cases (sager): the list, one case's steps in time order, and staff deciding a suggestion."""
from datetime import date
from typing import NamedTuple

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from ingest.views.access import REVIEW, secretariat
from minutes.aggregates import cached
from minutes.case_building import confirm, reject
from minutes.models import AgendaItem, Case, CaseItem, Decision

PAGE_SIZE = 50
DECIDE = REVIEW  # who corrects what was read may say what is one case


class CaseRow(NamedTuple):
    """What the list shows of a case: plain values, which a cache hands back several times
    faster than model instances (every request to the list reads all of them)."""

    name: str
    slug: str
    status: str
    public_item_count: int
    first_date: date
    last_date: date

    def get_absolute_url(self) -> str:
        return reverse("minutes:case", kwargs={"slug": self.slug})


def public_cases() -> list[CaseRow]:
    """Every public case with its span, newest step first: read once per archive change (the
    spans group every link of every case)."""
    return cached("case-list-rows", [], lambda: [
        CaseRow(*row) for row in
        Case.objects.public().with_public_span().order_by("-last_date", "name")
        .values_list("name", "slug", "status", "public_item_count", "first_date", "last_date")
    ])


class CaseListView(ListView):
    """/sager/?q=: public cases by their newest step, searchable by name."""

    template_name = "minutes/case_list.html"
    context_object_name = "cases"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()[:100]
        cases = public_cases()
        if self.query:
            wanted = self.query.casefold()
            cases = [case for case in cases if wanted in case.name.casefold()]
        return cases

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(query=self.query, total=context["paginator"].count)
        return context


class CaseDetailView(DetailView):
    """/sager/<slug>/: each step (meeting, item, decision, outcome, bilag), oldest first."""

    template_name = "minutes/case_detail.html"
    context_object_name = "case"

    def get_queryset(self):
        return Case.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        steps = list(
            CaseItem.objects.public()
            .filter(case=self.object)
            .select_related("item__meeting__body")
            .prefetch_related(
                Prefetch("item__decisions", queryset=Decision.objects.order_by("order")),
                "item__attachments",
            )
            .order_by("item__meeting__date", "item__order")
        )
        context.update(steps=steps, first=steps[0].item.meeting, last=steps[-1].item.meeting)
        return context


@require_POST
@secretariat(DECIDE)
def decide(request: HttpRequest, slug: str) -> HttpResponse:
    """Confirm or reject, from an item's page, that another item is a step of the same case.

    Confirming confirms both items in the case; rejecting takes the other item out of it, for
    good (a later suggestion does not put it back).
    """
    case = get_object_or_404(Case, slug=slug)
    items = AgendaItem.objects.public().select_related("meeting__body")
    here = get_object_or_404(items, pk=request.POST.get("item"))
    other = get_object_or_404(items, pk=request.POST.get("other"))
    action = request.POST.get("action")
    if action == "confirm":
        confirm(case, [here, other], request.user)
        messages.success(request, _("Bekræftet som samme sag: %(case)s.") % {"case": case.name})
    elif action == "reject":
        reject(case, other, request.user)
        messages.success(
            request, _("%(item)s er taget ud af sagen %(case)s.")
            % {"item": f"{other.number} {other.title}", "case": case.name}
        )
    else:
        return HttpResponse(status=400)
    return redirect(here.get_absolute_url())
