"""Meetings written for the variety corpus, with content the parser has never seen.

Different bodies, topics, names, kommuner and care homes, and 1 to 15 items, so rules are not
tuned to the seeds' sentences.
"""
from scripts.variants.model import Meeting
from scripts.variants.new import dassos_2025, forretningsudvalg, netvaerk, styregruppe, takstgruppe


def new_meetings() -> list[Meeting]:
    return [
        forretningsudvalg.meeting(),
        styregruppe.meeting(),
        netvaerk.meeting(),
        takstgruppe.meeting(),
        dassos_2025.meeting(),
    ]
