"""Exports: the filtered decisions list as CSV and Excel, a meeting as the parse contract's JSON."""
import csv
from io import BytesIO, StringIO

import pytest
from openpyxl import load_workbook

from ingest.parsing import parse_document
from minutes.models import Decision
from tests.opendata_fixtures import DRAFT_DATE
from tests.paths import FIXTURES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_rows(client, query: str = "") -> list[tuple]:
    response = client.get(f"/beslutninger.xlsx{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="dassos-beslutninger.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def test_the_workbook_lists_every_published_decision_under_a_header(client):
    rows = workbook_rows(client)

    assert rows[0][:5] == ("Dato", "Punkt", "Afsnit", "Titel", "Udfald")
    published = Decision.objects.filter(item__meeting__status="published")
    assert len(rows) - 1 == published.count()
    dates = [row[0].date().isoformat() for row in rows[1:]]
    assert DRAFT_DATE not in dates
    assert dates == sorted(dates, reverse=True)
    assert all(row[8].startswith("http://testserver/moeder/") for row in rows[1:])


def test_the_workbook_applies_the_decision_list_filters(client):
    rows = workbook_rows(client, "?outcome=noted&date_from=2021-01-01&date_to=2021-12-31")

    assert len(rows) > 1
    assert {row[4] for row in rows[1:]} == {"taget til efterretning"}
    assert {row[0].year for row in rows[1:]} == {2021}
    assert "Mødeplan for DASSOS 2022" in [row[3] for row in rows[1:]]


def test_the_csv_and_the_workbook_hold_the_same_rows(client):
    query = "?outcome=noted&date_from=2021-01-01&date_to=2021-12-31"
    workbook = workbook_rows(client, query)
    response = client.get(f"/beslutninger.csv{query}")
    table = list(csv.reader(StringIO(response.content.decode("utf-8-sig")), delimiter=";"))

    assert len(workbook) > 1 and len(table) == len(workbook)
    assert tuple(table[0]) == workbook[0]
    as_text = [
        tuple(cell.date().isoformat() if n == 0 else cell or "" for n, cell in enumerate(row))
        for row in workbook[1:]
    ]
    assert [tuple(row) for row in table[1:]] == as_text


def test_text_that_looks_like_a_formula_stays_text(client):
    decision = Decision.objects.filter(item__meeting__status="published").first()
    decision.text = '=HYPERLINK("http://example.com","klik")'
    decision.save()
    response = client.get("/beslutninger.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active

    cells = [row[5] for row in sheet.iter_rows(min_row=2)]
    cell = next(c for c in cells if c.value == decision.text)
    assert cell.data_type == "s"


def test_a_meeting_as_json_is_the_parse_contract_of_its_referat(client):
    response = client.get("/moeder/2021-11-25/dassos.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    path = FIXTURES / "003_3388be411b985e9f.txt"
    parsed = parse_document(path.read_bytes(), path.name).to_dict()

    exported = response.json()

    # The contract's keys, plus the links to where each part lives (documented at /data/).
    links = {"id", "web", "oparl", "license", "documentation"}
    assert exported.keys() == parsed.keys() | links
    assert exported["source"] == parsed["source"]
    assert exported["meeting"] == parsed["meeting"]
    assert exported["participants"] == parsed["participants"]
    for mine, theirs in zip(exported["items"], parsed["items"], strict=True):
        assert mine.pop("web").endswith(f"/punkt/{theirs['number']}/")
        assert isinstance(mine.pop("same_case"), list)
        assert mine == theirs


def test_a_draft_meeting_has_no_json(client):
    assert client.get(f"/moeder/{DRAFT_DATE}.json").status_code == 404
    assert client.get(f"/moeder/{DRAFT_DATE}/dassos.json").status_code == 404
    assert client.get("/moeder/2021-02-30.json").status_code == 404
    assert client.get("/moeder/2021-02-30/dassos.json").status_code == 404


def test_the_meeting_json_links_its_pages_and_the_documentation_page_describes_it(client):
    from minutes.models import Meeting

    meeting = Meeting.objects.public().order_by("-date").first()
    data = client.get(meeting.get_json_url()).json()
    assert data["id"] == f"http://testserver{meeting.get_json_url()}"
    assert data["web"] == f"http://testserver{meeting.get_absolute_url()}"
    assert data["oparl"].startswith("http://testserver/oparl/v1/meeting/")
    assert all(item["web"].startswith(data["web"] + "punkt/") for item in data["items"])
    page = client.get(data["documentation"].removeprefix("http://testserver")).content.decode()
    for field in ("source", "meeting", "participants", "items", "warnings", "doctype"):
        assert field in page
    assert meeting.get_json_url() in page


def test_the_meeting_json_gives_each_item_the_pages_of_the_same_case(client):
    data = client.get("/moeder/2022-09-15/dassos.json").json()
    by_number = {item["number"]: item["same_case"] for item in data["items"]}
    # Godkendelse af udkast til Rammeaftale 2023-24 continues the 2021 process item.
    assert by_number["1.2"] == ["http://testserver/moeder/2021-11-25/dassos/punkt/1.2/"]
    assert by_number["3.2"] == []  # Eventuelt is never a case
