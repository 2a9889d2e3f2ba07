"""The search page: ranked hits over titles, decisions, recommendations and case texts."""
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.views.generic import TemplateView

from minutes.models import Decision
from minutes.search import clean_query, parse_terms, search_items, snippet

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
        hits = search_items(query).select_related("meeting").prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.order_by("order")), "topics"
        )
        page = Paginator(hits, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            results=[(item, snippet(item, terms)) for item in page.object_list],
        )
        return context
