"""Latency and throughput of the public pages on a large archive, served by gunicorn, under wrk.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dassos_bench .venv/bin/python benchmarks/load.py

Needs the archive of scripts/generate_archive.py in that database and `wrk` (apt-get install wrk).
Serves the app with gunicorn (2 sync workers, DEBUG=0, a random SECRET_KEY, hashed static files
collected into a temporary folder) on 127.0.0.1 only, warms each URL, then runs wrk against one
URL at a time for a bounded duration and prints p50/p95/p99 latency and requests per second.
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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/dassos_bench"
TARGETS_MS = {  # p95 targets on a 2-core machine
    "search, common word": 150,
    "search, rare word": 150,
    "meeting page": 100,
    "item page": 100,
    "decisions, two filters": 150,
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


def bench_urls() -> dict[str, str]:
    """One URL per page kind, chosen from the archive in the database (Django set up here)."""
    import django

    django.setup()
    from minutes.models import AgendaItem, Meeting, Topic
    from minutes.search import search_items
    from scripts.generate_archive import rare_names

    published = Meeting.objects.filter(status=Meeting.Status.PUBLISHED)
    count = published.count()
    meeting = published.order_by("date")[count // 2]
    item = AgendaItem.objects.filter(meeting=meeting).order_by("order")[count % 3]
    topic = Topic.objects.get(name="Rammeaftale")
    rare = next(
        name for name in rare_names()
        if 0 < AgendaItem.objects.filter(sagsfremstilling__contains=name).count() <= 5
    )
    assert search_items(rare).exists()
    return {
        "home page": "/",
        "meeting page": meeting.get_absolute_url(),
        "item page": item.get_absolute_url(),
        "decisions, two filters": f"/beslutninger/?topic={topic.slug}&outcome=approved",
        "search, common word": "/soeg/?q=rammeaftale",
        "search, rare word": f"/soeg/?q={rare}",
    }


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


def warm(url: str, times: int = 5) -> float:
    """Request a URL a few times (both workers, caches); the last response time in ms."""
    for _ in range(times):
        started = time.monotonic()
        with urllib.request.urlopen(url, timeout=120) as response:
            assert response.status == 200, url
            response.read()
    return (time.monotonic() - started) * 1000


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
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 2
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DB)
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dassos.settings")
    sys.path.insert(0, str(ROOT))
    urls = bench_urls()
    if args.only:
        urls = {name: url for name, url in urls.items() if args.only in name}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        script = Path(folder) / "report.lua"
        script.write_text(REPORT_LUA)
        server, base = start_gunicorn(args.port, database_url, folder + "/static", args.workers)
        try:
            print(f"gunicorn {args.workers} workers; wrk {args.threads} threads, "
                  f"{args.connections} connections, {args.duration} s per URL")
            print(f"{'page':<24} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7} {'target':>9}"
                  f" {'load':>5}  url")
            for name, path in urls.items():
                warm(base + path)
                row = run_wrk(base + path, args.duration, args.connections, args.threads,
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
                    f"  {path}{errors}",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
