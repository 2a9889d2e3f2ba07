"""`manage.py parse_minutes FILE [--json]`: parse one referat, print its tree, store nothing.

It speaks the active language: Danish (LANGUAGE_CODE) unless told otherwise.
"""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ingest.i18n import kind_label, translate
from ingest.parsing.contract import ParsedMeeting, ParseError
from ingest.parsing.limits import too_large
from ingest.process import limits_from_settings
from ingest.sandbox import ChildCrashed, crash_message, parse_isolated
from minutes.models import Outcome


def summary(parsed: ParsedMeeting) -> str:
    """A readable overview: meeting, participants, then one block per agenda item."""
    meeting = parsed.meeting
    when = meeting.date.isoformat() if meeting.date else _("dato ukendt")
    if meeting.start_time and meeting.end_time:
        when += f", {meeting.start_time:%H:%M}-{meeting.end_time:%H:%M}"
    place = ", ".join(part for part in (meeting.location, meeting.room) if part)
    present = sum(1 for p in parsed.participants if p.status == "present")
    absent = len(parsed.participants) - present
    source = parsed.source
    kind = kind_label(source.kind)
    if source.pages:
        kind += ", " + ngettext("%(pages)d side", "%(pages)d sider", source.pages) % {
            "pages": source.pages
        }
    lines = [
        f"{meeting.body} {when}" + (f" — {place}" if place else ""),
        _("Kilde: %(filename)s (%(kind)s), sha256 %(sha256)s")
        % {"filename": source.filename, "kind": kind, "sha256": source.sha256[:12]},
        _("Deltagere: %(present)d til stede, %(absent)d fraværende")
        % {"present": present, "absent": absent}
        if parsed.participants else _("Deltagere: ingen liste i dokumentet"),
        _("Punkter: %(count)d") % {"count": len(parsed.items)},
    ]
    outcomes = dict(Outcome.choices)
    section = None
    for item in parsed.items:
        if item.section != section:
            section = item.section
            lines.append("\n" + (section or _("(intet afsnit)")))
        outcome = outcomes.get(item.outcome, item.outcome)
        lines.append(f"  {item.number} {item.title}  [{outcome}]")
        if item.presenters:
            lines.append(f"      Ved: {', '.join(item.presenters)}")
        if item.indstilling:
            points = ngettext("%(count)d punkt", "%(count)d punkter", len(item.indstilling))
            lines.append(f"      Indstilling: {points % {'count': len(item.indstilling)}}")
        if item.referat:
            first = " ".join(item.referat.split())
            lines.append(f"      Referat: {first[:100]}{'…' if len(first) > 100 else ''}")
        for attachment in item.attachments:
            link = f" <{attachment.url}>" if attachment.url else ""
            lines.append(f"      {attachment.label}: {attachment.title}{link}")
    if parsed.warnings:
        lines.append("\n" + _("Advarsler:"))
        lines.extend(f"  - {translate(warning)}" for warning in parsed.warnings)
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Parse one referat (PDF, text, Markdown) and print what was found; nothing is stored."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the referat file")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the parse tree as JSON"
        )

    def handle(self, *args, file: str, as_json: bool = False, **options):
        path = Path(file)
        limits = limits_from_settings()
        try:
            # A file over the limit is refused before it is read into memory.
            if path.is_file() and path.stat().st_size > limits.max_bytes:
                refusal = too_large(path.stat().st_size, limits)
                raise CommandError(translate(refusal.message), returncode=2)
            data = path.read_bytes()
        except FileNotFoundError:
            message = _("Filen findes ikke: %(file)s.")
            raise CommandError(message % {"file": file}, returncode=2) from None
        except IsADirectoryError:
            message = _("%(file)s er en mappe, ikke en fil.")
            raise CommandError(message % {"file": file}, returncode=2) from None
        except PermissionError:
            message = _("%(file)s kan ikke læses (adgang nægtet).")
            raise CommandError(message % {"file": file}, returncode=2) from None
        try:
            parsed = parse_isolated(data, path.name, limits)
        except ParseError as error:
            raise CommandError(translate(error.message), returncode=2) from None
        except ChildCrashed as error:
            raise CommandError(translate(crash_message(error)), returncode=1) from None
        if as_json:
            data = parsed.to_dict(translate=translate)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(parsed))
