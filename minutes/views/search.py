"""The search page: ranked hits over titles, decisions, recommendations and case texts."""
from django.db.models import Prefetch
from django.views.generic import TemplateView

from minutes.models import Decision
from minutes.search import (
    MAX_COUNTED,
    clean_query,
    count_hits,
    matching,
    parse_terms,
    ranked,
    snippet,
)
from minutes.views.common import CountedPaginator

PAGE_SIZE = 20


class SearchView(TemplateView):
    template_name = "minutes/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = clean_query(self.request.GET.get("q", "")).strip()
        context["query"] = query
        if not query:
            return context
        terms = parse_terms(query)
        # Past MAX_COUNTED hits the word is too common to rank every hit: newest first, and
        # the pages stop at MAX_COUNTED.
        found = matching(query)
        counted = count_hits(found)
        many = counted > MAX_COUNTED
        hits = (
            ranked(found, query, newest_first=many)
            .select_related("meeting__body")
            .prefetch_related(
                Prefetch("decisions", queryset=Decision.objects.order_by("order")), "topics"
            )
        )
        paginator = CountedPaginator(hits, PAGE_SIZE, count=min(counted, MAX_COUNTED))
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            more_than=MAX_COUNTED if many else None,
            results=[(item, snippet(item, terms)) for item in page.object_list],
        )
        return context
