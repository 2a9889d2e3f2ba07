"""The words referater use for their parts: one place, so a new synonym is a one-line change.

Every list here is a hint that helps the structure-first parser; none is a gate. Labels are
matched case-insensitively at the start of a line, followed by a colon (or standing alone).
"""
from __future__ import annotations

import re

# Cover page: label → what it gives.
COVER_LABELS = {
    "when": ("Tidspunkt", "Tid", "Mødetid", "Dato", "Mødedato", "Dato og tid", "Dato og tidspunkt",
             "Klokken"),
    "where": ("Sted", "Mødested", "Adresse", "Mødeadresse", "Lokation", "Placering"),
    "room": ("Lokale", "Mødelokale", "Rum", "Mødesal"),
    "body": ("Udvalg", "Møde", "Mødeforum", "Forum", "Organ", "Styregruppe"),
}
# A meeting held online: the location is the service's name.
VIRTUAL_LOCATIONS = ("Microsoft Teams", "Teams", "Skype", "Zoom", "Virtuelt møde", "Online",
                     "Videomøde", "Virtuelt")

# Participant list labels: the status of the people listed under each.
PRESENT_LABELS = ("Deltagere", "Deltagende", "Til stede", "Tilstede", "Fremmødte", "Fremmødt",
                  "Mødedeltagere", "Medlemmer", "Deltog", "Desuden deltog", "Øvrige deltagere",
                  "Gæster", "Gæst", "Inviterede", "Herudover deltog")
ABSENT_LABELS = ("Afbud", "Afbud fra", "Fraværende", "Ikke til stede", "Forfald", "Meldt afbud")
SCRIBE_LABELS = ("Referent", "Referenter", "Sekretær", "Mødesekretær")
# The header row of a participant table ("Navn    Organisation"): no person.
PARTICIPANT_COLUMNS = ("Navn", "Organisation", "Kommune", "Rolle", "Titel", "Funktion",
                       "Deltager", "Repræsenterer", "Stilling", "Afdeling", "Myndighed")
ROLES = ("formand", "næstformand", "referent", "sekretær", "mødeleder", "ordstyrer")

# Item parts. Each key is the part the text goes to; the words are its headings.
PART_WORDS = {
    "indstilling": ("Indstilling", "Indstillinger", "Forslag til beslutning", "Indstillingen"),
    "referat": ("Referat", "Beslutning", "Beslutninger", "Referat og beslutning",
                "Referat/beslutning", "Beslutning/referat", "Referat og beslutninger",
                "Beslutning og referat", "Protokol", "Konklusion"),
    "sagsfremstilling": ("Sagsfremstilling", "Baggrund", "Sagsbeskrivelse", "Resumé",
                         "Resume", "Sagens baggrund", "Beskrivelse", "Sagsresumé"),
    "bilag": ("Bilag", "Bilagsliste"),
}
# Other named parts, kept under their own heading.
OTHER_PARTS = ("Efterskrift", "Bemærkninger", "Skriftlig orientering", "Økonomi",
               "Tidsplan", "Videre proces", "Kommunikation", "Lovgrundlag", "Opfølgning")

# The line naming who presents an item: "Ved Anna Berg", "Ansvarlig: …", "V/ …".
PRESENTER_LABELS = ("Ved", "V/", "Ansvarlig", "Sagsansvarlig", "Oplæg ved", "Oplægsholder",
                    "Oplægsholdere", "Fremlægges af", "Præsenteres af", "Fremlægger",
                    "Tovholder", "Punktansvarlig")

# Document titles: what kind of document it is.
REFERAT_WORDS = ("Referat", "Beslutningsreferat", "Mødereferat", "Protokol")
DAGSORDEN_WORDS = ("Dagsorden", "Dagsordenen", "Mødeindkaldelse", "Indkaldelse")


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def label_key(label: str, table: dict[str, tuple[str, ...]]) -> str | None:
    """The key whose words include this label (case and spacing ignored)."""
    wanted = " ".join(label.split()).casefold()
    for key, words in table.items():
        if any(wanted == word.casefold() for word in words):
            return key
    return None
