"""A consistent backup of the archive — its rows and its stored files — and its restore.

A backup is a folder: `data.json` (every row but the ones Django rebuilds, such as content types
and sessions), `files/` (each stored original and bilag copy under its storage name) and
`manifest.json` (when, which database, row counts, and the SHA-256 of every file). The rows are
read in one repeatable-read transaction on PostgreSQL, so the dump is one moment of the archive.
Restore refuses a non-empty archive, checks every file against the manifest, then loads the rows.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
# Rebuilt by migrate, or not worth keeping: sessions, login attempts, cache rows, task results.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
    "django_tasks_database",
]


class BackupError(Exception):
    """A backup or restore that cannot go on, in one sentence."""


@dataclass
class Summary:
    folder: Path
    rows: int
    files: int


def _stored_files() -> list[str]:
    """The storage names of every file a row points to (originals and bilag copies)."""
    names: list[str] = []
    for model in apps.get_app_config("minutes").get_models():
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.get_fields():
            if getattr(field, "get_internal_type", lambda: "")() == "FileField":
                names += [n for n in model.objects.values_list(field.name, flat=True) if n]
    return sorted(set(names))


def _sha256(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def backup(folder: Path) -> Summary:
    """Write a backup into `folder` (created; must not exist or be empty)."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} findes og er ikke tom; vælg en ny mappe.")
    (folder / "files").mkdir(parents=True, exist_ok=True)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            natural_foreign=True,
            natural_primary=True,
            output=str(folder / "data.json"),
            verbosity=0,
        )
        names = _stored_files()
    checksums = {}
    for name in names:
        target = folder / "files" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not default_storage.exists(name):
            raise BackupError(f"Filen {name} mangler i arkivets lager; backuppen er ikke skrevet.")
        with default_storage.open(name, "rb") as source, target.open("wb") as copy:
            for chunk in iter(lambda source=source: source.read(1 << 20), b""):
                copy.write(chunk)
        with target.open("rb") as handle:
            checksums[name] = _sha256(handle)
    rows = json.loads((folder / "data.json").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["model"]] = counts.get(row["model"], 0) + 1
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "rows": counts,
        "files": checksums,
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    return Summary(folder, len(rows), len(checksums))


def restore(folder: Path) -> Summary:
    """Load a backup into an empty, migrated archive; files first, checked against the manifest."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        message = f"{folder} er ikke en backup af arkivet (manifest.json mangler)."
        raise BackupError(message) from exc
    if manifest.get("format") != FORMAT:
        raise BackupError("Backuppen har et format, som denne version ikke kan læse.")
    Meeting = apps.get_model("minutes", "Meeting")
    SourceDocument = apps.get_model("minutes", "SourceDocument")
    if Meeting.objects.exists() or SourceDocument.objects.exists():
        raise BackupError("Arkivet er ikke tomt; en backup lægges kun tilbage i et tomt arkiv.")
    for name, checksum in manifest["files"].items():
        path = folder / "files" / name
        if not path.is_file():
            raise BackupError(f"Filen {name} mangler i backuppen.")
        with path.open("rb") as handle:
            if _sha256(handle) != checksum:
                raise BackupError(f"Filen {name} i backuppen er beskadiget (forkert SHA-256).")
    for name in manifest["files"]:
        if not default_storage.exists(name):
            with (folder / "files" / name).open("rb") as handle:
                stored = default_storage.save(name, File(handle))
            if stored != name:
                raise BackupError(f"Lageret gemte {name} som {stored}; gendannelsen er stoppet.")
    with transaction.atomic():
        call_command("loaddata", str(folder / "data.json"), verbosity=0)
    return Summary(folder, sum(manifest["rows"].values()), len(manifest["files"]))
