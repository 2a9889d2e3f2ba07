"""A draft meeting leaves no trace in any public response: pages, search, feeds, API, exports.

The draft is the first referat of a new body, with an organisation no published referat names:
neither may appear anywhere, not even in the OParl list of bodies.
"""
from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse

from minutes.models import (
    AgendaItem,
    Attachment,
    Body,
    Case,
    CaseItem,
    FollowUp,
    Meeting,
    Organisation,
    Participant,
    Person,
    Topic,
)
from minutes.sitemaps import SITEMAPS
from tests.security_support import load, seed_with
from tests.test_security_headers import INLINE
from tests.test_security_permissions import _walk
from tests.upload_support import SEED_2022

pytestmark = pytest.mark.django_db

DRAFT_WORDS = {
    "title": "Kladdeemne Quuxplorer",
    "participant": "Jesper Zorblaxsen",
    "bilag": "Frobnitzdokument",
    "referat": "Glarbofisk",
}
# The draft's body and one of its organisations are known from it alone.
DRAFT_BODY = ("DASSOS den 1. marts 2024", "HEMMUDVALG den 1. marts 2024")
DRAFT_ORGANISATION = ("Britta Kempel\tOdder Kommune", "Britta Kempel\tQuarkvig Kommune")
DRAFT_NAMES = ["HEMMUDVALG", "hemmudvalg", "Quarkvig", "quarkvig"]
# Words of the published meeting, so the crawl proves it reads real content.
PUBLISHED_WORD = "Rammeaftale"
# Staff actions (POST only, behind the review permission) are no public response either.
NOT_PUBLIC = ("admin:", "ingest:", ":login", ":logout", ":password", ":set_language", "-decide")
SEARCHES = ["minutes:search", "opendata:search-feed", "minutes:decisions",
            "minutes:decisions-csv", "opendata:decisions-xlsx", "minutes:meetings"]


