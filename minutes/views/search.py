"""The search page: people and organisations by name first, then ranked items (titles,
decisions, recommendations, case texts, presenters, bilag titles), with facets and "Mente du"."""
from __future__ import annotations

from functools import cached_property, partial

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from minutes.aggregates import generation
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
from minutes.views.common import CountedPaginator, fragment_key

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
        # The template renders the results once per archive generation and query string (the
        # archive changes only when a referat is loaded or corrected); nothing below is read
        # unless it does.
        found = Results(query, self.request.GET)
        context.update(
            generation=generation(),
            fragment_key=fragment_key(self.request.GET),
            **{name: SimpleLazyObject(partial(getattr, found, name)) for name in Results.SHOWN},
        )
        return context


class Results:
    """What the search page shows for `query` under the chosen facets, each read when first
    asked for."""

    SHOWN = ("page_obj", "more_than", "results", "people", "organisations", "suggestion",
             "facets", "chips")

    def __init__(self, query: str, params):
        self.query = query
        self.params = params
        self.terms = parse_terms(query)
        self.chosen = chosen_facets(params)

    @cached_property
    def found(self) -> QuerySet[AgendaItem]:
        # On PostgreSQL matching() reads the ways of matching (a few queries) to build this.
        return narrow(matching(self.query), self.chosen)

    @cached_property
    def counted(self) -> int:
        return count_hits(self.found)

    @cached_property
    def many(self) -> bool:
        """Past MAX_COUNTED hits the word is too common to rank every hit (newest first, pages
        stop at MAX_COUNTED) or to count per facet."""
        return self.counted > MAX_COUNTED

    @cached_property
    def more_than(self) -> int | None:
        return MAX_COUNTED if self.many else None

    @cached_property
    def page_obj(self):
        hits = (
            ranked(self.found, self.query, newest_first=self.many)
            .select_related("meeting__body")
            .prefetch_related(
                Prefetch("decisions", queryset=Decision.objects.order_by("order")), "topics"
            )
        )
        paginator = CountedPaginator(hits, PAGE_SIZE, count=min(self.counted, MAX_COUNTED))
        return paginator.get_page(self.params.get("page"))

    @cached_property
    def results(self) -> list:
        return [(item, snippet(item, self.terms)) for item in self.page_obj.object_list]

    @property
    def first_page(self) -> bool:
        return self.page_obj.number == 1 and not self.chosen

    @cached_property
    def people(self) -> list:
        if not self.first_page:
            return []
        return list(people_named(self.terms).order_by("name")[:NAMED])

    @cached_property
    def organisations(self) -> list:
        if not self.first_page:
            return []
        return list(organisations_named(self.terms).order_by("name")[:NAMED])

    @cached_property
    def suggestion(self) -> str | None:
        # Only for a search that finds nothing (on PostgreSQL a misspelt title word already
        # finds its close matches through pg_trgm).
        return suggestion(self.query) if not self.counted else None

    @cached_property
    def facets(self) -> list[dict]:
        rows = {} if self.many or not self.counted else facets(self.found)
        return [
            {"name": FACET_NAMES[name], "values": [
                # The active value is no link (its chip removes it); another one narrows.
                dict(row, active=self.chosen.get(name) == row["value"],
                     href=self.link(**{name: row["value"]}))
                for row in rows.get(name, [])
            ]}
            for name in FACETS if rows.get(name)
        ]

    @cached_property
    def chips(self) -> list[dict]:
        return [
            {"name": FACET_NAMES[name], "value": label_of(name, value),
             "href": self.link(**{name: None})}
            for name, value in self.chosen.items()
        ]

    def link(self, **changes: str | None) -> str:
        """This page's query string with `changes` (None removes a parameter), on page 1."""
        params = self.params.copy()
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
