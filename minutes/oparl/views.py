"""OParl 1.1 endpoints: read-only JSON over published meetings, their items, people and files."""
from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.db.models import Exists, Max, Min, OuterRef, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.decorators.http import require_safe

from minutes.models import (
    AgendaItem,
    Attachment,
    Body,
    Case,
    CaseItem,
    Decision,
    Meeting,
    Organisation,
    Participant,
    Person,
    SourceDocument,
)
from minutes.oparl import serializers as s
from minutes.oparl.pagination import BadRequest, Segment, field_filter, no_filter, object_list


def _json(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/json; charset=utf-8"
    # OParl servers must allow cross-origin reads: the data is public.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(status: int, message: str) -> JsonResponse:
    return _json({"type": s.oparl_type("Error"), "message": message}, status=status)


def oparl_view(view):
    """GET/HEAD only; errors as OParl Error objects instead of HTML pages."""

    @require_safe
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.GET.get("page") == "1":
            # One URL per page: the first page is the list's own URL.
            query = request.GET.copy()
            del query["page"]
            target = f"{request.path}?{query.urlencode()}" if query else request.path
            response = HttpResponsePermanentRedirect(target)
            response["Access-Control-Allow-Origin"] = "*"
            return response
        # The same id gives the same text whatever the reader's interface language.
        with translation.override(settings.LANGUAGE_CODE):
            try:
                data = view(request, s.UrlFor(request), *args, **kwargs)
                if request.GET.get("omit_internal", "").lower() in ("1", "true", "yes"):
                    data = _without_internal(data)
                return _json(data)
            except BadRequest as exc:
                return _error(400, str(exc))
            except Http404:
                return _error(404, "No such object in the archive.")

    return wrapper


def _without_internal(value):
    """The object without this server's own `dassos:` properties (?omit_internal=true)."""
    if isinstance(value, dict):
        return {k: _without_internal(v) for k, v in value.items() if not k.startswith("dassos:")}
    if isinstance(value, list):
        return [_without_internal(v) for v in value]
    return value


@require_safe
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other path under /oparl/v1/: an OParl Error, readable cross-origin, not an HTML page."""
    return _error(404, "No such endpoint in this OParl API.")


# Querysets: only what the models' public() methods allow, prefetched so that a page of
# objects costs the same number of queries whatever its length.


def _items_prefetched(queryset):
    return queryset.prefetch_related(
        "decisions",
        "attachments",
        "topics",
    )


def _meetings():
    items = _items_prefetched(AgendaItem.objects.order_by("order"))
    return (
        Meeting.objects.public()
        .select_related("body", "current_source")
        .prefetch_related(
            Prefetch("items", queryset=items),
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("person").order_by("status", "order"),
            ),
        )
    )


def _items():
    return _items_prefetched(AgendaItem.objects.public().select_related("meeting__body"))


def _sources(body: Body | None = None):
    """The referat each published meeting currently rests on."""
    queryset = SourceDocument.objects.public().select_related("meeting__body")
    return queryset.filter(meeting__body=body) if body else queryset


def _attachments(body: Body | None = None):
    """Bilag that can be fetched: a stored copy or a link."""
    queryset = Attachment.objects.public().exclude(url="", file="")
    if body:
        queryset = queryset.filter(item__meeting__body=body)
    return queryset.select_related("item__meeting")


def _item_modified(op: str, moment) -> Q:
    """An item's modification time is the latest of its own and its decisions'."""
    if op == "gte":
        later = Decision.objects.filter(item=OuterRef("pk"), updated_at__gte=moment)
        return Q(updated_at__gte=moment) | Q(Exists(later))
    later = Decision.objects.filter(item=OuterRef("pk"), updated_at__gt=moment)
    return Q(updated_at__lte=moment) & ~Q(Exists(later))


def _source_modified(op: str, moment) -> Q:
    # A source is modified when it is parsed again; before its first parse, when uploaded.
    return Q(**{f"parsed_at__{op}": moment}) | Q(
        parsed_at__isnull=True, **{f"uploaded_at__{op}": moment}
    )


def _body(slug: str) -> Body:
    """A body with a published meeting: one known only from drafts is not found."""
    return get_object_or_404(Body.objects.public(), slug=slug)


# Endpoints


@oparl_view
def system(request, url):
    row = Meeting.objects.public().aggregate(
        created=Min("created_at"), modified=Max("updated_at")
    )
    return s.system(url, created=row["created"], modified=row["modified"])


@oparl_view
def body_list(request, url):
    bodies = Body.objects.public()
    stamps = {
        row["body"]: row
        for row in Meeting.objects.public()
        .values("body")
        .annotate(created=Min("created_at"), modified=Max("updated_at"))
    }

    def render(obj: Body) -> dict:
        row = stamps.get(obj.pk, {})
        return s.body(obj, url, created=row.get("created"), modified=row.get("modified"))

    return object_list(request, [Segment(bodies, render, no_filter, no_filter)])


@oparl_view
def body(request, url, slug):
    obj = _body(slug)
    row = Meeting.objects.public().filter(body=obj).aggregate(
        created=Min("created_at"), modified=Max("updated_at")
    )
    return s.body(obj, url, created=row["created"], modified=row["modified"])


def _withdrawn_meeting(meeting: Meeting, url) -> dict:
    return s.deleted(
        "Meeting", url("oparl:meeting", meeting.pk), meeting.created_at, meeting.withdrawn_at
    )


def _withdrawn_item(item: AgendaItem, url) -> dict:
    return s.deleted(
        "AgendaItem", url("oparl:agendaitem", item.pk), item.created_at,
        item.meeting.withdrawn_at,
    )


def _syncing(request) -> bool:
    """A client asking what changed since a moment is told of withdrawn objects too."""
    return "modified_since" in request.GET


@oparl_view
def body_meetings(request, url, slug):
    body = _body(slug)
    segments = [
        Segment(
            _meetings().filter(body=body),
            lambda m: s.meeting(m, url),
            field_filter("created_at"),
            field_filter("updated_at"),
        )
    ]
    if _syncing(request):
        segments.append(
            Segment(
                Meeting.objects.withdrawn().filter(body=body),
                lambda m: _withdrawn_meeting(m, url),
                field_filter("created_at"),
                field_filter("withdrawn_at"),
            )
        )
    return object_list(request, segments)


@oparl_view
def body_agendaitems(request, url, slug):
    body = _body(slug)
    segments = [
        Segment(
            _items().filter(meeting__body=body),
            lambda i: s.agenda_item(i, url),
            field_filter("created_at"),
            _item_modified,
        )
    ]
    if _syncing(request):
        withdrawn = AgendaItem.objects.filter(
            meeting__in=Meeting.objects.withdrawn().filter(body=body)
        ).select_related("meeting")
        segments.append(
            Segment(
                withdrawn,
                lambda i: _withdrawn_item(i, url),
                field_filter("created_at"),
                field_filter("meeting__withdrawn_at"),
            )
        )
    return object_list(request, segments)


def _memberships():
    return Participant.objects.public().select_related("meeting")


@oparl_view
def body_memberships(request, url, slug):
    """Every participation in the body's published meetings: OParl's memberships."""
    queryset = _memberships().filter(meeting__body=_body(slug))
    stamps = field_filter("meeting__created_at"), field_filter("meeting__updated_at")
    return object_list(request, [Segment(queryset, lambda p: s.membership(p, url), *stamps)])


@oparl_view
def membership(request, url, pk):
    return s.membership(get_object_or_404(_memberships(), pk=pk), url)


@oparl_view
def body_locations(request, url, slug):
    """Where the body's published meetings took place (each meeting's Location)."""
    queryset = Meeting.objects.public().filter(body=_body(slug)).exclude(location="", room="")
    stamps = field_filter("created_at"), field_filter("updated_at")
    return object_list(request, [Segment(queryset, lambda m: s.location(m, url), *stamps)])


@oparl_view
def body_legislative_terms(request, url, slug):
    """The archive knows no legislative terms: an empty list, as OParl asks for one."""
    _body(slug)
    return object_list(request, [Segment(Meeting.objects.none(), dict, no_filter, no_filter)])


def _consultations():
    """Public steps of public cases: their items at published meetings, not rejected."""
    return (
        CaseItem.objects.public()
        .filter(case__in=Case.objects.public())
        .select_related("item__meeting")
    )


def _papers():
    """Public cases, each with its public steps in time order."""
    steps = CaseItem.objects.public().select_related("item__meeting__body").order_by(
        "item__meeting__date", "item__order"
    )
    return Case.objects.public().prefetch_related(
        Prefetch("links", queryset=steps, to_attr="steps")
    )


@oparl_view
def body_consultations(request, url, slug):
    """The cases' steps at the body's meetings (a case is a Paper; see `paper`)."""
    queryset = _consultations().filter(item__meeting__body=_body(slug))
    stamps = field_filter("created_at"), field_filter("updated_at")
    return object_list(request, [Segment(queryset, lambda c: s.consultation(c, url), *stamps)])


@oparl_view
def body_persons(request, url, slug):
    queryset = Person.objects.public(_body(slug))
    stamps = field_filter("created_at"), field_filter("updated_at")
    return object_list(request, [Segment(queryset, lambda p: s.person(p, url), *stamps)])


@oparl_view
def body_organizations(request, url, slug):
    queryset = Organisation.objects.public(_body(slug))
    stamps = field_filter("created_at"), field_filter("updated_at")
    return object_list(request, [Segment(queryset, lambda o: s.organization(o, url), *stamps)])


@oparl_view
def body_files(request, url, slug):
    obj = _body(slug)
    return object_list(
        request,
        [
            Segment(
                _sources(obj),
                lambda f: s.source_file(f, f.meeting, url),
                field_filter("uploaded_at"),
                _source_modified,
            ),
            Segment(
                _attachments(obj),
                lambda a: s.attachment_file(a, url),
                field_filter("created_at"),
                field_filter("updated_at"),
            ),
        ],
    )


@oparl_view
def body_papers(request, url, slug):
    """The cases with a step at the body's meetings, as Papers (Drucksachen)."""
    at_body = _consultations().filter(item__meeting__body=_body(slug)).values("case_id")
    queryset = _papers().filter(pk__in=at_body)
    stamps = field_filter("created_at"), field_filter("updated_at")
    return object_list(request, [Segment(queryset, lambda c: s.paper(c, c.steps, url), *stamps)])


