"""Check that a rendered variant still carries every fact its expected tree names.

The renderer must not drop or garble what the expectation promises: every title, section,
presenter, opening words, indstilling point, bilag, participant and cover fact is looked for in
the file's plain reading (Markdown markup, running headers, page numbers and link dumps removed,
wrapped lines joined, PDF end-of-line hyphenation undone).
"""
from __future__ import annotations

import io
import re

from scripts.variants.matrix import Variant
from scripts.variants.model import Meeting
from scripts.variants.wording import MONTHS, header_date

CONJUNCTIONS = ("og ", "eller ", "samt ")


def raw_text(data: bytes, variant: Variant) -> str:
    """All the text of the file; for a PDF with its link annotations' targets."""
    if variant.fmt != "pdf":
        return data.decode("utf-8").replace("\x00", "")
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        links = [link["uri"] for page in pdf.pages for link in page.hyperlinks]
    return "\n".join(pages + links)


def plain_reading(raw: str, variant: Variant, m: Meeting) -> str:
    """The document's words in reading order, one space between them."""
    text = raw
    if variant.fmt != "pdf":
        text = re.sub(r"\[([^\]]*)\]\((\S+)\)", r"\1 \2", text)
        text = re.sub(r"^#+ |\*\*|^\| | \|$", "", text, flags=re.MULTILINE).replace(" | ", " ")
    running = re.compile(rf"^\s*{re.escape(m.body.name)}\s+\w+ {re.escape(header_date(m.date))}")
    kept = []
    for line in text.split("\n"):
        bare = line.strip()
        if running.match(line) or re.fullmatch(r"(Side )?\d{1,3}|https://\S+", bare):
            continue
        kept.append(line)
    text = "\n".join(kept)
    if variant.fmt == "pdf":  # undo the renderer's hyphenation; "børne-\nog" keeps its hyphen
        text = re.sub(r"(\w)-\n(?!" + "|".join(CONJUNCTIONS) + r")(\w)", r"\1\2", text)
    return " ".join(text.split())


def _date_forms(iso: str) -> list[str]:
    year, month, day = (int(part) for part in iso.split("-"))
    return [f"{day}. {MONTHS[month - 1]}", f"{day:02d}.{month:02d}.{year}",
            f"{day}.{month}.{year % 100:02d}"]


def missing_facts(data: bytes, variant: Variant, m: Meeting, tree: dict) -> list[str]:
    """What the expected tree promises but the rendered file does not show (empty: all there)."""
    raw = raw_text(data, variant)
    text = plain_reading(raw, variant, m)
    problems: list[str] = []

    def need(what: str, value: str | None, where: str = text) -> None:
        if value and " ".join(value.split()) not in where:
            problems.append(f"{what} not in the file: {value!r}")

    meeting = tree["meeting"]
    need("body", meeting["body"])
    for part in (meeting["location"] or "").split(", "):
        need("location", part)
    need("room", meeting["room"])
    if meeting["date"] and not any(form in raw for form in _date_forms(meeting["date"])):
        problems.append(f"date {meeting['date']} not in the file")
    for person in tree["participants"]:
        need("participant", person["name"])
        need(f"{person['name']}'s organisation", person["organisation"])
    points = {item.number: item.indstilling for item in m.items}
    for item in tree["items"]:
        where = f"item {item['number']}"
        need(f"{where} title", item["title"])
        need(f"{where} section", item["section"])
        for name in item["presenters"]:
            need(f"{where} presenter", name)
        need(f"{where} referat", item["referat_starts"])
        need(f"{where} sagsfremstilling", item["sagsfremstilling_starts"])
        if len(points[item["number"]]) != item["indstilling_count"]:
            problems.append(f"{where} indstilling: source and expectation disagree")
        for point in points[item["number"]]:
            need(f"{where} indstilling point", point[1:])  # a sentence lowers the first letter
        for heading in item["other_parts"]:
            need(f"{where} part", heading)
        for bilag in item["attachments"]:
            # A bilag listed under its heading prints its number ("2. Titel") or nothing.
            listed = variant.template.bilag_list
            label = bilag["label"].removeprefix("Bilag ") + ". " if listed else bilag["label"]
            need(f"{where} bilag", label if listed != "bullets" else None)
            need(f"{where} bilag title", bilag["title"])
            need(f"{where} bilag url", bilag["url"], raw)
    if tree["doctype"] == "dagsorden" and any(item["referat_starts"] for item in tree["items"]):
        problems.append("a dagsorden with referat text")
    return problems
