"""One agenda item: its texts with cross-links, bilag, presenters, neighbours and related items."""
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from ingest.views.access import REVIEW
from minutes.case_links import same_case
from minutes.catalogue import catalogue_for
from minutes.crossref import announced_items
from minutes.followups import DUE_SOON
from minutes.models import AgendaItem, Decision, FollowUp
from minutes.views.meetings import choose, get_meeting

NEXT_MEETING_TITLE = "punkter til næste møde"


def source_link(meeting, page: int | None = None) -> str:
    """The stored original of a meeting's referat, at the item's page for a PDF."""
    source = meeting.current_source
    if source is None or not source.file or source.withheld:
        return ""
    url = reverse("opendata:source", kwargs={"pk": source.pk})
    if page and source.kind == "pdf":
        url += f"#page={page}"
    return url


class ItemDetailView(DetailView):
    template_name = "minutes/item_detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        meeting = get_meeting(self.kwargs["date"], self.kwargs["body"])
        item = (
            AgendaItem.objects.public()
            .filter(meeting=meeting, number=self.kwargs["number"])
            .prefetch_related(
                "presenters",
                "attachments",
                "topics",
                Prefetch("decisions", queryset=Decision.objects.order_by("order")),
                Prefetch("followups", queryset=FollowUp.objects.order_by("order")),
                # Earlier follow-ups this item answers (theirs, public only).
                Prefetch(
                    "answers",
                    queryset=FollowUp.objects.public().select_related("item__meeting__body"),
                    to_attr="answered_followups",
                ),
            )
            .first()
        )
        if item is None:
            raise Http404("No such item at that meeting")
        item.meeting = meeting
        today = timezone.localdate()
        for followup in item.followups.all():  # the "Opfølgning" block's marks
            if followup.is_open and followup.due is not None:
                followup.urgency = "overdue" if followup.due < today else (
                    "due" if followup.due <= today + DUE_SOON else ""
                )
        return item

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        catalogue = catalogue_for(item)
        here = item.meeting.date
        siblings = sorted(
            (c for c in catalogue.items if c.meeting_date == here),
            key=lambda c: _agenda_position(c.number),
        )
        index = next(n for n, c in enumerate(siblings) if c.pk == item.pk)
        links = same_case([item]).get(item.pk, [])
        announced = []
        if item.title.lower().startswith(NEXT_MEETING_TITLE):
            announced = announced_items(item.sagsfremstilling, here, catalogue)
        context.update(
            catalogue=catalogue,
            previous_item=siblings[index - 1] if index > 0 else None,
            next_item=siblings[index + 1] if index + 1 < len(siblings) else None,
            same_case=[s for s in links if s.confirmed],
            possibly_same_case=[s for s in links if not s.confirmed],
            may_decide_cases=self.request.user.has_perm(REVIEW),
            announced=announced,
            source_url=source_link(item.meeting, item.page_start),
        )
        return context


@require_safe
def item_on_date(request: HttpRequest, date: str, number: str) -> HttpResponse:
    """/moeder/2024-03-01/punkt/1.2/: that item of the meeting held that day, or the items of
    that number to choose from when several bodies met."""
    items = AgendaItem.objects.public().select_related("meeting__body")
    found = items.filter(meeting__date=date, number=number).order_by("meeting__body__name")
    return choose(request, date, list(found))


def _agenda_position(number: str) -> tuple:
    """Sort key for "1.2", "1.10", "4": numerically, part by part."""
    return tuple(int(p) if p.isdigit() else 0 for p in number.rstrip("'").split("."))
