"""Who may do what: anonymous visitors are sent to log in; others lacking the permission get 403."""
from collections.abc import Callable

from django.contrib.auth.decorators import login_required, permission_required

UPLOAD = "minutes.upload_sourcedocument"
REVIEW = "minutes.review_sourcedocument"
PUBLISH = "minutes.publish_meeting"


def secretariat(perm: str) -> Callable:
    """A view decorator: log in first, then the permission or 403."""

    def decorate(view: Callable) -> Callable:
        return login_required(permission_required(perm, raise_exception=True)(view))

    return decorate
