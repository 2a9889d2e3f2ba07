"""The person names on an item's "Ved …" line, without their titles and organisations."""
from __future__ import annotations

import re

VED_RE = re.compile(r"^Ved\s+(?=[A-ZÆØÅ])")
SPLIT_RE = re.compile(r",|\s+og\s+|\s+samt\s+|\s+&\s+")
_WORD = r"[A-ZÆØÅ][a-zæøåéèüöä'’]+"
NAME_WORD_RE = re.compile(rf"^(?:{_WORD}(?:-{_WORD})*|[A-ZÆØÅ]{{1,2}}\.)$")
PARTICLES = {"von", "van", "de", "la", "le", "du", "af"}
# Words that make a comma-separated segment an organisation or a job title, not a person.
NOT_NAME_WORDS = {
    "kommune", "kommuner", "region", "regionen", "midtjylland", "midt", "dassos", "kl", "kls",
    "kkr", "socialtilsyn", "børnehus", "sekretariat", "sekretariatet", "fællessekretariatet",
    "psykiatrien", "direktør", "formand", "leder", "chef", "socialchef", "tilsynschef",
    "koncerndirektør", "centerchef", "børnecenterchef", "kontorchef", "konsulent", "styrelsen",
    "hospital", "universitet", "koordinationsforum", "repræsentant", "repræsentanter",
}
TITLE_SUFFIXES = ("chef", "direktør", "leder", "formand", "konsulent", "rådgiver", "sekretær")


def is_ved_line(text: str) -> bool:
    """True for a presenter line: 'Ved' followed by a capitalised word."""
    return bool(VED_RE.match(text.strip()))


def _is_person(segment: str) -> bool:
    words = segment.split()
    if len(words) < 2 or len(words) > 5:
        return False
    if not NAME_WORD_RE.match(words[0]) or not NAME_WORD_RE.match(words[-1]):
        return False
    for word in words:
        lowered = word.lower().strip(".")
        if lowered in NOT_NAME_WORDS or lowered.endswith(TITLE_SUFFIXES):
            return False
        if not NAME_WORD_RE.match(word) and lowered not in PARTICLES:
            return False
    return True


def parse_presenters(text: str) -> list[str]:
    """'Ved Lotte Henriksen, Socialchef Aarhus Kommune og Rikke Holm Bramsen, leder …' → names."""
    text = " ".join(text.split())
    text = VED_RE.sub("", text)
    names: list[str] = []
    for segment in SPLIT_RE.split(text):
        segment = segment.strip(" .;:")
        if segment.lower().startswith("og "):
            segment = segment[3:]
        if _is_person(segment) and segment not in names:
            names.append(segment)
    return names
