"""Stored text made safe for formats that refuse control characters (XML feeds, iCalendar)."""
from __future__ import annotations

import re

# C0 controls but tab and newline, DEL and the C1 controls: XML 1.0 forbids most of them, and a
# feed that carries one fails for every reader.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value):
    """`value` without control characters other than tab and newline; non-strings as they are."""
    if isinstance(value, str):
        return CONTROL.sub("", value)
    return value