@oparl_view
def paper(request, url, pk):
    found = get_object_or_404(_papers(), pk=pk)
    return s.paper(found, found.steps, url)


@oparl_view
def consultation(request, url, pk):
    return s.consultation(get_object_or_404(_consultations(), pk=pk), url)


@oparl_view
def meeting(request, url, pk):
    found = _meetings().filter(pk=pk).first()
    if found is None:  # withdrawn since it was published: a deleted object, not a 404
        return _withdrawn_meeting(get_object_or_404(Meeting.objects.withdrawn(), pk=pk), url)
    return s.meeting(found, url)


@oparl_view
def location(request, url, pk):
    obj = get_object_or_404(Meeting.objects.public(), pk=pk)
    if not (obj.location or obj.room):
        raise Http404
    return s.location(obj, url)


@oparl_view
def agenda_item(request, url, pk):
    found = _items().filter(pk=pk).first()
    if found is None:
        withdrawn = AgendaItem.objects.filter(meeting__in=Meeting.objects.withdrawn())
        return _withdrawn_item(get_object_or_404(withdrawn.select_related("meeting"), pk=pk), url)
    return s.agenda_item(found, url)


@oparl_view
def person(request, url, pk):
    return s.person(get_object_or_404(Person.objects.public(), pk=pk), url)


@oparl_view
def organization(request, url, pk):
    return s.organization(get_object_or_404(Organisation.objects.public(), pk=pk), url)


@oparl_view
def file(request, url, kind, pk):
    if kind == "source":
        obj = get_object_or_404(_sources(), pk=pk)
        return s.source_file(obj, obj.meeting, url)
    return s.attachment_file(get_object_or_404(_attachments(), pk=pk), url)
