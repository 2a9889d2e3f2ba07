"""Follow-ups corrected by the secretariat on the review page and by editors in the admin: what
they change is locked, and reading the referat again keeps it."""
from datetime import date

import pytest
from django.urls import reverse

from ingest.process import reingest_source
from minutes.models import AgendaItem, FollowUp, SourceDocument
from tests.upload_support import make_user, referat_file, review_form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]


@pytest.fixture
def source(staff, django_capture_on_commit_callbacks) -> SourceDocument:
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    source = SourceDocument.objects.get()
    item = AgendaItem.objects.get(meeting=source.meeting, number="1.2")
    FollowUp.objects.filter(item__meeting=source.meeting).delete()  # only the one made here
    FollowUp.objects.create(item=item, actor="Fællessekretariatet", action="sender et oplæg",
                            due_text="til næste møde", due_kind="next_meeting")
    return source


def test_the_review_page_shows_each_items_followups_beside_it(staff, source):
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    item = AgendaItem.objects.get(meeting=source.meeting, number="1.2")
    fieldset = page.split(f'id="punkt-{item.pk}"')[1].split('class="item-row"')[0]
    assert 'value="Fællessekretariatet"' in fieldset and "sender et oplæg" in fieldset
    assert 'name="followups-0-due"' in fieldset


def test_a_followup_corrected_on_the_review_page_is_locked_and_survives_a_reread(staff, source):
    context = staff.get(f"/sekretariat/{source.pk}/").context
    data = review_form_data(context, **{
        "followups-0-action": "sender et revideret oplæg",
        "followups-0-due": "2024-05-15",
        "followups-0-due_kind": "date",
    })
    assert staff.post(f"/sekretariat/{source.pk}/", data).status_code == 302
    followup = FollowUp.objects.get(actor="Fællessekretariatet", due_text="til næste møde")
    assert followup.action == "sender et revideret oplæg" and followup.due == date(2024, 5, 15)
    assert set(followup.locked_fields) == {"action", "due", "due_kind"}

    reingest_source(SourceDocument.objects.get())

    followup.refresh_from_db()
    assert followup.action == "sender et revideret oplæg" and followup.due == date(2024, 5, 15)


def test_an_untouched_review_form_locks_no_followup(staff, source):
    context = staff.get(f"/sekretariat/{source.pk}/").context
    assert staff.post(f"/sekretariat/{source.pk}/", review_form_data(context)).status_code == 302
    assert FollowUp.objects.get(action="sender et oplæg").locked_fields == []


def test_the_admin_lists_edits_and_decides_followups(client, source):
    admin = make_user("redaktoer", superuser=True)
    client.force_login(admin)
    followup = FollowUp.objects.get(action="sender et oplæg")
    changelist = client.get(reverse("admin:minutes_followup_changelist"))
    assert changelist.status_code == 200 and "sender et oplæg" in changelist.content.decode()
    url = reverse("admin:minutes_followup_change", args=[followup.pk])
    assert client.get(url).status_code == 200
    data = {
        "item": followup.item_id, "actor": "Takstgruppen", "person": "", "organisation": "",
        "action": followup.action, "due_text": followup.due_text, "due": "",
        "due_kind": followup.due_kind, "status": "done", "answered_by": "",
    }
    assert client.post(url, data).status_code == 302
    followup.refresh_from_db()
    assert followup.actor == "Takstgruppen" and followup.status == FollowUp.Status.DONE
    assert followup.status_changed_by == admin
    assert {"actor", "status"} <= set(followup.locked_fields)

    client.post(reverse("admin:minutes_followup_changelist"),
                {"action": "mark_dropped", "_selected_action": [followup.pk]})
    followup.refresh_from_db()
    assert followup.status == FollowUp.Status.DROPPED


def test_a_draft_uploads_followups_are_never_shown_to_the_public(client, source):
    """The upload is read but not published: none of its follow-ups reaches a reader."""
    from icalendar import Calendar

    followup = FollowUp.objects.get(action="sender et oplæg")
    followup.due = date(2024, 5, 1)
    followup.save()
    assert not source.meeting.is_published and FollowUp.objects.public().count() == 0
    client.logout()
    assert "sender et oplæg" not in client.get("/opfoelgning/?status=all").content.decode()
    assert client.get(followup.get_absolute_url()).status_code == 404
    assert b"sender et opl" not in client.get("/opfoelgning/feed/").content
    calendar = Calendar.from_ical(client.get("/opfoelgning.ics").content)
    assert calendar.walk("VEVENT") == []
    assert followup.get_absolute_url() not in client.get("/sitemap-followups.xml").content.decode()

    source.meeting.set_published(True)
    assert "sender et oplæg" in client.get("/opfoelgning/?status=all").content.decode()
    assert client.get(followup.get_absolute_url()).status_code == 200
