"""ParsedMeeting trees built from the hand-written expectations: the loader without the parser."""
import hashlib
import json
from datetime import date, time
from pathlib import Path

from ingest.parsing.contract import (
    Attachment,
    Item,
    MeetingInfo,
    ParsedMeeting,
    Participant,
    Source,
)

EXPECTATIONS = Path(__file__).resolve().parent / "expectations"


def expectation(stem: str) -> dict:
    return json.loads((EXPECTATIONS / f"{stem}.json").read_text(encoding="utf-8"))


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def parsed_from_expectation(stem: str, *, sha_seed: str = "") -> ParsedMeeting:
    """The tree a perfect parser would give for a seed (texts cut to what the expectation has)."""
    data = expectation(stem)
    meeting = data["meeting"]
    sha = hashlib.sha256(f"{stem}{sha_seed}".encode()).hexdigest()
    return ParsedMeeting(
        source=Source(filename=data["file"], sha256=sha, kind="text"),
        meeting=MeetingInfo(
            body=meeting["body"],
            date=date.fromisoformat(meeting["date"]),
            start_time=_time(meeting["start_time"]),
            end_time=_time(meeting["end_time"]),
            location=meeting["location"],
            room=meeting["room"],
        ),
        participants=[Participant(**p) for p in data["participants"]],
        items=[
            Item(
                number=i["number"],
                section=i["section"],
                title=i["title"],
                presenters=list(i["presenters"]),
                indstilling=[f"punkt {n + 1}" for n in range(i["indstilling_count"])],
                referat=i["referat_starts"],
                sagsfremstilling=i["sagsfremstilling_starts"],
                outcome=i["outcome"],
                attachments=[Attachment(**a) for a in i["attachments"]],
            )
            for i in data["items"]
        ],
    )
