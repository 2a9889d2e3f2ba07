"""Latency and throughput of the public pages on a large archive, served by gunicorn, under wrk.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dassos_bench .venv/bin/python benchmarks/load.py

Needs the archive of scripts/generate_archive.py in that database and `wrk` (apt-get install wrk).
Serves the app with gunicorn (2 sync workers, DEBUG=0, a random SECRET_KEY, hashed static files
collected into a temporary folder) on 127.0.0.1 only. Each page kind is measured over many URLs
(different meetings, items, filter pairs and words, `--urls`), which wrk requests in turn for a
bounded duration after each has been requested once; it prints p50/p95/p99 latency and requests
per second. `--no-cache` serves with a dummy cache, so every request computes its counts.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/dassos_bench"
TARGETS_MS = {  # p95 targets on a 2-core machine
    "search, common word": 150,
    "search, rare word": 150,
    "meeting page": 100,
    "item page": 100,
    "case list": 150,
    "case page": 100,
    "decisions, two filters": 150,
    "people directory": 150,
    "organisations directory": 150,
    "person page": 150,
    "organisation page": 150,
    "search, a person's name": 150,
}
# wrk hands the percentiles to this Lua hook; printed as one JSON line after wrk's own report.
REPORT_LUA = """
done = function(summary, latency, requests)
  io.write(string.format(
    '{"p50": %d, "p95": %d, "p99": %d, "max": %d, "requests": %d, "seconds": %f, '
    .. '"errors": %d, "non2xx": %d}\\n',
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.errors.status))
end
"""


COMMON_CANDIDATES = (
    "rammeaftale", "botilbud", "kommunerne", "takster", "kapacitet", "borgere", "tilbud",
    "udvikling", "styringsaftale", "handicap", "psykiatri", "region", "økonomi", "pladser",
    "sekretariatet", "godkender", "orientering", "samarbejde", "specialiserede", "aftale",
)


def bench_urls(per_kind: int) -> dict[str, list[str]]:
    """Up to `per_kind` URLs per page kind, spread over the archive in the database (Django is
    set up here), so that the load reads many meetings, items, filters and words and no single
    URL's caches decide the figures."""
    import random

    import django

    django.setup()
    from django.db.models import Count

    from minutes.models import AgendaItem, Case, Decision, Meeting, Organisation, Person
    from minutes.search import MAX_COUNTED, count_hits, matching
    from scripts.generate_archive import rare_names

    rng = random.Random(11)
    published = Meeting.objects.filter(status=Meeting.Status.PUBLISHED)
    meeting_ids = list(published.values_list("pk", flat=True))
    meetings = published.filter(pk__in=rng.sample(meeting_ids, min(per_kind, len(meeting_ids))))
    items = [
        rng.choice(list(meeting.items.all())) for meeting in
        published.filter(pk__in=rng.sample(meeting_ids, min(per_kind, len(meeting_ids))))
        .prefetch_related("items")
    ]
    # Two filters: topic and outcome, the combinations that select at least 1,000 decisions.
    pairs = (
        Decision.objects.filter(item__meeting__status=Meeting.Status.PUBLISHED)
        .values("item__topics__slug", "outcome")
        .annotate(n=Count("pk"))
        .filter(n__gte=1000, item__topics__slug__isnull=False)
        .order_by("-n")
    )
    decisions = [
        f"/beslutninger/?topic={row['item__topics__slug']}&outcome={row['outcome']}"
        for row in pairs[:per_kind]
    ]
    common = [w for w in COMMON_CANDIDATES if count_hits(matching(w)) > MAX_COUNTED]
    rare = [
        name for name in rare_names()
        if 0 < AgendaItem.objects.filter(sagsfremstilling__contains=name).count() <= 5
    ][:per_kind]
    people = list(Person.objects.public().order_by("?")[:per_kind])
    organisations = list(Organisation.objects.public().order_by("?")[:per_kind])
    cases = list(Case.objects.public().order_by("?")[:per_kind])
    return {
        "home page": ["/"],
        "meeting page": [m.get_absolute_url() for m in meetings],
        "item page": [i.get_absolute_url() for i in items if i is not None],
        "decisions, two filters": decisions,
        "search, common word": [f"/soeg/?q={quote(word)}" for word in common[:per_kind]],
        "search, rare word": [f"/soeg/?q={quote(name)}" for name in rare],
        "people directory": ["/personer/", "/personer/?aar=2024"] + [
            f"/personer/?organisation={o.slug}" for o in organisations[:10]
        ],
        "organisations directory": ["/organisationer/"],
        "person page": [p.get_absolute_url() for p in people],
        "organisation page": [o.get_absolute_url() for o in organisations],
        "search, a person's name": [f"/soeg/?q={quote(p.name)}" for p in people],
        "case list": ["/sager/", "/sager/?page=2", "/sager/?q=rammeaftale"],
        "case page": [c.get_absolute_url() for c in cases],
    }


