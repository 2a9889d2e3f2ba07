"""Exports: the filtered decisions list as an Excel workbook, a meeting as contract JSON."""
from __future__ import annotations

import json
from io import BytesIO

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from ingest.load import meeting_contract
from minutes.filters import DecisionFilter
from minutes.models import Meeting
from minutes.public import decisions as public_decisions
from minutes.public import meeting_for_export

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Column title and width (characters) of the decisions sheet.
COLUMNS = [
    ("Dato", 12),
    ("Punkt", 8),
    ("Afsnit", 24),
    ("Titel", 50),
    ("Udfald", 22),
    ("Beslutning", 80),
    ("Oplægsholdere", 30),
    ("Emner", 30),
    ("Link", 50),
]


def _text(value: str) -> str:
    # Control characters from PDF extraction are not allowed in the file format.
    return ILLEGAL_CHARACTERS_RE.sub("", value or "")


def decisions_workbook(request: HttpRequest) -> Workbook:
    """The decisions list with the same filters (query string) as the page and its CSV."""
    filterset = DecisionFilter(request.GET, queryset=public_decisions(), request=request)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Beslutninger")
    sheet.append([_(title) for title, _width in COLUMNS])
    for cell, (_title, width) in zip(sheet[1], COLUMNS, strict=True):
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width
    for decision in filterset.qs:
        item = decision.item
        link = request.build_absolute_uri(item.get_absolute_url())
        sheet.append(
            [
                item.meeting.date,
                _text(item.number),
                _text(item.section),
                _text(item.title),
                str(decision.get_outcome_display()),
                _text(decision.text),
                _text(", ".join(p.name for p in item.presenters.all()) or item.presenters_text),
                ", ".join(t.name for t in item.topics.all()),
                link,
            ]
        )
        row = sheet[sheet.max_row]
        for cell in row:
            if cell.data_type == "f":  # document text is never a formula for Excel to run
                cell.data_type = "s"
        row[0].number_format = "yyyy-mm-dd"
        row[-1].hyperlink = link
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
    data = meeting_contract(meeting).to_dict()
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{meeting.body.slug}-{date}.json"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


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