@pytest.fixture
def meetings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    published = load(SEED_2022.read_bytes(), SEED_2022.name, published=True)
    text = seed_with(**DRAFT_WORDS).decode("utf-8")
    for old, new in (DRAFT_BODY, DRAFT_ORGANISATION):
        assert old in text, old
        text = text.replace(old, new, 1)
    draft = load(text.encode("utf-8"), "kladde.txt", published=False)
    assert not draft.is_published and published.is_published
    assert draft.body.name == "HEMMUDVALG" and draft.body != published.body
    assert Organisation.objects.filter(name="Quarkvig Kommune").exists()
    for meeting in (published, draft):
        attachment = Attachment.objects.filter(item__meeting=meeting).first()
        attachment.file.save("bilag.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    # A case of two published items and one of the draft's, and the draft's own follow-ups:
    # neither the draft's step nor its promises may show.
    assert FollowUp.objects.filter(item__meeting=draft).exists()
    case = Case.objects.create(name="Fælles sag", slug="faelles-sag")
    for item in [*published.items.all()[:2], draft.items.get(title=DRAFT_WORDS["title"])]:
        CaseItem.objects.create(case=case, item=item, body=item.meeting.body,
                                meeting_date=item.meeting.date, number=item.number)
    return published, draft


def _kwargs(name: str) -> list[dict]:
    """Path arguments for a public URL pattern, from every row: draft and published alike."""
    items = AgendaItem.objects.select_related("meeting__body")
    meetings = Meeting.objects.select_related("body")
    choices = {
        "minutes:meetings-year": [{"year": m.date.year} for m in meetings],
        "minutes:meeting-date": [{"date": m.date} for m in meetings],
        "minutes:meeting": [{"date": m.date, "body": m.body.slug} for m in meetings],
        "opendata:meeting-json-date": [{"date": m.date} for m in meetings],
        "opendata:meeting-json": [{"date": m.date, "body": m.body.slug} for m in meetings],
        "minutes:item-date": [{"date": i.meeting.date, "number": i.number} for i in items],
        "minutes:item": [
            {"date": i.meeting.date, "body": i.meeting.body.slug, "number": i.number}
            for i in items
        ],
        "minutes:topic": [{"slug": t.slug} for t in Topic.objects.all()],
        "opendata:topic-feed": [{"slug": t.slug} for t in Topic.objects.all()],
        "minutes:person": [{"slug": p.slug} for p in Person.objects.all()],
        "minutes:organisation": [{"slug": o.slug} for o in Organisation.objects.all()],
        "oparl:meeting": [{"pk": m.pk} for m in Meeting.objects.all()],
        "oparl:location": [{"pk": m.pk} for m in Meeting.objects.all()],
        "oparl:agendaitem": [{"pk": i.pk} for i in items],
        "oparl:person": [{"pk": p.pk} for p in Person.objects.all()],
        "oparl:organization": [{"pk": o.pk} for o in Organisation.objects.all()],
        "opendata:source": [{"pk": m.current_source_id} for m in Meeting.objects.all()],
        "opendata:source-download": [{"pk": m.current_source_id} for m in Meeting.objects.all()],
        "opendata:bilag": [{"pk": a.pk} for a in Attachment.objects.exclude(file="")],
        "opendata:bilag-download": [{"pk": a.pk} for a in Attachment.objects.exclude(file="")],
        "opendata:sitemap-section": [{"section": name} for name in SITEMAPS],
        "minutes:case": [{"slug": c.slug} for c in Case.objects.all()],
        "oparl:paper": [{"pk": c.pk} for c in Case.objects.all()],
        "oparl:consultation": [{"pk": link.pk} for link in CaseItem.objects.all()],
        "minutes:followup": [{"pk": f.pk} for f in FollowUp.objects.all()],
    }
    choices["oparl:file"] = [
        *({"kind": "source", "pk": m.current_source_id} for m in Meeting.objects.all()),
        *({"kind": "bilag", "pk": a.pk} for a in Attachment.objects.exclude(file="")),
    ]
    choices["oparl:membership"] = [{"pk": p.pk} for p in Participant.objects.all()]
    for suffix in ("", "-meetings", "-agendaitems", "-persons", "-organizations", "-files",
                   "-papers", "-memberships", "-locations", "-legislative-terms",
                   "-consultations"):
        choices[f"oparl:body{suffix}"] = [{"slug": b.slug} for b in Body.objects.all()]
    choices["oparl:not-found"] = [{"rest": "no-such-endpoint/"}]
    return choices.get(name, [{}])


def public_urls() -> list[tuple[str, str]]:
    """(pattern name, path) for every public URL pattern, filled with every row's arguments."""
    urls = []
    for _route, name, _pattern in _walk(get_resolver().url_patterns):
        if any(part in name for part in NOT_PUBLIC):
            continue
        for kwargs in _kwargs(name):
            path = reverse(name, kwargs=kwargs)
            urls.append((name, path))
            if name in SEARCHES:
                for word in [*DRAFT_WORDS.values(), PUBLISHED_WORD]:
                    urls.append((name, f"{path}?q={word}"))
    return urls


def body_text(response) -> str:
    """What a response says, whatever its form: HTML, XML, JSON, CSV, a file or a workbook."""
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if data.startswith(b"PK"):  # an .xlsx workbook: the text is in its XML parts
        with zipfile.ZipFile(io.BytesIO(data)) as workbook:
            data = b"".join(workbook.read(n) for n in workbook.namelist() if n.endswith(".xml"))
    return data.decode("utf-8", errors="replace")


def draft_urls(draft: Meeting) -> list[str]:
    """Addresses that would give the draft away if any public response linked them."""
    organisation = Organisation.objects.get(name="Quarkvig Kommune")
    urls = [draft.get_absolute_url(), draft.get_json_url(), f"/moeder/{draft.date.isoformat()}/",
            f"/moeder/{draft.date.isoformat()}.json", f"/kilder/{draft.current_source_id}/",
            f"/oparl/v1/meeting/{draft.pk}/", f"/oparl/v1/body/{draft.body.slug}/",
            f"/oparl/v1/organization/{organisation.pk}/", organisation.get_absolute_url()]
    for item in draft.items.all():
        urls += [item.get_absolute_url(), f"/oparl/v1/agenda-item/{item.pk}/"]
    for followup in FollowUp.objects.filter(item__meeting=draft):
        urls.append(followup.get_absolute_url())
    for link in CaseItem.objects.filter(item__meeting=draft):
        urls.append(f"/oparl/v1/consultation/{link.pk}/")
    for attachment in Attachment.objects.filter(item__meeting=draft).exclude(file=""):
        urls += [f"/bilag/{attachment.pk}/", f"/oparl/v1/file/bilag-{attachment.pk}/"]
    return urls


def test_the_draft_appears_in_no_public_response(client, meetings):
    published, draft = meetings
    leaks = [*DRAFT_WORDS.values(), *DRAFT_NAMES, *draft_urls(draft)]
    seen_ok = set()
    for name, path in public_urls():
        response = client.get(path)
        # 302: a date alone leads to the meeting held that day; 300: the JSON of a day on
        # which several bodies met. Where they lead is checked like the rest of the response.
        assert response.status_code in (200, 300, 302, 404), (path, response.status_code)
        text = body_text(response) + response.get("Location", "")
        # A search page repeats its own query, and a page its own address (the branded 404's
        # login link and language switch return to it); a hit would still show the other words
        # and URLs.
        echoed = path.partition("?q=")[2]
        text = text.replace(path, "")
        found = [leak for leak in leaks if leak in text and leak != echoed]
        assert found == [], (path, found)
        if response.status_code != 404:
            seen_ok.add(name)
        if response.get("Content-Type", "").startswith("text/html"):
            # What the CSP would block must not be there: rendered pages, not just templates.
            inline = [what for what, pattern in INLINE.items() if pattern.search(text)]
            assert inline == [], (path, inline)
    # Every public pattern answered at least once, so the crawl read real content (but the
    # OParl catch-all, whose answer is a 404 Error object).
    names = {name for name, _path in public_urls()} - {"oparl:not-found"}
    assert names - seen_ok == set()


def test_the_draft_s_own_addresses_are_not_found(client, meetings):
    _published, draft = meetings
    for path in draft_urls(draft):
        assert client.get(path).status_code == 404, path


def test_the_published_meeting_is_found_by_the_same_crawl(client, meetings):
    published, _draft = meetings
    assert PUBLISHED_WORD in body_text(client.get(published.get_absolute_url()))
    search = body_text(client.get(f"/soeg/?q={PUBLISHED_WORD}"))
    assert published.items.filter(title__icontains=PUBLISHED_WORD).first().title in search


def test_a_body_known_only_from_a_draft_is_not_listed(client, meetings):
    published, draft = meetings
    bodies = client.get("/oparl/v1/bodies/").json()["data"]
    assert [b["shortName"] for b in bodies] == [published.body.name]
    assert client.get(f"/oparl/v1/body/{draft.body.slug}/").status_code == 404
    organisations = client.get(
        f"/oparl/v1/body/{published.body.slug}/organizations/?elementsPerPage=100"
    ).json()["data"]
    assert organisations and "Quarkvig Kommune" not in [o["name"] for o in organisations]
