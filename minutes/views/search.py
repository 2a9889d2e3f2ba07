"""The search page: people and organisations by name first, then ranked items (titles,
decisions, recommendations, case texts, presenters, bilag titles), with facets and "Mente du"."""
from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from minutes.models import AgendaItem, Body, Decision, Outcome, Topic
from minutes.search import (
    MAX_COUNTED,
    clean_query,
    count_hits,
    matching,
    organisations_named,
    parse_terms,
    people_named,
    ranked,
    snippet,
    suggestion,
)
from minutes.views.common import CountedPaginator

PAGE_SIZE = 20
NAMED = 12  # people and organisations shown above the items

# The facets' query parameters, in the order the page shows them.
FACETS = ("aar", "udvalg", "afsnit", "udfald", "emne")
FACET_NAMES = {
    "aar": _("År"), "udvalg": _("Udvalg"), "afsnit": _("Afsnit"), "udfald": _("Udfald"),
    "emne": _("Emne"),
}


def _with_outcome(items: QuerySet[AgendaItem], outcome: str) -> QuerySet[AgendaItem]:
    """Items holding a decision with `outcome`."""
    return items.filter(Exists(Decision.objects.filter(item=OuterRef("pk"), outcome=outcome)))


def narrow(items: QuerySet[AgendaItem], chosen: dict[str, str]) -> QuerySet[AgendaItem]:
    """The items under every chosen facet value."""
    if "aar" in chosen:
        items = items.filter(meeting__date__year=chosen["aar"])
    if "udvalg" in chosen:
        items = items.filter(meeting__body__slug=chosen["udvalg"])
    if "afsnit" in chosen:
        items = items.filter(section=chosen["afsnit"])
    if "udfald" in chosen:
        items = _with_outcome(items, chosen["udfald"])
    if "emne" in chosen:
        items = items.filter(Exists(
            AgendaItem.topics.through.objects.filter(
                agendaitem_id=OuterRef("pk"), topic__slug=chosen["emne"]
            )
        ))
    return items


def chosen_facets(params) -> dict[str, str]:
    """The facet values in the query string (a year must be a number)."""
    chosen = {name: params.get(name, "").strip() for name in FACETS}
    chosen = {name: value for name, value in chosen.items() if value}
    if "aar" in chosen and not chosen["aar"].isdigit():
        del chosen["aar"]
    return chosen


def facets(found: QuerySet[AgendaItem]) -> dict[str, list[dict]]:
    """How many of the found items each facet value would leave: every count is the number of
    results of the page its link opens (that page narrows these items by the value)."""
    plain = AgendaItem.objects.filter(pk__in=found.order_by().values("pk")).order_by()
    outcome_names = dict(Outcome.choices)
    return {
        "aar": [
            {"value": str(row["meeting__date__year"]), "label": row["meeting__date__year"],
             "count": row["n"]}
            for row in plain.values("meeting__date__year").annotate(n=Count("pk"))
            .order_by("-meeting__date__year")
        ],
        "udvalg": [
            {"value": row["meeting__body__slug"], "label": row["meeting__body__name"],
             "count": row["n"]}
            for row in plain.values("meeting__body__slug", "meeting__body__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "meeting__body__slug")
        ],
        "afsnit": [
            {"value": row["section"], "label": row["section"], "count": row["n"]}
            for row in plain.exclude(section="").values("section").annotate(n=Count("pk"))
            .order_by("-n", "section")
        ],
        "udfald": [
            {"value": row["decisions__outcome"],
             "label": outcome_names.get(row["decisions__outcome"]), "count": row["n"]}
            for row in plain.filter(decisions__isnull=False).values("decisions__outcome")
            .annotate(n=Count("pk", distinct=True)).order_by("-n", "decisions__outcome")
        ],
        "emne": [
            {"value": row["topics__slug"], "label": row["topics__name"], "count": row["n"]}
            for row in plain.filter(topics__isnull=False).values("topics__slug", "topics__name")
            .annotate(n=Count("pk", distinct=True)).order_by("-n", "topics__slug")
        ],
    }


class SearchView(TemplateView):
    template_name = "minutes/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = clean_query(self.request.GET.get("q", "")).strip()
        context["query"] = query
        # The minutes are written in Danish: an English reader is told so, and searched as typed.
        context["in_danish_note"] = bool(query) and not (get_language() or "da").startswith("da")
        if not query:
            return context
        terms = parse_terms(query)
        chosen = chosen_facets(self.request.GET)
        found = narrow(matching(query), chosen)
        counted = count_hits(found)
        # Past MAX_COUNTED hits the word is too common to rank every hit (newest first, pages
        # stop at MAX_COUNTED) or to count per facet.
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
        first_page = page.number == 1 and not chosen
        facet_rows = {} if many or not counted else facets(found)
        context.update(
            page_obj=page,
            more_than=MAX_COUNTED if many else None,
            results=[(item, snippet(item, terms)) for item in page.object_list],
            people=list(people_named(terms).order_by("name")[:NAMED]) if first_page else [],
            organisations=(
                list(organisations_named(terms).order_by("name")[:NAMED]) if first_page else []
            ),
            # Only for a search that finds nothing (on PostgreSQL a misspelt title word already
            # finds its close matches through pg_trgm).
            suggestion=suggestion(query) if not counted else None,
            facets=[
                {"name": FACET_NAMES[name], "values": [
                    # The active value is no link (its chip removes it); another one narrows.
                    dict(row, active=chosen.get(name) == row["value"],
                         href=self.link(**{name: row["value"]}))
                    for row in facet_rows.get(name, [])
                ]}
                for name in FACETS if facet_rows.get(name)
            ],
            chips=[
                {"name": FACET_NAMES[name], "value": label_of(name, value),
                 "href": self.link(**{name: None})}
                for name, value in chosen.items()
            ],
        )
        return context

    def link(self, **changes: str | None) -> str:
        """This page's query string with `changes` (None removes a parameter), on page 1."""
        params = self.request.GET.copy()
        params.pop("page", None)
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return f"?{params.urlencode()}"


def label_of(param: str, value: str) -> str:
    """How a chosen facet value reads in its chip."""
    if param == "udfald":
        return str(dict(Outcome.choices).get(value, value))
    names = {"udvalg": Body.objects.public(), "emne": Topic.objects.all()}.get(param)
    if names is not None:
        return names.filter(slug=value).values_list("name", flat=True).first() or value
    return value
