"""Hand-made referater with follow-ups, loaded through the real loader (plain helpers)."""
from __future__ import annotations

from datetime import date

from ingest.load import Loaded, load_parsed
from ingest.parsing import contract
from ingest.store import store_bytes


def followup(action: str, actor: str = "Fællessekretariatet", **kwargs) -> contract.FollowUp:
    return contract.FollowUp(actor=actor, action=action, **kwargs)


def item(
    number: str, title: str, *followups: contract.FollowUp, referat: str = ""
) -> contract.Item:
    return contract.Item(
        number=number, section="Beslutningspunkter", title=title,
        referat=referat or f"DASSOS drøftede {title.lower()}.", outcome="discussed",
        followups=list(followups),
    )


def parsed(day: date, *items: contract.Item, body: str = "DASSOS") -> contract.ParsedMeeting:
    return contract.ParsedMeeting(
        source=contract.Source(filename=f"{day}.txt", sha256="", kind="text"),
        meeting=contract.MeetingInfo(body=body, date=day),
        items=list(items),
    )


def load(tree: contract.ParsedMeeting, *, published: bool = True, name: str = "") -> Loaded:
    """Store a small file unique to the tree (its date and body, or `name`) and load the tree."""
    label = name or f"{tree.meeting.body}-{tree.meeting.date}"
    source, _created = store_bytes(f"referat {label}".encode(), f"{label}.txt")
    return load_parsed(tree, source, published=published)
