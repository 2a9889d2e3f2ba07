"""Build a large synthetic archive for load tests, with Danish text sampled from the seed referater.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dassos_bench \\
        .venv/bin/python scripts/generate_archive.py --meetings 20000

Every meeting is published and gets about `--items` agenda items (titles, sections, outcomes and
bilag of seed items; referat, indstilling and sagsfremstilling recombined from seed sentences),
a decision per item, and participants drawn from the seeds' people. One item in a hundred names a
synthetic care home ("Bostedet Egelund") that occurs only a few times: the rare search word.
Rows go in with bulk_create in batches; on PostgreSQL the search indexes are dropped during a big
load and rebuilt once at the end, which is much faster than updating them row by row.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
BODIES = ("DASSOS", "KKR Midtjylland", "KOSU", "DKS")
FIRST_DATE = date(1960, 1, 4)
RARE_PREFIXES = (
    "Ege", "Birke", "Lyng", "Skov", "Sø", "Bakke", "Hede", "Eng", "Mose", "Strand", "Kilde",
    "Rosen", "Fjord", "Åby", "Holme", "Bøge", "Ask", "Hassel", "Pile", "Toft",
)
RARE_SUFFIXES = (
    "lund", "bo", "gården", "huset", "toften", "høj", "vang", "dal", "bakken", "haven",
    "lyst", "hjemmet", "tunet", "kær", "holm",
)
RARE_KINDS = ("Bostedet", "Botilbuddet", "Herberget", "Tilbuddet")
INDEX_BATCH = 2000
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")


def rare_names() -> list[str]:
    """The synthetic place names (300) that each occur in only a few items."""
    return [prefix + suffix for prefix in RARE_PREFIXES for suffix in RARE_SUFFIXES]


@dataclass
class SeedItem:
    section: str
    title: str
    outcome: str
    indstilling: list[str]
    attachments: list[tuple[str, str, str]]  # label, title, url


@dataclass
class Corpus:
    """What the generator samples from: the seed referater's items, sentences and people."""

    items: list[SeedItem] = field(default_factory=list)
    referat: list[str] = field(default_factory=list)
    sagsfremstilling: list[str] = field(default_factory=list)
    indstilling: list[str] = field(default_factory=list)
    people: list[tuple[str, str | None, str | None]] = field(default_factory=list)


def sentences(text: str) -> list[str]:
    parts = (" ".join(p.split()) for p in SENTENCE_END.split(text or ""))
    return [p for p in parts if 20 <= len(p) <= 600]


@lru_cache(maxsize=2)
def corpus_from_seeds(folder: Path = FIXTURES) -> Corpus:
    """Parse the seed referater (no database) and pool their titles, sentences and people.

    Cached: parsing is the slow part of a small run, and the corpus is only read.
    """
    from ingest.parsing import parse_document

    corpus = Corpus()
    seen_people: set[str] = set()
    for path in sorted(folder.glob("*.txt")):
        parsed = parse_document(path.read_bytes(), path.name)
        for item in parsed.items:
            corpus.items.append(
                SeedItem(
                    section=item.section or "",
                    title=item.title,
                    outcome=item.outcome,
                    indstilling=list(item.indstilling),
                    attachments=[(a.label, a.title, a.url or "") for a in item.attachments],
                )
            )
            corpus.referat += sentences(item.referat)
            corpus.sagsfremstilling += sentences(item.sagsfremstilling)
            corpus.indstilling += [" ".join(p.split()) for p in item.indstilling if p.strip()]
        for person in parsed.participants:
            if person.name not in seen_people:
                seen_people.add(person.name)
                corpus.people.append((person.name, person.organisation, person.role))
    return corpus


def _meeting_dates(count: int, taken: set[date]) -> list[date]:
    dates, day = [], FIRST_DATE
    while len(dates) < count:
        if day not in taken:
            dates.append(day)
        day += timedelta(days=1)
    return dates


