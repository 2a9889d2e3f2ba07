"""The named variations, the meetings each is rendered from, and random combinations of them.

Every variation changes a few template knobs (see template.py) and is rendered from one seed
meeting and one new meeting that have what it varies (participants, times, bilag, sections), in
each of its formats. The combinations draw many knobs at once with a fixed seed: unseen template
families. A variant is named "<variation>--<meeting>--<format>".
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from scripts.variants.from_seeds import seed_meetings
from scripts.variants.model import Body, Meeting
from scripts.variants.new import new_meetings
from scripts.variants.template import Template

FORMATS = ("txt", "md", "pdf")
PAGED = ("txt", "pdf")  # formats with a running header on each page
T = Template
Needs = Callable[[Meeting], bool]


def _people(m: Meeting) -> bool:
    return bool(m.participants)


def _times(m: Meeting) -> bool:
    return m.start is not None


def _sections(m: Meeting) -> bool:
    return m.sections


def _bilag(m: Meeting) -> bool:
    return any(item.bilag for item in m.items)


def _dassos(m: Meeting) -> bool:
    return m.body.short == "DASSOS"


def _place(m: Meeting) -> bool:
    return len(m.location) > 1


@dataclass(frozen=True)
class Variation:
    name: str
    family: str
    template: Template
    needs: tuple[Needs, ...] = ()
    formats: tuple[str, ...] = FORMATS


def V(name: str, family: str, needs: tuple[Needs, ...] = (), formats=FORMATS, **knobs):
    return Variation(name, family, Template(**knobs), needs, formats)


FU = Body("Forretningsudvalget", "Forretningsudvalget")
STYR = Body("Styregruppen for Rammeaftalen", "Styregruppen")
NETV = Body("Netværket af Socialchefer i Midtjylland", "Netværket")
PEOPLE = (_people,)
TIMES = (_times,)
SECTIONED = (_sections,)

VARIATIONS: tuple[Variation, ...] = (
    V("baseline", "baseline"),
    # -- body and document type ----------------------------------------------------------------
    V("body-forretningsudvalget", "body", (_dassos,), body=FU, title="referat-fra"),
    V("body-styregruppe-dash", "body", (_dassos,), body=STYR, title="dash"),
    V("body-netvaerk", "body", (_dassos,), body=NETV),
    V("dagsorden", "doctype", doctype="dagsorden"),
    V("dagsorden-til", "doctype", doctype="dagsorden", title="referat-fra", date_label="Dato"),
    # -- cover ---------------------------------------------------------------------------------
    V("title-referat-fra", "cover", title="referat-fra"),
    V("title-dash", "cover", title="dash"),
    V("labels-tid-dato", "cover", TIMES, time_label="Tid", date_label="Dato", title="referat-fra"),
    V("labels-moede", "cover", TIMES, time_label="Mødetid", date_label="Mødedato",
      place_label="Mødested", title="dash"),
    V("labels-tab", "cover", PEOPLE, label_sep="\t"),
    V("place-one-line", "cover", (_place,), place_one_line=True),
    V("virtual-teams", "cover", location=("Microsoft Teams",)),
    V("virtual-moede", "cover", location=("Virtuelt møde",), place_label="Mødested"),
    V("date-weekday", "cover", title="referat-fra", date_style="weekday"),
    V("date-numeric", "cover", title="referat-fra", date_label="Dato", date_style="numeric"),
    V("no-cover-date", "cover", formats=PAGED, cover_date=False, title="referat-fra"),
    # -- meeting time --------------------------------------------------------------------------
    V("time-kl", "time", TIMES, time_style="kl"),
    V("time-kl-spaced", "time", TIMES, time_style="Kl-spaced"),
    V("time-hours", "time", TIMES, time_style="hours"),
    V("time-fra-til", "time", TIMES, time_style="fra-til"),
    V("time-colon", "time", TIMES, time_style="colon"),
    V("time-date-kl", "time", TIMES, time_style="date-kl", title="referat-fra"),
    V("time-slots", "time", TIMES, item_slots=True),
    V("time-slots-no-cover-time", "time", TIMES, item_slots=True, show_times=False),
    # -- participants --------------------------------------------------------------------------
    V("people-spaces", "participants", PEOPLE, people="spaces"),
    V("people-comma", "participants", PEOPLE, people="comma"),
    V("people-bullets", "participants", PEOPLE, people="bullets"),
    V("people-table", "participants", PEOPLE, people="table"),
    V("people-inline", "participants", PEOPLE, people="inline"),
    V("people-role-after-org", "participants", PEOPLE, role_after_org=True),
    V("people-til-stede", "participants", PEOPLE, present_label="Til stede",
      absent_label="Fraværende"),
    V("people-fremmoedte", "participants", PEOPLE, present_label="Fremmødte",
      absent_label="Afbud fra"),
    V("people-referent-line", "participants",
      (lambda m: any(p.role == "referent" for p in m.participants),), referent_line=True),
    V("people-guests", "participants", (lambda m: any(p.guest for p in m.participants),),
      guests_label="Desuden deltog"),
    # -- numbering and headings ----------------------------------------------------------------
    V("num-decimal-dots", "numbering", SECTIONED, numbering="decimal-dots"),
    V("num-punkt-decimal", "numbering", SECTIONED, numbering="punkt-decimal"),
    V("num-flat", "numbering", numbering="flat"),
    V("num-punkt", "numbering", numbering="punkt"),
    V("num-paren", "numbering", numbering="paren"),
    V("num-ad", "numbering", numbering="ad"),
    V("num-letter", "numbering", numbering="letter"),
    V("num-roman", "numbering", numbering="roman"),
    V("num-paragraph", "numbering", numbering="paragraph"),
    V("num-unnumbered-sections", "numbering", SECTIONED, numbering="unnumbered-sections"),
    V("num-roman-sections", "numbering", SECTIONED, numbering="roman-sections"),
    V("headings-wrap", "numbering", narrow=True),
    # -- item parts ----------------------------------------------------------------------------
    V("parts-beslutning", "parts", referat_label="Beslutning"),
    V("parts-beslutninger", "parts", referat_label="Beslutninger"),
    V("parts-referat-og-beslutning", "parts", referat_label="Referat og beslutning"),
    V("parts-indstilling-sentence", "parts", indstilling="sentence"),
    V("parts-baggrund", "parts", sag_label="Baggrund"),
    V("parts-sagsbeskrivelse", "parts", sag_label="Sagsbeskrivelse"),
    V("parts-resume", "parts", sag_label="Resumé"),
    V("parts-order-agenda", "parts",
      part_order=("indstilling", "sagsfremstilling", "bilag", "referat")),
    V("parts-order-sag-first", "parts",
      part_order=("sagsfremstilling", "indstilling", "referat", "bilag")),
    V("parts-missing", "parts", drop_parts=True),
    V("parts-colon", "parts", part_colon=True),
    V("parts-upper", "parts", part_upper=True),
    V("presenter-ansvarlig", "parts", presenter="Ansvarlig:"),
    V("presenter-v", "parts", presenter="v/"),
    V("bullets-dash", "parts", bullet="-"),
    V("bullets-lettered", "parts", bullet="a)"),
    V("bilag-letters", "bilag", (_bilag,), bilag_letters=True, bilag_sep=" -"),
    V("bilag-dash", "bilag", (_bilag,), bilag_sep=" –"),
    V("bilag-no-heading", "bilag", (_bilag,), bilag_heading=False),
    V("bilag-urls", "bilag", (_bilag,), bilag_urls=True),
    # -- table of contents ---------------------------------------------------------------------
    V("toc-tab", "toc", toc="tab"),
    V("toc-dots", "toc", toc="dots"),
    V("toc-wrap", "toc", toc="tab", toc_wrap=True),
    V("toc-tight", "toc", toc="tight"),
    V("toc-inside", "toc", toc="inside"),
    # -- text and page oddities ----------------------------------------------------------------
    V("nul-chars", "oddities", formats=("txt", "md"), nul_chars=True),
    V("odd-titles", "oddities", odd_titles=True),
    V("txt-unwrapped", "oddities", formats=("txt",), wrap=False),
    V("pdf-flat-typography", "oddities", formats=("pdf",), flat_typography=True),
    V("header-bottom", "oddities", formats=PAGED, header_at_bottom=True),
    V("no-running-header", "oddities", formats=PAGED, running_header=False),
    # -- added in the fifth session, last so the meetings drawn for the variations above stay
    # the same --------------------------------------------------------------------------------
    V("num-sag", "numbering", numbering="sag"),
    V("num-sag-nr", "numbering", numbering="sag-nr"),
    V("bilag-numbered", "bilag", (_bilag,), bilag_list="numbered"),
    V("bilag-bullets", "bilag", (_bilag,), bilag_list="bullets"),
)

# Knobs a combination may change, each with its alternatives to the default.
COMBO_KNOBS: dict[str, tuple] = {
    "doctype": ("dagsorden",),
    "title": ("referat-fra", "dash"),
    "date_style": ("weekday", "numeric"),
    "date_label": ("Dato", "Mødedato"),
    "time_label": ("Tid", "Mødetid"),
    "time_style": ("kl", "Kl-spaced", "hours", "fra-til", "colon"),
    "place_label": ("Mødested",),
    "place_one_line": (True,),
    "label_sep": ("\t",),
    "present_label": ("Til stede", "Fremmødte"),
    "absent_label": ("Fraværende", "Afbud fra"),
    "people": ("spaces", "comma", "bullets", "table", "inline"),
    "role_after_org": (True,),
    "toc": ("tab", "dots", "tight", "inside"),
    "toc_wrap": (True,),
    "numbering": ("decimal-dots", "flat", "punkt", "paren", "ad", "letter", "roman",
                  "paragraph", "unnumbered-sections", "roman-sections", "sag", "sag-nr"),
    "narrow": (True,),
    "presenter": ("Ansvarlig:", "v/", "Oplæg ved"),
    "referat_label": ("Beslutning", "Beslutninger", "Referat og beslutning"),
    "indstilling": ("sentence",),
    "sag_label": ("Baggrund", "Sagsbeskrivelse", "Resumé"),
    "part_colon": (True,),
    "part_order": (("indstilling", "sagsfremstilling", "bilag", "referat"),
                   ("sagsfremstilling", "indstilling", "referat", "bilag")),
    "drop_parts": (True,),
    "bullet": ("-", "–", "a)"),
    "bilag_sep": (" –", " -"),
    "bilag_letters": (True,),
    "bilag_urls": (True,),
    "bilag_list": ("numbered", "bullets"),
    "item_slots": (True,),
    "odd_titles": (True,),
    "referent_line": (True,),
}
COMBOS = 30
COMBO_SEED = 13


@dataclass(frozen=True)
class Variant:
    name: str
    variation: str
    family: str
    meeting_key: str
    template: Template
    fmt: str

    @property
    def filename(self) -> str:
        return f"{self.name}.{self.fmt}"


@cache
def meetings() -> dict[str, Meeting]:
    """Every source meeting by key, seeds and new alternating (the order variations rotate)."""
    seeds, new = seed_meetings(), new_meetings()
    order = [seeds[2], new[0], seeds[4], new[2], seeds[3], new[4], seeds[1], new[1], seeds[0],
             new[3]]
    return {m.key: m for m in order}


def _pick(index: int, needs: tuple[Needs, ...]) -> list[Meeting]:
    """One seed and one new meeting that have what the variation varies, rotating by index."""
    pool = list(meetings().values())
    start = (2 * index) % len(pool)
    rotated = pool[start:] + pool[:start]
    fits = [m for m in rotated if all(need(m) for need in needs)]
    seed = next((m for m in fits if m.origin != "new"), None)
    new = next((m for m in fits if m.origin == "new"), None)
    return [m for m in (seed, new) if m is not None]


def _combo(rng: random.Random) -> tuple[Template, Meeting, str]:
    """About a third of the knobs changed at once, on a random meeting and format."""
    knobs = {k: rng.choice(v) for k, v in COMBO_KNOBS.items() if rng.random() < 0.3}
    meeting = rng.choice(list(meetings().values()))
    return Template(**knobs), meeting, rng.choice(FORMATS)


@cache
def all_variants() -> tuple[Variant, ...]:
    out: list[Variant] = []
    for index, variation in enumerate(VARIATIONS):
        for meeting in _pick(index, variation.needs):
            for fmt in variation.formats:
                name = f"{variation.name}--{meeting.key}--{fmt}"
                out.append(Variant(name, variation.name, variation.family, meeting.key,
                                   variation.template, fmt))
    rng = random.Random(COMBO_SEED)
    for n in range(1, COMBOS + 1):
        template, meeting, fmt = _combo(rng)
        name = f"combo-{n:02d}--{meeting.key}--{fmt}"
        out.append(Variant(name, f"combo-{n:02d}", "combo", meeting.key, template, fmt))
    return tuple(out)
