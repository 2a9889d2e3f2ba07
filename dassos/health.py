"""Operations endpoints: /sundhed/ for load balancers and compose healthchecks, /robots.txt.

The health check answers 200 when the database answers and no queued parse has waited longer
than HEALTH_MAX_QUEUE_WAIT seconds (a worker that is down leaves uploads waiting); 503 with the
failing check named otherwise. It reveals no archive content, only check names and states.
"""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def worker_ok() -> bool:
    """False when a parse has waited in the queue longer than the allowed wait."""
    from django_tasks_db.models import DBTaskResult

    limit = timezone.now() - timedelta(seconds=settings.HEALTH_MAX_QUEUE_WAIT)
    try:
        return not DBTaskResult.objects.ready().filter(enqueued_at__lt=limit).exists()
    except DatabaseError:
        return False


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_ok()}
    checks["worker"] = worker_ok() if checks["database"] else False
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": checks}, status=200 if healthy else 503
    )


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the public archive; staff pages and the admin are off limits."""
    sitemap = request.build_absolute_uri(reverse("opendata:sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /sekretariat/",
        "Disallow: /konto/",
        "Disallow: /soeg/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
