"""OCR layout without Tesseract: words regrouped into rows and columns, sizes made comparable,
misread part headings, item numbers and bullets put right, and a tilted page levelled."""
import numpy as np
from PIL import Image, ImageDraw

from ingest.parsing.contract import Line
from ingest.parsing.extract import ocr_layout
from ingest.parsing.extract.ocr_clean import clean_page, skew_angle


def tesseract_data(lines: list[tuple[int, list[tuple[str, int, int]]]]) -> dict:
    """image_to_data's dict for (block, [(word, left, top)]) lines, words 20 px high."""
    data = {k: [] for k in ("level", "text", "left", "top", "width", "height", "block_num",
                            "par_num", "line_num")}
    for number, (block, words) in enumerate(lines, start=1):
        for text, left, top in words:
            for key, value in (("level", 5), ("text", text), ("left", left), ("top", top),
                               ("width", 12 * len(text)), ("height", 20), ("block_num", block),
                               ("par_num", 1), ("line_num", number)):
                data[key].append(value)
    return data


def test_columns_read_as_separate_blocks_come_back_side_by_side_row_by_row():
    # Tesseract read the names as one block and the organisations as another; the first name
    # wraps, so a plain reading would pair every later name with the organisation above it.
    data = tesseract_data([
        (1, [("Sidsel", 100, 100), ("Rasmussen", 190, 100), ("(suppleant", 320, 100)]),
        (1, [("for", 100, 130), ("Hanne)", 150, 130)]),
        (1, [("Kristian", 100, 160), ("Bjerre", 210, 160)]),
        (2, [("Region", 800, 101), ("Midtjylland", 890, 101)]),
        (2, [("Herning", 800, 161), ("Kommune", 900, 161)]),
    ])
    rows = ocr_layout.rows_from_lines(ocr_layout.words_from_data(data))
    texts = [ocr_layout.row_text(row, ocr_layout.row_em(row)) for row in rows]
    assert texts == [
        "Sidsel Rasmussen (suppleant\tRegion Midtjylland",
        "for Hanne)",
        "Kristian Bjerre\tHerning Kommune",
    ]


def test_sizes_within_a_few_percent_are_one_size():
    sizes = ocr_layout.quantise_sizes([10.4, 10.6, 10.9, 14.1, 14.6, 10.5], [50, 60, 5, 20, 20, 40])
    assert sizes == [10.5, 10.5, 10.5, 14.0, 14.0, 10.5]


def test_misread_part_headings_become_the_headings_the_parser_knows():
    assert ocr_layout.repair_part_label("Refarat") == "Referat"
    assert ocr_layout.repair_part_label("lndstilling:") == "Indstilling:"
    assert ocr_layout.repair_part_label("Sagsfremstiling") == "Sagsfremstilling"
    assert ocr_layout.repair_part_label("Referat") == "Referat"
    assert ocr_layout.repair_part_label("Reserveret") == "Reserveret"
    sentence = "Dagsordenen blev godkendt."
    assert ocr_layout.repair_part_label(sentence) == sentence


def test_misread_item_numbers_are_put_right():
    assert ocr_layout.repair_item_number("1 .2 Budget 2026") == "1.2 Budget 2026"
    assert ocr_layout.repair_item_number("l.2 Budget 2026") == "1.2 Budget 2026"
    assert ocr_layout.repair_item_number("2. 1 Status") == "2.1 Status"
    assert ocr_layout.repair_item_number("1.2. Budget") == "1.2. Budget"
    assert ocr_layout.repair_item_number("12 borgere") == "12 borgere"
    assert ocr_layout.repair_item_number("l. Socialtilsyn Midt") == "1. Socialtilsyn Midt"
    assert ocr_layout.repair_item_number("I. Beslutningspunkter") == "I. Beslutningspunkter"


def test_bullets_read_as_punctuation_become_bullets_and_dashes_stay():
    assert ocr_layout.repair_bullet("«+ Godkender dagsordenen") == "• Godkender dagsordenen"
    assert ocr_layout.repair_bullet(". Et opsigelsesvarsel") == "• Et opsigelsesvarsel"
    assert ocr_layout.repair_bullet("- Et tillæg") == "- Et tillæg"
    assert ocr_layout.repair_bullet("el. Godt") == "el. Godt"


def _lined_page(angle: float) -> Image.Image:
    page = Image.new("L", (800, 1000), 255)
    draw = ImageDraw.Draw(page)
    for y in range(100, 900, 30):
        draw.rectangle((100, y, 700, y + 8), fill=0)  # a line of text, as ink goes
    return page.rotate(angle, fillcolor=255)


def test_a_tilted_page_is_levelled_and_binarised():
    assert abs(skew_angle(np.asarray(_lined_page(0.5))) + 0.5) <= 0.15
    assert abs(skew_angle(np.asarray(_lined_page(-1.2))) - 1.2) <= 0.15
    cleaned, angle = clean_page(_lined_page(0.5))
    assert abs(angle + 0.5) <= 0.15
    assert set(np.unique(np.asarray(cleaned))) <= {0, 255}


def _headings(*texts: str) -> list[Line]:
    """Item headings (level 2, 13 pt) each after a blank line, with a body line under each."""
    lines = [Line("Indhold"), Line("1.1 Godkendelse af dagsorden 2"), Line("1.2 Budget 2026 3"),
             Line("1.3 Status på analysen 4")]
    for text in texts:
        lines += [Line(""), Line(text, heading=2, size=13.0), Line("Tekst.", size=10.5)]
    return lines


def test_an_item_number_read_without_its_dot_is_put_back_when_it_is_the_one_due():
    lines = _headings("1.1 Godkendelse af dagsorden", "12 Budget 2026", "1.3 Status på analysen")
    ocr_layout.recover_item_numbers(lines)
    assert [line.text for line in lines if line.heading] == [
        "1.1 Godkendelse af dagsorden", "1.2 Budget 2026", "1.3 Status på analysen"
    ]


def test_a_lost_item_number_comes_from_the_order_and_the_contents():
    lines = _headings("1.1 Godkendelse af dagsorden", "Budget 2026", "1.3 Status på analysen")
    ocr_layout.recover_item_numbers(lines)
    assert [line.text for line in lines if line.heading][1] == "1.2 Budget 2026"
    # Where the order cannot tell (a new section begins), the contents list does.
    lines = _headings("1.1 Godkendelse af dagsorden", "Status på analysen", "2.2 Eventuelt")
    lines[3].text = "2.1 Status på analysen 4"
    ocr_layout.recover_item_numbers(lines)
    assert [line.text for line in lines if line.heading][1] == "2.1 Status på analysen"


def test_a_heading_that_wraps_is_not_taken_for_a_lost_item():
    lines = _headings("1.1 Godkendelse af dagsorden", "1.2 Budget", "1.3 Status på analysen")
    lines.insert(6, Line("for 2026 og overslagsårene", heading=2, size=13.0))
    ocr_layout.recover_item_numbers(lines)
    assert "for 2026 og overslagsårene" in [line.text for line in lines]
