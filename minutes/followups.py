"""Tracking follow-ups: deadlines "til næste møde" resolved to a date, answers suggested from
later items, and staff decisions (answered, done, dropped, reopened).

The loader calls `refresh(body)` after every load of a body's meeting: a later meeting loaded
gives earlier follow-ups their "next meeting" date and may hold their answer.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from minutes.cases import STRONG, evidence, is_generic
from minutes.models import AgendaItem, Body, CaseItem, FollowUp, Meeting
from minutes.planned_dates import announced_meetings

_SPACE = re.compile(r"\s+")
DUE_SOON = timedelta(days=30)  # "due" on /opfoelgning/: before the next meeting or within this
# Without a deadline an answer is looked for within a year: an item years later that shares a
# Rammeaftale period answers a promise only by chance.
UNDATED_WINDOW = timedelta(days=365)
# Committees meet every few months; a "next" meeting in the archive further off than this is more
# likely a gap in the archive than the next meeting.
NEXT_MEETING_GAP = timedelta(days=183)


def followup_key(actor: str, action: str) -> str:
    """What a parsed follow-up is known by across re-ingests: its actor and action, normalised."""
    text = _SPACE.sub(" ", f"{actor}|{action}").strip().casefold()
    return hashlib.sha256(text.encode()).hexdigest()[:40]


@dataclass(frozen=True)
class Answer:
    """A later item suggested as a follow-up's answer, with why in a few words."""

    item_id: int
    evidence: str
    confidence: float


@dataclass(frozen=True)
class Candidate:
    pk: int
    meeting_date: date
    title: str


def refresh(body: Body) -> None:
    """Resolve "next meeting" deadlines and suggest answers for the body's open follow-ups."""
    followups = list(
        FollowUp.objects.filter(item__meeting__body=body, status=FollowUp.Status.OPEN)
        .select_related("item__meeting")
    )
    if not followups:
        return
    dates = sorted(set(Meeting.objects.filter(body=body).values_list("date", flat=True)))
    _resolve_next_meeting(followups, dates)
    _suggest(followups, body)


def _announced(meeting: Meeting) -> list[date]:
    """The meeting dates the meeting's own referat announces (its plan, "Næste møde …")."""
    texts = [
        (title, "\n".join([sagsfremstilling, referat, *other_parts.values()]))
        for title, sagsfremstilling, referat, other_parts in meeting.items.values_list(
            "title", "sagsfremstilling", "referat", "other_parts"
        )
    ]
    return [plan.date for plan in announced_meetings(texts, meeting_date=meeting.date)]


def _resolve_next_meeting(followups: list[FollowUp], dates: list[date]) -> None:
    """"til næste møde": the earliest later meeting known, from the referat's own plan ("Næste
    møde …", a mødeplan) or the body's meetings in the archive. An archive meeting more than
    NEXT_MEETING_GAP later, with no plan to confirm it, is no evidence: the archive may lack the
    meetings between, so the deadline stays unresolved. A meeting's date is no content of it
    (the published referat announces it), so a later meeting still in draft counts too."""
    announced: dict[int, list[date]] = {}
    for followup in followups:
        if followup.due_kind != FollowUp.DueKind.NEXT_MEETING or followup.is_locked("due"):
            continue
        meeting = followup.item.meeting
        if meeting.pk not in announced:
            announced[meeting.pk] = _announced(meeting)
        in_archive = [
            d for d in dates if meeting.date < d <= meeting.date + NEXT_MEETING_GAP
        ]
        known = sorted([*announced[meeting.pk], *in_archive])
        due = known[0] if known else None
        if due != followup.due:
            followup.due = due
            followup.save(update_fields=["due", "updated_at"])


