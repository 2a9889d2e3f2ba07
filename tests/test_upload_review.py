"""The review page: the parsed meeting beside its text, warnings, lasting corrections, publish."""
import pytest
from django.utils.html import escape

from ingest.process import reingest_source
from minutes.models import AgendaItem, Meeting, SourceDocument
from tests.upload_support import SEED_2024, referat_file, review_form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]


@pytest.fixture
def source(staff, django_capture_on_commit_callbacks):
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    return SourceDocument.objects.get()


def test_it_shows_the_parsed_meeting_beside_the_source_text(staff, source):
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    item = source.meeting.items.get(number="1.2")
    assert "DASSOS 01.03.2024" in page
    assert 'value="Viborg Rådhus, Prinsens Alle 5, 8800 Viborg"' in page
    assert "Deltagere" in page and "Jesper Thyrring Møller" in page
    assert f'value="{escape(item.title)}"' in page
    for attachment in item.attachments.all():
        assert escape(attachment.title) in page
    # Each item beside its own lines of the file, numbered as the file's lines are.
    beside = page.split(f'id="punkt-{item.pk}"')[1].split('class="item-row"')[0]
    first = source.text.splitlines().index(next(
        line for line in source.text.splitlines()[::-1] if item.title[:30] in line
    )) + 1
    assert f'<li id="linje-{first}" value="{first}">' in beside
    assert "Multisalen" in page.split('class="item-source"')[1]
    assert "kladde" in page and "Gem og offentliggør" in page


def test_it_warns_about_a_cpr_number_in_the_text(staff, django_capture_on_commit_callbacks):
    text = SEED_2024.read_text(encoding="utf-8").replace(
        "Multisalen", "Multisalen\nBorger med CPR 120379-1234 nævnt i sagen", 1
    )
    upload(staff, django_capture_on_commit_callbacks, referat_file(name="cpr.txt", text=text))
    source = SourceDocument.objects.get()
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    warnings = page.split('id="warnings-heading"')[1].split("</section>")[0]
    assert "CPR-nummer 120379-xxxx" in warnings
    assert "120379-1234" not in warnings


def test_corrections_are_saved_locked_and_survive_re_ingest(staff, source):
    item = source.meeting.items.get(number="1.2")
    index = list(source.meeting.items.order_by("order")).index(item)
    context = staff.get(f"/sekretariat/{source.pk}/").context
    data = review_form_data(
        context,
        **{
            f"items-{index}-title": "Lånepuljen: fælleskommunal koordinering (rettet)",
            f"items-{index}-referat": "DASSOS godkendte koordineringen.\r\nRettet af os.",
            f"items-{index}-outcome": "approved",
            "meeting-location": "Viborg Rådhus",
        },
    )
    response = staff.post(f"/sekretariat/{source.pk}/", data)
    assert response.status_code == 302, response.context and response.context["formset"].errors
    item.refresh_from_db()
    assert item.title == "Lånepuljen: fælleskommunal koordinering (rettet)"
    assert item.referat == "DASSOS godkendte koordineringen.\nRettet af os."
    assert item.locked_fields == ["referat", "title"]
    decision = item.decisions.get()
    assert (decision.outcome, decision.text) == ("approved", item.referat)
    untouched = AgendaItem.objects.exclude(pk=item.pk).filter(meeting=source.meeting)
    assert all(not other.locked_fields for other in untouched)

    reingest_source(SourceDocument.objects.get(pk=source.pk))

    item.refresh_from_db()
    meeting = Meeting.objects.get(pk=source.meeting_id)
    assert item.title == "Lånepuljen: fælleskommunal koordinering (rettet)"
    assert item.referat.endswith("Rettet af os.")
    assert item.decisions.get().outcome == "approved"
    assert meeting.location == "Viborg Rådhus"
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    assert "rettelsen af titel er bevaret" in page


