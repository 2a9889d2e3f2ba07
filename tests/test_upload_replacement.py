"""A new file for a meeting that exists: offered as a replacement, loaded only when confirmed."""
import pytest
from django.core.files.storage import default_storage

from minutes.models import AgendaItem, Meeting, SourceDocument
from tests.upload_support import SEED_2024, referat_file, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]

CORRECTED = SEED_2024.read_text(encoding="utf-8").replace(
    "DASSOS drøftede mulige emner", "DASSOS drøftede grundigt mulige emner", 1
)


@pytest.fixture
def published(staff, django_capture_on_commit_callbacks):
    """The 2024 referat, uploaded, corrected by hand (item 1.1's title) and published."""
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    source = SourceDocument.objects.get()
    item = source.meeting.items.get(number="1.1")
    item.title = "Rammeaftale 2025-26: faglige udviklingsområder"
    item.lock("title")
    item.save()
    staff.post(f"/sekretariat/{source.pk}/offentliggoer/", {"action": "publish"})
    return source


def _upload_corrected(staff, capture):
    upload(staff, capture, referat_file(name="referat-rettet.txt", text=CORRECTED))
    return SourceDocument.objects.get(original_filename="referat-rettet.txt")


def test_a_new_file_for_an_existing_meeting_waits_for_confirmation(
    staff, published, django_capture_on_commit_callbacks
):
    new = _upload_corrected(staff, django_capture_on_commit_callbacks)
    meeting = Meeting.objects.get()
    assert new.status == SourceDocument.Status.REPLACEMENT
    assert new.meeting_id == meeting.pk
    assert meeting.current_source_id == published.pk
    item = meeting.items.get(number="1.3")
    assert "grundigt" not in item.referat
    page = staff.get(f"/sekretariat/{new.pk}/").content.decode()
    assert "Filen er læst som mødet DASSOS 01.03.2024, som allerede findes" in page
    assert "Mødet er offentligt" in page
    assert "Erstat" in page and "Kassér den nye fil" in page
    assert "grundigt" in page  # the new text is shown beside the offer


def test_confirming_the_replacement_keeps_the_old_file_and_the_hand_corrections(
    staff, published, django_capture_on_commit_callbacks
):
    new = _upload_corrected(staff, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/sekretariat/{new.pk}/erstat/")
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    new.refresh_from_db()
    assert meeting.current_source_id == new.pk
    assert meeting.is_published
    assert new.status == SourceDocument.Status.PUBLISHED
    assert "grundigt" in meeting.items.get(number="1.3").referat
    assert meeting.items.get(number="1.1").title == "Rammeaftale 2025-26: faglige udviklingsområder"
    old = SourceDocument.objects.get(pk=published.pk)
    assert old.meeting_id == meeting.pk
    assert default_storage.exists(old.file.name)
    assert AgendaItem.objects.filter(meeting=meeting).count() == 9
    rows = staff.get("/sekretariat/").content.decode()
    assert "erstattet" in rows


def test_discarding_the_replacement_leaves_the_meeting_as_it_was(
    staff, published, django_capture_on_commit_callbacks
):
    new = _upload_corrected(staff, django_capture_on_commit_callbacks)
    stored = new.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/sekretariat/{new.pk}/kasser/")
    assert response.status_code == 302
    assert not SourceDocument.objects.filter(pk=new.pk).exists()
    assert not default_storage.exists(stored)
    meeting = Meeting.objects.get()
    assert meeting.current_source_id == published.pk
    assert "grundigt" not in meeting.items.get(number="1.3").referat


def test_a_parsed_document_cannot_be_discarded(staff, published):
    response = staff.post(f"/sekretariat/{published.pk}/kasser/", follow=True)
    assert "Kun en afventende erstatning kan kasseres." in response.content.decode()
    assert SourceDocument.objects.filter(pk=published.pk).exists()


def test_the_replacement_is_compared_field_by_field_with_the_public_version(
    staff, published, django_capture_on_commit_callbacks
):
    text = CORRECTED.replace("Jes Svenninggaard\tHorsens Kommune\n", "", 1)
    upload(staff, django_capture_on_commit_callbacks, referat_file(name="ny.txt", text=text))
    new = SourceDocument.objects.get(original_filename="ny.txt")
    page = staff.get(f"/sekretariat/{new.pk}/").content.decode()
    comparison = page.split('id="comparison-heading"')[1].split("</section>")[0]
    assert "Forskelle fra den offentlige udgave" in page
    changed = comparison.split("Ændret: Pkt. 1.3")[1].split("</table>")[0]
    assert "<th scope=\"row\">Referat</th>" in changed and "grundigt" in changed
    assert "Ændret: Pkt. 1.1" not in comparison  # its title was corrected by hand: kept
    assert "Udgår: Jes Svenninggaard" in comparison
    assert "Erstat og offentliggør" in page
    # Nothing is public before the confirmation.
    meeting = Meeting.objects.get()
    assert "grundigt" not in meeting.items.get(number="1.3").referat
    assert meeting.participants.filter(person__name="Jes Svenninggaard").exists()


def test_a_replacement_with_personal_data_for_a_public_meeting_asks_first(
    staff, published, django_capture_on_commit_callbacks
):
    text = CORRECTED.replace(
        "DASSOS drøftede grundigt", "Skriv til a.b@gmail.com. DASSOS drøftede grundigt", 1
    )
    upload(staff, django_capture_on_commit_callbacks, referat_file(name="ny.txt", text=text))
    new = SourceDocument.objects.get(original_filename="ny.txt")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/sekretariat/{new.pk}/erstat/", follow=True)
    assert "Ikke erstattet: den nye fil indeholder a.b@gmail.com" in response.content.decode()
    assert Meeting.objects.get().current_source_id == published.pk
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/sekretariat/{new.pk}/erstat/", {"confirm_personal_data": "yes"})
    meeting = Meeting.objects.get()
    assert meeting.current_source_id == new.pk
    assert not SourceDocument.objects.public().filter(pk=new.pk).exists()  # original private
