"""Time the public pages and search on a large synthetic archive (PostgreSQL).

Run: .venv/bin/python benchmarks/pages_speed.py --meetings 2000
     (DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/dassos_pages_bench; the database
     is created when missing and filled with scripts/generate_archive.py up to --meetings.)
Prints, per page: median and slowest response time over --runs requests, and the query count.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/dassos_pages_bench"


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dassos.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    if os.environ["DATABASE_URL"].startswith("postgres"):
        ensure_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from minutes.models import AgendaItem, Meeting, Person, Topic
    from scripts.generate_archive import generate

    call_command("migrate", verbosity=0)
    missing = args.meetings - Meeting.objects.count()
    if missing > 0:
        started = time.monotonic()
        generate(missing, out=sys.stderr)
        print(f"generated {missing} meetings in {time.monotonic() - started:.0f} s")
    item = AgendaItem.objects.select_related("meeting").order_by("-meeting__date").first()
    chair = Person.objects.order_by("-participations__id").first()
    topic = Topic.objects.get(slug="rammeaftale")
    print(f"archive: {Meeting.objects.count()} meetings, {AgendaItem.objects.count()} items "
          f"({connection.vendor})")
    pages = [
        ("home", "/"),
        ("meetings", "/moeder/"),
        ("meeting", item.meeting.get_absolute_url()),
        ("item", item.get_absolute_url()),
        ("decisions", "/beslutninger/"),
        ("decisions filtered", "/beslutninger/?topic=botilbud&outcome=approved&sort=date"),
        ("decisions free text", "/beslutninger/?q=kapacitet"),
        ("search: botilbud", "/soeg/?q=botilbud"),
        ("search: compound part", "/soeg/?q=plads"),
        ("search: phrase -word", '/soeg/?q="Rammeaftale 2025-26" -takster'),
        ("search: typo", "/soeg/?q=Rammeaftle"),
        ("topic", topic.get_absolute_url()),
        ("person", chair.get_absolute_url()),
    ]
    client = Client()
    print(f"{'page':24} {'median ms':>10} {'max ms':>8} {'queries':>8}")
    for name, url in pages:
        times = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{name:24} {statistics.median(times):10.0f} {max(times):8.0f} {len(queries):8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
