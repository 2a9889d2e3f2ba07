"""The archive's records: meetings and their sources, agenda items, decisions, people, topics,
cases."""
from minutes.models.agenda import (
    AgendaItem,
    Attachment,
    Decision,
    Outcome,
    SearchWord,
    Topic,
)
from minutes.models.cases import Case, CaseItem
from minutes.models.changes import ArchiveChange
from minutes.models.followups import FollowUp
from minutes.models.meetings import Body, Meeting, SourceDocument
from minutes.models.people import (
    Organisation,
    OrganisationAlias,
    Participant,
    Person,
    PersonAlias,
)

__all__ = [
    "AgendaItem",
    "ArchiveChange",
    "Attachment",
    "Body",
    "Case",
    "CaseItem",
    "Decision",
    "FollowUp",
    "Meeting",
    "Organisation",
    "OrganisationAlias",
    "Outcome",
    "Participant",
    "Person",
    "PersonAlias",
    "SearchWord",
    "SourceDocument",
    "Topic",
]
