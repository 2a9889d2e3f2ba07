"""Meeting dates announced in referater: meeting plans and "Næste møde i DASSOS …"."""
from datetime import date, time

from minutes.planned_dates import PlannedMeeting, announced_meetings, next_meeting, plan_dates

PLAN_2021 = """DASSOS har fået tilsendt kalenderinvitationer til møderne i 2021.

Møder i DASSOS i 2021:

• 11. februar (kl. 10-13, Regionshuset Viborg)
• 4. maj (kl. 9-12, Regionshuset Viborg)
• 1. september (kl. 9-12, Viborg Rådhus)
• 25. november (kl. 9-12, Viborg Rådhus)

Møder i Forretningsudvalget 2021:

• 24. marts (kl. 9-11, Regionshuset Viborg)
• 12. oktober (kl. 9-11, Viborg Rådhus)"""

# Seed 000's plan as the parser hands it over: a four-column table read two rows to a line.
TABLE_2026 = "\n".join(
    [
        "DASSOS møder i 2026 afholdes som udgangspunkt på rådhuset i Silkeborg.",
        "",
        "DASSOS KOSU KD-Net KKR",
        "",
        "27. februar, kl. 10-12 27. februar, kl.12.15-13.45 13. marts 24. marts "
        "18. maj, kl. 13-15 18. maj, kl. 11-12.30 29. maj 17. juni",
        "",
        "11. august, kl. 11-13 11. august, kl. 9-10.30 21. august 1. september "
        "21. oktober, kl. 9-11 21. oktober, kl. 11.30-13 6. november 17. november",
    ]
)


def test_a_bulleted_plan_gives_dassos_dates_with_time_and_place_but_not_other_committees():
    found = plan_dates("Mødeplan for DASSOS og Forretningsudvalget 2021", PLAN_2021, year=2021)

    assert found == [
        PlannedMeeting(date(2021, 2, 11), time(10), time(13), "Regionshuset Viborg"),
        PlannedMeeting(date(2021, 5, 4), time(9), time(12), "Regionshuset Viborg"),
        PlannedMeeting(date(2021, 9, 1), time(9), time(12), "Viborg Rådhus"),
        PlannedMeeting(date(2021, 11, 25), time(9), time(12), "Viborg Rådhus"),
    ]


def test_a_table_plan_takes_the_dassos_column_and_the_general_place():
    found = plan_dates("Møder 2026", TABLE_2026, year=2027)

    assert [(p.date, p.start, p.end) for p in found] == [
        (date(2026, 2, 27), time(10), time(12)),
        (date(2026, 5, 18), time(13), time(15)),
        (date(2026, 8, 11), time(11), time(13)),
        (date(2026, 10, 21), time(9), time(11)),
    ]
    assert {p.location for p in found} == {"rådhuset i Silkeborg"}


def test_half_hours_and_the_year_from_the_title():
    text = "Møderne afholdes kvartalsvist på Viborg Rådhus.\n\n• 9. februar (kl. 8.30-10)"

    found = plan_dates("Mødeplan for DASSOS 2022", text, year=1999)

    assert found == [PlannedMeeting(date(2022, 2, 9), time(8, 30), time(10), "Viborg Rådhus")]


def test_the_next_meeting_sentence_with_a_place():
    text = "Næste møde i DASSOS er den 9. februar 2022 på Viborg Rådhus i mødelokale M5. \n"

    assert next_meeting(text) == PlannedMeeting(
        date(2022, 2, 9), location="Viborg Rådhus i mødelokale M5"
    )


def test_the_next_meeting_sentence_survives_ocr_damage():
    assert next_meeting("Neeste made i DASSOS afholdes den 18. maj 2026.") == PlannedMeeting(
        date(2026, 5, 18)
    )


def test_an_impossible_date_is_ignored():
    assert next_meeting("Næste møde i DASSOS er den 31. februar 2022.") is None


def test_announced_meetings_are_the_future_dates_once_each_with_the_most_detail():
    items = [
        ("Punkter til næste møde i DASSOS", "Næste møde i DASSOS afholdes den 4. maj 2021."),
        ("Mødeplan for DASSOS og Forretningsudvalget 2021", PLAN_2021),
        ("Eventuelt", "Mødet den 11. februar flyttes til Brande."),
    ]

    found = announced_meetings(items, meeting_date=date(2021, 2, 11))

    assert [p.date for p in found] == [date(2021, 5, 4), date(2021, 9, 1), date(2021, 11, 25)]
    assert found[0].start == time(9)


def test_items_that_are_not_plans_announce_nothing():
    items = [("Status på Rammeaftale 2025-26", "• 1. marts (kl. 10-12, Temadag)")]

    assert announced_meetings(items, meeting_date=date(2024, 1, 1)) == []
