"""The admin: pages render, edits are locked against re-ingest, actions publish and merge."""
import re

import pytest
from django.urls import reverse

from ingest.load import load_parsed
from ingest.store import store_bytes
from minutes.models import AgendaItem, Meeting, Organisation, Person, SourceDocument, Topic
from tests.expected_parses import parsed_from_expectation

pytestmark = pytest.mark.django_db

SEED_2024 = "004_eed90c9ef06859eb"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting():
    source, _ = store_bytes(b"referat 2024", "referat-2024.txt")
    return load_parsed(parsed_from_expectation(SEED_2024), source, published=True).meeting


def _reload(version: str):
    source, _ = store_bytes(version.encode(), f"{version}.txt")
    return load_parsed(parsed_from_expectation(SEED_2024, sha_seed=version), source, published=True)


def _item_form(item: AgendaItem, **changes) -> dict:
    data = {
        "meeting": item.meeting_id,
        "number": item.number,
        "order": item.order,
        "section": item.section,
        "title": item.title,
        "presenters_text": item.presenters_text,
        "presenters": [p.pk for p in item.presenters.all()],
        "indstilling": item.indstilling,
        "referat": item.referat,
        "sagsfremstilling": item.sagsfremstilling,
        "other_parts": "{}",
        "page_start": "",
        "page_end": "",
        "topics": [t.pk for t in item.topics.all()],
        "locked_fields": "[]",
    }
    for prefix in ("decisions", "attachments"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "model",
    ["meeting", "agendaitem", "decision", "person", "organisation", "topic", "sourcedocument"],
)
def test_every_list_and_edit_page_renders(admin_client, meeting, model):
    changelist = admin_client.get(reverse(f"admin:minutes_{model}_changelist"))
    assert changelist.status_code == 200
    obj = {
        "meeting": meeting,
        "agendaitem": meeting.items.first(),
        "decision": meeting.items.first().decisions.first(),
        "person": Person.objects.first(),
        "organisation": meeting.participants.first().organisation,
        "topic": AgendaItem.objects.filter(topics__isnull=False).first().topics.first(),
        "sourcedocument": meeting.current_source,
    }[model]
    change = admin_client.get(reverse(f"admin:minutes_{model}_change", args=[obj.pk]))
    assert change.status_code == 200


def _titles(response) -> list[str]:
    return re.findall(r'<td class="field-title">([^<]*)</td>', response.content.decode())


def test_the_list_filters_by_year_outcome_and_topic(admin_client, meeting):
    url = reverse("admin:minutes_agendaitem_changelist")
    noted = _titles(admin_client.get(url, {"year": "2024", "decisions__outcome": "noted"}))
    assert len(noted) == 3
    assert "Centrale udmeldinger" in noted
    rammeaftale = Topic.objects.get(name="Rammeaftale")
    titles = _titles(admin_client.get(url, {"topics__id__exact": rammeaftale.pk}))
    assert "Drøftelse af faglige udviklingsområder i Rammeaftale 2025-26" in titles
    assert "Centrale udmeldinger" not in titles
    found = _titles(admin_client.get(url, {"q": "lånepuljen"}))
    assert "Fælleskommunal koordinering af ansøgninger til lånepuljen 2025/26" in found
    assert "Centrale udmeldinger" not in found
    assert _titles(admin_client.get(url, {"year": "2019"})) == []


def test_the_meeting_page_links_to_its_source_file(admin_client, meeting):
    response = admin_client.get(reverse("admin:minutes_meeting_change", args=[meeting.pk]))
    page = response.content.decode()
    original = reverse("ingest:original", args=[meeting.current_source.pk])
    assert f'href="{original}"' in page and "referat-2024.txt" in page
    assert 'href="/media/' not in page  # uploads are never served from MEDIA_URL
    assert admin_client.get(original).status_code == 200