def _suggest(followups: list[FollowUp], body: Body) -> None:
    """Store each open follow-up's best answer among the body's later items (or none)."""
    earliest = min(f.item.meeting.date for f in followups)
    candidates = [
        Candidate(pk, day, title)
        for pk, day, title in AgendaItem.objects.filter(
            meeting__body=body, meeting__date__gt=earliest
        ).values_list("pk", "meeting__date", "title")
        if not is_generic(title)
    ]
    cases: dict[int, set[tuple[int, str]]] = {}
    for case_id, item_id, name in (
        CaseItem.objects.filter(item__meeting__body=body)
        .exclude(status=CaseItem.Status.REJECTED)
        .values_list("case_id", "item_id", "case__name")
    ):
        cases.setdefault(item_id, set()).add((case_id, name))
    meeting_dates = sorted({c.meeting_date for c in candidates})
    for followup in followups:
        if followup.is_locked("suggested_answer"):
            continue
        answer = suggest_answer(followup, candidates, cases, meeting_dates)
        item_id = answer.item_id if answer else None
        text = answer.evidence if answer else ""
        if (followup.suggested_answer_id, followup.suggestion_evidence) != (item_id, text):
            followup.suggested_answer_id = item_id
            followup.suggestion_evidence = text
            followup.save(update_fields=["suggested_answer", "suggestion_evidence", "updated_at"])


def target_window(followup: FollowUp, meeting_dates: list[date]) -> date:
    """The last meeting date an answer is looked for at: the meeting the deadline points to
    (the first on or after it); without a deadline, a year after the follow-up's meeting."""
    if followup.due is None:
        return followup.item.meeting.date + UNDATED_WINDOW
    return next((d for d in meeting_dates if d >= followup.due), None) or date.max


def suggest_answer(
    followup: FollowUp,
    candidates: list[Candidate],
    cases: dict[int, set[tuple[int, str]]],
    meeting_dates: list[date],
) -> Answer | None:
    """The later item most likely to answer `followup`: one in the same case thread as the
    follow-up's item, or whose title names what the follow-up or its item names; nearest the
    deadline first."""
    here = followup.item.meeting.date
    until = target_window(followup, meeting_dates)
    own_cases = cases.get(followup.item_id, set())
    best: tuple[tuple, Answer] | None = None
    for candidate in candidates:
        if not here < candidate.meeting_date <= until:
            continue
        found = _evidence(followup, candidate, own_cases, cases)
        if found is None:
            continue
        target = followup.due or here
        rank = (-found[1], abs((candidate.meeting_date - target).days))
        if best is None or rank < best[0]:
            best = (rank, Answer(candidate.pk, found[0], found[1]))
    return best[1] if best else None


def _evidence(
    followup: FollowUp,
    candidate: Candidate,
    own_cases: set[tuple[int, str]],
    cases: dict[int, set[tuple[int, str]]],
) -> tuple[str, float] | None:
    shared = own_cases & cases.get(candidate.pk, set())
    if shared:
        return f"samme sag: {min(name for _id, name in shared)}", 1.0
    for text in (followup.action, followup.item.title):
        found = evidence(text, candidate.title)
        if found and found[1] >= STRONG:
            return found
    return None


def decide(followup: FollowUp, action: str, user) -> bool:
    """A staff decision on a follow-up: "confirm" its suggested answer, mark it "done" or
    "dropped", or "reopen" it. Locked, so a re-ingest keeps it; False when not possible."""
    if action == "confirm" and followup.suggested_answer_id:
        followup.answered_by_id = followup.suggested_answer_id
        followup.status = FollowUp.Status.ANSWERED
    elif action in ("done", "dropped"):
        followup.status = action
    elif action == "reopen":
        followup.status = FollowUp.Status.OPEN
        followup.answered_by = None
    else:
        return False
    followup.status_changed_by = user
    followup.status_changed_at = timezone.now()
    followup.lock("status", "answered_by")
    followup.save()
    return True


def due_window(today: date, next_meeting: date | None) -> date:
    """The last day "due" reaches: the next planned meeting, or 30 days, whichever is later."""
    soon = today + DUE_SOON
    return max(soon, next_meeting) if next_meeting else soon


def overdue(today: date) -> Q:
    return Q(due__lt=today)
