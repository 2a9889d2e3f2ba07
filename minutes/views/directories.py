"""The directories: every person and every organisation of the published archive, with counts,
filtered by organisation (or kind) and by the years they were active."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import ListView

from minutes.aggregates import cached
from minutes.directory_counts import (
    OrganisationCounts,
    PersonCounts,
    organisation_counts,
    person_counts,
    with_counts,
)
from minutes.models import AgendaItem, Meeting, Organisation, Participant, Person

PAGE_SIZE = 100
PRESENT = Participant.Status.PRESENT
KIND_ORDER = [kind for kind, _label in Organisation.Kind.choices]


def archive_years() -> list[int]:
    """The years with a published meeting, newest first (once per archive change)."""
    return cached("meeting-years", [], lambda: sorted(
        {day.year for day in Meeting.objects.public().dates("date", "year")}, reverse=True
    ))


def kind_count(kind: str, count: int) -> str:
    """"19 kommuner", "1 region": a kind of organisation counted."""
    words = {
        Organisation.Kind.MUNICIPALITY: ngettext("%(n)s kommune", "%(n)s kommuner", count),
        Organisation.Kind.REGION: ngettext("%(n)s region", "%(n)s regioner", count),
        Organisation.Kind.SECRETARIAT: ngettext("%(n)s sekretariat", "%(n)s sekretariater", count),
        Organisation.Kind.OTHER: ngettext("%(n)s anden", "%(n)s andre", count),
    }
    return words[kind] % {"n": count}


def year_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Aktiv i år"), coerce=int, required=False, empty_value=None,
        choices=[("", _("Alle år"))] + [(year, year) for year in archive_years()],
    )


class PersonFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Organisations represented at a published meeting, as (slug, name): looked up once
        # per archive change, and no query to check or render the choice.
        organisations = cached("organisation-choices", [], lambda: list(
            Organisation.objects.public().values_list("slug", "name").order_by("name")
        ))
        self.fields["organisation"] = forms.ChoiceField(
            label=_("Organisation"), required=False,
            choices=[("", _("Alle organisationer")), *organisations],
        )
        self.fields["aar"] = year_field()


class OrganisationFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("Alle typer"))] + list(Organisation.Kind.choices),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aar"] = year_field()


class PersonListView(ListView):
    """/personer/: everyone who attended or presented at a published meeting."""

    template_name = "minutes/person_list.html"
    counts: dict = {}  # filled by get_queryset (none for a filter that is no choice)
    context_object_name = "people"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.form = PersonFilterForm(self.request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            return Person.objects.none()  # a filter that is no choice lists nobody
        filters = self.form.cleaned_data if self.form.is_bound else {}
        # Everyone with counts is public: they attended or presented at a published meeting.
        self.counts = person_counts()
        people = Person.objects.filter(pk__in=list(self.counts))
        if filters.get("organisation"):
            people = people.filter(pk__in=Participant.objects.public().filter(
                organisation__slug=filters["organisation"]
            ).values("person_id"))
        if filters.get("aar"):
            year = filters["aar"]
            people = people.filter(pk__in=Participant.objects.public().filter(
                meeting__date__year=year).values("person_id")
            ) | people.filter(pk__in=AgendaItem.objects.public().filter(
                meeting__date__year=year).values("presenters"))
        return people.order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = with_counts(context["people"], self.counts, PersonCounts())
        context.update(form=self.form, total=context["paginator"].count)
        return context


class OrganisationListView(ListView):
    """/organisationer/: the kommuner, the region, the secretariats and the others."""

    template_name = "minutes/organisation_list.html"
    counts: dict = {}
    context_object_name = "organisations"

    def get_queryset(self):
        self.form = OrganisationFilterForm(self.request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            return Organisation.objects.none()
        filters = self.form.cleaned_data if self.form.is_bound else {}
        self.counts = organisation_counts()
        organisations = Organisation.objects.filter(pk__in=list(self.counts))
        if filters.get("type"):
            organisations = organisations.filter(kind=filters["type"])
        if filters.get("aar"):
            organisations = organisations.filter(pk__in=Participant.objects.public().filter(
                meeting__date__year=filters["aar"]).values("organisation_id"))
        return organisations.order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = with_counts(context["organisations"], self.counts, OrganisationCounts())
        headings = {
            Organisation.Kind.MUNICIPALITY: _("Kommuner"),
            Organisation.Kind.REGION: _("Regioner"),
            Organisation.Kind.SECRETARIAT: _("Sekretariater"),
            Organisation.Kind.OTHER: _("Andre"),
        }
        groups = [
            {"kind": kind, "heading": headings[kind],
             "organisations": [o for o in organisations if o.kind == kind]}
            for kind in KIND_ORDER
        ]
        for group in groups:
            group["summary"] = kind_count(group["kind"], len(group["organisations"]))
        context.update(
            form=self.form,
            groups=[group for group in groups if group["organisations"]],
            total=len(organisations),
        )
        return context
