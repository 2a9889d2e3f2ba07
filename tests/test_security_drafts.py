"""A draft meeting leaves no trace in any public response: pages, search, feeds, API, exports."""
from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse

from minutes.models import AgendaItem, Attachment, Body, Meeting, Organisation, Person, Topic
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
# Words of the published meeting, so the crawl proves it reads real content.
PUBLISHED_WORD = "Rammeaftale"
NOT_PUBLIC = ("admin:", "ingest:", ":login", ":logout", ":password", ":set_language")
SEARCHES = ["minutes:search", "opendata:search-feed", "minutes:decisions",
            "minutes:decisions-csv", "opendata:decisions-xlsx", "minutes:meetings"]


@pytest.fixture
def meetings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    published = load(SEED_2022.read_bytes(), SEED_2022.name, published=True)
    draft = load(seed_with(**DRAFT_WORDS), "kladde.txt", published=False)
    assert not draft.is_published and published.is_published
    for meeting in (published, draft):
        attachment = Attachment.objects.filter(item__meeting=meeting).first()
        attachment.file.save("bilag.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return published, draft


def _kwargs(name: str) -> list[dict]:
    """Path arguments for a public URL pattern, from every row: draft and published alike."""
    items = AgendaItem.objects.select_related("meeting")
    choices = {
        "minutes:meetings-year": [{"year": m.date.year} for m in Meeting.objects.all()],
        "minutes:meeting": [{"date": m.date} for m in Meeting.objects.all()],
        "opendata:meeting-json": [{"date": m.date.isoformat()} for m in Meeting.objects.all()],
        "minutes:item": [{"date": i.meeting.date, "number": i.number} for i in items],
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
    }
    choices["oparl:file"] = [
        *({"kind": "source", "pk": m.current_source_id} for m in Meeting.objects.all()),
        *({"kind": "bilag", "pk": a.pk} for a in Attachment.objects.exclude(file="")),
    ]
    for suffix in ("", "-meetings", "-agendaitems", "-persons", "-organizations", "-files",
                   "-papers"):
        choices[f"oparl:body{suffix}"] = [{"slug": b.slug} for b in Body.objects.all()]
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
    urls = [draft.get_absolute_url(), f"/moeder/{draft.date.isoformat()}.json",
            f"/kilder/{draft.current_source_id}/", f"/oparl/v1/meeting/{draft.pk}/"]
    for item in draft.items.all():
        urls += [item.get_absolute_url(), f"/oparl/v1/agenda-item/{item.pk}/"]
    for attachment in Attachment.objects.filter(item__meeting=draft).exclude(file=""):
        urls += [f"/bilag/{attachment.pk}/", f"/oparl/v1/file/bilag-{attachment.pk}/"]
    return urls


def test_the_draft_appears_in_no_public_response(client, meetings):
    published, draft = meetings
    leaks = [*DRAFT_WORDS.values(), *draft_urls(draft)]
    seen_ok = set()
    for name, path in public_urls():
        response = client.get(path)
        assert response.status_code in (200, 404), (path, response.status_code)
        text = body_text(response)
        # A search page repeats its own query; a hit would still show the other words and URLs.
        echoed = path.partition("?q=")[2]
        found = [leak for leak in leaks if leak in text and leak != echoed]
        assert found == [], (path, found)
        if response.status_code == 200:
            seen_ok.add(name)
        if response.get("Content-Type", "").startswith("text/html"):
            # What the CSP would block must not be there: rendered pages, not just templates.
            inline = [what for what, pattern in INLINE.items() if pattern.search(text)]
            assert inline == [], (path, inline)
    # Every public pattern answered at least once, so the crawl read real content.
    names = {name for name, _path in public_urls()}
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
