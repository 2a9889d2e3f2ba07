"""The review page is one form: publishing saves what was typed first, and everything the parser
read is correctable there (the room, the participants), locked against later parses."""
import pytest

from ingest.process import reingest_source
from minutes.models import AgendaItem, Meeting, Participant, SourceDocument
from tests.upload_support import referat_file, review_form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]


@pytest.fixture
def source(staff, django_capture_on_commit_callbacks):
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    return SourceDocument.objects.get()


def _context(staff, source):
    return staff.get(f"/sekretariat/{source.pk}/").context


def _participant_prefix(context, name: str) -> str:
    form = next(
        f for f in context["participant_formset"].forms
        if f.instance.pk and f.instance.person.name == name
    )
    return form.prefix


def test_publishing_saves_the_title_typed_just_before(staff, source):
    data = review_form_data(
        _context(staff, source), **{"items-0-title": "Ny titel", "action": "publish"}
    )
    assert staff.post(f"/sekretariat/{source.pk}/", data).status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.is_published
    assert meeting.items.filter(title="Ny titel").exists()


def test_publishing_with_an_invalid_field_publishes_nothing_and_names_it(staff, source):
    data = review_form_data(
        _context(staff, source),
        **{"meeting-date": "", "items-0-title": "Ny titel", "action": "publish"},
    )
    response = staff.post(f"/sekretariat/{source.pk}/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Intet er gemt og mødet er ikke offentliggjort; ret først: Dato." in page
    assert 'value="Ny titel"' in page  # what was typed is still in the form
    assert not Meeting.objects.get().is_published
    assert not AgendaItem.objects.filter(title="Ny titel").exists()


def test_the_room_has_its_own_field(staff, source):
    context = _context(staff, source)
    assert context["meeting_form"].initial["room"] == "Multisalen"
    data = review_form_data(context, **{"meeting-room": "Mødelokale 2"})
    staff.post(f"/sekretariat/{source.pk}/", data)
    meeting = Meeting.objects.get()
    assert meeting.room == "Mødelokale 2" and meeting.locked_fields == ["room"]
    assert "Multisalen" not in meeting.location


def test_a_participants_status_organisation_and_role_are_corrected_and_kept(staff, source):
    context = _context(staff, source)
    prefix = _participant_prefix(context, "Ulrik Johansen")
    other_org = Participant.objects.get(person__name="Lone Rasmussen").organisation
    data = review_form_data(context, **{
        f"{prefix}-status": "absent",
        f"{prefix}-organisation": str(other_org.pk),
        f"{prefix}-role": "næstformand",
    })
    assert staff.post(f"/sekretariat/{source.pk}/", data).status_code == 302
    reingest_source(SourceDocument.objects.get())
    corrected = Participant.objects.get(person__name="Ulrik Johansen")
    assert (corrected.status, corrected.organisation, corrected.role) == (
        "absent", other_org, "næstformand"
    )
    assert corrected.locked_fields == ["organisation", "role", "status"]
    untouched = Participant.objects.get(person__name="Lone Rasmussen")
    assert untouched.locked_fields == []


def test_participants_are_added_and_removed_and_the_list_stays_so(staff, source):
    context = _context(staff, source)
    removed = _participant_prefix(context, "Ulrik Johansen")
    new = context["participant_formset"].forms[-1].prefix
    data = review_form_data(context, **{
        f"{removed}-DELETE": "on",
        f"{new}-name": "Karen Gæst",
        f"{new}-status": "present",
        f"{new}-role": "gæst",
    })
    assert staff.post(f"/sekretariat/{source.pk}/", data).status_code == 302
    reingest_source(SourceDocument.objects.get())
    names = set(Participant.objects.values_list("person__name", flat=True))
    assert "Karen Gæst" in names and "Ulrik Johansen" not in names
    assert Meeting.objects.get().is_locked("participants")
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    assert "Karen Gæst" in page


def test_an_unchanged_form_locks_nothing(staff, source):
    staff.post(f"/sekretariat/{source.pk}/", review_form_data(_context(staff, source)))
    assert Meeting.objects.get().locked_fields == []
    assert not Participant.objects.exclude(locked_fields=[]).exists()
    assert not AgendaItem.objects.exclude(locked_fields=[]).exists()
