"""What the public pages share beyond the querysets (minutes.public): paging, and the key a
page's cached fragments are filed under."""
from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator


class CountedPaginator(Paginator):
    """A paginator told its count (cached facets or a capped count hold it) instead of
    counting the rows again."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.__dict__["count"] = count  # Paginator.count is a cached_property




def fragment_key(params, *, without: tuple[str, ...] = ()) -> str:
    """The query string's parameters in a fixed order (those in `without` left out): one key
    per distinct page for a template fragment cache."""
    return urlencode(sorted(
        (key, value) for key, values in params.lists() if key not in without for value in values
    ))
