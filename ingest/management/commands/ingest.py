"""`manage.py ingest PATH ...`: load referat files and folders, published at once.

It prints its summary in the active language: Danish (LANGUAGE_CODE) unless told otherwise.
"""
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from ingest.management.summary import fail_if_any_failed, print_summary
from ingest.process import FAILED, IngestResult, ingest_file

SUFFIXES = {".pdf", ".txt", ".md", ".markdown"}


def _skipped(path: Path) -> bool:
    return path.name.startswith(".") or path.stem.upper() == "README"


def collect(paths: list[str]) -> list[Path]:
    """The files to load: named files as given, folders walked for referat-like files."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(_skipped(Path(part)) for part in p.relative_to(path).parts)
            )
        else:
            files.append(path)
    return files


class Command(BaseCommand):
    help = "Load referat files (PDF, text, Markdown) and folders into the archive, published."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument(
            "--force",
            action="store_true",
            help="load even a file that would remove most of a published meeting's items, and "
            "read files that failed before again",
        )

    def handle(self, *args, paths: list[str], force: bool = False, **options):
        results: list[IngestResult] = []
        for path in tqdm(collect(paths), file=sys.stderr, unit="doc", disable=None):
            if not path.is_file():
                results.append(IngestResult(str(path), FAILED, message=_("Filen findes ikke.")))
                continue
            results.append(ingest_file(path, published=True, guard=not force, retry_failed=force))
        print_summary(results, self.stdout)
        fail_if_any_failed(results)
