"""The real queue: an upload becomes a job row in the database that `db_worker` runs."""
import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from minutes.models import SourceDocument
from tests.upload_support import DATABASE_TASKS, make_user, referat_file, upload

# The worker closes connections it finds inside a transaction: the test cannot wrap it in one.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    settings.TASKS = DATABASE_TASKS
    settings.MEDIA_ROOT = tmp_path / "media"


def test_an_upload_waits_in_the_queue_until_the_worker_reads_it(
    client, django_capture_on_commit_callbacks
):
    client.force_login(make_user("sekretaer", sekretariat=True))
    upload(client, django_capture_on_commit_callbacks, referat_file())
    source = SourceDocument.objects.get()
    job = DBTaskResult.objects.get()
    assert source.status == SourceDocument.Status.WAITING
    assert source.task_id == str(job.id)
    assert job.status == "READY"
    assert job.args_kwargs == {"args": [source.pk, False, False], "kwargs": {}}
    page = client.get(f"/sekretariat/{source.pk}/").content.decode()
    assert "Filen læses. Siden opdateres af sig selv." in page
    assert 'http-equiv="refresh"' in page

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    source.refresh_from_db()
    job.refresh_from_db()
    assert source.status == SourceDocument.Status.READY
    assert source.meeting.items.count() == 9
    assert job.status == "SUCCESSFUL"
    assert job.return_value == "loaded"
    assert job.started_at <= job.finished_at
    page = client.get(f"/sekretariat/{source.pk}/").content.decode()
    assert "Færdig" in page and "Startet" in page
    assert 'http-equiv="refresh"' not in page
