"""Every secretariat and admin URL, resolved from the URLconf, refuses whoever may not use it."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from ingest.process import process_source
from ingest.store import store_bytes
from tests.upload_support import IMMEDIATE_TASKS, SEED_2024, make_user

pytestmark = pytest.mark.django_db

# Admin pages a visitor must reach to log in or out at all.
ADMIN_OPEN = {"admin:login", "admin:logout"}


def _walk(patterns, prefix="", namespace=""):
    """(route, name, pattern) for every URL pattern, with the routes of its includes joined."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if entry.name else f"{namespace}:?"
            yield route, name, entry


def _fill(route: str, pattern: URLPattern, values: dict[str, str]) -> str:
    """A concrete path for a route such as `<int:pk>/` or an admin regex."""
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], route)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], path)
    path = path.replace("^", "").replace("$", "").replace("\\", "")
    model_admin = getattr(pattern.callback, "model_admin", None)
    if model_admin is not None and "OBJECT_ID" in path:
        obj = model_admin.model._default_manager.order_by("pk").first()
        path = path.replace("OBJECT_ID", str(obj.pk if obj else 999999))
    return "/" + path


# The autocomplete view needs to know which field asks (a real one from minutes.admin).
AUTOCOMPLETE_QUERY = "?app_label=minutes&model_name=agendaitem&field_name=meeting"


def protected_urls(source_pk: int) -> list[tuple[str, str, object]]:
    """(name, path, model_admin or None) for every URL of the ingest app and the admin.

    Object URLs point at the first row of their model, or at pk 999999 if it has none.
    """
    values = {
        "pk": str(source_pk),
        "page": "1",  # a PDF page of the source, as an image
        "object_id": "OBJECT_ID",
        "id": "OBJECT_ID",
        "app_label": "minutes",
        "content_type_id": "1",
        "url": "ukendt/",
    }
    urls = []
    for route, name, pattern in _walk(get_resolver().url_patterns):
        if name.startswith(("ingest:", "admin:")) and name not in ADMIN_OPEN:
            path = _fill(route, pattern, values)
            if name == "admin:autocomplete":
                path += AUTOCOMPLETE_QUERY
            urls.append((name, path, getattr(pattern.callback, "model_admin", None)))
    return urls


@pytest.fixture
def personas(db):
    sekretaer = make_user("sekretaer", sekretariat=True)
    sekretaer.is_staff = True  # staff too, so the admin shows what its permissions allow
    sekretaer.save()
    return {
        "reader": make_user("laeser"),
        "sekretariat": sekretaer,
        "admin": make_user("admin", superuser=True),
    }


@pytest.fixture
def urls(settings, tmp_path, personas):
    settings.TASKS = IMMEDIATE_TASKS
    settings.MEDIA_ROOT = tmp_path
    source, _ = store_bytes(SEED_2024.read_bytes(), SEED_2024.name)
    process_source(source, published=False)
    found = protected_urls(source.pk)
    # The walk must see the whole URLconf: every ingest view and every registered model.
    names = {name for name, _path, _admin in found}
    assert {"ingest:uploads", "ingest:review", "ingest:publish", "ingest:original"} <= names
    assert len({a for _n, _p, a in found if a}) == len(admin.site._registry)
    return found


def _is_login_redirect(response, login_path: str) -> bool:
    if getattr(response, "redirect_chain", None):
        return urlparse(response.redirect_chain[-1][0]).path == login_path
    return response.status_code == 302 and urlparse(response.url).path == login_path


def _login_path(name: str) -> str:
    return "/admin/login/" if name.startswith("admin:") else "/konto/login/"


def test_the_walk_covers_every_ingest_url_and_every_admin_model(urls):
    assert len(urls) >= 6 * len(admin.site._registry)


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_log_in_everywhere(client, urls, method):
    for name, path, _model_admin in urls:
        response = getattr(client, method)(path)
        assert _is_login_redirect(response, _login_path(name)), (name, path, response.status_code)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_logged_in_reader_is_refused_everywhere(client, urls, personas, method):
    client.force_login(personas["reader"])
    for name, path, _model_admin in urls:
        response = getattr(client, method)(path)
        if name.startswith("admin:"):
            # Django's admin sends users who are not staff to its login page.
            assert _is_login_redirect(response, "/admin/login/"), (name, path)
        else:
            assert response.status_code == 403, (name, path, response.status_code)


def test_the_sekretariat_uses_its_pages_but_only_the_admin_models_it_may_see(
    client, urls, personas
):
    user = personas["sekretariat"]
    client.force_login(user)
    allowed = {
        p.content_type.model
        for p in Permission.objects.filter(group__user=user, codename__startswith="view_")
    }
    for name, path, model_admin in urls:
        # Followed: the admin's bare object URL redirects to the change page, which decides.
        response = client.get(path, follow=True)
        refused = response.status_code == 403 or _is_login_redirect(response, _login_path(name))
        if name.startswith("ingest:"):
            assert not refused, (name, path, response.status_code)
        elif "999999" in path:
            continue  # no such row: the admin says so before it checks permissions
        elif model_admin is not None and model_admin.model._meta.model_name not in allowed:
            assert response.status_code == 403, (name, path, response.status_code)
        elif name.endswith(("_add", "_delete")):
            assert response.status_code == 403, (name, path, response.status_code)


def _closed_to_everyone(model_admin, name: str, user) -> bool:
    """An add or delete page the admin class offers to no one (e.g. sources come by upload)."""
    action = name.rsplit("_", 1)[-1]
    if model_admin is None or action not in ("add", "delete"):
        return False
    request = RequestFactory().get("/")
    request.user = user
    return not getattr(model_admin, f"has_{action}_permission")(request)


def test_an_administrator_reaches_every_page(client, urls, personas):
    client.force_login(personas["admin"])
    for name, path, model_admin in urls:
        if _closed_to_everyone(model_admin, name, personas["admin"]):
            continue
        response = client.get(path)
        assert response.status_code not in (401, 403), (name, path, response.status_code)
        assert not _is_login_redirect(response, _login_path(name)), (name, path)
