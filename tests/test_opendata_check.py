"""The open-data crawl (scripts/check_opendata.py) finds no violation on the seeds: every OParl
object valid and its MUSTs kept, every feed and the calendar readable by strict clients."""
import pytest

from scripts.check_opendata import check, check_feeds, check_oparl

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def test_the_whole_open_data_crawl_reports_no_violation(client):
    assert check(client) == []


def test_the_crawl_notices_a_violation(client, monkeypatch):
    """The checker is not blind: a feed without author and an OParl list with two first pages
    are reported."""
    from minutes import feeds
    from minutes.oparl import pagination

    monkeypatch.setattr(feeds.CleanFeed, "author_name", None)
    assert any("no author" in problem for problem in check_feeds(client))
    real = pagination.object_list

    def second_first_page(request, segments):
        data = real(request, segments)
        data["links"]["first"] += "&page=1" if "?" in data["links"]["first"] else "?page=1"
        return data

    monkeypatch.setattr("minutes.oparl.views.object_list", second_first_page)
    assert any("second URL" in problem for problem in check_oparl(client))
