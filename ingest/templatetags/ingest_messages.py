"""`{% load ingest_messages %}`: the parser's stored messages in the page's language."""
from django import template
from django.utils.translation import pgettext_lazy

from ingest import i18n

register = template.Library()

# django-tasks labels its statuses in English only; the secretariat sees these instead.
JOB_STATUS = {
    "READY": pgettext_lazy("baggrundsjob", "i kø"),
    "RUNNING": pgettext_lazy("baggrundsjob", "kører"),
    "FAILED": pgettext_lazy("baggrundsjob", "fejlet"),
    "SUCCESSFUL": pgettext_lazy("baggrundsjob", "færdig"),
}


@register.filter
def message(value) -> str:
    """A stored warning (a message dict, or a plain string from before) as text."""
    return i18n.translate(value)


@register.filter
def error_text(source) -> str:
    """Why the source failed, in the active language."""
    return i18n.source_error(source)


@register.filter
def source_kind(kind: str) -> str:
    """The kind of file read ("scanned-pdf") in words."""
    return i18n.kind_label(kind)


@register.filter
def conflict(value) -> str:
    """A kept hand correction the new parse disagreed with, as a sentence."""
    return i18n.describe_conflict(value)


@register.filter
def job_status(status) -> str:
    """A django-tasks status as the secretariat reads it; an unknown one as it is."""
    return JOB_STATUS.get(str(getattr(status, "value", status)), getattr(status, "label", status))
