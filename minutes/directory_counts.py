"""What the directories count, for everyone at once: a few grouped queries over the published
archive, remembered until it changes (minutes.aggregates.cached).

Per-row subqueries read every participation of every person on each page view (4.5 s for the
people list of the 20,000-meeting benchmark archive); one GROUP BY reads them once.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, Max, Min, OuterRef, Q

from minutes.aggregates import cached
from minutes.models import AgendaItem, Meeting, Participant

PRESENT = Participant.Status.PRESENT


@dataclass(frozen=True)
class PersonCounts:
    meetings: int = 0  # meetings attended (present)
    presented_count: int = 0  # items presented
    first_year: int | None = None
    last_year: int | None = None
    organisation_name: str = ""  # the organisation of the latest participation
    organisation_slug: str = ""


@dataclass(frozen=True)
class OrganisationCounts:
    people: int = 0
    meetings: int = 0  # meetings at which one of its people was present
    first_year: int | None = None
    last_year: int | None = None


def _years(*days) -> tuple[int | None, int | None]:
    years = [day.year for day in days if day is not None]
    return (min(years), max(years)) if years else (None, None)


def person_counts() -> dict[int, PersonCounts]:
    """Every person of the published archive (attended or presented) by id."""
    return cached("directory-people", [], _person_counts)


def _person_counts() -> dict[int, PersonCounts]:
    attended = {
        row["person_id"]: row
        for row in Participant.objects.public().order_by().values("person_id").annotate(
            n=Count("pk", filter=Q(status=PRESENT)),
            first=Min("meeting__date"), last=Max("meeting__date"),
        )
    }
    presented = {
        row["person_id"]: row
        for row in AgendaItem.presenters.through.objects.filter(
            agendaitem__in=AgendaItem.objects.public()
        ).order_by().values("person_id").annotate(
            n=Count("pk"),
            first=Min("agendaitem__meeting__date"), last=Max("agendaitem__meeting__date"),
        )
    }
    # The organisation each person last attended for: the (person, organisation) pairs are few.
    latest: dict[int, tuple] = {}
    for row in Participant.objects.public().exclude(organisation=None).order_by().values(
        "person_id", "organisation__name", "organisation__slug"
    ).annotate(last=Max("meeting__date")):
        known = latest.get(row["person_id"])
        if known is None or row["last"] > known[0]:
            latest[row["person_id"]] = (
                row["last"], row["organisation__name"], row["organisation__slug"]
            )
    counts = {}
    for pk in attended.keys() | presented.keys():
        went, spoke = attended.get(pk, {}), presented.get(pk, {})
        first, last = _years(went.get("first"), went.get("last"),
                             spoke.get("first"), spoke.get("last"))
        _day, name, slug = latest.get(pk, (None, "", ""))
        counts[pk] = PersonCounts(
            meetings=went.get("n", 0), presented_count=spoke.get("n", 0),
            first_year=first, last_year=last, organisation_name=name, organisation_slug=slug,
        )
    return counts


def organisation_counts() -> dict[int, OrganisationCounts]:
    """Every organisation represented at a published meeting, by id."""
    return cached("directory-organisations", [], _organisation_counts)


def _organisation_counts() -> dict[int, OrganisationCounts]:
    rows = Participant.objects.public().exclude(organisation=None).order_by().values(
        "organisation_id"
    ).annotate(
        people=Count("person", distinct=True),
        meetings=Count("meeting", distinct=True, filter=Q(status=PRESENT)),
        first=Min("meeting__date"), last=Max("meeting__date"),
    )
    return {
        row["organisation_id"]: OrganisationCounts(
            people=row["people"], meetings=row["meetings"],
            first_year=row["first"].year, last_year=row["last"].year,
        )
        for row in rows
    }


def meetings_with_participant_lists() -> int:
    """How many published meetings have a list of participants (of the whole archive)."""
    return cached("meetings-with-lists", [], lambda: Meeting.objects.public().filter(
        Exists(Participant.objects.filter(meeting=OuterRef("pk")))
    ).count())


def with_counts(rows, counts: dict, empty) -> list:
    """The page's rows, each given its counts as attributes (what the templates read)."""
    rows = list(rows)
    for row in rows:
        for name, value in vars(counts.get(row.pk, empty)).items():
            setattr(row, name, value)
    return rows

