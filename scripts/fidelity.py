"""Fact-level fidelity of a parse: how many of the expected facts it got right, and which not.

    from scripts.fidelity import score
    result = score(parsed, expected)      # parsed: ParsedMeeting or its to_dict()
    result.fraction, result.wrong(), result.report(15)

`expected` has the shape of tests/expectations/*.json (and of the variant corpus'
`*.expected.json`). The facts: the meeting's body, date, start and end time, location and room;
the doctype (scored when the parse reports one, as MeetingInfo.doctype or at the top level); each
participant's presence, status and organisation (matched by name); each item's number, section,
title, presenters, indstilling count, opening words of its referat and sagsfremstilling, other
parts and outcome; each bilag's label and title, and its url.

Comparison follows tests/test_parse_seeds.py: whitespace collapsed, bullet markers dropped, an
em dash read as an en dash; with `fuzzy` (OCR) texts match at a similarity of 0.9. Items are
matched by number (a trailing dot ignored), then by a similar title; an expected item with no
match counts all its facts wrong, and each extra item, participant or bilag is one wrong fact.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

SEVERITY = ("doctype", "meeting", "item", "participant", "bilag")  # report order of wrong facts
TITLE_MATCH = 0.8
ITEM_FACTS = ("number", "section", "title", "presenters", "indstilling count", "referat starts",
              "sagsfremstilling starts", "other parts", "outcome")


def norm(text: str | None) -> str:
    """Whitespace collapsed, bullet markers dropped; OCR em dashes read as the en dashes of Word."""
    if text is None:
        return ""
    return " ".join(word for word in text.replace("—", "–").split() if word != "•")


def same(got: str | None, want: str | None, fuzzy: bool = False) -> bool:
    if want is None or got is None:
        return got == want
    got, want = norm(got), norm(want)
    if not fuzzy:
        return got == want
    return SequenceMatcher(None, got, want).ratio() >= 0.9


def starts(text: str | None, want: str, fuzzy: bool = False) -> bool:
    """Whether text opens with the expected words; an empty expectation wants no text at all."""
    got, want = norm(text), norm(want)
    if not want:
        return got == ""
    return same(got[: len(want)], want, fuzzy)


@dataclass
class Fact:
    key: str  # "meeting date", "item 1.2 title", "participant 'Katrine Axél' status"
    expected: object
    got: object
    ok: bool
    shown: bool = True  # False: implied by another wrong fact (an item missing), not listed

    @property
    def kind(self) -> str:
        return self.key.split()[0]

    def __str__(self) -> str:
        return f"{self.key}: got {_short(self.got)}, expected {_short(self.expected)}"


def _short(value: object, limit: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Score:
    facts: list[Fact] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)  # facts the parse cannot report yet

    @property
    def right(self) -> int:
        return sum(fact.ok for fact in self.facts)

    @property
    def total(self) -> int:
        return len(self.facts)

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 1.0

    def wrong(self) -> list[Fact]:
        """The wrong facts, the most telling first (meeting, items, participants, bilag)."""
        bad = [fact for fact in self.facts if not fact.ok and fact.shown]
        return sorted(bad, key=lambda f: SEVERITY.index(f.kind) if f.kind in SEVERITY else 9)

    def report(self, limit: int | None = None) -> str:
        wrong = self.wrong()
        lines = [f"{self.right}/{self.total} facts right ({self.fraction:.1%})"]
        lines += [f"  ✗ {fact}" for fact in wrong[:limit]]
        if limit is not None and len(wrong) > limit:
            lines.append(f"  … and {len(wrong) - limit} more")
        lines += [f"  (not scored: {note})" for note in self.unscored]
        return "\n".join(lines)

    def add(self, key: str, expected: object, got: object, ok: bool, shown: bool = True) -> None:
        self.facts.append(Fact(key, expected, got, ok, shown))


def score(parsed, expected: dict, *, fuzzy: bool = False) -> Score:
    """Compare a parse (ParsedMeeting or its to_dict()) with an expected tree, fact by fact."""
    got = parsed if isinstance(parsed, dict) else parsed.to_dict()
    result = Score()
    _meeting(result, got, expected, fuzzy)
    _participants(result, got.get("participants", []), expected.get("participants", []), fuzzy)
    _items(result, got.get("items", []), expected.get("items", []), fuzzy)
    return result


def _meeting(result: Score, got: dict, expected: dict, fuzzy: bool) -> None:
    meeting = got.get("meeting", {})
    for key, want in expected["meeting"].items():
        value = meeting.get(key)
        exact = key in ("date", "start_time", "end_time")
        ok = value == want if exact else same(value, want, fuzzy)
        result.add(f"meeting {key}", want, value, ok)
    if "doctype" in expected:
        doctype = got.get("doctype", meeting.get("doctype"))
        if doctype is None:
            result.unscored.append("doctype (the parse does not report one)")
        else:
            result.add("doctype", expected["doctype"], doctype, doctype == expected["doctype"])


def _participants(result: Score, got: list[dict], want: list[dict], fuzzy: bool) -> None:
    unused = list(got)
    for person in want:
        name = person["name"]
        match = next((p for p in unused if same(p["name"], name, fuzzy)), None)
        key = f"participant {name!r}"
        if match is None:
            result.add(key, name, None, False)
            result.add(f"{key} status", person["status"], None, False)
            result.add(f"{key} organisation", person["organisation"], None, False)
            continue
        unused.remove(match)
        result.add(key, name, match["name"], True)
        result.add(f"{key} status", person["status"], match["status"],
                   match["status"] == person["status"])
        result.add(f"{key} organisation", person["organisation"], match["organisation"],
                   same(match["organisation"], person["organisation"], fuzzy))
    for extra in unused:
        result.add(f"participant extra {extra['name']!r}", None, extra["name"], False)


def _number(value: str) -> str:
    return norm(value).rstrip(".")


def _match_items(got: list[dict], want: list[dict], fuzzy: bool) -> list[dict | None]:
    """The parsed item for each expected one: same number first, else a similar title."""
    unused = list(range(len(got)))
    matches: list[int | None] = []
    for item in want:
        index = next((i for i in unused if _number(got[i]["number"]) == item["number"]), None)
        if index is not None:
            unused.remove(index)
        matches.append(index)
    for n, item in enumerate(want):
        if matches[n] is not None:
            continue
        best, best_ratio = None, TITLE_MATCH
        for i in unused:
            ratio = SequenceMatcher(None, norm(got[i]["title"]), norm(item["title"])).ratio()
            if ratio >= best_ratio:
                best, best_ratio = i, ratio
        if best is not None:
            unused.remove(best)
            matches[n] = best
    return [got[i] if i is not None else None for i in matches]


def _items(result: Score, got: list[dict], want: list[dict], fuzzy: bool) -> None:
    matches = _match_items(got, want, fuzzy)
    for item, match in zip(want, matches, strict=True):
        _item(result, item, match, fuzzy)
    matched = {id(m) for m in matches if m is not None}
    for extra in got:
        if id(extra) not in matched:
            result.add(f"item extra {extra['number']}", None, norm(extra["title"])[:60], False)


def _item(result: Score, want: dict, got: dict | None, fuzzy: bool) -> None:
    key = f"item {want['number']}"
    if got is None:
        result.add(f"{key} missing", want["title"], None, False)
        # every other fact of the item is wrong too; the report lists the item once
        for name in ITEM_FACTS[1:]:
            result.add(f"{key} {name}", want.get(name), None, False, shown=False)
        for bilag in want["attachments"]:
            result.add(f"bilag {key} {bilag['label']}", bilag["title"], None, False, shown=False)
            result.add(f"bilag {key} {bilag['label']} url", bilag["url"], None, False, shown=False)
        return
    result.add(f"{key} number", want["number"], got["number"], norm(got["number"]) ==
               want["number"])
    result.add(f"{key} section", want["section"], got["section"],
               same(got["section"], want["section"], fuzzy))
    result.add(f"{key} title", want["title"], got["title"],
               same(got["title"], want["title"], fuzzy))
    presenters = got.get("presenters", [])
    result.add(f"{key} presenters", want["presenters"], presenters,
               len(presenters) == len(want["presenters"])
               and all(same(g, w, fuzzy) for g, w in zip(presenters, want["presenters"],
                                                         strict=True)))
    count = len(got.get("indstilling", []))
    result.add(f"{key} indstilling count", want["indstilling_count"], count,
               count == want["indstilling_count"])
    for part in ("referat", "sagsfremstilling"):
        text = got.get(part, "")
        result.add(f"{key} {part} starts", want[f"{part}_starts"], norm(text)[:80],
                   starts(text, want[f"{part}_starts"], fuzzy))
    others = list(got.get("other_parts") or {})
    result.add(f"{key} other parts", want.get("other_parts", []), others,
               [norm(o) for o in others] == [norm(o) for o in want.get("other_parts", [])])
    result.add(f"{key} outcome", want["outcome"], got.get("outcome"),
               got.get("outcome") == want["outcome"])
    _attachments(result, key, got.get("attachments", []), want["attachments"], fuzzy)


def _attachments(result: Score, key: str, got: list[dict], want: list[dict], fuzzy: bool) -> None:
    unused = list(got)
    for bilag in want:
        label = bilag["label"]
        match = next((a for a in unused if norm(a["label"]) == norm(label)), None)
        match = match or next((a for a in unused if same(a["title"], bilag["title"], fuzzy)), None)
        if match is None:
            result.add(f"bilag {key} {label}", bilag["title"], None, False)
            result.add(f"bilag {key} {label} url", bilag["url"], None, False)
            continue
        unused.remove(match)
        ok = norm(match["label"]) == norm(label) and same(match["title"], bilag["title"], fuzzy)
        result.add(f"bilag {key} {label}", f"{label}: {bilag['title']}",
                   f"{match['label']}: {match['title']}", ok)
        result.add(f"bilag {key} {label} url", bilag["url"], match.get("url"),
                   match.get("url") == bilag["url"])
    for extra in unused:
        result.add(f"bilag {key} extra {extra['label']}", None, extra["title"], False)
