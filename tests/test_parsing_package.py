"""The parser is pure Python: `ingest.parsing` imports without Django, and its fingerprint is its
own files' (so editing the review page or the loader never marks meetings as read by an old
parser)."""
import subprocess
import sys
from pathlib import Path

import ingest.parsing
from ingest.parsing import fingerprint

ROOT = Path(__file__).resolve().parent.parent

BLOCK_DJANGO = """
import importlib.abc, pkgutil, sys

class NoDjango(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError(f"the parser imported {name}")
        return None

sys.meta_path.insert(0, NoDjango())
import ingest.parsing
for module in pkgutil.walk_packages(ingest.parsing.__path__, "ingest.parsing."):
    __import__(module.name)
from ingest.parsing import parse_document
parsed = parse_document(open(sys.argv[1], "rb").read(), "seed.txt")
print(len(parsed.items))
"""


def test_every_parsing_module_imports_and_parses_with_django_blocked(fixtures_dir):
    seed = fixtures_dir / "004_eed90c9ef06859eb.txt"
    run = subprocess.run(
        [sys.executable, "-c", BLOCK_DJANGO, str(seed)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.strip()) == 9


def test_the_fingerprint_covers_the_parsing_package_and_nothing_else(tmp_path, monkeypatch):
    package = Path(ingest.parsing.__file__).parent
    copy = tmp_path / "parsing"
    for path in package.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".txt"):
            target = copy / path.relative_to(package)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())

    def version() -> str:
        fingerprint.cache_clear()
        return fingerprint()

    monkeypatch.setattr(ingest.parsing, "PACKAGE", copy)
    before = version()
    (copy.parent / "privacy.py").write_text("# the review page's checks changed\n")
    assert version() == before
    (copy / "parse" / "outcome.py").write_text("# the outcome rules changed\n")
    assert version() != before
    fingerprint.cache_clear()
