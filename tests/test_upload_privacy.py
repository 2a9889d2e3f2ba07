"""The review page's personal-data detector: CPR numbers and private e-mail addresses."""
from ingest.privacy import find_personal_data


def test_it_finds_a_cpr_number_with_a_dash_and_masks_it():
    findings = find_personal_data("Sagen om borger\nBorgeren (CPR 120379-1234) har klaget.")
    assert [(f.kind, f.line, f.excerpt) for f in findings] == [("cpr", 2, "120379-xxxx")]


def test_it_finds_a_cpr_number_written_with_a_space():
    findings = find_personal_data("Personnummer: 010100 4321")
    assert [f.excerpt for f in findings] == ["010100 xxxx"]


def test_it_ignores_numbers_that_are_not_a_real_birth_date():
    assert find_personal_data("Journalnr. 331299-1234 og 451020-0000") == []


def test_it_ignores_ten_bare_digits_unless_the_line_says_cpr():
    assert find_personal_data("Faktura 1203791234 betalt") == []
    assert [f.excerpt for f in find_personal_data("CPR-nr. 1203791234")] == ["120379-xxxx"]


def test_it_ignores_year_ranges_dates_and_case_numbers_in_real_referater(fixtures_dir):
    text = "Rammeaftale 2023-2024, mødet 01.03.2024, sag 27.03.00-P20-1-23, tlf. 87 28 17 17"
    assert find_personal_data(text) == []
    for seed in sorted(fixtures_dir.glob("*.txt")):
        assert find_personal_data(seed.read_text(encoding="utf-8")) == [], seed.name


def test_it_flags_private_mail_addresses_but_not_official_ones():
    text = "Kontakt jens.hansen@gmail.com eller sekretariatet@randers.dk"
    findings = find_personal_data(text)
    assert [(f.kind, f.excerpt) for f in findings] == [("email", "jens.hansen@gmail.com")]


def test_it_stays_fast_on_hostile_input():
    text = ("1" * 5000 + "-") * 200 + "a@" * 50000
    assert find_personal_data(text) == []
