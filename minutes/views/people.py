"""People and organisations: attendance, items presented, representatives over time."""
from functools import cache as once

from django.db.models import Count, Max, Min, Q
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView

from minutes.aggregates import cached, generation
from minutes.case_links import CASE_LIMIT, cases_by_pk, remembered_cases_of
from minutes.directory_counts import (
    OrganisationCounts,
    meetings_with_participant_lists,
    organisation_counts,
)
from minutes.models import AgendaItem, Organisation, Participant, Person
from minutes.public import items_with_outcomes
from minutes.search import organisation_cases_summary

RECENT = 100  # rows shown per list; the counts above them cover everything
PRESENT, ABSENT = Participant.Status.PRESENT, Participant.Status.ABSENT
_ATTENDANCE = {
    "present": Count("pk", filter=Q(status=PRESENT)),
    "absent": Count("pk", filter=Q(status=ABSENT)),
}


class PersonDetailView(DetailView):
    model = Person
    template_name = "minutes/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        # Someone named only in drafts has no public page yet.
        return Person.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participations = self.object.participations.public()
        presented = items_with_outcomes().filter(presenters=self.object)
        # Roles over time: one row per organisation and role, with its first and last meeting;
        # with the attendance and the count of items presented, read once per archive change
        # (a member of many years has thousands of participations).
        # The template renders the page once per archive generation: nothing below is read
        # unless it does (lazy), and the summary only once.
        summary = once(lambda: cached(
            "person-summary", [("pk", str(self.object.pk))], lambda: (
                list(
                    participations.values("organisation__name", "organisation__slug", "role")
                    .annotate(first=Min("meeting__date"), last=Max("meeting__date"),
                              meetings=Count("pk"))
                    .order_by("-last", "organisation__name")
                ),
                participations.aggregate(**_ATTENDANCE),
                presented.count(),
            ),
        ))
        person = self.object
        context.update(
            generation=generation(),
            roles=SimpleLazyObject(lambda: summary()[0]),
            any_role=SimpleLazyObject(lambda: any(row["role"] for row in summary()[0])),
            attendance=SimpleLazyObject(lambda: summary()[1]),
            participations=participations.select_related("meeting__body", "organisation")
            .order_by("-meeting__date")[:RECENT],
            presented=presented.order_by("-meeting__date", "order")[:RECENT],
            presented_count=SimpleLazyObject(lambda: summary()[2]),
            threads=SimpleLazyObject(lambda: remembered_cases_of(
                "person-cases", person.pk, AgendaItem.objects.filter(presenters=person)
            )),
            case_limit=CASE_LIMIT,
            recent=RECENT,
        )
        return context


class OrganisationDetailView(DetailView):
    model = Organisation
    template_name = "minutes/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participations = self.object.participations.public()
        organisation = self.object
        summary = once(lambda: organisation_cases_summary(organisation, RECENT))

        def representatives() -> list[dict]:
            roles: dict[int, list[str]] = {}
            for person_id, role in (
                participations.exclude(role="").values_list("person_id", "role").distinct()
            ):
                roles.setdefault(person_id, []).append(role)
            rows = list(
                participations.values("person_id", "person__name", "person__slug")
                .annotate(first=Min("meeting__date"), last=Max("meeting__date"), **_ATTENDANCE)
                .order_by("-last", "person__name")
            )
            for row in rows:
                row["roles"] = sorted(roles.get(row["person_id"], []))
            return rows

        # The template renders the page once per archive generation: nothing below is read
        # unless it does (lazy).
        context.update(
            generation=generation(),
            representatives=SimpleLazyObject(representatives),
            participations=participations.select_related("meeting__body", "person").order_by(
                "-meeting__date", "order"
            )[:RECENT],
            meetings_attended=SimpleLazyObject(lambda: organisation_counts().get(
                organisation.pk, OrganisationCounts()
            ).meetings),
            cases=SimpleLazyObject(lambda: list(
                items_with_outcomes().filter(pk__in=summary().recent)
                .order_by("-meeting__date", "order")
            )),
            cases_count=SimpleLazyObject(lambda: summary().count),
            threads=SimpleLazyObject(lambda: cases_by_pk(summary().threads)),
            case_limit=CASE_LIMIT,
            meetings_with_lists=SimpleLazyObject(meetings_with_participant_lists),
            recent=RECENT,
        )
        return context
