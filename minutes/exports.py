"""Exports: the filtered decisions list as CSV and as an Excel workbook (one row builder for
both), a meeting as contract JSON."""
from __future__ import annotations

import csv
import datetime
import json
from collections.abc import Iterator
from io import BytesIO

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from ingest.load import meeting_contract
from minutes.case_links import same_case
from minutes.filters import DecisionFilter
from minutes.models import Meeting
from minutes.public import decisions as public_decisions
from minutes.public import meeting_for_export

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The decisions exports' columns: title, and width (characters) in the workbook.
COLUMNS = [
    (gettext_noop("Dato"), 12),
    (gettext_noop("Punkt"), 8),
    (gettext_noop("Afsnit"), 24),
    (gettext_noop("Titel"), 50),
    (gettext_noop("Udfald"), 22),
    (gettext_noop("Beslutning"), 80),
    (gettext_noop("Oplægsholdere"), 30),
    (gettext_noop("Emner"), 30),
    (gettext_noop("Link"), 50),
]
# Spreadsheets run cells that start like a formula; in the CSV such cells get an apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def decision_rows(request: HttpRequest) -> Iterator[list[datetime.date | str]]:
    """The decisions list with its filters (the query string), as rows of the COLUMNS: the
    meeting date, texts, and the item's page as an absolute link. Both exports write these."""
    filterset = DecisionFilter(request.GET, queryset=public_decisions(), request=request)
    for decision in filterset.qs:
        item = decision.item
        yield [
            item.meeting.date,
            item.number,
            item.section,
            item.title,
            str(decision.get_outcome_display()),
            decision.text,
            ", ".join(p.name for p in item.presenters.all()) or item.presenters_text,
            ", ".join(t.name for t in item.topics.all()),
            request.build_absolute_uri(item.get_absolute_url()),
        ]


def _csv_cell(value: datetime.date | str) -> str:
    text = value.isoformat() if isinstance(value, datetime.date) else value or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


@require_safe
def decisions_csv(request: HttpRequest) -> HttpResponse:
    """/beslutninger.csv?…: the filtered decisions as CSV for Danish Excel: semicolons between
    fields (Danish Excel's list separator; with commas it opens everything in one column) and
    UTF-8 with a BOM, so æ, ø and å read right. The workbook (.xlsx) stays the first choice."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dassos-beslutninger.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_(title) for title, _width in COLUMNS])
    for row in decision_rows(request):
        writer.writerow([_csv_cell(value) for value in row])
    return response


def _xlsx_cell(value: datetime.date | str) -> datetime.date | str:
    # Control characters from PDF extraction are not allowed in the file format.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def decisions_workbook(request: HttpRequest) -> Workbook:
    """The decisions list with the same filters (query string) as the page and its CSV."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Beslutninger")
    sheet.append([_(title) for title, _width in COLUMNS])
    for cell, (_title, width) in zip(sheet[1], COLUMNS, strict=True):
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width
    for values in decision_rows(request):
        sheet.append([_xlsx_cell(value) for value in values])
        row = sheet[sheet.max_row]
        for cell in row:
            if cell.data_type == "f":  # document text is never a formula for Excel to run
                cell.data_type = "s"
        row[0].number_format = "yyyy-mm-dd"
        row[-1].hyperlink = row[-1].value
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return book


@require_safe
def decisions_xlsx(request: HttpRequest) -> HttpResponse:
    """/beslutninger.xlsx?…: the filtered decisions as an Excel workbook."""
    buffer = BytesIO()
    decisions_workbook(request).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="dassos-beslutninger.xlsx"'
    return response


@require_safe
def meeting_json(request: HttpRequest, date: str, body: str) -> HttpResponse:
    """/moeder/2024-03-01/dassos.json: the meeting in the shape `parse_minutes --json` prints."""
    meeting = get_object_or_404(meeting_for_export(), date=date, body__slug=body)
    data = with_links(meeting_contract(meeting).to_dict(), meeting, request)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{meeting.body.slug}-{date}.json"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def with_links(data: dict, meeting: Meeting, request: HttpRequest) -> dict:
    """The contract tree plus where each part lives: this document's own URL (`id`), the
    meeting's page and OParl object, and each item's page (documented at /data/)."""
    absolute = request.build_absolute_uri
    links = {
        "id": absolute(meeting.get_json_url()),
        "web": absolute(meeting.get_absolute_url()),
        "oparl": absolute(reverse("oparl:meeting", args=[meeting.pk])),
        "license": settings.OPEN_DATA_LICENSE,
        "documentation": absolute(reverse("opendata:data")),
    }
    items = list(meeting.items.all())
    pages = {item.number: absolute(item.get_absolute_url()) for item in items}
    links_of = same_case(items)
    same = {
        item.number: [absolute(s.item.get_absolute_url()) for s in links_of.get(item.pk, [])]
        for item in items
    }
    for item in data["items"]:
        item["web"] = pages.get(item["number"])
        item["same_case"] = same.get(item["number"], [])
    return {**links, **data}


@require_safe
def meeting_json_on_date(request: HttpRequest, date: str) -> HttpResponse:
    """/moeder/2024-03-01.json: the meeting held that day (a redirect); when several bodies met
    that day, 300 Multiple Choices listing each meeting's JSON and page."""
    meetings = list(
        Meeting.objects.public().select_related("body").filter(date=date).order_by("body__name")
    )
    if not meetings:
        raise Http404("No published meeting on that date")
    if len(meetings) == 1:
        return redirect(meetings[0].get_json_url())
    choices = [
        {
            "body": meeting.body.name,
            "json": request.build_absolute_uri(meeting.get_json_url()),
            "web": request.build_absolute_uri(meeting.get_absolute_url()),
        }
        for meeting in meetings
    ]
    response = JsonResponse({"date": date, "meetings": choices}, status=300,
                            json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    """/data/: what can be fetched and in which shape (the meeting JSON's fields documented)."""
    return render(
        request,
        "minutes/open_data.html",
        {
            "license": settings.OPEN_DATA_LICENSE,
            "oparl": request.build_absolute_uri(reverse("oparl:system")),
            "example": Meeting.objects.public().select_related("body").order_by("-date").first(),
        },
    )
