"""Path converters of the archive's URLs, registered once for every URLconf that uses them."""
from datetime import date

from django.urls import register_converter


class IsoDateConverter:
    """A meeting date in the path, as in /moeder/2024-03-01/ (kept a string for reverse())."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> str:
        date.fromisoformat(value)  # ValueError for 2021-02-30: the path does not match (404)
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(IsoDateConverter, "isodate")
