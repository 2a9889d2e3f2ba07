"""What operations rely on: a health check for load balancers and compose, and robots.txt."""
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ingest.tasks import parse_upload

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_ok_when_the_database_answers_and_nothing_waits(client):
    response = client.get("/sundhed/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "worker": True}}
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_fails_when_a_parse_waits_longer_than_a_worker_would_let_it(
    client, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = parse_upload.enqueue(1, False, False)
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=settings.HEALTH_MAX_QUEUE_WAIT + 60)
    )
    response = client.get("/sundhed/")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "worker": False}


def test_robots_txt_keeps_crawlers_out_of_staff_pages_and_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /sekretariat/" in text and "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
