"""Follow-ups stored, tracked and kept: loading from the contract, "til næste møde" resolved,
re-ingest keeping corrections and status decisions, answers suggested and confirmed."""
from datetime import date

import pytest
from django.contrib.auth.models import User

from ingest.load import load_parsed, meeting_contract
from minutes import followups as tracking
from minutes.models import AgendaItem, FollowUp, Organisation, OrganisationAlias, Person
from minutes.models.base import unique_slug
from minutes.public import meeting_for_export
from tests.followups_support import followup, item, load, parsed

pytestmark = pytest.mark.django_db

MARCH = date(2024, 3, 1)
JUNE = date(2024, 6, 7)
SEPTEMBER = date(2024, 9, 13)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _march(*extra):
    return parsed(
        MARCH,
        item(
            "1.1", "Ungementorordningen – status",
            followup("udarbejder et oplæg om Ungementorordningen", due_text="til næste møde",
                     due_kind="next_meeting"),
            followup("fremlægger taksterne for 2025", actor="Takstgruppen",
                     due_text="inden 1. juni", due=date(2024, 6, 1), due_kind="date"),
        ),
        *extra,
    )


def test_it_loads_each_items_followups_with_actor_action_and_deadline():
    load(_march())
    first, second = FollowUp.objects.order_by("order")
    assert first.actor == "Fællessekretariatet"
    assert first.action == "udarbejder et oplæg om Ungementorordningen"
    assert first.due_text == "til næste møde" and first.due_kind == "next_meeting"
    assert first.status == FollowUp.Status.OPEN and first.source == "referat"
    assert second.actor == "Takstgruppen" and second.due == date(2024, 6, 1)
    assert first.item.number == "1.1"


def test_the_meeting_json_gives_the_followups_back():
    load(_march())
    meeting = meeting_for_export().get()
    tree = meeting_contract(meeting)
    assert [f.action for f in tree.items[0].followups] == [
        "udarbejder et oplæg om Ungementorordningen", "fremlægger taksterne for 2025",
    ]
    data = tree.to_dict()["items"][0]["followups"]
    assert data[1]["due"] == "2024-06-01" and data[1]["actor"] == "Takstgruppen"


def test_an_actor_named_like_a_known_person_or_organisation_is_linked():
    person = Person.objects.create(name="Katrine Axél", slug="katrine-axel")
    person.aliases.create(name="Katrine Axél", key="katrine axél")
    syddjurs = Organisation.objects.create(name="Syddjurs Kommune", slug="syddjurs-kommune")
    OrganisationAlias.objects.create(organisation=syddjurs, name="Syddjurs Kommune",
                                     key="syddjurs kommune")
    load(parsed(MARCH, item(
        "2", "Kollegiet",
        followup("orienterer om lukningen", actor="Katrine Axél"),
        followup("sender planen", actor="Syddjurs Kommune"),
        followup("udarbejder et notat", actor="Takstgruppen"),
    )))
    katrine, kommune, group = FollowUp.objects.order_by("order")
    assert katrine.person == person and katrine.organisation is None
    assert kommune.organisation == syddjurs and kommune.person is None
    assert group.person is None and group.organisation is None
    assert Person.objects.count() == 1 and Organisation.objects.count() == 1  # nobody new


def test_til_naeste_moede_resolves_to_the_next_meeting_once_it_is_loaded():
    load(_march())
    waiting = FollowUp.objects.get(due_kind="next_meeting")
    assert waiting.due is None  # nothing known of the next meeting yet
    load(parsed(JUNE, item("1", "Økonomi")))
    waiting.refresh_from_db()
    assert waiting.due == JUNE
    assert waiting.due_text == "til næste møde"


def test_til_naeste_moede_resolves_to_the_date_the_referat_announces():
    announcing = item("9", "Eventuelt", referat="Næste møde i DASSOS afholdes den 7. juni 2024.")
    load(_march(announcing))
    assert FollowUp.objects.get(due_kind="next_meeting").due == JUNE


def test_the_referats_own_plan_wins_over_a_later_meeting_in_the_archive():
    """The archive lacks the meeting of 7 June; the one it has in September is not the next."""
    announcing = item("9", "Eventuelt", referat="Næste møde i DASSOS afholdes den 7. juni 2024.")
    load(_march(announcing))
    load(parsed(SEPTEMBER, item("1", "Økonomi")))
    assert FollowUp.objects.get(due_kind="next_meeting").due == JUNE


def test_a_meeting_in_the_archive_a_year_later_is_no_next_meeting():
    load(_march())
    load(parsed(date(2025, 3, 7), item("1", "Økonomi")))
    waiting = FollowUp.objects.get(due_kind="next_meeting")
    assert waiting.due is None and waiting.due_text == "til næste møde"


def test_a_next_meeting_of_another_body_is_not_the_deadline():
    load(_march())
    load(parsed(date(2024, 4, 4), item("1", "Økonomi"), body="KKR"))
    assert FollowUp.objects.get(due_kind="next_meeting").due is None


