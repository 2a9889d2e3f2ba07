"""The OParl 1.1 API: schema-valid objects, paged lists, date filters, files, published only."""
import json
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from minutes.models import AgendaItem, Decision, Meeting
from tests.opendata_fixtures import DRAFT_DATE, PUBLISHED_DATES
from tests.paths import FIXTURES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

SCHEMAS = Path(__file__).resolve().parent / "oparl_schemas"
_RESOURCES = {
    path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.json")
}
REGISTRY = Registry().with_resources(
    (name, Resource.from_contents(schema, default_specification=DRAFT202012))
    for name, schema in _RESOURCES.items()
)
ROOT = "/oparl/v1/"
LISTS = {
    "meeting": "Meeting",
    "agendaItem": "AgendaItem",
    "person": "Person",
    "organization": "Organization",
    "file": "File",
    "paper": "Paper",
    "consultation": "Consultation",
}


def validate(data: dict, schema: str) -> None:
    validator = Draft202012Validator(_RESOURCES[f"{schema}.json"], registry=REGISTRY)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def get(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def with_params(url: str, **params) -> str:
    return f"{path_of(url)}?{urlencode(params)}"


def walk(client, url: str) -> list[dict]:
    """Every object of a list, following `next` links; each page checked as a list page."""
    found = []
    while url:
        page = get(client, path_of(url))
        validate(page, "ObjectList")
        found.extend(page["data"])
        url = page["links"].get("next")
    return found


@pytest.fixture
def body(client) -> dict:
    system = get(client, ROOT)
    bodies = get(client, path_of(system["body"]))
    return get(client, path_of(bodies["data"][0]["id"]))


def test_the_system_object_leads_to_the_dassos_body(client):
    system = get(client, ROOT)
    validate(system, "System")
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    assert system["id"] == "http://testserver/oparl/v1/"

    bodies = get(client, path_of(system["body"]))
    validate(bodies, "ObjectList")
    assert [b["shortName"] for b in bodies["data"]] == ["DASSOS"]
    for obj in bodies["data"]:
        validate(obj, "Body")


def test_the_body_and_every_object_in_its_lists_match_the_oparl_schemas(client, body):
    validate(body, "Body")
    for key, schema in LISTS.items():
        objects = walk(client, body[key])
        assert objects, key
        for obj in objects:
            validate(obj, schema)
            # An object's id is its own URL and serves the same object.
            assert get(client, path_of(obj["id"]))["id"] == obj["id"]


def test_only_published_meetings_appear(client, body):
    meetings = walk(client, body["meeting"])
    assert sorted(m["dassos:date"] for m in meetings) == PUBLISHED_DATES

    draft = Meeting.objects.get(date=DRAFT_DATE)
    assert get(client, f"{ROOT}meeting/{draft.pk}/", 404)["message"]
    validate(get(client, f"{ROOT}meeting/{draft.pk}/", 404), "Error")
    draft_item = draft.items.first()
    get(client, f"{ROOT}agenda-item/{draft_item.pk}/", 404)
    get(client, f"{ROOT}file/source-{draft.current_source_id}/", 404)
    items = walk(client, body["agendaItem"])
    assert all(f"/{draft.pk}/" not in i["meeting"] for i in items)
    assert len(items) == AgendaItem.objects.exclude(meeting=draft).count()
    assert client.get(f"/kilder/{draft.current_source_id}/").status_code == 404


def test_a_meeting_embeds_its_agenda_referat_file_and_participants(client, body):
    meetings = {m["dassos:date"]: m for m in walk(client, body["meeting"])}
    meeting = meetings["2021-11-25"]
    names = [i["name"] for i in meeting["agendaItem"]]
    assert "Mødeplan for DASSOS 2022" in names
    assert [i["order"] for i in meeting["agendaItem"]] == sorted(
        i["order"] for i in meeting["agendaItem"]
    )
    assert meeting["resultsProtocol"]["fileName"] == "003_3388be411b985e9f.txt"
    assert meeting["participant"], "present participants are listed as Person URLs"
    people = {get(client, path_of(url))["name"] for url in meeting["participant"]}
    assert "Jesper Thyrring Møller" in people
    assert meeting["web"].endswith("/moeder/2021-11-25/dassos/")


def test_an_agenda_item_carries_result_resolution_text_and_dassos_extras(client, body):
    items = walk(client, body["agendaItem"])
    plan = next(i for i in items if i["name"] == "Mødeplan for DASSOS 2022")

    assert plan["result"] == "taget til efterretning"
    assert plan["dassos:outcome"] == "noted"
    assert plan["resolutionText"] == "Mødeplanen blev taget til efterretning."
    assert any("mødeplanen for 2022" in point for point in plan["dassos:indstilling"])
    assert plan["number"] == "2.3"
    assert plan["public"] is True
    assert plan["web"].endswith("/moeder/2021-11-25/dassos/punkt/2.3/")


def test_items_show_their_topics_under_the_extension_key(client, body):
    items = walk(client, body["agendaItem"])
    tagged = [i for i in items if i["dassos:topics"]]
    assert tagged
    topic = tagged[0]["dassos:topics"][0]
    assert set(topic) == {"name", "slug", "web"}
    assert topic["web"].endswith(f"/emner/{topic['slug']}/")


def test_bilag_with_links_are_files_of_their_item(client, body):
    files = walk(client, body["file"])
    bilag = [f for f in files if "/file/bilag-" in f["id"]]
    sources = [f for f in files if "/file/source-" in f["id"]]
    assert len(sources) == len(PUBLISHED_DATES)
    assert bilag, "the seeds link bilag to PDFs"
    assert all(f["accessUrl"].startswith("http") for f in bilag)
    item = get(client, path_of(bilag[0]["agendaItem"][0]))
    assert bilag[0]["id"] in [f["id"] for f in item["auxiliaryFile"]]


def test_a_source_document_is_served_inline_and_as_a_download(client, body):
    meetings = {m["dassos:date"]: m for m in walk(client, body["meeting"])}
    protocol = meetings["2022-09-15"]["resultsProtocol"]
    original = (FIXTURES / "002_1f7ce8dd622acaf4.txt").read_bytes()

    inline = client.get(path_of(protocol["accessUrl"]))
    assert inline.status_code == 200
    assert b"".join(inline.streaming_content) == original
    assert inline["Content-Type"].startswith("text/plain")
    assert not inline["Content-Disposition"].startswith("attachment")

    download = client.get(path_of(protocol["downloadUrl"]))
    assert download["Content-Disposition"] == (
        'attachment; filename="dassos-referat-2022-09-15.txt"'
    )
    assert b"".join(download.streaming_content) == original
    assert protocol["size"] == len(original)


def test_pages_follow_next_links_and_keep_the_filters(client, body):
    everything = walk(client, body["agendaItem"])
    since = "2000-01-01T00:00:00+01:00"
    query = urlencode({"elementsPerPage": 7, "modified_since": since})
    first = get(client, path_of(body["agendaItem"]) + "?" + query)

    assert first["pagination"]["elementsPerPage"] == 7
    assert first["pagination"]["totalElements"] == len(everything)
    assert first["pagination"]["totalPages"] == -(-len(everything) // 7)
    assert "modified_since=" in first["links"]["next"]
    assert "elementsPerPage=7" in first["links"]["next"]
    assert "prev" not in first["links"]
    paged = walk(client, path_of(first["links"]["self"]))
    assert [i["id"] for i in paged] == [i["id"] for i in everything]


def test_elements_per_page_is_capped_at_one_hundred(client, body):
    page = get(client, path_of(body["agendaItem"]) + "?elementsPerPage=5000")
    assert page["pagination"]["elementsPerPage"] == 100


def test_modified_since_returns_only_what_changed(client, body):
    long_ago = timezone.now() - timedelta(days=400)
    AgendaItem.objects.update(updated_at=long_ago)
    Decision.objects.update(updated_at=long_ago)
    changed = AgendaItem.objects.filter(meeting__date="2022-09-15").order_by("order")[1]
    changed.title = "Ny titel"
    changed.save()
    since = (timezone.now() - timedelta(days=1)).isoformat()

    recent = walk(client, with_params(body["agendaItem"], modified_since=since))
    assert [i["name"] for i in recent] == ["Ny titel"]

    decision = Decision.objects.filter(item__meeting__date="2021-11-25").first()
    decision.text = "Rettet referat."
    decision.save()
    recent = walk(client, with_params(body["agendaItem"], modified_since=since))
    assert sorted(i["name"] for i in recent) == sorted(["Ny titel", decision.item.title])
    older = walk(client, with_params(body["agendaItem"], modified_until=since))
    assert len(older) + 2 == len(walk(client, body["agendaItem"]))


def test_created_since_in_the_future_gives_an_empty_list(client, body):
    tomorrow = (timezone.now() + timedelta(days=1)).isoformat()
    for key in ("meeting", "agendaItem", "person", "organization", "file"):
        page = get(client, with_params(body[key], created_since=tomorrow))
        assert page["data"] == [] and page["pagination"]["totalElements"] == 0, key


def test_a_date_filter_without_a_time_zone_is_a_clear_error(client, body):
    error = get(client, path_of(body["meeting"]) + "?modified_since=2024-01-01T00:00:00", 400)
    validate(error, "Error")
    assert "time zone" in error["message"]


def test_an_unencoded_plus_in_a_date_filter_is_understood(client, body):
    page = get(client, path_of(body["meeting"]) + "?created_since=2000-01-01T00:00:00+01:00")
    assert page["pagination"]["totalElements"] == len(PUBLISHED_DATES)


def test_list_queries_do_not_grow_with_the_page_size(client, body, django_assert_num_queries):
    expected = {"meeting": 8, "agendaItem": 6, "person": 3, "organization": 3, "file": 5}
    for key, queries in expected.items():
        for size in (5, 20, 100):
            with django_assert_num_queries(queries, info=f"{key}, {size} per page"):
                client.get(path_of(body[key]) + f"?elementsPerPage={size}")


def test_a_change_inside_a_meeting_makes_the_meeting_modified(client):
    from minutes.models import Decision

    meeting = Meeting.objects.public().get(date="2022-09-15")
    before = timezone.now()
    decision = Decision.objects.filter(item__meeting=meeting).first()
    decision.text += " (rettet)"
    decision.save()
    meeting.refresh_from_db()
    assert meeting.updated_at > before
    since = before.isoformat()
    listed = client.get(
        "/oparl/v1/body/dassos/meetings/", {"modified_since": since}
    ).json()["data"]
    assert [m["dassos:date"] for m in listed] == ["2022-09-15"]


def test_one_url_per_page_an_oparl_404_for_unknown_paths_and_one_language(client):
    first = client.get("/oparl/v1/body/dassos/meetings/?page=1")
    assert first.status_code == 301
    assert first["Location"] == "/oparl/v1/body/dassos/meetings/"
    listing = client.get("/oparl/v1/body/dassos/meetings/").json()
    assert "page=" not in listing["links"]["first"]

    unknown = client.get("/oparl/v1/no-such-thing/")
    assert unknown.status_code == 404
    assert unknown["Content-Type"].startswith("application/json")
    assert unknown["Access-Control-Allow-Origin"] == "*"
    assert unknown.json()["type"] == "https://schema.oparl.org/1.1/Error"

    url = f"/oparl/v1/meeting/{Meeting.objects.public().first().pk}/"
    danish = client.get(url, HTTP_ACCEPT_LANGUAGE="da").content
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content
    assert danish == english


def test_the_system_says_when_and_under_which_licence_and_meetings_always_have_a_start(
    client
):
    system = client.get("/oparl/v1/").json()
    assert system["license"].startswith("https://creativecommons.org/")
    assert system["created"] <= system["modified"]
    meetings = client.get("/oparl/v1/body/dassos/meetings/").json()["data"]
    assert all("start" in m for m in meetings)
    untimed = [m for m in meetings if not m["dassos:timeKnown"]]
    assert untimed and all(m["start"].endswith("T00:00:00+01:00") for m in untimed)
    assert all(v != [] for m in meetings for k, v in m.items() if not k.startswith("dassos:"))


def test_a_withdrawn_meeting_and_its_items_stay_as_deleted_objects(client):
    meeting = Meeting.objects.public().get(date="2022-09-15")
    item = meeting.items.first()
    since = timezone.now().isoformat()
    meeting.set_published(False)

    gone = client.get(f"/oparl/v1/meeting/{meeting.pk}/").json()
    assert gone["deleted"] is True and gone["type"].endswith("/Meeting")
    assert "name" not in gone and "agendaItem" not in gone
    assert client.get(f"/oparl/v1/agenda-item/{item.pk}/").json()["deleted"] is True
    synced = client.get("/oparl/v1/body/dassos/meetings/", {"modified_since": since}).json()
    assert [m["id"] for m in synced["data"]] == [gone["id"]]
    items = client.get("/oparl/v1/body/dassos/agenda-items/", {"modified_since": since}).json()
    assert all(i["deleted"] for i in items["data"]) and len(items["data"]) == meeting.items.count()
    listed = client.get("/oparl/v1/body/dassos/meetings/").json()["data"]
    assert gone["id"] not in [m["id"] for m in listed]  # a plain list shows what is public

    draft = Meeting.objects.exclude(status="published").exclude(pk=meeting.pk).first()
    assert client.get(f"/oparl/v1/meeting/{draft.pk}/").status_code == 404  # never public


def test_the_body_lists_memberships_locations_and_empty_terms(client):
    body = client.get("/oparl/v1/body/dassos/").json()
    memberships = client.get(body["membership"]).json()
    first = memberships["data"][0]
    assert first["type"].endswith("/Membership")
    assert first["startDate"] == first["endDate"]
    assert client.get(first["id"]).json() == first
    attended = client.get(first["dassos:meeting"]).json()
    assert first["person"] in attended["participant"] + attended.get("dassos:absent", [])
    locations = client.get(body["locationList"]).json()["data"]
    assert locations and all(loc["type"].endswith("/Location") for loc in locations)
    empty = client.get(body["legislativeTermList"]).json()
    assert empty["data"] == [] and empty["pagination"]["totalElements"] == 0


def test_a_case_is_a_paper_whose_consultations_are_its_published_items(client, body):
    papers = {p["name"]: p for p in walk(client, body["paper"])}
    # The 2024 meeting is a draft: Kollegiet (2024, 2026) has one public step and is no paper.
    assert "Kollegiet" not in papers
    mentor = papers["Ungementorordningen"]
    validate(mentor, "Paper")
    assert mentor["web"] == "http://testserver/sager/ungementorordningen/"
    steps = [get(client, path_of(c["agendaItem"]))["name"] for c in mentor["consultation"]]
    assert steps == ["Status på Ungementorordningen 2020",
                     "Tilslutning til ny aftaleperiode for ungementorordningen"]
    consultation = get(client, path_of(mentor["consultation"][0]["id"]))
    validate(consultation, "Consultation")
    assert consultation["paper"] == mentor["id"]
    assert get(client, path_of(mentor["id"])) == mentor


def test_omit_internal_leaves_out_this_servers_own_properties(client):
    meeting = Meeting.objects.public().first()
    full = client.get(f"/oparl/v1/meeting/{meeting.pk}/").json()
    plain = client.get(f"/oparl/v1/meeting/{meeting.pk}/", {"omit_internal": "true"}).json()
    assert any(key.startswith("dassos:") for key in full)
    assert not any(key.startswith("dassos:") for key in json.dumps(plain).split('"'))
    assert plain["id"] == full["id"] and plain["agendaItem"]
