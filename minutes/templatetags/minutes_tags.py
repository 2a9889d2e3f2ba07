"""Rendering document text safely: paragraphs and bullet lists, escaped, with cross-links."""
from __future__ import annotations

import re
from datetime import date
from itertools import groupby

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ingest.parsing import sentences
from minutes.crossref import Catalogue, find_references

register = template.Library()

_BLOCKS = re.compile(r"\n\s*\n")
_BULLET = re.compile(r"^\s*[•●◦▪\-–*]\s+")


def linkify(
    line: str, catalogue: Catalogue | None, here: date | None, seen: set[str] | None = None
) -> str:
    """One line of untrusted text, escaped, with its references as links.

    A target already in `seen` is not linked again, so a name repeated in a text links once.
    """
    if catalogue is None or here is None:
        return str(escape(line))
    seen = set() if seen is None else seen
    pieces, last = [], 0
    for ref in find_references(line, catalogue, here):
        if ref.url in seen:
            continue
        seen.add(ref.url)
        pieces.append(str(escape(line[last : ref.start])))
        pieces.append(
            format_html('<a class="xref" href="{}" title="{}">{}</a>',
                        ref.url, ref.title, line[ref.start : ref.end])
        )
        last = ref.end
    pieces.append(str(escape(line[last:])))
    return "".join(pieces)


def render_text(text: str, catalogue: Catalogue | None = None, here: date | None = None) -> str:
    """Blank-line paragraphs as <p>, runs of bullet lines as <ul>; every line escaped."""
    html: list[str] = []
    seen: set[str] = set()
    for block in _BLOCKS.split((text or "").strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        for is_bullet, run in groupby(lines, key=lambda line: bool(_BULLET.match(line))):
            if is_bullet:
                entries = (linkify(_BULLET.sub("", x), catalogue, here, seen) for x in run)
                html.append("<ul>" + "".join(f"<li>{e}</li>" for e in entries) + "</ul>")
            else:
                linked = (linkify(x, catalogue, here, seen) for x in run)
                html.append("<p>" + "<br>".join(linked) + "</p>")
    return "".join(html)


@register.simple_tag
def richtext(text: str, catalogue: Catalogue | None = None, here: date | None = None) -> SafeString:
    """{% richtext item.referat catalogue item.meeting.date %}"""
    return mark_safe(render_text(text, catalogue, here))  # noqa: S308 - every piece escaped above


@register.filter
def first_sentence(text: str, limit: int = 300) -> str:
    """The opening sentence of a decision text, for lists, "…" when more follows
    (plain text; autoescaped by the template)."""
    return sentences.first_sentence(text or "", limit)


@register.filter
def http_url(url: str) -> str:
    """The URL when it is http(s), else "": a bilag link from a document must not run script."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""