def test_only_the_fields_whose_values_changed_are_locked(staff, source):
    item = source.meeting.items.get(number="1.2")
    index = list(source.meeting.items.order_by("order")).index(item)
    texts = {
        i.pk: (i.indstilling, i.referat, i.sagsfremstilling) for i in source.meeting.items.all()
    }
    assert any("\n" in text for triple in texts.values() for text in triple)
    context = staff.get(f"/sekretariat/{source.pk}/").context
    data = review_form_data(
        context, **{f"items-{index}-title": "Lånepuljen", "meeting-location": "Viborg Rådhus"}
    )
    # As a browser sends textareas back: CRLF line ends.
    data = {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}

    response = staff.post(f"/sekretariat/{source.pk}/", data)

    assert response.status_code == 302
    meeting = Meeting.objects.get(pk=source.meeting_id)
    assert meeting.locked_fields == ["location"]
    for other in meeting.items.all():
        assert other.locked_fields == (["title"] if other.pk == item.pk else [])
        assert (other.indstilling, other.referat, other.sagsfremstilling) == texts[other.pk]
        assert not any(d.locked_fields for d in other.decisions.all())


def test_a_corrected_date_survives_re_ingest(staff, source):
    context = staff.get(f"/sekretariat/{source.pk}/").context
    response = staff.post(
        f"/sekretariat/{source.pk}/", review_form_data(context, **{"meeting-date": "2024-03-04"})
    )
    assert response.status_code == 302
    reingest_source(SourceDocument.objects.get(pk=source.pk))
    assert list(Meeting.objects.values_list("date", flat=True)) == [
        Meeting.objects.get().date
    ]
    assert Meeting.objects.get().date.isoformat() == "2024-03-04"


def test_an_invalid_correction_is_not_saved_and_says_why(staff, source):
    context = staff.get(f"/sekretariat/{source.pk}/").context
    data = review_form_data(context, **{"meeting-date": "", "items-0-title": "Ny titel"})
    response = staff.post(f"/sekretariat/{source.pk}/", data)
    assert response.status_code == 400
    assert "Rettelserne er ikke gemt" in response.content.decode()
    assert not AgendaItem.objects.filter(title="Ny titel").exists()


def test_publishing_makes_the_meeting_public_and_withdrawing_hides_it(staff, client, source):
    meeting = source.meeting
    response = staff.post(f"/sekretariat/{source.pk}/offentliggoer/", {"action": "publish"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_published
    assert SourceDocument.objects.get(pk=source.pk).status == SourceDocument.Status.PUBLISHED
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    assert "er offentliggjort" in page and "Gem og træk tilbage" in page

    staff.post(f"/sekretariat/{source.pk}/offentliggoer/", {"action": "withdraw"})
    meeting.refresh_from_db()
    assert not meeting.is_published


def test_the_original_file_is_served_under_its_own_name(staff, source):
    response = staff.get(f"/sekretariat/{source.pk}/original/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SEED_2024.read_bytes()
    assert response["Content-Disposition"].startswith("attachment;")
    assert SEED_2024.name in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_review_page_queries_do_not_grow_with_the_items(
    staff, source, django_assert_max_num_queries
):
    # The organisations a participant can be given, read once; the items' follow-ups, once.
    with django_assert_max_num_queries(12):
        assert staff.get(f"/sekretariat/{source.pk}/").status_code == 200


def test_the_parsers_warnings_come_first(staff, django_capture_on_commit_callbacks):
    seed = SEED_2024.parent / "001_40beb81e564bf595.txt"  # no cover page: the date is inferred
    upload(staff, django_capture_on_commit_callbacks, referat_file(seed))
    source = SourceDocument.objects.get()
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    warnings = page.split('id="warnings-heading"')[1].split("</section>")[0]
    assert "Ingen forside; datoen 2020-11-23 er udledt af »oplæg til DASSOS 23.11.20«" in warnings
    assert page.index('id="warnings-heading"') < page.index("Dagsordenspunkter")