def drop_search_indexes() -> list[str]:
    """Drop the GIN (search) indexes of the items table; returns their CREATE statements.

    Read from the database itself, so whatever the migrations made is restored exactly.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'minutes_agendaitem' AND indexdef LIKE '%%USING gin%%'"
        )
        rows = cursor.fetchall()
        for name, _definition in rows:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in rows]


def create_indexes(definitions: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        for definition in definitions:
            cursor.execute(definition)


class _Generator:
    def __init__(self, corpus: Corpus, rng: random.Random, out) -> None:
        from minutes.models import Topic

        self.corpus = corpus
        self.rng = rng
        self.out = out
        self.topics = list(Topic.objects.all())
        self.rare = rare_names()
        self.topic_cache: dict[str, list[int]] = {}

    def people(self) -> list[tuple[int, int | None]]:
        """Person and organisation ids for the seed participants (created when missing)."""
        from minutes.models import Organisation, Person
        from minutes.models.base import unique_slug

        ids = []
        for name, organisation, _role in self.corpus.people:
            org = None
            if organisation:
                org = Organisation.objects.filter(name=organisation).first()
                if org is None:
                    org = Organisation.objects.create(
                        name=organisation, slug=unique_slug(Organisation, organisation)
                    )
            person = Person.objects.filter(name=name).first()
            if person is None:
                person = Person.objects.create(name=name, slug=unique_slug(Person, name))
            ids.append((person.pk, org.pk if org else None))
        return ids

    def text(self, pool: list[str], low: int, high: int) -> str:
        return " ".join(self.rng.choice(pool) for _ in range(self.rng.randint(low, high)))

    def topic_ids(self, title: str, indstilling: str, referat: str) -> list[int]:
        from minutes.topics import matching_topics

        key = f"{title}\n{indstilling}\n{referat}"
        if key not in self.topic_cache:
            found = matching_topics(
                self.topics, title=title, indstilling=indstilling, referat=referat
            )
            self.topic_cache[key] = [t.pk for t in found]
        return self.topic_cache[key]


def generate(
    meetings: int,
    *,
    items_per_meeting: int = 15,
    seed: int = 7,
    batch: int = 200,
    out=sys.stdout,
) -> dict[str, int]:
    """Add `meetings` published meetings with about items_per_meeting items each; returns counts."""
    from django.db import connection, transaction

    from minutes.aggregates import archive_changed
    from minutes.models import AgendaItem, Attachment, Body, Decision, Meeting, Participant
    from minutes.models.base import danish_slugify

    rng = random.Random(seed)
    corpus = corpus_from_seeds()
    generator = _Generator(corpus, rng, out)
    people = generator.people()
    bodies = [
        Body.objects.get_or_create(name=name, defaults={"slug": danish_slugify(name)})[0]
        for name in BODIES
    ]
    dates = _meeting_dates(meetings, set(Meeting.objects.values_list("date", flat=True)))
    big = connection.vendor == "postgresql" and meetings >= 1000
    if big:
        dropped = drop_search_indexes()
        print(f"{len(dropped)} search indexes dropped for the load", file=out, flush=True)
    counts = dict(meetings=0, items=0, decisions=0, attachments=0, participants=0, topics=0)
    started = time.monotonic()
    topic_links = AgendaItem.topics.through
    presenter_links = AgendaItem.presenters.through
    for first in range(0, meetings, batch):
        with transaction.atomic():
            chunk = [
                Meeting(
                    body=bodies[(first + n) % len(bodies)],
                    date=day,
                    start_time=None,
                    location="Regionshuset Viborg",
                    status=Meeting.Status.PUBLISHED,
                )
                for n, day in enumerate(dates[first : first + batch])
            ]
            Meeting.objects.bulk_create(chunk)
            items, participants, per_item = [], [], []
            for index, meeting in enumerate(chunk, start=first):
                attendees = rng.sample(people, min(len(people), rng.randint(12, 22)))
                for order, (person_id, org_id) in enumerate(attendees):
                    participants.append(
                        Participant(
                            meeting=meeting,
                            person_id=person_id,
                            organisation_id=org_id,
                            status="absent" if rng.random() < 0.15 else "present",
                            order=order,
                        )
                    )
                # index % 5 - 2 averages to zero, so the total is exactly meetings × items.
                count = max(1, items_per_meeting + index % 5 - 2)
                sections: dict[str, list[int]] = {}  # section → [its number, items so far]
                for order in range(count):
                    template = rng.choice(corpus.items)
                    position = sections.setdefault(template.section, [len(sections) + 1, 0])
                    position[1] += 1
                    number = f"{position[0]}.{position[1]}"
                    referat = generator.text(corpus.referat, 1, 4)
                    sagsfremstilling = generator.text(corpus.sagsfremstilling, 3, 8)
                    if rng.random() < 0.01:
                        place = f"{rng.choice(RARE_KINDS)} {rng.choice(generator.rare)}"
                        sagsfremstilling += f" Sagen vedrører {place}."
                    indstilling = "\n".join(
                        template.indstilling or rng.sample(corpus.indstilling, 2)
                    )
                    item = AgendaItem(
                        meeting=meeting,
                        number=number,
                        section=template.section,
                        title=template.title[:500],
                        indstilling=indstilling,
                        referat=referat,
                        sagsfremstilling=sagsfremstilling,
                        order=order,
                    )
                    items.append(item)
                    per_item.append((meeting, item, template, attendees))
            Participant.objects.bulk_create(participants, batch_size=INDEX_BATCH)
            AgendaItem.objects.bulk_create(items, batch_size=INDEX_BATCH)
            decisions, attachments, topics, presenters = [], [], [], []
            for _meeting, item, template, attendees in per_item:
                decisions.append(
                    Decision(item=item, outcome=template.outcome, text=item.referat, order=0)
                )
                for order, (label, title, url) in enumerate(template.attachments):
                    attachments.append(
                        Attachment(item=item, label=label, title=title[:500], url=url, order=order)
                    )
                for topic_id in generator.topic_ids(item.title, item.indstilling, item.referat):
                    topics.append(topic_links(agendaitem_id=item.pk, topic_id=topic_id))
                if rng.random() < 0.6:
                    presenters.append(
                        presenter_links(agendaitem_id=item.pk, person_id=attendees[0][0])
                    )
            Decision.objects.bulk_create(decisions, batch_size=INDEX_BATCH)
            Attachment.objects.bulk_create(attachments, batch_size=INDEX_BATCH)
            topic_links.objects.bulk_create(topics, batch_size=INDEX_BATCH)
            presenter_links.objects.bulk_create(presenters, batch_size=INDEX_BATCH)
        counts["meetings"] += len(chunk)
        counts["items"] += len(items)
        counts["decisions"] += len(decisions)
        counts["attachments"] += len(attachments)
        counts["participants"] += len(participants)
        counts["topics"] += len(topics)
        if meetings >= 1000:
            rate = counts["meetings"] / (time.monotonic() - started)
            print(f"{counts['meetings']} meetings, {counts['items']} items ({rate:.0f} meetings/s)",
                  file=out, flush=True)
    counts["cases"] = _cases(rng, max(1, meetings // 10))
    if big:
        began = time.monotonic()
        create_indexes(dropped)
        print(f"search indexes rebuilt in {time.monotonic() - began:.0f} s", file=out, flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    archive_changed()  # bulk_create sends no signals: cached counts are out of date
    return counts


def _cases(rng: random.Random, count: int) -> int:
    """`count` cases of 2 to 12 random items each, for the case pages' benchmark.

    Made directly rather than by manage.py build_cases: the generated titles repeat the seeds'
    few named things over thousands of meetings, which would make a handful of huge cases.
    """
    from minutes.models import AgendaItem, Case, CaseItem

    rows = list(AgendaItem.objects.values_list("pk", "meeting__body_id", "meeting__date",
                                               "number", "title"))
    first = Case.objects.count() + 1  # a second run adds cases beside the first run's
    cases = Case.objects.bulk_create(
        Case(name=f"Sag {n}", slug=f"genereret-sag-{n}", evidence_key=f"genereret:{n}")
        for n in range(first, first + count)
    )
    links = []
    for case in cases:
        steps = rng.sample(rows, rng.randint(2, 12))
        case.name = f"{steps[0][4][:80]} ({case.pk})"
        for pk, body_id, day, number, _title in steps:
            links.append(CaseItem(case=case, item_id=pk, body_id=body_id, meeting_date=day,
                                  number=number, evidence="genereret", confidence=0.9))
    Case.objects.bulk_update(cases, ["name"], batch_size=INDEX_BATCH)
    CaseItem.objects.bulk_create(links, batch_size=INDEX_BATCH)
    return len(cases)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=15, help="agenda items per meeting (mean)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same archive)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dassos.settings")
    import django

    django.setup()
    started = time.monotonic()
    counts = generate(args.meetings, items_per_meeting=args.items, seed=args.seed)
    figures = ", ".join(f"{value} {name}" for name, value in counts.items())
    print(f"added {figures} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
