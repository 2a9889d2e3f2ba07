"""The decisions list's filters (django-filter): topic, outcome, dates, section, people, text."""
import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from minutes.aggregates import cached
from minutes.models import AgendaItem, Body, Decision, Organisation, Outcome, Person, Topic
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
    body = django_filters.ModelChoiceFilter(
        label=_("Udvalg"),
        field_name="item__meeting__body",
        to_field_name="slug",
        queryset=Body.objects.public(),
        empty_label=_("Alle udvalg"),
    )
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
