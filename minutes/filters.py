"""The lists' filters (django-filter): decisions (topic, outcome, dates, section, people, text)
and follow-ups (status, actor, body, case)."""
from datetime import date

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from minutes.aggregates import cached
from minutes.models import (
    AgendaItem,
    Body,
    Case,
    CaseItem,
    Decision,
    FollowUp,
    Organisation,
    Outcome,
    Person,
    Topic,
)
from minutes.search import matching, organisation_cases


def section_choices() -> list[tuple[str, str]]:
    """The sections of published items (reading every item: cached until the archive changes)."""
    sections = cached("sections", [], lambda: list(
        AgendaItem.objects.public()
        .exclude(section="")
        .values_list("section", flat=True)
        .distinct()
        .order_by("section")
    ))
    return [(s, s) for s in sections]


def presenter_choices(request=None) -> QuerySet[Person]:
    """People who presented an item at a published meeting: a draft's names stay private.
    (Who they are is looked up once per change of the archive.)"""
    ids = cached("presenters", [], lambda: list(
        Person.objects.presenters().values_list("pk", flat=True)
    ))
    return Person.objects.filter(pk__in=ids)


def organisation_choices(request=None) -> QuerySet[Organisation]:
    """Organisations represented at a published meeting (looked up once per change)."""
    ids = cached("organisations", [], lambda: list(
        Organisation.objects.public().values_list("pk", flat=True)
    ))
    return Organisation.objects.filter(pk__in=ids)



def body_filter() -> django_filters.ModelChoiceFilter:
    """The committee (udvalg) an item's meeting belongs to, by its slug."""
    return django_filters.ModelChoiceFilter(
        label=_("Udvalg"),
        field_name="item__meeting__body",
        to_field_name="slug",
        queryset=Body.objects.public(),
        empty_label=_("Alle udvalg"),
    )

class DecisionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Fritekst"), method="filter_text")
    topic = django_filters.ModelChoiceFilter(
        label=_("Emne"),
        field_name="item__topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("Alle emner"),
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Udfald"), choices=Outcome.choices, empty_label=_("Alle udfald")
    )
    body = body_filter()
    date_from = django_filters.DateFilter(
        label=_("Fra dato"),
        field_name="item__meeting__date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label=_("Til dato"),
        field_name="item__meeting__date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    section = django_filters.ChoiceFilter(
        label=_("Afsnit"),
        field_name="item__section",
        choices=section_choices,
        empty_label=_("Alle afsnit"),
    )
    presenter = django_filters.ModelChoiceFilter(
        label=_("Oplægsholder"),
        field_name="item__presenters",
        to_field_name="slug",
        queryset=presenter_choices,
        empty_label=_("Alle oplægsholdere"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        to_field_name="slug",
        queryset=organisation_choices,
        method="filter_organisation",
        empty_label=_("Alle organisationer"),
    )
    # One choice per order: the newest first is the default (no parameter), so the date's
    # descending twin is not offered again.
    sort = django_filters.OrderingFilter(
        label=_("Sortér efter"),
        fields=(
            ("item__meeting__date", "date"),
            ("item__title", "title"),
            ("outcome", "outcome"),
        ),
        choices=[
            ("date", _("Ældste først")),
            ("title", _("Titel (A–Å)")),
            ("outcome", _("Udfald")),
        ],
        empty_label=_("Nyeste først"),
    )

    class Meta:
        model = Decision
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(item__in=matching(value).values("pk"))

    def filter_organisation(self, queryset: QuerySet, name: str, value) -> QuerySet:
        """The organisation's cases: items that name it or that its representatives presented
        (a referat without a participant list included)."""
        return queryset.filter(item__in=organisation_cases(value).values("pk"))


class FollowUpFilter(django_filters.FilterSet):
    """/opfoelgning/: which follow-ups (open by default, due soon, overdue, closed), by whom, of
    which body and case. The queryset given is public already; `today` and `due_until` (the
    end of "due soon") come from the view."""

    OPEN, DUE, OVERDUE, CLOSED, ALL = "open", "due", "overdue", "closed", "all"
    status = django_filters.ChoiceFilter(
        label=_("Vis"),
        choices=[
            (DUE, _("Forfalder snart")),
            (OVERDUE, _("Overskredne")),
            (CLOSED, _("Afsluttede")),
            (ALL, _("Alle")),
        ],
        empty_label=_("Åbne"),
        method="filter_status",
    )
    actor = django_filters.ChoiceFilter(
        label=_("Hvem"), choices=lambda: actor_choices(), empty_label=_("Alle"),
    )
    body = body_filter()
    case = django_filters.ModelChoiceFilter(
        label=_("Sag"),
        to_field_name="slug",
        queryset=Case.objects.public().order_by("name"),
        method="filter_case",
        empty_label=_("Alle sager"),
    )

    class Meta:
        model = FollowUp
        fields: list[str] = []

    def __init__(self, data=None, *args, today: date, due_until: date, **kwargs):
        self.today, self.due_until = today, due_until
        # Always bound: the page without parameters is filtered too (to the open ones).
        super().__init__(data if data is not None else {}, *args, **kwargs)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.still_open()  # the default view: what is still open
        return queryset

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == self.DUE:
            return queryset.due(self.today, self.due_until)
        if value == self.OVERDUE:
            return queryset.overdue(self.today)
        if value == self.CLOSED:
            return queryset.exclude(status=FollowUp.Status.OPEN)
        return queryset

    def filter_case(self, queryset: QuerySet, name: str, value: Case) -> QuerySet:
        """Follow-ups of the case's items (links staff did not reject)."""
        links = CaseItem.objects.filter(case=value, item=OuterRef("item")).exclude(
            status=CaseItem.Status.REJECTED
        )
        return queryset.filter(Exists(links))


def actor_choices() -> list[tuple[str, str]]:
    """Who public follow-ups name, each once (looked up once per change of the archive)."""
    actors = cached("followup-actors", [], lambda: list(
        FollowUp.objects.public().exclude(actor="").values_list("actor", flat=True)
        .distinct().order_by("actor")
    ))
    return [(actor, actor) for actor in actors]
