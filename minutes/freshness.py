"""A meeting is as new as its newest part: saving or deleting one of its items, decisions,
bilag, participants or follow-ups stamps the meeting's `updated_at`, so clients that sync
meetings by modification time (OParl's modified_since, the feeds) see the change."""
from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.utils import timezone


def _meeting_id(instance) -> int | None:
    for path in ("meeting_id", "item.meeting_id"):
        value = instance
        for name in path.split("."):
            value = getattr(value, name, None)
            if value is None:
                break
        if value is not None:
            return value
    return None


def touch_meeting(sender, instance, raw=False, **kwargs) -> None:
    """Signal receiver: the part's meeting was modified now (a fixture load changes nothing)."""
    if raw:
        return
    from minutes.models import Meeting

    meeting_id = _meeting_id(instance)
    if meeting_id is not None:
        Meeting.objects.filter(pk=meeting_id).update(updated_at=timezone.now())


def connect_signals() -> None:
    from minutes.models import AgendaItem, Attachment, Decision, FollowUp, Participant

    for model in (AgendaItem, Decision, Attachment, Participant, FollowUp):
        uid = f"freshness-{model.__name__}"
        post_save.connect(touch_meeting, sender=model, dispatch_uid=uid)
        post_delete.connect(touch_meeting, sender=model, dispatch_uid=f"{uid}-delete")
