"""Time loading the five seed referater into a fresh database, then again (all unchanged).

Run: .venv/bin/python benchmarks/ingest_seeds.py  (uses a throwaway SQLite file and media folder)
"""
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
work = Path(tempfile.mkdtemp(prefix="dassos-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(work / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dassos.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ingest.process import ingest_file  # noqa: E402

call_command("migrate", verbosity=0)
seeds = sorted((ROOT / "fixtures").glob("*.txt"))
for label in ("first load", "second load (unchanged)"):
    for seed in seeds:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = ingest_file(seed, published=True)
            elapsed = time.perf_counter() - started
        print(
            f"{label:<24} {seed.name:<26} {result.status:<9} "
            f"{elapsed * 1000:7.1f} ms {len(queries):5d} queries"
        )
