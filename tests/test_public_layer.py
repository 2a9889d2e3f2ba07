"""One place for the rule "only published meetings are public": the models' public() methods.

Every page, feed, export, calendar, sitemap, search, OParl view and download asks that layer;
none spells the rule again. A new spelling elsewhere fails here, with where it stands.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes.models import (
    AgendaItem,
    Attachment,
    Body,
    Decision,
    Meeting,
    Organisation,
    Participant,
    Person,
    SourceDocument,
    Topic,
)

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("minutes", "dassos")
# Where the rule may be spelled: the rule itself and the model methods that set or read a
# meeting's status (Meeting.set_published, is_published), with the Status choices.
ALLOWED = {
    "minutes/models/meetings.py",
}
# Historical schema, not code that decides what is shown.
SKIPPED_DIRS = ("minutes/migrations/",)
SPELLINGS = re.compile(
    r"Status\.PUBLISHED"  # Meeting.Status.PUBLISHED, SourceDocument.Status.PUBLISHED
    r"|\bPUBLISHED\b"  # a module's own constant for it
    r"|[\"']published[\"']"  # status="published"
    r"|meeting__status"  # item__meeting__status=…, participations__meeting__status=…
    r"|\bstatus\s*=\s*[\"']?published"
)


def spellings() -> list[str]:
    found = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name in ALLOWED or name.startswith(SKIPPED_DIRS):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if SPELLINGS.search(line):
                    found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_the_publication_rule_is_spelled_only_in_the_layer():
    assert spellings() == []


def test_the_scan_would_see_a_new_spelling():
    """The check itself works: the patterns match the spellings that were removed."""
    for line in (
        'Meeting.objects.filter(status=Meeting.Status.PUBLISHED)',
        'AgendaItem.objects.filter(meeting__status=PUBLISHED)',
        'Decision.objects.filter(item__meeting__status="published")',
        'PUBLISHED = Meeting.Status.PUBLISHED',
        "Meeting.objects.filter(status='published')",
    ):
        assert SPELLINGS.search(line), line
    for line in ('Meeting.objects.public()', 'Participant.Status.PRESENT',
                 'Count("pk", filter=Q(status=PRESENT))'):
        assert not SPELLINGS.search(line), line


def test_no_public_module_imports_another_public_module_sideways():
    """Filters, exports and people pages once borrowed querysets from views and the API."""
    sideways = {
        "minutes/filters.py": ("minutes.views", "minutes.oparl"),
        "minutes/exports.py": ("minutes.views",),
        "minutes/views/people.py": ("minutes.oparl",),
        "minutes/feeds.py": ("minutes.views",),
        "minutes/calendar.py": ("minutes.views",),
        "minutes/sitemaps.py": ("minutes.views",),
    }
    found = []
    for name, forbidden in sideways.items():
        text = (ROOT / name).read_text(encoding="utf-8")
        found += [f"{name} imports {module}" for module in forbidden
                  if re.search(rf"^from {re.escape(module)}[ .]", text, re.MULTILINE)]
    assert found == []


@pytest.mark.django_db
def test_every_public_queryset_leaves_a_draft_out():
    body = Body.objects.create(name="HEMMUDVALG", slug="hemmudvalg")
    draft = Meeting.objects.create(body=body, date="2031-01-01")
    item = AgendaItem.objects.create(meeting=draft, number="1", title="Kladde")
    Decision.objects.create(item=item, text="Hemmelig")
    Attachment.objects.create(item=item, label="Bilag 1", title="Hemmeligt bilag",
                              url="https://example.org/b.pdf")
    person = Person.objects.create(name="Kladde Person", slug="kladde-person")
    presenter = Person.objects.create(name="Kladde Oplæg", slug="kladde-oplaeg")
    item.presenters.add(presenter)
    organisation = Organisation.objects.create(name="Kladde Kommune", slug="kladde-kommune")
    Participant.objects.create(meeting=draft, person=person, organisation=organisation)
    source = SourceDocument.objects.create(
        file="sources/aa/x.txt", original_filename="x.txt", sha256="a" * 64, size=1,
        meeting=draft,
    )
    draft.current_source = source
    draft.save()
    topic = Topic.objects.first()
    item.topics.add(topic)

    hidden = {
        Body: body, Meeting: draft, AgendaItem: item, Decision: item.decisions.get(),
        Attachment: item.attachments.get(), Participant: draft.participants.get(),
        Person: person, Organisation: organisation, SourceDocument: source,
    }
    for model, obj in hidden.items():
        assert obj not in model.objects.public(), model.__name__
    assert presenter not in Person.objects.public()
    assert presenter not in Person.objects.presenters()
    assert topic not in Topic.objects.with_public_items()
    assert Topic.objects.with_public_item_counts().get(pk=topic.pk).item_count == 0

    draft.set_published(True)
    for model, obj in hidden.items():
        assert obj in model.objects.public(), model.__name__
    assert presenter in Person.objects.public(body) and presenter in Person.objects.presenters()
    assert organisation in Organisation.objects.public(body)
    assert topic in Topic.objects.with_public_items()
    assert Topic.objects.with_public_item_counts().get(pk=topic.pk).item_count == 1
