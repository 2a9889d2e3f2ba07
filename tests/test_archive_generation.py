"""The archive's generation: cached counts last until the archive changes, and the change
rows that mark generations do not pile up."""

import pytest

from minutes.aggregates import cached, generation
from minutes.models import ArchiveChange, Meeting, Topic
from tests.concurrency_support import a_load_in_progress, waiting_at_most_two_seconds_for_locks
from tests.pages_data import load_seeds

pytestmark = pytest.mark.django_db


def test_loading_referater_keeps_only_the_newest_change(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    before = generation()

    load_seeds()

    # Each load saves dozens of rows, each starting a generation; only the newest is kept.
    assert list(ArchiveChange.objects.values_list("pk", flat=True)) == [generation()]
    assert generation() > before


def test_every_change_starts_a_new_generation_and_leaves_one_row():
    seen = [generation()]
    topic = Topic.objects.create(name="Ny", slug="ny")
    seen.append(generation())
    topic.description = "Rettet"
    topic.save()
    seen.append(generation())
    topic.delete()
    seen.append(generation())

    assert seen == sorted(set(seen))  # each a new, larger generation
    assert ArchiveChange.objects.count() == 1


def test_a_cached_count_lasts_until_the_archive_changes(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meetings = load_seeds()
    count = lambda: Meeting.objects.public().count()  # noqa: E731

    assert cached("test-count", [], count) == 5
    Meeting.objects.filter(pk=meetings[0].pk).update(status=Meeting.Status.DRAFT)
    assert cached("test-count", [], count) == 5  # update() bypasses the signals: still cached
    meetings[1].set_published(False)
    assert cached("test-count", [], count) == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_changes_at_once_prune_without_waiting_for_each_other():
    """Both transactions delete the same older rows: the second skips what the first holds
    instead of waiting for its commit, and a later change deletes what was skipped."""
    Topic.objects.create(name="Ældre", slug="aeldre")  # a committed row both will prune
    with a_load_in_progress() as body, waiting_at_most_two_seconds_for_locks():
        Meeting.objects.create(body=body, date="2031-02-01")
    assert ArchiveChange.objects.count() <= 3  # at most the skipped older row and the two new
    Topic.objects.create(name="Senere", slug="senere")
    assert list(ArchiveChange.objects.values_list("pk", flat=True)) == [generation()]
