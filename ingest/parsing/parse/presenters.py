"""The person names on an item's "Ved …" line, without their titles and organisations."""
from __future__ import annotations

import re

from ingest.parsing.vocabulary import PRESENTER_LABELS, alternation

VED_RE = re.compile(
    rf"^(?:{alternation(PRESENTER_LABELS)})(?:\s*:\s*|(?<=/)\s*|\s+)", re.IGNORECASE
)
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
# Endings of institution names ("Hammel Neurocenter", "Familieambulatoriet").
PLACE_SUFFIXES = (
    "center", "centret", "hospital", "enhed", "udvalg", "udvalget", "forum", "sekretariat",
    "sekretariatet", "styrelse", "styrelsen", "ministeriet", "rådet", "tilsyn", "gruppen",
    "kommune", "huset", "ambulatoriet", "afdeling", "afdelingen", "forvaltning", "forvaltningen",
)


def is_ved_line(text: str) -> bool:
    """True for a presenter line: 'Ved' and a capitalised word or a name ('Ved formand X Y')."""
    text = text.strip()
    match = VED_RE.match(text)
    if not match:
        return False
    return text[match.end() : match.end() + 1].isupper() or bool(parse_presenters(text))


def _is_person(segment: str) -> bool:
    words = segment.split()
    if len(words) < 2 or len(words) > 5:
        return False
    if not NAME_WORD_RE.match(words[0]) or not NAME_WORD_RE.match(words[-1]):
        return False
    for word in words:
        lowered = word.lower().strip(".")
        if lowered in NOT_NAME_WORDS or lowered.endswith(TITLE_SUFFIXES + PLACE_SUFFIXES):
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
        # "og Tina Ebler", "centerchef Jakob May": leading lower-case words are no part of a name.
        words = segment.strip(" .;:").split()
        while words and words[0][:1].islower():
            words.pop(0)
        segment = " ".join(words)
        if _is_person(segment) and segment not in names:
            names.append(segment)
    return names
