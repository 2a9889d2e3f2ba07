"""Follow-up pages as readers and the secretariat see them: /opfoelgning/ and its filters, the
permalink page and its decision form, the item page's "Opfølgning" block, the home page, the
Atom feed, the calendar and the sitemap; only published meetings' follow-ups for the public."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from minutes.models import AgendaItem, Case, CaseItem, FollowUp, Meeting
from tests.followups_support import followup, item, load, parsed
from tests.upload_support import make_user

pytestmark = pytest.mark.django_db

MARCH = date(2024, 3, 1)
JUNE = date(2024, 6, 7)
DRAFT_DAY = date(2024, 9, 13)


@pytest.fixture
def followups(settings, tmp_path) -> dict[str, FollowUp]:
    """A published meeting with an overdue, a due, a later and an undated follow-up; a later
    published meeting with the answer to one; a draft meeting with a secret one."""
    settings.MEDIA_ROOT = tmp_path
    today = timezone.localdate()
    load(parsed(
        MARCH,
        item(
            "1.1", "Ungementorordningen – status",
            followup("udarbejder et oplæg om Ungementorordningen", due_text="til næste møde",
                     due_kind="next_meeting"),
            followup("fremlægger taksterne", actor="Takstgruppen", due_text="inden fristen",
                     due=today - timedelta(days=10), due_kind="date"),
        ),
        item(
            "1.2", "Kapacitetsanalyse",
            followup("sender analysen til kommunerne", due=today + timedelta(days=5),
                     due_text="om fem dage", due_kind="date"),
            followup("vender tilbage med en status", actor="Syddjurs Kommune",
                     due=today + timedelta(days=200), due_kind="date"),
            followup("orienterer løbende"),
        ),
    ))
    load(parsed(JUNE, item("2", "Ungementorordningen – oplæg")))
    load(parsed(DRAFT_DAY, item(
        "1", "Hemmeligt punkt",
        followup("skriver det hemmelige notat", actor="Hemmelighedsgruppen",
                 due=today + timedelta(days=3), due_kind="date"),
    )), published=False)
    rows = {f.action.split()[0]: f for f in FollowUp.objects.all()}
    assert len(rows) == 6
    return rows


def _text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_open_followups_by_deadline_and_never_a_drafts(client, followups):
    page = _text(client.get("/opfoelgning/"))
    assert "fremlægger taksterne" in page and "orienterer løbende" in page
    assert "hemmelige" not in page and "Hemmelighedsgruppen" not in page
    positions = [page.index(text) for text in (
        "udarbejder et oplæg", "fremlægger taksterne", "sender analysen", "vender tilbage",
        "orienterer løbende",
    )]  # the June deadline, 10 days ago, in 5 days, in 200 days, none
    assert positions == sorted(positions)
    assert "2 overskredne" in page and "1 forfalder snart" in page and "5 åbne i alt" in page


@pytest.mark.parametrize("query, shown", [
    ("status=overdue", {"udarbejder", "fremlægger"}),
    ("status=due", {"sender"}),
    ("actor=Takstgruppen", {"fremlægger"}),
    ("actor=Hemmelighedsgruppen", set()),  # not a choice: a draft's actor stays unknown
    ("body=dassos", {"udarbejder", "fremlægger", "sender", "vender", "orienterer"}),
])
def test_the_list_filters_by_status_actor_and_body(client, followups, query, shown):
    page = _text(client.get(f"/opfoelgning/?{query}"))
    found = {key for key, f in followups.items() if f.action in page}
    if query.startswith("actor=Hemmelig"):
        assert "Marker en gyldig valgmulighed" in page and not found
        return
    assert found == shown


def test_the_list_filters_by_case(client, followups):
    first = AgendaItem.objects.get(number="1.2")
    later = AgendaItem.objects.get(number="2")
    case = Case.objects.create(name="Kapacitet", slug="kapacitet")
    for row in (first, later):
        CaseItem.objects.create(case=case, item=row, body=row.meeting.body,
                                meeting_date=row.meeting.date, number=row.number)
    page = _text(client.get("/opfoelgning/?case=kapacitet"))
    assert "sender analysen" in page and "vender tilbage" in page
    assert "fremlægger taksterne" not in page


def test_closed_followups_leave_the_default_list_and_show_under_closed(client, followups):
    from minutes.followups import decide

    decide(followups["fremlægger"], "done", None)
    assert "fremlægger taksterne" not in _text(client.get("/opfoelgning/"))
    assert "fremlægger taksterne" in _text(client.get("/opfoelgning/?status=closed"))


def test_each_followup_has_a_permalink_page_and_a_drafts_is_not_found(client, followups):
    shown = followups["fremlægger"]
    page = _text(client.get(f"/opfoelgning/{shown.pk}/"))
    assert "Takstgruppen: fremlægger taksterne" in page
    assert "overskredet" in page and "inden fristen" in page
    assert "Ungementorordningen – status" in page
    assert "Sekretariatets afgørelse" not in page  # no form for a reader
    assert client.get(f"/opfoelgning/{followups['skriver'].pk}/").status_code == 404


def test_the_secretariat_confirms_the_suggested_answer_on_the_permalink_page(client, followups):
    waiting = followups["udarbejder"]
    answer = AgendaItem.objects.get(number="2")
    assert waiting.suggested_answer == answer
    url = f"/opfoelgning/{waiting.pk}/status/"

    anonymous = client.post(url, {"action": "confirm"})
    assert anonymous.status_code == 302 and "/konto/login/" in anonymous["Location"]
    client.force_login(make_user("laeser"))
    assert client.post(url, {"action": "confirm"}).status_code == 403

    client.force_login(make_user("sekretaer", sekretariat=True))
    page = _text(client.get(f"/opfoelgning/{waiting.pk}/"))
    assert "Foreslået svar:" in page and "Bekræft svaret" in page
    response = client.post(url, {"action": "confirm"}, follow=True)
    assert "Opfølgningen er nu: besvaret." in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == FollowUp.Status.ANSWERED and waiting.answered_by == answer

    client.logout()
    page = _text(client.get(f"/opfoelgning/{waiting.pk}/"))
    assert "Besvaret af" in page and "Ungementorordningen – oplæg" in page
    answer_page = _text(client.get(answer.get_absolute_url()))
    assert "Besvarer opfølgning fra tidligere møder" in answer_page
    assert "udarbejder et oplæg om Ungementorordningen" in answer_page


def test_staff_mark_a_followup_done_or_dropped_and_reopen_it(client, followups):
    client.force_login(make_user("sekretaer", sekretariat=True))
    target = followups["orienterer"]
    url = f"/opfoelgning/{target.pk}/status/"
    client.post(url, {"action": "dropped"})
    target.refresh_from_db()
    assert target.status == FollowUp.Status.DROPPED and target.status_changed_by.username
    client.post(url, {"action": "reopen"})
    target.refresh_from_db()
    assert target.status == FollowUp.Status.OPEN


def test_the_item_page_has_an_opfoelgning_block(client, followups):
    item_page = _text(client.get(AgendaItem.objects.get(number="1.2").get_absolute_url()))
    block = item_page[item_page.index('id="followup-heading"'):]
    assert "sender analysen til kommunerne" in block and "forfalder snart" in block
    assert "Syddjurs Kommune" in block and "orienterer løbende" in block
    other = _text(client.get(Meeting.objects.get(date=JUNE).get_absolute_url()))
    assert "followup-heading" not in other


def test_the_home_page_lists_what_is_due_before_the_next_meeting(client, followups):
    page = _text(client.get("/"))
    block = page[page.index('id="due-heading"'):page.index('id="planned-heading"')]
    assert "Forfalder inden for 30 dage" in block  # no meeting plan in these referater
    assert "fremlægger taksterne" in block and "sender analysen" in block
    assert "vender tilbage" not in block and "hemmelige" not in block


def test_the_home_page_only_counts_deadlines_from_before_the_newest_meeting(client, followups):
    """A promise overdue since before the newest meeting is counted and linked, not listed."""
    followups["fremlægger"].due = JUNE - timedelta(days=1)
    followups["fremlægger"].save()
    page = _text(client.get("/"))
    block = page[page.index('id="due-heading"'):page.index('id="planned-heading"')]
    assert "fremlægger taksterne" not in block and "sender analysen" in block
    assert "1 åben opfølgning med frist før seneste møde" in block
    assert "?status=overdue" in block


def test_the_feed_is_valid_atom_with_every_public_followup(client, followups):
    import feedparser

    url = "/opfoelgning/feed/"
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo
    assert feed.feed.author == "DASSOS referatarkiv"
    assert next(link.href for link in feed.feed.links if link.rel == "self").endswith(url)
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 5 and "Takstgruppen: fremlægger taksterne" in titles
    assert not any("hemmelige" in title for title in titles)
    assert all(entry.link.startswith("http://testserver/opfoelgning/") for entry in feed.entries)


def test_the_feed_answers_not_modified_until_a_followup_changes(client, followups):
    from minutes.followups import decide

    Meeting.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    since = client.get("/opfoelgning/feed/")["Last-Modified"]
    assert client.get("/opfoelgning/feed/", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    decide(followups["orienterer"], "done", None)
    assert client.get("/opfoelgning/feed/", HTTP_IF_MODIFIED_SINCE=since).status_code == 200


def test_the_calendar_has_an_all_day_entry_per_dated_public_followup(client, followups):
    from icalendar import Calendar

    from minutes.followups import decide

    decide(followups["vender"], "dropped", None)
    response = client.get("/opfoelgning.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = {str(e["uid"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
    # The four dated public ones (the next-meeting one got June's date); no draft, no undated.
    assert len(events) == 4
    taksterne = events[f"opfoelgning-{followups['fremlægger'].pk}@dassos-referatarkiv"]
    assert taksterne.decoded("dtstart") == followups["fremlægger"].due  # a date: all day
    assert taksterne.decoded("dtend") == followups["fremlægger"].due + timedelta(days=1)
    assert "Takstgruppen" in str(taksterne["summary"])
    dropped = events[f"opfoelgning-{followups['vender'].pk}@dassos-referatarkiv"]
    assert str(dropped["status"]) == "CANCELLED"


def test_feed_and_calendar_are_linked_from_the_list_and_the_open_data_page(client, followups):
    for url in ("/opfoelgning/", "/data/"):
        page = _text(client.get(url))
        assert 'href="/opfoelgning/feed/"' in page and 'href="/opfoelgning.ics"' in page


def test_the_sitemap_lists_public_permalinks_only(client, followups):
    page = _text(client.get("/sitemap-followups.xml"))
    assert f"/opfoelgning/{followups['fremlægger'].pk}/" in page
    assert f"/opfoelgning/{followups['skriver'].pk}/" not in page


def test_the_menu_links_to_the_followups(client, followups):
    page = _text(client.get("/opfoelgning/"))
    assert '<a href="/opfoelgning/" aria-current="page">Opfølgning</a>' in page


# A list of any length: generation and cached actor choices, bodies, cases, the count, the
# page's rows, the three counts; the next planned meeting (generation and cached summary).
@pytest.mark.parametrize("url, queries", [
    ("/opfoelgning/", 9),
    ("/opfoelgning/?status=all&body=dassos", 10),  # and the chosen body checked
    ("permalink", 3),  # the follow-up with its item, meeting, body; the next planned meeting
    ("/opfoelgning/feed/", 2),  # the archive's last change (Last-Modified); the entries
])
def test_query_counts_are_pinned(client, followups, django_assert_num_queries, url, queries):
    if url == "permalink":
        url = f"/opfoelgning/{followups['fremlægger'].pk}/"
    client.get(url)  # caches warmed: the counts are those of a reader's request
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_the_item_pages_opfoelgning_block_costs_the_same_queries_for_any_number(
    client, followups
):
    from minutes.followups import decide
    from tests.pages_data import count_queries

    item = AgendaItem.objects.get(number="1.2")
    answer = AgendaItem.objects.get(number="2").get_absolute_url()
    for url in (item.get_absolute_url(), answer):
        client.get(url)
    with_three = count_queries(client, item.get_absolute_url())
    without = count_queries(client, answer)
    for n in range(3):
        FollowUp.objects.create(item=item, action=f"ekstra opgave {n}", order=10 + n)
    decide(followups["udarbejder"], "confirm", None)  # the June item now answers one
    assert count_queries(client, item.get_absolute_url()) == with_three
    assert count_queries(client, answer) == without


def test_the_pages_speak_english_at_the_language_switch(client, followups):
    page = _text(client.get("/opfoelgning/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "<h1>Follow-up</h1>" in page and "2 overdue" in page and "Show follow-ups" in page
    detail = _text(client.get(f"/opfoelgning/{followups['fremlægger'].pk}/",
                              HTTP_ACCEPT_LANGUAGE="en"))
    assert "Deadline" in detail and "overdue" in detail
