"""Cross-references in referat text, the same case across meetings, and safe rendering."""
from datetime import date

from minutes.cases import suggestions
from minutes.crossref import (
    Catalogue,
    CatalogueItem,
    announced_items,
    find_references,
    place_names,
    rammeaftale_period,
)
from minutes.templatetags.minutes_tags import render_text

D2020, D2024, D2026 = date(2020, 1, 22), date(2024, 3, 1), date(2026, 2, 27)


def _item(when: date, number: str, title: str, topics=()) -> CatalogueItem:
    return CatalogueItem(
        pk=hash((when, number)) & 0xFFFF,
        meeting_date=when,
        number=number,
        title=title,
        url=f"/moeder/{when.isoformat()}/punkt/{number}/",
        topics=frozenset(topics),
    )


CATALOGUE = Catalogue(
    items=[
        _item(D2024, "1.1", "Drøftelse af faglige udviklingsområder i Rammeaftale 2025-26", {1}),
        _item(D2024, "1.4", "Godkendelse omlægning af midlertidig botilbud Kollegiet", {2}),
        _item(D2026, "1.8", "Godkendelse af lukning af botilbuddet Kollegiet (Syddjurs)", {2}),
        _item(D2026, "2.1", "Status på handlingsplanen for Rammeaftale 2025-2026", {1}),
        _item(D2026, "2.2", "Koordinering af kapacitetsstyring", {3}),
        _item(D2026, "3.1", "Punkter til næste møde i DASSOS"),
        _item(date(2022, 9, 15), "1.3", "Orientering om de fysiske rammer i Landsbyen Sølund"),
    ],
    meetings={D2020: "/moeder/2020-01-22/", D2024: "/moeder/2024-03-01/",
              D2026: "/moeder/2026-02-27/"},
)


def _linked(text: str, here: date) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.url) for r in find_references(text, CATALOGUE, here)]


def test_an_item_number_links_to_that_item_of_the_same_meeting():
    text = "Der tages udgangspunkt i erfaringerne, jf. pkt. 2.2 ovenfor, og punkt 9.9."
    assert _linked(text, D2026) == [("pkt. 2.2", "/moeder/2026-02-27/punkt/2.2/")]


def test_a_dated_dassos_meeting_links_to_that_meeting_when_archived():
    text = "Som aftalt på DASSOS mødet den 22. januar 2020 og DASSOS-mødet den 3. maj 2019."
    assert _linked(text, D2024) == [("DASSOS mødet den 22. januar 2020", "/moeder/2020-01-22/")]


def test_a_rammeaftale_period_links_to_the_newest_other_item_about_it():
    assert rammeaftale_period("Rammeaftale 2025-2026") == rammeaftale_period("Rammeaftalen 2025-26")
    text = "DASSOS godkendte forslagene til Rammeaftalen 2025-26 og drøftede Rammeaftale 2031-32."
    assert _linked(text, D2024) == [("Rammeaftalen 2025-26", "/moeder/2026-02-27/punkt/2.1/")]
    assert _linked(text, D2026) == [("Rammeaftalen 2025-26", "/moeder/2024-03-01/punkt/1.1/")]


def test_a_named_care_home_links_to_an_item_about_it_at_another_meeting():
    assert place_names("Lukning af botilbuddet Kollegiet (Syddjurs)") == {"Kollegiet"}
    assert place_names("Orientering om de fysiske rammer i Landsbyen Sølund") == {"Sølund"}
    text = "Beboerne på Kollegiet flytter; Advisory board for Sølund; kollegiet (ordet) ikke."
    assert _linked(text, D2026) == [
        ("Kollegiet", "/moeder/2024-03-01/punkt/1.4/"),
        ("Sølund", "/moeder/2022-09-15/punkt/1.3/"),
    ]


def test_the_same_case_shares_a_place_or_a_rammeaftale_period():
    def same(item):
        return [(s.item.meeting_date, s.item.number) for s in suggestions(item, CATALOGUE)]

    assert same(CATALOGUE.items[2]) == [(D2024, "1.4")]  # Kollegiet 2026
    assert same(CATALOGUE.items[0]) == [(D2026, "2.1")]  # Rammeaftale 2025-26
    assert same(CATALOGUE.items[4]) == []


def test_items_announced_for_the_next_meeting_are_matched_to_its_agenda():
    announcement = (
        "Følgende sager forventes dagsordenssat:\n"
        "• Godkendelse af lukning af botilbuddet Kollegiet\n"
        "• Noget helt andet"
    )
    pairs = announced_items(announcement, D2024, CATALOGUE)
    assert [(bullet, target.number) for bullet, target in pairs] == [
        ("Godkendelse af lukning af botilbuddet Kollegiet", "1.8")
    ]


def test_rendered_text_escapes_markup_and_keeps_paragraphs_and_bullets():
    text = "Første <script>alert(1)</script>\n\n• et punkt jf. pkt. 2.2\n• to & tre\n\nSidste"
    html = render_text(text, CATALOGUE, D2026)
    assert html == (
        "<p>Første &lt;script&gt;alert(1)&lt;/script&gt;</p>"
        '<ul><li>et punkt jf. <a class="xref" href="/moeder/2026-02-27/punkt/2.2/" '
        'title="Koordinering af kapacitetsstyring">pkt. 2.2</a></li><li>to &amp; tre</li></ul>'
        "<p>Sidste</p>"
    )


def test_a_reference_inside_hostile_text_cannot_break_out_of_its_link():
    catalogue = Catalogue(
        items=[_item(D2024, "1.4", 'botilbud Kollegiet"><script>x</script>')],
        meetings={D2024: "/moeder/2024-03-01/"},
    )
    html = render_text('Om Kollegiet "><img src=x onerror=alert(1)>', catalogue, D2026)
    assert "<script>" not in html and "<img" not in html
    assert 'title="botilbud Kollegiet&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


def test_a_name_repeated_in_one_text_is_linked_once():
    html = render_text("Kollegiet har pladser.\n\nPå Kollegiet bor fire.", CATALOGUE, D2026)
    assert html.count('<a class="xref"') == 1
    assert html.endswith("<p>På Kollegiet bor fire.</p>")
