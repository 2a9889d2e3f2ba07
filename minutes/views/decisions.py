"""Every decision: filtered, counted per facet, sorted and paginated (exports: minutes.exports)."""
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django_filters.views import FilterView

from minutes.aggregates import cached, generation
from minutes.filters import DecisionFilter
from minutes.models import Decision, Outcome
from minutes.public import decisions as public_decisions
from minutes.views.common import CountedPaginator

PAGE_SIZE = 25


def facets(decisions: QuerySet[Decision]) -> dict[str, list[dict]]:
    """How many of the filtered decisions fall under each outcome, topic, section and year."""
    plain = decisions.order_by()
    # COUNT(DISTINCT) only when a filter's join can repeat a decision (it then asks distinct()).
    count = Count("pk", distinct=decisions.query.distinct)
    outcome_names = dict(Outcome.choices)
    return {
        "outcome": [
            {"value": row["outcome"], "label": outcome_names.get(row["outcome"]), "count": row["n"]}
            for row in plain.values("outcome").annotate(n=count)
            .order_by("-n", "outcome")
        ],
        "topic": [
            {"value": row["item__topics__slug"], "label": row["item__topics__name"],
             "count": row["n"]}
            for row in plain.filter(item__topics__isnull=False)
            .values("item__topics__slug", "item__topics__name")
            .annotate(n=count)
            .order_by("-n", "item__topics__name")
        ],
        "section": [
            {"value": row["item__section"], "label": row["item__section"], "count": row["n"]}
            for row in plain.exclude(item__section="").values("item__section")
            .annotate(n=count)
            .order_by("-n", "item__section")
        ],
        "year": [
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
        self.facets = {} if invalid else cached("decision-facets", params, lambda: facets(
            self.object_list))
        context = super().get_context_data(**kwargs)
        context["facets"] = self.facets
        context["total"] = context["paginator"].count if context.get("paginator") else 0
        # The filter form and the facets are rendered once per archive generation and query
        # (their many links and <option>s are a third of the page's time); not per page.
        context["generation"] = generation()
        context["fragment_key"] = urlencode(sorted(
            (key, value) for key, values in self.request.GET.lists() if key != "page"
            for value in values
        ))
        return context

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True,
                      **kwargs):
        # Every decision has exactly one outcome, so the outcome facet sums to the total.
        total = sum(row["count"] for row in self.facets.get("outcome", []))
        return CountedPaginator(queryset, per_page, count=total, orphans=orphans,
                                allow_empty_first_page=allow_empty_first_page, **kwargs)
