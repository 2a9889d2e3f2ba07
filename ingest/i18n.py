"""The parser's messages in the active language (the Django side of ingest.parsing.messages).

Live messages (a ParseError's, a parse's warnings) and stored ones (SourceDocument.error_message,
SourceDocument.warnings) are rendered through Django's gettext when they are shown. Warnings and
errors stored before messages were kept translatable are plain strings and are shown as they are.
"""
from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext, gettext_lazy, ngettext

from ingest.parsing.messages import Message
from ingest.parsing.messages import render as _render

# What the contract's Source.kind names, as people say it.
KINDS = {
    "text": gettext_lazy("tekst"),
    "markdown": gettext_lazy("Markdown"),
    "pdf": gettext_lazy("PDF"),
    "scanned-pdf": gettext_lazy("scannet PDF"),
}


def kind_label(kind: str) -> str:
    """'scanned-pdf' → 'scannet PDF'; an unknown kind as it is."""
    return str(KINDS.get(kind, kind))


def translate(value: Message | Mapping | str) -> str:
    """A Message, its stored dict, or a plain string as text in the active language."""
    return _render(value, gettext, ngettext)


def source_error(source) -> str:
    """Why a SourceDocument failed, in the active language ("" when it did not fail)."""
    if source.error_message:
        return translate(source.error_message)
    return source.error


def _field_label(name: str) -> str:
    """A corrected field's name as the admin labels it ("title" → "titel"); else as it is."""
    from minutes.models import AgendaItem, Attachment, Decision, Meeting, Participant

    for model in (Meeting, AgendaItem, Participant, Decision, Attachment):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.auto_created and not field.concrete:  # a reverse relation: "items"
            return str(field.related_model._meta.verbose_name_plural)
        return str(field.verbose_name)
    return name


def describe_conflict(conflict: Mapping) -> str:
    """A hand correction a new parse disagreed with (SourceDocument.conflicts), as a sentence.

    The loader records machine words ("kept"/"missing" for a corrected row the file no longer
    has, "moved" for a corrected meeting the file now reads as another); they are worded here.
    """
    where, field = conflict.get("where", ""), conflict.get("field", "")
    kept, parsed = conflict.get("kept", ""), conflict.get("parsed", "")
    if kept == "kept" and parsed == "moved":
        message = gettext(
            "%(where)s: mødet er rettet i hånden og bevares; filen læses nu som et andet møde."
        )
        return message % {"where": where}
    if kept == "kept" and parsed == "missing":
        message = gettext(
            "%(where)s: %(row)s er rettet i hånden og bevares, selv om filen ikke længere har den."
        )
        return message % {"where": where, "row": field}
    if not kept:
        message = gettext(
            "%(where)s: %(rows)s er rettet i hånden; filen har også »%(parsed)s«, som ikke er "
            "tilføjet."
        )
        return message % {"where": where, "rows": _field_label(field), "parsed": parsed}
    message = gettext("%(where)s: rettelsen af %(field)s er bevaret; filen siger »%(parsed)s«.")
    return message % {"where": where, "field": _field_label(field), "parsed": parsed}
