"""Danish month names and date phrases: one module (`ingest.parsing.danish_dates`) that the
parser, the cross-references and the announced meetings all read."""
from datetime import date

from ingest.parsing.danish_dates import MONTH_NAMES, make_date, month_number
from minutes.crossref import wanted_targets
from minutes.planned_dates import next_meeting


def test_it_reads_month_names_and_three_letter_abbreviations():
    assert month_number("februar") == 2
    assert month_number("Feb.") == 2
    assert month_number("DECEMBER") == 12
    assert month_number("febr") is None
    assert month_number("mandag") is None
    assert MONTH_NAMES.split("|")[0] == "januar" and len(MONTH_NAMES.split("|")) == 12


def test_it_reads_two_digit_years_as_this_century_and_refuses_impossible_dates():
    assert make_date(26, 2, 27) == date(2026, 2, 27)
    assert make_date(2020, 11, 23) == date(2020, 11, 23)
    assert make_date(2026, 2, 30) is None
    assert make_date(None, 2, 1) is None
    assert make_date(2026, None, 1) is None


def test_cross_references_and_announced_meetings_skip_impossible_dates():
    text = "jf. DASSOS mødet den 30. februar 2020 og DASSOS mødet den 3. Maj 2020"
    wanted = wanted_targets("", [text])
    assert wanted.dates == frozenset({date(2020, 5, 3)})
    assert next_meeting("Næste møde i DASSOS er den 31. april 2026.") is None
    assert next_meeting("Næste møde i DASSOS er den 30. April 2026.").date == date(2026, 4, 30)
