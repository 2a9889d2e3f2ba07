"""People and organisations: attendance, items presented, representatives over time."""
from django.db.models import Count, Max, Min, Q
from django.views.generic import DetailView

from minutes.aggregates import cached
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
        roles, attendance, presented_count = cached(
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
        )
        participations = participations.select_related("meeting__body", "organisation").order_by(
            "-meeting__date"
        )[:RECENT]
        context.update(
            roles=roles,
            any_role=any(row["role"] for row in roles),
            attendance=attendance,
            participations=participations,
            presented=presented.order_by("-meeting__date", "order")[:RECENT],
            presented_count=presented_count,
            threads=remembered_cases_of(
                "person-cases", self.object.pk, AgendaItem.objects.filter(presenters=self.object)
            ),
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
        roles: dict[int, list[str]] = {}
        for person_id, role in (
            participations.exclude(role="").values_list("person_id", "role").distinct()
        ):
            roles.setdefault(person_id, []).append(role)
        representatives = list(
            participations.values("person_id", "person__name", "person__slug")
            .annotate(first=Min("meeting__date"), last=Max("meeting__date"), **_ATTENDANCE)
            .order_by("-last", "person__name")
        )
        summary = organisation_cases_summary(self.object, RECENT)
        for row in representatives:
            row["roles"] = sorted(roles.get(row["person_id"], []))
        context.update(
            representatives=representatives,
            participations=participations.select_related("meeting__body", "person").order_by(
                "-meeting__date", "order"
            )[:RECENT],
            meetings_attended=organisation_counts().get(
                self.object.pk, OrganisationCounts()
            ).meetings,
            cases=items_with_outcomes().filter(pk__in=summary.recent)
            .order_by("-meeting__date", "order"),
            cases_count=summary.count,
            threads=cases_by_pk(summary.threads),
            case_limit=CASE_LIMIT,
            meetings_with_lists=meetings_with_participant_lists(),
            recent=RECENT,
        )
        return context
