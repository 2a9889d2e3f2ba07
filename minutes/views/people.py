"""People and organisations: attendance, items presented, representatives over time."""
from django.views.generic import DetailView

from minutes.models import Organisation, Participant, Person
from minutes.views.common import PUBLISHED, items_with_outcomes, published_meetings


def _attended(participations: list[Participant]) -> tuple[int, int]:
    present = sum(1 for p in participations if p.status == Participant.Status.PRESENT)
    return present, len(participations) - present


class PersonDetailView(DetailView):
    model = Person
    template_name = "minutes/person_detail.html"
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participations = list(
            self.object.participations.filter(meeting__status=PUBLISHED)
            .select_related("meeting", "organisation")
            .order_by("-meeting__date")
        )
        present, absent = _attended(participations)
        context.update(
            participations=participations,
            present_count=present,
            absent_count=absent,
            presented=items_with_outcomes()
            .filter(presenters=self.object)
            .order_by("-meeting__date", "order"),
        )
        return context


class OrganisationDetailView(DetailView):
    model = Organisation
    template_name = "minutes/organisation_detail.html"
    context_object_name = "organisation"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participations = list(
            self.object.participations.filter(meeting__status=PUBLISHED)
            .select_related("meeting", "person")
            .order_by("-meeting__date", "order")
        )
        representatives: dict[int, dict] = {}
        for p in participations:
            entry = representatives.setdefault(
                p.person_id, {"person": p.person, "first": p.meeting.date, "last": p.meeting.date,
                              "roles": [], "present": 0, "absent": 0}
            )
            entry["first"] = min(entry["first"], p.meeting.date)
            entry["last"] = max(entry["last"], p.meeting.date)
            if p.role and p.role not in entry["roles"]:
                entry["roles"].append(p.role)
            entry["present" if p.status == Participant.Status.PRESENT else "absent"] += 1
        context.update(
            participations=participations,
            representatives=sorted(representatives.values(), key=lambda r: r["last"],
                                   reverse=True),
            meetings_attended=len(
                {p.meeting_id for p in participations if p.status == Participant.Status.PRESENT}
            ),
            meetings_with_lists=published_meetings()
            .filter(participants__isnull=False)
            .distinct()
            .count(),
        )
        return context
