"""Crawl the archive's open data and report every violation of OParl 1.1 and of the feed rules.

    DJANGO_SETTINGS_MODULE=dassos.settings .venv/bin/python scripts/check_opendata.py

Runs against the archive in the configured database through Django's test client (no server),
and prints one line per violation; exit 1 when there are any. tests/test_opendata_check.py runs
it on the seeds in CI.

What is checked:
- OParl: every object reachable from /oparl/v1/ (lists followed page by page) validates against
  the OParl 1.1 JSON schemas (tests/oparl_schemas), and the MUSTs the schemas cannot say: an
  object fetched by its id has that id; lists have one URL per page (no "page=1"); no empty
  arrays but Body.legislativeTerm; created/modified on every object; modified never before
  created; every meeting has a start; CORS on every response; unknown paths answer an OParl
  Error; the same id answers the same bytes in Danish and English.
- Atom (the W3C validator's rules that catch real feeds): the feed parses, has an author and a
  self link equal to the address asked, every entry has a unique id, a title, a link and an
  updated date.
- iCalendar: parses, one VEVENT per UID, each with DTSTART and DTSTAMP, and the VTIMEZONE uses
  no RDATE list.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "tests" / "oparl_schemas"
OPARL = "/oparl/v1/"
FEEDS = ["/moeder/feed/", "/beslutninger/feed/", "/soeg/feed/?q=rammeaftale"]
MAX_OBJECTS = 5_000  # a bound on the crawl, far above the seeds


def _validators():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = {p.name: json.loads(p.read_text("utf-8")) for p in SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012))
        for name, schema in resources.items()
    )
    return {
        name.removesuffix(".json"): Draft202012Validator(schema, registry=registry)
        for name, schema in resources.items()
    }


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _links(value) -> list[str]:
    """Every OParl URL inside a JSON value."""
    found: list[str] = []
    if isinstance(value, str):
        if OPARL in value:
            found.append(_path(value))
    elif isinstance(value, dict):
        for item in value.values():
            found += _links(item)
    elif isinstance(value, list):
        for item in value:
            found += _links(item)
    return found


def check_oparl(client) -> list[str]:
    validators = _validators()
    problems: list[str] = []
    queue, seen, objects = [OPARL], set(), 0
    while queue and objects < MAX_OBJECTS:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.get("Access-Control-Allow-Origin") != "*":
            problems.append(f"{path}: no CORS header")
        if response.status_code != 200:
            problems.append(f"{path}: answered {response.status_code}")
            continue
        data = response.json()
        objects += 1
        if "data" in data and "pagination" in data:
            if "page=1" in data["links"].get("first", ""):
                problems.append(f"{path}: the first page has a second URL")
            for item in data["data"]:
                problems += _object(item, validators, listed_at=path)
            queue += [_path(data["links"]["next"])] if "next" in data["links"] else []
            queue += [link for item in data["data"] for link in _links(item)]
        else:
            problems += _object(data, validators, fetched=path)
            queue += _links(data)
            english = client.get(path, HTTP_ACCEPT_LANGUAGE="en").content
            if english != response.content:
                problems.append(f"{path}: another text in English")
    unknown = client.get(OPARL + "no-such-endpoint/")
    if unknown.status_code != 404 or not unknown["Content-Type"].startswith("application/json"):
        problems.append("an unknown OParl path answers no OParl Error")
    return problems


def _object(data: dict, validators, *, fetched: str = "", listed_at: str = "") -> list[str]:
    where = fetched or f"{listed_at} → {data.get('id')}"
    kind = str(data.get("type", "")).rsplit("/", 1)[-1]
    problems = []
    if fetched and _path(data.get("id", "")) != fetched.split("?")[0]:
        problems.append(f"{where}: id {data.get('id')} is not the URL it was fetched at")
    if data.get("deleted"):
        return problems  # a deleted object keeps id, type, deleted and modified only
    validator = validators.get(kind)
    if validator is not None:
        problems += [f"{where}: {error.message}" for error in validator.iter_errors(data)]
    for key, value in data.items():
        if value == [] and key != "legislativeTerm" and not key.startswith("dassos:"):
            problems.append(f"{where}: empty list {key}")
    if kind != "System" or "created" in data:
        if "created" not in data or "modified" not in data:
            problems.append(f"{where}: no created/modified")
        elif data["modified"] < data["created"]:
            problems.append(f"{where}: modified before created")
    if kind == "Meeting" and "start" not in data:
        problems.append(f"{where}: a meeting without start")
    for embedded in data.get("agendaItem", []) if isinstance(data.get("agendaItem"), list) else []:
        if isinstance(embedded, dict):
            problems += _object(embedded, validators, listed_at=where)
    return problems


def check_feeds(client) -> list[str]:
    import feedparser

    problems = []
    for url in FEEDS:
        response = client.get(url)
        parsed = feedparser.parse(response.content)
        if parsed.bozo:
            problems.append(f"{url}: does not parse ({parsed.bozo_exception})")
            continue
        if not parsed.feed.get("author"):
            problems.append(f"{url}: no author")
        selves = [link.href for link in parsed.feed.get("links", []) if link.rel == "self"]
        if [_path(href) for href in selves] != [url]:
            problems.append(f"{url}: self link {selves} is not the address asked")
        ids = [entry.get("id") for entry in parsed.entries]
        if len(ids) != len(set(ids)) or None in ids:
            problems.append(f"{url}: entry ids missing or repeated")
        for entry in parsed.entries:
            for field in ("title", "link", "updated"):
                if not entry.get(field):
                    problems.append(f"{url}: entry {entry.get('id')} has no {field}")
    return problems


def check_calendar(client) -> list[str]:
    from icalendar import Calendar

    problems = []
    text = client.get("/kalender.ics").content.decode()
    calendar = Calendar.from_ical(text)
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    if len(uids) != len(set(uids)):
        problems.append("/kalender.ics: a UID is used twice")
    for event in calendar.walk("VEVENT"):
        if "dtstart" not in event or "dtstamp" not in event:
            problems.append(f"/kalender.ics: {event.get('uid')} lacks DTSTART or DTSTAMP")
    if "RDATE" in text:
        problems.append("/kalender.ics: the VTIMEZONE lists RDATEs (ical.js reads only one)")
    return problems


def check(client) -> list[str]:
    return check_oparl(client) + check_feeds(client) + check_calendar(client)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dassos.settings")
    import django

    django.setup()
    from django.test import Client

    problems = check(Client(SERVER_NAME="localhost"))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} violations")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
