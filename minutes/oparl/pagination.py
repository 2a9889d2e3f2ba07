"""OParl object lists: the data/pagination/links envelope, stable order, date filters."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from math import ceil

from django.db.models import Q, QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.dateparse import parse_datetime

PAGE_SIZE = 100  # the spec recommends at most 100 objects per page
FILTERS = {
    "created_since": ("created", "gte"),
    "created_until": ("created", "lte"),
    "modified_since": ("modified", "gte"),
    "modified_until": ("modified", "lte"),
}


class BadRequest(ValueError):
    """A list parameter the server cannot read; the message goes to the client."""


@dataclass
class Segment:
    """One source of list entries: rows in pk order, how to filter them by date, how to render.

    `created`/`modified` turn a moment into the Q that keeps rows created/modified since or
    until then (a callable, because an item's modification includes its decisions').
    """

    queryset: QuerySet
    serialize: Callable[[object], dict]
    created: Callable[[str, datetime], Q]
    modified: Callable[[str, datetime], Q]


def field_filter(field: str) -> Callable[[str, datetime], Q]:
    """Filter on one timestamp column: field_filter("updated_at")("gte", moment)."""
    return lambda op, moment: Q(**{f"{field}__{op}": moment})


def no_filter(op: str, moment: datetime) -> Q:
    """For objects without timestamps of their own: the date filters keep them all."""
    return Q()


def date_filters(params: QueryDict) -> list[tuple[str, str, datetime]]:
    """The created/modified filters asked for, as (which, lookup, moment)."""
    found = []
    for name, (which, op) in FILTERS.items():
        raw = params.get(name)
        if raw is None:
            continue
        # An unencoded "+01:00" arrives as " 01:00"; read it as the client meant it.
        moment = parse_datetime(raw.strip().replace(" ", "+"))
        if moment is None or moment.tzinfo is None:
            raise BadRequest(f"{name} must be a date-time with a time zone (RFC 3339).")
        found.append((which, op, moment))
    return found


def _positive(params: QueryDict, name: str, default: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(f"{name} must be a positive whole number.")
    return int(raw)


def object_list(request: HttpRequest, segments: list[Segment]) -> dict:
    """One page of the concatenated segments, with the envelope OParl 1.1 prescribes."""
    params = request.GET
    filters = date_filters(params)
    per_page = min(_positive(params, "elementsPerPage", PAGE_SIZE), PAGE_SIZE)
    page = _positive(params, "page", 1)
    querysets = []
    for segment in segments:
        queryset = segment.queryset
        for which, op, moment in filters:
            build = segment.created if which == "created" else segment.modified
            queryset = queryset.filter(build(op, moment))
        querysets.append(queryset.order_by("pk"))
    counts = [qs.count() for qs in querysets]
    total = sum(counts)
    total_pages = max(1, ceil(total / per_page))
    if page > total_pages:
        raise BadRequest(f"page must be at most {total_pages}.")
    data = _slice(segments, querysets, counts, (page - 1) * per_page, per_page)

    def link(number: int) -> str:
        query = params.copy()
        query.pop("page", None)
        if number > 1:  # the first page has one URL: the list's own
            query["page"] = str(number)
        suffix = f"?{query.urlencode()}" if query else ""
        return request.build_absolute_uri(f"{request.path}{suffix}")

    links = {"first": link(1), "self": link(page), "last": link(total_pages)}
    if page > 1:
        links["prev"] = link(page - 1)
    if page < total_pages:
        links["next"] = link(page + 1)
    return {
        "data": data,
        "pagination": {
            "totalElements": total,
            "elementsPerPage": per_page,
            "currentPage": page,
            "totalPages": total_pages,
        },
        "links": links,
    }


def _slice(segments, querysets, counts, offset: int, limit: int) -> list[dict]:
    data: list[dict] = []
    for segment, queryset, count in zip(segments, querysets, counts, strict=True):
        if offset >= count:
            offset -= count
            continue
        rows = queryset[offset : offset + limit - len(data)]
        data.extend(segment.serialize(row) for row in rows)
        offset = 0
        if len(data) >= limit:
            break
    return data
