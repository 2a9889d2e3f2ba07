"""Shared pieces of the upload workflow tests: personas, immediate tasks, uploading a file.

Registered in tests/conftest.py as a plugin, so its fixtures need no import: a test module asks
for `upload_settings` (usually via `pytest.mark.usefixtures`) and `staff`.
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.paths import FIXTURES

SEED_2024 = FIXTURES / "004_eed90c9ef06859eb.txt"  # DASSOS 1 March 2024, 9 items
SEED_2022 = FIXTURES / "002_1f7ce8dd622acaf4.txt"  # DASSOS 15 September 2022
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PASSWORD = "korrekt-hest-batteri-42"


def sekretariat_group() -> Group:
    """The group the data migration creates, re-created if a transactional test flushed it."""
    group, created = Group.objects.get_or_create(name="Sekretariat")
    if created:
        # A flush without post_migrate (serialized rollback) also removed the permissions.
        create_permissions(apps.get_app_config("minutes"), verbosity=0)
        migration = importlib.import_module("ingest.migrations.0001_sekretariat_group")
        for app_label, codename in migration.SEKRETARIAT_PERMISSIONS:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return group


def make_user(username: str, *, sekretariat: bool = False, superuser: bool = False) -> User:
    """A persona: a plain reader, a member of the Sekretariat group, or an administrator."""
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    if sekretariat:
        user.groups.add(sekretariat_group())
    return user


def referat_file(path: Path = SEED_2024, *, name: str | None = None, text: str | None = None):
    """An uploaded file with a seed referat's bytes (or the given text)."""
    data = path.read_bytes() if text is None else text.encode("utf-8")
    return SimpleUploadedFile(name or path.name, data, content_type="text/plain")


def upload(client, capture, *files, **data):
    """POST files to the upload page and run the parse it enqueues on commit, like a browser."""
    with capture(execute=True):
        return client.post("/sekretariat/", {"files": list(files), **data})


@pytest.fixture
def upload_settings(settings, tmp_path) -> Path:
    """Uploads stored in a fresh MEDIA_ROOT and parsed at once (the immediate task backend)."""
    settings.TASKS = IMMEDIATE_TASKS
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def staff(client):
    """The test client, logged in as a member of the Sekretariat group."""
    client.force_login(make_user("sekretaer", sekretariat=True))
    return client


def review_form_data(context, **changes) -> dict:
    """The review form as a browser sends it back (every part: meeting, items, participants
    and follow-ups), with `changes` applied."""
    data = {}
    formsets = [context["formset"], context["participant_formset"], context["forms"].followups]
    for form in [context["meeting_form"], *(f for fs in formsets for f in fs.forms)]:
        for name in form.fields:
            value = form[name].value()
            if hasattr(value, "isoformat"):
                value = value.isoformat()[:10] if "date" in name or name == "due" else (
                    value.strftime("%H:%M"))
            if value is not None and value is not False:
                data[form.add_prefix(name)] = value
            elif value is None:
                data[form.add_prefix(name)] = ""
    for formset in formsets:
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
    data.update(changes)
    return data
