"""How a template words dates, times, numbers, labels and lead-ins."""
from __future__ import annotations

from datetime import date, time

from scripts.variants.model import Item, Meeting, Person
from scripts.variants.template import FLAT, SEQUENTIAL, Template

MONTHS = ("januar februar marts april maj juni juli august september oktober november "
          "december").split()
WEEKDAYS = "mandag tirsdag onsdag torsdag fredag lørdag søndag".split()
ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
         ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman(n: int) -> str:
    out = ""
    for symbol, value in ROMAN:
        while n >= value:
            out += symbol
            n -= value
    return out


def letter(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def long_date(d: date, style: str = "long") -> str:
    if style == "numeric":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    text = f"{d.day}. {MONTHS[d.month - 1]} {d.year}"
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()].capitalize()} den {text}"
    return text


def header_date(d: date) -> str:
    """The running header's date: 15.9.22."""
    return f"{d.day}.{d.month}.{d.year % 100:02d}"


def _hm(t: time, style: str) -> str:
    if style == "colon":
        return f"{t.hour:02d}:{t.minute:02d}"
    if style == "hours" and t.minute == 0:
        return str(t.hour)
    return f"{t.hour}.{t.minute:02d}"


def time_text(meeting: Meeting, t: Template) -> str:
    """The Tidspunkt value: 'Den 15. september kl. 8.30-10.00', 'fra kl. 9.00 til 12.00', …"""
    style = t.time_style
    if not t.cover_date and style in ("den-kl", "date-kl"):
        style = "kl"  # those name the day; a cover without a date must not
    start, end = _hm(meeting.start, style), _hm(meeting.end, style)
    d = meeting.date
    if style == "den-kl":
        return f"Den {d.day}. {MONTHS[d.month - 1]} kl. {start}-{end}"
    if style == "date-kl":
        return f"{long_date(d, 'weekday')}, kl. {start}-{end}"
    if style == "Kl-spaced":
        return f"Kl. {start} – {end}"
    if style == "fra-til":
        return f"fra kl. {start} til {end}"
    if style == "colon":
        return f"{start} - {end}"
    return f"kl. {start}-{end}"


def slot(start: time, minutes: int) -> str:
    """An item's time slot, "(kl. 10.00-10.20)"."""
    total = start.hour * 60 + start.minute
    a, b = total, total + minutes
    return f"(kl. {a // 60}.{a % 60:02d}-{b // 60}.{b % 60:02d})"


def title_lines(meeting: Meeting, t: Template) -> tuple[str, str | None]:
    """The cover title and the line under it (subtitle or date), by the template's title style."""
    body, word = meeting.body.name, t.doc_word
    if t.title == "body-date" and t.cover_date:
        return f"{body} den {long_date(meeting.date)}", word
    if t.title == "dash":
        return f"{body} – {word.lower()}", None
    if t.title == "referat-fra" or t.title == "body-date":
        pre = "Dagsorden til" if t.doctype == "dagsorden" else "Referat fra"
        return f"{pre} møde i {body}", None
    raise ValueError(t.title)


def shows_times(meeting: Meeting, t: Template) -> bool:
    return t.show_times and meeting.start is not None and meeting.end is not None


def cover_date_line(meeting: Meeting, t: Template) -> str | None:
    """The plain date line under the title when neither title nor a field names the date."""
    in_time_field = shows_times(meeting, t) and t.time_style == "date-kl"
    if not t.cover_date or t.date_label or in_time_field:
        return None
    if t.title == "body-date":
        return None
    return long_date(meeting.date, t.date_style)


def item_label(item: Item, t: Template) -> str:
    """The number as printed before an item's title: "1.1", "1.1.", "Punkt 3:", "A.", "§ 2"."""
    n = item.number
    scheme = t.numbering
    if item.standalone:
        return section_label(n, t)
    if scheme == "decimal-dots":
        return f"{n}."
    if scheme == "punkt-decimal":
        return f"Punkt {n}"
    if scheme == "punkt":
        return f"Punkt {n}:"
    if scheme == "paren":
        return f"{n})"
    if scheme == "ad":
        return f"Ad {n}."
    if scheme == "paragraph":
        return f"§ {n}"
    if scheme == "sag":
        return f"Sag {n}"
    if scheme == "sag-nr":
        return f"Sag nr. {n}"
    if scheme in FLAT or scheme in SEQUENTIAL or "." not in n:
        return f"{n}."
    return n


def section_label(number: str | None, t: Template) -> str:
    """The number before a section heading: "1.", "II." or nothing."""
    if t.numbering == "unnumbered-sections" or number is None:
        return ""
    return f"{number}."


def presenter_line(item: Item, t: Template) -> str:
    names = item.presenters
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
    if item.presenter_note and len(names) == 1:
        joined += f", {item.presenter_note}"
    return f"{t.presenter} {joined}"


def part_heading(label: str, t: Template) -> str:
    text = label.upper() if t.part_upper else label
    return text + ":" if t.part_colon else text


def bilag_line(label: str, title: str, t: Template) -> str:
    if t.bilag_list == "numbered":
        return f"{label}. {title}"
    if t.bilag_list == "bullets":
        return f"- {title}"
    return f"Bilag {label}{t.bilag_sep} {title}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def indstilling_sentence(short: str, point: str) -> str:
    """One recommendation as a sentence: "Det indstilles, at DASSOS godkender …"."""
    sentence = f"Det indstilles, at {short} {lower_first(point)}"
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def person_cells(person: Person, t: Template) -> tuple[str, str]:
    """(name cell, organisation cell), the role and note in parentheses where the template has
    them."""
    notes = "".join(f" ({x})" for x in (person.role, person.note) if x)
    name, org = person.name, person.organisation or ""
    if t.role_after_org:
        return name, org + notes
    return name + notes, org
