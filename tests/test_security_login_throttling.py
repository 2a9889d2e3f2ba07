"""Password guessing is throttled per username and address, on the site login and the admin's."""
import pytest

from tests.upload_support import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGINS = ["/konto/login/", "/admin/login/"]


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def _attempt(client, url, password, username="chef", address="10.0.0.1"):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("url", LOGINS)
def test_the_attempt_after_the_limit_is_refused_even_with_the_right_password(client, url):
    make_user("chef", superuser=True)
    for _ in range(2):
        assert _attempt(client, url, "forkert").status_code == 200
    assert _attempt(client, url, "forkert").status_code == 429  # the third failure locks
    response = _attempt(client, url, PASSWORD)
    assert response.status_code == 429
    assert "For mange forkerte forsøg" in response.content.decode()
    assert "login er spærret" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", LOGINS)
def test_the_right_password_before_the_limit_logs_in(client, url):
    make_user("chef", superuser=True)
    for _ in range(2):
        _attempt(client, url, "forkert")
    response = _attempt(client, url, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_the_lockout_holds_only_for_that_username_from_that_address(client):
    make_user("chef", superuser=True)
    make_user("kollega")
    for _ in range(3):
        _attempt(client, "/konto/login/", "forkert")
    assert _attempt(client, "/konto/login/", PASSWORD).status_code == 429
    assert _attempt(client, "/konto/login/", PASSWORD, username="kollega").status_code == 302
    client.logout()
    other_address = _attempt(client, "/konto/login/", PASSWORD, address="10.0.0.2")
    assert other_address.status_code == 302


def test_the_limit_comes_from_the_environment():
    from tests.test_security_deploy import run_manage

    code = "from django.conf import settings; print(settings.AXES_FAILURE_LIMIT)"
    result = run_manage("shell", "-c", code, env={"AXES_FAILURE_LIMIT": "7"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "7"
