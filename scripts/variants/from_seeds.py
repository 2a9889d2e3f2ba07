"""Meetings built from the five seed referater: facts from tests/expectations, text from the seeds.

The hand-written expectation gives each item's number, section, title, presenters, outcome, bilag
and the opening words of its parts; the seed text (read by scripts/seed_blocks.py) gives the full
paragraphs. A part whose seed paragraphs do not open with the expected words (the OCR seed, an
untitled case text) falls back to the expected opening words alone, and indstilling points whose
count disagrees with the expectation fall back to plain numbered points, so the source stays
true to the hand-checked facts. A referat cut short that way gets a closing sentence in the
outcome's plain wording ("DASSOS besluttede at følge indstillingen."): the hand-checked outcome
may rest on text the opening words leave out. A referat from the seed is kept whole, for the
same reason; case texts are cut to a few paragraphs.

Other parts keep only the conventional headings (Efterskrift, Bemærkninger, Skriftlig
orientering). Seed 002's "Dialogforum – Ankestyrelsen og KL:" under 3.2 Eventuelt is left out:
only its bold type marks it as a part, so in plain text it reads as Eventuelt's referat and
either expectation would be a guess.
"""
from __future__ import annotations

import json
import re
from datetime import date, time
from functools import cache
from pathlib import Path

from scripts.seed_blocks import read_seed
from scripts.variants.compose import KNOWN_OTHER_PARTS
from scripts.variants.model import DASSOS, Bilag, Item, Meeting, Para, Person

ROOT = Path(__file__).resolve().parents[2]
SEED_STEMS = (
    "000_356b5759de07d0fb",
    "001_40beb81e564bf595",
    "002_1f7ce8dd622acaf4",
    "003_3388be411b985e9f",
    "004_eed90c9ef06859eb",
)
PART_HEADINGS = {"Indstilling", "Referat", "Sagsfremstilling", "Bilag"}
MAX_PARAS = 4  # case-text paragraphs kept: enough to read like a referat, small files
LEAD_IN = re.compile(r"(At|Af) DASSOS\s*:?")
OUTCOME_SENTENCES = {
    "approved": "DASSOS godkendte indstillingen.",
    "decided": "DASSOS besluttede at følge indstillingen.",
    "noted": "DASSOS tog orienteringen til efterretning.",
    "discussed": "DASSOS drøftede sagen.",
    "rejected": "DASSOS afviste indstillingen.",
}


def _norm(text: str) -> str:
    return " ".join(text.replace("•", " ").split())


def _seed_parts(stem: str, other_parts: set[str]) -> dict[str, dict[str, list[Para]]]:
    """item number -> part heading -> paragraphs, read from the seed's blocks."""
    text = (ROOT / "fixtures" / f"{stem}.txt").read_text(encoding="utf-8")
    parts: dict[str, dict[str, list[Para]]] = {}
    current: dict[str, list[Para]] | None = None
    part: str | None = None
    for block in read_seed(text).blocks:
        if block.kind in ("item", "section"):
            current = parts.setdefault(block.number.rstrip("."), {})
            part = None
        elif block.kind == "subheading" and current is not None:
            bare = block.text.rstrip(":").strip()
            if bare in PART_HEADINGS or bare in other_parts:
                part = bare
            # other sub-headings belong to the part they stand in; their title is left out
        elif block.kind in ("para", "bullet", "numbered") and current is not None and part:
            text = " ".join(block.parts)
            if block.kind == "numbered":
                text = f"{block.number} {text}"
            current.setdefault(part, []).append(Para(text, bullet=block.kind == "bullet"))
    return parts


def _from_seed(paras: list[Para], starts: str) -> bool:
    return bool(starts and paras and _norm(paras[0].text).startswith(_norm(starts)))


def _opening(paras: list[Para], starts: str, keep: int | None = MAX_PARAS) -> list[Para]:
    """The seed's paragraphs when they open with the expected words, else those words alone."""
    if not starts:
        return []
    if _from_seed(paras, starts):
        return paras[:keep]
    sentence = starts if starts.endswith((".", "!", "?", ":")) else starts + " …"
    return [Para(sentence)]


def _referat(paras: list[Para], starts: str, outcome: str) -> list[Para]:
    """The whole referat (its outcome may rest on the last sentence), or the opening words and
    a sentence that states the outcome."""
    if _from_seed(paras, starts):
        return paras
    opening = _opening(paras, starts)
    if opening and opening[0].text.endswith("…") and outcome in OUTCOME_SENTENCES:
        return [*opening, Para(OUTCOME_SENTENCES[outcome])]
    return opening


def _points(paras: list[Para], count: int) -> list[str]:
    texts = [p.text for p in paras if not LEAD_IN.fullmatch(p.text.strip())]
    if len(texts) == count:
        return texts
    return [f"Beslutter punkt {n + 1} i sagen" for n in range(count)]


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def _item(data: dict, seed: dict[str, list[Para]]) -> Item:
    number = data["number"]
    standalone = "." not in number
    return Item(
        number=number,
        section=data["section"],
        title=data["title"],
        section_number=number.split(".")[0],
        standalone=standalone,
        presenters=list(data["presenters"]),
        indstilling=_points(seed.get("Indstilling", []), data["indstilling_count"]),
        sagsfremstilling=_opening(
            seed.get("Sagsfremstilling", []), data["sagsfremstilling_starts"]
        ),
        referat=_referat(seed.get("Referat", []), data["referat_starts"], data["outcome"]),
        outcome=data["outcome"],
        bilag=[
            Bilag(a["label"].removeprefix("Bilag "), a["title"]) for a in data["attachments"]
        ],
        other_parts=[
            (name, seed.get(name, [])[:MAX_PARAS])
            for name in data["other_parts"]
            if name in KNOWN_OTHER_PARTS
        ],
    )


@cache
def seed_meeting(stem: str) -> Meeting:
    """The meeting of one seed, as a structured source."""
    data = json.loads((ROOT / "tests" / "expectations" / f"{stem}.json").read_text("utf-8"))
    others = set(KNOWN_OTHER_PARTS)
    seed = _seed_parts(stem, others)
    meeting = data["meeting"]
    return Meeting(
        key=f"s{stem[:3]}",
        origin=f"seed {stem}",
        body=DASSOS,
        date=date.fromisoformat(meeting["date"]),
        start=_time(meeting["start_time"]),
        end=_time(meeting["end_time"]),
        location=meeting["location"].split(", ") if meeting["location"] else [],
        room=meeting["room"],
        participants=[Person(**p) for p in data["participants"]],
        items=[_item(item, seed.get(item["number"], {})) for item in data["items"]],
    )


def seed_meetings() -> list[Meeting]:
    return [seed_meeting(stem) for stem in SEED_STEMS]
