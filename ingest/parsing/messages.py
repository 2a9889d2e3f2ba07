"""Sentences for people (parse errors, review warnings), kept translatable without Django.

The parsing half writes its sentences in Danish, the interface's source language, and marks them
with `gettext_noop` (or `ngettext_noop` for a count) so `manage.py makemessages` extracts them as
msgids. A `Message` keeps the msgid and its parameters rather than a finished sentence: the
Django side (`ingest.i18n`) renders it in the active language where it is shown, and the
database keeps `Message.to_json()`, so a stored warning reads correctly in Danish and English.
`str(message)` is the Danish sentence.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple


def gettext_noop(message: str) -> str:
    """Mark a Danish msgid for extraction (a keyword Django's makemessages knows); no-op."""
    return message


class Plural(NamedTuple):
    """A msgid with its plural form; the parameter `count` picks the form."""

    singular: str
    plural: str


def ngettext_noop(singular: str, plural: str) -> Plural:
    """Mark a Danish msgid and its plural for extraction (ingest's makemessages adds the
    keyword); the Message's `count` parameter chooses between them."""
    return Plural(singular, plural)


Gettext = Callable[[str], str]
Ngettext = Callable[[str, str, int], str]


def _untranslated(message: str) -> str:
    return message


def _untranslated_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural  # Danish, like English, has two forms


class Message:
    """A translatable sentence: a Danish msgid (or Plural) and the values of its %(name)s.

    A parameter may itself be a Message (a clause chosen by the parser); it is rendered in the
    same language.
    """

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str | Plural, /, **params: Any) -> None:
        if isinstance(msgid, Plural) and not isinstance(params.get("count"), int):
            raise TypeError("a plural message needs an integer count parameter")
        self.msgid = msgid
        self.params = params

    def render(
        self, gettext: Gettext = _untranslated, ngettext: Ngettext = _untranslated_plural
    ) -> str:
        """The sentence through the given translation functions (by default: Danish)."""
        if isinstance(self.msgid, Plural):
            template = ngettext(self.msgid.singular, self.msgid.plural, self.params["count"])
        else:
            template = gettext(self.msgid)
        if not self.params:
            return template
        values = {
            name: value.render(gettext, ngettext) if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        return template % values

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.msgid == other.msgid and self.params == other.params

    def __hash__(self) -> int:
        return hash((self.msgid, tuple(sorted(self.params))))

    def to_json(self) -> dict:
        """A JSON-able dict from which `from_json` rebuilds the message."""
        data: dict[str, Any] = {}
        if isinstance(self.msgid, Plural):
            data["msgid"], data["msgid_plural"] = self.msgid
        else:
            data["msgid"] = self.msgid
        data["params"] = {
            name: value.to_json() if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        return data

    @classmethod
    def from_json(cls, data: Mapping) -> Message:
        msgid: str | Plural = data["msgid"]
        if data.get("msgid_plural") is not None:
            msgid = Plural(data["msgid"], data["msgid_plural"])
        params = {
            name: cls.from_json(value) if isinstance(value, Mapping) else value
            for name, value in (data.get("params") or {}).items()
        }
        return cls(msgid, **params)


def to_json(value: Message | str) -> dict | str:
    """A warning as the database keeps it: a Message as a dict, a plain string as it is."""
    return value.to_json() if isinstance(value, Message) else value


def as_message(value: Message | Mapping | str) -> Message | str:
    """A live or stored warning as a Message; plain strings (stored before messages were
    translatable, or written by hand) stay strings."""
    if isinstance(value, Message | str):
        return value
    if isinstance(value, Mapping) and "msgid" in value:
        return Message.from_json(value)
    return str(value)


def render(
    value: Message | Mapping | str,
    gettext: Gettext = _untranslated,
    ngettext: Ngettext = _untranslated_plural,
) -> str:
    """Any live or stored message as text through the given translation functions."""
    message = as_message(value)
    return message.render(gettext, ngettext) if isinstance(message, Message) else message


def join(parts: list[Message | str], separator: str = ", ") -> Message | str:
    """Parts joined by a separator that needs no translation, each part still translatable."""
    if not parts:
        return ""
    joined = parts[0]
    for part in parts[1:]:
        # Not marked for translation: the template has no words, gettext returns it as it is.
        joined = Message(f"%(first)s{separator}%(second)s", first=joined, second=part)
    return joined


def join_and(parts: list[Message | str]) -> Message | str:
    """'a', 'a og b', 'a, b og c' as a Message whose conjunction is translated."""
    if len(parts) <= 1:
        return join(parts)
    return Message(gettext_noop("%(first)s og %(last)s"), first=join(parts[:-1]), last=parts[-1])
