"""A seed referat with chosen words put into its title, referat, participants and bilag."""
from __future__ import annotations

from ingest.process import process_source
from ingest.store import store_bytes
from minutes.models import Meeting
from tests.upload_support import SEED_2024

ITEM_TITLE = "Drøftelse af faglige udviklingsområder i Rammeaftale 2025-26"
PARTICIPANT = "Jesper Thyrring Møller"
BILAG_TITLE = "Oversigt lånepuljer \\(grafisk kort\\)"
REFERAT_START = "DASSOS godkendte, at der arbejdes videre"


def seed_with(*, title: str, participant: str, bilag: str, referat: str) -> bytes:
    """The 1 March 2024 seed with the given text in an item title, a name, a bilag, a referat."""
    text = SEED_2024.read_text(encoding="utf-8")
    for old, new in (
        (ITEM_TITLE, title),
        (PARTICIPANT, participant),
        (BILAG_TITLE, bilag),
        (REFERAT_START, f"{referat} {REFERAT_START}"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    return text.encode("utf-8")


def load(data: bytes, name: str, *, published: bool) -> Meeting:
    """Store and parse through the real loader, as `manage.py ingest` or an upload does."""
    source, _created = store_bytes(data, name)
    result = process_source(source, published=published)
    assert result.meeting is not None, result.message
    return result.meeting