def lua_paths(paths: list[str]) -> str:
    """A wrk script that requests `paths` in turn, one turn per thread."""
    quoted = ",\n".join(json.dumps(p, ensure_ascii=True) for p in paths)
    return (
        "local paths = {\n" + quoted + "\n}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\nend\n" + REPORT_LUA
    )


def start_gunicorn(port: int, database_url: str, static_root: str, workers: int):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": static_root,
    }
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    server = subprocess.Popen(
        [str(Path(python).parent / "gunicorn"), "dassos.wsgi", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "-", "--error-logfile", "-",
         "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=30)
            return server, base
        except (urllib.error.URLError, ConnectionError):
            if server.poll() is not None:
                raise RuntimeError(server.stderr.read().decode()) from None
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


def warm(url: str) -> None:
    try:
        with urllib.request.urlopen(url, timeout=300) as response:
            response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}") from None


def run_wrk(url: str, seconds: int, connections: int, threads: int, script: str) -> dict:
    done = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "-s", script, url],
        capture_output=True, text=True, check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report["rps"] = report["requests"] / report["seconds"]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--only", help="run only the page kinds containing this text")
    parser.add_argument("--urls", type=int, default=50, help="URLs per page kind (at most)")
    parser.add_argument(
        "--no-cache", action="store_true",
        help="serve with Django's dummy cache: every request computes its counts (worst case)",
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 2
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DB)
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dassos.settings")
    if args.no_cache:
        os.environ["CACHE_BACKEND"] = "django.core.cache.backends.dummy.DummyCache"
    sys.path.insert(0, str(ROOT))
    urls = bench_urls(args.urls)
    if args.only:
        urls = {name: paths for name, paths in urls.items() if args.only in name}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        server, base = start_gunicorn(args.port, database_url, folder + "/static", args.workers)
        try:
            cache = "no cache" if args.no_cache else "database cache, warmed"
            print(f"gunicorn {args.workers} workers ({cache}); wrk {args.threads} threads, "
                  f"{args.connections} connections, {args.duration} s per page kind")
            print(f"{'page':<24} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7} {'target':>9}"
                  f" {'load':>5}  urls")
            for name, paths in urls.items():
                for path in paths:  # each URL once: caches filled, both workers' code loaded
                    warm(base + path)
                script = Path(folder) / "paths.lua"
                script.write_text(lua_paths(paths))
                row = run_wrk(base + "/", args.duration, args.connections, args.threads,
                              str(script))
                target = TARGETS_MS.get(name)
                verdict = "" if target is None else (
                    f"{'ok' if row['p95'] / 1000 < target else 'MISSED'} <{target}")
                errors = f"  ({row['errors']} errors, {row['non2xx']} non-2xx)" if (
                    row["errors"] or row["non2xx"]) else ""
                # The 1-minute load average: other work on the machine skews the figures.
                load = os.getloadavg()[0]
                print(
                    f"{name:<24} {row['p50'] / 1000:>5.0f}ms {row['p95'] / 1000:>5.0f}ms "
                    f"{row['p99'] / 1000:>5.0f}ms {row['rps']:>7.1f} {verdict:>9} {load:>5.1f}"
                    f"  {len(paths)} such as {paths[0]}{errors}",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
