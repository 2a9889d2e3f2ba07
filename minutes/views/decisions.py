"""Every decision: filtered, counted per facet, sorted and paginated (exports: minutes.exports)."""

from django.db.models import Count, QuerySet
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.formats import date_format
from django_filters.views import FilterView

from minutes.aggregates import cached, generation
from minutes.filters import DecisionFilter
from minutes.models import Decision, Outcome, Topic
from minutes.public import decisions as public_decisions
from minutes.views.common import CountedPaginator, fragment_key

PAGE_SIZE = 25


def facets(decisions: QuerySet[Decision], only: str | None = None) -> dict[str, list[dict]]:
    """How many of `decisions` fall under each outcome, topic, section and year (`only`: that
    facet alone)."""
    plain = decisions.order_by()
    # COUNT(DISTINCT) only when a filter's join can repeat a decision (it then asks distinct()).
    count = Count("pk", distinct=decisions.query.distinct)
    topic_count = Count("items__decisions", distinct=True)
    outcome_names = dict(Outcome.choices)
    build = {
        "outcome": lambda: [
            {"value": row["outcome"], "label": outcome_names.get(row["outcome"]), "count": row["n"]}
            for row in plain.values("outcome").annotate(n=count)
            .order_by("-n", "outcome")
        ],
        # Counted on a join of its own: the topic filter's join would count only its topic.
        "topic": lambda: [
            {"value": row["slug"], "label": row["name"], "count": row["n"]}
            for row in Topic.objects.filter(items__decisions__in=plain.values("pk"))
            .values("slug", "name")
            .annotate(n=topic_count)
            .order_by("-n", "name")
        ],
        "section": lambda: [
            {"value": row["item__section"], "label": row["item__section"], "count": row["n"]}
            for row in plain.exclude(item__section="").values("item__section")
            .annotate(n=count)
            .order_by("-n", "item__section")
        ],
        "year": lambda: [
            {
                "value": row["item__meeting__date__year"],
                "date_from": f"{row['item__meeting__date__year']}-01-01",
                "date_to": f"{row['item__meeting__date__year']}-12-31",
                "count": row["n"],
            }
            for row in plain.values("item__meeting__date__year")
            .annotate(n=count)
            .order_by("-item__meeting__date__year")
        ],
    }
    return {name: compute() for name, compute in build.items() if only in (None, name)}


# Each facet's links replace its own parameters: it is counted with the other filters only,
# so every count is the number of decisions on the page its link opens.
FACET_PARAMS = {
    "outcome": ("outcome",),
    "topic": ("topic",),
    "section": ("section",),
    "year": ("date_from", "date_to"),
}


def exact_facets(filterset: DecisionFilter) -> dict:
    """Every facet counted over the decisions the other filters leave, and the total."""
    result: dict = {"total": filterset.qs.order_by().count()}
    chosen = filterset.form.cleaned_data if filterset.is_bound else {}
    for name, own in FACET_PARAMS.items():
        decisions = public_decisions()
        # As FilterSet.filter_queryset does, leaving out this facet's own filters.
        for field, value in chosen.items():
            if field not in own and field != "sort":
                decisions = filterset.filters[field].filter(decisions, value)
        result.update(facets(decisions, only=name))
    return result


# Query parameters that change which decisions are counted (not paging, sorting or format).
_COUNTED = frozenset(DecisionFilter.base_filters) - {"sort"}


class DecisionListView(FilterView):
    filterset_class = DecisionFilter
    template_name = "minutes/decision_list.html"
    context_object_name = "decisions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return public_decisions()

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            # The CSV's one address is /beslutninger.csv; this older spelling leads there.
            query = request.GET.copy()
            del query["format"]
            target = reverse("minutes:decisions-csv")
            if query:
                target += f"?{query.urlencode()}"
            return HttpResponsePermanentRedirect(target)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        params = [(k, v) for k, v in self.request.GET.lists() if k in _COUNTED]
        invalid = self.filterset.is_bound and not self.filterset.is_valid()
        # An invalid filter lists nothing (django-filter's strict mode): nothing to count.
        self.facets = {} if invalid else cached("decision-facets", params, lambda: exact_facets(
            self.filterset))
        context = super().get_context_data(**kwargs)
        context["facets"] = self.facets
        context["chips"] = self.chips()
        context["total"] = context["paginator"].count if context.get("paginator") else 0
        # The filter form and the facets are rendered once per archive generation and query
        # (their many links and <option>s are a third of the page's time); not per page.
        context["generation"] = generation()
        context["fragment_key"] = fragment_key(self.request.GET, without=("page",))
        return context

    def chips(self) -> list[dict]:
        """The active filters, each with a link that removes it alone."""
        if not self.filterset.is_bound or not self.filterset.is_valid():
            return []
        chips = []
        outcome_names = dict(Outcome.choices)
        for name, field in self.filterset.form.fields.items():
            value = self.filterset.form.cleaned_data.get(name)
            if name == "sort" or value in (None, "", []):
                continue
            shown = outcome_names.get(value, value) if name == "outcome" else value
            if hasattr(shown, "isoformat"):
                shown = date_format(shown, "DATE_FORMAT")
            params = self.request.GET.copy()
            params.pop(name, None)
            params.pop("page", None)
            chips.append({"name": field.label, "value": str(shown),
                          "href": f"?{params.urlencode()}" if params else "?"})
        return chips

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True,
                      **kwargs):
        total = self.facets.get("total", 0)
        return CountedPaginator(queryset, per_page, count=total, orphans=orphans,
                                allow_empty_first_page=allow_empty_first_page, **kwargs)
