"""Request bodies bounded before they reach disk, and a clear answer to too many files at once."""
from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# Where signed-in staff send files: the secretariat's uploads and the admin (bilag).
UPLOAD_PREFIXES = ("/sekretariat/", "/admin/")
# Pages that show drafts or accounts: never kept by a browser's or proxy's cache.
PRIVATE_PREFIXES = ("/sekretariat/", "/admin/", "/konto/")


class BoundedRequestMiddleware:
    """Refuse (413) a body over REQUEST_MAX_BYTES unless a signed-in user sends it to an upload
    page, before Django reads it: an anonymous 600 MB POST is never spooled to a temporary file.

    On the upload pages a form with more files than DATA_UPLOAD_MAX_NUMBER_FILES returns to the
    page with a message, instead of Django's bare "Bad Request (400)".
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        upload = request.path.startswith(UPLOAD_PREFIXES) and request.user.is_authenticated
        if not upload and _declared_length(request) > settings.REQUEST_MAX_BYTES:
            return HttpResponse(
                _("Forespørgslen er for stor."),
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        if upload and request.method == "POST":
            try:
                request.FILES  # noqa: B018 - read here, where too many files can be answered
            except TooManyFilesSent:
                messages.error(
                    request,
                    _("Du kan højst uploade %(count)d filer ad gangen; del dem op i flere "
                      "uploads.") % {"count": settings.DATA_UPLOAD_MAX_NUMBER_FILES},
                )
                return redirect(request.path)
        return self.get_response(request)


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class PrivatePagesMiddleware:
    """`Cache-Control: no-store` on the secretariat's, the admin's and the account pages: a
    draft or an original seen by staff must not stay in a shared computer's browser cache."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES):
            response["Cache-Control"] = "no-store"
        return response
