"""A template: every way the same meeting can be laid out and worded. Each knob combines freely.

The defaults are the Word template of the seeds (as in seed 004): "DASSOS den 1. marts 2024" over
"Referat", Tidspunkt/Sted/Lokale fields, name<TAB>organisation rows, "1.1 Title" headings and
Referat, Indstilling, Sagsfremstilling and Bilag parts in that order.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from scripts.variants.model import Body

# Numbering schemes. Hierarchical ones keep "1. Section" / "1.1 Item"; flat ones number the
# items 1..n with no section headings; sequential ones keep section headings and number the
# items 1..n across them.
HIERARCHICAL = ("decimal", "decimal-dots", "punkt-decimal")
FLAT = ("flat", "punkt", "paren", "ad", "letter", "roman", "paragraph", "sag", "sag-nr")
SEQUENTIAL = ("unnumbered-sections", "roman-sections")
TIME_STYLES = ("den-kl", "kl", "Kl-spaced", "hours", "fra-til", "colon", "date-kl")
TITLE_STYLES = ("body-date", "referat-fra", "dash")
PEOPLE_LAYOUTS = ("tab", "spaces", "comma", "bullets", "table", "inline")
TOC_STYLES = ("none", "tab", "dots", "tight", "inside")
PARTS = ("referat", "indstilling", "sagsfremstilling", "bilag")


@dataclass(frozen=True)
class Template:
    doctype: str = "referat"  # referat | dagsorden
    body: Body | None = None  # another body for the same meeting (names in text follow)
    location: tuple[str, ...] | None = None  # another place, e.g. ("Microsoft Teams",); no room
    # -- cover ---------------------------------------------------------------------------------
    title: str = "body-date"  # see TITLE_STYLES
    cover_date: bool = True  # False: the date is only in the running header
    date_style: str = "long"  # long "15. september 2022" | weekday | numeric "15.09.2022"
    date_label: str | None = None  # "Dato", "Mødedato": the date in a field of its own
    time_label: str = "Tidspunkt"
    time_style: str = "den-kl"  # see TIME_STYLES
    show_times: bool = True  # False: no meeting time on the cover
    place_label: str = "Sted"
    place_one_line: bool = False
    room_label: str = "Lokale"
    label_sep: str = ":"  # ":" ("Sted: …") or "\t" (a label column without colon)
    present_label: str = "Deltagere"
    absent_label: str = "Afbud"
    guests_label: str = "Gæster"
    people: str = "tab"  # see PEOPLE_LAYOUTS
    role_after_org: bool = False  # "Name<TAB>Org (formand)" instead of "Name (formand)<TAB>Org"
    referent_line: bool = False  # the referent on a "Referent:" line, not among the Deltagere
    # -- table of contents and headings ---------------------------------------------------------
    toc: str = "none"  # see TOC_STYLES
    toc_wrap: bool = False  # long entries wrap onto a second line
    numbering: str = "decimal"  # see HIERARCHICAL, FLAT, SEQUENTIAL
    narrow: bool = False  # a narrow text column: headings wrap onto a second line
    flat_typography: bool = False  # PDF: headings bold at body size, no larger type
    # -- item parts ----------------------------------------------------------------------------
    presenter: str = "Ved"  # "Ved", "Ansvarlig:", "Oplæg ved", "v/"
    referat_label: str = "Referat"  # "Beslutning", "Beslutninger", "Referat og beslutning"
    indstilling: str = "heading"  # heading ("Indstilling" + "At X:" + bullets) | sentence
    sag_label: str = "Sagsfremstilling"  # "Baggrund", "Sagsbeskrivelse", "Resumé"
    part_colon: bool = False  # "Referat:"
    part_upper: bool = False  # "REFERAT"
    part_order: tuple[str, ...] = PARTS
    drop_parts: bool = False  # some items lack a sagsfremstilling or an indstilling
    bullet: str = "•"  # "•", "-", "–", "*", "a)" (lettered points)
    bilag_sep: str = ":"  # "Bilag 1: T", " –" "Bilag 1 – T", " -"
    bilag_letters: bool = False  # "Bilag A", "Bilag B", … across the meeting
    bilag_heading: bool = True
    bilag_urls: bool = False  # links printed (text), link annotations (PDF)
    # Under the Bilag heading, entries without the word: "numbered" ("1. T"), "bullets" ("- T",
    # numbered by their place in the item's list).
    bilag_list: str = ""
    # -- oddities ------------------------------------------------------------------------------
    item_slots: bool = False  # "(kl. 10.00-10.20)" at the end of each item title
    odd_titles: bool = False  # titles starting with a quote, "<" and a dash
    nul_chars: bool = False  # stray NUL characters in text files
    wrap: bool = True  # text: wrapped lines on pages like pdftotext; False: a paragraph a line
    running_header: bool = True  # "<body>  Referat 15.9.22" on each page (PDF, wrapped text)
    header_at_bottom: bool = False  # the running header in the footer, beside the page number

    def changes(self) -> dict:
        """The knobs that differ from the default template, for names and reports."""
        default = Template()
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != getattr(default, f.name):
                out[f.name] = value.name if isinstance(value, Body) else value
        return out

    @property
    def doc_word(self) -> str:
        return "Dagsorden" if self.doctype == "dagsorden" else "Referat"