def test_reading_the_referat_again_keeps_ids_corrections_and_status_decisions():
    loaded = load(_march())
    edited, decided = FollowUp.objects.order_by("order")
    ids = {edited.pk, decided.pk}
    edited.action = "udarbejder et oplæg om Ungementorordningen og dens økonomi"
    edited.due = date(2024, 5, 1)
    edited.lock("action", "due")
    edited.save()
    staff = User.objects.create_user("sekretaer")
    assert tracking.decide(decided, "dropped", staff)

    load_parsed(_march(), loaded.source, published=True)

    assert set(FollowUp.objects.values_list("pk", flat=True)) == ids
    edited.refresh_from_db()
    decided.refresh_from_db()
    assert edited.action.endswith("dens økonomi") and edited.due == date(2024, 5, 1)
    assert decided.status == FollowUp.Status.DROPPED
    assert decided.status_changed_by == staff and decided.status_changed_at


def test_a_followup_the_new_reading_lacks_goes_unless_someone_decided_on_it():
    loaded = load(_march())
    kept = FollowUp.objects.get(actor="Takstgruppen")
    tracking.decide(kept, "done", None)
    lacking = parsed(MARCH, item("1.1", "Ungementorordningen – status"))

    result = load_parsed(lacking, loaded.source, published=True)

    assert list(FollowUp.objects.all()) == [kept]
    assert any(c["parsed"] == "missing" for c in result.conflicts)


def test_a_later_item_of_the_same_named_thing_is_suggested_and_staff_confirm_it():
    load(_march())
    load(parsed(JUNE, item("1", "Eventuelt"), item("2", "Ungementorordningen – oplæg")))
    waiting = FollowUp.objects.get(due_kind="next_meeting")
    answer = AgendaItem.objects.get(title="Ungementorordningen – oplæg")
    assert waiting.suggested_answer == answer
    # The case thread built with the load names it ("samme sag: Ungementorordningen"); without
    # one, the shared scheme would ("samme ordning: ungementorordning").
    assert "ungementorordning" in waiting.suggestion_evidence.lower()
    assert waiting.status == FollowUp.Status.OPEN  # a suggestion answers nothing yet

    staff = User.objects.create_user("sekretaer")
    assert tracking.decide(waiting, "confirm", staff)
    waiting.refresh_from_db()
    assert waiting.status == FollowUp.Status.ANSWERED and waiting.answered_by == answer


def test_no_answer_is_suggested_past_the_meeting_the_deadline_points_to():
    load(_march())
    load(parsed(JUNE, item("1", "Økonomi")))
    load(parsed(SEPTEMBER, item("1", "Ungementorordningen – oplæg")))
    assert FollowUp.objects.get(due_kind="next_meeting").suggested_answer is None


def test_without_a_deadline_an_answer_is_looked_for_within_a_year():
    load(parsed(MARCH, item("3", "Ungementorordningen", followup("vender tilbage"))))
    load(parsed(date(2025, 6, 5), item("4", "Ungementorordningen – evaluering")))
    assert FollowUp.objects.get().suggested_answer is None
    load(parsed(SEPTEMBER, item("2", "Ungementorordningen – status")))
    assert FollowUp.objects.get().suggested_answer.meeting.date == SEPTEMBER


def test_an_item_in_the_same_case_thread_is_suggested():
    from minutes.models import Case, CaseItem

    load(parsed(MARCH, item("3", "Drøftelse af botilbud",
                            followup("vender tilbage med en status"))))
    load(parsed(JUNE, item("4", "Status på kapaciteten")))
    first = AgendaItem.objects.get(number="3")
    later = AgendaItem.objects.get(number="4")
    case = Case.objects.create(name="Kapacitet", slug=unique_slug(Case, "Kapacitet"))
    for row in (first, later):
        CaseItem.objects.create(case=case, item=row, body=row.meeting.body,
                                meeting_date=row.meeting.date, number=row.number)
    tracking.refresh(first.meeting.body)
    found = FollowUp.objects.get()
    assert found.suggested_answer == later
    assert found.suggestion_evidence == "samme sag: Kapacitet"


def test_staff_deciding_a_case_updates_the_suggested_answers_at_once():
    """Confirming a later item into the case suggests it; rejecting it takes the suggestion
    back, without waiting for the next load."""
    from minutes.case_building import confirm, reject
    from minutes.models import Case

    load(parsed(MARCH, item("3", "Drøftelse af botilbud",
                            followup("vender tilbage med en status"))))
    load(parsed(JUNE, item("4", "Status på kapaciteten")))
    first = AgendaItem.objects.get(number="3")
    later = AgendaItem.objects.get(number="4")
    assert FollowUp.objects.get().suggested_answer is None
    case = Case.objects.create(name="Kapacitet", slug=unique_slug(Case, "Kapacitet"))
    staff = User.objects.create_user("sekretaer")

    confirm(case, [first, later], staff)
    assert FollowUp.objects.get().suggested_answer == later

    reject(case, later, staff)
    assert FollowUp.objects.get().suggested_answer is None


def test_a_decision_can_be_reopened():
    load(_march())
    found = FollowUp.objects.first()
    tracking.decide(found, "done", None)
    assert tracking.decide(found, "reopen", None)
    found.refresh_from_db()
    assert found.status == FollowUp.Status.OPEN and found.is_locked("status")
    assert not tracking.decide(found, "confirm", None)  # nothing suggested to confirm