def test_the_admin_speaks_danish_to_editors(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "DASSOS referatarkiv – redaktion" in page
    assert "Django administration" not in page and "Django site admin" not in page


def test_internal_fields_are_shown_read_only_in_words(admin_client, meeting):
    item = meeting.items.get(number="1.2")
    url = reverse("admin:minutes_agendaitem_change", args=[item.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="locked_fields"' not in page and 'name="other_parts"' not in page
    assert ">{}<" not in page and ">[]<" not in page
    admin_client.post(url, _item_form(item, title="Ny titel"))
    page = admin_client.get(url).content.decode()
    corrected = page.split("Rettet i hånden")[1].split('<div class="readonly">')[1]
    corrected = corrected.split("</div>")[0]
    assert "titel" in corrected and "sagsfremstilling" not in corrected


def test_the_source_documents_messages_read_as_sentences(admin_client, meeting):
    source = meeting.current_source
    source.warnings = [{"msgid": "Mødedatoen er gættet ud fra filnavnet.", "params": {}}]
    source.save()
    url = reverse("admin:minutes_sourcedocument_change", args=[source.pk])
    page = admin_client.get(url).content.decode()
    assert "<li>Mødedatoen er gættet ud fra filnavnet.</li>" in page
    assert "&quot;params&quot;" not in page


def test_an_edit_in_the_admin_survives_reingest_and_shows_in_the_history(admin_client, meeting):
    item = meeting.items.get(number="1.2")
    url = reverse("admin:minutes_agendaitem_change", args=[item.pk])

    response = admin_client.post(url, _item_form(item, title="Lånepuljen 2025/26"))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.locked_fields == ["title"]
    result = _reload("v2")
    item.refresh_from_db()
    assert item.title == "Lånepuljen 2025/26"
    assert result.conflicts[0]["field"] == "title"
    history = admin_client.get(reverse("admin:minutes_agendaitem_history", args=[item.pk]))
    assert "Lånepuljen 2025/26" in history.content.decode()
    assert "admin" in history.content.decode()


def _as_browser_sends(item: AgendaItem) -> dict:
    """The item's texts as a browser posts a textarea back: with CRLF line ends."""
    return {
        name: getattr(item, name).replace("\n", "\r\n")
        for name in ("indstilling", "referat", "sagsfremstilling")
    }


def test_changing_only_the_title_locks_only_the_title(admin_client, meeting):
    item = meeting.items.get(number="1.2")
    AgendaItem.objects.filter(pk=item.pk).update(
        sagsfremstilling="KKR Midtjylland anmodede om koordinering.\n\nDASSOS drøftede det."
    )
    item.refresh_from_db()
    stored = {n: getattr(item, n) for n in ("indstilling", "referat", "sagsfremstilling")}
    url = reverse("admin:minutes_agendaitem_change", args=[item.pk])

    response = admin_client.post(url, _item_form(item, title="Ny titel", **_as_browser_sends(item)))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.locked_fields == ["title"]
    assert {n: getattr(item, n) for n in stored} == stored  # LF line ends kept, byte for byte


def test_changing_an_inline_decision_locks_only_what_changed(admin_client, meeting):
    item = meeting.items.get(number="1.2")
    decision = item.decisions.get()
    decision.text = "DASSOS drøftede sagen.\nDASSOS godkendte koordineringen."
    decision.save()
    url = reverse("admin:minutes_agendaitem_change", args=[item.pk])
    data = _item_form(
        item,
        **_as_browser_sends(item),
        **{
            "decisions-TOTAL_FORMS": "1",
            "decisions-INITIAL_FORMS": "1",
            "decisions-0-id": decision.pk,
            "decisions-0-item": item.pk,
            "decisions-0-order": decision.order,
            "decisions-0-outcome": "rejected",
            "decisions-0-text": decision.text.replace("\n", "\r\n"),
        },
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    decision.refresh_from_db()
    item.refresh_from_db()
    assert decision.locked_fields == ["outcome"]
    assert decision.text == "DASSOS drøftede sagen.\nDASSOS godkendte koordineringen."
    assert item.locked_fields == []


def test_changing_an_items_topics_locks_the_topics(admin_client, meeting):
    item = meeting.items.get(number="1.2")
    extra = Topic.objects.exclude(pk__in=item.topics.all()).first()
    topics = [t.pk for t in item.topics.all()] + [extra.pk]
    url = reverse("admin:minutes_agendaitem_change", args=[item.pk])

    admin_client.post(url, _item_form(item, topics=topics, **_as_browser_sends(item)))

    item.refresh_from_db()
    assert item.locked_fields == ["topics"]
    assert extra in item.topics.all()


def test_publish_and_unpublish_actions(admin_client, meeting):
    url = reverse("admin:minutes_meeting_changelist")
    admin_client.post(url, {"action": "unpublish", "_selected_action": [meeting.pk]})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT
    assert meeting.current_source.status == SourceDocument.Status.READY

    _reload("v2")  # the command line publishes, but an editor's withdrawal wins
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT

    admin_client.post(url, {"action": "publish", "_selected_action": [meeting.pk]})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED


def test_merging_persons_keeps_the_one_with_most_meetings(admin_client, meeting):
    _reload("v2")
    chair = Person.objects.get(name="Jesper Thyrring Møller")
    stray = Person.objects.create(name="J. Thyrring Møller", slug="j-thyrring-moeller")
    url = reverse("admin:minutes_person_changelist")

    admin_client.post(url, {"action": "merge", "_selected_action": [chair.pk, stray.pk]})

    assert not Person.objects.filter(pk=stray.pk).exists()
    assert chair.aliases.filter(name="J. Thyrring Møller").exists()


def test_merging_organisations_keeps_the_one_with_most_participations(admin_client, meeting):
    region = Organisation.objects.get(name="Region Midtjylland")
    stray = Organisation.objects.create(name="Region Midt", slug="region-midt")
    url = reverse("admin:minutes_organisation_changelist")

    admin_client.post(url, {"action": "merge", "_selected_action": [stray.pk, region.pk]})

    assert not Organisation.objects.filter(pk=stray.pk).exists()
    assert region.aliases.filter(name="Region Midt").exists()


def test_merging_needs_two_selected(admin_client, meeting):
    person = Person.objects.get(name="Lene Hornstrup")
    url = reverse("admin:minutes_person_changelist")

    response = admin_client.post(
        url, {"action": "merge", "_selected_action": [person.pk]}, follow=True
    )

    assert "Vælg mindst to personer." in response.content.decode()
    assert Person.objects.filter(pk=person.pk).exists()


def _alias_formset(prefix: str = "aliases", **rows: str) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for n, name in enumerate(rows.values()):
        data[f"{prefix}-{n}-name"] = name
    return data


def test_an_organisation_renamed_in_the_admin_keeps_its_new_name_as_an_alias(
    admin_client, meeting
):
    organisation = meeting.participants.first().organisation
    url = reverse("admin:minutes_organisation_change", args=[organisation.pk])

    response = admin_client.post(
        url,
        {
            "name": "Region Midtjylland (Viborg)",
            "slug": organisation.slug,
            "kind": organisation.kind,
            **_alias_formset(extra="Regionen"),
        },
    )

    assert response.status_code == 302
    aliases = {a.name: a.source for a in organisation.aliases.all()}
    assert aliases["Region Midtjylland (Viborg)"] == "admin"
    assert aliases["Regionen"] == "admin"


def test_renaming_a_person_fixes_the_spelling_for_later_ingests(admin_client, meeting):
    person = Person.objects.get(name="Lene Hornstrup")
    url = reverse("admin:minutes_person_change", args=[person.pk])
    admin_client.post(
        url,
        {
            "name": "Lene Hornstrup Nielsen",
            "slug": person.slug,
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
        },
    )
    _reload("v2")
    person.refresh_from_db()
    assert person.name == "Lene Hornstrup Nielsen"
    assert person.name_locked
    assert person.participations.count() == 1


def test_an_item_deleted_in_the_admin_does_not_come_back_with_the_next_parse(
    admin_client, meeting
):
    item = meeting.items.get(number="3.2")
    url = reverse("admin:minutes_agendaitem_delete", args=[item.pk])

    admin_client.post(url, {"post": "yes"})
    result = _reload("v2")

    assert not meeting.items.filter(number="3.2").exists()
    assert meeting.items.count() == 8
    assert any(c["field"] == "items" and c["parsed"].startswith("3.2") for c in result.conflicts)
